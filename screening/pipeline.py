"""The per-applicant pipeline: extract each document (in parallel) -> screen (-> outbox event).

The one place that knows the order of the pipeline's tasks. It sits at the
top of the screening app (it imports the tasks); the entry points above call
``pipeline_start`` after their transaction commits.

Each image, and the PDFs together, are an extraction task (a scanned PDF
hands the ones after it on as its OCR starts), so free workers read one
applicant's documents side by side; the task that finishes the household's
last document sends screening (a fan-in decided in the database, not a Celery
chord: no result backend, and it survives duplicate delivery and a lost
worker; docs/adr/016-per-document-extraction.md).
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from contextvars import ContextVar

import structlog
from celery.canvas import Signature
from django.db import transaction

from documents.services import extraction_plan
from documents.tasks import document_batch_extract_task
from screening.services import pipeline_run_start
from screening.tasks import screen_applicant_task

logger = structlog.get_logger(__name__)

# The runs whose messages the broker refused, for a caller that must say so (``enqueue_failures``).
_enqueue_failures: ContextVar[list[tuple[str, str]] | None] = ContextVar("enqueue_failures", default=None)


@contextlib.contextmanager
def enqueue_failures() -> Iterator[list[tuple[str, str]]]:
    """Collect ``(applicant_id, error class)`` for every run recorded in the block whose send failed.

    ``pipeline_start_on_commit`` logs a refused send and carries on (the run is
    committed, the sweep sends it again); a shell command that then printed
    "queued" told the operator the opposite (blind probe c26: ``rescreen`` and
    ``seed_demo`` with the broker down). The commit, and so the send, happens
    inside the caller's block.
    """
    failures: list[tuple[str, str]] = []
    token = _enqueue_failures.set(failures)
    try:
        yield failures
    finally:
        _enqueue_failures.reset(token)


def pipeline_start(
    *, applicant_id: uuid.UUID | str, force: bool = False, supersedes: str | None = None, recorded: bool = False
) -> None:
    """Record the run and send its messages. Task arguments are ids and flags, never personal data.

    A submission or a person's re-run starts a run (recoveries counted
    afresh). ``recorded=True`` sends a run already recorded: by the recovery
    sweep, which counted the recovery itself, or by ``pipeline_start_on_commit`` in the
    transaction that queued it.
    """
    if not recorded:
        pipeline_run_start(applicant_id=applicant_id, force=force, supersedes=supersedes)
    messages_send(pipeline_messages(applicant_id=applicant_id, force=force, supersedes=supersedes))


def pipeline_start_on_commit(
    *, applicant_id: uuid.UUID | str, force: bool = False, supersedes: str | None = None
) -> None:
    """Record the run in the caller's transaction; send its messages once that transaction commits.

    The transaction that queues the run (a submission, a household's start, a
    re-run) carries the run's record, so SQLite's one write lock is taken once
    less and a committed run always has its record. The commit is already done
    when the messages go, so a broker outage is logged, not raised: the run
    stays silent and the beat sweep sends it again (``requeue_stuck`` at once).
    """
    pipeline_run_start(applicant_id=applicant_id, force=force, supersedes=supersedes)

    def send() -> None:
        try:
            pipeline_start(applicant_id=applicant_id, force=force, supersedes=supersedes, recorded=True)
        except Exception as exc:
            logger.error("pipeline.enqueue_failed", applicant_id=str(applicant_id), error=exc.__class__.__name__)
            failures = _enqueue_failures.get()
            if failures is not None:
                failures.append((str(applicant_id), exc.__class__.__name__))

    transaction.on_commit(send)


def pipeline_messages(*, applicant_id: uuid.UUID | str, force: bool, supersedes: str | None) -> list[Signature]:
    """One extraction per batch of documents the run may take (``extraction_plan``), each carrying
    the screening step for the last one.

    Screening is sent at once as well when there is nothing for this run to
    extract, or when a document is on its way without it (still uploading, or
    read by another run's live claim): it then waits for the documents
    (``DocumentsNotReady`` retries), as the chain did.
    """
    screen = screen_applicant_task.si(str(applicant_id), force=force, supersedes=supersedes)
    plan = extraction_plan(applicant_id=applicant_id)
    messages: list[Signature] = [
        document_batch_extract_task.si(
            str(applicant_id), [str(document_id) for document_id in batch], then=dict(screen)
        )
        for batch in plan.batches
    ]
    if not plan.batches or plan.others_pending:
        messages.append(screen)
    return messages


def messages_send(messages: list[Signature]) -> None:
    for message in messages:
        message.apply_async()
