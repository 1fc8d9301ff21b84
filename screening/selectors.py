"""Screening reads: the current report and the pipeline's state, always inside one agency (or ops-wide)."""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Case, Count, Exists, Min, OuterRef, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone

from applicants.crypto import nif_index_for
from applicants.identifiers import cc_number_holds
from applicants.models import (
    Applicant,
    ApplicantStatus,
    Invitation,
    InvitationStatus,
    Organization,
    stale_claim_cutoff,
)
from applicants.text import fold
from documents.extraction.fingerprint import AMOUNTS_ONLY_KINDS, parts_fingerprints
from documents.extraction.schema import IDENTITY_KINDS
from documents.models import Document, DocumentStatus
from screening.models import OutboxEvent, PipelineRun, ScreeningReport

if TYPE_CHECKING:  # langgraph is imported by the graph: only for the type here
    from screening.graph import ScreeningState


def report_screened(report: ScreeningReport, *, applicant: Applicant) -> bool:
    """Whether the report screened this person: filed under them (their own, or their household's as its lead), or
    a household report that lists them among its members. A one-person report is about its applicant alone, even
    filed under an application others joined later (blind probe r75b, F1). A guarantor verdict about them counts
    as listing them (their income and shortfall are in it)."""
    if report.applicant_id == applicant.id:
        return True
    household = report.household or {}
    members = household.get("members") or []
    verdict = household.get("guarantor") or {}
    return verdict.get("applicant_id") == str(applicant.id) or any(
        member.get("applicant_id") == str(applicant.id) for member in members
    )


def report_latest(*, applicant: Applicant) -> ScreeningReport | None:
    """The current report: the newest one (older ones are history), in the applicant's agency.

    A household member's is their application's (filed under the lead tenant).
    """
    reports = ScreeningReport.objects.filter(organization_id=applicant.organization_id)
    if applicant.application_id is None:
        return reports.current(applicant_id=applicant.id)
    # One query (the status endpoint's hot path): the household's newest report ranks first, else the person's own.
    household = Case(When(application_id=applicant.application_id, then=Value(0)), default=Value(1))
    return (
        reports.filter(Q(application_id=applicant.application_id) | Q(applicant_id=applicant.id))
        .order_by(household, "-created_at")
        .first()
    )


def applicant_status_and_report(
    *, organization: Organization, applicant_id: uuid.UUID | str
) -> tuple[Applicant, ScreeningReport | None]:
    """The status endpoint's read: the applicant (just its status) and ``report_latest``'s answer.

    One query while no report exists (the applicant carries its current report's
    id: the household's newest, else its own, as ``report_latest`` chooses), a second only to load a
    report there is. Another agency's applicant is a 404.

    Clients poll this endpoint, and building the ORM version of that query (two
    correlated subqueries under a COALESCE) took ~1.2 ms a request against
    ~0.1 ms to run it, so the statement is written once (``_status_read_sql``,
    from the models' own table and column names) and only its parameters vary.
    tests/integration/test_api_cost.py holds it to ``report_latest``'s choices.
    """
    try:
        params = [
            Organization._meta.pk.get_db_prep_value(organization.pk, connection),  # type: ignore[union-attr]
            Applicant._meta.pk.get_db_prep_value(applicant_id, connection),  # type: ignore[union-attr]
        ]
        applicant = next(iter(Applicant.objects.raw(_status_read_sql(), params)), None)
    except (ValueError, ValidationError) as exc:
        raise Http404 from exc
    if applicant is None:
        raise Http404
    report_id = applicant.current_report_id  # type: ignore[attr-defined]
    return applicant, (ScreeningReport.objects.get(pk=report_id) if report_id is not None else None)


@functools.cache
def _status_read_sql() -> str:
    """``report_latest``'s choice as SQL: the household's newest report, else the person's own newest."""
    applicants, reports = Applicant._meta, ScreeningReport._meta

    def column(meta: Any, name: str) -> str:
        return str(meta.get_field(name).column)

    # Names from the models' metadata only; every value is a parameter.
    newest = (
        f"SELECT r.{column(reports, 'id')} FROM {reports.db_table} r"  # noqa: S608
        f" WHERE r.{column(reports, 'organization')} = a.{column(applicants, 'organization')} AND {{match}}"
        f" ORDER BY r.{column(reports, 'created_at')} DESC LIMIT 1"
    )
    household = newest.format(match=f"r.{column(reports, 'application')} = a.{column(applicants, 'application')}")
    own = newest.format(match=f"r.{column(reports, 'applicant')} = a.{column(applicants, 'id')}")
    selected = ", ".join(f"a.{column(applicants, name)}" for name in ("id", "status", "organization", "application"))
    return (
        f"SELECT {selected}, COALESCE(({household}), ({own})) AS current_report_id FROM {applicants.db_table} a"  # noqa: S608
        f" WHERE a.{column(applicants, 'organization')} = %s AND a.{column(applicants, 'id')} = %s"
    )


