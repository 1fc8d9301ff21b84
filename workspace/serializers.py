"""Staff request and response shapes of the REST contract (docs/api.md)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from applicants.masking import checks_for_viewer, mask_email, mask_filename, mask_name, mask_tail
from applicants.models import (
    Applicant,
    ApplicantStatus,
    Decision,
    DecisionOutcome,
    FormStatus,
    IntakeFormRequest,
    ListingType,
    PropertyType,
)
from applicants.rest import money_field
from applicants.services import FORM_MAX_EXPIRY_DAYS
from documents.models import Document, DocumentStatus, DocumentType
from screening.models import RiskLevel, ScreeningReport

# --- Staff: intake form requests ---------------------------------------------------


class FormRequestCreateSerializer(serializers.Serializer):
    listing_type = serializers.ChoiceField(choices=ListingType.choices)
    property_type = serializers.ChoiceField(choices=PropertyType.choices)
    property_title = serializers.CharField(max_length=200)
    property_price = money_field(min_value=Decimal("0.01"))
    expires_in_days = serializers.IntegerField(min_value=1, max_value=FORM_MAX_EXPIRY_DAYS, required=False)


class SubmissionSummarySerializer(serializers.Serializer):
    applicant_id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=ApplicantStatus.choices)
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
        return {"applicant_id": applicant.id, "status": applicant.status, "submitted_at": applicant.created_at}


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

    class Meta:
        model = ScreeningReport
        fields = (
            "risk_level",
            "identity_verified",
            "income_verified",
            "dti_ratio",
            "average_monthly_income",
            "justification",
            "justification_language",
            "checks",
            "backend",
            "model_name",
            "created_at",
        )

    @extend_schema_field(CheckSerializer(many=True))
    def get_checks(self, obj: ScreeningReport) -> list[dict[str, Any]]:
        checks = checks_for_viewer(list(obj.checks), can_view_pii=can_view_pii(self.context))
        return list(CheckSerializer(checks, many=True).data)


class DecisionSerializer(serializers.ModelSerializer):
    decided_by = serializers.SerializerMethodField()

    class Meta:
        model = Decision
        fields = ("decision", "reason", "decided_by", "decided_at")

    def get_decided_by(self, obj: Decision) -> str | None:
        return obj.decided_by.get_username() if obj.decided_by else None


class DecisionCreateSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=DecisionOutcome.choices)
    reason = serializers.CharField(max_length=2000, allow_blank=False, trim_whitespace=True)


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
    risk_level = serializers.SerializerMethodField()
    form_request_id = serializers.UUIDField(read_only=True)

    class Meta:
        model = Applicant
        fields = ("id", "name", "email", "status", "risk_level", "form_request_id", "created_at")

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
    nif = serializers.SerializerMethodField()
    date_of_birth = serializers.SerializerMethodField()
    documents = ApplicantDocumentSerializer(many=True, read_only=True)
    report = serializers.SerializerMethodField()
    decision = serializers.SerializerMethodField()
    failure_reason = serializers.CharField(read_only=True)

    class Meta(ApplicantListSerializer.Meta):
        fields = (  # type: ignore[assignment]
            *ApplicantListSerializer.Meta.fields,
            "nif",
            "date_of_birth",
            "documents",
            "report",
            "decision",
            "failure_reason",
        )

    def get_nif(self, obj: Applicant) -> str:
        return obj.nif if self.can_view_pii() else mask_tail(obj.nif)

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_date_of_birth(self, obj: Applicant) -> dt.date | None:
        return obj.date_of_birth if self.can_view_pii() else None

    @extend_schema_field(ReportSerializer(allow_null=True))
    def get_report(self, obj: Applicant) -> dict[str, Any] | None:
        report = ScreeningReport.objects.current(applicant_id=obj.id)
        return dict(ReportSerializer(report, context=self.context).data) if report else None

    @extend_schema_field(DecisionSerializer(allow_null=True))
    def get_decision(self, obj: Applicant) -> dict[str, Any] | None:
        decision = obj.latest_decision
        return dict(DecisionSerializer(decision).data) if decision else None


class ApplicantStatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=ApplicantStatus.choices)
    report = ReportSerializer(allow_null=True)


class RescreenSerializer(serializers.Serializer):
    force = serializers.BooleanField(default=False)
    reextract = serializers.BooleanField(default=False)


class RescreenResultSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=ApplicantStatus.choices)
