"""The staff REST views: thin, scoped to the caller's agency, errors as in docs/api.md."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import MethodNotAllowed, PermissionDenied
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from applicants import selectors, services
from applicants.api_permissions import HasActionPermission, IsAgencyStaff
from applicants.crypto import name_words
from applicants.identifiers import nif_is_well_formed, nif_normalize
from applicants.models import (
    CONTRACT_APPLICANT_STATUSES,
    Applicant,
    ApplicantStatus,
    Application,
    ApplicationStatus,
    AuditAction,
    Contest,
    FormStatus,
    IntakeFormRequest,
    Organization,
    contract_applicant_status,
)
from applicants.rest import FIELD_ERRORS, INVALID_FILTER, NOT_FOUND, PAGE_NOT_FOUND, choice_field, error_response
from screening.selectors import applicant_status_and_report
from workspace.export_pdf import applicant_export_pdf
from workspace.report_pdf import PdfRenderer, pdf_response, report_pdf_download
from workspace.retention import applicant_erase, applicant_export, application_erase
from workspace.second_round import RequestedDocument, contest_answer, decision_take
from workspace.serializers import (
    ApplicantDetailSerializer,
    ApplicantListSerializer,
    ApplicantRectifiedSerializer,
    ApplicantRectifySerializer,
    ApplicantStatusSerializer,
    ApplicationInviteSerializer,
    ApplicationScreenResultSerializer,
    ApplicationScreenSerializer,
    ApplicationSerializer,
    ContestAnswerSerializer,
    ContestItemSerializer,
    DecisionCreateSerializer,
    DecisionSerializer,
    FormRequestCreatedSerializer,
    FormRequestCreateSerializer,
    FormRequestSerializer,
    RescreenResultSerializer,
    RescreenSerializer,
    StaffInvitationCreatedSerializer,
)
from workspace.services import PersonData, applicant_rectify, applicant_rerun, application_invite, application_screen

UUID_PATTERN = "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}"


def pdf_schema(operation_id: str, description: str) -> Any:
    """A PDF action's schema: ``application/pdf`` or a JSON error. The renderers let a client send ``Accept:
    application/pdf``; "?format=" is not part of the contract."""
    return extend_schema(
        parameters=[OpenApiParameter("format", exclude=True)],
        operation_id=operation_id,
        responses={
            (200, "application/pdf"): OpenApiResponse(response=OpenApiTypes.BINARY, description=description),
            404: NOT_FOUND,
        },
    )


class AgencyScopedMixin:
    request: Any

    @property
    def organization(self) -> Organization:
        organization = selectors.organization_for_user(self.request.user)
        assert organization is not None  # guaranteed by IsAgencyStaff
        return organization


@extend_schema(tags=["intake form requests"])
class IntakeFormRequestViewSet(AgencyScopedMixin, viewsets.GenericViewSet):  # type: ignore[type-arg]
    serializer_class = FormRequestSerializer
    lookup_value_regex = UUID_PATTERN
    permission_classes = [IsAgencyStaff, HasActionPermission]
    required_permissions = {
        "list": ("applicants.view_intakeformrequest",),
        "retrieve": ("applicants.view_intakeformrequest",),
        "create": ("applicants.add_intakeformrequest",),
        # Who may send a link may take it back.
        "close": ("applicants.add_intakeformrequest",),
        "link": ("applicants.add_intakeformrequest",),
    }

    def get_queryset(self) -> QuerySet[IntakeFormRequest]:
        return selectors.form_request_list(organization=self.organization)

    @extend_schema(
        parameters=[OpenApiParameter("status", enum=[choice for choice, _ in FormStatus.choices])],
        responses={200: FormRequestSerializer(many=True), 400: INVALID_FILTER, 404: PAGE_NOT_FOUND},
    )
    def list(self, request: Request) -> Response:
        filters = FormRequestFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        forms = selectors.form_request_list(organization=self.organization, status=filters.validated_data.get("status"))
        page = self.paginate_queryset(forms)
        return self.get_paginated_response(FormRequestSerializer(page, many=True).data)

    @extend_schema(
        request=None,
        responses={
            200: FormRequestSerializer,
            404: NOT_FOUND,
            409: error_response("form_not_pending: the applicant already submitted it"),
        },
    )
    @action(detail=True, methods=["post"])
    def close(self, request: Request, pk: str) -> Response:
        """Close a form before its date: its link answers as an expired one's from now on."""
        form_request = selectors.form_request_get(organization=self.organization, form_request_id=pk)
        closed = services.form_request_close(form_request=form_request, closed_by=request.user)
        return Response(
            FormRequestSerializer(
                selectors.form_request_get(organization=self.organization, form_request_id=closed.pk)
            ).data
        )

    @extend_schema(
        request=None,
        responses={
            200: FormRequestCreatedSerializer,
            404: NOT_FOUND,
            409: error_response("form_not_pending: someone already submitted on it"),
            410: error_response("form_expired: the form expired or was closed"),
        },
    )
    @action(detail=True, methods=["post"])
    def link(self, request: Request, pk: str) -> Response:
        """A new link for a form nobody submitted on yet, shown this once; the old link stops working."""
        form_request = selectors.form_request_get(organization=self.organization, form_request_id=pk)
        renewed = services.form_request_link_renew(form_request=form_request, renewed_by=request.user)
        data = dict(
            FormRequestSerializer(
                selectors.form_request_get(organization=self.organization, form_request_id=renewed.form_request.pk)
            ).data
        )
        data.update(token=renewed.token, intake_url=renewed.intake_url)
        return Response(data)

    @extend_schema(responses={200: FormRequestSerializer, 404: NOT_FOUND})
    def retrieve(self, request: Request, pk: str) -> Response:
        form_request = selectors.form_request_get(organization=self.organization, form_request_id=pk)
        return Response(FormRequestSerializer(form_request).data)

    @extend_schema(
        request=FormRequestCreateSerializer, responses={201: FormRequestCreatedSerializer, 400: FIELD_ERRORS}
    )
    def create(self, request: Request) -> Response:
        serializer = FormRequestCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        created = services.form_request_create(
            organization=self.organization, created_by=request.user, **serializer.validated_data
        )
        data = dict(FormRequestSerializer(created.form_request).data)
        data.update(token=created.token, intake_url=created.intake_url)
        # Where the new form is read back (RFC 9110's Location of a 201: blind probe r55a looked for it).
        location = request.build_absolute_uri(reverse("intake-form-request-detail", args=[created.form_request.pk]))
        return Response(data, status=status.HTTP_201_CREATED, headers={"Location": location})