def report_newest_first(*, applicant: Applicant, limit: int = 20) -> list[ScreeningReport]:
    """The current report and the ones it replaced, newest first (a household's, for any member)."""
    reports = ScreeningReport.objects.filter(organization_id=applicant.organization_id)
    if applicant.application_id is not None and reports.filter(application_id=applicant.application_id).exists():
        reports = reports.filter(application_id=applicant.application_id)
    else:
        reports = reports.filter(applicant_id=applicant.id)
    return list(reports.order_by("-created_at")[:limit])


def report_history(*, applicant: Applicant, limit: int = 5) -> list[ScreeningReport]:
    """The reports the current one replaced, newest first."""
    return report_newest_first(applicant=applicant, limit=limit + 1)[1:]


def stalled_applicants(*, cutoff: dt.datetime, organization: Organization | None = None) -> QuerySet[Applicant]:
    """In ``PROCESSING`` with no sign of life since ``cutoff``: the one definition the sweep, ops and admin use.

    Signs of life: a document claim its worker keeps beating on, a document
    read, and the run's own heartbeat (queued, screening, a retry due later).
    Work that is merely slow keeps beating and is never stalled; a killed
    worker's goes silent. ``organization=None`` is the ops (all agencies) view.
    """
    live_documents = Document.objects.filter(applicant_id=OuterRef("pk")).filter(
        Q(status=DocumentStatus.EXTRACTING, claimed_at__gte=cutoff) | Q(extracted_at__gte=cutoff)
    )
    live_run = PipelineRun.objects.filter(applicant_id=OuterRef("pk"), heartbeat_at__gte=cutoff)
    applicants = Applicant.objects.stuck(cutoff=cutoff)
    if organization is not None:
        applicants = applicants.filter(organization=organization)
    return applicants.exclude(Exists(live_documents)).exclude(Exists(live_run))


def pipeline_overview(*, organization: Organization | None = None, limit: int = 50) -> dict[str, Any]:
    """Counts by state, oldest in-flight work, stuck and failed items (ops; ids and reasons only).

    ``organization=None`` is the ops (all agencies) view; admin passes the
    staff user's agency.
    """
    applicants = Applicant.objects.all()
    documents = Document.objects.all()
    outbox = OutboxEvent.objects.all()
    if organization is not None:
        applicants = applicants.filter(organization=organization)
        documents = documents.filter(organization=organization)
        outbox = outbox.filter(organization=organization)
    cutoff = stale_claim_cutoff()
    in_flight = applicants.filter(status=ApplicantStatus.PROCESSING)
    stuck = [
        {"type": "applicant", "id": str(a.id), "since": a.processing_started_at or a.created_at}
        for a in stalled_applicants(cutoff=cutoff, organization=organization).order_by("processing_started_at")[:limit]
    ] + [
        {"type": "document", "id": str(d.id), "since": d.claimed_at, "applicant_id": str(d.applicant_id)}
        for d in documents.stale_claims(cutoff=cutoff).order_by("claimed_at")[:limit]
    ]
    # A document that failed before its applicant's (or household's) newest report is not pipeline work any more:
    # that report was made without it and says so, and re-running reads the same bytes again. Counted apart, not
    # as "failed" forever (blind probe c26: a corrupt PDF kept `failed: 1` on an applicant screened HIGH until
    # they were erased, with nothing to acknowledge it by). A failure after the newest report still counts.
    failed_documents = documents.filter(status=DocumentStatus.FAILED)
    reported = Exists(
        ScreeningReport.objects.filter(
            Q(applicant_id=OuterRef("applicant_id")) | Q(application_id=OuterRef("applicant__application_id")),
            created_at__gte=OuterRef("updated_at"),
        )
    )
    failed = [
        {"type": "applicant", "id": str(a.id), "reason": a.failure_reason, "since": a.updated_at}
        for a in applicants.filter(status=ApplicantStatus.FAILED).order_by("-updated_at")[:limit]
    ] + [
        {
            "type": "document",
            "id": str(d.id),
            "reason": d.error,
            "since": d.updated_at,
            "applicant_id": str(d.applicant_id),
        }
        for d in failed_documents.exclude(reported).order_by("-updated_at")[:limit]
    ]
    return {
        "applicants": {
            row["status"]: row["n"] for row in applicants.values("status").annotate(n=Count("id")).order_by("status")
        },
        "documents": {
            row["status"]: row["n"] for row in documents.values("status").annotate(n=Count("id")).order_by("status")
        },
        "outbox_pending": outbox.pending().count(),
        "outbox_parked": outbox.parked().count(),
        "recovering": applicants.filter(status=ApplicantStatus.PROCESSING, pipeline_run__recoveries__gt=0).count(),
        "oldest_in_flight": in_flight.aggregate(oldest=Min("processing_started_at"))["oldest"],
        "stuck": stuck,
        "failed": failed,
        "failed_documents_reported": failed_documents.filter(reported).count(),
        # The same documents listed, for the admin's page: its count of failed documents included them while its
        # "Falhados" said "Nenhuma falha." (blind probe r73c, F6).
        "failed_reported": [
            {
                "type": "document",
                "id": str(d.id),
                "reason": d.error,
                "since": d.updated_at,
                "applicant_id": str(d.applicant_id),
            }
            for d in failed_documents.filter(reported).order_by("-updated_at")[:limit]
        ],
    }


