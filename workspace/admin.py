"""The applicant review workspace in admin: documents, extraction, the report and its checks, decisions.

It combines the three pipeline apps on one page, so it lives above them. PII
is masked unless the staff user holds ``applicants.view_pii``; every view of
it is audited.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.templatetags import admin_list
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from applicants import services
from applicants.admin import DecisionInline
from applicants.admin_scoping import OrganizationScopedAdmin
from applicants.crypto import nif_index_for
from applicants.errors import BusinessRuleError
from applicants.identifiers import nif_is_well_formed, nif_normalize
from applicants.masking import mask_email, mask_name, mask_tail
from applicants.models import (
    Applicant,
    ApplicantStatus,
    Application,
    Contest,
    ContestStatus,
    Decision,
    DecisionOutcome,
    InfoRequest,
    InfoRequestStatus,
    IntakeFormRequest,
    InvitationStatus,
    Role,
    role_label,
)
from applicants.selectors import named, organization_for_user, with_open_items
from documents.models import Document, DocumentType
from screening.admin import RISK_ORDER
from screening.labels import backend_label
from screening.models import RiskLevel, ScreeningReport
from screening.report_masking import RESERVED, report_checks_for_viewer, report_justification_for_viewer
from screening.rules.authenticity import proposed_request
from screening.rules.report import justification_without_advice
from screening.selectors import report_history, report_latest, report_screened
from workspace import admin_forms, admin_views  # noqa: F401  admin_forms registers the intake forms' admin
from workspace.history import AUDIT_PERMISSION, access_split, file_history
from workspace.report_pdf import numbered_guarantors, own_income_reasons
from workspace.retention import (
    MemberErasure,
    applicant_erase,
    application_erase,
    member_erasure_plan,
    reports_about,
)
from workspace.serializers import (
    application_invitations,
    application_members,
    application_report,
    application_report_data,
)
from workspace.services import household_lead

PII_PERMISSION = admin_views.PII_PERMISSION

BOOLEAN_WORDS = {True: _("Sim"), False: _("Não"), None: _("Desconhecido")}


def boolean_icon(field_val: bool | None) -> SafeString:
    """Django's yes/no icon with its alt text in the staff member's language.

    Django writes the Python value ("True"/"False") as the alt text on every boolean column and read-only field, and
    a screen reader or a copied page read it in English (blind probe r69a). It has no setting for it: the admin's
    lists (``admin_list``), read-only fields (``helpers``) and values (``utils``) all look the function up in
    ``admin_list`` when they draw, so it is replaced there, once, as the admin is loaded.
    """
    icon = {True: "yes", False: "no", None: "unknown"}[field_val]
    return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), BOOLEAN_WORDS[field_val])


admin_list._boolean_icon = boolean_icon  # type: ignore[attr-defined]

# Erasing a person on request: the agency admin's, as ``DELETE /api/v1/applicants/{id}``.
ERASE_PERMISSION = "applicants.delete_applicant"


class DecisionFilter(admin.SimpleListFilter):
    title = _("decisão")
    parameter_name = "decision"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("NONE", str(_("Sem decisão"))), *((value, str(label)) for value, label in DecisionOutcome.choices)]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value()
        if not value:
            return queryset
        annotated = queryset.with_latest_decision_value()  # type: ignore[attr-defined]
        if value == "NONE":
            return annotated.filter(latest_decision_value__isnull=True)
        return annotated.filter(latest_decision_value=value)


class FormRequestFilter(admin.SimpleListFilter):
    """By form, listing only the staff user's own forms."""

    title = _("imóvel")
    parameter_name = "form_request"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        forms = IntakeFormRequest.objects.all()
        if not request.user.is_superuser:
            forms = forms.filter(organization=organization_for_user(request.user))
        return form_choices(list(forms.order_by("-created_at")[:50]))

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return queryset.filter(form_request_id=self.value()) if self.value() else queryset


def form_choices(forms: list[IntakeFormRequest]) -> list[tuple[str, str]]:
    """Each form by its title; forms of the same title (a flat re-let, a link sent again) told apart by the day they
    were made and their id's start, as the list of forms shows them (they read alike twice: blind probe r73c, F8)."""
    titles = Counter(form.property_title for form in forms)
    return [
        (str(form.id), form.property_title if titles[form.property_title] == 1 else form_told_apart(form))
        for form in forms
    ]


def form_told_apart(form: IntakeFormRequest) -> str:
    made = date_format(timezone.localtime(form.created_at), "d/m/Y")
    return str(_("%(title)s (criado a %(day)s, %(id)s)")) % {
        "title": form.property_title,
        "day": made,
        "id": str(form.id)[:8],
    }


class RiskFilter(admin.SimpleListFilter):
    """The applicant's risk by its words ("Baixo"), as the report says it; the list showed the stored "LOW"."""

    title = _("nível de risco")
    parameter_name = "risk_level"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(value, str(label)) for value, label in RiskLevel.choices]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return queryset.filter(risk_level=self.value()) if self.value() else queryset


