"""Screening and maintenance tasks: thin, id-only, idempotent.

Task names are pinned: a message queued before a deploy that moves this
module is still understood after it.
"""

from __future__ import annotations

from typing import Any

from celery import shared_task

from applicants.task_base import PipelineTask
from screening.assessors import AssessorError, TransientAssessorError
from screening.outbox import outbox_relay
from screening.services import DocumentsNotReady, pipeline_sweep, screen_applicant


class ScreeningTask(PipelineTask):
    abstract = True
    failure_reasons = {
        **PipelineTask.failure_reasons,
        DocumentsNotReady: "Os documentos não terminaram de ser lidos a tempo. Pode reprocessar a candidatura.",
        AssessorError: "A análise automática devolveu uma resposta inválida. Pode reprocessar a candidatura.",
        TransientAssessorError: "O serviço de análise automática esteve indisponível. Pode reprocessar a candidatura.",
    }


@shared_task(
    name="screening.tasks.screen_applicant_task",
    bind=True,
    base=ScreeningTask,
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
    report = screen_applicant(applicant_id=applicant_id, force=force, supersedes=supersedes)
    return str(report.id) if report else None


@shared_task(name="screening.tasks.outbox_relay_task", ignore_result=True)
def outbox_relay_task() -> int:
    """Send pending outbox events to the events queue (beat, and kicked after each report)."""
    return outbox_relay()


@shared_task(name="screening.tasks.pipeline_sweep_task", ignore_result=True)
def pipeline_sweep_task() -> dict[str, int]:
    """Flag work stuck past ``PIPELINE_STUCK_AFTER_SECONDS`` (beat)."""
    result = pipeline_sweep()
    return {"documents_released": result.documents_released, "applicants_failed": result.applicants_failed}
