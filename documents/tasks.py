"""Extraction tasks: thin, id-only, idempotent (documents are claimed one by one)."""

from __future__ import annotations

from typing import Any

from celery import shared_task
from django.conf import settings

from documents.extraction.errors import ExtractionUnavailable
from documents.storage import StorageError
from screening.task_base import PipelineTask


@shared_task(
    bind=True,
    base=PipelineTask,
    autoretry_for=(ExtractionUnavailable, StorageError),
    retry_backoff=5,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=settings.PIPELINE_MAX_RETRIES,
)
def applicant_documents_extract_task(self: Any, applicant_id: str) -> dict[str, int]:
    """Extract the applicant's documents. A duplicate delivery finds them claimed or done."""
    from documents.services import applicant_documents_extract

    return applicant_documents_extract(applicant_id=applicant_id)


@shared_task(
    bind=True,
    autoretry_for=(ExtractionUnavailable, StorageError),
    retry_backoff=5,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=settings.PIPELINE_MAX_RETRIES,
)
def document_extract_task(self: Any, document_id: str) -> str:
    """Extract one document (ops re-runs from the shell)."""
    from documents.services import document_extract

    return document_extract(document_id=document_id)
