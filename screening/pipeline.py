"""The per-applicant chain: extract documents -> screen (-> outbox event).

The one place that knows the order of the pipeline's tasks. It sits at the
top of the screening app (it imports the tasks); the entry points above call
``pipeline_start`` after their transaction commits.
"""

from __future__ import annotations

import uuid

from celery import chain

from documents.tasks import applicant_documents_extract_task
from screening.tasks import screen_applicant_task


def pipeline_start(*, applicant_id: uuid.UUID | str, force: bool = False, supersedes: str | None = None) -> None:
    """Send the chain. Task arguments are ids and flags, never personal data."""
    chain(
        applicant_documents_extract_task.si(str(applicant_id)),
        screen_applicant_task.si(str(applicant_id), force=force, supersedes=supersedes),
    ).apply_async()
