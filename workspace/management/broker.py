"""What a shell command says when the broker refused a run's messages.

Blind probe c26: with the broker unreachable ``rescreen`` printed "queued
applicant ..." and exited 0, and ``seed_demo`` "the worker screens it"; only
the log said ``pipeline.enqueue_failed``. The run is committed (the applicant
is ``PROCESSING`` with its ``PipelineRun``); only its messages are missing,
and the recovery sweep (ADR 009) sends a silent run again by itself.
"""

from __future__ import annotations

from django.conf import settings


def not_sent(failures: list[tuple[str, str]], *, again: str) -> str:
    """One line: what was kept, what was not sent and why, and what sends it."""
    ids = ", ".join(applicant_id for applicant_id, _ in failures)
    errors = ", ".join(sorted({error for _, error in failures}))
    return (
        f"applicant {ids}: the run is recorded (PROCESSING) but NOT sent: the broker refused it ({errors}; check "
        f"CELERY_BROKER_URL and that the broker is up). Once it answers, run '{again}' again, or leave it to the "
        f"beat sweep, which sends a run silent for {settings.PIPELINE_STUCK_AFTER_SECONDS}s again (at most "
        f"{settings.PIPELINE_MAX_RECOVERIES} times, then the applicant is FAILED and 'requeue_stuck' re-runs it)"
    )
