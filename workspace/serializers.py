"""Staff request and response shapes of the REST contract (docs/api.md)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from applicants.masking import checks_for_viewer, mask_email, mask_filename, mask_name, mask_tail
from applicants.models import (
    CONTRACT_APPLICANT_STATUSES,
    Applicant,
    Application,
    ApplicationStatus,
    ContestStatus,
    Decision,
    DecisionOutcome,
    FormStatus,
    InfoRequestStatus,
    IntakeFormRequest,
    InvitationStatus,
    ListingType,
    PropertyType,
    Role,
    contract_applicant_status,
)
from applicants.rest import JsonBooleanField, choice_field, money_field
from applicants.services import FORM_MAX_EXPIRY_DAYS
from documents.models import Document, DocumentStatus, DocumentType
from intake.serializers import HouseholdMemberSerializer, PersonDataSerializer
from screening.models import RiskLevel, ScreeningReport
from screening.rules.affordability import property_monthly_cost
from screening.rules.authenticity import NOTE_MAX_LENGTH, proposed_request
from screening.selectors import report_latest, report_newest_first

# --- Staff: intake form requests ---------------------------------------------------


class FormRequestCreateSerializer(serializers.Serializer):
    listing_type = choice_field(choices=ListingType.choices)
    property_type = choice_field(choices=PropertyType.choices)
    property_title = serializers.CharField(max_length=200)
    property_price = money_field(min_value=Decimal("0.01"))
    expires_in_days = serializers.IntegerField(min_value=1, max_value=FORM_MAX_EXPIRY_DAYS, required=False)


class SubmissionSummarySerializer(serializers.Serializer):
    applicant_id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=CONTRACT_APPLICANT_STATUSES)
    submitted_at = serializers.DateTimeField()


class FormRequestSerializer(serializers.ModelSerializer):
    organization_id = serializers.UUIDField(read_only=True)
    property_price = money_field()
    status = serializers.SerializerMethodField()
    submission = serializers.SerializerMethodField()

    class Meta:
        model = IntakeFormRequest
        fields = (
            "id",
            "organization_id",
            "listing_type",
            "property_type",
            "property_title",
            "property_price",
            "status",
            "expires_at",
            "submission",
            "created_at",
        )

    @extend_schema_field(serializers.ChoiceField(choices=FormStatus.choices))
    def get_status(self, obj: IntakeFormRequest) -> str:
        return obj.effective_status

    @extend_schema_field(SubmissionSummarySerializer(allow_null=True))
    def get_submission(self, obj: IntakeFormRequest) -> dict[str, Any] | None:
        applicants = list(obj.applicants.all())
        if not applicants:
            return None
        applicant = applicants[0]
        return {
            "applicant_id": applicant.id,
            "status": contract_applicant_status(applicant.status),
            "submitted_at": applicant.created_at,
        }


class FormRequestCreatedSerializer(FormRequestSerializer):
    """Shown once, at creation: the only time the token is readable."""

    token = serializers.CharField()
    intake_url = serializers.URLField()

    class Meta(FormRequestSerializer.Meta):
        fields = (*FormRequestSerializer.Meta.fields, "token", "intake_url")  # type: ignore[assignment]


# --- Staff: applicants --------------------------------------------------------------


class CheckSerializer(serializers.Serializer):
    name = serializers.CharField()
    passed = serializers.BooleanField()
    evidence = serializers.CharField()
    document_id = serializers.UUIDField(allow_null=True, required=False)
    field = serializers.CharField(allow_null=True, required=False)
    value = serializers.CharField(allow_null=True, required=False)
    expected = serializers.CharField(allow_null=True, required=False)
    applicant_id = serializers.UUIDField(
        allow_null=True, required=False, help_text="In a household's report: whose check it is"
    )
    role = serializers.ChoiceField(choices=Role.choices, allow_null=True, required=False)


class AuthenticitySignalSerializer(serializers.Serializer):
    code = serializers.CharField()
    severity = serializers.ChoiceField(choices=["LOW", "MEDIUM", "HIGH"])
    # The signal's field named "source" (DRF pops declared fields off the class, so Field.source is untouched).
    source = serializers.ChoiceField(choices=["file", "content", "reuse"])  # type: ignore[assignment]
    explanation = serializers.CharField(help_text="pt-PT")
    evidence = serializers.DictField(help_text="Facts behind the signal: counts, dates, producers, fonts, other ids")


class AuthenticitySectionSerializer(serializers.Serializer):
    document_id = serializers.UUIDField()
    applicant_id = serializers.UUIDField(allow_null=True, required=False)
    document_type = serializers.CharField(allow_null=True)
    kind = serializers.CharField(allow_null=True)
    description = serializers.CharField(
        required=False,
        help_text='Which document, in pt-PT ("o recibo de vencimento de 10/2026"); reports before 2026-12-04 lack it',
    )
    highest = serializers.ChoiceField(choices=["LOW", "MEDIUM", "HIGH"])
    raises = serializers.BooleanField(help_text="Reached the agency's level: the risk is at least MEDIUM")
    signals = AuthenticitySignalSerializer(many=True)


class ProposedDocumentSerializer(serializers.Serializer):
    applicant_id = serializers.UUIDField()
    document_type = serializers.CharField()
    note = serializers.CharField()


class ProposedRequestSerializer(serializers.Serializer):
    decision = serializers.CharField()
    requested_documents = ProposedDocumentSerializer(many=True)


def can_view_pii(context: dict[str, Any]) -> bool:
    """Whether the request's user holds ``applicants.view_pii``; without a request, no."""
    request = context.get("request")
    return bool(request and request.user.has_perm("applicants.view_pii"))


