"""The per-applicant pipeline: extract each document (in parallel) -> screen (-> outbox event).

The one place that knows the order of the pipeline's tasks. It sits at the
top of the screening app (it imports the tasks); the entry points above call
``pipeline_start`` after their transaction commits.

Each document is its own extraction task, so free workers read one
applicant's documents side by side; the task that finishes the household's
last document sends screening (a fan-in decided in the database, not a Celery
chord: no result backend, and it survives duplicate delivery and a lost
worker; docs/adr/016-per-document-extraction.md).
"""

from __future__ import annotations

import uuid

from celery.canvas import Signature

from documents.services import extraction_plan
from documents.tasks import document_extract_task
from screening.services import pipeline_run_start
from screening.tasks import screen_applicant_task


def pipeline_start(
    *, applicant_id: uuid.UUID | str, force: bool = False, supersedes: str | None = None, recorded: bool = False
) -> None:
    """Record the run and send its messages. Task arguments are ids and flags, never personal data.

    A submission or a person's re-run starts a run (recoveries counted
    afresh). ``recorded=True`` sends a run already recorded: by the recovery
    sweep, which counted the recovery itself, or by ``pipeline_record`` in the
    transaction that queued it.
    """
    if not recorded:
        pipeline_run_start(applicant_id=applicant_id, force=force, supersedes=supersedes)
    messages_send(pipeline_messages(applicant_id=applicant_id, force=force, supersedes=supersedes))


def pipeline_record(*, applicant_id: uuid.UUID | str, force: bool = False, supersedes: str | None = None) -> None:
    """Record the run in the caller's transaction; send it with ``pipeline_start(recorded=True)`` after commit.

    The submission's own transaction carries the run, so SQLite's one write
    lock is taken once less per submission, and a committed submission
    always has its run (the sweep finds it if the messages never leave).
    """
    pipeline_run_start(applicant_id=applicant_id, force=force, supersedes=supersedes)


def pipeline_messages(*, applicant_id: uuid.UUID | str, force: bool, supersedes: str | None) -> list[Signature]:
    """One extraction per document the run may take, each carrying the screening step for the last one.

    Screening is sent at once as well when there is nothing for this run to
    extract, or when a document is on its way without it (still uploading, or
    read by another run's live claim): it then waits for the documents
    (``DocumentsNotReady`` retries), as the chain did.
    """
    screen = screen_applicant_task.si(str(applicant_id), force=force, supersedes=supersedes)
    plan = extraction_plan(applicant_id=applicant_id)
    messages: list[Signature] = [
        document_extract_task.si(str(applicant_id), str(document_id), then=dict(screen))
        for document_id in plan.document_ids
    ]
    if not plan.document_ids or plan.others_pending:
        messages.append(screen)
    return messages


def messages_send(messages: list[Signature]) -> None:
    for message in messages:
        message.apply_async()
