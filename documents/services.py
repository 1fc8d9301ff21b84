"""Extraction writes: claim a document, read it, store the result or a readable failure."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import structlog
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone

from applicants.models import Applicant, stale_claim_cutoff
from applicants.task_base import database_error_is_transient, heartbeat
from documents.extraction.backends import extractor
from documents.extraction.errors import (
    ExtractionFailed,
    ExtractionUnavailable,
    ProviderAnswerUnusable,
    machine_resource_exhausted,
)
from documents.extraction.fingerprint import content_fingerprint, parts_fingerprints
from documents.extraction.layers import document_signals
from documents.extraction.pace import before_slow_work
from documents.metrics import EXTRACTION_SECONDS
from documents.models import (
    NOT_EXTRACTED_YET,
    Document,
    DocumentQuerySet,
    DocumentStatus,
    ExtractedData,
    PartFingerprint,
)
from documents.storage import StorageError, document_store

logger = structlog.get_logger(__name__)

UNEXPECTED_ERROR_REASON = "Erro inesperado ao ler o documento. Pode reprocessar a candidatura."
# A document whose reading timed out this many times (its claims counted) is too heavy to read, not unlucky.
INTERRUPTED_TRIES = 2


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


@dataclass(frozen=True)
class DocumentOutcome:
    """How one document's extraction ended, and whether its household has nothing left to read."""

    status: str
    household_done: bool


def document_extract(*, document_id: uuid.UUID | str) -> str:
    """Extract one document. Idempotent; returns the document's final status.

    Permanent problems (bad file, unreadable scan) end as ``FAILED`` with a
    reason staff can read; transient ones (storage or provider outage) put
    the document back to ``UPLOADED`` and raise ``ExtractionUnavailable`` so
    the task retries.
    """
    return _document_extract(document_id=document_id, lead_id=None).status


def household_document_extract(*, applicant_id: uuid.UUID | str, document_id: uuid.UUID | str) -> DocumentOutcome:
    """Extract one document of ``applicant_id``'s household (the run's lead) and say whether it was the last.

    The fan-in of per-document extraction (docs/adr/016-per-document-extraction.md):
    the document's final write and the count of the household's documents
    still to read happen in one transaction under a row lock on the lead, so
    of the last two documents finishing at once exactly one sees none left.
    A duplicate delivery finding its document already finished reports the
    household as done when it is: the first delivery's worker may have died
    between its commit and sending the next step (the step is idempotent).
    """
    return _document_extract(document_id=document_id, lead_id=applicant_id)


def household_documents_extract(
    *,
    applicant_id: uuid.UUID | str,
    document_ids: Sequence[uuid.UUID | str],
    hand_on: Callable[[list[str]], None],
) -> DocumentOutcome:
    """Extract a batch of ``applicant_id``'s household in turn; the last one's outcome.

    Documents read from a text layer take milliseconds, so a run sends them
    in one message (``extraction_plan``). The moment one of them turns out
    to need slow work (OCR, a provider) while others follow it, ``hand_on``
    gets the rest to send as a message of their own, so a free worker reads
    them beside this one. A hand-on that fails is logged and this task reads
    the rest itself. Every document is claimed as in ``household_document_extract``,
    so a batch delivered twice, or handed on twice, reads each document once.
    """
    outcome = DocumentOutcome(status="MISSING", household_done=False)
    for index, document_id in enumerate(document_ids):
        rest = [str(later) for later in document_ids[index + 1 :]]
        handed: list[str] = []

        def rest_handed_on(rest: list[str] = rest, handed: list[str] = handed) -> None:
            try:
                hand_on(rest)
            except Exception as exc:
                logger.warning("extraction.hand_on_failed", document_id=str(rest[0]), error=exc.__class__.__name__)
            else:
                handed.extend(rest)

        with before_slow_work(rest_handed_on if rest else None):
            outcome = _document_extract(document_id=document_id, lead_id=applicant_id)
        if handed:
            break
    return outcome


def _household_pending(lead_id: uuid.UUID | str) -> DocumentQuerySet:
    return Document.objects.filter(
        applicant_id__in=Applicant.objects.household_of(lead_id).values("id")
    ).not_extracted_yet()


def _document_finish(*, lead_id: uuid.UUID | str | None, write: Callable[[], object]) -> bool:
    """Run the document's final ``write``; with a lead, under the lead's row lock, and tell whether
    no document of the household is left to read (always False without a lead)."""
    with transaction.atomic():
        if lead_id is not None:
            # PostgreSQL: the lock serialises finishers, and the count below (a new snapshot
            # in READ COMMITTED) sees every finisher that held it before. SQLite: IMMEDIATE
            # transactions already serialise writers.
            list(Applicant.objects.select_for_update().filter(id=lead_id).values_list("id", flat=True))
        write()
        return lead_id is not None and not _household_pending(lead_id).exists()