class ReportSerializer(serializers.ModelSerializer):
    """Checks' personal ``value``/``expected`` are ``null`` unless the user holds ``view_pii``
    (``applicants.masking.CHECKS_WITHOUT_PERSONAL_VALUES`` lists the checks that keep theirs)."""

    dti_ratio = serializers.FloatField(allow_null=True)
    average_monthly_income = serializers.FloatField(allow_null=True)
    checks = serializers.SerializerMethodField()
    authenticity = AuthenticitySectionSerializer(many=True, read_only=True)
    proposed_request = serializers.SerializerMethodField()

    class Meta:
        model = ScreeningReport
        fields = (
            "id",
            "resubmission",
            "risk_level",
            "identity_verified",
            "income_verified",
            "dti_ratio",
            "average_monthly_income",
            "justification",
            "justification_language",
            "checks",
            "authenticity",
            "proposed_request",
            "backend",
            "model_name",
            "created_at",
        )

    @extend_schema_field(CheckSerializer(many=True))
    def get_checks(self, obj: ScreeningReport) -> list[dict[str, Any]]:
        checks = checks_for_viewer(list(obj.checks), can_view_pii=can_view_pii(self.context))
        return list(CheckSerializer(checks, many=True).data)

    @extend_schema_field(ProposedRequestSerializer(allow_null=True))
    def get_proposed_request(self, obj: ScreeningReport) -> dict[str, Any] | None:
        return proposed_request(list(obj.authenticity), applicant_id=str(obj.applicant_id))


class DecisionSerializer(serializers.ModelSerializer):
    """``reason`` is free text about a person: ``null`` without ``view_pii``, as a date of birth is (blind probe
    r64b, F4). ``report_id``: the report current when deciding, ``null`` when there was none (F6)."""

    reason = serializers.SerializerMethodField()
    decided_by = serializers.SerializerMethodField()
    report_id = serializers.UUIDField(read_only=True, allow_null=True)

    class Meta:
        model = Decision
        fields = ("decision", "reason", "decided_by", "decided_at", "report_id")

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_reason(self, obj: Decision) -> str | None:
        return obj.reason if can_view_pii(self.context) else None

    def get_decided_by(self, obj: Decision) -> str | None:
        return obj.decided_by.get_username() if obj.decided_by else None


