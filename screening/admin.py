"""Screening reports (read-only advice) and the events outbox."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.http import HttpRequest, HttpResponse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from applicants import services
from applicants.admin import PersonColumns
from applicants.admin_scoping import OrganizationScopedAdmin
from applicants.models import role_label
from screening import labels
from screening.models import OutboxEvent, RiskLevel, ScreeningReport
from screening.report_masking import (
    RESERVED,
    report_checks_for_viewer,
    report_household_for_viewer,
    report_justification_for_viewer,
)
from screening.rules.common import format_eur, format_percent, money

PII_PERMISSION = "applicants.view_pii"
WITHOUT_INCOMES = {
    "justification": "justification_masked",
    "average_monthly_income_display": "average_monthly_income_masked",
    "household_plain": "household_masked",
}
# The risk's order by severity (Baixo < Médio < Alto): sorting by the stored code or its label is alphabetical and put
# "Alto, Alto, Baixo, Médio" (blind probe r69a). The applicants' list sorts by this too.
RISK_ORDER = Case(
    *(When(risk_level=level, then=Value(rank)) for rank, level in enumerate(RiskLevel.values)),
    default=Value(len(RiskLevel.values)),
    output_field=IntegerField(),
)


class BackendFilter(admin.SimpleListFilter):
    """Who produced the report, in the words the rows show ("regras"; the field's filter offered "rules")."""

    title = ScreeningReport._meta.get_field("backend").verbose_name
    parameter_name = "backend"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(code, str(label)) for code, label in labels.BACKEND_LABELS.items()]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return queryset.filter(backend=self.value()) if self.value() else queryset


def checks_html(checks: list[dict[str, Any]]) -> str:
    """The checks as the applicant's page shows them: a table in words, not the stored JSON (blind probe C31)."""
    rows = format_html_join(
        "",
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        (
            (
                labels.check_label(str(check.get("name", ""))),
                _("✔ passou") if check.get("passed") else _("✘ falhou"),
                labels.check_evidence(check),
                readable(check, "value"),
                readable(check, "expected"),
            )
            for check in checks
        ),
    )
    return format_html(
        '<table data-testid="report-checks"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>'
        "</thead><tbody>{}</tbody></table>",
        _("Verificação"),
        _("Resultado"),
        _("Evidência"),
        _("Valor lido"),
        _("Esperado"),
        rows,
    )


def readable(check: dict[str, Any], key: str) -> str:
    return labels.readable_value(
        check.get(key), field=str(check.get("field") or ""), check=str(check.get("name") or "")
    )


def authenticity_html(sections: list[dict[str, Any]]) -> str:
    """Every signal of every document: the document in words, its level, the signal's sentence."""
    rows = format_html_join(
        "",
        "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
        (
            (
                section.get("description") or labels.kind_label(str(section.get("document_type") or "")),
                RiskLevel(signal["severity"]).label if signal.get("severity") in RiskLevel.values else "",
                signal.get("explanation") or signal.get("code", ""),
            )
            for section in sections
            for signal in section.get("signals") or []
        ),
    )
    if not rows:
        return "—"
    return format_html(
        '<table data-testid="report-authenticity"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>'
        "<tbody>{}</tbody></table>",
        _("Documento"),
        _("Nível"),
        _("Sinal"),
        rows,
    )


