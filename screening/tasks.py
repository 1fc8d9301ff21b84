"""Screening and maintenance tasks: thin, id-only, idempotent."""

from __future__ import annotations

from typing import Any

from celery import shared_task

from screening.services import DocumentsNotReady
from screening.task_base import PipelineTask


@shared_task(
    bind=True,
    base=PipelineTask,
    autoretry_for=(DocumentsNotReady,),
    retry_backoff=5,
    retry_backoff_max=120,
    retry_jitter=True,
    max_retries=10,
)
def screen_applicant_task(
    self: Any, applicant_id: str, force: bool = False, supersedes: str | None = None
) -> str | None:
    """Screen one applicant; skipped when a report exists unless forced (see ``screen_applicant``)."""
    from screening.services import screen_applicant

    report = screen_applicant(applicant_id=applicant_id, force=force, supersedes=supersedes)
    return str(report.id) if report else None


@shared_task(ignore_result=True)
def outbox_relay_task() -> int:
    """Send pending outbox events to the events queue (beat, and kicked after each report)."""
    from screening.outbox import outbox_relay

    return outbox_relay()


@shared_task(ignore_result=True)
def pipeline_sweep_task() -> dict[str, int]:
    """Flag work stuck past ``PIPELINE_STUCK_AFTER_SECONDS`` (beat)."""
    from screening.pipeline import pipeline_sweep

    result = pipeline_sweep()
    return {"documents_released": result.documents_released, "applicants_failed": result.applicants_failed}
