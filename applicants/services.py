"""Writes for agencies, intake forms, decisions, applicant failure states and the audit trail."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.authtoken.models import Token

from applicants import errors
from applicants.crypto import name_word_digests
from applicants.models import (
    Applicant,
    ApplicantStatus,
    Application,
    ApplicationStatus,
    AuditAction,
    AuditEvent,
    ConsentNotice,
    Decision,
    ErasedLink,
    FormStatus,
    InfoRequest,
    IntakeFormRequest,
    Invitation,
    Membership,
    MembershipRole,
    NameWord,
    Organization,
    ReplacedFormLink,
)
from applicants.notice import NoticeText
from applicants.tokens import intake_token_hash, intake_token_new


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


# The STAFF role: read the agency's forms, applicants, documents and reports, create
# forms, re-run and decide. Every write in the API and the admin checks one of these.
STAFF_PERMISSIONS = (
    ("applicants", "view_intakeformrequest"),
    ("applicants", "add_intakeformrequest"),
    ("applicants", "view_applicant"),
    ("applicants", "view_pii"),
    ("applicants", "rerun_applicant"),
    ("applicants", "view_decision"),
    ("applicants", "add_decision"),
    ("documents", "view_document"),
    ("documents", "view_extracteddata"),
    ("screening", "view_screeningreport"),
    ("applicants", "view_auditevent"),
)


def name_index_refresh(*, applicant: Applicant) -> None:
    """Write the blind index of the person's name words (ADR 046), replacing what an earlier name left."""
    NameWord.objects.filter(applicant=applicant).delete()
    NameWord.objects.bulk_create(
        [NameWord(applicant=applicant, digest=digest) for digest in sorted(name_word_digests(applicant.name))]
    )


def consent_notice_record(*, notice: NoticeText) -> ConsentNotice:
    """The stored row of this exact notice text, made the first time someone accepts it (blind probe r64b, F11).

    Keyed by the text's SHA-256, so each distinct wording is kept once however many people accept it. Called
    inside the submission's transaction; two first acceptances at once meet on the unique hash.
    """
    stored, _created = ConsentNotice.objects.get_or_create(
        sha256=notice.sha256,
        defaults={"version": notice.version, "language": notice.language, "text": notice.text},
    )
    return stored


@transaction.atomic
def agency_create(
    *,
    name: str,
    staff_email: str,
    password: str | None = None,
    privacy_contact_email: str = "",
    dpo_contact_email: str = "",
) -> AgencyCredentials:
    """Create an agency, its first (admin) staff user and an API token. The contacts are the ones the
    information notice gives applicants (applicants/notice.py); blank, it sends them to whoever sent the link."""
    organization = Organization.objects.create(
        name=name, privacy_contact_email=privacy_contact_email, dpo_contact_email=dpo_contact_email
    )
    return staff_member_add(organization=organization, email=staff_email, role=MembershipRole.ADMIN, password=password)


@transaction.atomic
def staff_member_add(
    *,
    organization: Organization,
    email: str,
    role: str = MembershipRole.STAFF,
    password: str | None = None,
    view_pii: bool = True,
) -> AgencyCredentials:
    """A colleague in an agency: their user, membership, the role's permissions and an API token.

    Each person their own login, so the audit trail and decisions name who did what. A password also lets
    them into Django admin; without one they use the API only. ``view_pii=False``: the role's permissions
    but personal data masked (a trainee, a colleague who only follows the pipeline).
    """
    user = get_user_model().objects.create_user(
        username=email, email=email, password=password, is_staff=password is not None
    )
    if password is None:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    Membership.objects.create(user=user, organization=organization, role=role)
    staff_permissions_grant(user=user, role=role)
    if not view_pii:
        user.user_permissions.remove(Permission.objects.get(content_type__app_label="applicants", codename="view_pii"))
    token = Token.objects.create(user=user)
    return AgencyCredentials(organization=organization, user=user, token=token.key)


