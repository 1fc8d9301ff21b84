"""The applicant's request and response shapes of the REST contract (docs/api.md)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from applicants import errors
from applicants.ages import ADULT_AGE, age_on
from applicants.identifiers import InvalidNIF, nif_validate_personal
from applicants.models import (
    CONTRACT_APPLICANT_STATUSES,
    ContestStatus,
    FormStatus,
    IncomeProfile,
    InvitationStatus,
    ListingType,
    PropertyType,
    Role,
)
from applicants.rest import choice_field, money_field
from applicants.text import person_name_shaped
from documents.models import DocumentStatus, DocumentType


class IncomeDocumentSerializer(serializers.Serializer):
    kind = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # the metaclass pops declared fields


class IntakeInfoSerializer(serializers.Serializer):
    property_title = serializers.CharField()
    property_type = serializers.ChoiceField(choices=PropertyType.choices)
    listing_type = serializers.ChoiceField(choices=ListingType.choices)
    property_price = money_field()
    organization_name = serializers.CharField()
    expires_at = serializers.DateTimeField()
    status = serializers.ChoiceField(choices=FormStatus.choices)
    document_types = serializers.ListField(child=serializers.ChoiceField(choices=DocumentType.choices))
    max_documents = serializers.IntegerField()
    max_file_size = serializers.IntegerField()
    consent_text_version = serializers.CharField()
    consent_notice = serializers.CharField(
        help_text="The information notice (GDPR art. 13) to show before consent, plain text, paragraphs separated by "
        "a blank line, in the request's language"
    )
    consent_notice_sha256 = serializers.CharField(
        help_text="The notice's SHA-256 (UTF-8), to send back with the submission as the one accepted"
    )
    role = serializers.ChoiceField(choices=Role.choices)
    income_documents = serializers.DictField(
        child=IncomeDocumentSerializer(many=True),
        help_text="For each income_profile, the income documents that prove it (kind and label), in order",
    )
    invited_by_name = serializers.CharField(
        allow_null=True, help_text="The lead tenant's first name, on an invited person's link"
    )


class UploadRequestSerializer(serializers.Serializer):
    filename = serializers.CharField(max_length=255)
    content_type = serializers.CharField(max_length=100)
    size = serializers.IntegerField(min_value=1)
    document_type = choice_field(choices=DocumentType.choices)


class UploadFormSerializer(serializers.Serializer):
    url = serializers.CharField()
    fields = serializers.DictField(child=serializers.CharField())  # type: ignore[assignment]


class UploadSlotSerializer(serializers.Serializer):
    key = serializers.CharField()
    upload = UploadFormSerializer()
    expires_in = serializers.IntegerField()


class SubmissionDocumentSerializer(serializers.Serializer):
    key = serializers.CharField(max_length=512)
    original_filename = serializers.CharField(max_length=255)
    content_type = serializers.CharField(max_length=100)
    document_type = choice_field(choices=DocumentType.choices)


class HouseholdRoleField(serializers.ChoiceField):
    """``CO_TENANT`` or ``GUARANTOR``; any other value is ``400 invalid_role`` with its code, as the contract says
    (cases probe 16: a field error without the code came back, and clients branch on the code)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=[Role.CO_TENANT, Role.GUARANTOR], **kwargs)

    def run_validation(self, data: Any = serializers.empty) -> Any:
        # Left out, it is a field error (required); sent, null or blank included, it is a role or invalid_role.
        if data is not serializers.empty and (data in ("", None) or str(data) not in self.choice_strings_to_values):
            raise errors.InvalidHouseholdRole()
        return super().run_validation(data)


# What a name may hold (applicants.text.person_name_shaped), said to whoever typed one that is not a person's.
PERSON_NAME_REFUSED = gettext_noop(
    "Indique o nome da pessoa: letras, espaços, apóstrofos, hífenes, vírgulas e pontos (sem endereços nem números)."
)


class HouseholdMemberSerializer(serializers.Serializer):
    role = HouseholdRoleField()
    name = serializers.CharField(max_length=200)
    email = serializers.EmailField(max_length=254)

    def validate_name(self, value: str) -> str:
        # A blank name is the field's own "may not be blank"; here it was given, only too short (probe C28: "X"
        # read "Indique o nome.", as if missing).
        if len(value.strip()) < 2:
            raise serializers.ValidationError(_("O nome é curto demais: escreva pelo menos 2 caracteres."))
        # The name is printed in the invitation e-mail's greeting, sent as the agency (probe C27: a URL there).
        if not person_name_shaped(value):
            raise serializers.ValidationError(_(PERSON_NAME_REFUSED))
        return value.strip()


class InvitationResultSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=Role.choices)
    email = serializers.EmailField()
    status = serializers.ChoiceField(choices=InvitationStatus.choices)


@extend_schema_field(OpenApiTypes.BOOL)
class ConsentField(serializers.Field):  # type: ignore[type-arg]
    """Consent is the JSON value ``true`` and nothing else.

    DRF's boolean field took "true", "1", 1, "yes" and "on" as consent (cases probe 7): a client's string or
    number is not a person ticking the box. Anything else, or nothing, is no consent: ``terms_not_accepted``.
    """

    def to_internal_value(self, data: Any) -> bool:
        return data is True

    def to_representation(self, value: Any) -> bool:
        return value is True


# A phone as people write it: an optional "+", digits, spaces, brackets and dashes (docs/api.md).
PHONE_SHAPE = re.compile(r"\+?[0-9 ()-]{6,20}")
PHONE_REFUSED = gettext_noop(
    "Número de telefone inválido: escreva-o só com algarismos e o indicativo do país se quiser (ex.: +351 912 345 678)."
)


def phone_normalized(value: str) -> str:
    """ "(+351) 912 345 678" and "+351.912.345.678" as "+351 912 345 678": the country code's brackets and dots
    as separators are the same number, as the intake page writes it."""
    phone = re.sub(r"^\(\s*\+\s*(\d+)\s*\)", r"+\1", value.strip())
    return re.sub(r"\s+", " ", phone.replace(".", " "))


class PersonDataSerializer(serializers.Serializer):
    """The person's own data as they submit it: name, NIF, birth date, e-mail and phone, checked and rewritten one
    way. Staff's rectification (``PATCH /applicants/{id}``) takes the same fields through this class, so a corrected
    value is held to what the intake holds it to (blind probe r64b)."""

    # Wider than 9 so "PT 245 718 931" reaches normalization (the model field's max_length=9 would refuse it first).
    nif = serializers.CharField(max_length=20)
    name = serializers.CharField(max_length=200)
    date_of_birth = serializers.DateField()
    email = serializers.EmailField(max_length=254)
    phone = serializers.CharField(max_length=32, required=False, allow_blank=True)

    def validate_nif(self, value: str) -> str:
        try:
            return nif_validate_personal(value)
        except InvalidNIF as exc:
            raise serializers.ValidationError(str(exc)) from exc

    def validate_name(self, value: str) -> str:
        if len(value.strip()) < 2:
            raise serializers.ValidationError(
                _("O nome é curto demais: escreva o nome completo (pelo menos 2 caracteres).")
            )
        # The lead's name is printed in the invitation e-mails their household gets, sent as the agency: held to the
        # rule an invitee's name is held to (probe C27 found a URL accepted here).
        if not person_name_shaped(value):
            raise serializers.ValidationError(_(PERSON_NAME_REFUSED))
        return value.strip()

    def validate_phone(self, value: str) -> str:
        # The page sent "(+351) 912 345 678" as "+351 912 345 678" and the API refused it (blind probe r55a): every
        # integrator's CRM would have had to rewrite it the page's way, so the server does.
        phone = phone_normalized(value)
        if phone and not PHONE_SHAPE.fullmatch(phone):
            raise serializers.ValidationError(_(PHONE_REFUSED))
        return phone

    def validate_date_of_birth(self, value: dt.date) -> dt.date:
        today = dt.date.today()
        # What is wrong with it, so the person knows what to correct (blind probe r70a, F31).
        if value > today:
            raise serializers.ValidationError(_("A data de nascimento não pode ser posterior a hoje: confirme o ano."))
        if value == today or value.year < 1900:
            raise serializers.ValidationError(_("Data de nascimento inválida."))
        if age_on(value, today) < ADULT_AGE:
            raise serializers.ValidationError(_("O candidato deve ser maior de idade."))
        return value


class SubmissionSerializer(PersonDataSerializer):
    terms_accepted = ConsentField(required=False, default=False, allow_null=True)
    consent_notice_sha256 = serializers.RegexField(
        r"^[0-9a-f]{64}$",
        required=False,
        allow_blank=True,
        help_text="The consent_notice_sha256 of the notice shown; without it, the notice in the request's language",
    )
    documents = SubmissionDocumentSerializer(many=True, allow_empty=True)
    household = HouseholdMemberSerializer(many=True, required=False, default=list)
    income_profile = choice_field(choices=IncomeProfile.choices, required=False, allow_blank=True, default="")

    def validate_documents(self, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        # The count limit is a business rule with its own code; checked in the service.
        if len(value) > settings.INTAKE_MAX_DOCUMENTS * 10:
            raise serializers.ValidationError(_("Demasiados documentos."))
        return value


class SubmissionResultSerializer(serializers.Serializer):
    applicant_id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=CONTRACT_APPLICANT_STATUSES)
    documents_uploaded = serializers.IntegerField()
    application_id = serializers.UUIDField()
    invitations = InvitationResultSerializer(many=True)


