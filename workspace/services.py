"""Staff and ops orchestration: re-run an applicant's pipeline, recover stalled work, re-queue stuck work,
invite people to an application and screen it with whoever has submitted."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import structlog
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from applicants import errors
from applicants.crypto import nif_index_for
from applicants.database_files import wal_truncate
from applicants.models import (
    Applicant,
    ApplicantStatus,
    Application,
    ApplicationStatus,
    AuditAction,
    IntakeFormRequest,
    Invitation,
    InvitationStatus,
    Role,
    stale_claim_cutoff,
)
from applicants.services import audit_record, name_index_refresh
from documents.models import Document
from documents.services import documents_reset_for_reextraction
from intake.services import (
    CreatedInvitation,
    application_start,
    application_start_if_complete,
    application_waits,
    invitation_create,
)
from screening import pipeline
from screening.models import ScreeningReport
from screening.selectors import stalled_applicants
from screening.services import pipeline_run_recover, report_current_id

logger = structlog.get_logger(__name__)


def household_lead(applicant: Applicant) -> Applicant:
    """Whom a household's pipeline runs under: its lead tenant (the applicant itself when alone)."""
    if applicant.application_id is None or applicant.role == Role.TENANT:
        return applicant
    lead = (
        Applicant.objects.select_related("organization")
        .filter(application_id=applicant.application_id, role=Role.TENANT)
        .first()
    )
    return lead or applicant


def applicant_rerun(
    *, applicant: Applicant, actor: Any, force: bool = False, reextract: bool = False, via: str | None = None
) -> bool:
    """Queue a re-run unless a report exists and ``force`` is off; returns whether queued.

    Audited; the chain is queued after commit and names the report it
    replaces, so a duplicate delivery of a forced run replaces it only once.
    A member of a household re-runs the household, under its lead; an
    application still waiting for the people it invited is left alone (staff
    screen it without them through ``application_screen``). One screened
    before and waiting again for someone invited later keeps its report and
    waits too (``rerun_deferred``): a forced re-run started it without them
    while their invitation read as still out (blind probe r75c, S16/S17).
    """
    member = applicant
    applicant = household_lead(applicant)
    if applicant.status == ApplicantStatus.WAITING:
        member.status = applicant.status
        return False
    current = report_current_id(applicant.id)
    if current is not None and not force:
        return False
    if waits_again(applicant):
        rerun_deferred(lead=applicant, actor=actor, force=force, reextract=reextract, via=via)
        return False
    with transaction.atomic():
        if reextract:
            documents_reset_for_reextraction(applicant_id=applicant.id)
        Applicant.objects.filter(id__in=Applicant.objects.household_of(applicant.id).values("id")).update(
            status=ApplicantStatus.PROCESSING, failure_reason="", processing_started_at=timezone.now()
        )
        if applicant.application_id is not None:
            Application.objects.filter(id=applicant.application_id).update(
                status=ApplicationStatus.PROCESSING, updated_at=timezone.now()
            )
        audit_record(
            action=AuditAction.RERUN_REQUESTED,
            target_type="applicant",
            target_id=applicant.id,
            organization=applicant.organization,
            actor=actor,
            details={"force": force, "reextract": reextract} | ({"via": via} if via else {}),
        )
        pipeline.pipeline_start_on_commit(applicant_id=applicant.id, force=force, supersedes=current)
    applicant.status = member.status = ApplicantStatus.PROCESSING
    return True


def waits_again(lead: Applicant) -> bool:
    """The lead's application waits for someone (an invitation out, documents owed) though its members are screened:
    staff invited a person after its report (docs/api.md, Households)."""
    if lead.application_id is None:
        return False
    application = Application.objects.get(pk=lead.application_id)
    return application.status == ApplicationStatus.WAITING and application_waits(application=application)


def rerun_deferred(*, lead: Applicant, actor: Any, force: bool, reextract: bool, via: str | None) -> None:
    """A re-run of a household waiting again is not started now: the report stays current, the people invited keep
    their links, and the run their last submission starts (or staff's forced screening of the application,
    ``application_screen``) reads everything then, the documents put back to be read again with ``reextract``
    (``application_start``). Audited as asked, ``deferred``."""
    with transaction.atomic():
        if reextract:
            documents_reset_for_reextraction(applicant_id=lead.id)
        audit_record(
            action=AuditAction.RERUN_REQUESTED,
            target_type="applicant",
            target_id=lead.id,
            organization=lead.organization,
            actor=actor,
            details={"force": force, "reextract": reextract, "deferred": True} | ({"via": via} if via else {}),
        )


