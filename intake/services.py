"""The applicant's writes: upload slots and the submission that starts the pipeline."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

import structlog
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applicants import errors
from applicants.crypto import nif_index_for
from applicants.identifiers import nif_normalize
from applicants.models import (
    Applicant,
    ApplicantStatus,
    Application,
    ApplicationStatus,
    AuditAction,
    FormStatus,
    InfoRequest,
    IntakeFormRequest,
    Invitation,
    InvitationStatus,
    Organization,
    Role,
)
from applicants.notice import NoticeText, notice_text, notice_texts
from applicants.selectors import IntakeLink
from applicants.services import audit_record, consent_notice_record, name_index_refresh
from applicants.text import fold
from applicants.tokens import intake_token_hash, intake_token_new
from documents.models import Document, DocumentStatus, UploadSlot
from documents.sniff import ALLOWED_CONTENT_TYPES, HEIF_CONTENT_TYPES, SNIFF_BYTES, heif_photo, sniff_content_type
from documents.storage import document_store
from documents.storage.cleanup import (
    stored_files_delete_after_commit,
    stored_files_delete_now,
    stored_files_schedule_deletion,
    stored_files_unschedule,
)
from intake import mail
from screening import pipeline
from screening.services import report_current_id

logger = structlog.get_logger(__name__)

# The extension a key carries for each allowed type: keys hold ids and this, never a file name.
EXTENSIONS = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}

# A submission copies its uploads before its transaction; if the process dies in between, the
# copies' deletion, scheduled this far ahead, still happens (the transaction cancels it).
_COPY_ORPHAN_GRACE = dt.timedelta(hours=1)


def document_storage_key(*, organization_id: uuid.UUID, document_id: uuid.UUID, content_type: str) -> str:
    """Where a submitted document's immutable copy lives: outside ``uploads/``, ids only."""
    return f"documents/{organization_id}/{document_id}.{EXTENSIONS[content_type]}"


def form_request_check_writable(form_request: IntakeFormRequest) -> None:
    if form_request.status == FormStatus.COMPLETED:
        raise errors.FormAlreadySubmitted()
    if form_request.is_expired:
        raise errors.FormExpired()


def link_expired_error(link: IntakeLink) -> errors.FormExpired:
    """``form_expired``, saying so when the link ended because a newer one was sent to the same person."""
    if link.form_link_replaced:
        return errors.FormLinkReplaced(form_request=link.form_request)
    if link.replaced:
        return errors.FormExpired(
            _(
                "Esta ligação foi substituída por uma mais recente, enviada por e-mail: use a ligação do último e-mail recebido."
            )
        )
    return errors.FormExpired()


def link_check_writable(link: IntakeLink) -> None:
    """The lead's link follows its form; an invited person's link is open until they submit, it
    expires, or the application's screening has started without them."""
    if link.invitation is None:
        if link.form_link_replaced:
            raise link_expired_error(link)
        form_request_check_writable(link.form_request)
        return
    if link.invitation.status == InvitationStatus.SUBMITTED:
        raise errors.FormAlreadySubmitted()
    if link.invitation.effective_status == InvitationStatus.EXPIRED:
        raise link_expired_error(link)
    link_check_not_left_out(link)


def link_check_not_left_out(link: IntakeLink) -> None:
    """An invited person who had not submitted when the application was screened without them (forced).

    Marked on the invitation when the run starts: an application that waits again for someone invited later
    does not bring them back (probe C28); only a new invitation does."""
    invitation = link.invitation
    if (
        invitation is not None
        and invitation.status != InvitationStatus.SUBMITTED
        and (invitation.left_out_at is not None or invitation.application.status != ApplicationStatus.WAITING)
    ):
        raise errors.FormAlreadySubmitted(_("A candidatura já seguiu para análise sem esta pessoa."))


def link_check_not_erased(link: IntakeLink) -> None:
    """A used link whose person is no longer held: erased on request or purged at the end of retention. The link
    said "COMPLETED" with nothing in it, and nothing told its holder their data was gone (end-to-end probe 17)."""
    if link.effective_status == FormStatus.COMPLETED and link.own_applicant() is None:
        raise errors.DataErased()


