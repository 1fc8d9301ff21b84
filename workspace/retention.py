"""GDPR retention and subject access: purge expired applicants, export one person's data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import structlog
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.utils import timezone

from applicants import errors
from applicants.database_files import wal_truncate
from applicants.models import (
    Applicant,
    ApplicantStatus,
    Application,
    ApplicationStatus,
    AuditAction,
    AuditEvent,
    ErasedLink,
    FormStatus,
    IntakeFormRequest,
    Invitation,
    Organization,
    Role,
)
from applicants.services import audit_record, erased_links_record
from applicants.tokens import intake_token_hash, intake_token_new
from documents.models import Document, UploadSlot
from documents.storage import document_store
from documents.storage.cleanup import stored_files_delete_after_commit
from intake.services import application_start, application_waits
from screening.explanation import applicant_explanation
from screening.models import ScreeningReport
from screening.selectors import person_key, report_latest, report_screened

logger = structlog.get_logger(__name__)


@dataclass(frozen=True)
class PurgeResult:
    applicants: int
    files: int
    # Agencies whose purge raised: logged, skipped, tried again on the next run.
    failed_organizations: int = 0
    # What outlives an applicant, pruned after its own period (blind probe r64b, F5): audit rows older than
    # ``AUDIT_RETENTION_DAYS``, and upload-slot rows no link can use any more (``upload_slots_past_retention``).
    audit_events: int = 0
    upload_slots: int = 0
    # Django admin's own log rows (an erasure's "Remover" leaves one: the object's id, "Candidato 43b21f97", the
    # staff user, the time): a trail like the audit rows, kept as long (blind probe r76a, F3).
    admin_log_entries: int = 0
    # False when what was to be erased was already gone (a second request for the same erasure, which waited for
    # the first one's lock): the API answers 404, as any later request.
    found: bool = True


def applicants_past_retention(*, organization: Organization, now: dt.datetime) -> Any:
    """Decided applicants past ``retention_days_after_decision`` after their last
    decision; undecided ones past ``retention_days_undecided`` after their form expired."""
    decided_before = now - dt.timedelta(days=organization.retention_days_after_decision)
    expired_before = now - dt.timedelta(days=organization.retention_days_undecided)
    return (
        Applicant.objects.filter(organization=organization)
        .annotate(last_decision=Max("decisions__decided_at"))
        .filter(
            Q(last_decision__lt=decided_before)
            | Q(last_decision__isnull=True, form_request__expires_at__lt=expired_before)
        )
    )


def purge_expired(*, now: dt.datetime | None = None, dry_run: bool = False) -> PurgeResult:
    """Delete expired applicants with their documents, stored files, reports and decisions.

    Each agency is purged on its own: one that fails is logged (ids and the
    error's class only) and skipped, and the others are still purged. The
    stored files go with their document rows: deleting a ``Document`` schedules
    its file for deletion after commit, retried until it succeeds
    (``documents.storage.cleanup``), so a failed transaction never leaves rows
    pointing at missing files. Each purge is audited with counts only.
    """
    now = now or timezone.now()
    total_applicants = total_files = failed = 0
    for organization in Organization.objects.all():
        try:
            purged = _purge_organization(organization, now=now, dry_run=dry_run)
        except Exception as exc:
            failed += 1
            logger.error("retention.purge_failed", organization_id=str(organization.id), error=exc.__class__.__name__)
            continue
        total_applicants += purged.applicants
        total_files += purged.files
    leftovers = {
        "audit_events": audit_events_past_retention(now=now),
        "upload_slots": upload_slots_past_retention(now=now),
        "admin_log_entries": admin_log_past_retention(now=now),
    }
    counts = {name: rows.count() for name, rows in leftovers.items()}
    if not dry_run:
        # Whole-table deletes of rows with ids only (no files, nothing cascades): no per-agency isolation needed.
        counts = {name: rows.delete()[0] for name, rows in leftovers.items()}
        if any(counts.values()):
            logger.info("retention.leftovers_pruned", **counts)
        # Also bounds what a rectification or an erasure left in the SQLite WAL, if its own truncation was busy.
        wal_truncate()
    return PurgeResult(applicants=total_applicants, files=total_files, failed_organizations=failed, **counts)


def audit_events_past_retention(*, now: dt.datetime) -> Any:
    """Audit rows older than ``AUDIT_RETENTION_DAYS``: kept that long to show who did what (art. 5(2)); they
    hold ids, field names and staff actors only, and outlive the applicants they name by design."""
    return AuditEvent.objects.filter(created_at__lt=now - dt.timedelta(days=settings.AUDIT_RETENTION_DAYS))


def admin_log_past_retention(*, now: dt.datetime) -> Any:
    """Django admin's log rows older than ``AUDIT_RETENTION_DAYS``: who added, changed or removed which object (its id
    and ``str``, "Candidato 43b21f97", never a name), as the audit rows say it; an erasure leaves them as it leaves
    those, and they go after the same period."""
    return LogEntry.objects.filter(action_time__lt=now - dt.timedelta(days=settings.AUDIT_RETENTION_DAYS))


def upload_slots_past_retention(*, now: dt.datetime) -> Any:
    """Upload-slot rows (a key of ids, two times) that no link can use again, once their file's retention is over.

    A slot's file is deleted ``INTAKE_UPLOAD_RETENTION_DAYS`` after the slot expired, or moved when a submission
    took it; its row only counts the form's quota. That count matters while the form takes uploads (a second round
    too), so a row goes only when its form never will again: expired unsubmitted, or submitted and its applicants
    all purged or erased (their link answers ``data_erased``).
    """
    file_gone_before = now - dt.timedelta(days=settings.INTAKE_UPLOAD_RETENTION_DAYS)
    closed_forms = IntakeFormRequest.objects.filter(
        Q(status=FormStatus.EXPIRED)
        | Q(status=FormStatus.PENDING, expires_at__lt=now)
        | Q(status=FormStatus.COMPLETED, applicants__isnull=True)
    )
    return UploadSlot.objects.filter(form_request__in=closed_forms.values("id"), expires_at__lt=file_gone_before)


def _purge_organization(organization: Organization, *, now: dt.datetime, dry_run: bool) -> PurgeResult:
    expired = list(applicants_past_retention(organization=organization, now=now).prefetch_related("documents"))
    keys = [document.storage_key for applicant in expired for document in applicant.documents.all()]
    if not expired or dry_run:
        uploads = _uploads_stored(upload_slots_of(people=expired).values_list("key", flat=True))
        return PurgeResult(applicants=len(expired), files=len(keys) + uploads)
    with transaction.atomic():
        erased_links_record(applicant_ids=[applicant.id for applicant in expired])
        uploads = uploads_erase(upload_slots_of(people=expired))
        Applicant.objects.filter(id__in=[applicant.id for applicant in expired]).delete()
        # An application whose every member is gone goes too, and its invitations with it: they hold the invited
        # people's names and e-mails, which outlived the purge (probe C28's fixer saw them left behind). An
        # application always has its lead from its first write, so one without members is only ever left by this.
        emptied = Application.objects.filter(organization=organization, members__isnull=True)
        # Their forms' other slots: an invited person's who never submitted (blind probe r77a, F2).
        uploads += uploads_erase(
            upload_slots_of(form_request_ids=list(emptied.values_list("form_request_id", flat=True)))
        )
        erased_links_record(applicant_ids=[], application_ids=list(emptied.values_list("id", flat=True)))
        emptied.delete()
        audit_record(
            action=AuditAction.PURGED,
            target_type="applicant_batch",
            target_id="-",
            organization=organization,
            details={
                # Why the rows went, as an erasure's row says ``erasure_request`` (blind probe r76a, U6).
                "reason": "retention_period",
                "applicants": len(expired),
                "files": len(keys) + uploads,
                "applicant_ids": [str(a.id) for a in expired],
            },
        )
    files = len(keys) + uploads
    logger.info("retention.purged", organization_id=str(organization.id), applicants=len(expired), files=files)
    return PurgeResult(applicants=len(expired), files=files)


def upload_slots_of(*, people: Sequence[Applicant] = (), form_request_ids: Sequence[Any] = ()) -> QuerySet[UploadSlot]:
    """The upload slots handed out on these people's links, and every slot of these forms (an application erased or
    purged whole: an invited person's who never submitted too). Each link uploads under its own prefix
    (``IntakeLink.upload_prefix``): the lead's links (the form's, a request to the lead) under the form's id, an
    invited person's under each invitation that named them."""
    links = Q(form_request_id__in=list(form_request_ids))
    for person in people:
        if person.role == Role.TENANT:
            links |= Q(form_request_id=person.form_request_id, key__startswith=f"uploads/{person.form_request_id}/")
        for invitation in _invitations_naming(person):
            links |= Q(form_request_id=person.form_request_id, key__startswith=f"uploads/{invitation.id}/")
    return UploadSlot.objects.filter(links)