def household_html(household: dict[str, Any], *, report: ScreeningReport) -> str:
    """A household report's figures as the application's page shows them, not the stored JSON (blind probe r69a):
    the cost, the joint income and ratio, each person's verdicts and share, the guarantor's verdict."""
    if not household:
        return "—"
    listing_type = report.applicant.form_request.listing_type
    figures = format_html_join(
        "",
        "<tr><th>{}</th><td>{}</td></tr>",
        [
            (_("Encargo mensal"), amount(household.get("monthly_cost"))),
            (_("Rendimento mensal conjunto"), amount(household.get("household_monthly_income"))),
            (_("Taxa de esforço do agregado"), format_percent(money(household.get("dti_ratio")))),
        ],
    )
    members = format_html_join(
        "",
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        (
            (
                role_label(str(member.get("role") or ""), listing_type=listing_type),
                _("verificada") if member.get("identity_verified") else _("não verificada"),
                _("comprovado") if member.get("income_verified") else _("não comprovado"),
                amount(member.get("average_monthly_income")),
                format_percent(money(member.get("income_share"))),
            )
            for member in household.get("members") or []
        ),
    )
    return format_html(
        '<table data-testid="report-household">{}</table><table><thead><tr><th>{}</th><th>{}</th><th>{}</th>'
        "<th>{}</th><th>{}</th></tr></thead><tbody>{}</tbody></table>{}",
        figures,
        _("Papel"),
        _("Identidade"),
        _("Rendimento"),
        _("Rendimento médio mensal"),
        _("Parte do rendimento"),
        members,
        guarantor_html(household.get("guarantor")),
    )


def guarantor_html(verdict: dict[str, Any] | None) -> str:
    if not verdict:
        return format_html("<p>{}</p>", _("Sem fiador na análise."))
    covers = _("O fiador cobre o encargo") if verdict.get("covers") else _("O fiador não cobre o encargo")
    if verdict.get("dti_ratio") is None:
        # Nothing of theirs counted: no ratio and no shortfall (blind probe r75c), the income that would cover said,
        # as the report's PDF says it; "taxa de esforço do fiador —" read as a figure lost.
        return format_html(
            "<p>{}: {} ({} {}); {} {} {}.</p>",
            covers,
            _("sem rendimento comprovado"),
            _("limite"),
            format_percent(money(verdict.get("threshold"))),
            _("necessários"),
            amount(verdict.get("income_needed")),
            _("de rendimento mensal"),
        )
    return format_html(
        "<p>{}: {} {} ({} {}){}{}.</p>",
        covers,
        _("taxa de esforço do fiador"),
        format_percent(money(verdict.get("dti_ratio"))),
        _("limite"),
        format_percent(money(verdict.get("threshold"))),
        # Counted but proven only in part: no cover on it (blind probe r77d, F3).
        format_html("; {}", _("rendimento do fiador comprovado só em parte"))
        if verdict.get("income_verified") is False
        else "",
        format_html("; {} {}", _("faltam"), amount(verdict.get("shortfall"))) if verdict.get("shortfall") else "",
    )


def amount(value: Any) -> str:
    """Euros, or "(reservado)" as the masks write an income the viewer may not read."""
    return RESERVED if value == RESERVED else format_eur(money(value))