class RequestedDocumentCreateSerializer(serializers.Serializer):
    document_type = choice_field(choices=DocumentType.choices)
    note = serializers.CharField(max_length=NOTE_MAX_LENGTH, required=False, allow_blank=True, default="")
    applicant_id = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text="A member of the same application; default: this applicant",
    )


_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


class DeadlineField(serializers.DateTimeField):
    """A deadline as people write one: a date alone is the whole of that day, to its last second, and a time
    without an offset is the agency's (``TIME_ZONE``, Lisbon), as DRF reads it. Read as midnight, "due on
    the 10th" was overdue from the first minute of the 10th (cases probe 9)."""

    def to_internal_value(self, value: Any) -> dt.datetime:
        if isinstance(value, str) and _DATE_ONLY.fullmatch(value.strip()):
            day = dt.date.fromisoformat(value.strip())
            return timezone.make_aware(dt.datetime.combine(day, dt.time.max), timezone.get_default_timezone())
        return super().to_internal_value(value)


# What a decision carries for the applicant: only a MORE_INFO decision is sent to them.
SECOND_ROUND_ONLY = ("message_to_applicant", "requested_documents", "due_at")


def second_round_only_refused(name: str) -> str:
    """Why ``name`` is refused with another decision, in words: a decision's code in a sentence reads as jargon
    ("Só com a decisão MORE_INFO.", blind probe r70a, F10)."""
    if name == "message_to_applicant":
        return _("A mensagem só acompanha um pedido de mais documentos.")
    if name == "requested_documents":
        return _("Só se indicam documentos num pedido de mais documentos.")
    return _("O prazo só acompanha um pedido de mais documentos.")


class DecisionCreateSerializer(serializers.Serializer):
    decision = choice_field(choices=DecisionOutcome.choices)
    reason = serializers.CharField(max_length=2000, allow_blank=False, trim_whitespace=True, help_text="Internal")
    message_to_applicant = serializers.CharField(
        max_length=2000, required=False, allow_blank=True, default="", help_text="What the applicant reads (MORE_INFO)"
    )
    requested_documents = RequestedDocumentCreateSerializer(many=True, required=False, default=list)
    due_at = DeadlineField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Date and time with offset; a date alone is the end of that day, a time without offset Lisbon's",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["decision"] != DecisionOutcome.MORE_INFO:
            # Only a request for documents reaches the applicant: a message or a deadline sent with another
            # decision would be dropped unseen, so it is refused (end-to-end probe 17).
            sent = [name for name in SECOND_ROUND_ONLY if attrs[name]]
            if sent:
                raise serializers.ValidationError({name: [second_round_only_refused(name)] for name in sent})
        elif attrs["message_to_applicant"].strip() and not attrs["requested_documents"]:
            # The message travels in the request's e-mail: with no documents asked there is no request and no
            # e-mail, and it was dropped unseen under a 201 (probe C28).
            raise serializers.ValidationError(
                {
                    "message_to_applicant": [
                        _(
                            "A mensagem só chega ao candidato com um pedido de documentos: indique os documentos a pedir."
                        )
                    ]
                }
            )
        if len(attrs["requested_documents"]) > 10:
            raise serializers.ValidationError({"requested_documents": [_("No máximo 10 documentos por pedido.")]})
        due_at = attrs["due_at"]
        if due_at is not None and not timezone.now() < due_at <= timezone.now() + dt.timedelta(days=90):
            raise serializers.ValidationError({"due_at": [_("O prazo deve estar nos próximos 90 dias.")]})
        return attrs


class InfoRequestSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    applicant_id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=InfoRequestStatus.choices, source="effective_status")
    message = serializers.CharField()
    requested_documents = serializers.ListField(child=serializers.DictField())
    due_at = serializers.DateTimeField()
    answered_at = serializers.DateTimeField(allow_null=True)
    mailed_at = serializers.DateTimeField(allow_null=True)
    created_at = serializers.DateTimeField()


class ContestItemSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    message = serializers.CharField()
    status = serializers.ChoiceField(choices=ContestStatus.choices)
    created_at = serializers.DateTimeField()
    answer = serializers.CharField(allow_blank=True)
    answered_at = serializers.DateTimeField(allow_null=True)