def uploads_erase(slots: QuerySet[UploadSlot]) -> int:
    """Delete these slots, and once the transaction commits every file put into one: an upload not yet submitted
    outlived its person's erasure until the upload cleanup a day later (blind probe r77a, F2). Their links answer
    ``data_erased``, so do the slots (``documents.views.slot_of_an_erased_person``). Returns the files there were."""
    keys = list(slots.values_list("key", flat=True))
    stored = _uploads_stored(keys)
    UploadSlot.objects.filter(key__in=keys).delete()
    stored_files_delete_after_commit(keys=keys)
    return stored


def _uploads_stored(keys: Any) -> int:
    """How many of these upload keys hold a file (a slot taken, its file not yet moved by a submission)."""
    store = document_store()
    return sum(1 for key in keys if store.stat(key) is not None)


def applicant_erase(*, applicant: Applicant, actor: Any = None) -> PurgeResult:
    """Erase one person on request (GDPR art. 17; consent withdrawn, arts. 7(3) and 17(1)(b)): their rows,
    documents, stored files, reports, decisions, requests and contests.

    Alone in their application, the application goes with them. One of several, they go alone
    (``_member_erase``): every report that screened them goes too, and the others are screened again without
    them. The lead tenant hands the lead to the earliest co-tenant; with only guarantors left the erasure is
    refused (``application_has_others``: a guarantor without a tenant guarantees nobody). ADR 011, "a member
    erased on their own". Under the form's row lock, as every household write, so nobody joins meanwhile.
    """
    application = applicant.application
    if application is None:
        return _erase([applicant], application=None, actor=actor)
    with transaction.atomic():
        _household_lock(application)
        current = Applicant.objects.filter(pk=applicant.pk).first()
        if current is None:  # erased by a request that held the lock first: nothing left to erase
            return PurgeResult(applicants=0, files=0)
        plan = member_erasure_plan(applicant=current)
        if plan is None:
            return _erase([current], application=application, actor=actor)
        return _member_erase(plan, actor=actor)