def screening_state_build(*, applicant: Applicant, today: dt.date | None = None) -> ScreeningState:
    """The graph's input: plain dicts, decrypted in memory only.

    ``applicant`` is the lead; with others in the application, ``members``
    holds everyone (the lead first) with their own data and documents, and the
    graph runs its household nodes.
    """
    organization = applicant.organization
    form = applicant.form_request
    state: ScreeningState = {
        "applicant": person_facts(applicant),
        "property": {
            "listing_type": form.listing_type,
            "price": str(form.property_price),
            "title": form.property_title,
        },
        "thresholds": organization_thresholds(organization),
        "today": (today or timezone.localdate()).isoformat(),
        "documents": documents_facts(applicant),
    }
    left_out = roles_not_submitted(applicant)
    if left_out:
        state["not_submitted"] = left_out
    members = household_members(applicant)
    if len(members) > 1:
        state["members"] = [
            {
                "applicant_id": str(member.id),
                "role": member.role,
                "applicant": person_facts(member),
                "documents": documents_facts(member),
            }
            for member in members
        ]
    return state


def organization_thresholds(organization: Organization) -> dict[str, Any]:
    """The agency's thresholds in the graph state's shape: affordability, identity, the loan, authenticity."""
    return {
        "dti_high": str(organization.dti_high_threshold),
        "dti_medium": str(organization.dti_medium_threshold),
        "dti_guarantor": str(organization.dti_guarantor_threshold),
        "id_expiry_warning_days": organization.id_expiry_warning_days,
        "sale_loan_to_value": str(organization.sale_loan_to_value),
        "sale_annual_interest_rate": str(organization.sale_annual_interest_rate),
        "sale_loan_term_years": organization.sale_loan_term_years,
        "authenticity_raise_severity": organization.authenticity_raise_severity,
        "authenticity_modified_after_days": organization.authenticity_modified_after_days,
    }


def roles_not_submitted(applicant: Applicant) -> list[str]:
    """The roles of the people invited to the application who did not submit: a screening forced without them
    says who is not in it (cases probe 7). A person invited again (re-sent) counts once."""
    if applicant.application_id is None:
        return []
    invitations = Invitation.objects.filter(application_id=applicant.application_id).order_by("created_at")
    submitted = {person_key(i) for i in invitations if i.status == InvitationStatus.SUBMITTED}
    left_out: dict[tuple[str, str, str], str] = {}
    for invitation in invitations:
        key = person_key(invitation)
        if key not in submitted:
            left_out.setdefault(key, invitation.role)
    return list(left_out.values())


def person_key(invitation: Invitation) -> tuple[str, str, str]:
    return invitation.role, invitation.email.strip().lower(), " ".join(fold(invitation.name).split())


def household_members(applicant: Applicant) -> list[Applicant]:
    """The lead first, then the others who have submitted, in the order they did."""
    if applicant.application_id is None:
        return [applicant]
    others = Applicant.objects.filter(application_id=applicant.application_id).exclude(id=applicant.id)
    return [applicant, *others.order_by("created_at")]