@admin.register(ScreeningReport)
class ScreeningReportAdmin(PersonColumns, OrganizationScopedAdmin):
    # The person (the lead, for a household's report) by the masked name and the property (r73c, F7).
    list_display = (
        "person",
        "property_title",
        "risk_display",
        "identity_verified",
        "income_verified",
        "ratio_display",
        "backend_display",
        "created_at",
    )
    list_filter = ("risk_level", BackendFilter, "identity_verified", "income_verified")
    list_select_related = ("applicant__form_request",)
    readonly_fields = (
        "person_link",
        "property_title",
        "risk_level",
        "identity_verified",
        "income_verified",
        # As the report prints them ("29,98 %", "3 168,67 €"), not the stored "0,2998" and "3168,67" (r69a).
        "ratio_display",
        "average_monthly_income_display",
        "justification",
        "justification_language",
        "checks_masked",
        "household_plain",
        "authenticity_table",
        "backend",
        "model_name",
        "prompt_version",
        "rules_version",
        "created_at",
    )
    exclude = (
        "applicant",
        "organization",
        "checks",
        "authenticity",
        "dti_ratio",
        "average_monthly_income",
        "household",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # Chosen per request, never stored on the (shared) admin instance.
        if request.user.has_perm(PII_PERMISSION):
            return [("checks_plain" if name == "checks_masked" else name) for name in self.readonly_fields]
        # Without view_pii, what prints an income is its masked twin: the same masks as the PDF and the review
        # pages (screening/report_masking.py; blind probe C31 read the incomes here and in the summary).
        return [WITHOUT_INCOMES.get(name, name) for name in self.readonly_fields]

    def get_exclude(self, request: HttpRequest, obj: Any = None) -> Any:
        if request.user.has_perm(PII_PERMISSION):
            return self.exclude
        # The plain fields would otherwise come back as the form's own (view-only, all shown).
        return (*(self.exclude or ()), *WITHOUT_INCOMES)

    @admin.display(description=_("nível de risco"), ordering=RISK_ORDER)
    def risk_display(self, obj: ScreeningReport) -> str:
        return str(obj.get_risk_level_display())

    @admin.display(description=_("taxa de esforço"), ordering="dti_ratio")
    def ratio_display(self, obj: ScreeningReport) -> str:
        return format_percent(money(obj.dti_ratio))

    @admin.display(description=ScreeningReport._meta.get_field("average_monthly_income").verbose_name)
    def average_monthly_income_display(self, obj: ScreeningReport) -> str:
        return format_eur(money(obj.average_monthly_income))

    @admin.display(description=_("produzido por"), ordering="backend")
    def backend_display(self, obj: ScreeningReport) -> str:
        return labels.backend_label(obj.backend)

    @admin.display(description=_("autenticidade"))
    def authenticity_table(self, obj: ScreeningReport) -> str:
        return authenticity_html(list(obj.authenticity))

    @admin.display(description=_("verificações"))
    def checks_masked(self, obj: ScreeningReport) -> str:
        """Without ``view_pii``: verdicts and evidence, personal values ``null`` and no income (as on the applicant
        page and in the PDF)."""
        return checks_html(report_checks_for_viewer(obj, can_view_pii=False))

    @admin.display(description=ScreeningReport._meta.get_field("justification").verbose_name)
    def justification_masked(self, obj: ScreeningReport) -> str:
        return report_justification_for_viewer(obj, can_view_pii=False)

    @admin.display(description=ScreeningReport._meta.get_field("average_monthly_income").verbose_name)
    def average_monthly_income_masked(self, obj: ScreeningReport) -> str:
        return RESERVED if obj.average_monthly_income is not None else "—"

    @admin.display(description=ScreeningReport._meta.get_field("household").verbose_name)
    def household_masked(self, obj: ScreeningReport) -> str:
        # As the plain one, the incomes in it "(reservado)".
        return household_html(report_household_for_viewer(obj, can_view_pii=False), report=obj)

    @admin.display(description=ScreeningReport._meta.get_field("household").verbose_name)
    def household_plain(self, obj: ScreeningReport) -> str:
        return household_html(report_household_for_viewer(obj, can_view_pii=True), report=obj)

    @admin.display(description=_("verificações"))
    def checks_plain(self, obj: ScreeningReport) -> str:
        return checks_html(list(obj.checks))

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200 and request.user.has_perm(PII_PERMISSION):
            report = self.get_object(request, object_id)
            services.pii_view_record(applicant=report.applicant, actor=request.user, surface="admin_report")
        return response


@admin.register(OutboxEvent)
class OutboxEventAdmin(OrganizationScopedAdmin):
    list_display = (
        "id",
        "event_type",
        "created_at",
        "sent_at",
        "attempts",
        "next_attempt_at",
        "parked_at",
        "last_error",
    )
    list_filter = ("event_type", ("parked_at", admin.EmptyFieldListFilter))
    readonly_fields = (
        "event_type",
        "payload",
        "created_at",
        "sent_at",
        "attempts",
        "next_attempt_at",
        "parked_at",
        "last_error",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