class ContestAnswerSerializer(serializers.Serializer):
    answer = serializers.CharField(max_length=4000, trim_whitespace=True)


class ReportHistoryItemSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    risk_level = serializers.ChoiceField(choices=RiskLevel.choices)
    created_at = serializers.DateTimeField()
    superseded_at = serializers.DateTimeField()
    resubmission = serializers.BooleanField()


class ApplicantDocumentSerializer(serializers.ModelSerializer):
    document_type = serializers.ChoiceField(choices=DocumentType.choices)
    status = serializers.ChoiceField(choices=DocumentStatus.choices)
    original_filename = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = ("id", "document_type", "status", "original_filename", "error")

    def get_original_filename(self, obj: Document) -> str:
        # File names are often the person's name: the extension only without view_pii.
        return obj.original_filename if can_view_pii(self.context) else mask_filename(obj.original_filename)


class ApplicantListSerializer(serializers.ModelSerializer):
    """Personal data is shown to staff holding ``view_pii``; others see masks."""

    name = serializers.SerializerMethodField()
    email = serializers.SerializerMethodField()
    status = serializers.SerializerMethodField()
    risk_level = serializers.SerializerMethodField()
    form_request_id = serializers.UUIDField(read_only=True)

    class Meta:
        model = Applicant
        fields = ("id", "name", "email", "status", "risk_level", "form_request_id", "created_at")

    @extend_schema_field(serializers.ChoiceField(choices=CONTRACT_APPLICANT_STATUSES))
    def get_status(self, obj: Applicant) -> str:
        return contract_applicant_status(obj.status)

    def can_view_pii(self) -> bool:
        return can_view_pii(self.context)

    def get_name(self, obj: Applicant) -> str:
        return obj.name if self.can_view_pii() else mask_name(obj.name)

    def get_email(self, obj: Applicant) -> str:
        return obj.email if self.can_view_pii() else mask_email(obj.email)

    @extend_schema_field(serializers.ChoiceField(choices=RiskLevel.choices, allow_null=True))
    def get_risk_level(self, obj: Applicant) -> str | None:
        return obj.risk_level or None


class ApplicantDetailSerializer(ApplicantListSerializer):
    application_id = serializers.UUIDField(read_only=True, allow_null=True)
    role = serializers.ChoiceField(choices=Role.choices, read_only=True)
    nif = serializers.SerializerMethodField()
    date_of_birth = serializers.SerializerMethodField()
    phone = serializers.SerializerMethodField()
    documents = ApplicantDocumentSerializer(many=True, read_only=True)
    report = serializers.SerializerMethodField()
    decision = serializers.SerializerMethodField()
    failure_reason = serializers.CharField(read_only=True)
    report_history = serializers.SerializerMethodField()
    info_requests = serializers.SerializerMethodField()
    contests = serializers.SerializerMethodField()

    class Meta(ApplicantListSerializer.Meta):
        fields = (  # type: ignore[assignment]
            *ApplicantListSerializer.Meta.fields,
            "application_id",
            "role",
            "nif",
            "date_of_birth",
            "phone",
            "documents",
            "report",
            "decision",
            "failure_reason",
            "report_history",
            "info_requests",
            "contests",
        )

    @extend_schema_field(ReportHistoryItemSerializer(many=True))
    def get_report_history(self, obj: Applicant) -> list[dict[str, Any]]:
        """The reports the current one replaced, newest first, each with when it was replaced."""
        return list(ReportHistoryItemSerializer(report_history_items(obj), many=True).data)

    @extend_schema_field(InfoRequestSerializer(many=True))
    def get_info_requests(self, obj: Applicant) -> list[dict[str, Any]]:
        return list(InfoRequestSerializer(obj.info_requests.all(), many=True).data)

    @extend_schema_field(ContestItemSerializer(many=True))
    def get_contests(self, obj: Applicant) -> list[dict[str, Any]]:
        return list(ContestItemSerializer(obj.contests.all(), many=True).data)

    def get_nif(self, obj: Applicant) -> str:
        return obj.nif if self.can_view_pii() else mask_tail(obj.nif)

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_date_of_birth(self, obj: Applicant) -> dt.date | None:
        return obj.date_of_birth if self.can_view_pii() else None

    def get_phone(self, obj: Applicant) -> str:
        # Given at submission and held encrypted, yet only the export showed it (probe C29): staff call applicants.
        if not obj.phone:
            return ""
        return obj.phone if self.can_view_pii() else mask_tail(obj.phone)

    @extend_schema_field(ReportSerializer(allow_null=True))
    def get_report(self, obj: Applicant) -> dict[str, Any] | None:
        # A household member's report is their application's (filed under the lead tenant).
        report = report_latest(applicant=obj)
        return dict(ReportSerializer(report, context=self.context).data) if report else None

    @extend_schema_field(DecisionSerializer(allow_null=True))
    def get_decision(self, obj: Applicant) -> dict[str, Any] | None:
        decision = obj.latest_decision
        return dict(DecisionSerializer(decision, context=self.context).data) if decision else None