def person_facts(applicant: Applicant) -> dict[str, Any]:
    # The declared income profile tells the income rules which documents to expect (screening/rules/profiles.py).
    return {
        "nif": applicant.nif,
        "name": applicant.name,
        "date_of_birth": applicant.date_of_birth.isoformat(),
        "income_profile": applicant.income_profile,
    }


def documents_facts(applicant: Applicant) -> list[dict[str, Any]]:
    rows = list(Document.objects.filter(applicant=applicant).select_related("extracted").order_by("created_at"))
    reuse = reuse_signals(applicant=applicant, documents=rows)
    documents = []
    for document in rows:
        extracted = getattr(document, "extracted", None) if document.status == DocumentStatus.EXTRACTED else None
        documents.append(
            {
                "document_id": str(document.id),
                "document_type": document.document_type,
                # The request for more documents it answered (the second round); None for the submission's own.
                "info_request_id": str(document.info_request_id) if document.info_request_id else None,
                "status": document.status,
                # Why a FAILED document was not read: the extractor's fixed text (never the document's words).
                "failure_reason": document.error if document.status == DocumentStatus.FAILED else "",
                "kind": extracted.kind if extracted else None,
                "fields": extracted.fields if extracted else {},
                "warnings": extracted.warnings if extracted else [],
                "confidence": extracted.confidence if extracted else {},
                "method": extracted.method if extracted else None,
                # What the file says about its making, and where else it was seen (screening.rules.authenticity).
                "authenticity": extracted.authenticity if extracted else [],
                "reuse": reuse.get(str(document.id), []),
                # The file's other payslips or faturas-recibo, each its own document (``rules.common.extracted``
                # gives them as documents of this id; ADR 031).
                "parts": extracted.parts if extracted else [],
            }
        )
    return documents


# What a reuse lookup reads of each matching document: ids, hashes, the holder's NIF index, when.
REUSE_FIELDS = (
    "id",
    "applicant_id",
    "organization_id",
    "sha256",
    "applicant__nif_index",
    "created_at",
)


def reuse_signals(*, applicant: Applicant, documents: list[Document]) -> dict[str, list[dict[str, Any]]]:
    """Document id -> where else the same file (SHA-256) or the same content (fingerprint) was sent.

    Two indexed queries over every agency, outside the person's own application (a couple may share a joint IRS
    declaration). Someone else's application in the same agency is a HIGH signal naming it (staff of
    the agency see both); in another agency a HIGH signal with no detail at all. The same person
    (same NIF) applying again is a LOW note in the agency and nothing across agencies: applying to
    several places with one's own payslips is normal. In the agency, the same person is also the holder of the
    same identity document (``same_holders``): one who applies again with the NIF corrected is not "another person".
    """
    hashes = {d.sha256 for d in documents if d.sha256}
    own_prints = {str(d.id): document_fingerprints(d) for d in documents}
    prints = set().union(*own_prints.values())
    if not hashes and not prints:
        return {}
    matches = reuse_matches(applicant=applicant, hashes=hashes, prints=prints)
    holders = same_holders(applicant=applicant, documents=documents, matches=matches)
    for match in matches:
        match["same_person"] = match["applicant__nif_index"] == applicant.nif_index or match["applicant_id"] in holders
        match["same_holder"] = match["applicant__nif_index"] != applicant.nif_index and match["same_person"]
    found: dict[str, list[dict[str, Any]]] = {}
    for document in documents:
        fingerprints = own_prints[str(document.id)]
        same_file = [m for m in matches if document.sha256 and m["sha256"] == document.sha256]
        same_content = [m for m in matches if fingerprints & m["fingerprints"]]
        # Whoever sent it first is not the one flagged: another person's copy counts only when it
        # predates this person's own first sending of it (here, or in an earlier application).
        mine = [m["created_at"] for m in same_file + same_content if m["same_person"]]
        first_sent = min([document.created_at, *mine])

        def counts(match: dict[str, Any], first_sent: dt.datetime = first_sent) -> bool:
            return bool(match["same_person"]) or match["created_at"] < first_sent

        signals = reuse_signals_for(
            applicant,
            same_file=[m for m in same_file if counts(m)],
            same_content=[m for m in same_content if counts(m)],
            amounts_only=getattr(getattr(document, "extracted", None), "kind", "") in AMOUNTS_ONLY_KINDS,
            spouses=joint_taxpayers(document) - {applicant.nif_index},
        )
        if signals:
            found[str(document.id)] = signals
    return found


