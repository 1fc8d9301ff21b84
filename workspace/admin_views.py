"""The review pages' own views: decide, re-run, download a document or the report's PDF, the pipeline overview;
for an application, force its screening, invite a person and re-send an invitation.

Plain functions wired by ``ApplicantAdmin.get_urls`` and ``ApplicationAdmin.get_urls``; each
takes the admin instance so it uses the same agency scoping (another agency's row is a 404).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import uuid
from typing import Any, Protocol

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from applicants import services
from applicants.admin import link_with_copy_button, staff_member
from applicants.errors import BusinessRuleError
from applicants.masking import mask_name
from applicants.models import (
    Applicant,
    ApplicantStatus,
    Application,
    ApplicationStatus,
    AuditAction,
    Decision,
    DecisionOutcome,
    InfoRequest,
    Role,
    role_label,
)
from applicants.selectors import organization_for_user
from applicants.text import person_name_shaped
from documents.models import Document, DocumentType
from documents.storage import document_store
from screening.selectors import pipeline_overview
from workspace.export_pdf import applicant_export_pdf
from workspace.report_pdf import pdf_response, report_pdf_download
from workspace.retention import applicant_export
from workspace.second_round import RequestedDocument, contest_answer, decision_take
from workspace.services import (
    applicant_rerun,
    application_invite,
    application_screen,
    household_lead,
    invitation_resend,
)

DECIDE_PERMISSION = "applicants.add_decision"
RERUN_PERMISSION = "applicants.rerun_applicant"
VIEW_PERMISSION = "applicants.view_applicant"
PII_PERMISSION = "applicants.view_pii"
# Inviting issues a new intake link, like creating a form (the same permission as in the API).
INVITE_PERMISSION = "applicants.add_intakeformrequest"
REASON_MAX_LENGTH = 2000


class ApplicantAdmin(Protocol):
    """What these views need of ``workspace.admin.ApplicantAdmin`` (which wires them)."""

    admin_site: Any
    model: Any

    def get_object(self, request: HttpRequest, object_id: str, from_field: str | None = None) -> Any: ...
    def can_view_pii(self, request: HttpRequest) -> bool: ...
    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse: ...


def decide_view(model_admin: ApplicantAdmin, request: HttpRequest, object_id: Any) -> HttpResponse:
    """Record a person's decision from the detail page (reason required)."""
    applicant = model_admin.get_object(request, str(object_id))
    if request.method != "POST" or not request.user.has_perm(DECIDE_PERMISSION):
        raise PermissionDenied
    lead = household_lead(applicant)
    if lead.pk != applicant.pk:
        # The admin decides a household on its lead's page (workspace.admin.household_decision_context); a post
        # here is from an old page, which has no form left to show a refusal in: a page message.
        messages.error(
            request,
            _("Decisão não registada: a decisão da candidatura é tomada na página do %(role)s.")
            % {"role": str(role_label(lead.role, listing_type=applicant.form_request.listing_type)).lower()},
        )
        return redirect("admin:applicants_applicant_change", object_id)
    decision, reason = request.POST.get("decision", ""), request.POST.get("reason", "").strip()
    message = request.POST.get("message_to_applicant", "")
    requested = requested_documents_posted(request) if decision == DecisionOutcome.MORE_INFO else []
    if decision not in DecisionOutcome.values or not reason:
        missing = [
            name for name, given in (("decision", decision in DecisionOutcome.values), ("reason", reason)) if not given
        ]
        text = _("Escolha uma decisão e escreva o motivo (obrigatório).")
        return decision_refused(model_admin, request, object_id, text, *missing)
    if len(reason) > REASON_MAX_LENGTH:
        # As the API's field error: the reason is at most 2000 characters.
        return decision_refused(model_admin, request, object_id, _("O motivo tem no máximo 2000 caracteres."), "reason")
    try:
        due_at = due_at_posted(request) if decision == DecisionOutcome.MORE_INFO else None
    except ValueError:
        # As the API's field error on ``due_at`` (docs/api.md: within 90 days).
        return decision_refused(
            model_admin, request, object_id, _("O prazo deve estar nos próximos 90 dias."), "due_date"
        )
    if decision == DecisionOutcome.MORE_INFO and message.strip() and not requested:
        # The message goes out in the request's e-mail: without a document asked it reached nobody (probe C28).
        return decision_refused(
            model_admin,
            request,
            object_id,
            _("A mensagem só chega ao candidato com documentos pedidos: escolha pelo menos um."),
            "message_to_applicant",
            "requested_documents",
        )
    try:
        with transaction.atomic():
            # Two colleagues deciding at once take turns here; the second then finds the first's decision.
            Applicant.objects.select_for_update().filter(pk=applicant.pk).first()
            stale = decision_seen_is_stale(applicant, request.POST.get("seen_decision"))
            earlier = latest_decision_of(applicant)
            recorded = (
                None
                if stale is not None
                else decision_take(
                    applicant=applicant,
                    decided_by=request.user,
                    decision=decision,
                    reason=reason,
                    # Only a MORE_INFO decision reaches the applicant, as in the API: a message typed with another is
                    # not kept.
                    message_to_applicant=message[:2000] if decision == DecisionOutcome.MORE_INFO else "",
                    requested_documents=requested,
                    due_at=due_at,
                )
            )
    except BusinessRuleError as exc:
        return decision_refused(model_admin, request, object_id, exc.message)
    if recorded is None:
        # Said after the row lock is let go: the page is rendered again, with what was typed (below).
        return decision_refused(model_admin, request, object_id, str(stale))
    note = (
        " "
        + ngettext(
            "Pedido enviado por e-mail (%(count)s documento).",
            "Pedido enviado por e-mail (%(count)s documentos).",
            len(requested),
        )
        % {"count": len(requested)}
        if requested
        else ""
    )
    messages.success(
        request, _("Decisão registada: %(decision)s.") % {"decision": DecisionOutcome(decision).label} + note
    )
    if earlier is not None:
        # Decisions are kept, never overwritten (docs/api.md); the newest is the one in force. Said, so that a change
        # of mind is not read as a slip (blind probe r73c: "Rejeitado" after "Aprovado" said only the new one).
        messages.info(
            request,
            _("Substitui a decisão anterior (%(decision)s, por %(who)s em %(when)s), que fica no histórico.")
            % {
                "decision": earlier.get_decision_display(),
                "who": staff_member(earlier.decided_by),
                "when": date_format(timezone.localtime(earlier.decided_at), "DATETIME_FORMAT"),
            },
        )
    if message.strip() and decision != DecisionOutcome.MORE_INFO:
        # Not kept (above), and it was dropped without a word (blind probe C31): the person who typed it is told.
        messages.warning(
            request,
            _("A mensagem ao candidato não foi enviada: só segue com um pedido de documentos (Pedir mais documentos)."),
        )
    if recorded.report_id is None:
        # The API records it too, with ``report_id: null`` (docs/api.md: a person decides, the report only
        # advises); the page says so, and the decision history shows it.
        messages.warning(request, _("Esta pessoa ainda não tem relatório de análise: a decisão foi tomada sem ele."))
    return redirect("admin:applicants_applicant_change", object_id)