class IntakeDocumentStatusSerializer(serializers.Serializer):
    document_type = serializers.ChoiceField(choices=DocumentType.choices)
    original_filename = serializers.CharField()
    status = serializers.ChoiceField(choices=DocumentStatus.choices)
    reason = serializers.CharField(
        allow_null=True, help_text="Why a FAILED document could not be read and what to send instead (pt-PT); else null"
    )


class HouseholdStatusSerializer(serializers.Serializer):
    """Who the lead invited and whether they have submitted: never their data."""

    role = serializers.ChoiceField(choices=Role.choices)
    name = serializers.CharField(help_text="As the lead tenant wrote it when inviting")
    invitation_status = serializers.ChoiceField(choices=InvitationStatus.choices)
    left_out_at = serializers.DateTimeField(
        allow_null=True, help_text="When a forced screening went ahead without this person (null otherwise)"
    )


class RequestedDocumentSerializer(serializers.Serializer):
    document_type = serializers.ChoiceField(choices=DocumentType.choices)
    note = serializers.CharField(allow_blank=True)


class ExplanationCheckSerializer(serializers.Serializer):
    name = serializers.CharField()
    passed = serializers.BooleanField()
    text = serializers.CharField()
    above_recommended = serializers.BooleanField(
        required=False,
        help_text="Only on the affordability entry: the ratio is above the agency's recommended limit "
        "(dti_recommended), a reason for a MEDIUM report though within the maximum (passed)",
    )


class ExplanationSerializer(serializers.Serializer):
    """What was checked about this person and what would change the outcome; never another person's data."""

    checks = ExplanationCheckSerializer(many=True)
    dti_ratio = serializers.FloatField(allow_null=True)
    dti_limit = serializers.FloatField(
        allow_null=True,
        help_text="The agency's maximum taxa de esforço (a tenant's ratio above it makes the report HIGH); a "
        "guarantor's own limit for a guarantor",
    )
    dti_recommended = serializers.FloatField(
        help_text="The agency's recommended limit (a tenant's ratio above it makes the report at least MEDIUM); "
        "the guarantor limit again for a guarantor"
    )
    what_would_change = serializers.ListField(child=serializers.CharField())
    risk_level = serializers.CharField(required=False, help_text="Only when the agency chooses to show it")


class ApplicantContestSerializer(serializers.Serializer):
    message = serializers.CharField()
    status = serializers.ChoiceField(choices=ContestStatus.choices)
    created_at = serializers.DateTimeField()
    answer = serializers.CharField(allow_blank=True)


class IntakeStatusSerializer(serializers.Serializer):
    status = serializers.CharField()
    reason = serializers.CharField(
        required=False,
        help_text="Only when status is FAILED: a fixed text saying the application could not be finished for a "
        "technical reason on the service's side and that the agency can process it again (never an internal error)",
    )
    documents = IntakeDocumentStatusSerializer(many=True)
    household = HouseholdStatusSerializer(many=True, required=False)
    requested_documents = RequestedDocumentSerializer(
        many=True, required=False, help_text="What the agency asks this person for (a request for more documents)"
    )
    message = serializers.CharField(required=False, help_text="The agency's message with the request")
    due_at = serializers.DateTimeField(required=False, help_text="When the request is due")
    explanation = ExplanationSerializer(required=False, help_text="After screening: about this person only")
    contests = ApplicantContestSerializer(many=True, required=False)


class AdditionalDocumentsSerializer(serializers.Serializer):
    # An empty list is the requested documents missing (``requested_document_missing``), said by the service.
    documents = SubmissionDocumentSerializer(many=True)

    def validate_documents(self, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if len(value) > settings.INTAKE_MAX_DOCUMENTS:
            raise serializers.ValidationError(
                _("No máximo %(count)s documentos.") % {"count": settings.INTAKE_MAX_DOCUMENTS}
            )
        return value


class AdditionalDocumentsResultSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=CONTRACT_APPLICANT_STATUSES)
    documents_uploaded = serializers.IntegerField()


class ContestSerializer(serializers.Serializer):
    message = serializers.CharField(max_length=2000, trim_whitespace=True)


class ContestResultSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=ContestStatus.choices)