def _household_lock(application: Application) -> None:
    """The lock every household write takes (submissions, invitations, staff's screening: the form's row,
    ``workspace.services._application_lock``), so a member's erasure is serialised with them."""
    IntakeFormRequest.objects.select_for_update().get(pk=application.form_request_id)


@dataclass(frozen=True)
class MemberErasure:
    """What erasing one member of a household removes and leaves, worked out before anything is deleted (the
    admin's confirmation page lists it)."""

    applicant: Applicant
    application: Application
    # Every report that screened them (``reports_about``): the household's, which hold their figures, their name
    # in the evidence and the justification, and their history.
    reports: list[ScreeningReport]
    others: list[Applicant]
    # The earliest co-tenant when the lead tenant goes: they become the lead (role TENANT).
    new_lead: Applicant | None


def member_erasure_plan(*, applicant: Applicant) -> MemberErasure | None:
    """What ``applicant_erase`` does to a member of a household; ``None`` for a person alone in theirs (the
    application goes with them). Raises ``application_has_others`` for a lead tenant who would leave only
    guarantors."""
    application = applicant.application
    if application is None:
        return None
    others = list(Applicant.objects.filter(application=application).exclude(id=applicant.id).order_by("created_at"))
    if not others:
        return None
    new_lead = None
    if applicant.role == Role.TENANT:
        new_lead = next((person for person in others if person.role == Role.CO_TENANT), None)
        if new_lead is None:
            raise errors.ApplicationHasOthers()
    return MemberErasure(
        applicant=applicant,
        application=application,
        reports=reports_about(applicant),
        others=others,
        new_lead=new_lead,
    )