AGENCY_ADMIN_PERMISSIONS = (
    # Thresholds (taxa de esforço), loan terms and retention periods are the agency's to set.
    ("applicants", "view_organization"),
    ("applicants", "change_organization"),
    # Erasing a person's data on their request (GDPR art. 17) cannot be undone: the admin's, not every colleague's.
    ("applicants", "delete_applicant"),
)

ROLE_PERMISSIONS = {
    MembershipRole.STAFF: STAFF_PERMISSIONS,
    MembershipRole.ADMIN: STAFF_PERMISSIONS + AGENCY_ADMIN_PERMISSIONS,
}


def staff_permissions_grant(*, user: Any, role: str = MembershipRole.STAFF) -> None:
    """Grant the model permissions of a membership role (additive: nothing is revoked)."""
    user.user_permissions.add(*_permissions(ROLE_PERMISSIONS[MembershipRole(role)]))


def _permissions(codes: tuple[tuple[str, str], ...]) -> list[Permission]:
    return [
        Permission.objects.get(content_type__app_label=app_label, codename=codename) for app_label, codename in codes
    ]


PII_PERMISSION = ("applicants", "view_pii")


def staff_permissions_set(*, user: Any, role: str, view_pii: bool) -> None:
    """Make the user's role permissions exactly those of ``role`` (with or without personal data): a downgrade takes
    the admin's permissions away and ``view_pii=False`` takes personal data away. Permissions outside every role
    (given by hand to one person) are left as they are."""
    every_role = {code for codes in ROLE_PERMISSIONS.values() for code in codes}
    wanted = {code for code in ROLE_PERMISSIONS[MembershipRole(role)] if view_pii or code != PII_PERMISSION}
    user.user_permissions.remove(*_permissions(tuple(every_role - wanted)))
    user.user_permissions.add(*_permissions(tuple(wanted)))
    # Django caches a user's permissions on the object; a check after this must see the new ones.
    for cache in ("_perm_cache", "_user_perm_cache"):
        user.__dict__.pop(cache, None)


def staff_may_view_pii(user: Any) -> bool:
    return user.user_permissions.filter(content_type__app_label=PII_PERMISSION[0], codename=PII_PERMISSION[1]).exists()


def _staff_change_refusal(*, membership: Membership, acting_user: Any, demoted_or_gone: bool) -> str | None:
    """Why an agency admin may not make this change, or None. Nobody changes their own access (no self-lockout), and
    an agency keeps at least one active admin, who alone can manage colleagues here."""
    if membership.user_id == acting_user.pk:
        return _("Não pode alterar o seu próprio acesso; peça-o a outro administrador da agência.")
    other_admins = Membership.objects.filter(
        organization_id=membership.organization_id, role=MembershipRole.ADMIN, user__is_active=True
    ).exclude(pk=membership.pk)
    if demoted_or_gone and membership.role == MembershipRole.ADMIN and not other_admins.exists():
        return _("A agência ficaria sem administrador: nomeie outro administrador primeiro.")
    return None


def staff_access_check(
    *, membership: Membership, acting_user: Any, role: str | None = None, leaving: bool = False
) -> None:
    """Raise ``ValidationError`` if ``acting_user`` may not change this colleague's access (to ``role``, or take it
    away with ``leaving``). The admin's form asks first, for a message at the field; each service asks again."""
    demoted = role is not None and role != MembershipRole.ADMIN
    refusal = _staff_change_refusal(membership=membership, acting_user=acting_user, demoted_or_gone=demoted or leaving)
    if refusal:
        raise ValidationError(refusal, code="staff_change_refused")


def _locked(membership: Membership) -> Membership:
    # Two admins demoting each other at once must not leave the agency without one: the rows are read under a lock.
    locked = Membership.objects.select_for_update().select_related("user").get(pk=membership.pk)
    list(
        Membership.objects.select_for_update()
        .filter(organization_id=locked.organization_id, role=MembershipRole.ADMIN)
        .values_list("pk", flat=True)
    )
    return locked