# A refusal of the decision form is a message with these tags: the form shows it at its fields (WCAG 1.3.1, 3.3.1),
# not in the page's message list (blind probe r72a, A-4).
DECISION_ERROR_TAG = "decision-error"
DECISION_FIELD_TAG_PREFIX = "field-"


def decision_refused(
    model_admin: ApplicantAdmin, request: HttpRequest, object_id: Any, text: str, *fields: str
) -> HttpResponse:
    """The page again, its form holding what was typed, with the refusal tagged with the fields it concerns (their
    POST names). Rendered in answer to this request, not after a redirect: a reason typed and refused was lost, and
    keeping it across a redirect would put free text about a person in the session (blind probe r73c)."""
    tags = [DECISION_ERROR_TAG, *(DECISION_FIELD_TAG_PREFIX + name for name in fields)]
    messages.error(request, text, extra_tags=" ".join(tags))
    shown = copy.copy(request)
    shown.method = "GET"  # the page as read; the admin's own form is not posted
    return model_admin.change_view(shown, str(object_id), extra_context={"decision_typed": decision_typed(request)})


def decision_typed(request: HttpRequest) -> dict[str, Any]:
    """What the refused decision form held, to fill it in again."""
    posted = request.POST
    return {
        "decision": posted.get("decision", ""),
        "reason": posted.get("reason", ""),
        "message_to_applicant": posted.get("message_to_applicant", ""),
        "request_person": posted.get("request_person", ""),
        "due_date": posted.get("due_date", ""),
        "documents": {
            value: (bool(posted.get(f"request_{value}")), posted.get(f"note_{value}", ""))
            for value, _label in DocumentType.choices
        },
    }