def _document_extract(*, document_id: uuid.UUID | str, lead_id: uuid.UUID | str | None) -> DocumentOutcome:
    log = logger.bind(document_id=str(document_id))
    if not document_claim(document_id=document_id):
        status = Document.objects.filter(id=document_id).values_list("status", flat=True).first()
        log.info("extraction.skipped", status=status)
        finished = status in (DocumentStatus.EXTRACTED, DocumentStatus.FAILED)
        done = finished and lead_id is not None and not _household_pending(lead_id).exists()
        return DocumentOutcome(status=status or "MISSING", household_done=done)
    try:
        return _claimed_document_extract(document_id=document_id, lead_id=lead_id, log=log)
    except DatabaseError as exc:
        if database_error_is_transient(exc):
            # The task retries it (blind probe r58a, F3): a claim left fresh would make that retry skip the
            # document until the claim went stale and the sweep released it, a whole window later.
            _claim_give_back_quietly(document_id=document_id, log=log)
        raise


def _claim_give_back_quietly(*, document_id: uuid.UUID | str, log: Any) -> None:
    try:
        Document.objects.filter(id=document_id).release_claims()
    except DatabaseError as exc:  # the database still refuses: the sweep releases the claim once it is stale
        log.warning("extraction.claim_not_released", error=exc.__class__.__name__)


def _stored_bytes(document: Document) -> bytes:
    """The document's file as stored. A file deleted from a store that is there is the file's failure, for good;
    a store that is not there raises ``StorageError`` (transient), as any storage outage does."""
    try:
        with document_store().open(document.storage_key) as handle:
            data = handle.read(settings.INTAKE_MAX_FILE_SIZE + 1)
    except FileNotFoundError as exc:
        raise ExtractionFailed("O ficheiro já não existe no armazenamento.") from exc
    if len(data) > settings.INTAKE_MAX_FILE_SIZE:
        raise ExtractionFailed("O ficheiro excede o tamanho máximo permitido.")
    return data


def _refusal_when_repeated(exc: Exception, *, attempts: int) -> str | None:
    """The permanent reason for an interruption the file itself may cause, once it has happened too often."""
    # A provider's unusable answer is given every retry of a task first; a local reading cut short, one more try.
    tries = settings.PIPELINE_MAX_RETRIES + 1 if isinstance(exc, ProviderAnswerUnusable) else INTERRUPTED_TRIES
    if isinstance(exc, ExtractionUnavailable) and exc.reason_when_repeated and attempts >= tries:
        return exc.reason_when_repeated
    return None


def _given_back_or_failed(
    exc: Exception, *, document: Document, failed: Callable[[str], DocumentOutcome], log: Any
) -> DocumentOutcome:
    """An outage or an interruption: the document given back for the task's retry (raised as
    ``ExtractionUnavailable``), or failed with its own reason when it keeps happening to this document."""
    refusal = _refusal_when_repeated(exc, attempts=document.attempts)
    if refusal is not None:
        log.info("extraction.failed", reason=refusal)
        return failed(refusal)
    document_release(document=document)
    log.warning("extraction.unavailable", error=exc.__class__.__name__)
    raise ExtractionUnavailable(exc.__class__.__name__, retry_after=getattr(exc, "retry_after", None)) from exc


def _claimed_document_extract(
    *, document_id: uuid.UUID | str, lead_id: uuid.UUID | str | None, log: Any
) -> DocumentOutcome:
    document = Document.objects.get(id=document_id)
    started = time.monotonic()

    def failed(reason: str) -> DocumentOutcome:
        done = _document_finish(lead_id=lead_id, write=lambda: document_fail(document=document, reason=reason))
        return DocumentOutcome(
            status=_extraction_observe(document=document, started=started, status=DocumentStatus.FAILED),
            household_done=done,
        )

    try:
        # The claim stays fresh while this worker lives; if it dies, the claim goes stale.
        with heartbeat(lambda: document_heartbeat(document_id=document.id)):
            data = _stored_bytes(document)
            result = extractor().extract(data, document_type=document.document_type)
            # Read from the file itself whichever backend read its fields (Reducto sees no revisions); the fields
            # read let a scan's text layer be compared with its picture's reading.
            signals = document_signals(data, content_type=document.content_type, extracted=result)
    except ExtractionFailed as exc:
        log.info("extraction.failed", reason=exc.reason)
        return failed(exc.reason)
    except (ExtractionUnavailable, StorageError) as exc:
        return _given_back_or_failed(exc, document=document, failed=failed, log=log)
    except SoftTimeLimitExceeded:
        # Give the document back so the retry (or a re-run) can take it at once.
        document_release(document=document)
        raise
    except Exception as exc:
        if database_error_is_transient(exc):
            raise  # the machine's, not the file's: retried, never a reason to screen without the document
        interruption = machine_resource_exhausted(exc)
        if interruption is not None:
            return _given_back_or_failed(interruption, document=document, failed=failed, log=log)
        # A bug or an input nobody foresaw: the document ends FAILED so screening
        # can go on without it. The message may quote the document (PII): only
        # the class is logged, and staff read a fixed text.
        log.error("extraction.unexpected_error", error=exc.__class__.__name__)
        return failed(UNEXPECTED_ERROR_REASON)
    duration_ms = int((time.monotonic() - started) * 1000)

    def store() -> None:
        extracted, _ = ExtractedData.objects.update_or_create(
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
                "authenticity": signals,
                "content_fingerprint": content_fingerprint(result.kind.value, result.json_fields()),
                "parts": result.json_parts(),
            },
        )
        part_fingerprints_store(extracted, parts_fingerprints(result.kind.value, result.json_parts()))
        Document.objects.filter(id=document.id).update(
            status=DocumentStatus.EXTRACTED, error="", extracted_at=timezone.now()
        )

    done = _document_finish(lead_id=lead_id, write=store)
    log.info(
        "extraction.done", kind=result.kind.value, method=result.method, pages=result.pages, duration_ms=duration_ms
    )
    return DocumentOutcome(
        status=_extraction_observe(document=document, started=started, status=DocumentStatus.EXTRACTED),
        household_done=done,
    )


