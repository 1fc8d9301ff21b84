"""The checks every extraction backend applies to its typed fields, and both backends agreeing on them."""

from __future__ import annotations

import datetime as dt
import json
import random
from decimal import Decimal
from typing import Any

import httpx
import pytest

from documents.extraction.local import LocalExtractor
from documents.extraction.reducto import ReductoExtractor
from documents.extraction.schema import INCOME_KINDS, PAYSLIP_KINDS, TAX_KINDS, DocumentKind, fields_validate
from documents.extraction.validation import fields_revalidate, payslip_arithmetic_holds, years_before
from samples.synthetic import make_person, payslip_pdf

TODAY = dt.date(2026, 11, 23)
NIF = "245718931"


def payslip_fields(**overrides: Any) -> dict[str, Any]:
    raw = {
        "employee_name": "Maria Santos",
        "employee_nif": NIF,
        "employer_name": "Padaria Central, Lda",
        "employer_nif": "501964843",
        "period": "2026-09",
        "gross_pay": "2100.00",
        "social_security": "231.00",
        "irs_withholding": "315.00",
        "net_pay": "1554.00",
    }
    raw.update(overrides)
    return fields_validate(DocumentKind.RECIBO_VENCIMENTO, raw)


def identity_fields(**overrides: Any) -> dict[str, Any]:
    raw = {
        "full_name": "Maria Santos",
        "nif": NIF,
        "document_number": "00000000 0 ZZ4",
        "date_of_birth": "1990-06-15",
        "expiry_date": "2030-01-01",
    }
    raw.update(overrides)
    return fields_validate(DocumentKind.CARTAO_CIDADAO, raw)


def tax_fields(**overrides: Any) -> dict[str, Any]:
    raw = {"taxpayer_nif": NIF, "year": 2025, "gross_income": "36000", "tax_paid": "6000"}
    raw.update(overrides)
    return fields_validate(DocumentKind.DECLARACAO_IRS, raw)


def revalidate(kind: DocumentKind, fields: dict[str, Any], **kwargs: Any) -> list[str]:
    document_type = "ID_DOCUMENT" if kind == DocumentKind.CARTAO_CIDADAO else "PROOF_OF_INCOME"
    return fields_revalidate(kind, fields, document_type=document_type, today=TODAY, **kwargs)


def test_consistent_fields_give_no_warning() -> None:
    assert revalidate(DocumentKind.RECIBO_VENCIMENTO, payslip_fields()) == []
    assert revalidate(DocumentKind.CARTAO_CIDADAO, identity_fields()) == []
    assert revalidate(DocumentKind.DECLARACAO_IRS, tax_fields()) == []


@pytest.mark.parametrize("name", ["employee_nif", "employer_nif"])
def test_nif_failing_its_check_digit_is_dropped_and_flagged(name: str) -> None:
    fields = payslip_fields(**{name: "245718932"})
    assert revalidate(DocumentKind.RECIBO_VENCIMENTO, fields) == ["nif_checksum_invalid"]
    assert fields[name] is None


def test_nif_printed_with_country_prefix_and_spaces_is_kept_normalized() -> None:
    fields = identity_fields(nif="PT 245 718 931")
    assert revalidate(DocumentKind.CARTAO_CIDADAO, fields) == []
    assert fields["nif"] == NIF


def test_citizen_card_number_failing_its_check_is_dropped_and_flagged() -> None:
    fields = identity_fields(document_number="00000000 0 ZZ5")
    assert revalidate(DocumentKind.CARTAO_CIDADAO, fields) == ["document_number_check_invalid"]
    assert fields["document_number"] is None


def test_passport_number_is_not_held_to_the_citizen_card_check() -> None:
    fields = fields_validate(DocumentKind.PASSAPORTE, {**identity_fields(), "document_number": "CB123456"})
    assert fields_revalidate(DocumentKind.PASSAPORTE, fields, document_type="ID_DOCUMENT", today=TODAY) == []


def test_payslip_whose_social_security_and_irs_do_not_explain_net_pay_is_a_mismatch() -> None:
    assert revalidate(DocumentKind.RECIBO_VENCIMENTO, payslip_fields(net_pay="1600.00")) == ["arithmetic_mismatch"]


def test_printed_total_deductions_decide_the_arithmetic_over_social_security_and_irs() -> None:
    fields = payslip_fields(net_pay="1500.00")  # another 54.00 deducted (e.g. union dues)
    assert payslip_arithmetic_holds(fields) is False
    assert payslip_arithmetic_holds(fields, total_deductions=Decimal("600.00")) is True


def test_without_deductions_only_net_above_gross_is_a_mismatch() -> None:
    assert payslip_arithmetic_holds(payslip_fields(social_security=None)) is None
    assert payslip_arithmetic_holds(payslip_fields(social_security=None, net_pay="2200.00")) is False
    assert payslip_arithmetic_holds(payslip_fields(net_pay=None)) is None


def test_tax_paid_above_gross_income_is_a_mismatch() -> None:
    assert revalidate(DocumentKind.DECLARACAO_IRS, tax_fields(tax_paid="40000")) == ["arithmetic_mismatch"]


