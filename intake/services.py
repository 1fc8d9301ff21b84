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
from documents.models import Document, DocumentStatus, UploadSlot
from documents.sniff import ALLOWED_CONTENT_TYPES, SNIFF_BYTES, sniff_content_type
from documents.storage import document_store
from documents.storage.cleanup import (
    stored_files_delete_after_commit,
    stored_files_delete_now,
    stored_files_schedule_deletion,
    stored_files_unschedule,
)
from screening import pipeline

logger = structlog.get_logger(__name__)

# The extension a key carries for each allowed type: keys hold ids and this, never a file name.
EXTENSIONS = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}

# A submission copies its uploads before its transaction; if the process dies in between, the
# copies' deletion, scheduled this far ahead, still happens (the transaction cancels it).
_COPY_ORPHAN_GRACE = dt.timedelta(hours=1)


def upload_key_prefix(form_request: IntakeFormRequest) -> str:
    return f"uploads/{form_request.id}/"


def document_storage_key(*, organization_id: uuid.UUID, document_id: uuid.UUID, content_type: str) -> str:
    """Where a submitted document's immutable copy lives: outside ``uploads/``, ids only."""
    return f"documents/{organization_id}/{document_id}.{EXTENSIONS[content_type]}"


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
    """A direct-to-storage upload slot for one file of this form (declared type and size).

    The key is ``uploads/<form>/<uuid>.<ext>``: ``filename`` never enters it
    (names often carry the person's name; the submission keeps the name
    encrypted). Each slot is recorded, at most ``INTAKE_MAX_UPLOAD_SLOTS`` per
    form, and its object is scheduled for deletion ``INTAKE_UPLOAD_RETENTION_DAYS``
    after the slot expires, unless a submission takes it first.
    """
    form_request_check_writable(form_request)
    content_type_check(content_type)
    if size > settings.INTAKE_MAX_FILE_SIZE:
        raise errors.FileTooLarge()
    key = f"{upload_key_prefix(form_request)}{uuid.uuid4()}.{EXTENSIONS[content_type]}"
    expires_at = timezone.now() + dt.timedelta(seconds=settings.INTAKE_UPLOAD_URL_TTL)
    with transaction.atomic():
        # The form's row lock makes check, count and insert one step: two requests cannot both take the
        # last slot, and none is issued once a concurrent submission has completed the form.
        form_request_check_writable(IntakeFormRequest.objects.select_for_update().get(pk=form_request.pk))
        if UploadSlot.objects.filter(form_request=form_request).count() >= settings.INTAKE_MAX_UPLOAD_SLOTS:
            raise errors.TooManyUploads()
        UploadSlot.objects.create(form_request=form_request, key=key, expires_at=expires_at)
        stored_files_schedule_deletion(
            keys=[key], due_at=expires_at + dt.timedelta(days=settings.INTAKE_UPLOAD_RETENTION_DAYS)
        )
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


_KEY_SHAPE = re.compile(r"^uploads/[0-9a-f-]{36}/[0-9a-f-]{36}\.(?:pdf|jpg|png)$")


@dataclass(frozen=True)
class VerifiedDocument:
    """A submitted upload, copied to its immutable key; what was verified is the copy."""

    submitted: SubmittedDocument
    document_id: uuid.UUID
    storage_key: str
    content_type: str
    size: int
    sha256: str


def submitted_keys_check(*, form_request: IntakeFormRequest, documents: list[SubmittedDocument]) -> None:
    """At most ``INTAKE_MAX_DOCUMENTS``; each key one of this form's upload keys, and no key twice."""
    if len(documents) > settings.INTAKE_MAX_DOCUMENTS:
        raise errors.TooManyDocuments(f"No máximo {settings.INTAKE_MAX_DOCUMENTS} documentos por candidatura.")
    prefix = upload_key_prefix(form_request)
    seen: set[str] = set()
    for document in documents:
        if not document.key.startswith(prefix) or not _KEY_SHAPE.match(document.key) or document.key in seen:
            raise errors.InvalidStorageKey()
        seen.add(document.key)