def info_request_open(link: IntakeLink) -> InfoRequest | None:
    """The request for more documents the link's person has yet to answer, if any."""
    person = link.own_applicant()
    if person is None:
        return None
    return InfoRequest.objects.filter(applicant=person).unanswered().order_by("-created_at").first()


def link_check_uploadable(link: IntakeLink, document_type: str | None = None) -> None:
    """A link takes uploads while open, and again once used while its person has documents to send: then only
    of the types asked for (refused when the slot is asked for, not after the upload at the submission)."""
    try:
        link_check_writable(link)
    except errors.FormAlreadySubmitted:
        info_request = info_request_open(link)
        if info_request is None:
            raise
        if document_type is not None and document_type not in info_request.document_types:
            raise errors.DocumentTypeNotRequested() from None


def content_type_check(content_type: str) -> None:
    if content_type.lower() in HEIF_CONTENT_TYPES:
        raise errors.FileTypeNotAllowed(errors.HEIC_NOT_ALLOWED)
    if content_type not in ALLOWED_CONTENT_TYPES:
        raise errors.FileTypeNotAllowed()


def content_refused(head: bytes, *, document: int) -> errors.FileTypeNotAllowed:
    """The refusal of a stored file whose bytes are no PDF, JPEG nor PNG: an iPhone's photo said as such."""
    if heif_photo(head):
        return errors.FileTypeNotAllowed(errors.HEIC_NOT_ALLOWED, document=document)
    return errors.FileTypeNotAllowed(_("O conteúdo do ficheiro não é PDF, JPEG nem PNG."), document=document)


@dataclass(frozen=True)
class IssuedUploadSlot:
    key: str
    url: str
    fields: dict[str, str]
    expires_in: int


def upload_slot_issue(
    *,
    form_request: IntakeFormRequest,
    filename: str,
    content_type: str,
    size: int,
    invitation: Invitation | None = None,
    document_type: str | None = None,
) -> IssuedUploadSlot:
    """A direct-to-storage upload slot for one file of this form (declared type and size).

    The key is ``uploads/<form>/<uuid>.<ext>``: ``filename`` never enters it
    (names often carry the person's name; the submission keeps the name
    encrypted). Each slot is recorded, at most ``INTAKE_MAX_UPLOAD_SLOTS`` per
    form, and its object is scheduled for deletion ``INTAKE_UPLOAD_RETENTION_DAYS``
    after the slot expires, unless a submission takes it first.
    """
    link = IntakeLink(form_request=form_request, invitation=invitation)
    link_check_uploadable(link, document_type)
    content_type_check(content_type)
    if size > settings.INTAKE_MAX_FILE_SIZE:
        raise errors.FileTooLarge()
    key = f"{link.upload_prefix}{uuid.uuid4()}.{EXTENSIONS[content_type]}"
    expires_at = timezone.now() + dt.timedelta(seconds=settings.INTAKE_UPLOAD_URL_TTL)
    with transaction.atomic():
        # The form's row lock makes check, count and insert one step: two requests cannot both take the
        # last slot, and none is issued once a concurrent submission has completed the form.
        locked = IntakeFormRequest.objects.select_for_update().get(pk=form_request.pk)
        link_check_uploadable(IntakeLink(form_request=locked, invitation=_fresh(invitation)))
        slots = UploadSlot.objects.filter(form_request=form_request, key__startswith=link.upload_prefix)
        # A replaced link's slots open nothing, and whoever held it cannot use up the new link's quota.
        slots = slots.exclude(pk__in=slots.issued_for_a_replaced_link().values("pk"))
        if slots.count() >= settings.INTAKE_MAX_UPLOAD_SLOTS:
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


def _fresh(invitation: Invitation | None) -> Invitation | None:
    """The invitation as the database has it now (read under the caller's lock)."""
    return None if invitation is None else Invitation.objects.select_related("application").get(pk=invitation.pk)


