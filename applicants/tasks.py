from __future__ import annotations

from celery import shared_task


@shared_task(ignore_result=True)
def purge_expired_task() -> int:
    """Delete applicants past their agency's retention period (beat)."""
    from applicants.retention import purge_expired

    return purge_expired().applicants