def document_fingerprints(document: Document) -> set[str]:
    """The content fingerprints of a read document: its own and its file's other documents' (ADR 031: a bundle's
    other months)."""
    extracted = getattr(document, "extracted", None) if document.status == DocumentStatus.EXTRACTED else None
    if extracted is None:
        return set()
    own = {extracted.content_fingerprint} if extracted.content_fingerprint else set()
    return own | parts_fingerprints(extracted.kind, extracted.parts or [])


def reuse_matches(*, applicant: Applicant, hashes: set[str], prints: set[str]) -> list[dict[str, Any]]:
    """Other people's documents (outside the applicant's household) with one of these file hashes or content
    fingerprints, their own or one of their file's other documents': ``REUSE_FIELDS`` and the ``fingerprints`` each
    matched by. Three indexed lookups rather than one OR across the joins, which a planner answers with a scan."""
    others = Document.objects.exclude(applicant_id__in=Applicant.objects.household_of(applicant.id).values("id"))
    lookups = [
        ("sha256__in", hashes, None),
        ("extracted__content_fingerprint__in", prints, "extracted__content_fingerprint"),
        ("extracted__part_fingerprints__fingerprint__in", prints, "extracted__part_fingerprints__fingerprint"),
    ]
    matches: dict[uuid.UUID, dict[str, Any]] = {}
    for lookup, values, matched_by in lookups:
        if not values:
            continue
        fields = [*REUSE_FIELDS, *([matched_by] if matched_by else [])]
        for row in others.filter(**{lookup: values}).order_by("created_at").values(*fields)[:100]:
            match = matches.setdefault(row["id"], {**{name: row[name] for name in REUSE_FIELDS}, "fingerprints": set()})
            if matched_by:
                match["fingerprints"].add(row[matched_by])
    return list(matches.values())


def joint_taxpayers(document: Document) -> set[str]:
    """The NIF indexes of a joint IRS return's two taxpayers (sujeito passivo A and B): the same return sent by the
    other one is theirs too, not someone else's document. Empty for any other document."""
    extracted = getattr(document, "extracted", None) if document.status == DocumentStatus.EXTRACTED else None
    fields = (extracted.fields or {}) if extracted is not None else {}
    if not fields.get("joint_return"):
        return set()
    return {nif_index_for(str(nif)) for nif in (fields.get("taxpayer_nif"), fields.get("spouse_nif")) if nif}


def same_holders(*, applicant: Applicant, documents: list[Document], matches: list[dict[str, Any]]) -> set[uuid.UUID]:
    """The other applicants of this agency, among those a reuse lookup matched, who sent an identity document with
    the same number as this applicant's own: the same person under another NIF (cases probe 15, K05: a NIF typed
    with a typo, then a new link with the NIF corrected and the same card and payslips).

    A document number is a stronger identifier than a NIF typed, but only one read from a document that vouches for
    it (a Cartão de Cidadão's check character, or an MRZ whose check digits hold), and only when that document does
    not contradict the NIF this applicant typed (it prints that NIF, or none): another person's card sent under
    one's own NIF stays another person's. One query, scoped to the agency; nothing is compared across agencies,
    and the numbers are compared in memory, never logged.
    """
    own = {
        number
        for document in documents
        for number in [identity_number(document, nif=applicant.nif)]
        if number is not None
    }
    candidates = {
        m["applicant_id"]
        for m in matches
        if m["organization_id"] == applicant.organization_id and m["applicant__nif_index"] != applicant.nif_index
    }
    if not own or not candidates:
        return set()
    theirs = Document.objects.filter(
        organization_id=applicant.organization_id,
        applicant_id__in=candidates,
        status=DocumentStatus.EXTRACTED,
        extracted__kind__in=IDENTITY_KINDS,
    ).select_related("extracted")
    return {document.applicant_id for document in theirs if identity_number(document) in own}