def submitted_keys_check(*, link: IntakeLink, documents: list[SubmittedDocument]) -> None:
    """At most ``INTAKE_MAX_DOCUMENTS``; each key one of this link's upload keys, and no key twice."""
    if len(documents) > settings.INTAKE_MAX_DOCUMENTS:
        raise errors.TooManyDocuments(
            _(
                "No máximo %(count)s documentos por candidatura: envie só os documentos pedidos para o seu perfil "
                "de rendimentos."
            )
            % {"count": settings.INTAKE_MAX_DOCUMENTS}
        )
    prefix = link.upload_prefix
    seen: set[str] = set()
    for index, document in enumerate(documents):
        if not document.key.startswith(prefix) or not _KEY_SHAPE.match(document.key):
            raise errors.InvalidStorageKey(document=index)
        if document.key in seen:
            # The same code (the contract's), but said as it is: the file does belong to this form (e2e probe 18).
            raise errors.InvalidStorageKey(
                _("O mesmo ficheiro foi indicado mais do que uma vez: indique cada um só uma vez."), document=index
            )
        seen.add(document.key)
    replaced = UploadSlot.objects.filter(form_request=link.form_request, key__in=seen).issued_for_a_replaced_link()
    old_link_keys = set(replaced.values_list("key", flat=True))
    for index, document in enumerate(documents):
        if document.key in old_link_keys:
            # A file sent through the form's old link, before or after staff replaced it: not the new link's.
            raise errors.InvalidStorageKey(
                _("Este ficheiro foi carregado com a ligação anterior, que a agência substituiu: carregue-o de novo."),
                document=index,
            )


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
    # Each refusal names its file by its index in ``documents`` (docs/api.md, Errors).
    for index, document in enumerate(documents):
        stored = store.stat(document.key)
        if stored is None:
            raise errors.FileNotFound(document=index)
        if stored.size > settings.INTAKE_MAX_FILE_SIZE:
            raise errors.FileTooLarge(document=index)
        head = store.read_head(document.key, SNIFF_BYTES) if stored.size else b""
        sniffed = sniff_content_type(head) if head else None
        if sniffed is None:
            raise content_refused(head, document=index)
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
        for index, (document, document_id, sniffed) in enumerate(planned):
            try:
                copied = store.copy(source=document.key, destination=copies[document_id])
            except FileNotFoundError as exc:
                raise errors.FileNotFound(document=index) from exc
            if copied.size > settings.INTAKE_MAX_FILE_SIZE:
                raise errors.FileTooLarge(document=index)
            # The upload may have been replaced since it was sniffed: what counts is the copy.
            if copied.size == 0 or sniff_content_type(store.read_head(copied.key, SNIFF_BYTES)) != sniffed:
                raise errors.FileTypeNotAllowed(_("O conteúdo do ficheiro não é PDF, JPEG nem PNG."), document=index)
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


@dataclass(frozen=True)
class HouseholdMember:
    """Someone the lead tenant (or staff) invites: their role, name and e-mail, as the inviter gave them."""

    role: str
    name: str
    email: str


@dataclass(frozen=True)
class CreatedInvitation:
    invitation: Invitation
    # The plain token exists only here: it goes to the invited person's mailbox (and, for staff, once to them).
    token: str

    @property
    def intake_url(self) -> str:
        return mail.intake_url(self.token)


@dataclass(frozen=True)
class Submission:
    applicant: Applicant
    application: Application
    invitations: list[CreatedInvitation]


def consent_notice_accepted(*, organization: Organization, language: str, sha256: str = "") -> NoticeText:
    """The notice a submission accepts: the one whose SHA-256 its page showed (in either language), else the
    notice in the request's language. A hash no current notice has means the notice changed since the page was
    read (the agency's contacts or retention, a processor switched on): the person must read it again, as what
    they accepted is what is kept (blind probe r64b, F2 and F11)."""
    if not sha256:
        return notice_text(organization=organization, language=language)
    for notice in notice_texts(organization=organization):
        if notice.sha256 == sha256:
            return notice
    raise errors.ConsentNoticeChanged()