def report_history_items(applicant: Applicant) -> list[dict[str, Any]]:
    reports = report_newest_first(applicant=applicant, limit=21)
    return [
        {
            "id": older.id,
            "risk_level": older.risk_level,
            "created_at": older.created_at,
            "superseded_at": newer.created_at,
            "resubmission": older.resubmission,
        }
        for newer, older in itertools.pairwise(reports)
    ]


class ApplicantStatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=CONTRACT_APPLICANT_STATUSES)
    report = ReportSerializer(allow_null=True)


class ApplicantRectifySerializer(PersonDataSerializer):
    """``PATCH /applicants/{id}``: any of the person's five fields, checked as the intake checks them."""


class ApplicantRectifiedSerializer(ApplicantDetailSerializer):
    """The applicant as ``GET`` answers it, and what the rectification did (context ``rectification``)."""

    rectified_fields = serializers.SerializerMethodField()
    rescreened = serializers.SerializerMethodField()

    class Meta(ApplicantDetailSerializer.Meta):
        fields = (*ApplicantDetailSerializer.Meta.fields, "rectified_fields", "rescreened")  # type: ignore[assignment]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_rectified_fields(self, obj: Applicant) -> list[str]:
        return list(self.context["rectification"].changed)

    def get_rescreened(self, obj: Applicant) -> bool:
        return bool(self.context["rectification"].rescreened)


class RescreenSerializer(serializers.Serializer):
    force = JsonBooleanField(default=False)
    reextract = JsonBooleanField(default=False)


class RescreenResultSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=CONTRACT_APPLICANT_STATUSES)


# --- Staff: applications (households) ----------------------------------------------------


def number(value: Any) -> float | None:
    """A stored decimal (string or Decimal) as a JSON number; None stays None."""
    return None if value is None or value == "" else float(Decimal(str(value)))


class ApplicationMemberSerializer(serializers.Serializer):
    """One person of the application: submitted (``applicant_id``) or only invited so far (``null``)."""

    applicant_id = serializers.UUIDField(allow_null=True)
    role = serializers.ChoiceField(choices=Role.choices)
    name = serializers.CharField()
    status = serializers.ChoiceField(choices=CONTRACT_APPLICANT_STATUSES, allow_null=True)
    invitation_status = serializers.ChoiceField(choices=InvitationStatus.choices, allow_null=True)
    info_request = serializers.ChoiceField(
        choices=[InfoRequestStatus.OPEN, InfoRequestStatus.OVERDUE],
        allow_null=True,
        help_text="OPEN or OVERDUE while staff wait for documents asked of this person, else null",
    )


class ApplicationDecisionSerializer(DecisionSerializer):
    """The application's latest decision, on whichever member it was made (a request to a member is one too)."""

    applicant_id = serializers.UUIDField(read_only=True)
    role = serializers.ChoiceField(choices=Role.choices, source="applicant.role", read_only=True)

    class Meta:
        model = Decision
        fields = ("applicant_id", "role", "decision", "reason", "decided_by", "decided_at", "report_id")


class ApplicationInvitationSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    role = serializers.ChoiceField(choices=Role.choices)
    name = serializers.CharField()
    email = serializers.CharField()
    status = serializers.ChoiceField(choices=InvitationStatus.choices)
    applicant_id = serializers.UUIDField(allow_null=True)
    sent_at = serializers.DateTimeField(allow_null=True)
    expires_at = serializers.DateTimeField()
    left_out_at = serializers.DateTimeField(allow_null=True)
    created_at = serializers.DateTimeField()


class HouseholdFiguresSerializer(serializers.Serializer):
    applicant_id = serializers.UUIDField()
    role = serializers.ChoiceField(choices=Role.choices)
    identity_verified = serializers.BooleanField()
    income_verified = serializers.BooleanField()
    average_monthly_income = serializers.FloatField(allow_null=True)
    income_share = serializers.FloatField(allow_null=True)


class GuarantorVerdictSerializer(serializers.Serializer):
    applicant_id = serializers.UUIDField()
    covers = serializers.BooleanField()
    identity_verified = serializers.BooleanField()
    # Null on reports made before round 77 (blind probe r77d, F3), when a guarantor covered on the ratio alone.
    income_verified = serializers.BooleanField(allow_null=True)
    dti_ratio = serializers.FloatField(allow_null=True)
    threshold = serializers.FloatField()
    income_needed = serializers.FloatField(allow_null=True)
    shortfall = serializers.FloatField(allow_null=True)


class ApplicationReportSerializer(serializers.Serializer):
    # The report's id, as the applicant's status and the APPLICANT_SCREENED event give it (end-to-end probe c23: a
    # client reading applications could not match a report to its event).
    id = serializers.UUIDField()
    # A second round's report, as the applicant's endpoints flag it (probe C28: only they did).
    resubmission = serializers.BooleanField()
    risk_level = serializers.ChoiceField(choices=RiskLevel.choices)
    identity_verified = serializers.BooleanField()
    income_verified = serializers.BooleanField()
    household_dti_ratio = serializers.FloatField(allow_null=True)
    household_monthly_income = serializers.FloatField(allow_null=True)
    monthly_cost = serializers.FloatField(allow_null=True)
    members = HouseholdFiguresSerializer(many=True)
    guarantor = GuarantorVerdictSerializer(allow_null=True)
    justification = serializers.CharField()
    justification_language = serializers.CharField()
    checks = CheckSerializer(many=True)
    authenticity = AuthenticitySectionSerializer(many=True)
    proposed_request = ProposedRequestSerializer(allow_null=True)
    backend = serializers.CharField()
    model_name = serializers.CharField()
    created_at = serializers.DateTimeField()


def application_members(application: Application, *, can_view_pii: bool) -> list[dict[str, Any]]:
    """The lead first, then the others who submitted, then those invited who have not (the newest link each)."""
    show_name = (lambda name: name) if can_view_pii else mask_name
    invitations = list(application.invitations.all())
    by_applicant = {invitation.applicant_id: invitation for invitation in invitations if invitation.applicant_id}
    submitted = sorted(application.members.all(), key=lambda m: (m.role != Role.TENANT, m.created_at))
    members = [
        {
            "applicant_id": member.id,
            "role": member.role,
            "name": show_name(member.name),
            "status": contract_applicant_status(member.status),
            "invitation_status": by_applicant[member.id].effective_status if member.id in by_applicant else None,
            "info_request": member_info_request_status(member),
        }
        for member in submitted
    ]
    members += [
        {
            "applicant_id": None,
            "role": invitation.role,
            "name": show_name(invitation.name),
            "status": None,
            "invitation_status": invitation.effective_status,
            "info_request": None,
        }
        for invitation in invitations
        if invitation.applicant_id is None and not invitation.superseded_in(invitations)
    ]
    return members


def member_info_request_status(member: Applicant) -> str | None:
    """``OPEN`` or ``OVERDUE`` while the person owes documents staff asked for; the prefetch holds unanswered ones.

    An application read alone showed the lead's ``APPROVED`` while a member had been asked for more (probe C28).
    """
    unanswered = [r for r in member.info_requests.all() if r.answered_at is None and r.closed_at is None]
    return max(unanswered, key=lambda r: r.created_at).effective_status if unanswered else None