class OpenItemFilter(admin.SimpleListFilter):
    """What waits on staff or on the applicant: a contest to answer, documents asked for (overdue ones)."""

    title = _("pendentes")
    parameter_name = "open_item"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [
            ("CONTEST", str(_("Contestação por responder"))),
            ("INFO_OPEN", str(_("Documentos pedidos (por enviar)"))),
            ("INFO_OVERDUE", str(_("Documentos pedidos, prazo ultrapassado"))),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value()
        if value == "CONTEST":
            return queryset.filter(contests__status=ContestStatus.OPEN).distinct()
        if value in {"INFO_OPEN", "INFO_OVERDUE"}:
            return with_open_items(queryset, info_request=value.removeprefix("INFO_"))
        return queryset


def second_round_context(applicant: Applicant, *, can_view_pii: bool) -> dict[str, Any]:
    """Requests for more documents and the applicant's comments, and whom documents may be asked of."""
    household = list(Applicant.objects.household_of(applicant.id).order_by("created_at"))
    return {
        "info_requests": list(
            InfoRequest.objects.filter(applicant__in=household).select_related("applicant").order_by("-created_at")
        ),
        "contests": list(applicant.contests.select_related("answered_by").order_by("-created_at")),
        "request_people": [
            {
                "id": person.id,
                "label": f"{person.get_role_display()}: {person.name if can_view_pii else mask_name(person.name)}",
                "selected": person.id == applicant.id,
            }
            for person in household
        ],
    }


def proposal_prefill(proposal: dict[str, Any] | None, people: list[dict[str, Any]]) -> dict[str, Any]:
    """The decision form filled in as the authenticity proposal has it (who, which documents, the note):
    staff still choose the decision and write the reasons, nothing is sent by itself."""
    requested = (proposal or {}).get("requested_documents") or []
    if not requested:
        return {"document_request_rows": [(value, label, False, "") for value, label in DocumentType.choices]}
    notes = {item["document_type"]: item["note"] for item in requested}
    person = str(requested[0]["applicant_id"])
    for entry in people:
        entry["selected"] = str(entry["id"]) == person
    return {
        "document_request_rows": [
            (value, label, value in notes, notes.get(value, "")) for value, label in DocumentType.choices
        ]
    }


def typed_prefill(typed: dict[str, Any], people: list[dict[str, Any]]) -> dict[str, Any]:
    """The decision form filled in as a refused post had it (``admin_views.decision_refused``)."""
    if typed["request_person"]:
        for entry in people:
            entry["selected"] = str(entry["id"]) == typed["request_person"]
    documents = typed["documents"]
    return {
        "document_request_rows": [
            (value, label, *documents.get(value, (False, ""))) for value, label in DocumentType.choices
        ]
    }


def decision_messages(request: HttpRequest) -> dict[str, Any]:
    """The page's messages apart from the decision form's refusal, which the form shows at its fields (blind probe
    r72a, A-4): ``page_messages`` for the message list (templates/admin/base_site.html), ``decision_error``."""
    page_messages, decision_error = [], None
    for message in messages.get_messages(request):
        refusal = admin_views.decision_error_of(message)
        if refusal is None:
            page_messages.append(message)
        else:
            decision_error = refusal
    return {"page_messages": page_messages, "decision_error": decision_error}


def field_rows(fields: dict[str, Any], confidence: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    return [(name, value, confidence.get(name)) for name, value in fields.items() if value is not None]


def applicant_review_context(applicant: Applicant, *, can_view_pii: bool) -> dict[str, Any]:
    """What the detail page shows below the fields: documents, extraction, report, checks."""
    documents = []
    for document in applicant.documents.select_related("extracted").order_by("created_at"):
        extracted = getattr(document, "extracted", None)
        fields: list[tuple[str, Any, Any]] = []
        parts: list[dict[str, Any]] = []
        if extracted is not None and can_view_pii:
            fields = field_rows(extracted.fields, extracted.confidence)
            # The file's other payslips, each counted as its month: shown as read, under the file's own reading.
            parts = [
                {"fields": field_rows(part["fields"], part["confidence"]), "warnings": part["warnings"]}
                for part in extracted.parts
            ]
        documents.append({"document": document, "extracted": extracted, "fields": fields, "parts": parts})
    report = report_latest(applicant=applicant)
    history = report_history(applicant=applicant)
    # The template reads ``checks`` and ``justification``, never the report's own: masked here as in the PDF
    # (no personal values; without ``view_pii`` no income either), so no template edit can leak them.
    checks = [dict(check) for check in report_checks_for_viewer(report, can_view_pii=can_view_pii)] if report else []
    # The lead's page shows the household's checks: each says whose, as the application's page does (r69a, U-2).
    checks_of_people = len({str(check.get("applicant_id") or "") for check in checks}) > 1
    if checks_of_people:
        listing_type = applicant.form_request.listing_type
        for check in checks:
            check["role_label"] = role_label(check["role"], listing_type=listing_type) if check.get("role") else ""
    return {
        "review_documents": documents,
        "report": report,
        # A person who joined after the application was screened reads its report, which is not about them.
        "report_leaves_out_applicant": report is not None and not report_screened(report, applicant=applicant),
        "checks": checks,
        "checks_of_people": checks_of_people,
        # The page says below it that the report is advice: once (r76a, F4).
        "justification": justification_without_advice(
            report_justification_for_viewer(report, can_view_pii=can_view_pii)
        )
        if report
        else "",
        # Signals carry no personal data (codes, severities, producers, fonts, ids): shown to every staff member.
        "authenticity": list(report.authenticity) if report else [],
        "proposed_request": proposed_request(list(report.authenticity), applicant_id=str(report.applicant_id))
        if report
        else None,
        "report_history": history,
        "report_producer": report_producer(report) if report else "",
        "can_view_pii": can_view_pii,
    }


def report_producer(report: ScreeningReport) -> str:
    """Who made the report, in an office's words ("Análise automática por regras"): the page printed "regras ·
    rules-2026.12.37", a version code staff read as nothing, or as a date (blind probe r73c, F11). The version
    and the model stay on a smaller line for an auditor."""
    return _("Análise automática por %(producer)s") % {"producer": backend_label(report.backend)}


def household_decision_context(applicant: Applicant, *, can_view_pii: bool) -> dict[str, Any]:
    """Where a member's household is decided: on its lead's page (``decision_lead``), ``None`` for the lead or a
    person alone.

    A guarantor's page offered the whole decision form while the application's page said the decision is taken on
    the lead's, and approving the guarantor made the application read APPROVED while the lead had no decision (blind
    probe r73c, F4; docs/api.md: an application's ``decision`` is the latest on any member). The admin takes the
    household's decision on the lead's page, where the form can still ask any member for documents; a member's page
    keeps their own decision history (the API still records a decision on any member).
    """
    lead = household_lead(applicant)
    if lead.pk == applicant.pk:
        return {"decision_lead": None}
    listing_type = applicant.form_request.listing_type
    return {
        "decision_lead": {
            "id": lead.pk,
            "role_label": role_label(lead.role, listing_type=listing_type),
            "name": lead.name if can_view_pii else mask_name(lead.name),
        }
    }


def erasure_counts(people: list[Applicant]) -> dict[str, int]:
    """What erasing ``people`` removes, in words and counts, as ``workspace.retention``'s erasure deletes it (their rows
    cascade: documents, reports, decisions, requests for documents, contests; the stored files after commit). The
    reports are every one that screened them (``reports_about``): one member's erasure takes their household's."""
    documents = Document.objects.filter(applicant__in=people)
    reports = {report.id for person in people for report in reports_about(person)}
    reports |= set(ScreeningReport.objects.filter(applicant__in=people).values_list("id", flat=True))
    return {
        str(_("Pessoas (dados pessoais e consentimento)")): len(people),
        str(_("Documentos enviados")): documents.count(),
        str(_("Ficheiros guardados")): documents.exclude(storage_key="").count(),
        str(_("Relatórios de análise")): len(reports),
        str(_("Decisões")): Decision.objects.filter(applicant__in=people).count(),
        str(_("Pedidos de documentos")): InfoRequest.objects.filter(applicant__in=people).count(),
        str(_("Contestações")): Contest.objects.filter(applicant__in=people).count(),
    }


def member_erasure_consequences(plan: MemberErasure | None, *, can_view_pii: bool) -> list[str]:
    """What a household member's erasure does to the others, in words for the confirmation page (blind probe r76a,
    F2: the erasure of one person was refused; now it takes their household's reports and screens the others
    again). Empty for a person alone in their application, which goes with them."""
    if plan is None:
        return []
    listing_type = plan.application.form_request.listing_type
    consequences = []
    if plan.reports:
        consequences.append(
            str(
                _(
                    "Os relatórios da candidatura que analisaram esta pessoa (%(count)d) são apagados com ela: têm os "
                    "dados dela. As decisões tomadas com base neles ficam registadas, sem relatório."
                )
            )
            % {"count": len(plan.reports)}
        )
    if plan.new_lead is not None:
        name = plan.new_lead.name if can_view_pii else mask_name(plan.new_lead.name)
        consequences.append(
            str(
                _(
                    "%(name)s (%(role)s) passa a %(lead)s. A ligação do formulário, que era desta pessoa, deixa de "
                    "funcionar; %(name)s continua a usar a sua."
                )
            )
            % {
                "name": name,
                "role": role_label(Role.CO_TENANT, listing_type=listing_type),
                "lead": role_label(Role.TENANT, listing_type=listing_type).lower(),
            }
        )
    consequences.append(
        str(
            _(
                "As restantes pessoas da candidatura (%(count)d) são analisadas de novo, sem esta pessoa; se alguém "
                "ainda tiver de submeter, a candidatura aguarda por essa pessoa e a análise corre depois."
            )
        )
        % {"count": len(plan.others)}
    )
    return consequences


def history_context(request: HttpRequest, people: list[Applicant], *, several: bool = False) -> dict[str, Any]:
    """The "Histórico" page of a person or an application: ``workspace.history`` rather than Django's form edits."""
    with_access = bool(request.user.has_perm(AUDIT_PERMISSION))
    events, accesses = access_split(file_history(people=people, with_access=with_access, person_labels=several))
    return {
        "file_history": events,
        "access_history": accesses,
        "with_access": with_access,
        "with_people": several,
    }


class ErasureAdmin(OrganizationScopedAdmin):
    """Django's "Remover" as the API's erasure on request (GDPR art. 17, docs/api.md ``DELETE``): the same service,
    the same permission (``applicants.delete_applicant``, the agency admin's) and the same audit (``PURGED``).

    Django's own delete asked for a delete permission on every related row (documents, decisions, extracted data)
    and always failed (blind probe C31); the service removes them, the stored files after commit. One at a time
    from the person's or the application's page: no bulk action. One member of a household goes alone, as through the
    API: the confirmation says what happens to the others (``member_erasure_consequences``). A refusal (a lead who
    would leave only guarantors, documents being read) is said on the page, as the API's 409.
    """

    # Django's own confirmation page listed only "Objectos: Candidato 28557e27" under stock words (blind probe r69a,
    # P-1): ours says what the erasure removes (templates/admin/includes/erasure_confirmation.html).
    delete_confirmation_template = "admin/includes/erasure_confirmation.html"

    def erase(self, obj: Any, actor: Any) -> None:
        raise NotImplementedError

    def erased_people(self, obj: Any) -> list[Applicant]:
        raise NotImplementedError

    def erasure_consequences(self, obj: Any, *, can_view_pii: bool) -> list[str]:
        """What the erasure does besides deleting (the others screened again); raises what the erasure would."""
        return []

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.has_perm(ERASE_PERMISSION))

    def get_actions(self, request: HttpRequest) -> Any:
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def get_deleted_objects(
        self, objs: Any, request: HttpRequest
    ) -> tuple[list[Any], dict[str, Any], set[str], list[Any]]:
        people = [person for obj in objs for person in self.erased_people(obj)]
        return [str(obj) for obj in objs], erasure_counts(people), set(), []

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        self.erase(obj, request.user)

    def delete_view(self, request: HttpRequest, object_id: str, extra_context: Any = None) -> HttpResponse:
        obj = self.get_object(request, object_id)
        can_view_pii = bool(request.user.has_perm(PII_PERMISSION))
        context = {**(extra_context or {}), "erased_label": erased_label(obj, self.erased_people(obj), can_view_pii)}
        try:
            # A refusal known before asking (a lead who would leave only guarantors) is said at once, as after.
            context["erasure_consequences"] = self.erasure_consequences(obj, can_view_pii=can_view_pii)
            response = super().delete_view(request, object_id, context)
        except BusinessRuleError as error:
            messages.error(request, error.message)
            opts = self.model._meta
            return redirect(f"admin:{opts.app_label}_{opts.model_name}_change", object_id)
        if request.method == "GET" and response.status_code == 200 and can_view_pii:
            for person in self.erased_people(obj):
                services.pii_view_record(applicant=person, actor=request.user, surface="admin_erasure")
        return response

    def response_delete(self, request: HttpRequest, obj_display: str, obj_id: Any) -> HttpResponse:
        # To the list of what was erased (Candidatos, Candidaturas): Django goes there only for staff who may change
        # the rows, and these pages are read-only, so it landed on the admin's home (blind probe r73c, F5).
        response = super().response_delete(request, obj_display, obj_id)
        if IS_POPUP_VAR in request.POST or not self.has_view_permission(request):
            return response
        opts = self.model._meta
        return redirect(f"admin:{opts.app_label}_{opts.model_name}_changelist")


def erased_label(obj: Any, people: list[Applicant], can_view_pii: bool) -> str:
    """Whom an erasure removes, as the confirmation names them: "Ana Rita Ferreira (83afabc3)", the names masked as
    the lists mask them without ``view_pii`` ("A*** R*** F*** (83afabc3)"; it read «Candidato 83afabc3»: r73c, F5)."""
    names = ", ".join(person.name if can_view_pii else mask_name(person.name) for person in people)
    return f"{names} ({str(obj.pk)[:8]})" if names else str(obj)


@admin.register(Applicant)
class ApplicantAdmin(ErasureAdmin):
    list_display = (
        "short_id",
        "name_masked",
        "nif_masked",
        "status",
        "risk_display",
        "latest_decision",
        "form_title",
        "created_at",
    )
    list_filter = ("status", RiskFilter, OpenItemFilter, DecisionFilter, FormRequestFilter)
    list_select_related = ("form_request", "organization")
    search_fields = ("form_request__property_title",)
    search_help_text = _("NIF, nome (palavras inteiras: «Ana Ferreira»), id curto ou título do imóvel")
    inlines = [DecisionInline]
    masked_fields = ("name_masked", "nif_masked", "email_masked", "phone_masked", "date_of_birth_masked")
    plain_fields = ("name", "nif", "email", "phone", "date_of_birth", "consent_ip")
    pipeline_fields = (
        "organization",
        "form_request",
        "status",
        "failure_reason",
        # Its label, not the stored code: "MEDIUM" on a pt-PT page (blind probe c25).
        "risk_display",
        "consent_text_version",
        "consent_notice_text",
        "consent_given_at",
        "processing_started_at",
        "created_at",
        "updated_at",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Pipeline output and submitted data are never edited by hand; the
        # change page is a read-only detail view. A person's data is rectified
        # through PATCH /api/v1/applicants/{id}, which audits and re-screens (blind probe r64b).
        return False

    def erase(self, obj: Applicant, actor: Any) -> None:
        applicant_erase(applicant=obj, actor=actor)

    def erased_people(self, obj: Applicant) -> list[Applicant]:
        return [obj]

    def erasure_consequences(self, obj: Applicant | None, *, can_view_pii: bool) -> list[str]:
        if obj is None:
            return []
        return member_erasure_consequences(member_erasure_plan(applicant=obj), can_view_pii=can_view_pii)

    def can_view_pii(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm(PII_PERMISSION))

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        personal = self.plain_fields if self.can_view_pii(request) else self.masked_fields
        return (*personal, *self.pipeline_fields)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.get_fields(request, obj)

    change_form_template = "admin/applicants/applicant/change_form.html"
    actions = ["rerun_screening", "rerun_extraction_and_screening"]

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        applicant = self.get_object(request, object_id)
        context = {
            **(extra_context or {}),
            **applicant_review_context(applicant, can_view_pii=self.can_view_pii(request)),
        }
        if applicant is not None:
            context["subtitle"] = admin_views.person_page_subtitle(applicant, can_view_pii=self.can_view_pii(request))
        context["decision_choices"] = DecisionOutcome.choices
        context["application"] = applicant.application
        context["can_decide"] = request.user.has_perm(admin_views.DECIDE_PERMISSION)
        context.update(household_decision_context(applicant, can_view_pii=self.can_view_pii(request)))
        context["default_due_date"] = admin_views.default_due_date()
        # The decision form sends back the latest decision it saw: a newer one refuses it (a stale page).
        latest = admin_views.latest_decision_of(applicant)
        context["seen_decision"] = str(latest.id) if latest else ""
        context["can_rerun"] = self.has_rerun_permission(request)
        context.update(second_round_context(applicant, can_view_pii=self.can_view_pii(request)))
        context.update(proposal_prefill(context["proposed_request"], context["request_people"]))
        if context.get("decision_typed"):
            context.update(typed_prefill(context["decision_typed"], context["request_people"]))
        if request.method == "GET" and context["can_decide"]:
            context.update(decision_messages(request))
        response = super().change_view(request, object_id, form_url, context)
        if request.method == "GET" and response.status_code == 200 and self.can_view_pii(request):
            services.pii_view_record(applicant=applicant, actor=request.user, surface="admin")
        return response

    object_history_template = "admin/applicants/file_history.html"

    def history_view(self, request: HttpRequest, object_id: str, extra_context: Any = None) -> HttpResponse:
        applicant = self.get_object(request, object_id)
        people = [applicant] if applicant is not None else []
        return super().history_view(request, object_id, {**(extra_context or {}), **history_context(request, people)})

    def get_urls(self) -> list[Any]:
        def wired(view: Any) -> Any:
            return self.admin_site.admin_view(functools.partial(view, self))

        own = [
            path("<uuid:object_id>/decide/", wired(admin_views.decide_view), name="applicants_applicant_decide"),
            path("<uuid:object_id>/rerun/", wired(admin_views.rerun_view), name="applicants_applicant_rerun"),
            path(
                "<uuid:object_id>/documents/<uuid:document_id>/download/",
                wired(admin_views.download_view),
                name="applicants_applicant_download",
            ),
            path(
                "<uuid:object_id>/report.pdf",
                wired(admin_views.report_pdf_view),
                name="applicants_applicant_report_pdf",
            ),
            path(
                "<uuid:object_id>/export.json",
                wired(admin_views.export_view),
                name="applicants_applicant_export",
            ),
            path(
                "<uuid:object_id>/export.pdf",
                wired(admin_views.export_pdf_view),
                name="applicants_applicant_export_pdf",
            ),
            path(
                "<uuid:object_id>/contests/<uuid:contest_id>/answer/",
                wired(admin_views.contest_answer_view),
                name="applicants_applicant_contest_answer",
            ),
            path("pipeline/", wired(admin_views.pipeline_view), name="applicants_applicant_pipeline"),
        ]
        return own + super().get_urls()

    def has_rerun_permission(self, request: HttpRequest) -> bool:
        """Django admin's check for the actions declaring ``permissions=["rerun"]``."""
        return bool(request.user.has_perm(admin_views.RERUN_PERMISSION))

    @admin.action(
        description=_("Reprocessar a análise (novo relatório; o anterior fica no histórico)"), permissions=["rerun"]
    )
    def rerun_screening(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        admin_views.reruns_queue(request, list(self.scoped_for_rerun(request, queryset)), reextract=False)

    @admin.action(description=_("Reler os documentos e reprocessar a análise"), permissions=["rerun"])
    def rerun_extraction_and_screening(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        admin_views.reruns_queue(request, list(self.scoped_for_rerun(request, queryset)), reextract=True)

    def scoped_for_rerun(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return self.scope(request, queryset).select_related("organization")

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Any], search_term: str
    ) -> tuple[QuerySet[Any], bool]:
        candidate = nif_normalize(search_term)
        # Searching by NIF is a use of personal data: only for staff who may see it (e2e probe 20); for the others
        # the term is searched as any other text.
        if nif_is_well_formed(candidate) and self.can_view_pii(request):
            return self.scope(request, queryset.filter(nif_index=nif_index_for(candidate))), False
        found = with_short_id(
            self.scope(request, queryset), search_term, super().get_search_results(request, queryset, search_term)
        )
        # By name too, for the same staff (ADR 046): whole words through their blind index, names stay encrypted.
        if not self.can_view_pii(request):
            return found
        results, may_have_duplicates = found
        return results | self.scope(request, named(queryset, search_term)), may_have_duplicates

    @admin.display(description=_("id"))
    def short_id(self, obj: Applicant) -> str:
        return str(obj.id)[:8]

    @admin.display(description=_("nome"))
    def name_masked(self, obj: Applicant) -> str:
        return mask_name(obj.name)

    @admin.display(description=_("NIF"))
    def nif_masked(self, obj: Applicant) -> str:
        return mask_tail(obj.nif)

    @admin.display(description=_("e-mail"))
    def email_masked(self, obj: Applicant) -> str:
        return mask_email(obj.email)

    @admin.display(description=_("telefone"))
    def phone_masked(self, obj: Applicant) -> str:
        return mask_tail(obj.phone)

    @admin.display(description=_("data de nascimento"))
    def date_of_birth_masked(self, obj: Applicant) -> str:
        return "****-**-**"

    @admin.display(description=_("nível de risco"), ordering=RISK_ORDER)
    def risk_display(self, obj: Applicant) -> str:
        return str(RiskLevel(obj.risk_level).label) if obj.risk_level in RiskLevel.values else "—"

    @admin.display(description=_("informação aceite"))
    def consent_notice_text(self, obj: Applicant) -> str:
        # The wording the person accepted, as they read it (blind probe r64b, F11); none was kept before 2026-12-v2.
        if obj.consent_notice is None:
            return str(_("Não guardada (consentimento anterior à versão 2026-12-v2)."))
        return format_html_join("", "<p>{}</p>", ((paragraph,) for paragraph in obj.consent_notice.text.split("\n\n")))

    @admin.display(description=_("decisão"))
    def latest_decision(self, obj: Applicant) -> str:
        decision = obj.latest_decision
        return decision.get_decision_display() if decision else "—"

    @admin.display(description=_("imóvel"))
    def form_title(self, obj: Applicant) -> str:
        return obj.form_request.property_title

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).prefetch_related("decisions")


# The list's "id" column: a UUID's first characters (blind probe C31 searched by it and found nothing).
SHORT_ID = re.compile(r"[0-9a-f]{4,8}")


def with_short_id(
    queryset: QuerySet[Any], search_term: str, found: tuple[QuerySet[Any], bool]
) -> tuple[QuerySet[Any], bool]:
    """Django's search results, and the rows whose id begins with the term when it reads as the list's short id."""
    term = search_term.strip().lower()
    if not SHORT_ID.fullmatch(term):
        return found
    results, may_have_duplicates = found
    return results | queryset.filter(id__startswith=term), may_have_duplicates


def application_review_context(application: Application, *, can_view_pii: bool) -> dict[str, Any]:
    """What the application page shows: every person, the invitations, the household report and its checks."""
    report = application_report(application)
    listing_type = application.form_request.listing_type
    members = application_members(application, can_view_pii=can_view_pii)
    # The person's own status, as the applicant list and their page say it: the API's member rows read a waiting
    # person as PROCESSING (docs/api.md, "Enumerations"), and this table said "Em processamento" of a lead the list
    # showed "À espera dos restantes candidatos" (blind probe r73c, F2).
    stored_status = {person.id: person.status for person in application.members.all()}
    for member in members:
        member["role_label"] = role_label(member["role"], listing_type=listing_type)
        status = stored_status.get(member["applicant_id"]) if member["applicant_id"] else None
        member["status_label"] = ApplicantStatus(status).label if status else "—"
        member["invitation_label"] = (
            InvitationStatus(member["invitation_status"]).label if member["invitation_status"] else "—"
        )
        member["info_request_label"] = (
            InfoRequestStatus(member["info_request"]).label if member["info_request"] else "—"
        )
    left_out_label = _("Fora desta análise (não submeteu)")
    stored = list(application.invitations.all())
    pending = [i for i in stored if i.applicant_id is None and not i.superseded_in(stored)]
    # The members not yet submitted are the pending invitations, last and in the same order (application_members).
    for member, waited_for in zip(members[len(members) - len(pending) :], pending, strict=True):
        if waited_for.left_out_at:
            member["invitation_label"] = left_out_label
    invitations = application_invitations(application, can_view_pii=can_view_pii)
    for invitation in invitations:
        invitation["role_label"] = role_label(invitation["role"], listing_type=listing_type)
        # A forced screening went ahead without them (docs/api.md ``left_out_at``): their link no longer takes a
        # submission, so "Enviado" with "Reenviar" read as if it were still awaited (blind probe r69a, R-1).
        invitation["left_out"] = bool(invitation["left_out_at"]) and invitation["applicant_id"] is None
        invitation["status_label"] = (
            left_out_label if invitation["left_out"] else InvitationStatus(invitation["status"]).label
        )
    left_out_roles = {invitation["role"] for invitation in invitations if invitation["left_out"]}
    figures = application_report_data(report, application, can_view_pii=can_view_pii) if report else None
    if figures is not None:
        for member in figures["members"]:
            member["role_label"] = role_label(member["role"], listing_type=listing_type)
            # "proven" is the months required, not nothing to weigh (blind probe r68b, F5).
            member["income_reasons"] = own_income_reasons(
                [c for c in figures["checks"] if str(c.get("applicant_id") or "") == str(member["applicant_id"])]
            )
        # Several guarantors numbered as the PDF and the justification number them ("o fiador 2"): two rows
        # "Fiador" on this page told them apart by nothing (left alone in round 77).
        numbered_guarantors(figures["members"])
        labels = {str(member["applicant_id"]): member["role_label"] for member in figures["members"]}
        if figures["guarantor"] and sum(1 for member in figures["members"] if member["role"] == Role.GUARANTOR) > 1:
            # Whom the one verdict is on, as the justification says it ("o mais perto de cobrir, o fiador 1").
            figures["guarantor"]["who"] = labels.get(str(figures["guarantor"].get("applicant_id") or ""), "")
        if report is not None and not can_view_pii:
            # The API gives these amounts in clear; a printed page reads "(reservado)", as the PDF does.
            figures["justification"] = report_justification_for_viewer(report, can_view_pii=False)
            figures["checks"] = report_checks_for_viewer(report, can_view_pii=False)
            if figures["guarantor"] and figures["guarantor"]["shortfall"] is not None:
                figures["guarantor"]["shortfall"] = RESERVED
        figures["justification"] = justification_without_advice(figures["justification"])  # said below it (r76a, F4)
        for check in figures["checks"]:
            check["role_label"] = labels.get(str(check.get("applicant_id") or "")) or (
                role_label(check["role"], listing_type=listing_type) if check.get("role") else ""
            )
    return {
        "members": members,
        "invitations": invitations,
        "report": report,
        "figures": figures,
        # The report has no guarantor verdict when the invited guarantor was left out: not "Sem fiador".
        "guarantor_left_out": Role.GUARANTOR in left_out_roles,
        "can_view_pii": can_view_pii,
    }


@admin.register(Application)
class ApplicationAdmin(ErasureAdmin):
    """Households: who applies together, who was invited, the one report, force and invite buttons.

    Read with ``applicants.view_applicant`` like the applicants (no separate
    application permission to grant); names and e-mails masked without ``view_pii``.
    """

    class Media:
        # An invitation's link, shown once on this page, with its copy button (applicants.admin.link_with_copy_button).
        js = ("staff/copy_link.js",)

    list_display = (
        "short_id",
        "form_title",
        "status",
        "people",
        "invitations_summary",
        "risk",
        "guarantor",
        "created_at",
    )
    list_filter = ("status",)
    list_select_related = ("form_request", "organization")
    search_fields = ("form_request__property_title",)
    search_help_text = _("Nome de uma pessoa (palavras inteiras), id curto ou título do imóvel")

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Any], search_term: str
    ) -> tuple[QuerySet[Any], bool]:
        found = with_short_id(
            self.scope(request, queryset), search_term, super().get_search_results(request, queryset, search_term)
        )
        if not self.can_view_pii(request):
            return found
        results, may_have_duplicates = found
        people = named(Applicant.objects.all(), search_term).values("application_id")
        return results | self.scope(request, queryset.filter(id__in=people)), may_have_duplicates

    fields = ("form_request", "status", "created_at", "updated_at")
    readonly_fields = fields
    change_form_template = "admin/applicants/application/change_form.html"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).prefetch_related("members", "invitations")

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.has_perm(admin_views.VIEW_PERMISSION))

    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm(admin_views.VIEW_PERMISSION))

    def has_add_permission(self, request: HttpRequest) -> bool:
        # An application starts with its lead tenant's submission.
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def erase(self, obj: Application, actor: Any) -> None:
        application_erase(application=obj, actor=actor)

    def erased_people(self, obj: Application) -> list[Applicant]:
        return list(obj.members.all())

    def can_view_pii(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm(PII_PERMISSION))

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        application = self.get_object(request, object_id)
        can_view_pii = self.can_view_pii(request)
        context = {**(extra_context or {}), **application_review_context(application, can_view_pii=can_view_pii)}
        if application is not None:
            context["subtitle"] = admin_views.application_page_subtitle(application, can_view_pii=can_view_pii)
        context["can_force"] = request.user.has_perm(admin_views.RERUN_PERMISSION)
        context["can_invite"] = request.user.has_perm(admin_views.INVITE_PERMISSION)
        context["invitation_form"] = admin_views.InvitationForm()
        response = super().change_view(request, object_id, form_url, context)
        if request.method == "GET" and response.status_code == 200 and can_view_pii:
            for member in application.members.all():
                services.pii_view_record(applicant=member, actor=request.user, surface="admin_application")
        return response

    object_history_template = "admin/applicants/file_history.html"

    def history_view(self, request: HttpRequest, object_id: str, extra_context: Any = None) -> HttpResponse:
        application = self.get_object(request, object_id)
        people = list(application.members.all()) if application is not None else []
        context = {**(extra_context or {}), **history_context(request, people, several=True)}
        return super().history_view(request, object_id, context)

    def get_urls(self) -> list[Any]:
        def wired(view: Any) -> Any:
            return self.admin_site.admin_view(functools.partial(view, self))

        own = [
            path(
                "<uuid:object_id>/screen/",
                wired(admin_views.application_screen_view),
                name="applicants_application_screen",
            ),
            path(
                "<uuid:object_id>/invite/",
                wired(admin_views.application_invite_view),
                name="applicants_application_invite",
            ),
            path(
                "<uuid:object_id>/invitations/<uuid:invitation_id>/resend/",
                wired(admin_views.invitation_resend_view),
                name="applicants_application_resend",
            ),
        ]
        return own + super().get_urls()

    def current_report(self, obj: Application) -> ScreeningReport | None:
        # risk and guarantor columns share one read per row.
        if not hasattr(obj, "_current_report"):
            obj._current_report = application_report(obj)  # type: ignore[attr-defined]
        report: ScreeningReport | None = obj._current_report  # type: ignore[attr-defined]
        return report

    @admin.display(description=_("id"))
    def short_id(self, obj: Application) -> str:
        return str(obj.id)[:8]

    @admin.display(description=_("imóvel"))
    def form_title(self, obj: Application) -> str:
        return obj.form_request.property_title

    @admin.display(description=_("pessoas"))
    def people(self, obj: Application) -> str:
        # Roles and states only: no names in list columns.
        members = sorted(obj.members.all(), key=lambda m: (m.role != Role.TENANT, m.created_at))
        return (
            "; ".join(
                f"{role_label(m.role, listing_type=obj.form_request.listing_type)}: {ApplicantStatus(m.status).label}"
                for m in members
            )
            or "—"
        )

    @admin.display(description=_("convites"))
    def invitations_summary(self, obj: Application) -> str:
        invitations = list(obj.invitations.all())
        if not invitations:
            return "—"
        return "; ".join(
            f"{role_label(i.role, listing_type=obj.form_request.listing_type)}: {InvitationStatus(i.effective_status).label}"
            + ("" if i.sent_at or i.effective_status != InvitationStatus.SENT else f" ({_('e-mail por enviar')})")
            + (f" ({_('fora da análise')})" if i.left_out_at and i.effective_status == InvitationStatus.SENT else "")
            for i in invitations
        )

    @admin.display(description=_("risco"))
    def risk(self, obj: Application) -> str:
        report = self.current_report(obj)
        return report.get_risk_level_display() if report else "—"

    @admin.display(description=_("fiador"))
    def guarantor(self, obj: Application) -> str:
        report = self.current_report(obj)
        verdict = (report.household or {}).get("guarantor") if report else None
        if not verdict:
            return "—"
        return str(_("cobre") if verdict.get("covers") else _("não cobre"))