def applicant_submit(
    *,
    form_request: IntakeFormRequest,
    data: SubmissionData,
    consent_ip: str = "",
    invitation: Invitation | None = None,
    household: list[HouseholdMember] | tuple[HouseholdMember, ...] = (),
    income_profile: str = "",
) -> Applicant:
    """Store a submission and queue what it allows; see ``submission_receive``."""
    return submission_receive(
        form_request=form_request,
        data=data,
        consent_ip=consent_ip,
        invitation=invitation,
        household=household,
        income_profile=income_profile,
    ).applicant


def submission_receive(
    *,
    form_request: IntakeFormRequest,
    data: SubmissionData,
    consent_ip: str = "",
    invitation: Invitation | None = None,
    household: list[HouseholdMember] | tuple[HouseholdMember, ...] = (),
    income_profile: str = "",
    consent_notice: NoticeText | None = None,
    link_token_hash: str = "",
) -> Submission:
    """Store one person's submission (PII encrypted) and queue the pipeline when the application is complete.

    The lead tenant's link (``invitation=None``) creates the application and
    invites ``household``; each invited person's link adds them to it. The
    application is screened once nobody it waits for is left; a single person
    is an application of one, screened at once as before.

    The form row is locked so one form yields one application, and so the
    household's writes are serialised. Once a link is used every submission on
    it is a 410 ``form_already_submitted``, whatever its NIF: answering "this
    NIF already submitted" differently would let a holder of a leaked link
    test a guessed NIF. Each document is copied to an immutable key and
    verified there before the transaction; after it commits the link's
    uploads are deleted and its upload slots are closed.
    """
    if data.terms_accepted is not True:
        raise errors.TermsNotAccepted()
    # ``link_token_hash``: the lead's token the request came with, so a link staff replace meanwhile is refused.
    link = IntakeLink(form_request=form_request, invitation=invitation, token_hash=link_token_hash)
    link_check_writable(link)
    if invitation is not None and household:
        raise errors.HouseholdNotAllowed()
    if len(household) > settings.INTAKE_MAX_HOUSEHOLD_MEMBERS:
        raise errors.TooManyPeople()
    nif_index = nif_index_for(data.nif)
    submitted_keys_check(link=link, documents=data.documents)
    # Object storage work happens before the transaction: it is network calls.
    try:
        verified = submitted_documents_copy(form_request=form_request, documents=data.documents)
    except errors.BusinessRuleError:
        # A concurrent submission on this link may have taken (and deleted) the uploads first: answer as it would.
        if link_used(link):
            raise errors.FormAlreadySubmitted() from None
        if invitation_erased(link):  # or an erasure took them with the application (blind probe r77a, F3)
            raise errors.DataErased() from None
        raise
    try:
        return _submission_create(
            link=link,
            data=data,
            nif_index=nif_index,
            verified=verified,
            consent_ip=consent_ip,
            household=list(household),
            income_profile=income_profile,
            consent_notice=consent_notice or notice_text(organization=form_request.organization, language="pt-PT"),
        )
    except Exception as exc:
        stored_files_delete_now(keys=[item.storage_key for item in verified])
        if isinstance(exc, ObjectDoesNotExist | IntegrityError) and invitation_erased(link):
            # The application erased between the link's lookup and the write: its invitation went with it (``_fresh``
            # found nothing under the lock), and its link answers 410 from now on; nothing of this one is kept.
            raise errors.DataErased() from exc
        raise


def invitation_erased(link: IntakeLink) -> bool:
    """An invited person's link whose invitation is gone: only an erasure or the retention purge deletes one (with
    the application, or with the person it named), and its token then answers 410 ``data_erased``."""
    return link.invitation is not None and not Invitation.objects.filter(pk=link.invitation.pk).exists()


def link_used(link: IntakeLink) -> bool:
    if link.invitation is None:
        return IntakeFormRequest.objects.filter(pk=link.form_request.pk, status=FormStatus.COMPLETED).exists()
    return Invitation.objects.filter(pk=link.invitation.pk, status=InvitationStatus.SUBMITTED).exists()