@transaction.atomic
def staff_access_change(*, membership: Membership, role: str, view_pii: bool, changed_by: Any) -> Membership:
    """Set a colleague's role and personal-data permission, granting and revoking (audited ``STAFF_ACCESS_CHANGED``
    with the codes before and after). Refused (``ValidationError``) for one's own access or the agency's last admin."""
    membership = _locked(membership)
    user = membership.user
    before = {"role": membership.role, "view_pii": staff_may_view_pii(user)}
    staff_access_check(membership=membership, acting_user=changed_by, role=role)
    membership.role = role
    membership.save(update_fields=["role"])
    staff_permissions_set(user=user, role=role, view_pii=view_pii)
    after = {"role": role, "view_pii": view_pii}
    if after != before:
        audit_record(
            action=AuditAction.STAFF_ACCESS_CHANGED,
            target_type="membership",
            target_id=membership.pk,
            organization=membership.organization,
            actor=changed_by,
            details={"before": before, "after": after},
        )
    return membership


@transaction.atomic
def staff_member_deactivate(*, membership: Membership, deactivated_by: Any) -> None:
    """A colleague who leaves: their login made inactive and their API token deleted, so both stop at once (audited
    ``STAFF_DEACTIVATED``). Their decisions and audit events keep naming them. Refused for oneself or the last admin."""
    membership = _locked(membership)
    staff_access_check(membership=membership, acting_user=deactivated_by, leaving=True)
    user = membership.user
    user.is_active = False
    user.save(update_fields=["is_active"])
    tokens_deleted, _deleted = Token.objects.filter(user=user).delete()
    audit_record(
        action=AuditAction.STAFF_DEACTIVATED,
        target_type="membership",
        target_id=membership.pk,
        organization=membership.organization,
        actor=deactivated_by,
        details={"tokens_revoked": tokens_deleted},
    )


@transaction.atomic
def staff_token_revoke(*, membership: Membership, revoked_by: Any) -> bool:
    """Delete a colleague's API token (a lost laptop, a leaked key): refused at once. A new one is made in the shell
    (``manage.py drf_create_token -r <email>``), where it can be handed over. Audited ``STAFF_TOKEN_REVOKED``;
    False when they had none."""
    tokens_deleted, _deleted = Token.objects.filter(user_id=membership.user_id).delete()
    if tokens_deleted:
        audit_record(
            action=AuditAction.STAFF_TOKEN_REVOKED,
            target_type="membership",
            target_id=membership.pk,
            organization=membership.organization,
            actor=revoked_by,
        )
    return bool(tokens_deleted)


# An intake link lives at most a year: every path that creates a form (API, admin, shell) is held to it.
FORM_MAX_EXPIRY_DAYS = 365


