"""The applicant's writes: upload slots and the submission that starts the pipeline."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, field

import structlog
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from applicants import errors
from applicants.crypto import nif_index_for
from applicants.identifiers import nif_normalize
from applicants.models import Applicant, ApplicantStatus, FormStatus, IntakeFormRequest
from applicants.text import fold_accents
from documents.models import Document, DocumentStatus
from documents.sniff import ALLOWED_CONTENT_TYPES, SNIFF_BYTES, sniff_content_type
from documents.storage import document_store
from screening import pipeline

logger = structlog.get_logger(__name__)

_UNSAFE_FILENAME_CHARS = re.compile(r"[^A-Za-z0-9._-]+")


def safe_filename(filename: str) -> str:
    """ASCII, no path parts, at most 100 characters, never empty or hidden."""
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    ascii_name = fold_accents(base).encode("ascii", "ignore").decode("ascii")
    cleaned = _UNSAFE_FILENAME_CHARS.sub("-", ascii_name).strip(".-")
    if not cleaned:
        cleaned = "ficheiro"
    if len(cleaned) > 100:
        stem, _, extension = cleaned.rpartition(".")
        cleaned = (stem[: 95 - len(extension)] + "." + extension) if stem else cleaned[:100]
    return cleaned


def upload_key_prefix(form_request: IntakeFormRequest) -> str:
    return f"uploads/{form_request.id}/"


def form_request_check_writable(form_request: IntakeFormRequest) -> None:
    if form_request.status == FormStatus.COMPLETED:
        raise errors.FormAlreadySubmitted()
    if form_request.is_expired:
        raise errors.FormExpired()


def content_type_check(content_type: str) -> None:
    if content_type not in ALLOWED_CONTENT_TYPES:
        raise errors.FileTypeNotAllowed()


@dataclass(frozen=True)
class IssuedUploadSlot:
    key: str
    url: str
    fields: dict[str, str]
    expires_in: int


def upload_slot_issue(
    *, form_request: IntakeFormRequest, filename: str, content_type: str, size: int
) -> IssuedUploadSlot:
    """A direct-to-storage upload slot for one file of this form (declared type and size)."""
    form_request_check_writable(form_request)
    content_type_check(content_type)
    if size > settings.INTAKE_MAX_FILE_SIZE:
        raise errors.FileTooLarge()
    key = f"{upload_key_prefix(form_request)}{uuid.uuid4()}/{safe_filename(filename)}"
    slot = document_store().upload_slot(key=key, content_type=content_type, max_size=size)
    return IssuedUploadSlot(key=key, url=slot.url, fields=slot.fields, expires_in=slot.expires_in)


@dataclass(frozen=True)
class SubmittedDocument:
    key: str
    original_filename: str
    content_type: str
    document_type: str


@dataclass(frozen=True)
class SubmissionData:
    nif: str
    name: str
    date_of_birth: dt.date
    email: str
    phone: str
    terms_accepted: bool
    documents: list[SubmittedDocument] = field(default_factory=list)


_KEY_SHAPE = re.compile(r"^uploads/[0-9a-f-]{36}/[0-9a-f-]{36}/[A-Za-z0-9._-]{1,100}$")


@dataclass(frozen=True)
class VerifiedDocument:
    submitted: SubmittedDocument
    content_type: str
    size: int


def submitted_documents_verify(
    *, form_request: IntakeFormRequest, documents: list[SubmittedDocument]
) -> list[VerifiedDocument]:
    """Check each key belongs to this form, exists, fits the limit and really is PDF/JPEG/PNG."""
    if len(documents) > settings.INTAKE_MAX_DOCUMENTS:
        raise errors.TooManyDocuments(f"No máximo {settings.INTAKE_MAX_DOCUMENTS} documentos por candidatura.")
    prefix = upload_key_prefix(form_request)
    seen: set[str] = set()
    for document in documents:
        if not document.key.startswith(prefix) or not _KEY_SHAPE.match(document.key) or document.key in seen:
            raise errors.InvalidStorageKey()
        seen.add(document.key)
    store = document_store()
    verified = []
    for document in documents:
        stored = store.stat(document.key)
        if stored is None:
            raise errors.FileNotFound()
        if stored.size > settings.INTAKE_MAX_FILE_SIZE:
            raise errors.FileTooLarge()
        sniffed = sniff_content_type(store.read_head(document.key, SNIFF_BYTES)) if stored.size else None
        if sniffed is None:
            raise errors.FileTypeNotAllowed("O conteúdo do ficheiro não é PDF, JPEG nem PNG.")
        verified.append(VerifiedDocument(submitted=document, content_type=sniffed, size=stored.size))
    return verified


def applicant_submit(*, form_request: IntakeFormRequest, data: SubmissionData, consent_ip: str = "") -> Applicant:
    """Store a submission (PII encrypted) and queue its pipeline once the transaction commits.

    The form row is locked so one form yields one applicant; a repeated NIF
    is a 409 (the unique constraint is the last guard), any other write to a
    completed form a 410.
    """
    if data.terms_accepted is not True:
        raise errors.TermsNotAccepted()
    nif_index = nif_index_for(data.nif)
    # Object storage checks happen before the transaction: they are network calls.
    verified = submitted_documents_verify(form_request=form_request, documents=data.documents)
    with transaction.atomic():
        locked = IntakeFormRequest.objects.select_for_update().get(pk=form_request.pk)
        if locked.status == FormStatus.COMPLETED:
            if Applicant.objects.filter(form_request=locked, nif_index=nif_index).exists():
                raise errors.DuplicateSubmission()
            raise errors.FormAlreadySubmitted()
        if locked.is_expired:
            raise errors.FormExpired()
        now = timezone.now()
        try:
            with transaction.atomic():
                applicant = Applicant.objects.create(
                    organization_id=locked.organization_id,
                    form_request=locked,
                    nif=nif_normalize(data.nif),
                    nif_index=nif_index,
                    name=data.name.strip(),
                    date_of_birth=data.date_of_birth,
                    email=data.email.strip(),
                    phone=data.phone.strip(),
                    status=ApplicantStatus.PROCESSING,
                    consent_text_version=settings.CONSENT_TEXT_VERSION,
                    consent_given_at=now,
                    consent_ip=consent_ip,
                    processing_started_at=now,
                )
        except IntegrityError as exc:
            raise errors.DuplicateSubmission() from exc
        Document.objects.bulk_create(
            [
                Document(
                    organization_id=locked.organization_id,
                    applicant=applicant,
                    document_type=item.submitted.document_type,
                    storage_key=item.submitted.key,
                    original_filename=item.submitted.original_filename[:255],
                    content_type=item.content_type,
                    size=item.size,
                    status=DocumentStatus.UPLOADED,
                )
                for item in verified
            ]
        )
        locked.status = FormStatus.COMPLETED
        locked.completed_at = now
        locked.save(update_fields=["status", "completed_at"])
        applicant_id = applicant.id
        transaction.on_commit(lambda: _pipeline_start(applicant_id))
    return applicant


def _pipeline_start(applicant_id: uuid.UUID) -> None:
    """Queue the pipeline; the submission is already committed, so a broker
    outage must not turn it into an error: the applicant stays PROCESSING, the
    stuck-work sweep flags it and ``requeue_stuck`` (or a re-run) queues it."""
    try:
        pipeline.pipeline_start(applicant_id=applicant_id)
    except Exception as exc:
        logger.error("pipeline.enqueue_failed", applicant_id=str(applicant_id), error=exc.__class__.__name__)