def _member_erase(plan: MemberErasure, *, actor: Any) -> PurgeResult:
    """Erase one member of a household, in the caller's transaction under the household's lock.

    Not while the household is being screened (``applicant_processing``): the run reads their documents and writes
    the report this deletes. Deleted: the reports that screened them (decisions that rested on one keep their
    outcome, ``report_id`` null: the FK is ``SET_NULL``), the invitations that named them (the lead's page listed
    their name; a re-sent one counted as someone not submitted), then their row, which cascades. Their links answer
    410 ``data_erased``. The others are screened again (``_household_after_erasure``). Audited: ``PURGED`` on the
    person (ids and counts) and on the application (``member_erased``, ids only).
    """
    member, application = plan.applicant, Application.objects.get(pk=plan.application.pk)
    if application.status == ApplicationStatus.PROCESSING or any(
        person.status == ApplicantStatus.PROCESSING for person in plan.others
    ):
        raise errors.ApplicantProcessing.household()
    if member.status == ApplicantStatus.PROCESSING:  # their own documents read, the household not screened
        raise errors.ApplicantProcessing()
    invitations = _invitations_naming(member)
    erased_links_record(applicant_ids=[member.id], invitation_ids=[invitation.id for invitation in invitations])
    files = Document.objects.filter(applicant=member).count() + uploads_erase(upload_slots_of(people=[member]))
    if plan.new_lead is not None:
        _lead_hand_over(member=member, new_lead=plan.new_lead)
    ScreeningReport.objects.filter(id__in=[report.id for report in plan.reports]).delete()
    Invitation.objects.filter(id__in=[invitation.id for invitation in invitations]).delete()
    Applicant.objects.filter(id=member.id).delete()
    rescreened = _household_after_erasure(application, reports_gone=bool(plan.reports))
    audit_record(
        action=AuditAction.PURGED,
        target_type="applicant",
        target_id=member.id,
        organization=application.organization,
        actor=actor,
        details={
            "reason": "erasure_request",
            "applicant_ids": [str(member.id)],
            "application_id": str(application.id),
            "files": files,
            "reports": len(plan.reports),
        },
    )
    audit_record(
        action=AuditAction.PURGED,
        target_type="application",
        target_id=application.id,
        organization=application.organization,
        actor=actor,
        details={
            "reason": "member_erased",
            "applicant_id": str(member.id),
            "reports": len(plan.reports),
            "rescreened": rescreened,
        }
        | ({"new_lead_id": str(plan.new_lead.id)} if plan.new_lead is not None else {}),
    )
    logger.info("retention.member_erased", application_id=str(application.id), files=files, reports=len(plan.reports))
    transaction.on_commit(wal_truncate)  # as a whole erasure: the member's old pages out of the SQLite WAL
    return PurgeResult(applicants=1, files=files)


def _invitations_naming(person: Applicant) -> list[Invitation]:
    """The invitations that named this person (the inviter's words: their name and e-mail): the one they answered,
    and the earlier links re-sent to them (same role, e-mail and name, ``person_key``). The lead has none."""
    answered = Invitation.objects.filter(applicant=person).first()
    if answered is None:
        return []
    key = person_key(answered)
    return [i for i in Invitation.objects.filter(application_id=answered.application_id) if person_key(i) == key]