# What the screening reads of the person: a change to one of these makes a screened applicant's report stale (the
# identity check compares them with the documents). E-mail and phone are how the agency reaches them, nothing more.
SCREENED_PERSON_FIELDS = ("name", "nif", "date_of_birth")
RECTIFIABLE_FIELDS = (*SCREENED_PERSON_FIELDS, "email", "phone")


@dataclass(frozen=True)
class PersonData:
    """A rectification's new values, each as the intake's checks returned it; ``None``: not given, kept."""

    name: str | None = None
    nif: str | None = None
    date_of_birth: dt.date | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Rectification:
    changed: tuple[str, ...]
    rescreened: bool


def applicant_rectify(*, applicant: Applicant, actor: Any, data: PersonData) -> Rectification:
    """Correct a person's name, NIF, birth date, e-mail or phone on their request (GDPR art. 16; blind probe r64b).

    Only the fields whose value differs are written, and audited as ``RECTIFIED`` with their names only. A changed
    name, NIF or birth date makes a screened applicant's report rest on data that is no longer theirs, so their
    household is screened again through ``applicant_rerun`` (forced, the old report kept in the history); not while
    a run is under way (``applicant_processing``: it may already have read the old values). A NIF another person of
    the same form holds is refused as the intake refuses it (``duplicate_submission``). The agency's later e-mails
    (requests for documents, answers) read the address from this row, so they go to the corrected one.
    """
    given = {field: getattr(data, field) for field in RECTIFIABLE_FIELDS if getattr(data, field) is not None}
    changed = tuple(field for field, value in given.items() if value != getattr(applicant, field))
    if not changed:
        return Rectification(changed=(), rescreened=False)
    lead = household_lead(applicant)
    screened_change = any(field in SCREENED_PERSON_FIELDS for field in changed)
    if screened_change and lead.status == ApplicantStatus.PROCESSING:
        raise errors.ApplicantProcessing()
    # Screened: the household has a report. One never screened (waiting, failed) reads the new values when it is.
    rescreen = screened_change and report_current_id(lead.id) is not None
    update: dict[str, Any] = {field: given[field] for field in changed}
    if "nif" in changed:
        update["nif_index"] = nif_index_for(update["nif"])
        if (
            Applicant.objects.filter(form_request_id=applicant.form_request_id, nif_index=update["nif_index"])
            .exclude(id=applicant.id)
            .exists()
        ):
            raise errors.DuplicateSubmission()
    with transaction.atomic():
        for field, value in update.items():
            setattr(applicant, field, value)
        try:
            with transaction.atomic():
                applicant.save(update_fields=[*update, "updated_at"])
        except IntegrityError as exc:
            # Another rectification or submission took the NIF between the check and the write.
            raise errors.DuplicateSubmission() from exc
        if "name" in changed:
            name_index_refresh(applicant=applicant)
        audit_record(
            action=AuditAction.RECTIFIED,
            target_type="applicant",
            target_id=applicant.id,
            organization=applicant.organization,
            actor=actor,
            details={"fields": list(changed)},
        )
        rescreened = rescreen and applicant_rerun(applicant=applicant, actor=actor, force=True)
    transaction.on_commit(wal_truncate)  # the value corrected out of the SQLite WAL too (r76a, F1)
    return Rectification(changed=changed, rescreened=rescreened)


@dataclass(frozen=True)
class RecoveryResult:
    documents_released: int
    applicants_requeued: int
    applicants_failed: int


def pipeline_recover(*, limit: int = 200) -> RecoveryResult:
    """The beat sweep: give back stale document claims and send stalled applicants' runs again.

    No person needed: an applicant silent for ``PIPELINE_STUCK_AFTER_SECONDS``
    (its worker died, its message was lost, the broker was down at
    submission) is re-queued with the same ``force``/``supersedes``, up to
    ``PIPELINE_MAX_RECOVERIES`` times; only then is it ``FAILED`` for a
    person. Safe to run concurrently (``pipeline_run_recover`` locks the run);
    a duplicate of live work is harmless because every step is idempotent.
    """
    cutoff = stale_claim_cutoff()
    released = Document.objects.stale_claims(cutoff=cutoff).release_claims()
    requeued = failed = 0
    for applicant_id in list(stalled_applicants(cutoff=cutoff).values_list("id", flat=True)[:limit]):
        recovery = pipeline_run_recover(applicant_id=applicant_id, cutoff=cutoff)
        if recovery is None:
            continue
        if not recovery.requeue:
            failed += 1
            continue
        try:
            pipeline.pipeline_start(
                applicant_id=applicant_id, force=recovery.force, supersedes=recovery.supersedes, recorded=True
            )
        except Exception as exc:  # broker down: the run stays silent and the next sweep tries again
            logger.warning("pipeline.recovery_not_sent", applicant_id=str(applicant_id), error=exc.__class__.__name__)
            continue
        requeued += 1
    return RecoveryResult(documents_released=released, applicants_requeued=requeued, applicants_failed=failed)