@pytest.mark.parametrize(
    ("kind", "fields", "dropped", "warning"),
    [
        (
            DocumentKind.CARTAO_CIDADAO,
            identity_fields(date_of_birth="2020-01-01"),
            "date_of_birth",
            "date_of_birth_implausible",
        ),
        (
            DocumentKind.CARTAO_CIDADAO,
            identity_fields(date_of_birth="1900-01-01"),
            "date_of_birth",
            "date_of_birth_implausible",
        ),
        (
            DocumentKind.CARTAO_CIDADAO,
            identity_fields(expiry_date="1989-01-01"),
            "expiry_date",
            "expiry_date_implausible",
        ),
        # A month still to come is withheld too, but said to be in the future, not missing: test_payslip_round46b_multi.
        (DocumentKind.RECIBO_VENCIMENTO, payslip_fields(period="2026-13"), "period", "period_implausible"),
        (DocumentKind.RECIBO_VENCIMENTO, payslip_fields(period="1999-12"), "period", "period_implausible"),
        (DocumentKind.DECLARACAO_IRS, tax_fields(year=2027), "year", "year_implausible"),
    ],
)
def test_impossible_dates_are_dropped_and_flagged_then_reported_missing(
    kind: DocumentKind, fields: dict[str, Any], dropped: str, warning: str
) -> None:
    warnings = revalidate(kind, fields)
    assert fields[dropped] is None
    assert warning in warnings
    assert f"missing:{dropped}" in warnings


def test_missing_required_fields_are_listed_by_name() -> None:
    assert revalidate(DocumentKind.DECLARACAO_IRS, tax_fields(taxpayer_nif=None, gross_income=None)) == [
        "missing:gross_income",
        "missing:taxpayer_nif",
    ]


def test_a_payslip_uploaded_as_identity_document_is_a_type_mismatch() -> None:
    warnings = fields_revalidate(
        DocumentKind.RECIBO_VENCIMENTO, payslip_fields(), document_type="ID_DOCUMENT", today=TODAY
    )
    assert warnings == ["document_type_mismatch"]


def test_the_same_warning_is_reported_once() -> None:
    fields = payslip_fields(employee_nif="245718932", employer_nif="501964844")
    assert revalidate(DocumentKind.RECIBO_VENCIMENTO, fields) == ["nif_checksum_invalid"]


def test_years_before_moves_29_february_to_the_28th_in_a_common_year() -> None:
    assert years_before(dt.date(2028, 2, 29), 14) == dt.date(2014, 2, 28)
    assert years_before(dt.date(2028, 2, 29), 120) == dt.date(1908, 2, 29)


def test_kind_sets_find_plain_string_kinds() -> None:
    assert "RECIBO_VENCIMENTO" in PAYSLIP_KINDS
    assert "NOTA_LIQUIDACAO" in TAX_KINDS
    assert INCOME_KINDS == PAYSLIP_KINDS | TAX_KINDS


# --- Both backends, same document, same warnings -------------------------------------------


def reducto_returning(fields: dict[str, Any]) -> ReductoExtractor:
    def reply(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/upload":
            return httpx.Response(200, json={"file_id": "f"})
        return httpx.Response(200, json={"job_id": "j", "result": [fields], "usage": {"num_pages": 1}})

    return ReductoExtractor(
        base_url="http://reducto.test", api_key="k", timeout=5, transport=httpx.MockTransport(reply)
    )


@pytest.mark.parametrize("warning", ["arithmetic_mismatch", "nif_checksum_invalid"])
def test_local_and_reducto_report_the_same_warnings_for_the_same_payslip(warning: str) -> None:
    person = make_person(random.Random(5), dt.date.today())
    corrupted = person.nif[:8] + str((int(person.nif[8]) + 1) % 10)
    document = payslip_pdf(
        person,
        dt.date.today().replace(day=1),
        base=Decimal(2000),
        break_arithmetic=warning == "arithmetic_mismatch",
        employee_nif=corrupted if warning == "nif_checksum_invalid" else None,
    )
    local = LocalExtractor().extract(document.data, document_type="PROOF_OF_INCOME")
    # What a remote reader would return for the same page: the local fields, the NIF as printed.
    remote_fields = {"kind": local.kind.value, **json.loads(json.dumps(local.json_fields()))}
    if warning == "nif_checksum_invalid":
        remote_fields["employee_nif"] = corrupted
    remote = reducto_returning(remote_fields).extract(b"%PDF-1.4\n%%EOF", document_type="PROOF_OF_INCOME")
    assert warning in local.warnings
    assert set(remote.warnings) == set(local.warnings)
    assert remote.fields == local.fields


def test_every_document_kind_fits_the_column_that_stores_it() -> None:
    # SQLite ignores a CharField's length, PostgreSQL refuses a longer value: check it on every backend.
    from documents.extraction.schema import DocumentKind
    from documents.models import ExtractedData

    limit = ExtractedData._meta.get_field("kind").max_length
    assert limit is not None
    assert max(len(kind.value) for kind in DocumentKind) <= limit


@pytest.mark.parametrize(
    ("today", "implausible"),
    [
        (dt.date(2026, 12, 4), True),  # January's slip at the start of December: a month to come (round 28, n5)
        (dt.date(2026, 12, 24), True),
        (dt.date(2026, 12, 26), False),  # in December's last week, January's slip may be issued ahead
        (dt.date(2027, 1, 2), False),
    ],
)
def test_next_months_payslip_is_plausible_only_in_this_months_last_week(today: dt.date, implausible: bool) -> None:
    fields = payslip_fields(period="2027-01")
    warnings = fields_revalidate(DocumentKind.RECIBO_VENCIMENTO, fields, document_type="PROOF_OF_INCOME", today=today)
    assert ("period_implausible" in warnings) is implausible
    assert (fields["period"] is None) is implausible
