"""Staff and ops orchestration: re-run an applicant's pipeline, re-queue stuck work."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from applicants.models import Applicant, ApplicantStatus, AuditAction, stale_claim_cutoff
from applicants.services import audit_record
from documents.models import Document
from documents.services import documents_reset_for_reextraction
from screening import pipeline
from screening.models import ScreeningReport
from screening.services import report_current_id


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


def requeue_stuck(*, include_failed: bool = True) -> list[str]:
    """Re-queue applicants without a report that are stuck (and, by default, failed); returns their ids."""
    cutoff = stale_claim_cutoff()
    candidates = Applicant.objects.stuck(cutoff=cutoff)
    if include_failed:
        candidates = Applicant.objects.filter(Q(id__in=candidates.values("id")) | Q(status=ApplicantStatus.FAILED))
    with_report = ScreeningReport.objects.values("applicant_id")
    queued = []
    for applicant in candidates.exclude(id__in=with_report).select_related("organization"):
        Document.objects.filter(applicant=applicant).stale_claims(cutoff=cutoff).release_claims()
        applicant_rerun(applicant=applicant, actor=None, force=False, reextract=False)
        queued.append(str(applicant.id))
    return queued