@extend_schema(tags=["applicants"])
class ApplicantViewSet(AgencyScopedMixin, mixins.ListModelMixin, viewsets.GenericViewSet):  # type: ignore[type-arg]
    serializer_class = ApplicantListSerializer
    lookup_value_regex = UUID_PATTERN
    permission_classes = [IsAgencyStaff, HasActionPermission]
    required_permissions = {
        "list": ("applicants.view_applicant",),
        "retrieve": ("applicants.view_applicant",),
        "status_": ("applicants.view_applicant",),
        "report_pdf": ("applicants.view_applicant",),
        "rescreen": ("applicants.rerun_applicant",),
        "decision": ("applicants.add_decision",),
        # Answering is part of deciding on the applicant: the same permission.
        "contest_answer": ("applicants.add_decision",),
        # GDPR: a person's data in clear is theirs to have (art. 15); erasing it is the agency admin's (art. 17).
        "export": ("applicants.view_applicant", "applicants.view_pii"),
        "export_pdf": ("applicants.view_applicant", "applicants.view_pii"),
        "destroy": ("applicants.delete_applicant",),
        # Rectification (GDPR art. 16) writes the person's data in clear and re-screens what it changes: the
        # colleagues who see that data and may re-run (both roles; not a no-PII colleague). Blind probe r64b.
        "partial_update": ("applicants.view_applicant", "applicants.view_pii", "applicants.rerun_applicant"),
    }

    # A subject-access export is a disclosure, audited as one (``EXPORTED``): a HEAD rendered the copy, audited it and
    # sent nothing (blind probe r75b, U), so these take GET only.
    get_only_actions = frozenset({"export", "export_pdf"})

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        if request.method == "HEAD" and self.action in self.get_only_actions:
            raise MethodNotAllowed(request.method)

    @property
    def allowed_methods(self) -> list[str]:
        methods = list(super().allowed_methods)
        if getattr(self, "action_map", {}).get("get") in self.get_only_actions:
            return [method for method in methods if method != "HEAD"]
        return methods

    def get_queryset(self) -> QuerySet[Applicant]:
        filters = ApplicantFilterSerializer(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        if "nif" in filters.validated_data and not self.request.user.has_perm("applicants.view_pii"):
            # A NIF lookup says whether that person applied: personal data, as the NIF itself is to read (e2e
            # probe 20: staff without the permission could test any NIF they knew).
            raise PermissionDenied(
                _(
                    "Pesquisar por NIF requer a permissão de ver dados pessoais, que o seu perfil não tem: peça-a ao "
                    "administrador da agência."
                )
            )
        if "name" in filters.validated_data and not self.request.user.has_perm("applicants.view_pii"):
            raise PermissionDenied(
                _(
                    "Pesquisar por nome requer a permissão de ver dados pessoais, que o seu perfil não tem: peça-a ao "
                    "administrador da agência."
                )
            )
        return selectors.applicant_list(
            organization=self.organization, filters=selectors.ApplicantFilters(**filters.validated_data)
        )

    def get_applicant(self, pk: str) -> Applicant:
        return selectors.applicant_get(organization=self.organization, applicant_id=pk)

    @extend_schema(
        parameters=[
            OpenApiParameter("status", enum=[c for c, _ in CONTRACT_APPLICANT_STATUSES]),
            OpenApiParameter("risk_level", enum=["LOW", "MEDIUM", "HIGH"]),
            OpenApiParameter("form_request", OpenApiTypes.UUID),
            OpenApiParameter("nif", str, description="Exact NIF (any common format), matched through the blind index"),
            OpenApiParameter(
                "name", str, description="Whole words of the name, accents and case aside, through their blind index"
            ),
            OpenApiParameter("info_request", enum=["OPEN", "OVERDUE"]),
            OpenApiParameter("contest", enum=["OPEN"]),
        ],
        responses={
            200: ApplicantListSerializer(many=True),
            400: INVALID_FILTER,
            404: PAGE_NOT_FOUND,
        },
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().list(request, *args, **kwargs)
        if request.user.has_perm("applicants.view_pii"):
            services.audit_record(
                action=AuditAction.PII_VIEWED,
                target_type="applicant_list",
                target_id="-",
                organization=self.organization,
                actor=request.user,
                details={"surface": "api", "count": len(response.data.get("results", []))},
            )
        return response

    @extend_schema(responses={200: ApplicantDetailSerializer, 404: NOT_FOUND})
    def retrieve(self, request: Request, pk: str) -> Response:
        applicant = self.get_applicant(pk)
        data = ApplicantDetailSerializer(applicant, context={"request": request}).data
        if request.user.has_perm("applicants.view_pii"):
            services.pii_view_record(applicant=applicant, actor=request.user, surface="api")
        return Response(data)

    @extend_schema(
        request=ApplicantRectifySerializer,
        responses={
            200: ApplicantRectifiedSerializer,
            400: FIELD_ERRORS,
            404: NOT_FOUND,
            409: error_response(
                "duplicate_submission (another person of the form has this NIF) or applicant_processing"
            ),
        },
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        """Rectify the person's name, NIF, birth date, e-mail or phone (GDPR art. 16); audited with field names."""
        serializer = ApplicantRectifySerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        rectification = applicant_rectify(
            applicant=self.get_applicant(pk), actor=request.user, data=PersonData(**serializer.validated_data)
        )
        applicant = self.get_applicant(pk)
        context = {"request": request, "rectification": rectification}
        data = ApplicantRectifiedSerializer(applicant, context=context).data
        services.pii_view_record(applicant=applicant, actor=request.user, surface="api")
        return Response(data)

    @extend_schema(
        responses={
            204: OpenApiResponse(
                description="Erased: the person's rows, documents, stored files and every report that screened them; "
                "the others of their application are screened again without them"
            ),
            404: NOT_FOUND,
            409: error_response(
                "application_has_others (a lead tenant who would leave only guarantors: erase the application, or "
                "the guarantors first) or applicant_processing"
            ),
        }
    )
    def destroy(self, request: Request, pk: str) -> Response:
        """Erase one person on request (GDPR art. 17), a member of a household on their own; audited with ids and
        counts only."""
        if applicant_erase(applicant=self.get_applicant(pk), actor=request.user).applicants == 0:
            # Erased by a request that held the household's lock first: 404, as any later request finds it (blind
            # probe r77a, F6: both answered 204, and only one erased). ADR 011.
            raise Http404
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        responses={
            (200, "application/json"): OpenApiResponse(
                response=OpenApiTypes.OBJECT,
                description="Everything held about the person (GDPR art. 15): data, documents with what was read, "
                "reports, decisions; audited",
            ),
            404: NOT_FOUND,
        }
    )
    @action(detail=True, methods=["get"])
    def export(self, request: Request, pk: str) -> Response:
        """Subject access: what ``manage.py export_applicant`` prints, for the agency to hand to the person."""
        export = applicant_export(
            applicant=self.get_applicant(pk), actor=request.user, audit_details={"via": "api", "format": "json"}
        )
        return Response(export)

    @pdf_schema(
        "applicants_export_pdf_retrieve",
        "The same export as a PDF the person reads (pt-PT, GDPR art. 12(1)); audited",
    )
    @action(detail=True, methods=["get"], url_path=r"export\.pdf", renderer_classes=[JSONRenderer, PdfRenderer])
    def export_pdf(self, request: Request, pk: str) -> HttpResponse:
        """Subject access as a readable copy, built from the JSON export's own dict (ADR 047)."""
        rendered = applicant_export_pdf(applicant=self.get_applicant(pk), actor=request.user, via="api")
        return pdf_response(rendered)

    @extend_schema(responses={200: ApplicantStatusSerializer, 404: NOT_FOUND})
    @action(detail=True, methods=["get"], url_path="status")
    def status_(self, request: Request, pk: str) -> Response:
        applicant, report = applicant_status_and_report(organization=self.organization, applicant_id=pk)
        data = ApplicantStatusSerializer(
            {"status": contract_applicant_status(applicant.status), "report": report}, context={"request": request}
        ).data
        if report is not None and request.user.has_perm("applicants.view_pii"):
            services.pii_view_record(applicant=applicant, actor=request.user, surface="api_status")
        return Response(data)

    @pdf_schema(
        "applicants_report_pdf_retrieve", "The current report as a PDF (pt-PT), masked without view_pii; audited"
    )
    @action(detail=True, methods=["get"], url_path=r"report\.pdf", renderer_classes=[JSONRenderer, PdfRenderer])
    def report_pdf(self, request: Request, pk: str) -> HttpResponse:
        """The report as a PDF: 404 for another agency's applicant and for one without a report yet."""
        rendered = report_pdf_download(applicant=self.get_applicant(pk), viewer=request.user, surface="api")
        if rendered is None:
            raise Http404
        return pdf_response(rendered)

    @extend_schema(
        request=RescreenSerializer,
        responses={200: RescreenResultSerializer, 202: RescreenResultSerializer, 400: FIELD_ERRORS, 404: NOT_FOUND},
    )
    @action(detail=True, methods=["post"])
    def rescreen(self, request: Request, pk: str) -> Response:
        applicant = self.get_applicant(pk)
        serializer = RescreenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        queued = applicant_rerun(applicant=applicant, actor=request.user, **serializer.validated_data)
        if not queued:
            return Response({"status": contract_applicant_status(applicant.status)}, status=status.HTTP_200_OK)
        return Response({"status": ApplicantStatus.PROCESSING}, status=status.HTTP_202_ACCEPTED)

    @extend_schema(
        request=DecisionCreateSerializer, responses={201: DecisionSerializer, 400: FIELD_ERRORS, 404: NOT_FOUND}
    )
    @action(detail=True, methods=["post"])
    def decision(self, request: Request, pk: str) -> Response:
        applicant = self.get_applicant(pk)
        serializer = DecisionCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        recorded = decision_take(
            applicant=applicant,
            decided_by=request.user,
            decision=data["decision"],
            reason=data["reason"],
            message_to_applicant=data["message_to_applicant"],
            requested_documents=[RequestedDocument(**item) for item in data["requested_documents"]],
            due_at=data["due_at"],
        )
        return Response(
            DecisionSerializer(recorded, context=self.get_serializer_context()).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        request=ContestAnswerSerializer,
        responses={
            200: ContestItemSerializer,
            400: FIELD_ERRORS,
            404: NOT_FOUND,
            409: error_response("contest_answered"),
        },
    )
    @action(detail=True, methods=["post"], url_path=f"contests/(?P<contest_id>{UUID_PATTERN})/answer")
    def contest_answer(self, request: Request, pk: str, contest_id: str) -> Response:
        """Answer the applicant's comment or contest: the answer is e-mailed to them."""
        applicant = self.get_applicant(pk)
        contest = get_object_or_404(Contest, pk=contest_id, applicant=applicant, organization=self.organization)
        serializer = ContestAnswerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        answered = contest_answer(contest=contest, actor=request.user, answer=serializer.validated_data["answer"])
        return Response(ContestItemSerializer(answered).data)


class FormRequestFilterSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=FormStatus.choices, required=False)


class ApplicantFilterSerializer(serializers.Serializer):
    status = choice_field(choices=CONTRACT_APPLICANT_STATUSES, required=False)
    risk_level = choice_field(choices=["LOW", "MEDIUM", "HIGH"], required=False)
    form_request = serializers.UUIDField(required=False)
    nif = serializers.CharField(max_length=40, required=False)
    name = serializers.CharField(max_length=200, required=False)
    info_request = serializers.ChoiceField(
        choices=["OPEN", "OVERDUE"], required=False, help_text="Documents asked for and not sent (OVERDUE: past due)"
    )
    contest = serializers.ChoiceField(
        choices=["OPEN"], required=False, help_text="An applicant's comment awaits an answer"
    )

    def validate_nif(self, value: str) -> str:
        # Nine ASCII digits after NFKC, like every other way a NIF enters; the check
        # digit is not tested (a wrong one simply matches nobody).
        nif = nif_normalize(value)
        if not nif_is_well_formed(nif):
            raise serializers.ValidationError(_("O NIF deve ter 9 algarismos."))
        return nif

    def validate_name(self, value: str) -> str:
        # A term with no word a name is found by (initials, particles, digits) would match nobody, silently.
        if not name_words(value):
            raise serializers.ValidationError(_("Escreva pelo menos uma palavra do nome, com duas letras ou mais."))
        return value


class ApplicationFilterSerializer(serializers.Serializer):
    status = choice_field(choices=ApplicationStatus.choices, required=False)
    risk_level = choice_field(choices=["LOW", "MEDIUM", "HIGH"], required=False)
    form_request = serializers.UUIDField(required=False)


@extend_schema(tags=["applications"])
class ApplicationViewSet(AgencyScopedMixin, viewsets.GenericViewSet):  # type: ignore[type-arg]
    """Households: the people who apply together for one form, their invitations and their one report."""

    serializer_class = ApplicationSerializer
    lookup_value_regex = UUID_PATTERN
    permission_classes = [IsAgencyStaff, HasActionPermission]
    # Inviting issues a new intake link, like creating a form; screening is a re-run of the pipeline.
    required_permissions = {
        "list": ("applicants.view_applicant",),
        "retrieve": ("applicants.view_applicant",),
        "invitations": ("applicants.view_applicant", "applicants.add_intakeformrequest"),
        "screen": ("applicants.view_applicant", "applicants.rerun_applicant"),
        "destroy": ("applicants.delete_applicant",),
    }

    def get_queryset(self) -> QuerySet[Application]:
        filters = ApplicationFilterSerializer(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        return selectors.application_list(
            organization=self.organization, filters=selectors.ApplicationFilters(**filters.validated_data)
        )

    def get_application(self, pk: str) -> Application:
        return selectors.application_get(organization=self.organization, application_id=pk)

    def pii_viewed(self, applications: list[Application], surface: str) -> None:
        """Every member whose name was shown in clear goes to the audit trail (ids only)."""
        if not self.request.user.has_perm("applicants.view_pii"):
            return
        for application in applications:
            for member in application.members.all():
                services.pii_view_record(applicant=member, actor=self.request.user, surface=surface)

    @extend_schema(
        parameters=[
            OpenApiParameter("status", enum=[c for c, _ in ApplicationStatus.choices]),
            OpenApiParameter("risk_level", enum=["LOW", "MEDIUM", "HIGH"]),
            OpenApiParameter("form_request", OpenApiTypes.UUID),
        ],
        responses={
            200: ApplicationSerializer(many=True),
            400: INVALID_FILTER,
            404: PAGE_NOT_FOUND,
        },
    )
    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        applications = list(page) if page is not None else []
        data = ApplicationSerializer(applications, many=True, context={"request": request}).data
        self.pii_viewed(applications, surface="api_applications")
        return self.get_paginated_response(data)

    @extend_schema(
        responses={
            204: OpenApiResponse(description="Erased: every member, their documents, files and the reports"),
            404: NOT_FOUND,
            409: error_response("applicant_processing"),
        }
    )
    def destroy(self, request: Request, pk: str) -> Response:
        """Erase an application and every member on request (GDPR art. 17); audited with ids and counts only."""
        if not application_erase(application=self.get_application(pk), actor=request.user).found:
            # Erased by a request that held the household's lock first: 404, as any later request finds it.
            raise Http404
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(responses={200: ApplicationSerializer, 404: NOT_FOUND})
    def retrieve(self, request: Request, pk: str) -> Response:
        application = self.get_application(pk)
        data = ApplicationSerializer(application, context={"request": request}).data
        self.pii_viewed([application], surface="api_application")
        return Response(data)

    @extend_schema(
        request=ApplicationInviteSerializer,
        responses={
            201: StaffInvitationCreatedSerializer,
            400: error_response("a field error, invalid_role or too_many_people"),
            404: NOT_FOUND,
            409: error_response("application_not_waiting (being screened now)"),
        },
    )
    @action(detail=True, methods=["post"])
    def invitations(self, request: Request, pk: str) -> Response:
        """Invite a co-tenant or guarantor: their link is e-mailed to them and shown here once (with ``view_pii``)."""
        application = self.get_application(pk)
        serializer = ApplicationInviteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        created = application_invite(application=application, actor=request.user, **serializer.validated_data)
        invitation = created.invitation
        # The link opens the household's intake page, which names the lead tenant (their first name) in clear:
        # staff without view_pii got it here and read the name the API masks for them (probe C27). They still
        # invite; the person gets the link by e-mail, as everyone does.
        shown = request.user.has_perm("applicants.view_pii")
        body = {
            "id": invitation.id,
            "role": invitation.role,
            "name": invitation.name,
            "email": invitation.email,
            "status": invitation.effective_status,
            "expires_at": invitation.expires_at,
            "token": created.token if shown else None,
            "intake_url": created.intake_url if shown else None,
        }
        return Response(StaffInvitationCreatedSerializer(body).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=ApplicationScreenSerializer,
        responses={
            200: ApplicationScreenResultSerializer,
            202: ApplicationScreenResultSerializer,
            400: FIELD_ERRORS,
            404: NOT_FOUND,
            409: error_response("application_not_waiting (a run is under way) or application_without_lead"),
        },
    )
    @action(detail=True, methods=["post"])
    def screen(self, request: Request, pk: str) -> Response:
        """Screen with whoever has submitted (``force``), or start an application that waits for nobody."""
        application = self.get_application(pk)
        serializer = ApplicationScreenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        queued = application_screen(application=application, actor=request.user, **serializer.validated_data)
        if not queued:
            return Response({"status": application.status}, status=status.HTTP_200_OK)
        return Response({"status": ApplicationStatus.PROCESSING}, status=status.HTTP_202_ACCEPTED)