def part_fingerprints_store(extracted: ExtractedData, fingerprints: set[str]) -> None:
    """The file's other documents' fingerprints, replacing an earlier extraction's (ADR 031)."""
    extracted.part_fingerprints.all().delete()
    PartFingerprint.objects.bulk_create(
        PartFingerprint(extracted=extracted, fingerprint=fingerprint) for fingerprint in sorted(fingerprints)
    )


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
    """Extract every document that still needs it of the applicant's household, one after another
    (everyone in their application; just theirs for one person); counts by outcome.

    What ``applicant_documents_extract_task`` still does for chains queued before per-document
    extraction; new runs send one task per document (``extraction_plan``).
    """
    outcomes: dict[str, int] = {}
    household = Applicant.objects.household_of(applicant_id).values("id")
    document_ids = list(
        Document.objects.filter(applicant_id__in=household).order_by("created_at").values_list("id", flat=True)
    )
    for document_id in document_ids:
        status = document_extract(document_id=document_id)
        outcomes[status] = outcomes.get(status, 0) + 1
    return outcomes


@dataclass(frozen=True)
class ExtractionPlan:
    """What a run sends for a household: the documents it may take now, in batches of one message
    each, and whether some document is still on its way without this run (uploading, or read by a
    live claim)."""

    batches: list[list[uuid.UUID]]
    others_pending: bool

    @property
    def document_ids(self) -> list[uuid.UUID]:
        return [document_id for batch in self.batches for document_id in batch]


def extraction_plan(*, applicant_id: uuid.UUID | str) -> ExtractionPlan:
    """The household's documents a run extracts (waiting ones and stale claims) in upload order, batched.

    Every image is a batch of its own: it always needs OCR, seconds of a
    worker. The PDFs go together, at the place of the first: most have a text
    layer read in milliseconds, where a message each would cost more in broker
    hops than the reading (on SQS three requests a message). A scanned PDF
    among them hands the ones after it on as it starts its OCR
    (``household_documents_extract``), so scans are still read side by side.
    """
    household = Document.objects.filter(applicant_id__in=Applicant.objects.household_of(applicant_id).values("id"))
    # One read (every submission runs this) of the household's few documents, by the applicant index:
    # filtered on status in SQL, SQLite reads every agency's waiting documents by the status index instead.
    rows = household.order_by("created_at").values_list("id", "status", "claimed_at", "content_type")
    pending = [row for row in rows if row[1] in NOT_EXTRACTED_YET]
    cutoff = stale_claim_cutoff()
    takes = [
        (document_id, content_type)
        for document_id, status, claimed_at, content_type in pending
        if status == DocumentStatus.UPLOADED
        or (status == DocumentStatus.EXTRACTING and claimed_at is not None and claimed_at < cutoff)
    ]
    batches: list[list[uuid.UUID]] = []
    pdfs: list[uuid.UUID] = []
    for document_id, content_type in takes:
        if content_type != "application/pdf":
            batches.append([document_id])
            continue
        if not pdfs:
            batches.append(pdfs)
        pdfs.append(document_id)
    return ExtractionPlan(batches=batches, others_pending=len(takes) < len(pending))


@transaction.atomic
def documents_reset_for_reextraction(*, applicant_id: uuid.UUID | str) -> int:
    """Put the household's finished documents back to ``UPLOADED`` (claims in flight are left alone)."""
    return Document.objects.filter(
        applicant_id__in=Applicant.objects.household_of(applicant_id).values("id"),
        status__in=[DocumentStatus.EXTRACTED, DocumentStatus.FAILED],
    ).update(status=DocumentStatus.UPLOADED, error="", claimed_at=None)