def form_expiry_validate(expires_at: dt.datetime, *, now: dt.datetime | None = None, allow_past: bool = False) -> None:
    """Refuse an expiry in the past (unless ``allow_past``: ending a link early) or more than
    ``FORM_MAX_EXPIRY_DAYS`` ahead (``ValidationError``)."""
    now = now or timezone.now()
    if expires_at <= now and not allow_past:
        raise ValidationError(_("A data de expiração tem de ser futura."), code="expiry_in_past")
    if expires_at > now + dt.timedelta(days=FORM_MAX_EXPIRY_DAYS):
        raise ValidationError(
            _("A data de expiração não pode passar de %(days)s dias.") % {"days": FORM_MAX_EXPIRY_DAYS},
            code="expiry_too_far",
        )


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

    Expiry: ``expires_at`` if given, else ``expires_in_days`` from now, else the default;
    in the future and at most ``FORM_MAX_EXPIRY_DAYS`` ahead, else ``ValidationError``.
    """
    now = timezone.now()
    days = expires_in_days if expires_in_days is not None else settings.INTAKE_DEFAULT_EXPIRY_DAYS
    if expires_at is None:
        if not 1 <= days <= FORM_MAX_EXPIRY_DAYS:
            raise ValidationError(f"expires_in_days must be 1 to {FORM_MAX_EXPIRY_DAYS}", code="expiry_too_far")
        expires_at = now + dt.timedelta(days=days)
    form_expiry_validate(expires_at, now=now)
    token = intake_token_new()
    form_request = IntakeFormRequest.objects.create(
        organization=organization,
        created_by=created_by if getattr(created_by, "is_authenticated", False) else None,
        listing_type=listing_type,
        property_type=property_type,
        property_title=property_title,
        property_price=property_price,
        token_hash=intake_token_hash(token),
        expires_at=expires_at,
    )
    return CreatedFormRequest(form_request=form_request, token=token)


FORM_SUBMITTED_NO_AMEND = gettext_lazy(
    "Não alterado: entretanto alguém submeteu neste formulário, e a análise assenta no preço indicado. "
    "Para outro valor, crie um novo formulário."
)


@transaction.atomic
def form_request_amend(*, form_request: IntakeFormRequest, changed: dict[str, Any]) -> IntakeFormRequest:
    """Correct a form nobody has submitted on yet (a price typed wrong, its title: blind probe r73c, F1).

    Locked as a submission locks it, and checked again: once anyone has submitted, their report rests on the form as
    it was, and ``FormNotPending`` refuses the change (the admin shows that form read-only)."""
    locked = IntakeFormRequest.objects.select_for_update().get(pk=form_request.pk)
    if locked.status == FormStatus.COMPLETED or locked.applicants.exists():
        raise errors.FormNotPending(FORM_SUBMITTED_NO_AMEND)
    for name, value in changed.items():
        setattr(locked, name, value)
    if changed:
        locked.save(update_fields=list(changed))
    return locked


@transaction.atomic
def form_request_close(*, form_request: IntakeFormRequest, closed_by: Any) -> IntakeFormRequest:
    """Close a form no one submitted yet before its date (the property let, a link sent to the wrong person): it
    expires now, its link and upload slots refuse as an expired form's do, and the audit trail says who closed it.

    A form already expired is left as it is (closing twice is one close); a submitted one cannot be closed
    (``FormNotPending``): its applicant's data is there, and erasure is how that goes."""
    locked = IntakeFormRequest.objects.select_for_update().get(pk=form_request.pk)
    now = timezone.now()
    if locked.status == FormStatus.COMPLETED:
        raise errors.FormNotPending()
    if locked.effective_status == FormStatus.EXPIRED:
        return locked
    locked.status, locked.expires_at = FormStatus.EXPIRED, now
    locked.save(update_fields=["status", "expires_at"])
    audit_record(
        action=AuditAction.FORM_CLOSED,
        target_type="intake_form_request",
        target_id=locked.pk,
        organization=locked.organization,
        actor=closed_by,
    )
    return locked


FORM_SUBMITTED_NO_NEW_LINK = gettext_lazy(
    "Já alguém submeteu neste formulário: a ligação não é substituída. Convide as outras pessoas a partir da "
    "candidatura."
)
FORM_EXPIRED_NO_NEW_LINK = gettext_lazy(
    "Este formulário expirou ou foi fechado: a ligação não é substituída. Crie um novo formulário."
)


@transaction.atomic
def form_request_link_renew(*, form_request: IntakeFormRequest, renewed_by: Any) -> CreatedFormRequest:
    """A new link for a form nobody has submitted on yet: the link was lost (it is shown once, and only its hash is
    stored) or went to the wrong person. The old link stops working at once (it answers as an unknown one: the
    person it went to learns nothing of the form), nor do the upload slots it was given (``documents.models.
    UploadSlot.objects.issued_for_a_replaced_link``: no file into them, no submission takes theirs); the title,
    price and date stay.

    A submitted form keeps its link (``FormNotPending``: the person's own link to their status; others join by
    invitation), and an expired or closed one is not revived (``FormExpired``)."""
    locked = IntakeFormRequest.objects.select_for_update().get(pk=form_request.pk)
    if locked.status == FormStatus.COMPLETED or locked.applicants.exists():
        raise errors.FormNotPending(FORM_SUBMITTED_NO_NEW_LINK)
    if locked.effective_status == FormStatus.EXPIRED:
        raise errors.FormExpired(FORM_EXPIRED_NO_NEW_LINK)
    ReplacedFormLink.objects.create(form_request=locked, token_hash=locked.token_hash)
    token = intake_token_new()
    locked.token_hash = intake_token_hash(token)
    locked.save(update_fields=["token_hash"])
    audit_record(
        action=AuditAction.FORM_LINK_RENEWED,
        target_type="intake_form_request",
        target_id=locked.pk,
        organization=locked.organization,
        actor=renewed_by,
    )
    return CreatedFormRequest(form_request=locked, token=token)


