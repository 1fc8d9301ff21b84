"""What happened to a person's or an application's file, in words: the admin's "Histórico" page.

Django's own history page lists only edits made through the admin's forms, and nothing here is edited that
way: it said "no history" after decisions, re-runs and second rounds (blind probe C31). The facts are already
recorded: the audit trail (who decided, re-ran, asked for documents, downloaded), the submissions and the
reports. This reads them for the people of one file, within their agency, newest first.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from applicants.admin import staff_member
from applicants.masking import mask_name
from applicants.models import Applicant, AuditAction, AuditEvent, DecisionOutcome, Invitation, Role
from documents.models import Document, DocumentType
from screening.models import RiskLevel, ScreeningReport
from workspace.services import RECTIFIABLE_FIELDS

# Who opened or downloaded what: shown to staff who may read the audit trail, not to every colleague.
ACCESS_ACTIONS = frozenset({AuditAction.PII_VIEWED, AuditAction.DOCUMENT_DOWNLOADED, AuditAction.REPORT_DOWNLOADED})
AUDIT_PERMISSION = "applicants.view_auditevent"
# What only the applicant does, through their link (intake/): with no staff member recorded, these are theirs. The
# history said "o candidato ou o sistema" of a second round's upload (blind probe r69a); the rest is the system's.
APPLICANT_ACTIONS = frozenset(
    {AuditAction.DOCUMENTS_RESUBMITTED, AuditAction.CONTEST_RECEIVED, AuditAction.INVITATION_SENT}
)


@dataclass(frozen=True)
class HistoryEntry:
    at: dt.datetime
    who: str
    what: str
    detail: str
    person: str
    # Who viewed personal data or downloaded a file: the page shows these apart, on demand (``access_split``).
    access: bool = False


def file_history(*, people: list[Applicant], with_access: bool, person_labels: bool = False) -> list[HistoryEntry]:
    """The submissions, reports and audited actions of ``people`` (one agency's), newest first.

    ``with_access``: also who viewed personal data or downloaded a file. ``person_labels``: name each row's
    person by role and masked name (an application's page lists several people).
    """
    if not people:
        return []
    organization_id = people[0].organization_id
    labels = {person.id: _person_label(person) if person_labels else "" for person in people}
    documents = {
        document.id: document
        for document in Document.objects.filter(organization_id=organization_id, applicant__in=people).only(
            "id", "applicant_id", "document_type", "created_at", "info_request_id"
        )
    }
    entries = [*_submissions(people, documents, labels), *_reports(people, organization_id, labels)]
    entries += _audited(people, documents, labels, organization_id=organization_id, with_access=with_access)
    return sorted(entries, key=lambda entry: entry.at, reverse=True)


def documents_counted(count: int) -> str:
    return ngettext("%(count)d documento", "%(count)d documentos", count) % {"count": count}


def _person_label(person: Applicant) -> str:
    # By role and masked name, as the lists name a person: "Arrendatário principal 67599900" was an id (r73c, F7).
    return f"{Role(person.role).label} {mask_name(person.name)}"


def access_split(entries: list[HistoryEntry]) -> tuple[list[HistoryEntry], list[HistoryEntry]]:
    """The file's events, and the views and downloads of its personal data, each newest first.

    Every opening of a page with ``view_pii`` is audited, and those rows were 6 of the 11 of a person's history,
    burying the decisions and reports (blind probe r73c, F10): the page lists them apart, folded.
    """
    return [entry for entry in entries if not entry.access], [entry for entry in entries if entry.access]


def _submissions(
    people: list[Applicant], documents: dict[uuid.UUID, Document], labels: dict[uuid.UUID, str]
) -> Iterable[HistoryEntry]:
    for person in people:
        if person.consent_given_at is None:
            continue
        first_round = [d for d in documents.values() if d.applicant_id == person.id and d.info_request_id is None]
        yield HistoryEntry(
            at=person.consent_given_at,
            who=_("o candidato"),
            what=_("Candidatura enviada"),
            detail=documents_counted(len(first_round)),
            person=labels[person.id],
        )


def _reports(
    people: list[Applicant], organization_id: uuid.UUID, labels: dict[uuid.UUID, str]
) -> Iterable[HistoryEntry]:
    reports = ScreeningReport.objects.filter(organization_id=organization_id, applicant__in=people).only(
        "applicant_id", "risk_level", "resubmission", "created_at"
    )
    for report in reports:
        detail = _("risco %(risk)s") % {"risk": str(RiskLevel(report.risk_level).label).lower()}
        if report.resubmission:
            detail += " · " + _("com os documentos do segundo envio")
        yield HistoryEntry(
            at=report.created_at,
            # The README's word for what nobody did by hand (r73c, F10: the report alone said "análise automática").
            who=_("o sistema"),
            what=_("Relatório de análise"),
            detail=detail,
            person=labels[report.applicant_id],
        )


def _audited(
    people: list[Applicant],
    documents: dict[uuid.UUID, Document],
    labels: dict[uuid.UUID, str],
    *,
    organization_id: uuid.UUID,
    with_access: bool,
) -> Iterable[HistoryEntry]:
    applications = {str(person.application_id) for person in people if person.application_id}
    about = (
        Q(target_type="applicant", target_id__in=[str(person.id) for person in people])
        | Q(target_type="document", target_id__in=[str(document_id) for document_id in documents])
        | Q(target_type="application", target_id__in=applications)
    )
    events = list(AuditEvent.objects.filter(about, organization_id=organization_id).select_related("actor"))
    if not with_access:
        events = [event for event in events if event.action not in ACCESS_ACTIONS]
    invitations = _invitations(events, organization_id=organization_id)
    for event in events:
        person = ""
        if event.target_type == "applicant":
            person = labels.get(uuid.UUID(event.target_id), "")
        elif event.target_type == "document":
            person = labels.get(documents[uuid.UUID(event.target_id)].applicant_id, "")
        elif event.action == AuditAction.INVITATION_SENT and any(labels.values()):
            person = _invited_label(invitations.get(str((event.details or {}).get("invitation_id"))), labels)
        detail = _detail(event, documents)
        if event.action == AuditAction.FORCED_SCREENING:
            detail = _left_out(event, invitations) or detail
        yield HistoryEntry(
            at=event.created_at,
            who=_actor(event),
            what=str(AuditAction(event.action).label),
            detail=detail,
            person=person,
            access=event.action in ACCESS_ACTIONS,
        )


def _invitations(events: list[AuditEvent], *, organization_id: uuid.UUID) -> dict[str, Invitation]:
    """The invitations the events are about, by id: those sent, and the applications' of a forced screening (who
    had submitted by then, and who not)."""
    sent = [
        str(event.details["invitation_id"])
        for event in events
        if event.action == AuditAction.INVITATION_SENT and (event.details or {}).get("invitation_id")
    ]
    forced = [event.target_id for event in events if event.action == AuditAction.FORCED_SCREENING]
    found = Invitation.objects.filter(
        Q(id__in=_uuids(sent)) | Q(application_id__in=_uuids(forced)), organization_id=organization_id
    )
    return {str(invitation.id): invitation for invitation in found}


def _uuids(values: list[str]) -> list[uuid.UUID]:
    found = []
    for value in values:
        try:
            found.append(uuid.UUID(str(value)))
        except ValueError:
            continue
    return found


def _invited_label(invitation: Invitation | None, labels: dict[uuid.UUID, str]) -> str:
    """The person invited, as the other rows name a person (role and masked name): the one who submitted by their
    row's label, one who did not by the invitation's name (the "Pessoa" column was empty: blind probe r78b)."""
    if invitation is None:
        return ""
    if invitation.applicant_id in labels:
        return labels[invitation.applicant_id]
    return f"{Role(invitation.role).label} {mask_name(invitation.name)}"


def _left_out(event: AuditEvent, invitations: dict[str, Invitation]) -> str:
    """Who a forced screening left out, by role, as the report's justification says it ("fora desta análise:
    coarrendatário"): the people invited who had not submitted then, a person invited again counted once. "" when
    nobody was."""
    details = event.details or {}
    if not details.get("force"):
        return ""
    not_submitted = {str(value) for value in details.get("invitations_not_submitted") or []}
    of_application = [
        i for i in invitations.values() if str(i.application_id) == event.target_id and i.created_at <= event.created_at
    ]
    # Those of the application by then and not listed had submitted: the same person's earlier link is not left out.
    submitted = {_same_person(i) for i in of_application if str(i.id) not in not_submitted}
    left_out: dict[tuple[str, str, str], str] = {}
    for invitation in sorted(of_application, key=lambda i: i.created_at):
        key = _same_person(invitation)
        if str(invitation.id) in not_submitted and key not in submitted:
            left_out.setdefault(key, str(Role(invitation.role).label).lower())
    if not left_out:
        return ""
    return _("fora desta análise: %(roles)s") % {"roles": ", ".join(left_out.values())}


def _same_person(invitation: Invitation) -> tuple[str, str, str]:
    return invitation.role, invitation.email.strip().lower(), " ".join(invitation.name.lower().split())


def _actor(event: AuditEvent) -> str:
    if event.actor_id:
        return staff_member(event.actor)
    return _("o candidato") if event.action in APPLICANT_ACTIONS else _("o sistema")


def _detail(event: AuditEvent, documents: dict[uuid.UUID, Document]) -> str:
    details: dict[str, Any] = event.details or {}
    action = event.action
    if action == AuditAction.DECISION_RECORDED and details.get("decision") in DecisionOutcome.values:
        return str(DecisionOutcome(details["decision"]).label)
    if action == AuditAction.RERUN_REQUESTED:
        return _("extração e análise de novo") if details.get("reextract") else _("análise de novo")
    if action == AuditAction.DOCUMENTS_REQUESTED:
        kinds = [DocumentType(kind).label for kind in details.get("document_types", []) if kind in DocumentType.values]
        return ", ".join(str(kind) for kind in kinds)
    if action == AuditAction.DOCUMENTS_RESUBMITTED and isinstance(details.get("documents"), int):
        return documents_counted(details["documents"])
    if action == AuditAction.INVITATION_SENT and details.get("role") in Role.values:
        return str(Role(details["role"]).label)
    if action == AuditAction.RECTIFIED:
        # Which fields were corrected, by their names (the row holds no value): blind probe r64b.
        names = [name for name in details.get("fields", []) if name in RECTIFIABLE_FIELDS]
        return ", ".join(str(getattr(Applicant._meta.get_field(name), "verbose_name", name)) for name in names)
    if action == AuditAction.PURGED and details.get("reason") == "member_erased":
        # On the application's page: one of its people erased on their own (blind probe r76a, F2), not the file.
        erased = _("uma pessoa da candidatura, a seu pedido")
        return f"{erased} · {_('as restantes analisadas de novo')}" if details.get("rescreened") else erased
    if action == AuditAction.DOCUMENT_DOWNLOADED:
        document = documents.get(uuid.UUID(event.target_id))
        return str(DocumentType(document.document_type).label) if document else ""
    return ""
