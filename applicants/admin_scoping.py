"""Admin tenancy: every admin in this project sees only the staff user's agency.

Superusers see everything. Another agency's object is a 404, never a
redirect that confirms it exists.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import quote as urlquote

from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import quote
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from applicants.selectors import organization_for_user

# The models whose name is feminine in pt-PT ("a agência", "a candidatura"): the article and the participle of the
# message after a save agree with it. Django's own pt messages say "O {name} … foi adicionado" for every model, and
# "adicionado" after a change too ("O agência “Casa Lusa” foi adicionado com sucesso": blind probe r69a, I-4).
FEMININE_MODELS = frozenset(
    {
        "applicants.organization",
        "applicants.application",
        "applicants.decision",
        "applicants.consentnotice",
    }
)


class OrganizationScopedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    organization_path = "organization"

    def scope(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if request.user.is_superuser:
            return queryset
        organization = organization_for_user(request.user)
        if organization is None:
            return queryset.none()
        return queryset.filter(**{self.organization_path: organization})

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return self.scope(request, super().get_queryset(request))

    def response_add(self, request: HttpRequest, obj: Model, post_url_continue: str | None = None) -> HttpResponse:
        if IS_POPUP_VAR in request.POST:
            return super().response_add(request, obj, post_url_continue)
        with stock_message_dropped(request):
            response = super().response_add(request, obj, post_url_continue)
        opts = obj._meta
        url = reverse(
            f"admin:{opts.app_label}_{opts.model_name}_change", args=(quote(obj.pk),), current_app=self.admin_site.name
        )
        self.message_user(request, saved_message(request, obj, url=url, added=True), messages.SUCCESS)
        return response

    def response_change(self, request: HttpRequest, obj: Model) -> HttpResponse:
        if IS_POPUP_VAR in request.POST:
            return super().response_change(request, obj)
        with stock_message_dropped(request):
            response = super().response_change(request, obj)
        # "Guardar como novo" is an add that Django answers through response_add, with its own message.
        if "_saveasnew" not in request.POST:
            self.message_user(request, saved_message(request, obj, url=request.path, added=False), messages.SUCCESS)
        return response

    def get_object(self, request: HttpRequest, object_id: str, from_field: str | None = None) -> Any:
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404("Not found")
        return obj

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        related_model = db_field.remote_field.model
        if not request.user.is_superuser and hasattr(related_model, "organization"):
            organization = organization_for_user(request.user)
            kwargs["queryset"] = related_model._default_manager.filter(organization=organization)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Any], search_term: str
    ) -> tuple[QuerySet[Any], bool]:
        # Autocomplete calls this with the related admin's queryset; scope it again.
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        return self.scope(request, queryset), may_have_duplicates


class ScopedInline(admin.TabularInline):  # type: ignore[type-arg]
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class _DroppedMessages:
    """Stands in for the request's message storage while Django writes its stock message after a save."""

    def add(self, level: int, message: str, extra_tags: str = "") -> None:
        pass


@contextmanager
def stock_message_dropped(request: HttpRequest) -> Iterator[None]:
    storage = getattr(request, "_messages", None)
    request._messages = _DroppedMessages()  # type: ignore[attr-defined]
    try:
        yield
    finally:
        request._messages = storage  # type: ignore[attr-defined]


# Django's messages after a save, in whole sentences for each gender (the article and participle agree with the name).
SAVED = {
    (True, False): _("O {name} “{obj}” foi adicionado com sucesso."),
    (True, True): _("A {name} “{obj}” foi adicionada com sucesso."),
    (False, False): _("O {name} “{obj}” foi alterado com sucesso."),
    (False, True): _("A {name} “{obj}” foi alterada com sucesso."),
}
EDIT_AGAIN = _("Pode editar novamente abaixo.")
ADD_ANOTHER = {False: _("Pode adicionar outro {name} abaixo."), True: _("Pode adicionar outra {name} abaixo.")}


def saved_message(request: HttpRequest, obj: Model, *, url: str, added: bool) -> str:
    """What was saved, in pt-PT with the article and participle of the model's gender, and where the page goes next."""
    feminine = obj._meta.label_lower in FEMININE_MODELS
    name = obj._meta.verbose_name
    saved = format_html(
        str(SAVED[(added, feminine)]), name=name, obj=format_html('<a href="{}">{}</a>', urlquote(url), obj)
    )
    if "_continue" in request.POST:
        return format_html("{} {}", saved, EDIT_AGAIN)
    if "_addanother" in request.POST:
        return format_html("{} {}", saved, format_html(str(ADD_ANOTHER[feminine]), name=name))
    return saved