@transaction.atomic
def decision_record(
    *,
    applicant: Applicant,
    decided_by: Any,
    decision: str,
    reason: str,
    report_id: uuid.UUID | None,
    message_to_applicant: str = "",
) -> Decision:
    """Record a person's decision (append-only history) and audit it.

    ``reason`` is internal; ``message_to_applicant`` is what the applicant may read. ``report_id`` is the report
    current when deciding (``None``: decided without one, which a person may do); the audit row names it too.
    The reason is required here, not by a check constraint: it is stored encrypted, and ciphertext is never blank.
    """
    if not reason.strip():
        raise ValueError("a decision needs a reason")
    recorded = Decision.objects.create(
        organization_id=applicant.organization_id,
        applicant=applicant,
        decision=decision,
        reason=reason.strip(),
        message_to_applicant=message_to_applicant.strip(),
        report_id=report_id,
        decided_by=decided_by if getattr(decided_by, "is_authenticated", False) else None,
    )
    audit_record(
        action=AuditAction.DECISION_RECORDED,
        target_type="applicant",
        target_id=applicant.id,
        organization=applicant.organization,
        actor=decided_by,
        details={
            "decision": decision,
            "decision_id": str(recorded.id),
            "report_id": str(report_id) if report_id else None,
        },
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


def applicant_fail(*, applicant_id: uuid.UUID | str, reason: str) -> None:
    """Mark an applicant ``FAILED`` with a reason staff can read (no PII, no raw error text).

    A completed applicant stays completed: a late failure of a duplicate delivery changes nothing.
    A household fails together: the pipeline runs under the lead for all its members.
    """
    household = Applicant.objects.household_of(applicant_id)
    updated = (
        Applicant.objects.filter(id__in=household.values("id"))
        .exclude(status=ApplicantStatus.COMPLETED)
        .update(status=ApplicantStatus.FAILED, failure_reason=reason[:500], updated_at=timezone.now())
    )
    if updated:
        Application.objects.filter(members__id=applicant_id).exclude(status=ApplicationStatus.COMPLETED).update(
            status=ApplicationStatus.FAILED, updated_at=timezone.now()
        )


def erased_links_record(
    *,
    applicant_ids: list[uuid.UUID],
    application_ids: list[uuid.UUID] | None = None,
    invitation_ids: list[uuid.UUID] | None = None,
) -> None:
    """Before these people's rows are deleted: keep the token hashes of their links that are found through them (an
    invited person's invitation, each request for documents), so those links answer 410 ``data_erased`` as the
    lead's does (probe C28: 404). With the applications deleted too, every invitation of theirs: a person invited
    who never submitted was told by mail of a link that then answered 404 (blind probe r73a, F2). ``invitation_ids``:
    invitations deleted with one member of a household (their earlier, re-sent links). In the caller's
    transaction; hashes and form ids only."""
    invitations = Invitation.objects.filter(
        Q(applicant_id__in=applicant_ids) | Q(application_id__in=application_ids or []) | Q(id__in=invitation_ids or [])
    ).values_list("application__form_request_id", "token_hash", "applicant_id")
    requests = InfoRequest.objects.filter(applicant_id__in=applicant_ids).values_list(
        "applicant__form_request_id", "token_hash"
    )
    ErasedLink.objects.bulk_create(
        [
            *(
                # A pending invitation's holder sent nothing: their link says the application went, not their data.
                ErasedLink(form_request_id=form_id, token_hash=token_hash, data_sent=person_id is not None)
                for form_id, token_hash, person_id in invitations
            ),
            *(ErasedLink(form_request_id=form_id, token_hash=token_hash) for form_id, token_hash in requests),
        ],
        ignore_conflicts=True,
    )
