from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from applicants.crypto import DecryptionError, nif_index_for
from applicants.fields import EncryptedLookupError
from applicants.models import Applicant
from screening.models import ScreeningReport
from tests.factories import ApplicantFactory

pytestmark = pytest.mark.django_db


def raw_row(model: Any, pk: Any) -> str:
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table} WHERE id = %s", [model._meta.pk.get_db_prep_value(pk, connection)])  # noqa: S608
        return " ".join(str(value) for value in cursor.fetchone())


def report_for(applicant: Applicant, **overrides: Any) -> ScreeningReport:
    values: dict[str, Any] = {
        "organization": applicant.organization,
        "applicant": applicant,
        "risk_level": "LOW",
        "identity_verified": True,
        "income_verified": True,
        "dti_ratio": Decimal("0.25"),
        "average_monthly_income": Decimal("3200.00"),
        "justification": "Rendimento suficiente.",
        "checks": [{"name": "identity.nif_match", "passed": True}],
        "backend": "rules",
        "rules_version": "test",
    }
    values.update(overrides)
    return ScreeningReport.objects.create(**values)


def test_char_email_and_date_fields_round_trip() -> None:
    applicant = ApplicantFactory(
        nif="245718931", name="Maria João Conceição", email="mj@example.com", date_of_birth=dt.date(1985, 2, 28)
    )
    stored = Applicant.objects.get(pk=applicant.pk)
    assert (stored.nif, stored.name, stored.email, stored.date_of_birth) == (
        "245718931",
        "Maria João Conceição",
        "mj@example.com",
        dt.date(1985, 2, 28),
    )


def test_empty_string_and_zero_round_trip_and_are_not_null() -> None:
    applicant = ApplicantFactory(phone="")
    report = report_for(applicant, average_monthly_income=Decimal("0"), justification="", checks=[])
    assert Applicant.objects.get(pk=applicant.pk).phone == ""
    stored = ScreeningReport.objects.get(pk=report.pk)
    assert stored.average_monthly_income == Decimal("0")
    assert stored.justification == ""
    assert stored.checks == []
    assert not Applicant.objects.filter(pk=applicant.pk, phone__isnull=True).exists()


def test_decimal_and_json_round_trip_with_unicode() -> None:
    report = report_for(ApplicantFactory(), average_monthly_income=Decimal("1234.56"), checks={"ç": ["ã", 1, None]})
    stored = ScreeningReport.objects.get(pk=report.pk)
    assert stored.average_monthly_income == Decimal("1234.56")
    assert stored.checks == {"ç": ["ã", 1, None]}


def test_none_is_stored_as_null() -> None:
    report = report_for(ApplicantFactory(), average_monthly_income=None)
    assert ScreeningReport.objects.filter(pk=report.pk, average_monthly_income__isnull=True).exists()


def test_raw_table_holds_no_plaintext_pii() -> None:
    applicant = ApplicantFactory(
        nif="245718931", name="Maria Santos", email="maria@example.com", date_of_birth=dt.date(1990, 6, 15)
    )
    raw = raw_row(Applicant, applicant.pk)
    for plaintext in ("245718931", "Maria", "Santos", "maria@example.com", "1990-06-15"):
        assert plaintext not in raw


def test_lookups_other_than_isnull_are_refused() -> None:
    with pytest.raises(EncryptedLookupError):
        list(Applicant.objects.filter(nif="245718931"))
    with pytest.raises(EncryptedLookupError):
        list(Applicant.objects.filter(name__icontains="maria"))


def test_nif_lookup_through_blind_index_finds_normalized_value() -> None:
    applicant = ApplicantFactory(nif="245718931", nif_index=nif_index_for("245718931"))
    assert list(Applicant.objects.filter(nif_index=nif_index_for("PT 245 718 931"))) == [applicant]


def test_wrong_key_is_an_error_not_ciphertext(settings: Any) -> None:
    applicant = ApplicantFactory()
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(DecryptionError) as raised:
        Applicant.objects.get(pk=applicant.pk)
    assert "gAAAA" not in str(raised.value)


def test_rotation_then_removing_old_key_still_reads(settings: Any) -> None:
    old_key = settings.FIELD_ENCRYPTION_KEYS[0]
    applicant = ApplicantFactory(name="Rui Patrício", phone="")
    report = report_for(applicant, average_monthly_income=Decimal("0"))
    new_key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new_key, old_key]
    call_command("rotate_encryption_keys", "--batch-size", "1", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.FIELD_ENCRYPTION_KEYS = [new_key]
    assert Applicant.objects.get(pk=applicant.pk).name == "Rui Patrício"
    assert Applicant.objects.get(pk=applicant.pk).phone == ""
    assert ScreeningReport.objects.get(pk=report.pk).average_monthly_income == Decimal("0")
