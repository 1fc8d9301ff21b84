"""The per-applicant chain: extract documents -> screen (-> outbox event).

The one place that knows the order of the pipeline's tasks. It sits at the
top of the screening app (it imports the tasks); the entry points above call
``pipeline_start`` after their transaction commits.
"""

from __future__ import annotations

import uuid

from celery import chain

from documents.tasks import applicant_documents_extract_task
from screening.services import pipeline_run_start
from screening.tasks import screen_applicant_task


def pipeline_start(
    *, applicant_id: uuid.UUID | str, force: bool = False, supersedes: str | None = None, recovery: bool = False
) -> None:
    """Record the run and send the chain. Task arguments are ids and flags, never personal data.

    A submission or a person's re-run starts a run (recoveries counted
    afresh); the recovery sweep sends the same run again (``recovery=True``),
    having counted the recovery itself.
    """
    if not recovery:
        pipeline_run_start(applicant_id=applicant_id, force=force, supersedes=supersedes)
    chain(
        applicant_documents_extract_task.si(str(applicant_id)),
        screen_applicant_task.si(str(applicant_id), force=force, supersedes=supersedes),
    ).apply_async()
