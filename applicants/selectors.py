"""Reads, always inside one agency: every selector takes ``organization``."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, NoReturn, TypeVar

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from applicants.crypto import name_word_digests, nif_index_for
from applicants.errors import DataErased, FormLinkReplaced
from applicants.models import (
    Applicant,
    ApplicantStatus,
    Application,
    AuditAction,
    AuditEvent,
    Contest,
    ContestStatus,
    Decision,
    ErasedLink,
    FormStatus,
    InfoRequest,
    IntakeFormRequest,
    Invitation,
    InvitationStatus,
    MembershipRole,
    NameWord,
    Organization,
    ReplacedFormLink,
    Role,
)
from applicants.prepared import PreparedQuery
from applicants.tokens import intake_token_hash, intake_token_matches


def organization_for_user(user: Any) -> Organization | None:
    membership = getattr(user, "membership", None) if getattr(user, "is_authenticated", False) else None
    return membership.organization if membership else None


def decision_report_erased(decision: Decision) -> bool:
    """A decision with no report that was taken on one: the report went since, with the data of a member of its
    household erased on their own (``workspace.retention.applicant_erase``; the FK is ``SET_NULL``). Its audit row
    (``DECISION_RECORDED``) still names the report it rested on."""
    if decision.report_id is not None:
        return False
    recorded = AuditEvent.objects.filter(
        action=AuditAction.DECISION_RECORDED,
        organization_id=decision.organization_id,
        target_type="applicant",
        target_id=str(decision.applicant_id),
        details__decision_id=str(decision.id),
    )
    # The key present (``isnull``) and not JSON null (``=None``): a decision taken with no report says ``null``.
    return recorded.filter(details__report_id__isnull=False).exclude(details__report_id=None).exists()


def is_agency_admin(user: Any) -> bool:
    """Whether the user is their agency's ADMIN (role of their membership), active: who manages colleagues."""
    membership = getattr(user, "membership", None) if getattr(user, "is_active", False) else None
    return membership is not None and membership.role == MembershipRole.ADMIN


def form_request_list(*, organization: Organization, status: str | None = None) -> QuerySet[IntakeFormRequest]:
    """The agency's forms, newest first; with ``status``, those whose status as the API shows it (expiry applied:
    a pending form past its date is ``EXPIRED``) is that one."""
    forms = IntakeFormRequest.objects.filter(organization=organization)
    now = timezone.now()
    if status == FormStatus.PENDING:
        forms = forms.open(now=now)
    elif status == FormStatus.EXPIRED:
        forms = forms.expired(now=now)
    elif status == FormStatus.COMPLETED:
        forms = forms.filter(status=FormStatus.COMPLETED)
    return forms.prefetch_related(
        Prefetch("applicants", queryset=Applicant.objects.only("id", "status", "created_at", "form_request_id"))
    ).order_by("-created_at")