def _submission_create(
    *,
    link: IntakeLink,
    data: SubmissionData,
    nif_index: str,
    verified: list[VerifiedDocument],
    consent_ip: str,
    household: list[HouseholdMember],
    income_profile: str,
    consent_notice: NoticeText,
) -> Submission:
    with transaction.atomic():
        locked = IntakeFormRequest.objects.select_for_update().get(pk=link.form_request.pk)
        invitation = _fresh(link.invitation)
        # The link as it stands under the lock: staff may have replaced the form's link since it was opened.
        link_check_writable(IntakeLink(form_request=locked, invitation=invitation, token_hash=link.token_hash))
        now = timezone.now()
        if invitation is None:
            application = Application.objects.create(
                organization_id=locked.organization_id,
                form_request=locked,
                status=ApplicationStatus.WAITING if household else ApplicationStatus.PROCESSING,
            )
        else:
            application = invitation.application
        waiting = application.status == ApplicationStatus.WAITING
        applicant = _applicant_create(
            form_request=locked,
            application=application,
            role=invitation.role if invitation else Role.TENANT,
            data=data,
            nif_index=nif_index,
            consent_ip=consent_ip,
            income_profile=income_profile,
            status=ApplicantStatus.WAITING if waiting else ApplicantStatus.PROCESSING,
            now=now,
            consent_notice=consent_notice,
        )
        documents_create(applicant=applicant, verified=verified)
        link_close(link=IntakeLink(form_request=locked, invitation=invitation), verified=verified, now=now)
        if invitation is None:
            locked.status = FormStatus.COMPLETED
            locked.completed_at = now
            locked.save(update_fields=["status", "completed_at"])
        else:
            invitation.status = InvitationStatus.SUBMITTED
            invitation.applicant = applicant
            invitation.save(update_fields=["status", "applicant"])
        invitations = [
            invitation_create(application=application, role=m.role, name=m.name, email=m.email) for m in household
        ]
        if not waiting:
            pipeline.pipeline_start_on_commit(applicant_id=applicant.id)
        elif not invitations:
            application_start_if_complete(application=application)
    return Submission(applicant=applicant, application=application, invitations=invitations)


def _applicant_create(
    *,
    form_request: IntakeFormRequest,
    application: Application,
    role: str,
    data: SubmissionData,
    nif_index: str,
    consent_ip: str,
    income_profile: str,
    status: str,
    now: dt.datetime,
    consent_notice: NoticeText,
) -> Applicant:
    # No savepoint of its own: the error leaves the submission's transaction, which rolls back whole.
    try:
        applicant = Applicant.objects.create(
            organization_id=form_request.organization_id,
            form_request=form_request,
            application=application,
            role=role,
            income_profile=income_profile,
            nif=nif_normalize(data.nif),
            nif_index=nif_index,
            name=data.name.strip(),
            date_of_birth=data.date_of_birth,
            email=data.email.strip(),
            phone=data.phone.strip(),
            status=status,
            consent_text_version=consent_notice.version,
            consent_notice=consent_notice_record(notice=consent_notice),
            consent_given_at=now,
            consent_ip=consent_ip,
            processing_started_at=now if status == ApplicantStatus.PROCESSING else None,
        )
    except IntegrityError as exc:
        # The NIF is unique within an application (one application per form).
        raise errors.DuplicateSubmission() from exc
    name_index_refresh(applicant=applicant)
    return applicant


