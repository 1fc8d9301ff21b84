"""Staff side of the second round: decide (asking people for more documents) and answer a contest."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import structlog
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from applicants import errors
from applicants.models import (
    Applicant,
    AuditAction,
    Contest,
    ContestStatus,
    Decision,
    DecisionOutcome,
    InfoRequest,
)
from applicants.services import audit_record, decision_record
from applicants.tokens import intake_token_hash, intake_token_new
from intake import mail
from screening.selectors import report_latest

logger = structlog.get_logger(__name__)


@dataclass(frozen=True)
class RequestedDocument:
    document_type: str
    note: str = ""
    # Whom it is asked of: a member of the applicant's application; the applicant when omitted.
    applicant_id: uuid.UUID | None = None


def decision_take(
    *,
    applicant: Applicant,
    decided_by: Any,
    decision: str,
    reason: str,
    message_to_applicant: str = "",
    requested_documents: list[RequestedDocument] | tuple[RequestedDocument, ...] = (),
    due_at: dt.datetime | None = None,
) -> Decision:
    """Record the decision; a ``MORE_INFO`` with documents reopens each person's link for those uploads.

    Any new decision closes the household's unanswered requests (a new
    ``MORE_INFO`` replaces them). One request per person asked, with its own
    token, e-mailed after commit; the person's personal data stays locked.
    """
    if requested_documents and decision != DecisionOutcome.MORE_INFO:
        raise ValueError("documents are requested only with MORE_INFO")
    with transaction.atomic():
        household = {person.id: person for person in Applicant.objects.household_of(applicant.id)}
        asked = _requests_by_person(applicant=applicant, household=household, requested=requested_documents)
        now = timezone.now()
        InfoRequest.objects.filter(applicant_id__in=household).unanswered().update(closed_at=now)
        # The report the decision rests on: the one staff see now (a household's, for any member).
        report = report_latest(applicant=applicant)
        recorded = decision_record(
            applicant=applicant,
            decided_by=decided_by,
            decision=decision,
            reason=reason,
            report_id=report.id if report else None,
            message_to_applicant=message_to_applicant,
        )
        for person_id, items in asked.items():
            _info_request_create(
                person=household[person_id],
                decision=recorded,
                message=message_to_applicant,
                items=items,
                due_at=due_at or now + dt.timedelta(days=settings.INFO_REQUEST_DAYS),
                actor=decided_by,
            )
    return recorded


def _requests_by_person(
    *,
    applicant: Applicant,
    household: dict[uuid.UUID, Applicant],
    requested: list[RequestedDocument] | tuple[RequestedDocument, ...],
) -> dict[uuid.UUID, list[dict[str, str]]]:
    asked: dict[uuid.UUID, list[dict[str, str]]] = defaultdict(list)
    for item in requested:
        person_id = item.applicant_id or applicant.id
        if person_id not in household:
            raise errors.PersonNotInApplication()
        asked[person_id].append({"document_type": item.document_type, "note": item.note.strip()})
    return asked


def _info_request_create(
    *,
    person: Applicant,
    decision: Decision,
    message: str,
    items: list[dict[str, str]],
    due_at: dt.datetime,
    actor: Any,
) -> InfoRequest:
    token = intake_token_new()
    info_request = InfoRequest.objects.create(
        organization_id=person.organization_id,
        applicant=person,
        decision=decision,
        message=message.strip(),
        requested_documents=items,
        token_hash=intake_token_hash(token),
        due_at=due_at,
    )
    audit_record(
        action=AuditAction.DOCUMENTS_REQUESTED,
        target_type="applicant",
        target_id=person.id,
        organization=person.organization,
        actor=actor,
        details={
            "info_request_id": str(info_request.id),
            "document_types": sorted({item["document_type"] for item in items}),
        },
    )
    request_id = info_request.id
    transaction.on_commit(lambda: _info_request_mail(request_id, token))
    return info_request


def _info_request_mail(request_id: uuid.UUID, token: str) -> None:
    """After commit: a mail failure leaves ``mailed_at`` empty (staff see it was not sent)."""
    info_request = InfoRequest.objects.select_related("applicant__form_request__organization").get(pk=request_id)
    try:
        mail.info_request_mail_send(info_request=info_request, token=token)
    except Exception as exc:
        logger.error("info_request.mail_failed", info_request_id=str(request_id), error=exc.__class__.__name__)
        return
    InfoRequest.objects.filter(pk=request_id).update(mailed_at=timezone.now())


def contest_answer(*, contest: Contest, actor: Any, answer: str) -> Contest:
    """Staff answer an applicant's comment or contest; the answer is e-mailed to them after commit."""
    if not answer.strip():
        raise ValueError("an answer cannot be empty")
    with transaction.atomic():
        locked = Contest.objects.select_for_update().select_related("applicant").get(pk=contest.pk)
        if locked.status == ContestStatus.ANSWERED:
            raise errors.ContestAlreadyAnswered()
        locked.answer = answer.strip()
        locked.status = ContestStatus.ANSWERED
        locked.answered_by = actor if getattr(actor, "is_authenticated", False) else None
        locked.answered_at = timezone.now()
        locked.save(update_fields=["answer", "status", "answered_by", "answered_at"])
        audit_record(
            action=AuditAction.CONTEST_ANSWERED,
            target_type="applicant",
            target_id=locked.applicant_id,
            organization=locked.applicant.organization,
            actor=actor,
            details={"contest_id": str(locked.id)},
        )
        contest_id = locked.id
        transaction.on_commit(lambda: _contest_answer_mail(contest_id))
    return locked


def _contest_answer_mail(contest_id: uuid.UUID) -> None:
    contest = Contest.objects.select_related("applicant__form_request__organization").get(pk=contest_id)
    try:
        mail.contest_answer_mail_send(contest=contest)
    except Exception as exc:
        logger.error("contest.mail_failed", contest_id=str(contest_id), error=exc.__class__.__name__)
        return
    Contest.objects.filter(pk=contest_id).update(answer_mailed_at=timezone.now())