def form_request_get(*, organization: Organization, form_request_id: uuid.UUID | str) -> IntakeFormRequest:
    try:
        return form_request_list(organization=organization).get(id=form_request_id)
    except (IntakeFormRequest.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


@dataclass(frozen=True)
class IntakeLink:
    """What an intake token opens: a form (the lead tenant's link) or one invited person's invitation."""

    form_request: IntakeFormRequest
    invitation: Invitation | None = None
    # The hash of the lead's token this link was opened with: it differs from the form's once staff gave the form a
    # new link (``form_request_link_renew``), which ends this one (checked again under the form's lock at submission).
    token_hash: str = ""

    @property
    def role(self) -> str:
        return self.invitation.role if self.invitation else Role.TENANT

    @property
    def upload_prefix(self) -> str:
        """Each link uploads under its own prefix: one person's link never names another's files."""
        return f"uploads/{self.invitation.id if self.invitation else self.form_request.id}/"

    @property
    def replaced(self) -> bool:
        """An invited person's link that ended because the same person was invited again: a newer link went out
        by e-mail (probe C28: a retried invitation sent two e-mails, and the first one's link read "expired")."""
        if self.invitation is None:
            return self.form_link_replaced
        return self.invitation.superseded_in(list(self.invitation.application.invitations.all()))

    @property
    def form_link_replaced(self) -> bool:
        """The lead's link that staff replaced with a new one (it was lost, or went to the wrong person)."""
        return self.invitation is None and bool(self.token_hash) and self.token_hash != self.form_request.token_hash

    @property
    def effective_status(self) -> str:
        """The link's status in the form's terms: open (PENDING), used (COMPLETED) or EXPIRED."""
        if self.invitation is None:
            return FormStatus.EXPIRED if self.form_link_replaced else self.form_request.effective_status
        return {
            InvitationStatus.SENT: FormStatus.PENDING,
            InvitationStatus.SUBMITTED: FormStatus.COMPLETED,
            InvitationStatus.EXPIRED: FormStatus.EXPIRED,
        }[InvitationStatus(self.invitation.effective_status)]

    def own_applicant(self) -> Applicant | None:
        """The person who holds this link, once they have submitted."""
        if self.invitation is not None:
            return self.invitation.applicant
        return self.form_request.applicants.filter(role=Role.TENANT).first()


# Every intake request opens its link first: compiled once per thread (applicants/prepared.py).
_form_by_token_hash = PreparedQuery(
    lambda token_hash: IntakeFormRequest.objects.select_related("organization").filter(token_hash=token_hash)
)


def intake_link_by_token(*, token: str) -> IntakeLink:
    """A form's token or an invitation's; unknown is a 404 (expiry is the caller's call)."""
    if not token or len(token) > 128:
        raise Http404
    token_hash = intake_token_hash(token)
    form_request = _form_by_token_hash.first(token_hash)
    if form_request is not None and intake_token_matches(token, form_request.token_hash):
        return IntakeLink(form_request=form_request, token_hash=form_request.token_hash)
    invitation = (
        Invitation.objects.select_related("application__form_request__organization", "applicant")
        .filter(token_hash=token_hash)
        .first()
    )
    if invitation is not None and intake_token_matches(token, invitation.token_hash):
        return IntakeLink(form_request=invitation.application.form_request, invitation=invitation)
    return _link_of_info_request(token=token, token_hash=token_hash)


def _link_of_info_request(*, token: str, token_hash: str) -> IntakeLink:
    """A request for more documents carries its own token (the one in its e-mail): it opens the
    same link as the person's first one, so an applicant who lost the first e-mail is not stuck."""
    info_request = (
        InfoRequest.objects.select_related(
            "applicant__form_request__organization", "applicant__invitation__application"
        )
        .filter(token_hash=token_hash)
        .first()
    )
    if info_request is None or not intake_token_matches(token, info_request.token_hash):
        _check_not_erased(token=token, token_hash=token_hash)
        return _link_replaced(token=token, token_hash=token_hash)
    person = info_request.applicant
    invitation = getattr(person, "invitation", None) if person.role != Role.TENANT else None
    return IntakeLink(form_request=person.form_request, invitation=invitation)


def _check_not_erased(*, token: str, token_hash: str) -> None:
    """A used link whose rows went with its person's erasure (``ErasedLink``): 410 ``data_erased``, not 404."""
    erased = ErasedLink.objects.select_related("form_request__organization").filter(token_hash=token_hash).first()
    if erased is not None and intake_token_matches(token, erased.token_hash):
        raise DataErased(data_sent=erased.data_sent, form_request=erased.form_request)


def _link_replaced(*, token: str, token_hash: str) -> NoReturn:
    """A form's earlier link, replaced by staff (``ReplacedFormLink``): 410 ``form_expired`` saying so, not 404.
    Raised here, where the link is resolved, so no intake call opens anything with it."""
    replaced = ReplacedFormLink.objects.select_related("form_request__organization").filter(token_hash=token_hash)
    earlier = replaced.first()
    if earlier is None or not intake_token_matches(token, earlier.token_hash):
        raise Http404
    raise FormLinkReplaced(form_request=earlier.form_request)


QS = TypeVar("QS", bound=QuerySet[Any])


@dataclass(frozen=True)
class ApplicantFilters:
    status: str | None = None
    risk_level: str | None = None
    form_request: str | None = None
    nif: str | None = None
    name: str | None = None
    info_request: str | None = None
    contest: str | None = None


def applicant_list(*, organization: Organization, filters: ApplicantFilters | None = None) -> QuerySet[Applicant]:
    queryset = Applicant.objects.filter(organization=organization).prefetch_related(
        Prefetch("decisions", queryset=Decision.objects.select_related("decided_by").order_by("-decided_at"))
    )
    filters = filters or ApplicantFilters()
    if filters.status:
        # PROCESSING, as the contract shows it, covers an applicant whose application waits for others.
        waiting = [ApplicantStatus.WAITING] if filters.status == ApplicantStatus.PROCESSING else []
        queryset = queryset.filter(status__in=[filters.status, *waiting])
    if filters.risk_level:
        queryset = queryset.filter(risk_level=filters.risk_level)
    if filters.form_request:
        queryset = queryset.filter(form_request_id=uuid.UUID(str(filters.form_request)))
    if filters.nif:
        queryset = queryset.filter(nif_index=nif_index_for(filters.nif))
    if filters.name:
        queryset = named(queryset, filters.name)
    if filters.info_request:
        queryset = with_open_items(queryset, info_request=filters.info_request)
    if filters.contest:
        queryset = queryset.filter(Exists(Contest.objects.filter(applicant=OuterRef("pk"), status=ContestStatus.OPEN)))
    return queryset.order_by("-created_at", "id")


def with_open_items(queryset: QS, *, info_request: str) -> QS:
    """Applicants owing documents staff asked for: ``OPEN`` (all unanswered) or ``OVERDUE`` (past due)."""
    owed = InfoRequest.objects.filter(applicant=OuterRef("pk")).unanswered()
    if info_request == "OVERDUE":
        owed = owed.filter(due_at__lte=timezone.now())
    return queryset.filter(Exists(owed))


def open_items_count(*, organization: Organization) -> dict[str, int]:
    """For the workspace index: contests awaiting an answer, and requests for documents overdue."""
    return {
        "contests_open": Contest.objects.filter(organization=organization, status=ContestStatus.OPEN).count(),
        "info_requests_overdue": InfoRequest.objects.filter(organization=organization)
        .overdue(now=timezone.now())
        .count(),
    }


def applicant_known(applicant_id: object) -> bool:
    """Whether ``applicant_id`` names an applicant of any agency (the pipeline's tasks take ids from messages, which
    an operator may send by hand: ``celery call`` with a mistyped or another system's id)."""
    try:
        parsed = uuid.UUID(str(applicant_id))
    except ValueError:
        return False
    return Applicant.objects.filter(pk=parsed).exists()


def applicant_get(*, organization: Organization, applicant_id: uuid.UUID | str) -> Applicant:
    try:
        return applicant_list(organization=organization).prefetch_related("documents").get(id=applicant_id)
    except (Applicant.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


@dataclass(frozen=True)
class ApplicationFilters:
    status: str | None = None
    risk_level: str | None = None
    form_request: str | None = None


def application_list(*, organization: Organization, filters: ApplicationFilters | None = None) -> QuerySet[Application]:
    """The agency's applications, newest first, with their members, their decisions and unanswered requests, and invitations.

    ``risk_level`` is the current report's, which every member carries (the lead's is the one asked).
    """
    queryset = (
        Application.objects.filter(organization=organization)
        .select_related("form_request", "organization")
        .prefetch_related(
            Prefetch(
                "members",
                queryset=Applicant.objects.order_by("created_at").prefetch_related(
                    Prefetch(
                        "decisions", queryset=Decision.objects.select_related("decided_by").order_by("-decided_at")
                    ),
                    Prefetch("info_requests", queryset=InfoRequest.objects.unanswered()),
                ),
            ),
            Prefetch("invitations", queryset=Invitation.objects.order_by("created_at")),
        )
    )
    filters = filters or ApplicationFilters()
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.risk_level:
        lead_at_risk = Applicant.objects.filter(
            application_id=OuterRef("pk"), role=Role.TENANT, risk_level=filters.risk_level
        )
        queryset = queryset.filter(Exists(lead_at_risk))
    if filters.form_request:
        queryset = queryset.filter(form_request_id=uuid.UUID(str(filters.form_request)))
    return queryset.order_by("-created_at", "id")


def application_get(*, organization: Organization, application_id: uuid.UUID | str) -> Application:
    try:
        return application_list(organization=organization).get(id=application_id)
    except (Application.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


def named(queryset: QS, term: str, *, person: str = "pk") -> QS:
    """The rows whose person (``person``: the path to an applicant's id) has every word of ``term`` in their
    name, whole words, accents and case aside (ADR 046); none when the term has no word a name is found by."""
    digests = name_word_digests(term)
    if not digests:
        return queryset.none()
    for digest in digests:
        queryset = queryset.filter(Exists(NameWord.objects.filter(applicant_id=OuterRef(person), digest=digest)))
    return queryset