def _lead_hand_over(*, member: Applicant, new_lead: Applicant) -> None:
    """The earliest co-tenant becomes the lead tenant (the pipeline, the reports and the household's decision go
    under them). The form's link was the erased lead's: it opens the form's lead, so it would have opened the new
    lead's data. It answers 410 ``data_erased`` from now on (an ``ErasedLink``, and the form a token nobody
    holds); the new lead keeps their own link."""
    form = IntakeFormRequest.objects.get(pk=member.form_request_id)
    ErasedLink.objects.get_or_create(token_hash=form.token_hash, defaults={"form_request": form})
    IntakeFormRequest.objects.filter(pk=form.pk).update(token_hash=intake_token_hash(intake_token_new()))
    Applicant.objects.filter(id=new_lead.id).update(role=Role.TENANT)


def _household_after_erasure(application: Application, *, reports_gone: bool) -> bool:
    """The others after a member's erasure; returns whether they are screened again now.

    Staff are never left with a report that no longer exists: with someone still to submit (an invitation out,
    documents asked for, ``application_waits``) the application waits for them, its members without a report;
    else the others are screened again together (``application_start``, as staff's forced screening does). A
    screened application none of whose reports held the person is left as it was.
    """
    if application_waits(application=application):
        Application.objects.filter(pk=application.pk).update(
            status=ApplicationStatus.WAITING, updated_at=timezone.now()
        )
        if reports_gone:
            application.members.update(status=ApplicantStatus.WAITING, risk_level="", processing_started_at=None)
        return False
    if not reports_gone and application.status == ApplicationStatus.COMPLETED:
        return False
    application.members.update(risk_level="")
    application_start(application=application)
    return True


def application_erase(*, application: Application, actor: Any = None) -> PurgeResult:
    """Erase an application on request: every member, as ``applicant_erase`` erases one. Under the household's
    lock, as one member's erasure: a person submitting meanwhile is either erased with the others or refused
    (their invitation gone), and a second request for the same erasure finds nothing left (``None``: 404)."""
    with transaction.atomic():
        _household_lock(application)
        current = Application.objects.filter(pk=application.pk).first()
        if current is None:  # erased by a request that held the lock first
            return PurgeResult(applicants=0, files=0, found=False)
        return _erase(list(current.members.all()), application=current, actor=actor)


def _erase(members: list[Applicant], *, application: Application | None, actor: Any) -> PurgeResult:
    """Delete the members (documents, reports, decisions and requests cascade; stored files go after commit, as
    in the retention purge) and their application; audited with ids and counts only. Not while a worker reads
    their documents (``applicant_processing``): its writes would race the deletion."""
    if any(member.status == ApplicantStatus.PROCESSING for member in members):
        raise errors.ApplicantProcessing.household() if len(members) > 1 else errors.ApplicantProcessing()
    organization = members[0].organization if members else getattr(application, "organization", None)
    target = (
        ("applicant", members[0].id) if len(members) == 1 or application is None else ("application", application.id)
    )
    with transaction.atomic():
        erased_links_record(
            applicant_ids=[member.id for member in members],
            application_ids=[application.id] if application is not None else [],
        )
        files = Document.objects.filter(applicant__in=members).count()
        # Their uploads not yet submitted; with the application, every slot of its form (an invited person's too).
        slots = upload_slots_of(people=members, form_request_ids=[application.form_request_id] if application else [])
        files += uploads_erase(slots)
        Applicant.objects.filter(id__in=[member.id for member in members]).delete()
        if application is not None:
            Application.objects.filter(id=application.id).delete()
        audit_record(
            action=AuditAction.PURGED,
            target_type=target[0],
            target_id=target[1],
            organization=organization,
            actor=actor,
            details={"reason": "erasure_request", "applicant_ids": [str(m.id) for m in members], "files": files},
        )
    logger.info("retention.erased", applicants=len(members), files=files)
    transaction.on_commit(wal_truncate)  # the erased rows' old pages out of the SQLite WAL (r76a, F1)
    return PurgeResult(applicants=len(members), files=files)