def decision_error_of(message: messages.storage.base.Message) -> dict[str, Any] | None:
    """A message the decision form refused with: its text and the fields in error, else ``None``."""
    tags = message.extra_tags.split()
    if DECISION_ERROR_TAG not in tags:
        return None
    fields = [tag.removeprefix(DECISION_FIELD_TAG_PREFIX) for tag in tags if tag.startswith(DECISION_FIELD_TAG_PREFIX)]
    return {"text": str(message), "fields": fields}


DUE_AT_MAX_DAYS = 90


def default_due_date() -> dt.date:
    """The request's deadline the form offers: the API's default (``INFO_REQUEST_DAYS`` from today)."""
    return timezone.localdate() + dt.timedelta(days=settings.INFO_REQUEST_DAYS)


def due_at_posted(request: HttpRequest) -> dt.datetime | None:
    """The deadline typed on the decision form, as the API reads a date alone: the end of that day in Lisbon.

    ``None`` when left empty (the API's default); ``ValueError`` when not a date within the next 90 days (blind
    probe r69a, U-6: the admin's second round had no deadline to set).
    """
    typed = request.POST.get("due_date", "").strip()
    if not typed:
        return None
    day = next(filter(None, (parsed_day(typed, pattern) for pattern in DAY_PATTERNS)), None)
    if day is None:
        raise ValueError(typed)
    due_at = timezone.make_aware(dt.datetime.combine(day, dt.time.max), timezone.get_default_timezone())
    now = timezone.now()
    if not now < due_at <= now + dt.timedelta(days=DUE_AT_MAX_DAYS):
        raise ValueError(typed)
    return due_at


# The browser's date field sends ISO; typed by hand, a day reads as people write it.
DAY_PATTERNS = ("%Y-%m-%d", "%d/%m/%Y")