def submitted_documents_copy(
    *, form_request: IntakeFormRequest, documents: list[SubmittedDocument]
) -> list[VerifiedDocument]:
    """Copy each upload to ``documents/<organization>/<document>.<ext>`` and verify the copy.

    Only the copy is read from then on, and no upload slot can write to it, so
    replacing an upload later (an S3 POST policy stays valid for its whole TTL)
    changes nothing: the size limit, the magic bytes and the SHA-256 are those
    of the bytes extraction will read. On any refusal the copies made so far are
    deleted; should the process die instead, their deletion is already scheduled.
    """
    store = document_store()
    planned: list[tuple[SubmittedDocument, uuid.UUID, str]] = []
    for document in documents:
        stored = store.stat(document.key)
        if stored is None:
            raise errors.FileNotFound()
        if stored.size > settings.INTAKE_MAX_FILE_SIZE:
            raise errors.FileTooLarge()
        sniffed = sniff_content_type(store.read_head(document.key, SNIFF_BYTES)) if stored.size else None
        if sniffed is None:
            raise errors.FileTypeNotAllowed("O conteúdo do ficheiro não é PDF, JPEG nem PNG.")
        document_id = uuid.uuid4()
        planned.append((document, document_id, sniffed))
    copies = {
        document_id: document_storage_key(
            organization_id=form_request.organization_id, document_id=document_id, content_type=sniffed
        )
        for _, document_id, sniffed in planned
    }
    stored_files_schedule_deletion(keys=copies.values(), due_at=timezone.now() + _COPY_ORPHAN_GRACE)
    verified = []
    try:
        for document, document_id, sniffed in planned:
            try:
                copied = store.copy(source=document.key, destination=copies[document_id])
            except FileNotFoundError as exc:
                raise errors.FileNotFound() from exc
            if copied.size > settings.INTAKE_MAX_FILE_SIZE:
                raise errors.FileTooLarge()
            # The upload may have been replaced since it was sniffed: what counts is the copy.
            if copied.size == 0 or sniff_content_type(store.read_head(copied.key, SNIFF_BYTES)) != sniffed:
                raise errors.FileTypeNotAllowed("O conteúdo do ficheiro não é PDF, JPEG nem PNG.")
            verified.append(
                VerifiedDocument(
                    submitted=document,
                    document_id=document_id,
                    storage_key=copied.key,
                    content_type=sniffed,
                    size=copied.size,
                    sha256=copied.sha256,
                )
            )
    except Exception:
        stored_files_delete_now(keys=copies.values())
        raise
    return verified


def applicant_submit(*, form_request: IntakeFormRequest, data: SubmissionData, consent_ip: str = "") -> Applicant:
    """Store a submission (PII encrypted) and queue its pipeline once the transaction commits.

    The form row is locked so one form yields one applicant. Once the form is
    complete every submission is a 410 ``form_already_submitted``, whatever
    its NIF: answering "this NIF already submitted" differently would let a
    holder of a leaked link test a guessed NIF. (A 409 is left only where the
    ``(form, NIF)`` unique constraint fires on a form that is not complete,
    which the lock makes impossible short of a form reopened by hand.)

    Each document is copied to an immutable key and verified there before
    the transaction; after it commits the form's uploads are deleted and its
    upload slots are closed.
    """
    if data.terms_accepted is not True:
        raise errors.TermsNotAccepted()
    form_request_check_writable(form_request)
    nif_index = nif_index_for(data.nif)
    submitted_keys_check(form_request=form_request, documents=data.documents)
    # Object storage work happens before the transaction: it is network calls.
    try:
        verified = submitted_documents_copy(form_request=form_request, documents=data.documents)
    except errors.BusinessRuleError:
        # A concurrent submission of this form may have taken (and deleted) the uploads first: answer as it would.
        if IntakeFormRequest.objects.filter(pk=form_request.pk, status=FormStatus.COMPLETED).exists():
            raise errors.FormAlreadySubmitted() from None
        raise
    try:
        return _applicant_create(
            form_request=form_request, data=data, nif_index=nif_index, verified=verified, consent_ip=consent_ip
        )
    except Exception:
        stored_files_delete_now(keys=[item.storage_key for item in verified])
        raise


def _applicant_create(
    *,
    form_request: IntakeFormRequest,
    data: SubmissionData,
    nif_index: str,
    verified: list[VerifiedDocument],
    consent_ip: str,
) -> Applicant:
    with transaction.atomic():
        locked = IntakeFormRequest.objects.select_for_update().get(pk=form_request.pk)
        if locked.status == FormStatus.COMPLETED:
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
                    id=item.document_id,
                    organization_id=locked.organization_id,
                    applicant=applicant,
                    document_type=item.submitted.document_type,
                    storage_key=item.storage_key,
                    original_filename=item.submitted.original_filename[:255],
                    content_type=item.content_type,
                    size=item.size,
                    sha256=item.sha256,
                    status=DocumentStatus.UPLOADED,
                )
                for item in verified
            ]
        )
        stored_files_unschedule(keys=[item.storage_key for item in verified])
        # Every upload of the form is garbage now (copied, or never submitted), and its slots close:
        # the local endpoint refuses a second POST to any of them.
        slots = UploadSlot.objects.filter(form_request=locked)
        uploads = {*slots.values_list("key", flat=True), *(item.submitted.key for item in verified)}
        slots.filter(used_at__isnull=True).update(used_at=now)
        locked.status = FormStatus.COMPLETED
        locked.completed_at = now
        locked.save(update_fields=["status", "completed_at"])
        applicant_id = applicant.id
        transaction.on_commit(lambda: _pipeline_start(applicant_id))
        stored_files_delete_after_commit(keys=uploads)
    return applicant


def _pipeline_start(applicant_id: uuid.UUID) -> None:
    """Queue the pipeline; the submission is already committed, so a broker
    outage must not turn it into an error: the applicant stays PROCESSING, the
    beat sweep finds it stalled and sends its chain again (``requeue_stuck`` does the same at once)."""
    try:
        pipeline.pipeline_start(applicant_id=applicant_id)
    except Exception as exc:
        logger.error("pipeline.enqueue_failed", applicant_id=str(applicant_id), error=exc.__class__.__name__)
