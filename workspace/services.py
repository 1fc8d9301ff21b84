"""Staff and ops orchestration: re-run an applicant's pipeline, recover stalled work, re-queue stuck work."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import structlog
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from applicants.models import Applicant, ApplicantStatus, AuditAction, stale_claim_cutoff
from applicants.services import audit_record
from documents.models import Document
from documents.services import documents_reset_for_reextraction
from screening import pipeline
from screening.models import ScreeningReport
from screening.selectors import stalled_applicants
from screening.services import pipeline_run_recover, report_current_id

logger = structlog.get_logger(__name__)


def applicant_rerun(*, applicant: Applicant, actor: Any, force: bool = False, reextract: bool = False) -> bool:
    """Queue a re-run unless a report exists and ``force`` is off; returns whether queued.

    Audited; the chain is queued after commit and names the report it
    replaces, so a duplicate delivery of a forced run replaces it only once.
    """
    current = report_current_id(applicant.id)
    if current is not None and not force:
        return False
    with transaction.atomic():
        if reextract:
            documents_reset_for_reextraction(applicant_id=applicant.id)
        Applicant.objects.filter(id=applicant.id).update(
            status=ApplicantStatus.PROCESSING, failure_reason="", processing_started_at=timezone.now()
        )
        audit_record(
            action=AuditAction.RERUN_REQUESTED,
            target_type="applicant",
            target_id=applicant.id,
            organization=applicant.organization,
            actor=actor,
            details={"force": force, "reextract": reextract},
        )
        applicant_id = applicant.id
        transaction.on_commit(
            lambda: pipeline.pipeline_start(applicant_id=applicant_id, force=force, supersedes=current)
        )
    applicant.status = ApplicantStatus.PROCESSING
    return True


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
                applicant_id=applicant_id, force=recovery.force, supersedes=recovery.supersedes, recovery=True
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
        candidates = Applicant.objects.filter(Q(id__in=candidates.values("id")) | Q(status=ApplicantStatus.FAILED))
    with_report = ScreeningReport.objects.values("applicant_id")
    queued = []
    for applicant in candidates.exclude(id__in=with_report).select_related("organization"):
        Document.objects.filter(applicant=applicant).stale_claims(cutoff=cutoff).release_claims()
        applicant_rerun(applicant=applicant, actor=None, force=False, reextract=False)
        queued.append(str(applicant.id))
    return queued
