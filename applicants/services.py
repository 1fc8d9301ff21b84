"""Writes for agencies, intake forms, submissions, decisions and the audit trail."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Permission
from django.db import IntegrityError, transaction
from django.utils import timezone
from rest_framework.authtoken.models import Token

from applicants import errors
from applicants.crypto import blind_index
from applicants.identifiers import nif_normalize
from applicants.models import (
    Applicant,
    ApplicantStatus,
    AuditAction,
    AuditEvent,
    Decision,
    FormStatus,
    IntakeFormRequest,
    Membership,
    MembershipRole,
    Organization,
)
from applicants.tokens import intake_token_hash, intake_token_new
from documents.models import Document, DocumentStatus
from documents.sniff import ALLOWED_CONTENT_TYPES, SNIFF_BYTES, sniff_content_type
from documents.storage import document_store


def nif_index_for(raw_nif: str) -> str:
    return blind_index(nif_normalize(raw_nif))


def audit_record(
    *,
    action: str,
    target_type: str,
    target_id: Any,
    organization: Organization | None = None,
    actor: Any = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append to the audit trail. ``details`` must hold ids and counts only."""
    return AuditEvent.objects.create(
        organization=organization,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        target_type=target_type,
        target_id=str(target_id),
        details=details or {},
    )


@dataclass(frozen=True)
class AgencyCredentials:
    organization: Organization
    user: AbstractBaseUser
    token: str


STAFF_PERMISSIONS = (
    ("applicants", "view_intakeformrequest"),
    ("applicants", "add_intakeformrequest"),
    ("applicants", "view_applicant"),
    ("applicants", "view_pii"),
    ("applicants", "view_decision"),
    ("applicants", "add_decision"),
    ("documents", "view_document"),
    ("documents", "view_extracteddata"),
    ("screening", "view_screeningreport"),
    ("applicants", "view_auditevent"),
)


@transaction.atomic
def agency_create(*, name: str, staff_email: str, password: str | None = None) -> AgencyCredentials:
    """Create an agency, its first (admin) staff user and an API token."""
    user_model = get_user_model()
    organization = Organization.objects.create(name=name)
    user = user_model.objects.create_user(
        username=staff_email, email=staff_email, password=password, is_staff=password is not None
    )
    if password is None:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    Membership.objects.create(user=user, organization=organization, role=MembershipRole.ADMIN)
    staff_permissions_grant(user=user, admin=True)
    token = Token.objects.create(user=user)
    return AgencyCredentials(organization=organization, user=user, token=token.key)


AGENCY_ADMIN_PERMISSIONS = (
    # Thresholds (taxa de esforço), loan terms and retention periods are the agency's to set.
    ("applicants", "view_organization"),
    ("applicants", "change_organization"),
)


def staff_permissions_grant(*, user: Any, admin: bool = False) -> None:
    wanted = STAFF_PERMISSIONS + (AGENCY_ADMIN_PERMISSIONS if admin else ())
    permissions = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename) for app_label, codename in wanted
    ]
    user.user_permissions.add(*permissions)


@dataclass(frozen=True)
class CreatedFormRequest:
    form_request: IntakeFormRequest
    token: str

    @property
    def intake_url(self) -> str:
        return f"{settings.PUBLIC_BASE_URL}/intake/{self.token}/"


def form_request_create(
    *,
    organization: Organization,
    created_by: Any,
    listing_type: str,
    property_type: str,
    property_title: str,
    property_price: Decimal,
    expires_in_days: int | None = None,
    expires_at: dt.datetime | None = None,
) -> CreatedFormRequest:
    """Create a form request. The plain token exists only in the return value.

    Expiry: ``expires_at`` if given, else ``expires_in_days`` from now, else the default.
    """
    token = intake_token_new()
    days = expires_in_days if expires_in_days is not None else settings.INTAKE_DEFAULT_EXPIRY_DAYS
    form_request = IntakeFormRequest.objects.create(
        organization=organization,
        created_by=created_by if getattr(created_by, "is_authenticated", False) else None,
        listing_type=listing_type,
        property_type=property_type,
        property_title=property_title,
        property_price=property_price,
        token_hash=intake_token_hash(token),
        expires_at=expires_at or timezone.now() + dt.timedelta(days=days),
    )
    return CreatedFormRequest(form_request=form_request, token=token)


_UNSAFE_FILENAME_CHARS = re.compile(r"[^A-Za-z0-9._-]+")


def safe_filename(filename: str) -> str:
    """ASCII, no path parts, at most 100 characters, never empty or hidden."""
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    ascii_name = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode("ascii")
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
    import structlog

    from screening.pipeline import pipeline_start

    try:
        pipeline_start(applicant_id=applicant_id)
    except Exception as exc:
        structlog.get_logger(__name__).error(
            "pipeline.enqueue_failed", applicant_id=str(applicant_id), error=exc.__class__.__name__
        )


@transaction.atomic
def decision_record(*, applicant: Applicant, decided_by: Any, decision: str, reason: str) -> Decision:
    """Record a person's decision (append-only history) and audit it."""
    if not reason.strip():
        raise ValueError("a decision needs a reason")
    recorded = Decision.objects.create(
        organization_id=applicant.organization_id,
        applicant=applicant,
        decision=decision,
        reason=reason.strip(),
        decided_by=decided_by if getattr(decided_by, "is_authenticated", False) else None,
    )
    audit_record(
        action=AuditAction.DECISION_RECORDED,
        target_type="applicant",
        target_id=applicant.id,
        organization=applicant.organization,
        actor=decided_by,
        details={"decision": decision, "decision_id": str(recorded.id)},
    )
    return recorded


def pii_view_record(*, applicant: Applicant, actor: Any, surface: str) -> None:
    audit_record(
        action=AuditAction.PII_VIEWED,
        target_type="applicant",
        target_id=applicant.id,
        organization=applicant.organization,
        actor=actor,
        details={"surface": surface},
    )
