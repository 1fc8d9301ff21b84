"""Extraction writes: claim a document, read it, store the result or a readable failure."""

from __future__ import annotations

import time
import uuid

import structlog
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from applicants.models import Applicant, stale_claim_cutoff
from applicants.task_base import heartbeat
from documents.extraction.backends import extractor
from documents.extraction.errors import ExtractionFailed, ExtractionUnavailable
from documents.metrics import EXTRACTION_SECONDS
from documents.models import Document, DocumentStatus, ExtractedData
from documents.storage import StorageError, document_store

logger = structlog.get_logger(__name__)

UNEXPECTED_ERROR_REASON = "Erro inesperado ao ler o documento. Pode reprocessar a candidatura."


def document_claim(*, document_id: uuid.UUID | str) -> bool:
    """Take a document for extraction with one conditional update.

    Only an ``UPLOADED`` document, or one whose claim went stale, can be
    claimed; a duplicate delivery therefore finds nothing and does nothing.
    """
    updated = (
        Document.objects.filter(id=document_id)
        .claimable(cutoff=stale_claim_cutoff())
        .update(status=DocumentStatus.EXTRACTING, claimed_at=timezone.now(), attempts=F("attempts") + 1)
    )
    return updated == 1


def document_extract(*, document_id: uuid.UUID | str) -> str:
    """Extract one document. Idempotent; returns the document's final status.

    Permanent problems (bad file, unreadable scan) end as ``FAILED`` with a
    reason staff can read; transient ones (storage or provider outage) put
    the document back to ``UPLOADED`` and raise ``ExtractionUnavailable`` so
    the task retries.
    """
    log = logger.bind(document_id=str(document_id))
    if not document_claim(document_id=document_id):
        status = Document.objects.filter(id=document_id).values_list("status", flat=True).first()
        log.info("extraction.skipped", status=status)
        return status or "MISSING"
    document = Document.objects.get(id=document_id)
    started = time.monotonic()
    try:
        # The claim stays fresh while this worker lives; if it dies, the claim goes stale.
        with heartbeat(lambda: document_heartbeat(document_id=document.id)):
            with document_store().open(document.storage_key) as handle:
                data = handle.read(settings.INTAKE_MAX_FILE_SIZE + 1)
            if len(data) > settings.INTAKE_MAX_FILE_SIZE:
                raise ExtractionFailed("O ficheiro excede o tamanho máximo permitido.")
            result = extractor().extract(data, document_type=document.document_type)
    except FileNotFoundError:
        return _extraction_observe(
            document=document,
            started=started,
            status=document_fail(document=document, reason="O ficheiro já não existe no armazenamento."),
        )
    except ExtractionFailed as exc:
        log.info("extraction.failed", reason=exc.reason)
        return _extraction_observe(
            document=document, started=started, status=document_fail(document=document, reason=exc.reason)
        )
    except (ExtractionUnavailable, StorageError) as exc:
        document_release(document=document)
        log.warning("extraction.unavailable", error=exc.__class__.__name__)
        raise ExtractionUnavailable(exc.__class__.__name__) from exc
    except SoftTimeLimitExceeded:
        # Give the document back so the retry (or a re-run) can take it at once.
        document_release(document=document)
        raise
    except Exception as exc:
        # A bug or an input nobody foresaw: the document ends FAILED so screening
        # can go on without it. The message may quote the document (PII): only
        # the class is logged, and staff read a fixed text.
        log.error("extraction.unexpected_error", error=exc.__class__.__name__)
        return _extraction_observe(
            document=document, started=started, status=document_fail(document=document, reason=UNEXPECTED_ERROR_REASON)
        )
    duration_ms = int((time.monotonic() - started) * 1000)
    with transaction.atomic():
        ExtractedData.objects.update_or_create(
            document=document,
            defaults={
                "kind": result.kind.value,
                "fields": result.json_fields(),
                "confidence": result.confidence,
                "warnings": result.warnings,
                "pages": result.pages,
                "method": result.method,
                "extractor": result.extractor,
                "extractor_version": result.extractor_version,
                "duration_ms": duration_ms,
            },
        )
        Document.objects.filter(id=document.id).update(
            status=DocumentStatus.EXTRACTED, error="", extracted_at=timezone.now()
        )
    log.info(
        "extraction.done", kind=result.kind.value, method=result.method, pages=result.pages, duration_ms=duration_ms
    )
    return _extraction_observe(document=document, started=started, status=DocumentStatus.EXTRACTED)


def _extraction_observe(*, document: Document, started: float, status: str) -> str:
    """Record the duration of one finished extraction (retried outages are not counted)."""
    EXTRACTION_SECONDS.labels(document_type=document.document_type, status=status).observe(time.monotonic() - started)
    return status


def document_heartbeat(*, document_id: uuid.UUID | str) -> None:
    """Refresh a claim this worker still holds (the sign of life the recovery sweep reads)."""
    Document.objects.filter(id=document_id, status=DocumentStatus.EXTRACTING).update(claimed_at=timezone.now())


def document_release(*, document: Document) -> None:
    Document.objects.filter(id=document.id).release_claims()


def document_fail(*, document: Document, reason: str) -> str:
    Document.objects.filter(id=document.id).update(status=DocumentStatus.FAILED, error=reason[:500])
    return DocumentStatus.FAILED


def applicant_documents_extract(*, applicant_id: uuid.UUID | str) -> dict[str, int]:
    """Extract every document that still needs it of the applicant's household
    (everyone in their application; just theirs for one person); counts by outcome."""
    outcomes: dict[str, int] = {}
    household = Applicant.objects.household_of(applicant_id).values("id")
    document_ids = list(
        Document.objects.filter(applicant_id__in=household).order_by("created_at").values_list("id", flat=True)
    )
    for document_id in document_ids:
        status = document_extract(document_id=document_id)
        outcomes[status] = outcomes.get(status, 0) + 1
    return outcomes


@transaction.atomic
def documents_reset_for_reextraction(*, applicant_id: uuid.UUID | str) -> int:
    """Put the household's finished documents back to ``UPLOADED`` (claims in flight are left alone)."""
    return Document.objects.filter(
        applicant_id__in=Applicant.objects.household_of(applicant_id).values("id"),
        status__in=[DocumentStatus.EXTRACTED, DocumentStatus.FAILED],
    ).update(status=DocumentStatus.UPLOADED, error="", claimed_at=None)
