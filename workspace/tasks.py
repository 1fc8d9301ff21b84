"""Beat tasks of the workspace: retention.

Task names are pinned to where they were first defined, so messages and beat
schedules written before the move still resolve.
"""

from __future__ import annotations

from celery import shared_task

from workspace.retention import purge_expired


@shared_task(name="applicants.tasks.purge_expired_task", ignore_result=True)
def purge_expired_task() -> int:
    """Delete applicants past their agency's retention period (beat)."""
    return purge_expired().applicants
