"""Extraction tasks: thin, id-only, idempotent (documents are claimed one by one).

Task names are pinned: a message queued before a deploy that moves this
module is still understood after it. A run sends ``document_batch_extract_task``
once per batch of documents (docs/adr/016-per-document-extraction.md and its
amendment); ``document_extract_task`` and ``applicant_documents_extract_task``
stay for messages queued before that.
"""

from __future__ import annotations

from typing import Any

from celery import shared_task, signature
from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings

from applicants.task_base import PipelineTask, TransientDatabaseError, database_errors_retried
from documents.extraction.errors import ExtractionUnavailable
from documents.services import (
    applicant_documents_extract,
    household_document_extract,
    household_documents_extract,
)
from documents.storage import StorageError
from documents.storage.cleanup import stored_files_delete_due


class ExtractionTask(PipelineTask):
    abstract = True
    failure_reasons = {
        **PipelineTask.failure_reasons,
        ExtractionUnavailable: "O serviço de leitura de documentos esteve indisponível. Pode reprocessar a candidatura.",
        StorageError: "O armazenamento de ficheiros esteve indisponível. Pode reprocessar a candidatura.",
    }
    transient_errors = (TransientDatabaseError, ExtractionUnavailable, StorageError)


# A storage, provider or database outage gives the document back and retries with backoff and jitter (on SQS
# the broker holds the retry back); every extraction task retries the same way, then leaves it to the sweep.
OUTAGE_RETRIES: dict[str, Any] = {
    "autoretry_for": ExtractionTask.transient_errors,
    "retry_backoff": 5,
    "retry_backoff_max": 300,
    "retry_jitter": True,
    "max_retries": settings.PIPELINE_MAX_RETRIES,
}


@shared_task(
    name="documents.tasks.applicant_documents_extract_task",
    bind=True,
    base=ExtractionTask,
    **OUTAGE_RETRIES,
)
def applicant_documents_extract_task(self: Any, applicant_id: str) -> dict[str, int]:
    """Extract the applicant's documents one after another; the chain it came in then screens.

    Kept for messages queued before per-document extraction (and for ops). A
    duplicate delivery finds the documents claimed or done.
    """
    with database_errors_retried():
        return applicant_documents_extract(applicant_id=applicant_id)


@shared_task(
    name="documents.tasks.document_extract_task",
    bind=True,
    base=ExtractionTask,
    **OUTAGE_RETRIES,
)
def document_extract_task(self: Any, applicant_id: str, document_id: str, then: dict[str, Any] | None = None) -> str:
    """Extract one document of the run led by ``applicant_id``; the one that leaves none of the
    household's documents to read sends ``then`` (the run's next step, ids and flags only).

    The next step is idempotent, so a duplicate that also finds the household done
    may send it again; extraction itself is claimed, so it never runs twice.
    """
    with database_errors_retried():
        outcome = household_document_extract(applicant_id=applicant_id, document_id=document_id)
    if outcome.household_done and then:
        signature(then, app=self.app).apply_async()
    return outcome.status


@shared_task(
    name="documents.tasks.document_batch_extract_task",
    bind=True,
    base=ExtractionTask,
    **OUTAGE_RETRIES,
)
def document_batch_extract_task(
    self: Any, applicant_id: str, document_ids: list[str], then: dict[str, Any] | None = None
) -> str:
    """Extract a batch of documents of the run led by ``applicant_id`` in turn; the task that leaves
    none of the household's documents to read sends ``then`` (ids and flags only).

    Documents after one that needs OCR are handed on to a new message of this
    task as that OCR starts. A retry after an outage runs the batch again:
    the documents already read are skipped by their claims.
    """

    handed_on: list[str] = []

    def hand_on(rest: list[str]) -> None:
        document_batch_extract_task.apply_async(args=(applicant_id, rest), kwargs={"then": then})
        handed_on.extend(rest)

    try:
        with database_errors_retried():
            outcome = household_documents_extract(applicant_id=applicant_id, document_ids=document_ids, hand_on=hand_on)
    except ExtractionTask.transient_errors as exc:
        if not handed_on:
            raise  # autoretry: the same batch again
        # The rest went on in a message of their own, which retries them itself: this retry keeps only what is
        # still this message's. Retried whole, every retry handed the rest on again, a tree of messages (blind
        # probe r59b: 300 to 800 requests to a provider down 40 s, for one applicant's five documents).
        kept = [document_id for document_id in document_ids if document_id not in set(handed_on)]
        raise self.retry(
            args=(applicant_id, kept), kwargs={"then": then}, exc=exc, countdown=outage_countdown(self)
        ) from exc
    if outcome.household_done and then:
        signature(then, app=self.app).apply_async()
    return outcome.status


def outage_countdown(task: Any) -> float:
    """The wait before an outage's retry, as Celery's autoretry computes it (``OUTAGE_RETRIES``)."""
    return float(
        get_exponential_backoff_interval(
            factor=task.retry_backoff,
            retries=task.request.retries,
            maximum=task.retry_backoff_max,
            full_jitter=task.retry_jitter,
        )
    )


@shared_task(name="documents.tasks.stored_files_cleanup_task")
def stored_files_cleanup_task() -> dict[str, int]:
    """Delete stored files whose deletion is due: uploads no submission took, files of deleted
    documents, deletes that failed before. Idempotent; a failure stays scheduled with backoff."""
    result = stored_files_delete_due()
    return {"deleted": result.deleted, "failed": result.failed, "kept": result.kept}