def documents_create(
    *, applicant: Applicant, verified: list[VerifiedDocument], info_request: InfoRequest | None = None
) -> None:
    Document.objects.bulk_create(
        [
            Document(
                id=item.document_id,
                organization_id=applicant.organization_id,
                applicant=applicant,
                info_request=info_request,
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


def link_close(*, link: IntakeLink, verified: list[VerifiedDocument], now: dt.datetime) -> None:
    """Every upload of the link is garbage now (copied, or never submitted), and its slots close:
    the local endpoint refuses a second POST to any of them."""
    slots = UploadSlot.objects.filter(form_request=link.form_request, key__startswith=link.upload_prefix)
    uploads = {*slots.values_list("key", flat=True), *(item.submitted.key for item in verified)}
    slots.filter(used_at__isnull=True).update(used_at=now)
    stored_files_delete_after_commit(keys=uploads)


def invitation_create(
    *, application: Application, role: str, name: str, email: str, invited_by_user: Any = None
) -> CreatedInvitation:
    """Invite a co-tenant or guarantor: their own token (stored hashed) and, after commit, their e-mail.

    Runs in the caller's transaction. An application that was already
    screened waits again for the new person; the next run includes them.
    """
    if role not in (Role.CO_TENANT, Role.GUARANTOR):
        raise errors.InvalidHouseholdRole()
    invitation_replace_same_person(application=application, role=role, name=name, email=email)
    # Expired (and re-sent) invitations, and those left out of a run, do not use up the household's places.
    live = (
        Invitation.objects.filter(application=application)
        .exclude(status=InvitationStatus.SENT, expires_at__lte=timezone.now())
        .exclude(status=InvitationStatus.SENT, left_out_at__isnull=False)
    )
    if live.count() >= settings.INTAKE_MAX_HOUSEHOLD_MEMBERS:
        raise errors.TooManyPeople()
    token = intake_token_new()
    invitation = Invitation.objects.create(
        organization_id=application.organization_id,
        application=application,
        role=role,
        name=name.strip(),
        email=email.strip(),
        token_hash=intake_token_hash(token),
        expires_at=timezone.now() + dt.timedelta(days=settings.INTAKE_DEFAULT_EXPIRY_DAYS),
        invited_by_user=invited_by_user if getattr(invited_by_user, "is_authenticated", False) else None,
    )
    if application.status != ApplicationStatus.WAITING:
        Application.objects.filter(pk=application.pk).update(status=ApplicationStatus.WAITING)
        application.status = ApplicationStatus.WAITING
    audit_record(
        action=AuditAction.INVITATION_SENT,
        target_type="application",
        target_id=application.id,
        organization=application.organization,
        actor=invited_by_user,
        details={"invitation_id": str(invitation.id), "role": role},
    )
    invitation_id = invitation.id
    transaction.on_commit(lambda: _invitation_mail(invitation_id, token))
    return CreatedInvitation(invitation=invitation, token=token)


def invitation_replace_same_person(*, application: Application, role: str, name: str, email: str) -> None:
    """Inviting again someone the application already invited (same role, e-mail and name) re-sends their link.

    Their earlier link ends now, as the admin's re-send does: two live links for one person left the application
    waiting for the one they did not use, and never screened (cases probe 7). A person who already submitted is
    not invited again (``invitation_submitted``). E-mails and names are encrypted: compared here, not in SQL.
    """
    now = timezone.now()
    answered_or_live = Invitation.objects.filter(
        application=application, role=role, status__in=[InvitationStatus.SENT, InvitationStatus.SUBMITTED]
    ).exclude(status=InvitationStatus.SENT, expires_at__lte=now)
    for earlier in answered_or_live:
        if earlier.email.strip().lower() != email.strip().lower() or same_words(earlier.name) != same_words(name):
            continue
        if earlier.status == InvitationStatus.SUBMITTED:
            raise errors.InvitationAlreadySubmitted()
        Invitation.objects.filter(pk=earlier.pk).update(expires_at=now)


def same_words(name: str) -> str:
    return " ".join(fold(name).split())


def lead_invites(*, link: IntakeLink, member: HouseholdMember) -> CreatedInvitation:
    """The lead tenant adds a co-tenant or guarantor from their page: after submitting, while the application
    waits for the people already invited (``application_not_waiting`` once its screening has started)."""
    if link.invitation is not None:
        raise errors.HouseholdNotAllowed()
    with transaction.atomic():
        locked = IntakeFormRequest.objects.select_for_update().get(pk=link.form_request.pk)
        if locked.is_expired and locked.status != FormStatus.COMPLETED:
            raise errors.FormExpired()
        application = Application.objects.filter(form_request=locked).first()
        if application is None:
            raise errors.HouseholdNotAllowed(_("Submeta primeiro os seus dados; depois pode convidar outras pessoas."))
        # Before the screening only (the contract): once screened, adding someone is the agency's call
        # (their invitation, or a request for more documents), not a way to reopen a decided application.
        if application.status != ApplicationStatus.WAITING:
            raise errors.ApplicationNotWaiting()
        lead_sends_check(application=application, member=member)
        return invitation_create(application=application, role=member.role, name=member.name, email=member.email)


# How many invitation e-mails an applicant's link can make the agency send: to one person (their first link and
# two re-sends), and for the whole application (each of its places invited and re-sent once, on average).
LEAD_SENDS_PER_PERSON = 3
LEAD_SENDS_PER_PLACE = 2


def lead_sends_check(*, application: Application, member: HouseholdMember) -> None:
    """Refuse (``too_many_invitations``) an invitation from the lead's link past the bounds above.

    A re-send ends the earlier link, so it never used up a place (``too_many_people``), and the only bound left
    was the link's write throttle: probe C27 had 25 of 25 re-sends to one address answered, each an e-mail sent
    as the agency. Every invitation counts, staff's and expired ones included: what is bounded is the mail a
    person (and an application) receives. Staff re-send past this (an admin's call, audited, authenticated).
    Runs under the form's row lock (``lead_invites``), so concurrent requests cannot both pass it.
    """
    invitations = list(Invitation.objects.filter(application=application))
    if len(invitations) >= LEAD_SENDS_PER_PLACE * settings.INTAKE_MAX_HOUSEHOLD_MEMBERS:
        raise errors.TooManyInvitations()
    to_person = [
        invitation
        for invitation in invitations
        if invitation.role == member.role
        and invitation.email.strip().lower() == member.email.strip().lower()
        and same_words(invitation.name) == same_words(member.name)
    ]
    if len(to_person) >= LEAD_SENDS_PER_PERSON:
        raise errors.TooManyInvitations()


def _invitation_mail(invitation_id: uuid.UUID, token: str) -> None:
    """After commit: a mail failure leaves the invitation unsent (``sent_at`` empty) for staff to re-send."""
    invitation = Invitation.objects.select_related("application__form_request__organization").get(pk=invitation_id)
    try:
        mail.invitation_mail_send(invitation=invitation, token=token)
    except Exception as exc:
        logger.error("invitation.mail_failed", invitation_id=str(invitation_id), error=exc.__class__.__name__)
        return
    Invitation.objects.filter(pk=invitation_id).update(sent_at=timezone.now())


def application_start_if_complete(*, application: Application) -> bool:
    """Screen the application once nobody it waits for is left: no invitation out (expired ones do not hold it)
    and no member owing documents staff asked for (a second round's answer screens it then; a guarantor joining
    first screened it without them, and the answer screened it again: blind probe r72a, reversed)."""
    if application_waits(application=application):
        return False
    application_start(application=application)
    return True


def application_waits(*, application: Application) -> bool:
    """Someone holds the application: an invitation still out (expired ones do not), or a member owing documents
    staff asked for. The one test of a household's start and of a staff re-run it defers (``applicant_rerun``)."""
    if application.invitations.outstanding(now=timezone.now()).exists():
        return True
    return InfoRequest.objects.filter(applicant__application=application).unanswered().exists()


def application_start(*, application: Application) -> None:
    """Everyone who submitted goes ``PROCESSING``; the chain runs under the lead after commit.

    In the caller's transaction. An application screened before (a person
    joined later, or staff force it again) replaces its current report.
    Invitations still out are left out of it for good (``left_out_at``): they
    no longer hold the application, nor its next run once someone invited
    later submits.
    """
    lead = application.members.filter(role=Role.TENANT).first()
    if lead is None:
        raise errors.FormAlreadySubmitted(_("A candidatura ainda não tem o arrendatário principal."))
    now = timezone.now()
    Application.objects.filter(pk=application.pk).update(status=ApplicationStatus.PROCESSING, updated_at=now)
    application.status = ApplicationStatus.PROCESSING
    application.members.update(status=ApplicantStatus.PROCESSING, failure_reason="", processing_started_at=now)
    application.invitations.outstanding(now=now).update(left_out_at=now)
    current = report_current_id(lead.id)
    pipeline.pipeline_start_on_commit(applicant_id=lead.id, force=current is not None, supersedes=current)
