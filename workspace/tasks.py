"""Beat tasks of the workspace: retention, and the recovery sweep (it sends the pipeline chain).

Task names are pinned to where they were first defined, so messages and beat
schedules written before the move still resolve.
"""

from __future__ import annotations

from celery import shared_task

from workspace.retention import purge_expired
from workspace.services import pipeline_recover
from workspace.sweep_clock import sweep_mark_ran


@shared_task(name="applicants.tasks.purge_expired_task", ignore_result=True)
def purge_expired_task() -> int:
    """Delete applicants past their agency's retention period (beat)."""
    return purge_expired().applicants


@shared_task(name="screening.tasks.pipeline_sweep_task", ignore_result=True)
def pipeline_sweep_task() -> dict[str, int]:
    """Recover work silent for ``PIPELINE_STUCK_AFTER_SECONDS`` (beat, every ``PIPELINE_SWEEP_INTERVAL_SECONDS``)."""
    result = pipeline_recover()
    sweep_mark_ran()
    return {
        "documents_released": result.documents_released,
        "applicants_requeued": result.applicants_requeued,
        "applicants_failed": result.applicants_failed,
    }
