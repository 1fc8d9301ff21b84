"""Queue the per-applicant chain: extract documents -> screen (-> outbox event)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from applicants.models import Applicant, ApplicantStatus, AuditAction
from documents.models import Document, DocumentStatus
from documents.services import stale_claim_cutoff


def pipeline_start(*, applicant_id: uuid.UUID | str, force: bool = False, supersedes: str | None = None) -> None:
    """Send the chain. Task arguments are ids and flags, never personal data."""
    from celery import chain

    from documents.tasks import applicant_documents_extract_task
    from screening.tasks import screen_applicant_task

    chain(
        applicant_documents_extract_task.si(str(applicant_id)),
        screen_applicant_task.si(str(applicant_id), force=force, supersedes=supersedes),
    ).apply_async()


def rescreen_request(*, applicant: Applicant, actor: Any, force: bool = False, reextract: bool = False) -> bool:
    """Queue a re-run unless a report exists and ``force`` is off; returns whether queued."""
    from applicants.services import audit_record
    from documents.services import documents_reset_for_reextraction
    from screening.services import report_current_id

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
        transaction.on_commit(lambda: pipeline_start(applicant_id=applicant_id, force=force, supersedes=current))
    applicant.status = ApplicantStatus.PROCESSING
    return True


@dataclass(frozen=True)
class SweepResult:
    documents_released: int
    applicants_failed: int


STUCK_REASON = "O processamento ficou parado (trabalhador interrompido?). Use 'reprocessar' para tentar de novo."


def pipeline_sweep() -> SweepResult:
    """Flag work stuck past the threshold so nothing stays PROCESSING forever.

    Documents whose claim went stale go back to ``UPLOADED`` (their worker
    died); applicants in ``PROCESSING`` for too long become ``FAILED`` with a
    reason, from where ``requeue_stuck`` or a re-run picks them up.
    """
    cutoff = stale_claim_cutoff()
    released = Document.objects.filter(status=DocumentStatus.EXTRACTING, claimed_at__lt=cutoff).update(
        status=DocumentStatus.UPLOADED, claimed_at=None
    )
    failed = (
        Applicant.objects.filter(status=ApplicantStatus.PROCESSING)
        .filter(Q(processing_started_at__lt=cutoff) | Q(processing_started_at__isnull=True, created_at__lt=cutoff))
        .update(status=ApplicantStatus.FAILED, failure_reason=STUCK_REASON)
    )
    return SweepResult(documents_released=released, applicants_failed=failed)


def requeue_stuck(*, include_failed: bool = True) -> list[str]:
    """Re-queue applicants without a report that are stuck (and, by default, failed)."""
    from screening.models import ScreeningReport

    cutoff = stale_claim_cutoff()
    stuck = Q(status=ApplicantStatus.PROCESSING) & (
        Q(processing_started_at__lt=cutoff) | Q(processing_started_at__isnull=True)
    )
    if include_failed:
        stuck |= Q(status=ApplicantStatus.FAILED)
    with_report = ScreeningReport.objects.values("applicant_id")
    queued = []
    for applicant in Applicant.objects.filter(stuck).exclude(id__in=with_report).select_related("organization"):
        Document.objects.filter(applicant=applicant, status=DocumentStatus.EXTRACTING, claimed_at__lt=cutoff).update(
            status=DocumentStatus.UPLOADED, claimed_at=None
        )
        rescreen_request(applicant=applicant, actor=None, force=False, reextract=False)
        queued.append(str(applicant.id))
    return queued
