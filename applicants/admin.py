"""Admin for the foundation's own models: agencies, memberships, intake forms, decisions, audit.

The applicant review pages, which show documents and reports too, live in
``workspace/admin.py`` (they combine apps, so they sit above them).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, ClassVar

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.widgets import AdminDateWidget
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from applicants import errors, services
from applicants.admin_scoping import OrganizationScopedAdmin, ScopedInline
from applicants.amounts import AmountUnread, amount_read, price_questioned
from applicants.figures import percent_words
from applicants.masking import RESERVED, mask_name
from applicants.models import (
    Applicant,
    AuditEvent,
    Decision,
    FormStatus,
    IntakeFormRequest,
    Membership,
    Organization,
    Role,
    role_label,
)
from applicants.selectors import decision_report_erased, is_agency_admin, organization_for_user
from applicants.text import format_eur


class PercentField(forms.DecimalField):
    """A setting stored as a fraction (0.350) that the agency reads and types as a percentage ("35,0").

    The reports print these as "35,0 %", and a bare 0,350 invited a 40 typed for 40 %, refused with "não tem mais
    de 1 dígito antes do ponto decimal" (blind probe r69a, I-5, U-3). Its bounds are in percent, with a message
    that says so; the model's validators hold the same range in fractions (ADR 004, "Ranges").
    """

    def __init__(
        self, *, decimal_places: int, min_percent: Decimal, max_percent: Decimal, example: str, **kwargs: Any
    ) -> None:
        super().__init__(decimal_places=decimal_places, localize=True, **kwargs)
        self.min_percent, self.max_percent, self.example = min_percent, max_percent, example
        self.shown_step = Decimal(1).scaleb(-decimal_places)  # "35,0" for 0.350, "4,00" for 0.0400

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value is not None and not self.min_percent <= value <= self.max_percent:
            # No parameters: the message is complete (a validator would format its "%" again).
            message = _(
                "Indique uma percentagem de %(min)s a %(max)s (por exemplo %(example)s para %(example)s %%)."
            ) % {
                "min": percent_text(self.min_percent),
                "max": percent_text(self.max_percent),
                "example": self.example,
            }
            raise ValidationError(message, code="out_of_range")

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Decimal):
            value = (value * 100).quantize(self.shown_step)
        return super().prepare_value(value)

    def clean(self, value: Any) -> Decimal | None:
        percent = super().clean(value)
        return None if percent is None else percent / 100

    def has_changed(self, initial: Any, data: Any) -> bool:
        try:
            typed = self.clean(data)
        except ValidationError:
            return True
        return typed != (Decimal(str(initial)) if initial not in (None, "") else None)


def percent_text(percent: Decimal) -> str:
    """A percentage bound as the agency writes it: "0,1 %", "100 %"."""
    return f"{format(percent.normalize(), 'f').replace('.', ',')} %"


def percent_shown(fraction: Decimal) -> str:
    """A stored ratio as the reports print it: "35 %", "35,25 %" (applicants.figures, the reports' one helper)."""
    return percent_words(fraction)


# Ratios (the taxa de esforco limits, the loan-to-value) from 1 % to 100 %: below 1 % no agency means it, and a
# 0,35 typed as the fraction it used to be is caught, not kept as 0,35 %. The rate from 0 % (no interest) to 25 %.
RATIO_PERCENT = {"decimal_places": 1, "min_percent": Decimal("1"), "max_percent": Decimal("100"), "example": "35"}
RATE_PERCENT = {"decimal_places": 2, "min_percent": Decimal("0"), "max_percent": Decimal("25"), "example": "4"}
PERCENT_SETTINGS: dict[str, dict[str, Any]] = {
    "dti_medium_threshold": {**RATIO_PERCENT, "help_text": _("Em percentagem: acima deste valor, risco médio.")},
    "dti_high_threshold": {**RATIO_PERCENT, "help_text": _("Em percentagem: acima deste valor, risco alto.")},
    "dti_guarantor_threshold": {
        **RATIO_PERCENT,
        "help_text": _(
            "Em percentagem: o fiador cobre quando o encargo mensal não passa desta parte do seu rendimento."
        ),
    },
    "sale_loan_to_value": {**RATIO_PERCENT, "help_text": _("A parte do preço de venda financiada, em percentagem.")},
    "sale_annual_interest_rate": {**RATE_PERCENT, "help_text": _("Em percentagem ao ano, de 0 a 25.")},
}


class OrganizationForm(forms.ModelForm):  # type: ignore[type-arg]
    """The agency's settings: the ratios as percentages, each bound said at its field."""

    class Meta:
        model = Organization
        # Every editable field, as the admin's default form has: a Meta with only the percentages left the others off.
        fields = "__all__"  # noqa: DJ007

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, options in PERCENT_SETTINGS.items():
            if name in self.fields:
                model_field = self.fields[name]
                self.fields[name] = PercentField(label=model_field.label, required=model_field.required, **options)


@admin.register(Organization)
class OrganizationAdmin(OrganizationScopedAdmin):
    organization_path = "pk"
    form = OrganizationForm
    list_display = (
        "name",
        "dti_medium_display",
        "dti_high_display",
        "retention_days_after_decision",
        "created_at",
    )
    search_fields = ("name",)

    @admin.display(description=_("medium DTI threshold"), ordering="dti_medium_threshold")
    def dti_medium_display(self, obj: Organization) -> str:
        return percent_shown(obj.dti_medium_threshold)

    @admin.display(description=_("high DTI threshold"), ordering="dti_high_threshold")
    def dti_high_display(self, obj: Organization) -> str:
        return percent_shown(obj.dti_high_threshold)

    def scope(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if request.user.is_superuser:
            return queryset
        organization = organization_for_user(request.user)
        return queryset.filter(pk=organization.pk) if organization else queryset.none()

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_superuser


class MembershipForm(forms.ModelForm):  # type: ignore[type-arg]
    """A colleague's access: their role and whether they see personal data, both granted AND revoked on save."""

    view_pii = forms.BooleanField(
        label=_("pode ver dados pessoais"),
        required=False,
        help_text=_("Sem esta permissão, nomes, NIF, contactos e rendimentos aparecem como (reservado)."),
    )

    class Meta:
        model = Membership
        fields = ("role",)

    # The admin who opened the page (MembershipAdmin.get_form): the guards name who is acting.
    acting_user: Any = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["view_pii"].initial = services.staff_may_view_pii(self.instance.user)

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if self.instance.pk and "role" in cleaned and self.has_changed():
            try:
                services.staff_access_check(
                    membership=self.instance, acting_user=self.acting_user, role=cleaned["role"]
                )
            except ValidationError as refusal:
                self.add_error("role", refusal)
        return cleaned


@admin.register(Membership)
class MembershipAdmin(OrganizationScopedAdmin):
    """The agency's colleagues, for its ADMIN (a STAFF member does not see the entry; a superuser sees every agency).

    Adding a colleague stays in the shell (``manage.py add_staff``): it makes their login and API token, and the admin
    has no password-reset flow to hand a login over without the adding admin knowing the password (README)."""

    form = MembershipForm
    list_display = ("colleague", "role", "may_view_pii", "active", "token_created", "created_at")
    list_filter = ("role", "user__is_active")
    list_select_related = ("user", "user__auth_token", "organization")
    search_fields = ("user__email", "user__first_name", "user__last_name")
    autocomplete_fields = ("user",)
    actions = ["deactivate_colleagues", "revoke_tokens"]
    change_readonly = ("colleague", "organization", "active", "token_created", "created_at")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        # Whether each colleague sees personal data, in the list's one query rather than one per row.
        user_permissions = get_user_model().user_permissions.through.objects  # type: ignore[attr-defined]
        sees_pii = user_permissions.filter(
            user_id=OuterRef("user_id"),
            permission__content_type__app_label="applicants",
            permission__codename="view_pii",
        )
        return super().get_queryset(request).annotate(user_sees_pii=Exists(sees_pii))

    def get_list_display(self, request: HttpRequest) -> Any:
        # The agency column tells a superuser's agencies apart; an agency's admin sees only their own.
        return ("organization", *self.list_display) if request.user.is_superuser else self.list_display

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return ("user", "organization", "role")
        # One's own page is read-only: there the permission is shown from the user, not from the form's field.
        pii = "view_pii" if self.has_change_permission(request, obj) else "may_view_pii"
        return (*self.change_readonly, "role", pii)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.change_readonly if obj is not None else ()

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        if obj is None:
            kwargs["form"] = forms.ModelForm
            return super().get_form(request, obj, change, **kwargs)
        form = super().get_form(request, obj, change, **kwargs)
        return type(form.__name__, (form,), {"acting_user": request.user})

    def _manages_colleagues(self, request: HttpRequest) -> bool:
        return bool(request.user.is_superuser or is_agency_admin(request.user))

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._manages_colleagues(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._manages_colleagues(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # One's own page is read-only: nobody changes their own access (no self-lockout).
        if request.user.is_superuser:
            return True
        return self._manages_colleagues(request) and (obj is None or obj.user_id != request.user.pk)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # A colleague who leaves is deactivated: their decisions and audit events keep naming them.
        return request.user.is_superuser

    def save_model(self, request: HttpRequest, obj: Membership, form: Any, change: bool) -> None:
        if not change:
            super().save_model(request, obj, form, change)
            services.staff_permissions_grant(user=obj.user, role=obj.role)
            return
        services.staff_access_change(
            membership=obj,
            role=form.cleaned_data["role"],
            view_pii=form.cleaned_data["view_pii"],
            changed_by=request.user,
        )

    @admin.display(description=_("colega"), ordering="user__email")
    def colleague(self, obj: Membership) -> str:
        name = obj.user.get_full_name()
        return f"{name} <{obj.user.email}>" if name else obj.user.email or obj.user.get_username()

    @admin.display(description=_("dados pessoais"), boolean=True)
    def may_view_pii(self, obj: Membership) -> bool:
        return bool(obj.user_sees_pii)  # type: ignore[attr-defined]

    @admin.display(description=_("ativo"), boolean=True, ordering="user__is_active")
    def active(self, obj: Membership) -> bool:
        return bool(obj.user.is_active)

    @admin.display(description=_("token de API criado em"))
    def token_created(self, obj: Membership) -> str:
        token = getattr(obj.user, "auth_token", None)
        return date_format(timezone.localtime(token.created), "SHORT_DATETIME_FORMAT") if token else "—"

    @admin.action(
        description=_("Desativar os colegas selecionados (sem acesso nem token de API)"), permissions=["change"]
    )
    def deactivate_colleagues(self, request: HttpRequest, queryset: QuerySet[Any]) -> TemplateResponse | None:
        colleagues = self.scope(request, queryset).select_related("user").filter(user__is_active=True)
        if request.POST.get("post") != "yes":
            return self.action_confirmation(
                request,
                colleagues,
                action="deactivate_colleagues",
                question=_(
                    "Desativar estes colegas? Deixam de entrar no admin e o token de API deixa de funcionar já."
                ),
            )
        done = 0
        for membership in colleagues:
            try:
                services.staff_member_deactivate(membership=membership, deactivated_by=request.user)
            except ValidationError as refusal:
                messages.error(request, f"{self.colleague(membership)}: {' '.join(refusal.messages)}")
            else:
                done += 1
        if done:
            messages.success(request, _("Colegas desativados: %(count)d.") % {"count": done})
        return None

    @admin.action(description=_("Revogar o token de API dos colegas selecionados"), permissions=["change"])
    def revoke_tokens(self, request: HttpRequest, queryset: QuerySet[Any]) -> TemplateResponse | None:
        colleagues = self.scope(request, queryset).select_related("user")
        if request.POST.get("post") != "yes":
            return self.action_confirmation(
                request,
                colleagues,
                action="revoke_tokens",
                question=_(
                    "Revogar o token de API destes colegas? Deixa de funcionar já; um novo faz-se na linha de comandos "
                    "(manage.py drf_create_token -r <e-mail>)."
                ),
            )
        revoked = sum(
            services.staff_token_revoke(membership=membership, revoked_by=request.user) for membership in colleagues
        )
        messages.success(request, _("Tokens de API revogados: %(count)d.") % {"count": revoked})
        return None

    def action_confirmation(
        self, request: HttpRequest, colleagues: QuerySet[Any], *, action: str, question: Any
    ) -> TemplateResponse:
        """The page that asks before an action that locks a colleague out, as Django asks before a deletion."""
        context = {
            **self.admin_site.each_context(request),
            "title": _("Tem a certeza?"),
            "question": question,
            "colleagues": [(membership.pk, self.colleague(membership)) for membership in colleagues],
            "action": action,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/applicants/membership/action_confirmation.html", context)


class FormStatusFilter(admin.SimpleListFilter):
    title = _("estado")
    parameter_name = "status"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(value, str(label)) for value, label in FormStatus.choices]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value()
        now = timezone.now()
        if value == FormStatus.PENDING:
            return queryset.open(now=now)  # type: ignore[attr-defined, no-any-return]
        if value == FormStatus.EXPIRED:
            return queryset.expired(now=now)  # type: ignore[attr-defined, no-any-return]
        if value == FormStatus.COMPLETED:
            return queryset.filter(status=FormStatus.COMPLETED)
        return queryset


class AmountField(forms.DecimalField):
    """Euros typed as people in Portugal type them ("850,00", "1.250,00", "1 250 €"), read by ``amount_read``.

    A text box, not the browser's number field: Chromium's dropped the comma of "850,00" and sent 85000, saved without
    a word (blind probe r73c, F1). What could be read two ways is a field error that says how to write it.
    """

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "size": 14})

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(localize=True, **kwargs)

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        try:
            return amount_read(str(value))
        except AmountUnread as unread:
            raise ValidationError(AMOUNT_UNREAD[unread.code], code=unread.code) from None


AMOUNT_UNREAD = {
    "ambiguous": _(
        "Este valor pode ler-se de duas maneiras (1,250 é 1,25 € ou 1250 €?). Escreva os cêntimos depois da vírgula "
        "e os milhares com ponto ou espaço, por exemplo 1.250,00 ou 1,25."
    ),
    "unreadable": _("Indique um valor em euros, por exemplo 850, 850,00 ou 1.250,00."),
}

FORM_PRICE_LABEL = _("Renda mensal ou preço de venda (€)")


class IntakeFormRequestForm(forms.ModelForm):  # type: ignore[type-arg]
    # Asked for only when the price is unusual for its listing type (``applicants.amounts.PLAUSIBLE_PRICES``): the
    # admin shows it after a refused save (``IntakeFormRequestAdmin.get_fields``), never on a blank form.
    price_confirmed = forms.BooleanField(
        label=_("Confirmo este valor"),
        required=False,
        help_text=_("Marque se o valor está certo, mesmo fora do habitual para este tipo de anúncio."),
    )

    class Meta:
        model = IntakeFormRequest
        fields = ("listing_type", "property_type", "property_title", "property_price", "expires_at")
        field_classes: ClassVar[dict[str, Any]] = {"property_price": AmountField}
        # Django's stock "Garanta que este valor seja maior ou igual a 0.01." is Brazilian and prints a decimal point.
        error_messages: ClassVar[dict[str, dict[str, Any]]] = {
            "property_price": {"min_value": _("Indique um valor de pelo menos 0,01 €.")}
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "property_price" in self.fields:
            # One field for both kinds of listing: what it holds for each (the API's property_price, docs/api.md).
            self.fields["property_price"].label = FORM_PRICE_LABEL
            self.fields["property_price"].help_text = _(
                "Arrendamento: a renda mensal (€). Venda: o preço de venda (€). Por exemplo 850,00 ou 1.250,00."
            )
        if self.instance._state.adding and "expires_at" in self.fields:
            # A day, as the API's expires_in_days: the link works to the end of it. With a date and a time, the
            # "Hoje | Agora" shortcuts gave the present moment, refused as past (blind probe C31).
            default = timezone.localdate() + dt.timedelta(days=settings.INTAKE_DEFAULT_EXPIRY_DAYS)
            self.fields["expires_at"] = forms.DateField(
                label=_("Expira no fim do dia"),
                widget=AdminDateWidget,
                initial=default,
                help_text=_("Por omissão, daqui a %(days)s dias, como na API.")
                % {"days": settings.INTAKE_DEFAULT_EXPIRY_DAYS},
            )

    def clean_expires_at(self) -> Any:
        expires_at = self.cleaned_data["expires_at"]
        if isinstance(expires_at, dt.date) and not isinstance(expires_at, dt.datetime):
            expires_at = timezone.make_aware(dt.datetime.combine(expires_at, dt.time(23, 59, 59)))
        # A new link lives at most a year, like one made through the API; an existing one may be ended early.
        services.form_expiry_validate(expires_at, allow_past=not self.instance._state.adding)
        return expires_at

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        listing_type = cleaned.get("listing_type", self.instance.listing_type)
        price = cleaned.get("property_price")
        # Zero or less is refused by the model's own bound (said after this), not questioned as unusual.
        if price is not None and price > 0 and listing_type and not cleaned.get("price_confirmed"):
            bounds = price_questioned(listing_type, price)
            if bounds is not None:
                self.add_error("property_price", price_question(listing_type, price, bounds))
        return cleaned


PRICE_QUESTIONS = {
    "ARRENDAMENTO": _(
        "Uma renda mensal de %(price)s é invulgar (o habitual vai de %(low)s a %(high)s). Confira o valor; se está "
        "certo, marque «Confirmo este valor» e guarde de novo."
    ),
    "VENDA": _(
        "Um preço de venda de %(price)s é invulgar (o habitual vai de %(low)s a %(high)s). Confira o valor; se está "
        "certo, marque «Confirmo este valor» e guarde de novo."
    ),
}


def price_question(listing_type: str, price: Decimal, bounds: tuple[Decimal, Decimal]) -> str:
    """The field's error for a price unusual for its listing type: the amount as read, and the usual range."""
    return str(PRICE_QUESTIONS[listing_type]) % {
        "price": format_eur(price),
        "low": format_eur(bounds[0]),
        "high": format_eur(bounds[1]),
    }


def price_doubted_in(post: Any, *, listing_type: str = "") -> bool:
    """Whether a posted form's price is one ``IntakeFormRequestForm.clean`` questions: then the box to confirm it
    is shown (Django fixes a page's fields before it validates the form). ``listing_type``: the form's own, when
    the page does not let it change."""
    try:
        price = amount_read(str(post.get("property_price", "")))
    except AmountUnread:
        return False
    return price > 0 and price_questioned(str(post.get("listing_type", listing_type)), price) is not None


def link_with_copy_button(url: str) -> str:
    """The applicant's link as the page shows it once, and a button that copies it (``staff/copy_link.js``, loaded
    as a file: the admin's Content-Security-Policy runs no inline script). Hidden until the script shows it, so a
    page without JavaScript has no button that does nothing (blind probe r73c, F9)."""
    return format_html(
        '<code class="copy-source">{}</code> <button type="button" class="button copy-link" hidden '
        'data-copied="{}">{}</button>',
        url,
        _("Ligação copiada"),
        _("Copiar a ligação"),
    )


class IntakeFormRequestAdmin(OrganizationScopedAdmin):
    """Forms: registered by ``workspace.admin_forms``, which adds the e-mail of the link to the applicant (mail is
    the intake app's, above this one)."""

    form = IntakeFormRequestForm
    list_display = (
        "property_title",
        "listing_type",
        "property_type",
        "price_display",
        "status_display",
        "expires_at",
        "created_at",
    )
    list_filter = (FormStatusFilter, "listing_type", "property_type")
    search_fields = ("property_title",)
    # Not the token's hash: staff need nothing from it (blind probe r69a, U-4).
    readonly_fields = (
        "organization",
        "status",
        "created_by_name",
        "created_at",
        "completed_at",
        "submission",
    )
    fields = ("listing_type", "property_type", "property_title", "property_price", "expires_at", *readonly_fields)
    list_select_related = ("organization",)
    actions = ["close_forms", "renew_links"]
    # Until someone submits, staff who create forms may correct these; then a report rests on them (r73c, F1).
    amendable_fields = ("property_title", "property_price")
    new_form_fields = ("listing_type", "property_type", "property_title", "property_price", "expires_at")

    class Media:
        js = ("staff/copy_link.js",)

    @admin.action(
        description=_("Fechar os formulários selecionados (a ligação deixa de funcionar)"), permissions=["add"]
    )
    def close_forms(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        """As ``POST .../intake-form-requests/{id}/close``: the same service, permission (to create forms) and audit
        (``FORM_CLOSED``); a submitted form is left alone, as the API's ``409 form_not_pending`` (probe C31 F3)."""
        closed, submitted = 0, 0
        for form_request in self.scope(request, queryset):
            try:
                with transaction.atomic():
                    services.form_request_close(form_request=form_request, closed_by=request.user)
            except errors.FormNotPending:
                submitted += 1
            else:
                closed += 1
        if closed:
            messages.success(request, _("Formulários fechados: %(count)d.") % {"count": closed})
        if submitted:
            messages.warning(
                request,
                _("Não fechados, já submetidos (os dados do candidato estão lá; apagam-se no candidato): %(count)d.")
                % {"count": submitted},
            )

    @admin.action(
        description=_("Gerar uma nova ligação para os formulários selecionados (a anterior deixa de funcionar)"),
        permissions=["add"],
    )
    def renew_links(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        """As ``POST .../intake-form-requests/{id}/link``: a link lost (it is shown once) or sent to the wrong person
        is replaced without creating the form again; each new link is shown this once, with its copy button."""
        refused: list[str] = []
        for form_request in self.scope(request, queryset):
            try:
                renewed = services.form_request_link_renew(form_request=form_request, renewed_by=request.user)
            except (errors.FormNotPending, errors.FormExpired) as exc:
                refused.append(f"{form_request.property_title}: {exc.message}")
                continue
            messages.success(
                request,
                format_html(
                    str(
                        _(
                            "{}: nova ligação (copie-a agora, não volta a ser mostrada; a anterior deixou de funcionar): {}"
                        )
                    ),
                    form_request.property_title,
                    link_with_copy_button(renewed.intake_url),
                ),
            )
        for reason in refused:
            messages.warning(request, reason)

    @admin.display(description=_("criado por"))
    def created_by_name(self, obj: IntakeFormRequest) -> str:
        return staff_member(obj.created_by)

    @admin.display(description=_("renda ou preço"), ordering="property_price")
    def price_display(self, obj: IntakeFormRequest) -> str:
        return format_eur(obj.property_price)

    @admin.display(description=_("estado"))
    def status_display(self, obj: IntakeFormRequest) -> str:
        return str(FormStatus(obj.effective_status).label)

    @admin.display(description=_("candidatura"))
    def submission(self, obj: IntakeFormRequest) -> str:
        applicant = obj.applicants.filter(role=Role.TENANT).first() if obj.pk else None
        if applicant is None:
            return "—"
        # The lead by their masked name and the household by its size in words (blind probe r73c, F7: "Candidato
        # d2062866", "candidatura de 1 pessoa(s)").
        link = format_html(
            '<a href="../../../applicant/{}/change/">{}</a> ({})',
            applicant.pk,
            person_masked(applicant),
            applicant.get_status_display(),
        )
        if applicant.application_id is None:
            return link
        people = obj.applicants.count()
        household = ngettext("candidatura de %(count)d pessoa", "candidatura de %(count)d pessoas", people) % {
            "count": people
        }
        return format_html(
            '{} · <a href="../../../application/{}/change/">{}</a>', link, applicant.application_id, household
        )

    @admin.display(description=_("alterações"))
    def edits_note(self, obj: IntakeFormRequest) -> str:
        return str(
            _(
                "Só leitura: já há quem tenha submetido neste formulário, e a análise assenta no preço e no tipo "
                "de anúncio indicados. Para outro valor, crie um novo formulário."
            )
        )

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is None:
            return super().has_change_permission(request, obj)
        if form_submitted(obj):
            return False
        return super().has_change_permission(request, obj) or self.may_amend(request)

    def may_amend(self, request: HttpRequest) -> bool:
        """Staff who create forms may correct a new one's title and price (the STAFF role has no change permission)."""
        return bool(request.user.has_perm("applicants.add_intakeformrequest"))

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        readonly = (*super().get_readonly_fields(request, obj), "edits_note")
        if obj is None or form_submitted(obj) or super().has_change_permission(request, obj):
            return readonly
        locked = tuple(name for name in self.new_form_fields if name not in self.amendable_fields)
        return (*locked, *readonly)

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return (*self.new_form_fields, *self.price_confirmation(request))
        fields = super().get_fields(request, obj)
        if form_submitted(obj):
            fields = ("edits_note", *fields)
        if self.has_change_permission(request, obj):
            return (*fields, *self.price_confirmation(request, obj))
        # Read-only, Django prints the bare number ("900,00"): the amount with its unit, as the list shows it.
        return tuple("price_display" if field == "property_price" else field for field in fields)

    def price_confirmation(self, request: HttpRequest, obj: IntakeFormRequest | None = None) -> tuple[str, ...]:
        """The box to confirm an unusual price, on the page that questions it (``IntakeFormRequestForm.clean``)."""
        listing_type = obj.listing_type if obj is not None else ""
        if request.method == "POST" and price_doubted_in(request.POST, listing_type=listing_type):
            return ("price_confirmed",)
        return ()

    def save_model(self, request: HttpRequest, obj: IntakeFormRequest, form: Any, change: bool) -> None:
        if change:
            # Locked and checked again: an applicant who submitted since the page was opened keeps the price they saw.
            changed = {name: getattr(obj, name) for name in form.changed_data if name in self.new_form_fields}
            try:
                services.form_request_amend(form_request=obj, changed=changed)
            except errors.FormNotPending as refused:
                request._form_amend_refused = refused.message  # type: ignore[attr-defined]
            return
        organization = organization_for_user(request.user)
        if organization is None:
            raise PermissionError("staff user without an agency")
        created = services.form_request_create(
            organization=organization,
            created_by=request.user,
            listing_type=obj.listing_type,
            property_type=obj.property_type,
            property_title=obj.property_title,
            property_price=obj.property_price,
            expires_at=obj.expires_at,
        )
        obj.pk = created.form_request.pk
        obj.__dict__.update({k: v for k, v in created.form_request.__dict__.items() if not k.startswith("_")})
        self.link_created(request, form, created)

    def response_change(self, request: HttpRequest, obj: Any) -> Any:
        refused = getattr(request, "_form_amend_refused", None)
        if refused is None:
            return super().response_change(request, obj)
        messages.error(request, refused)
        return redirect(request.path)

    def link_created(self, request: HttpRequest, form: Any, created: services.CreatedFormRequest) -> None:
        """The token is shown this once (only its hash is stored), with a button to copy it."""
        messages.success(
            request,
            format_html(
                str(_("Ligação para o candidato (copie-a agora, não volta a ser mostrada): {}")),
                link_with_copy_button(created.intake_url),
            ),
        )


def form_submitted(form_request: IntakeFormRequest) -> bool:
    """Someone has submitted on this form (or did, and was erased): its price and type are a report's ground."""
    return form_request.status == FormStatus.COMPLETED or form_request.applicants.exists()


def staff_member(user: Any) -> str:
    """A colleague as the admin shows them: their name, not a link to a user's page that an agency's admin may not
    open (Django links a read-only foreign key to its change page, which answered a bare 403: cases probe 11)."""
    return str(user) if user is not None else "—"


PII_PERMISSION = "applicants.view_pii"


def person_masked(applicant: Applicant) -> str:
    """A person as the admin's lists name them: masked ("M*** S***"), with their role when they are not the lead
    ("J*** P*** (Fiador)"). The lists of decisions, reports, documents and extracted data printed the row's
    "Candidato 49a8bb5e" (blind probe r73c, F7)."""
    name = mask_name(applicant.name)
    if applicant.role == Role.TENANT:
        return name
    return f"{name} ({role_label(applicant.role, listing_type=applicant.form_request.listing_type)})"


class PersonColumns:
    """A list's columns for the person a row is about and their property; ``person_path`` leads from the row to the
    applicant (list it, with ``__form_request``, in ``list_select_related``)."""

    person_path: ClassVar[str] = "applicant"

    def person_of(self, obj: Any) -> Applicant:
        for step in self.person_path.split("__"):
            obj = getattr(obj, step)
        person: Applicant = obj
        return person

    @admin.display(description=_("candidato"))
    def person(self, obj: Any) -> str:
        return person_masked(self.person_of(obj))

    @admin.display(description=_("imóvel"))
    def property_title(self, obj: Any) -> str:
        return self.person_of(obj).form_request.property_title

    @admin.display(description=_("candidato"))
    def person_link(self, obj: Any) -> str:
        # A detail page's link to the person's page, named as the lists name them (it printed "Candidato 49a8bb5e").
        person = self.person_of(obj)
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:applicants_applicant_change", args=[person.pk]), person_masked(person)
        )


class DecisionShown:
    """How the admin shows a decision's reason and report, in the applicant's history and on the decision's page.

    The reason is free text about a person: "(reservado)" without ``view_pii`` (blind probe r64b, F4). The
    report is the one the decision rested on, or says the decision was taken without one (F6), or that it was
    erased since with a member of the household (blind probe r76a, F2: the FK is ``SET_NULL``, and "decidida sem
    relatório" would have been untrue)."""

    def fields_for(self, request: HttpRequest, fields: tuple[str, ...]) -> tuple[str, ...]:
        if request.user.has_perm(PII_PERMISSION):
            return fields
        return tuple("reason_reserved" if field == "reason" else field for field in fields)

    @admin.display(description=_("motivo"))
    def reason_reserved(self, obj: Decision) -> str:
        return RESERVED

    @admin.display(description=_("relatório de análise"))
    def report_shown(self, obj: Decision) -> str:
        report = obj.report
        if report is None:
            if decision_report_erased(obj):
                return str(_("Apagado com os dados de uma pessoa da candidatura"))
            return str(_("Nenhum: decidida sem relatório"))
        made = date_format(timezone.localtime(report.created_at), "d/m/Y H:i")
        return f"{report.get_risk_level_display()} · {made} ({str(report.id)[:8]})"


class DecisionInline(DecisionShown, ScopedInline):
    model = Decision
    fields = ("decision", "reason", "decided_by_name", "decided_at", "report_shown")
    readonly_fields = (*fields, "reason_reserved")
    verbose_name_plural = _("histórico de decisões")

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.fields_for(request, self.fields)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).select_related("decided_by", "report")

    # The field's own name, "decidida por" beside "decidida em" (blind probe r70a F20: "Decidido por").
    @admin.display(description=Decision._meta.get_field("decided_by").verbose_name)
    def decided_by_name(self, obj: Decision) -> str:
        return staff_member(obj.decided_by)


@admin.register(Decision)
class DecisionAdmin(DecisionShown, PersonColumns, OrganizationScopedAdmin):
    list_display = ("person", "property_title", "decision", "decided_by", "decided_at")
    list_filter = ("decision",)
    list_select_related = ("applicant__form_request", "decided_by")
    fields = ("person_link", "property_title", "decision", "reason", "report_shown")
    readonly_fields = (*fields, "reason_reserved")

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.fields_for(request, self.fields)

    def has_add_permission(self, request: HttpRequest) -> bool:
        # A decision is taken on the applicant's page, where the report, the documents, the second round's
        # rules and the stale-page guard are (workspace/admin_views.decide_view). This page recorded one with
        # none of them, on a co-tenant picked by id (blind probe C31): the list stays, read-only.
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


# What an audit event is about, in words (the list printed the stored "application": blind probe C31).
TARGET_TYPE_LABELS = {
    "applicant": _("candidato"),
    "applicant_batch": _("vários candidatos"),
    "applicant_list": _("lista de candidatos"),
    "application": _("candidatura"),
    "document": _("documento"),
    "intake_form_request": _("formulário"),
    "keys": _("chaves"),
    "membership": _("colega"),
}


class TargetTypeFilter(admin.SimpleListFilter):
    title = _("tipo de objeto")
    parameter_name = "target_type"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(value, str(label)) for value, label in TARGET_TYPE_LABELS.items()]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return queryset.filter(target_type=self.value()) if self.value() else queryset


@admin.register(AuditEvent)
class AuditEventAdmin(OrganizationScopedAdmin):
    list_display = ("created_at", "action", "actor", "target_type_label", "target_id")
    list_filter = ("action", TargetTypeFilter)
    list_select_related = ("actor",)
    readonly_fields = ("created_at", "action", "actor_name", "organization", "target_type", "target_id", "details")
    # Read-only, Django would show every model field: the actor's as a link to their user page.
    fields = readonly_fields

    @admin.display(description=_("tipo de objeto"), ordering="target_type")
    def target_type_label(self, obj: AuditEvent) -> str:
        return str(TARGET_TYPE_LABELS.get(obj.target_type, obj.target_type))

    @admin.display(description=_("autor"))
    def actor_name(self, obj: AuditEvent) -> str:
        return staff_member(obj.actor)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