def identity_number(document: Document, *, nif: str | None = None) -> tuple[str, str] | None:
    """``(kind, number)`` of an identity document whose number its own check characters vouch for; None otherwise,
    and None when ``nif`` is given and the document prints another NIF."""
    extracted = getattr(document, "extracted", None) if document.status == DocumentStatus.EXTRACTED else None
    if extracted is None or extracted.kind not in IDENTITY_KINDS:
        return None
    fields = extracted.fields or {}
    number = "".join(char for char in str(fields.get("document_number") or "").upper() if char.isalnum())
    vouched = fields.get("mrz_valid") is True or (extracted.kind == "CARTAO_CIDADAO" and cc_number_holds(number))
    printed_nif = fields.get("nif")
    if not number or not vouched or (nif is not None and printed_nif and printed_nif != nif):
        return None
    return extracted.kind, number


# The same amounts, not the same file, of a kind with no number of its own: colleagues on the same pay
# share them, so the agency is told (MEDIUM: stated, raising only where the agency chose MEDIUM) but the
# risk does not rise by default as it does for the same file or a numbered document (cases probe, F5).
SAME_AMOUNTS_TEXT = {
    "DOCUMENT_REUSED": "Um documento com os mesmos valores (emissor, período e montantes) foi enviado noutra "
    "candidatura desta agência, por outra pessoa; colegas com a mesma remuneração ou pensão podem ter documentos "
    "iguais.",
    "DOCUMENT_SEEN_IN_OTHER_AGENCY": "Um documento com os mesmos valores (emissor, período e montantes) foi visto "
    "numa candidatura de outra agência, por outra pessoa; colegas com a mesma remuneração ou pensão podem ter "
    "documentos iguais.",
}
REUSE_TEXT = {
    "DOCUMENT_REUSED": "O mesmo documento foi enviado noutra candidatura desta agência, por outra pessoa.",
    "DOCUMENT_SEEN_IN_OTHER_AGENCY": "O mesmo documento foi visto numa candidatura de outra agência, por outra pessoa.",
    "DOCUMENT_SENT_BEFORE": "A mesma pessoa já enviou este documento noutra candidatura desta agência.",
    "DOCUMENT_SENT_BY_SPOUSE": "O cônjuge, o outro sujeito passivo desta declaração de IRS conjunta, já enviou este "
    "documento noutra candidatura desta agência.",
}
# The same person recognised by their identity document, under another NIF typed (``same_holders``).
SAME_HOLDER_TEXT = (
    "A mesma pessoa (o mesmo documento de identificação) já enviou este documento noutra candidatura desta agência, "
    "com outro NIF indicado (por exemplo, um erro no NIF corrigido)."
)


def reuse_signals_for(
    applicant: Applicant,
    *,
    same_file: list[dict[str, Any]],
    same_content: list[dict[str, Any]],
    amounts_only: bool = False,
    spouses: set[str] | frozenset[str] = frozenset(),
) -> list[dict[str, Any]]:
    """The signals of one document; the same file first, so it sets the severity when both match. ``spouses``: the
    NIF indexes of the other taxpayer of a joint IRS return, whose copy of it is no one else's document (a LOW note
    in the agency, as the same person's is, and nothing across agencies)."""
    by_code: dict[str, dict[str, Any]] = {}
    for match_kind, matches in (("file", same_file), ("content", same_content)):
        same_amounts = match_kind == "content" and amounts_only
        for match in matches:
            same_agency = match["organization_id"] == applicant.organization_id
            same_person = bool(match.get("same_person", match["applicant__nif_index"] == applicant.nif_index))
            spouse = not same_person and match["applicant__nif_index"] in spouses
            if (same_person or spouse) and not same_agency:
                continue
            code = (
                "DOCUMENT_SENT_BEFORE"
                if same_person
                else "DOCUMENT_SENT_BY_SPOUSE"
                if spouse
                else "DOCUMENT_REUSED"
                if same_agency
                else "DOCUMENT_SEEN_IN_OTHER_AGENCY"
            )
            entry = by_code.setdefault(
                code,
                {
                    "code": code,
                    "severity": "LOW" if same_person or spouse else "MEDIUM" if same_amounts else "HIGH",
                    "evidence": {"match": match_kind},
                    "explanation": SAME_AMOUNTS_TEXT[code]
                    if same_amounts and not same_person and not spouse
                    else SAME_HOLDER_TEXT
                    if match.get("same_holder")
                    else REUSE_TEXT[code],
                    "source": "reuse",
                },
            )
            if same_agency:
                others = entry["evidence"].setdefault("other_applicant_ids", [])
                if str(match["applicant_id"]) not in others and len(others) < 5:
                    others.append(str(match["applicant_id"]))
    return list(by_code.values())