def application_invitations(application: Application, *, can_view_pii: bool) -> list[dict[str, Any]]:
    return [
        {
            "id": invitation.id,
            "role": invitation.role,
            "name": invitation.name if can_view_pii else mask_name(invitation.name),
            "email": invitation.email if can_view_pii else mask_email(invitation.email),
            "status": invitation.effective_status,
            "applicant_id": invitation.applicant_id,
            "sent_at": invitation.sent_at,
            "expires_at": invitation.expires_at,
            # A SENT invitation a forced screening went ahead without: once the application waits for someone
            # invited later, its status alone no longer tells (probe C28).
            "left_out_at": invitation.left_out_at,
            "created_at": invitation.created_at,
        }
        for invitation in application.invitations.all()
    ]


def application_latest_decision(application: Application) -> Decision | None:
    """The newest decision made on any member: staff may decide on, or ask for documents of, a member who is not
    the lead, and a later decision on anyone closes every request of the application."""
    decisions = [member.latest_decision for member in application.members.all()]
    made = [decision for decision in decisions if decision is not None]
    return max(made, key=lambda decision: decision.decided_at) if made else None


def application_lead(application: Application) -> Applicant | None:
    members = list(application.members.all())
    return next((m for m in members if m.role == Role.TENANT), members[0] if members else None)


def application_report(application: Application) -> ScreeningReport | None:
    lead = application_lead(application)
    return report_latest(applicant=lead) if lead is not None else None


def single_person_figures(report: ScreeningReport, application: Application) -> dict[str, Any]:
    """A one-person report keeps no household section: its figures are the person's own."""
    lead = application_lead(application)
    form = application.form_request
    organization = application.organization
    monthly_cost, _ = property_monthly_cost(
        {"listing_type": form.listing_type, "price": form.property_price},
        {
            "sale_loan_to_value": organization.sale_loan_to_value,
            "sale_annual_interest_rate": organization.sale_annual_interest_rate,
            "sale_loan_term_years": organization.sale_loan_term_years,
        },
    )
    income = report.average_monthly_income
    return {
        "household_monthly_income": income,
        "monthly_cost": monthly_cost,
        "members": [
            {
                "applicant_id": lead.id if lead else report.applicant_id,
                "role": Role.TENANT,
                "identity_verified": report.identity_verified,
                "income_verified": report.income_verified,
                "average_monthly_income": income,
                "income_share": 1 if income else None,
            }
        ],
        "guarantor": None,
    }


def application_report_data(report: ScreeningReport, application: Application, *, can_view_pii: bool) -> dict[str, Any]:
    household = report.household or single_person_figures(report, application)
    guarantor = household.get("guarantor")
    return {
        "id": report.id,
        "resubmission": report.resubmission,
        "risk_level": report.risk_level,
        "identity_verified": report.identity_verified,
        "income_verified": report.income_verified,
        "household_dti_ratio": number(report.dti_ratio),
        "household_monthly_income": number(household.get("household_monthly_income")),
        "monthly_cost": number(household.get("monthly_cost")),
        "members": [
            {
                "applicant_id": member["applicant_id"],
                "role": member["role"],
                "identity_verified": member["identity_verified"],
                "income_verified": member["income_verified"],
                "average_monthly_income": number(member.get("average_monthly_income")),
                "income_share": number(member.get("income_share")),
            }
            for member in household.get("members", [])
        ],
        "guarantor": None
        if not guarantor
        else {
            "applicant_id": guarantor["applicant_id"],
            "covers": guarantor["covers"],
            "identity_verified": guarantor.get("identity_verified", False),
            "income_verified": guarantor.get("income_verified"),
            "dti_ratio": number(guarantor.get("dti_ratio")),
            "threshold": number(guarantor.get("threshold")),
            "income_needed": number(guarantor.get("income_needed")),
            "shortfall": number(guarantor.get("shortfall")),
        },
        "justification": report.justification,
        "justification_language": report.justification_language,
        "checks": checks_for_viewer(list(report.checks), can_view_pii=can_view_pii),
        "authenticity": list(report.authenticity),
        "proposed_request": proposed_request(list(report.authenticity), applicant_id=str(report.applicant_id)),
        "backend": report.backend,
        "model_name": report.model_name,
        "created_at": report.created_at,
    }