def parsed_day(typed: str, pattern: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(typed, pattern).date()
    except ValueError:
        return None


def latest_decision_of(applicant: Applicant) -> Decision | None:
    """The decision the applicant's page shows as current (its decision history is newest first)."""
    return applicant.decisions.select_related("decided_by").order_by("-decided_at", "-id").first()


def decision_seen_is_stale(applicant: Applicant, seen: str | None) -> str | None:
    """Why a decision posted from a page is refused, or None: the page carries the latest decision it showed
    (``seen_decision``, empty when none), and a newer one means it was decided meanwhile, by a colleague or by
    this very form sent again with the back button (blind probe C31: Aprovado, Rejeitado, Aprovado within a
    minute). A post without the field (not from the page) is not checked."""
    if seen is None:
        return None
    latest = latest_decision_of(applicant)
    if seen == (str(latest.id) if latest else ""):
        return None
    if latest is None:
        return _("A decisão que esta página mostrava já não existe. Reveja a página antes de decidir.")
    return _(
        "Entretanto foi registada outra decisão: %(decision)s, por %(who)s em %(when)s. Não foi registada a sua: "
        "reveja a página e decida de novo, se for o caso."
    ) % {
        "decision": latest.get_decision_display(),
        "who": staff_member(latest.decided_by),
        "when": date_format(timezone.localtime(latest.decided_at), "DATETIME_FORMAT"),
    }


def requested_documents_posted(request: HttpRequest) -> list[RequestedDocument]:
    """The decision form's requested documents: a kind ticked, its note, and whom it is asked of."""
    person = request.POST.get("request_person") or None
    try:
        person_id = uuid.UUID(person) if person else None
    except ValueError:
        person_id = None
    return [
        RequestedDocument(document_type=kind, note=request.POST.get(f"note_{kind}", "")[:300], applicant_id=person_id)
        for kind in DocumentType.values
        if request.POST.get(f"request_{kind}") == "1"
    ]


def contest_answer_view(
    model_admin: ApplicantAdmin, request: HttpRequest, object_id: Any, contest_id: Any
) -> HttpResponse:
    """Answer the applicant's comment or contest; the answer goes to them by e-mail."""
    applicant = model_admin.get_object(request, str(object_id))
    if request.method != "POST" or not request.user.has_perm(DECIDE_PERMISSION):
        raise PermissionDenied
    contest = applicant.contests.filter(id=contest_id).first()
    if contest is None:
        raise Http404
    answer = request.POST.get("answer", "").strip()[:4000]
    if not answer:
        messages.error(request, _("Escreva a resposta."))
    else:
        try:
            contest_answer(contest=contest, actor=request.user, answer=answer)
            messages.success(request, _("Resposta enviada ao candidato por e-mail."))
        except BusinessRuleError as exc:
            messages.error(request, exc.message)
    return redirect("admin:applicants_applicant_change", object_id)


def rerun_view(model_admin: ApplicantAdmin, request: HttpRequest, object_id: Any) -> HttpResponse:
    applicant = model_admin.get_object(request, str(object_id))
    if request.method != "POST" or not request.user.has_perm(RERUN_PERMISSION):
        raise PermissionDenied
    reruns_queue(request, [applicant], reextract=request.POST.get("reextract") == "1")
    if request.POST.get("next") == "pipeline":
        return redirect("admin:applicants_applicant_pipeline")
    return redirect("admin:applicants_applicant_change", object_id)


def download_view(model_admin: ApplicantAdmin, request: HttpRequest, object_id: Any, document_id: Any) -> HttpResponse:
    """A short-lived link to the stored file, for users who may see personal data; audited."""
    applicant = model_admin.get_object(request, str(object_id))
    document = applicant.documents.filter(id=document_id).first()
    if document is None or not model_admin.can_view_pii(request):
        raise Http404
    services.audit_record(
        action=AuditAction.DOCUMENT_DOWNLOADED,
        target_type="document",
        target_id=document.id,
        organization=applicant.organization,
        actor=request.user,
    )
    return HttpResponseRedirect(document_store().download_url(document.storage_key, expires_in=60))


def report_pdf_view(model_admin: ApplicantAdmin, request: HttpRequest, object_id: Any) -> HttpResponse:
    """The current report as a PDF, masked like the page without ``view_pii``; audited with surface ``admin``."""
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    applicant = model_admin.get_object(request, str(object_id))
    rendered = report_pdf_download(applicant=applicant, viewer=request.user, surface="admin")
    if rendered is None:
        raise Http404
    return pdf_response(rendered)


def export_view(model_admin: ApplicantAdmin, request: HttpRequest, object_id: Any) -> HttpResponse:
    """Subject access (RGPD art. 15.º) from the person's page: what ``GET /api/v1/applicants/{id}/export`` answers, as
    a JSON file the agency hands to the person, with the API's permissions (personal data seen) and its audit entry.
    Office staff had to ask someone with the API or the shell for it (blind probe r69a, U-10)."""
    if not (request.user.has_perm(VIEW_PERMISSION) and request.user.has_perm(PII_PERMISSION)):
        raise PermissionDenied
    applicant = model_admin.get_object(request, str(object_id))
    export = applicant_export(applicant=applicant, actor=request.user, audit_details={"via": "admin", "format": "json"})
    response = HttpResponse(
        json.dumps(export, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="dados-{str(applicant.pk)[:8]}.json"'
    return response


def export_pdf_view(model_admin: ApplicantAdmin, request: HttpRequest, object_id: Any) -> HttpResponse:
    """The same export as a PDF the person reads (RGPD art. 12.º, n.º 1), beside the JSON one, with its permissions;
    audited as one ``EXPORTED`` row with ``{"via": "admin", "format": "pdf"}`` (ADR 047)."""
    if not (request.user.has_perm(VIEW_PERMISSION) and request.user.has_perm(PII_PERMISSION)):
        raise PermissionDenied
    applicant = model_admin.get_object(request, str(object_id))
    return pdf_response(applicant_export_pdf(applicant=applicant, actor=request.user, via="admin"))


def pipeline_view(model_admin: ApplicantAdmin, request: HttpRequest) -> HttpResponse:
    """Ops view for the agency: counts by state, stuck and failed items, re-run buttons."""
    organization = None if request.user.is_superuser else organization_for_user(request.user)
    if (organization is None and not request.user.is_superuser) or not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    overview = pipeline_overview(organization=organization)
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Estado do processamento"),
        "overview": overview,
        "stuck_rows": pipeline_rows(overview["stuck"]),
        "failed_rows": pipeline_rows(overview["failed"]),
        "failed_reported_rows": pipeline_rows(overview["failed_reported"]),
        "opts": model_admin.model._meta,
        "can_rerun": request.user.has_perm(RERUN_PERMISSION),
    }
    return TemplateResponse(request, "admin/applicants/applicant/pipeline.html", context)


def pipeline_rows(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The overview's stuck or failed items as an office reads them: what (a document by its kind, or a person's
    screening), whose (role and masked name, linked to their page), the property, why, since when.

    The page listed ids and "document"/"applicant" (blind probe r73c, F6). The items come from the staff member's
    own agency (``pipeline_overview(organization=...)``); the people and documents are read by those ids.
    """
    person_ids = {item.get("applicant_id") or item["id"] for item in items}
    people = {
        str(person.id): person for person in Applicant.objects.filter(id__in=person_ids).select_related("form_request")
    }
    kinds = dict(
        Document.objects.filter(id__in=[item["id"] for item in items if item["type"] == "document"]).values_list(
            "id", "document_type"
        )
    )
    rows = []
    for item in items:
        person = people.get(str(item.get("applicant_id") or item["id"]))
        if person is None:
            continue
        kind = kinds.get(uuid.UUID(item["id"])) if item["type"] == "document" else None
        listing_type = person.form_request.listing_type
        rows.append(
            {
                **item,
                "person_id": person.id,
                "what": DocumentType(kind).label if kind in DocumentType.values else _("Análise da candidatura"),
                "whose": f"{role_label(person.role, listing_type=listing_type)} {mask_name(person.name)}",
                "property_title": person.form_request.property_title,
            }
        )
    return rows


def reruns_queue(request: HttpRequest, applicants: list[Applicant], *, reextract: bool) -> None:
    """Force a new report for each applicant (the old one stays in the history); say which were queued, by their
    masked names and properties, and why the others were not.

    The message read "0 candidatura(s) em fila para nova análise:" of an application waiting for the co-tenant it
    invited, and "1 candidatura(s) … : d2062866" of one queued (blind probe r73c, F3, F7).
    """
    queued: list[Applicant] = []
    left: list[Applicant] = []
    for applicant in applicants:
        (
            queued
            if applicant_rerun(applicant=applicant, actor=request.user, force=True, reextract=reextract)
            else left
        ).append(applicant)
    if queued:
        messages.success(request, reruns_queued_text(queued, reextract=reextract))
    # Two members of one waiting application selected together are one application waiting: said once.
    told: set[object] = set()
    for applicant in left:
        application_key = applicant.application_id or applicant.pk
        if application_key not in told:
            told.add(application_key)
            messages.warning(request, rerun_left_text(applicant))


def household_named(applicant: Applicant) -> str:
    """A person's application as a message names it: its lead's masked name and the property ("M*** S*** · T2 em
    Arroios"), the words the lists show (no id, no name in clear: a message may be read over a shoulder)."""
    return f"{mask_name(household_lead(applicant).name)} · {applicant.form_request.property_title}"


def person_page_subtitle(applicant: Applicant, *, can_view_pii: bool) -> str:
    """A person's page named as the office names it: role, name and property ("Fiador Rui Lopes · T2 em Arroios"),
    the name masked for a user without the personal-data permission. The model's own name ("Candidato 7bb180d7")
    stays free of personal data, since Django also writes it into its admin log (blind probe r73c)."""
    if not applicant.name:
        return str(applicant)
    listing_type = applicant.form_request.listing_type
    name = applicant.name if can_view_pii else mask_name(applicant.name)
    return f"{role_label(applicant.role, listing_type=listing_type)} {name} · {applicant.form_request.property_title}"


def application_page_subtitle(application: Application, *, can_view_pii: bool) -> str:
    """An application's page named by its lead and property ("Candidatura de Ana Ferreira · T2 em Arroios")."""
    lead = application.members.filter(role=Role.TENANT).first() or application.members.order_by("created_at").first()
    if lead is None or not lead.name:
        return str(application)
    name = lead.name if can_view_pii else mask_name(lead.name)
    return _("Candidatura de %(name)s · %(property)s") % {
        "name": name,
        "property": application.form_request.property_title,
    }


def reruns_queued_text(queued: list[Applicant], *, reextract: bool) -> str:
    count, names = len(queued), "; ".join(household_named(applicant) for applicant in queued)
    if reextract:
        text = ngettext(
            "%(count)d candidatura em fila para nova leitura dos documentos e análise: %(names)s.",
            "%(count)d candidaturas em fila para nova leitura dos documentos e análise: %(names)s.",
            count,
        )
    else:
        text = ngettext(
            "%(count)d candidatura em fila para nova análise: %(names)s.",
            "%(count)d candidaturas em fila para nova análise: %(names)s.",
            count,
        )
    return text % {"count": count, "names": names}


def rerun_left_text(applicant: Applicant) -> str:
    """Why a re-run queued nothing: the application still waits for people (whom, by role and masked name), and
    the way to screen it without them, "Forçar análise" on its page (``applicant_rerun`` leaves it alone). One
    screened before and waiting again for someone invited later is said so: its report stays until they submit
    (it read "não ficou em fila (Concluído)", and a forced re-run left the person out: blind probe r75c)."""
    application = applicant.application
    people = waited_for(application) if application is not None else []
    if application is not None and applicant.status == ApplicantStatus.WAITING:
        text = ngettext(
            "%(names)s: não ficou em fila, a candidatura espera por %(people)s. Para a analisar já com quem "
            "submeteu, use «Forçar análise» na página da candidatura:",
            "%(names)s: não ficou em fila, a candidatura espera por %(people)s. Para a analisar já com quem "
            "submeteu, use «Forçar análise» na página da candidatura:",
            len(people),
        )
    elif application is not None and application.status == ApplicationStatus.WAITING and people:
        text = ngettext(
            "%(names)s: não ficou em fila, a candidatura espera por %(people)s e é analisada de novo quando "
            "submeter; o relatório atual mantém-se até lá. Para a analisar já com quem submeteu, use «Forçar "
            "análise» na página da candidatura:",
            "%(names)s: não ficou em fila, a candidatura espera por %(people)s e é analisada de novo quando "
            "submeterem; o relatório atual mantém-se até lá. Para a analisar já com quem submeteu, use «Forçar "
            "análise» na página da candidatura:",
            len(people),
        )
    else:
        return _("%(names)s: não ficou em fila (%(status)s).") % {
            "names": household_named(applicant),
            "status": applicant.get_status_display(),
        }
    text %= {"names": household_named(applicant), "people": "; ".join(people) or _("ninguém, por agora")}
    url = reverse("admin:applicants_application_change", args=[application.pk])
    return format_html('{} <a href="{}">{}</a>.', text, url, _("abrir a candidatura"))


def waited_for(application: Application) -> list[str]:
    """Whom the application waits for (``application_start_if_complete``'s two reasons): each invitation still out,
    and each member owing documents staff asked for, by role and masked name."""
    listing_type = application.form_request.listing_type
    invited = [
        _("%(role)s %(name)s (convite por responder)")
        % {"role": role_label(invitation.role, listing_type=listing_type), "name": mask_name(invitation.name)}
        for invitation in application.invitations.outstanding(now=timezone.now()).order_by("created_at")
    ]
    owing = [
        _("%(role)s %(name)s (documentos pedidos por enviar)")
        % {"role": role_label(member.role, listing_type=listing_type), "name": mask_name(member.name)}
        for member in application.members.filter(
            id__in=InfoRequest.objects.unanswered().values("applicant_id")
        ).order_by("created_at")
    ]
    return invited + owing


class InvitationForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Papel"), choices=[(Role.CO_TENANT, Role.CO_TENANT.label), (Role.GUARANTOR, Role.GUARANTOR.label)]
    )
    name = forms.CharField(label=_("Nome"), min_length=2, max_length=200)
    email = forms.EmailField(label=_("E-mail"), max_length=254)

    def clean_name(self) -> str:
        # As the API's: the name is printed in the invitation e-mail's greeting (probe C27).
        name: str = self.cleaned_data["name"]
        if not person_name_shaped(name):
            raise forms.ValidationError(_("Indique o nome."))
        return name


def _link_shown_once(request: HttpRequest, intake_url: str, what: str) -> None:
    # Like a new form's link: shown this once (only its hash is stored), also e-mailed to the person.
    if not request.user.has_perm("applicants.view_pii"):
        # The link's page names the lead tenant in clear, masked for this user everywhere else (probe C27).
        messages.success(request, f"{what} {_('A ligação foi enviada por e-mail à pessoa.')}")
        return
    messages.success(
        request,
        format_html(
            _("{} A ligação foi enviada por e-mail; se for preciso, copie-a agora (não volta a ser mostrada): {}"),
            what,
            link_with_copy_button(intake_url),
        ),
    )


def application_screen_view(model_admin: ApplicantAdmin, request: HttpRequest, object_id: Any) -> HttpResponse:
    """Screen with whoever has submitted now (a forced run, audited)."""
    application = model_admin.get_object(request, str(object_id))
    if request.method != "POST" or not request.user.has_perm(RERUN_PERMISSION):
        raise PermissionDenied
    try:
        application_screen(application=application, actor=request.user, force=True)
    except BusinessRuleError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Análise em fila com as pessoas que já submeteram."))
    return redirect("admin:applicants_application_change", object_id)


def application_invite_view(model_admin: ApplicantAdmin, request: HttpRequest, object_id: Any) -> HttpResponse:
    """Invite a co-tenant or guarantor: role, name and e-mail; their link goes by e-mail."""
    application = model_admin.get_object(request, str(object_id))
    if request.method != "POST" or not request.user.has_perm(INVITE_PERMISSION):
        raise PermissionDenied
    form = InvitationForm(request.POST)
    if not form.is_valid():
        # Which field and why, in the form's own words (blind probe C31: one sentence for every mistake).
        problems = [
            f"{form.fields[name].label}: {' '.join(str(e) for e in errors)}" for name, errors in form.errors.items()
        ]
        messages.error(request, _("O convite não foi enviado. %(problems)s") % {"problems": " ".join(problems)})
        return redirect("admin:applicants_application_change", object_id)
    try:
        created = application_invite(application=application, actor=request.user, **form.cleaned_data)
    except BusinessRuleError as error:
        messages.error(request, error.message)
    else:
        _link_shown_once(
            request, created.intake_url, _("Convite criado (%(role)s).") % {"role": Role(created.invitation.role).label}
        )
    return redirect("admin:applicants_application_change", object_id)


def invitation_resend_view(
    model_admin: ApplicantAdmin, request: HttpRequest, object_id: Any, invitation_id: Any
) -> HttpResponse:
    """A new link for the same person; the old one stops working now."""
    application = model_admin.get_object(request, str(object_id))
    if request.method != "POST" or not request.user.has_perm(INVITE_PERMISSION):
        raise PermissionDenied
    invitation = application.invitations.filter(id=invitation_id).first()
    if invitation is None:
        raise Http404
    try:
        created = invitation_resend(invitation=invitation, actor=request.user)
    except BusinessRuleError as error:
        messages.error(request, error.message)
    else:
        _link_shown_once(request, created.intake_url, _("Convite reenviado; a ligação anterior deixou de funcionar."))
    return redirect("admin:applicants_application_change", object_id)


def notifications_toggle_view(request: HttpRequest) -> HttpResponse:
    """The staff member's own opt-in to e-mails (report ready, resubmission, a contest): on or off."""
    if request.method != "POST":
        raise PermissionDenied
    membership = getattr(request.user, "membership", None)
    if membership is None:
        raise Http404
    membership.notify_by_email = request.POST.get("notify_by_email") == "1"
    membership.save(update_fields=["notify_by_email"])
    if membership.notify_by_email:
        messages.success(request, _("Notificações por e-mail ligadas."))
    else:
        messages.success(request, _("Notificações por e-mail desligadas."))
    target = request.POST.get("next", "")
    return redirect(target if target.startswith("/admin/") else "admin:index")
