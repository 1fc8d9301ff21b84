"""Authenticity: content signals, the agency's level, and what raises the risk (never a rejection)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from screening import rules
from screening.rules.authenticity import content_signals, invoice_sequence, verify_authenticity

NIF = "123456789"
EMPLOYER = "503456780"  # a valid company NIF
THRESHOLDS = {
    "dti_high": "0.40",
    "dti_medium": "0.35",
    "dti_guarantor": "0.30",
    "id_expiry_warning_days": 60,
    "authenticity_raise_severity": "HIGH",
    "authenticity_modified_after_days": 30,
}


def payslip(document_id: str, period: str, **fields: Any) -> dict[str, Any]:
    base = {"employee_nif": NIF, "employer_nif": EMPLOYER, "period": period, "base_salary": 1500.0,
            "gross_pay": 1650.0, "social_security": 170.5, "irs_withholding": 210.0, "net_pay": 1269.5}  # fmt: skip
    return {"document_id": document_id, "status": "EXTRACTED", "kind": "RECIBO_VENCIMENTO",
            "fields": {**base, **fields}, "authenticity": [], "reuse": []}  # fmt: skip


def state(*documents: dict[str, Any], today: str = "2026-11-23", **thresholds: Any) -> dict[str, Any]:
    return {"today": today, "applicant": {"nif": NIF}, "documents": list(documents),
            "thresholds": {**THRESHOLDS, **thresholds}}  # fmt: skip


def codes(found: dict[str, list[dict[str, Any]]], document_id: str) -> list[str]:
    return [s["code"] for s in found.get(document_id, [])]


def file_signal(code: str, severity: str, **evidence: Any) -> dict[str, Any]:
    return {"code": code, "severity": severity, "evidence": evidence, "explanation": "...", "source": "file"}


def test_consistent_payslips_give_no_signal() -> None:
    documents = [
        payslip("a", "2026-08"),
        payslip("b", "2026-09", net_pay=1301.2),
        payslip("c", "2026-10", net_pay=1288.0),
    ]
    result = verify_authenticity(state(*documents))
    assert result == {"documents": [], "checks": [], "warnings": []}


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"social_security": 200.0}, "PAYSLIP_SS_ABOVE_RATE"),  # 12.1 % of the gross
        ({"gross_pay": 3300.0}, "PAYSLIP_SS_BELOW_RATE"),  # the gross doubled, the SS left alone
        ({"irs_withholding": 900.0}, "PAYSLIP_IRS_IMPLAUSIBLE"),
        ({"employer_nif": "503456787"}, "PAYSLIP_EMPLOYER_NIF_INVALID"),
        ({"period": "2026-12"}, "PERIOD_IN_FUTURE"),
    ],
)
def test_numbers_that_cannot_all_be_true_are_signalled(fields: dict[str, Any], code: str) -> None:
    found = content_signals([payslip("a", **{"period": "2026-10", **fields})], today=dt.date(2026, 11, 23))
    assert codes(found, "a") == [code]


@pytest.mark.parametrize(
    ("social_security", "gross_pay"),
    [(891.0, 4050.0), (146.5, 2900.0)],  # a French slip's cotisations (22 %), a US stub's FICA under 6 %
    ids=["french_cotisations", "us_fica"],
)
def test_another_countrys_social_insurance_is_not_held_to_portugals_11_percent(
    social_security: float, gross_pay: float
) -> None:
    """Blind probe r66c: every genuine French and German payslip was called impossible (``PAYSLIP_SS_ABOVE_RATE``)."""
    foreign = payslip("a", "2026-10", social_security=social_security, gross_pay=gross_pay, employer_nif=None)
    foreign["warnings"] = ["foreign_payslip"]
    assert codes(content_signals([foreign], today=dt.date(2026, 11, 23)), "a") == []
    # The same figures on a Portuguese payslip cannot all be true.
    portuguese = payslip("b", "2026-10", social_security=social_security, gross_pay=gross_pay)
    assert codes(content_signals([portuguese], today=dt.date(2026, 11, 23)), "b") in (
        ["PAYSLIP_SS_ABOVE_RATE"],
        ["PAYSLIP_SS_BELOW_RATE"],
    )


def test_a_printed_nif_failing_its_check_digit_with_no_valid_employer_nif_is_signalled() -> None:
    """The local parsers keep no invalid NIF in a field, only the warning ``nif_checksum_invalid``: a payslip whose
    employer NIF fails its check digit passed without a word (doc probe round 22, D01)."""
    flagged = payslip("a", "2026-10", employer_nif=None)
    flagged["warnings"] = ["nif_checksum_invalid"]
    found = content_signals([flagged], today=dt.date(2026, 11, 23))
    assert codes(found, "a") == ["PAYSLIP_EMPLOYER_NIF_INVALID"]
    # With the employer's valid NIF read, the invalid one printed was another's (OCR's misread employee NIF).
    valid_employer = {**flagged, "fields": {**flagged["fields"], "employer_nif": EMPLOYER}}
    assert content_signals([valid_employer], today=dt.date(2026, 11, 23)).get("a", []) == []


def test_a_payslip_with_two_workers_nifs_is_signalled() -> None:
    """Round 24: a payslip printing two different employee NIFs; the extraction now takes neither
    (``nif_ambiguous``) and the report says why."""
    flagged = payslip("a", "2026-10", employee_nif=None)
    flagged["warnings"] = ["nif_ambiguous"]
    assert codes(content_signals([flagged], today=dt.date(2026, 11, 23)), "a") == ["PAYSLIP_EMPLOYEE_NIF_AMBIGUOUS"]


def test_the_current_month_is_not_the_future() -> None:
    found = content_signals([payslip("a", "2026-11")], today=dt.date(2026, 11, 23))
    assert found.get("a", []) == []


def test_the_same_amounts_in_another_month_is_a_low_note_on_the_later_payslip() -> None:
    """A fixed salary repeats every amount to the cent, as a copy with its month changed does (blind probe r57b: 8
    of 9 honest employees flagged MEDIUM): a note that names the other payslip, never a concern."""
    result = verify_authenticity(state(payslip("a", "2026-09"), payslip("b", "2026-10")))
    [section] = result["documents"]
    assert section["document_id"] == "b" and section["highest"] == "LOW"
    assert section["signals"][0]["code"] == "PAYSLIP_SAME_AMOUNTS_OTHER_PERIOD"
    assert section["signals"][0]["evidence"] == {"same_as_document_id": "a"}
    # The other payslip named by its month, not only by its id (blind probe r70a F29).
    assert section["signals"][0]["explanation"].startswith("Tem os mesmos valores ao cêntimo que o recibo de 09/2026:")
    assert result["warnings"] == [] and result["checks"][0]["passed"] is True
    # Not even for an agency that raises at MEDIUM.
    strict = verify_authenticity(
        state(payslip("a", "2026-09"), payslip("b", "2026-10"), authenticity_raise_severity="MEDIUM")
    )
    assert strict["warnings"] == [] and strict["checks"][0]["passed"] is True


def test_another_employer_nif_is_a_low_note() -> None:
    found = content_signals(
        [payslip("a", "2026-09"), payslip("b", "2026-10", employer_nif="500000000", net_pay=1200.0)],
        today=dt.date(2026, 11, 23),
    )
    assert codes(found, "b") == ["PAYSLIP_EMPLOYER_CHANGED"] and found["b"][0]["severity"] == "LOW"


def invoice(document_id: str, number: str, issued: str, base: float = 1000.0) -> dict[str, Any]:
    fields = {"issuer_nif": NIF, "invoice_number": number, "issue_date": issued, "base_amount": base}
    return {"document_id": document_id, "status": "EXTRACTED", "kind": "FATURA_RECIBO", "fields": fields}


def test_invoice_numbers_follow_the_dates_and_never_repeat() -> None:
    today = dt.date(2026, 11, 23)
    in_order = [invoice("a", "FR ATSIRE01FR/3", "2026-06-30"), invoice("b", "FR ATSIRE01FR/7", "2026-07-31")]
    assert content_signals(in_order, today=today) == {}
    backwards = [invoice("a", "FR ATSIRE01FR/9", "2026-06-30"), invoice("b", "FR ATSIRE01FR/4", "2026-07-31")]
    assert codes(content_signals(backwards, today=today), "b") == ["INVOICE_NUMBER_OUT_OF_ORDER"]
    reused = [invoice("a", "FR ATSIRE01FR/5", "2026-06-30"), invoice("b", "FR ATSIRE01FR/5", "2026-07-31", 900.0)]
    found = content_signals(reused, today=today)
    assert codes(found, "b") == ["INVOICE_NUMBER_REUSED"] and found["b"][0]["severity"] == "HIGH"
    # The same invoice sent twice is counted once by the income rules: not a signal.
    twice = [invoice("a", "FR ATSIRE01FR/5", "2026-06-30"), invoice("b", "FR ATSIRE01FR/5", "2026-06-30")]
    assert content_signals(twice, today=today) == {}
    assert codes(content_signals([invoice("a", "FR A/1", "2026-12-01")], today=today), "a") == ["ISSUE_DATE_IN_FUTURE"]
    # A series may start again at 1 in a new year.
    new_year = [invoice("a", "FR ATSIRE01FR/98", "2025-12-20"), invoice("b", "FR ATSIRE01FR/2", "2026-01-20")]
    assert content_signals(new_year, today=today) == {}


def test_invoice_sequence_reads_series_and_number() -> None:
    assert invoice_sequence("FR ATSIRE01FR/12") == ("FRATSIRE01FR", 12)
    assert invoice_sequence("FR-008") == ("FR", 8)
    assert invoice_sequence("FR 40") == ("FR", 40)  # doc probe 30: "FATURA-RECIBO N.º FR 40"
    assert invoice_sequence("sem número") is None and invoice_sequence(None) is None
    assert invoice_sequence("12") == ("", 12)


def test_a_certificate_valid_longer_than_its_issuer_allows() -> None:
    certificate = {"document_id": "c", "status": "EXTRACTED", "kind": "CERTIDAO_AT",
                   "fields": {"issuer": "AT", "issue_date": "2026-10-01", "valid_until": "2027-06-01"}}  # fmt: skip
    found = content_signals([certificate], today=dt.date(2026, 11, 23))
    assert codes(found, "c") == ["CERTIFICATE_VALIDITY_TOO_LONG"]
    certificate["fields"]["valid_until"] = "2027-01-01"
    assert content_signals([certificate], today=dt.date(2026, 11, 23)) == {}


def test_file_and_reuse_signals_join_the_section_and_a_high_one_raises() -> None:
    edited = payslip("a", "2026-10")
    edited["authenticity"] = [file_signal("PDF_INCREMENTAL_PAGE_EDIT", "HIGH", revisions=2, pages=[1])]
    result = verify_authenticity(state(edited))
    [section] = result["documents"]
    assert section["raises"] is True and section["highest"] == "HIGH"
    assert result["warnings"] == ["authenticity_concern"]
    [check] = result["checks"]
    assert check["name"] == "authenticity.document" and check["passed"] is False and check["value"] == "HIGH"
    assert "pedir o original ao emissor" in check["evidence"]


def test_a_modification_counts_only_past_the_agency_threshold() -> None:
    document = payslip("a", "2026-10")
    document["authenticity"] = [file_signal("PDF_MODIFIED_AFTER_CREATION", "LOW", days=12)]
    assert verify_authenticity(state(document))["documents"] == []
    assert verify_authenticity(state(document, authenticity_modified_after_days=10))["documents"][0]["highest"] == "LOW"


def test_a_high_signal_makes_a_low_applicant_medium_with_the_reason() -> None:
    documents = [
        payslip("a", "2026-08"),
        payslip("b", "2026-09", net_pay=1301.2),
        payslip("c", "2026-10", net_pay=1288.0),
    ]
    person = {"nif": NIF, "name": "Ana Silva", "date_of_birth": "1990-01-01", "income_profile": ""}
    clean = {**state(*documents), "applicant": person, "property": {"listing_type": "ARRENDAMENTO", "price": "300"}}
    identity = {"verified": True, "warnings": [], "checks": []}
    income = rules.income_node(clean)
    assert rules.assess_affordability({**clean, "identity": identity, "income": income})["risk_level"] == "LOW"
    documents[2]["reuse"] = [{"code": "DOCUMENT_REUSED", "severity": "HIGH", "evidence": {"match": "file"},
                              "explanation": "...", "source": "reuse"}]  # fmt: skip
    income = rules.income_node(clean)
    assessed = rules.assess_affordability({**clean, "identity": identity, "income": income})
    assert assessed["risk_level"] == "MEDIUM" and "authenticity_concern" in assessed["reasons"]
    assert income["authenticity"][0]["document_id"] == "c"


def test_a_missing_month_or_a_month_sent_twice_are_low_notes() -> None:
    today = dt.date(2026, 11, 23)
    gap = content_signals([payslip("a", "2026-06"), payslip("b", "2026-09", net_pay=1200.0)], today=today)
    assert [(s["code"], s["severity"], s["evidence"]) for s in gap["b"]] == [
        ("PAYSLIP_PERIODS_NOT_CONSECUTIVE", "LOW", {"missing_months": 2})
    ]
    twice = content_signals([payslip("a", "2026-09"), payslip("b", "2026-09", net_pay=1200.0)], today=today)
    assert codes(twice, "b") == ["PAYSLIP_PERIOD_TWICE"] and "a" not in twice
    across_years = content_signals([payslip("a", "2025-12"), payslip("b", "2026-01", net_pay=1200.0)], today=today)
    assert across_years == {}


# --- r60a: two jobs held together are neither a change of employer nor a corrected payslip ----------------------

OTHER_EMPLOYER = "509442013"  # a valid company NIF


def test_two_jobs_held_together_are_neither_an_employer_change_nor_a_month_sent_twice() -> None:
    """Blind probe r60a (A5): a worker's two part-time jobs, each paid in the same three months (ADR 025 counts both),
    were flagged "mudança de emprego?" and "recibo complementar ou corrigido?" on all six payslips."""
    today = dt.date(2026, 11, 23)
    months = ("2026-08", "2026-09", "2026-10")
    documents = [payslip(f"a{n}", month, net_pay=700.0 + n) for n, month in enumerate(months)] + [
        payslip(f"b{n}", month, employer_nif=OTHER_EMPLOYER, net_pay=534.0 + n) for n, month in enumerate(months)
    ]
    assert content_signals(documents, today=today) == {}


def test_a_change_of_employer_and_a_corrected_payslip_are_still_noted() -> None:
    """A job left for another (no month paid by both) and one employer's two payslips of a month with other amounts
    keep their notes (guards); the other employer's payslip of that month is no correction."""
    today = dt.date(2026, 11, 23)
    changed = content_signals(
        [payslip("a", "2026-08"), payslip("b", "2026-09"), payslip("c", "2026-10", employer_nif=OTHER_EMPLOYER)],
        today=today,
    )
    assert codes(changed, "c") == ["PAYSLIP_EMPLOYER_CHANGED"]
    corrected = content_signals(
        [
            payslip("a", "2026-09"),
            payslip("b", "2026-09", employer_nif=OTHER_EMPLOYER, net_pay=534.0),
            payslip("c", "2026-09", net_pay=1200.0),
        ],
        today=today,
    )
    assert codes(corrected, "c") == ["PAYSLIP_PERIOD_TWICE"] and "b" not in corrected