class ApplicationSerializer(serializers.ModelSerializer):
    """An application with every person in it; names and e-mails masked without ``view_pii``."""

    form_request_id = serializers.UUIDField(read_only=True)
    property_title = serializers.CharField(source="form_request.property_title", read_only=True)
    status = serializers.ChoiceField(choices=ApplicationStatus.choices, read_only=True)
    risk_level = serializers.SerializerMethodField()
    members = serializers.SerializerMethodField()
    invitations = serializers.SerializerMethodField()
    report = serializers.SerializerMethodField()
    decision = serializers.SerializerMethodField()

    class Meta:
        model = Application
        fields = (
            "id",
            "form_request_id",
            "property_title",
            "status",
            "risk_level",
            "members",
            "invitations",
            "report",
            "decision",
            "created_at",
            "updated_at",
        )

    def can_view_pii(self) -> bool:
        return can_view_pii(self.context)

    def report_of(self, obj: Application) -> ScreeningReport | None:
        # Read once per application and serializer: risk_level and report share it.
        cache = self.context.setdefault("_reports", {})
        if obj.id not in cache:
            cache[obj.id] = application_report(obj)
        report: ScreeningReport | None = cache[obj.id]
        return report

    @extend_schema_field(serializers.ChoiceField(choices=RiskLevel.choices, allow_null=True))
    def get_risk_level(self, obj: Application) -> str | None:
        report = self.report_of(obj)
        return report.risk_level if report else None

    @extend_schema_field(ApplicationMemberSerializer(many=True))
    def get_members(self, obj: Application) -> list[dict[str, Any]]:
        members = application_members(obj, can_view_pii=self.can_view_pii())
        return list(ApplicationMemberSerializer(members, many=True).data)

    @extend_schema_field(ApplicationInvitationSerializer(many=True))
    def get_invitations(self, obj: Application) -> list[dict[str, Any]]:
        invitations = application_invitations(obj, can_view_pii=self.can_view_pii())
        return list(ApplicationInvitationSerializer(invitations, many=True).data)

    @extend_schema_field(ApplicationReportSerializer(allow_null=True))
    def get_report(self, obj: Application) -> dict[str, Any] | None:
        report = self.report_of(obj)
        if report is None:
            return None
        data = application_report_data(report, obj, can_view_pii=self.can_view_pii())
        return dict(ApplicationReportSerializer(data).data)

    @extend_schema_field(ApplicationDecisionSerializer(allow_null=True))
    def get_decision(self, obj: Application) -> dict[str, Any] | None:
        decision = application_latest_decision(obj)
        return dict(ApplicationDecisionSerializer(decision, context=self.context).data) if decision else None


class ApplicationInviteSerializer(HouseholdMemberSerializer):
    """Staff invite with the same fields as the lead tenant does (its own schema component)."""


class StaffInvitationCreatedSerializer(serializers.Serializer):
    """Shown once, at creation: the only time the invitation's token is readable (``null`` without ``view_pii``)."""

    id = serializers.UUIDField()
    role = serializers.ChoiceField(choices=Role.choices)
    name = serializers.CharField()
    email = serializers.EmailField()
    status = serializers.ChoiceField(choices=InvitationStatus.choices)
    expires_at = serializers.DateTimeField()
    token = serializers.CharField(allow_null=True)
    intake_url = serializers.URLField(allow_null=True)


class ApplicationScreenSerializer(serializers.Serializer):
    # A JSON boolean, as every switch in a body (docs/api.md, Conventions): "yes" forced a screening (blind probe r72c).
    force = JsonBooleanField(default=False)


class ApplicationScreenResultSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=ApplicationStatus.choices)
