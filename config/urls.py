from collections.abc import Iterable
from typing import Any

from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.routers import DefaultRouter

from applicants.rest import UnknownEndpoint
from documents.views import local_download, local_upload
from intake.api import (
    IntakeAdditionalDocumentsView,
    IntakeContestView,
    IntakeInfoView,
    IntakeInvitationView,
    IntakeStatusView,
    IntakeSubmissionView,
    IntakeUploadView,
)
from intake.views import intake_page
from workspace import admin_views
from workspace.api import ApplicantViewSet, ApplicationViewSet, IntakeFormRequestViewSet
from workspace.health import liveness, readiness
from workspace.metrics import metrics_view


class ExactPathsRouter(DefaultRouter):
    """DRF's router without its format-suffix paths (``<path>.<format>``): format suffixes are not part of the
    contract, whose only suffixed paths are the exact ``report.pdf`` and ``export.pdf`` actions.

    The suffix paths handed the view a ``format`` argument the staff views do not take, so
    ``/api/v1/applicants/{id}.json`` answered 500 with a traceback in the log, as did ``.json`` after any staff path
    (blind probe r75b, F2); before that ``export.<format>`` had taken ``export.pdf`` (ADR 047). Without them a
    suffixed path is one no endpoint takes: the API's JSON 404.
    """

    include_format_suffixes = False


class SchemaFormatNegotiation(DefaultContentNegotiation):
    """The schema's own ``?format=json`` (docs/api.md), the one endpoint that lists a ``format`` parameter: the API
    ignores it everywhere else (``URL_FORMAT_OVERRIDE`` is off, ADR 028)."""

    def select_renderer(
        self, request: Request, renderers: Iterable[BaseRenderer], format_suffix: str | None = None
    ) -> tuple[BaseRenderer, str]:
        return super().select_renderer(request, renderers, format_suffix or request.query_params.get("format"))


class SchemaView(SpectacularAPIView):
    content_negotiation_class = SchemaFormatNegotiation


router = ExactPathsRouter(trailing_slash=False)
router.include_root_view = False
# Registered before applicants/{id}: both share the applicants/ prefix.
router.register("applicants/intake-form-requests", IntakeFormRequestViewSet, basename="intake-form-request")
router.register("applicants", ApplicantViewSet, basename="applicant")
router.register("applications", ApplicationViewSet, basename="application")

api_v1: list[Any] = [
    path("", include(router.urls)),
    path("intake/<str:token>", IntakeInfoView.as_view(), name="intake-info"),
    path("intake/<str:token>/uploads", IntakeUploadView.as_view(), name="intake-uploads"),
    path("intake/<str:token>/submissions", IntakeSubmissionView.as_view(), name="intake-submissions"),
    path("intake/<str:token>/status", IntakeStatusView.as_view(), name="intake-status"),
    path("intake/<str:token>/invitations", IntakeInvitationView.as_view(), name="intake-invitations"),
    path(
        "intake/<str:token>/additional-documents",
        IntakeAdditionalDocumentsView.as_view(),
        name="intake-additional-documents",
    ),
    path("intake/<str:token>/contest", IntakeContestView.as_view(), name="intake-contest"),
    path("schema", SchemaView.as_view(), name="schema"),
    # The split view serves Swagger UI's init script as a file (?script): no inline script for the CSP to allow.
    path("docs", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
    # Last: whatever no route above takes answers the API's JSON 404, not Django's page.
    re_path(r"^.*$", UnknownEndpoint.as_view(), name="api-unknown"),
]

# A request Django refuses before any view (a Host not allowed) answers JSON on the API's routes.
handler400 = "config.api_errors.bad_request"


def no_view_on_site(request: HttpRequest, **_: object) -> HttpResponse:
    """The admin's "view on site" shortcut, ``admin/r/<type>/<id>/``: no model here has a public page, so it can only
    answer 404; Django's own view answered 500 to any id that is not a UUID (blind security probe c27)."""
    raise Http404


# The admin's own name, not Django's stock "Administração do Django" (blind probe C31).
admin.site.site_header = _("Candidaturas · área da agência")
admin.site.site_title = _("Candidaturas")

urlpatterns = [
    # Before admin.site.urls, which would otherwise take the path.
    re_path(r"^admin/r/", staff_member_required(no_view_on_site)),
    path(
        "admin/notifications/",
        staff_member_required(admin_views.notifications_toggle_view),
        name="staff-notifications",
    ),
    path("admin/", admin.site.urls),
    # Django's set_language: the staff member's explicit choice of the admin's language (a cookie).
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include(api_v1)),
    path("intake/<str:token>/", intake_page, name="intake-page"),
    path("storage/upload", local_upload, name="storage-upload"),
    path("storage/download", local_download, name="storage-download"),
    # Ops, outside the API: probes and the Prometheus scrape (README "Operations").
    path("health/live", liveness, name="health-live"),
    path("health/ready", readiness, name="health-ready"),
    path("metrics", metrics_view, name="metrics"),
]