def applicant_export(
    *, applicant: Applicant, actor: Any = None, audit_details: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Everything held about one person (GDPR art. 15), and an audit entry that it was exported (``audit_details``:
    ids only, e.g. the shell's ``{"via": "shell"}``)."""
    export = {
        "exported_at": timezone.now().isoformat(),
        "agency": applicant.organization.name,
        "applicant": _export_person(applicant),
        "property": {
            "title": applicant.form_request.property_title,
            "listing_type": applicant.form_request.listing_type,
        },
        "documents": [
            {**_export_document(document), **_export_document_file(document)}
            for document in applicant.documents.select_related("extracted").order_by("created_at")
        ],
        "reports": [_export_report(report, person=applicant) for report in reports_about(applicant)],
        "decisions": [
            {
                "decision": d.decision,
                "reason": d.reason,
                "decided_at": d.decided_at.isoformat(),
                "decided_by": d.decided_by.get_username() if d.decided_by else None,
                "report_id": str(d.report_id) if d.report_id else None,
            }
            for d in applicant.decisions.select_related("decided_by").order_by("decided_at")
        ],
        "requests_for_documents": _export_info_requests(applicant),
        "contests": _export_contests(applicant),
        "explanation": _export_explanation(applicant),
    }
    audit_record(
        action=AuditAction.EXPORTED,
        target_type="applicant",
        target_id=applicant.id,
        organization=applicant.organization,
        actor=actor,
        details=audit_details,
    )
    return export


def _export_person(applicant: Applicant) -> dict[str, Any]:
    return {
        "id": str(applicant.id),
        "nif": applicant.nif,
        "name": applicant.name,
        "date_of_birth": applicant.date_of_birth.isoformat(),
        "email": applicant.email,
        "phone": applicant.phone,
        "status": applicant.status,
        "submitted_at": applicant.created_at.isoformat(),
        "consent": {
            "text_version": applicant.consent_text_version,
            "given_at": applicant.consent_given_at.isoformat(),
            "ip": applicant.consent_ip,
            # The notice's exact wording they accepted; null before 2026-12-v2 (blind probe r64b, F11).
            "notice_text": applicant.consent_notice.text if applicant.consent_notice else None,
        },
    }


def _export_document(document: Document) -> dict[str, Any]:
    extracted = getattr(document, "extracted", None)
    return {
        "id": str(document.id),
        "document_type": document.document_type,
        "original_filename": document.original_filename,
        "content_type": document.content_type,
        "size": document.size,
        "status": document.status,
        "error": document.error,
        "uploaded_at": document.created_at.isoformat(),
        "extracted": None
        if extracted is None
        else {
            "kind": extracted.kind,
            "fields": extracted.fields,
            "confidence": extracted.confidence,
            "warnings": extracted.warnings,
            "parts": extracted.parts,
        },
    }


# The export's links to the stored files: the longest the local store's download endpoint accepts (5 minutes), for
# the staff member making the export to fetch the files and hand them over with it; the admin's own link lives 60 s.
EXPORT_DOWNLOAD_TTL_SECONDS = 300


def _export_document_file(document: Document) -> dict[str, Any]:
    """A short-lived link to the document's file itself (blind probe r64b, F3: the export had only its metadata
    and what was read from it). Issuing it is covered by the export's ``EXPORTED`` audit row."""
    return {
        "download_url": document_store().download_url(document.storage_key, expires_in=EXPORT_DOWNLOAD_TTL_SECONDS),
        "download_expires_at": (timezone.now() + dt.timedelta(seconds=EXPORT_DOWNLOAD_TTL_SECONDS)).isoformat(),
    }


def _export_info_requests(applicant: Applicant) -> list[dict[str, Any]]:
    """The requests for documents made to this person (a ``MORE_INFO`` decision), oldest first: what they were
    asked and by when (blind probe r64b, F3). Each request is one person's; no one else's is read."""
    return [
        {
            "created_at": request.created_at.isoformat(),
            "message": request.message,
            "requested_documents": request.requested_documents,
            "due_at": request.due_at.isoformat(),
            "status": request.effective_status,
            "answered_at": request.answered_at.isoformat() if request.answered_at else None,
            "closed_at": request.closed_at.isoformat() if request.closed_at else None,
        }
        for request in applicant.info_requests.order_by("created_at")
    ]


def _export_contests(applicant: Applicant) -> list[dict[str, Any]]:
    """This person's contests of the outcome and the agency's answers, oldest first (blind probe r64b, F3). The
    answering staff member is left out: the answer is the agency's, as the person read it."""
    return [
        {
            "created_at": contest.created_at.isoformat(),
            "message": contest.message,
            "status": contest.status,
            "answer": contest.answer or None,
            "answered_at": contest.answered_at.isoformat() if contest.answered_at else None,
        }
        for contest in applicant.contests.order_by("created_at")
    ]


def _export_explanation(applicant: Applicant) -> dict[str, Any] | None:
    """The explanation the person is shown on their own status (``intake.status``), in pt-PT, or None before one
    exists (blind probe r64b, F3).

    One of several tenants is shown the household's ratio and what would change it, which give the combined
    income back, and with it the other tenants' (``_export_household_report``'s rule): their export keeps their own
    identity and income entries only, and leaves the ratio (``null``) and the changes (``[]``) out.
    """
    report = report_latest(applicant=applicant)
    if report is None or applicant.status != ApplicantStatus.COMPLETED:
        return None
    explanation = applicant_explanation(applicant=applicant, report=report)
    if _one_of_several_tenants(report, person=applicant):
        explanation["checks"] = [c for c in explanation["checks"] if c.get("name") in ("identity", "income")]
        explanation["dti_ratio"] = None
        explanation["what_would_change"] = []
    return explanation


def _one_of_several_tenants(report: ScreeningReport, *, person: Applicant) -> bool:
    tenants = _household_tenants(report)
    return len(tenants) > 1 and any(m.get("applicant_id") == str(person.id) for m in tenants)


def _household_tenants(report: ScreeningReport) -> list[dict[str, Any]]:
    """The members of a household's report who rent (the lead and co-tenants), as the report lists them: their
    incomes make the household's, so with more than one the household's figures give each other's back."""
    members = (report.household or {}).get("members") or []
    return [m for m in members if m.get("role") in (Role.TENANT, Role.CO_TENANT)]


def reports_about(applicant: Applicant) -> list[ScreeningReport]:
    """Every report that screened this person, oldest first: their own, and their household's, which is filed
    under the lead tenant (probe C27: a guarantor's export had ``reports: []``).

    Selected by whom each report screened, not by the application it is filed under: a lead screened alone
    before a guarantor joined has a one-person report under the application too, and the guarantor's export held
    it whole, the lead's name, pay and justification (blind probe r75b, F1).
    """
    about = Q(applicant_id=applicant.id)
    if applicant.application_id is not None:
        about |= Q(application_id=applicant.application_id)
    reports = ScreeningReport.objects.filter(about, organization_id=applicant.organization_id).order_by("created_at")
    return [report for report in reports if report_screened(report, applicant=applicant)]


def _export_report(report: ScreeningReport, *, person: Applicant) -> dict[str, Any]:
    if not report.household:
        # A one-person report is all about its applicant.
        return _export_report_whole(report)
    return _export_household_report(report, person=person)


def _export_report_identity(report: ScreeningReport) -> dict[str, Any]:
    """Which report it is: its id (what a decision's ``report_id`` names: blind probe r65a found it nowhere in the
    export), when it was written, and whether an answer to a request for documents brought it."""
    return {
        "id": str(report.id),
        "created_at": report.created_at.isoformat(),
        "resubmission": report.resubmission,
    }


def _export_report_whole(report: ScreeningReport) -> dict[str, Any]:
    return {
        **_export_report_identity(report),
        "risk_level": report.risk_level,
        "identity_verified": report.identity_verified,
        "income_verified": report.income_verified,
        "dti_ratio": float(report.dti_ratio) if report.dti_ratio is not None else None,
        "average_monthly_income": float(report.average_monthly_income)
        if report.average_monthly_income is not None
        else None,
        "justification": report.justification,
        "checks": report.checks,
        "authenticity": _export_authenticity(report, person_id=None),
        "produced_by": _produced_by(report),
    }


def _export_household_report(report: ScreeningReport, *, person: Applicant) -> dict[str, Any]:
    """What a household's report says about one of its members, and nothing about the others (probe C27: the
    lead's export held the guarantor's checks, NIF included, which the agency would have handed to the lead).

    Kept: the application's risk level (the outcome the agency's decision about this person rests on; one word
    that quotes nobody), this person's own figures and checks, and, for the guarantor the verdict is about,
    that verdict and its check (their ratio, the income needed against the public monthly cost, their
    shortfall). The household's combined income, its ratio and the ``affordability.dti`` check are kept only
    for the one tenant whose income they are alone: with two tenants, the combined figure less one's own
    income is the other's (and the ratio gives the combined figure back through the public monthly cost).
    The justification is left out: it is one text about everyone (whose identity was not confirmed, the
    combined income, the guarantor's shortfall).
    """
    person_id = str(person.id)
    household = report.household or {}
    members = household.get("members") or []
    own = next((m for m in members if m.get("applicant_id") == person_id), None)
    sole_tenant = own is not None and _household_tenants(report) == [own]
    guarantor = household.get("guarantor") or None
    their_verdict = guarantor is not None and guarantor.get("applicant_id") == person_id

    def about_person(check: dict[str, Any]) -> bool:
        if check.get("applicant_id") is not None:
            return bool(check["applicant_id"] == person_id)
        if check.get("name") == "household.guarantor_covers":
            return their_verdict
        return sole_tenant and check.get("name") == "affordability.dti"

    income = own.get("average_monthly_income") if own else None
    return {
        **_export_report_identity(report),
        "risk_level": report.risk_level,
        "role": own.get("role") if own else person.role,
        "identity_verified": own.get("identity_verified") if own else None,
        "income_verified": own.get("income_verified") if own else None,
        "average_monthly_income": float(income) if income is not None else None,
        "dti_ratio": float(report.dti_ratio) if sole_tenant and report.dti_ratio is not None else None,
        "monthly_cost": float(household["monthly_cost"]) if household.get("monthly_cost") is not None else None,
        "guarantor": _guarantor_in_numbers(guarantor) if guarantor is not None and their_verdict else None,
        "justification": None,
        "checks": [check for check in report.checks if about_person(check)],
        "authenticity": _export_authenticity(report, person_id=person_id),
        "produced_by": _produced_by(report),
    }


# The guarantor verdict's figures, stored as decimal strings ("0.4085"): JSON numbers in the export, as the API
# gives them (docs/api.md: money and ratios are never strings; blind probe r64b, F10).
GUARANTOR_FIGURES = ("dti_ratio", "threshold", "income_needed", "shortfall")


def _guarantor_in_numbers(guarantor: dict[str, Any]) -> dict[str, Any]:
    return {key: _number(value) if key in GUARANTOR_FIGURES else value for key, value in guarantor.items()}


def _number(value: Any) -> float | None:
    return None if value is None or value == "" else float(Decimal(str(value)))


def _export_authenticity(report: ScreeningReport, *, person_id: str | None) -> list[dict[str, Any]]:
    """The report's signals about the person's own documents (all of a one-person report's, ``person_id`` None).

    What the screening found in a person's files is data about them (art. 15), and was missing from the export
    (probe C27). Kept out: the ids of the other applicants a reused document was also sent by, which are theirs;
    the signal says how many there were.
    """
    entries = []
    for entry in report.authenticity or []:
        if person_id is not None and entry.get("applicant_id") != person_id:
            continue
        signals = []
        for signal in entry.get("signals") or []:
            evidence = dict(signal.get("evidence") or {})
            others = evidence.pop("other_applicant_ids", None)
            if others is not None:
                evidence["other_applicants"] = len(others)
            signals.append({**signal, "evidence": evidence})
        entries.append({**entry, "signals": signals})
    return entries


def _produced_by(report: ScreeningReport) -> dict[str, Any]:
    return {"backend": report.backend, "model": report.model_name, "rules_version": report.rules_version}