def requeue_stuck(*, include_failed: bool = True) -> list[str]:
    """Re-queue stalled (and, by default, failed) applicants without a report, as a person's re-run; their ids.

    Unlike the sweep it has no cap: a person asked for it, so recoveries are counted afresh.
    """
    cutoff = stale_claim_cutoff()
    candidates = stalled_applicants(cutoff=cutoff)
    if include_failed:
        # A failed household is re-queued once, under its lead (its members failed with it).
        candidates = Applicant.objects.filter(
            Q(id__in=candidates.values("id")) | Q(status=ApplicantStatus.FAILED, role=Role.TENANT)
        )
    with_report = ScreeningReport.objects.values("applicant_id")
    queued = []
    for applicant in candidates.exclude(id__in=with_report).select_related("organization"):
        Document.objects.filter(applicant=applicant).stale_claims(cutoff=cutoff).release_claims()
        applicant_rerun(applicant=applicant, actor=None, force=False, reextract=False)
        queued.append(str(applicant.id))
    return queued


def _application_lock(application: Application) -> Application:
    """The application as the database has it now, with its form's row locked: the lock every
    household write takes (submissions, the lead's invitations), so staff writes are serialised with them."""
    IntakeFormRequest.objects.select_for_update().get(pk=application.form_request_id)
    return Application.objects.select_related("organization").get(pk=application.pk)


def application_invite(*, application: Application, actor: Any, role: str, name: str, email: str) -> CreatedInvitation:
    """Staff invite a co-tenant or guarantor: their own link by e-mail (after commit), returned once here.

    One transaction under the form's row lock. Refused while the application is
    being screened (``application_not_waiting``); a screened application waits
    again for the new person and is screened again once they submit.
    Audited (``INVITATION_SENT``, ids and role only).
    """
    with transaction.atomic():
        locked = _application_lock(application)
        if locked.status == ApplicationStatus.PROCESSING:
            raise errors.ApplicationNotWaiting()
        return invitation_create(application=locked, role=role, name=name, email=email, invited_by_user=actor)


def invitation_resend(*, invitation: Invitation, actor: Any) -> CreatedInvitation:
    """A new link for the same person (same role, name, e-mail); the old link stops working now.

    The old invitation's ``expires_at`` becomes now, so it shows as expired and
    its token opens nothing; the new one is mailed after commit. A person who
    already submitted is not invited again (``invitation_submitted``).
    """
    with transaction.atomic():
        locked = _application_lock(invitation.application)
        old = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if old.status == InvitationStatus.SUBMITTED:
            raise errors.InvitationAlreadySubmitted()
        if locked.status == ApplicationStatus.PROCESSING:
            raise errors.ApplicationNotWaiting()
        now = timezone.now()
        if old.expires_at > now:
            Invitation.objects.filter(pk=old.pk).update(expires_at=now)
        return invitation_create(
            application=locked, role=old.role, name=old.name, email=old.email, invited_by_user=actor
        )


def application_screen(*, application: Application, actor: Any, force: bool) -> bool:
    """Staff screen an application; returns whether a run was queued (after commit, under the lead).

    With ``force``, whoever has submitted is screened now: invitations still
    out (or expired) do not hold it, and a current report is replaced (it stays
    in the history). Without it, only an application that waits for nobody any
    more (its invitations answered or expired) is started. Refused while a run
    is under way (``application_not_waiting``) or with no lead tenant
    (``application_without_lead``). Audited (``FORCED_SCREENING``, ids only).
    """
    with transaction.atomic():
        locked = _application_lock(application)
        if locked.status == ApplicationStatus.PROCESSING:
            if not force:
                return False
            raise errors.ApplicationNotWaiting(_("A candidatura já está em análise."))
        if not locked.members.filter(role=Role.TENANT).exists():
            raise errors.ApplicationWithoutLead()
        if force:
            application_start(application=locked)
        elif locked.status != ApplicationStatus.WAITING or not application_start_if_complete(application=locked):
            return False
        audit_record(
            action=AuditAction.FORCED_SCREENING,
            target_type="application",
            target_id=locked.id,
            organization=locked.organization,
            actor=actor,
            details={
                "force": force,
                "applicant_ids": [str(member_id) for member_id in locked.members.values_list("id", flat=True)],
                "invitations_not_submitted": [
                    str(invitation_id)
                    for invitation_id in locked.invitations.exclude(status=InvitationStatus.SUBMITTED).values_list(
                        "id", flat=True
                    )
                ],
            },
        )
    application.status = ApplicationStatus.PROCESSING
    return True
