"""The applicant's second round: the documents the agency asked for, and the applicant's own view.

Both write only what the person holding the link sends about themselves;
their personal data stays as they submitted it.
"""

from __future__ import annotations

import uuid

from django.core.exceptions import ObjectDoesNotExist
from django.db import IntegrityError, transaction
from django.utils import timezone

from applicants import errors
from applicants.models import Applicant, AuditAction, Contest, ContestStatus, InfoRequest, IntakeFormRequest
from applicants.notifications import StaffNotice, staff_notify
from applicants.selectors import IntakeLink
from applicants.services import audit_record
from documents.models import Document
from documents.storage.cleanup import stored_files_delete_now
from intake.services import (
    SubmittedDocument,
    VerifiedDocument,
    application_start_if_complete,
    documents_create,
    info_request_open,
    link_close,
    submitted_documents_copy,
    submitted_keys_check,
)
from screening.selectors import report_latest

# Open comments a person may have at once: enough to add to one, bounded against a flood.
MAX_OPEN_CONTESTS = 3


def additional_documents_receive(*, link: IntakeLink, documents: list[SubmittedDocument]) -> InfoRequest:
    """Take the documents a request asked for; once nobody in the household owes any, screen it again.

    Only the requested document types are accepted, each of them at least once. The uploads are copied
    and verified like a submission's, then stored as the person's documents
    (tagged with the request), the request is answered and the link's uploads
    close again. The re-run extracts the new documents, reuses the ones
    already read, and writes a report that replaces the current one (kept in
    the history, the new one flagged as a resubmission).
    """
    info_request = info_request_open(link)
    if info_request is None:
        person = link.own_applicant()
        if person is not None and _erased(person.pk):  # the link was opened before the erasure committed
            raise errors.DataErased()
        raise errors.NoDocumentsRequested()
    try:
        return _answer_receive(link=link, documents=documents, info_request=info_request)
    except (errors.BusinessRuleError, ObjectDoesNotExist, IntegrityError) as exc:
        # The person erased while their answer was read (blind probe r77a, F3: 500 one race in 3): the request went
        # with them (``DoesNotExist`` under the lock), or their uploads did (``file_not_found``). Nothing of the
        # answer is kept: the copies are deleted below, and the erasure took the uploads.
        if _erased(info_request.applicant_id):
            raise errors.DataErased() from exc
        raise


def _erased(applicant_id: uuid.UUID) -> bool:
    return not Applicant.objects.filter(pk=applicant_id).exists()


def _answer_receive(*, link: IntakeLink, documents: list[SubmittedDocument], info_request: InfoRequest) -> InfoRequest:
    if not documents:
        raise errors.RequestedDocumentMissing()
    sent = {document.document_type for document in documents}
    if sent - info_request.document_types:
        raise errors.DocumentTypeNotRequested()
    if info_request.document_types - sent:
        raise errors.RequestedDocumentMissing()
    submitted_keys_check(link=link, documents=documents)
    try:
        verified = submitted_documents_copy(form_request=link.form_request, documents=documents)
    except errors.BusinessRuleError:
        # The same answer sent twice at once: the first one's commit moves (deletes) the uploads the second is
        # copying, which read as 400 file_not_found, a failed upload to the client (probe C28). Answered (or
        # closed) by now means a retry: the contract's 409, as when the second arrives later.
        if not InfoRequest.objects.filter(pk=info_request.pk).unanswered().exists():
            raise errors.NoDocumentsRequested() from None
        raise
    try:
        with transaction.atomic():
            IntakeFormRequest.objects.select_for_update().get(pk=link.form_request.pk)
            locked = InfoRequest.objects.select_for_update().select_related("applicant").get(pk=info_request.pk)
            if locked.answered_at is not None or locked.closed_at is not None:
                raise errors.NoDocumentsRequested()
            now = timezone.now()
            person = locked.applicant
            answer_check_new_files(person=person, verified=verified)
            documents_create(applicant=person, verified=verified, info_request=locked)
            link_close(link=link, verified=verified, now=now)
            locked.answered_at = now
            locked.save(update_fields=["answered_at"])
            audit_record(
                action=AuditAction.DOCUMENTS_RESUBMITTED,
                target_type="applicant",
                target_id=person.id,
                organization=person.organization,
                details={"info_request_id": str(locked.id), "documents": len(verified)},
            )
            _rescreen_when_answered(person)
    except Exception:
        stored_files_delete_now(keys=[item.storage_key for item in verified])
        raise
    return locked


def answer_check_new_files(*, person: Applicant, verified: list[VerifiedDocument]) -> None:
    """A second round's file must not be one this person already sent (the same bytes): the asked-for document
    would still be missing, and nobody would say so (blind probe C29: September's payslip sent again for
    August's, answered "Documentos enviados"). Refused before anything is stored; the uploads stay, to replace."""
    sent_before = set(Document.objects.filter(applicant=person).values_list("sha256", flat=True))
    for index, item in enumerate(verified):
        if item.sha256 in sent_before:
            raise errors.DocumentAlreadySent(document=index)


def _rescreen_when_answered(person: Applicant) -> None:
    """Screen the household again once every request made of it is answered (or closed), and once it waits for
    nobody it invited: staff may ask for more before any report (docs/api.md, the decision), and an answer then
    screened at once, leaving out a guarantor still invited as only a forced screening may (blind probe r72a). An
    application still waiting is screened, the answer's documents with the rest, when its last person submits."""
    if person.application is not None:
        application_start_if_complete(application=person.application)


def contest_receive(*, link: IntakeLink, message: str) -> Contest:
    """The person's comment on, or contest of, the result: an open item for staff, audited and notified."""
    person = link.own_applicant()
    if person is None or report_latest(applicant=person) is None:
        raise errors.NotScreenedYet()
    with transaction.atomic():
        locked = Applicant.objects.select_for_update().get(pk=person.pk)
        if Contest.objects.filter(applicant=locked, status=ContestStatus.OPEN).count() >= MAX_OPEN_CONTESTS:
            raise errors.TooManyContests()
        contest = Contest.objects.create(
            organization_id=locked.organization_id, applicant=locked, message=message.strip()
        )
        audit_record(
            action=AuditAction.CONTEST_RECEIVED,
            target_type="applicant",
            target_id=locked.id,
            organization=person.organization,
            details={"contest_id": str(contest.id)},
        )
        organization_id, applicant_id = locked.organization_id, locked.id
        transaction.on_commit(lambda: _notify(organization_id, applicant_id))
    return contest


def _notify(organization_id: uuid.UUID, applicant_id: uuid.UUID) -> None:
    staff_notify(organization_id=organization_id, notice=StaffNotice.CONTEST, applicant_id=applicant_id)
