"""Blind probe r70b (time): a payslip's month counts once it is paid (R70B-1), a month withheld as unpaid or still to
come is named (R70B-2), and a payment date the period cannot have is said (R70B-9). docs/adr/044."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from documents.extraction.schema import PERIOD_IN_FUTURE
from screening.explanation import applicant_explanation
from screening.rules.authenticity import content_signals, verify_authenticity
from screening.rules.income import payslip_recent, verify_income
from tests.helpers import read_text
from tests.unit.test_explanation import agency, form_for, person, screened
from tests.unit.test_rules import NIF
from tests.unit.test_rules import payslip as rules_payslip
from tests.unit.test_rules_authenticity import codes
from tests.unit.test_rules_authenticity import payslip as content_payslip
from tests.unit.test_rules_authenticity import state as authenticity_state

SCREENED = dt.date(2026, 12, 7)

SLIP = """Logística Atlântico, Lda
NIF da entidade patronal: 503504564
RECIBO DE VENCIMENTO
Trabalhador: Rui Manuel Antunes
NIF do trabalhador: 245718931
{period}
{paid}
Vencimento base 1.200,00
Total ilíquido 1.200,00
Segurança Social 132,00
IRS 96,00
Líquido a receber 972,00"""


# --- Extraction: the payment date ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paid_line", "expected"),
    [
        ("Data de pagamento: 31/10/2026", dt.date(2026, 10, 31)),
        ("Data pagamento 30-10-2026", dt.date(2026, 10, 30)),
        ("Pago em: 02.11.2026", dt.date(2026, 11, 2)),
        ("Data de liquidação: 2026-10-30", dt.date(2026, 10, 30)),
        ("Payment date: 30/10/2026", dt.date(2026, 10, 30)),
        # Not the payroll's run nor the slip's issue, nor an advance's day in a row's brackets.
        ("Data de processamento: 25/10/2026", None),
        ("Data de emissão: 25/10/2026", None),
        ("Adiantamento (pago em 15/10/2026) 0,00", None),
    ],
)
def test_a_payslips_payment_date_is_read_by_its_caption_and_the_other_fields_stay(
    paid_line: str, expected: dt.date | None
) -> None:
    _, fields, _ = read_text(
        SLIP.format(period="Período: 01/10/2026 a 31/10/2026", paid=paid_line),
        document_type="PROOF_OF_INCOME",
        today=SCREENED,
    )
    assert fields["payment_date"] == expected
    assert fields["period"] == "2026-10" and str(fields["net_pay"]) == "972.00"
    assert fields["employee_nif"] == NIF and str(fields["gross_pay"]) == "1200.00"


def test_a_month_still_to_come_is_withheld_with_its_month_kept_apart() -> None:
    _, fields, warnings = read_text(
        SLIP.format(period="Período: 01/2027", paid="Data de pagamento: 29/01/2027"),
        document_type="PROOF_OF_INCOME",
        today=SCREENED,
    )
    assert fields["period"] is None and PERIOD_IN_FUTURE in warnings
    assert fields["period_to_come"] == "2027-01" and fields["payment_date"] == dt.date(2027, 1, 29)
    _, current, _ = read_text(
        SLIP.format(period="Período: 11/2026", paid=""), document_type="PROOF_OF_INCOME", today=SCREENED
    )
    assert current["period"] == "2026-11" and current["period_to_come"] is None and current["payment_date"] is None


# --- Rules: a month counts once it is paid ---------------------------------------------------------


def recent(period: str, today: dt.date = SCREENED, **fields: Any) -> dict[str, Any]:
    return payslip_recent(rules_payslip(period, **fields), today=today)


@pytest.mark.parametrize(
    ("period", "fields", "today"),
    [
        # E06: December's slip, paid on the 31st, sent on the 7th.
        ("2026-12", {"payment_date": "2026-12-31"}, SCREENED),
        # The month not over, no payment date printed.
        ("2026-12", {}, SCREENED),
        # December paid on the 22nd, screened the day before.
        ("2026-12", {"payment_date": "2026-12-22"}, dt.date(2026, 12, 21)),
        # November paid on 10 December, screened on the 7th.
        ("2026-11", {"payment_date": "2026-12-10"}, SCREENED),
        # A date the unfinished month cannot have does not make it paid.
        ("2026-12", {"payment_date": "2026-09-15"}, SCREENED),
        # Next month's slip, issued within the week before it (kept by the extraction).
        ("2026-12", {}, dt.date(2026, 11, 26)),
    ],
)
def test_a_month_not_yet_paid_on_the_screening_day_is_withheld_and_named(
    period: str, fields: dict[str, Any], today: dt.date
) -> None:
    result = recent(period, today, **fields)
    assert not result["passed"] and result["value"] == period
    month = f"{period[5:]}/{period[:4]}"
    assert result["evidence"].startswith(f"Recibo {month}: ") and "ainda não pago, não contado" in result["evidence"]


@pytest.mark.parametrize(
    ("period", "fields", "today"),
    [
        # December's slip paid on the 20th-23rd, screened after it.
        ("2026-12", {"payment_date": "2026-12-22"}, dt.date(2026, 12, 23)),
        ("2026-12", {"payment_date": "2026-12-20"}, dt.date(2026, 12, 20)),
        # A month paid on the 1st-10th of the next is its own month.
        ("2026-11", {"payment_date": "2026-12-01"}, SCREENED),
        ("2026-11", {"payment_date": "2026-12-10"}, dt.date(2026, 12, 10)),
        # November's slip with the subsídio de Natal, paid in November; a month over with no payment date printed.
        ("2026-11", {"payment_date": "2026-11-25", "subsidy_amount": 1200.0}, SCREENED),
        ("2026-10", {}, SCREENED),
    ],
)
def test_a_paid_month_counts_as_before(period: str, fields: dict[str, Any], today: dt.date) -> None:
    result = recent(period, today, **fields)
    assert result["passed"] and result["value"] == period and "dentro dos últimos 6 meses" in result["evidence"]


def income_of(*documents: dict[str, Any], today: dt.date = SCREENED) -> dict[str, Any]:
    applicant = {"nif": NIF, "name": "Maria João Santos", "income_profile": "EMPLOYEE"}
    return verify_income({"today": today.isoformat(), "applicant": applicant, "documents": list(documents)})


def test_e06_decembers_slip_paid_at_the_months_end_is_not_averaged_and_what_is_missing_names_it() -> None:
    income = income_of(
        rules_payslip("2026-10", payment_date="2026-10-30"),
        rules_payslip("2026-11", payment_date="2026-11-30"),
        rules_payslip("2026-12", payment_date="2026-12-31"),
    )
    assert income["months"] == ["2026-11", "2026-10"] and not income["verified"]
    assert "12/2026" not in income["method"]
    profile = next(c for c in income["checks"] if c["name"] == "income.profile_documents")
    assert "1 recibo de vencimento (de 12/2026: mês ainda não pago)" in profile["evidence"]
    # Screened again once paid, it counts.
    later = income_of(
        rules_payslip("2026-10", payment_date="2026-10-30"),
        rules_payslip("2026-11", payment_date="2026-11-30"),
        rules_payslip("2026-12", payment_date="2026-12-31"),
        today=dt.date(2027, 1, 4),
    )
    assert later["months"] == ["2026-12", "2026-11", "2026-10"] and later["verified"]


def test_e05_a_month_to_come_is_named_in_its_checks_and_in_what_was_not_counted() -> None:
    january = rules_payslip(
        "2027-01",
        warnings=["period_implausible", PERIOD_IN_FUTURE],
        period_to_come="2027-01",
        payment_date="2027-01-29",
    )
    january["fields"]["period"] = None  # withheld at extraction, the month kept apart
    income = income_of(rules_payslip("2026-10"), rules_payslip("2026-11"), january)
    its_checks = [c for c in income["checks"] if c.get("document_id") == "p-2027-01"]
    assert its_checks and all(c["evidence"].startswith("Recibo 01/2027") for c in its_checks)
    assert "período não lido" not in str(income["checks"])
    assert its_checks[-1]["value"] == "2027-01" and "mês ainda por vir" in its_checks[-1]["evidence"]
    profile = next(c for c in income["checks"] if c["name"] == "income.profile_documents")
    assert "1 recibo de vencimento (de 01/2027: mês ainda não pago)" in profile["evidence"]
    assert "fora do período pedido" not in profile["evidence"]


@pytest.mark.parametrize(
    ("extra_fields", "said"),
    [
        ({"period": "2026-11", "payment_date": "2026-11-30"}, "um mês ainda não pago (novembro de 2026)"),
        (
            {"period": None, "period_to_come": "2027-01", "warnings": ["period_implausible", PERIOD_IN_FUTURE]},
            "um mês ainda não pago (janeiro de 2027)",
        ),
    ],
)
def test_the_applicant_is_told_the_month_not_yet_paid(extra_fields: dict[str, Any], said: str) -> None:
    """The explanation's income entry (screened on 23/11/2026, the tests' day): not "older than six months" nor "whose
    month could not be read"."""
    fields = dict(extra_fields)
    warnings = fields.pop("warnings", [])
    slip = rules_payslip(fields.pop("period"), warnings=warnings, **fields)
    slip["document_id"] = "p-unpaid"
    form = form_for(agency())
    maria = person(form, extra=(slip,))
    _, report = screened(form, maria)
    text = applicant_explanation(applicant=maria.applicant, report=report)["checks"][1]["text"]
    assert f"um recibo de vencimento de {said}" in text
    assert "não foi possível ler" not in text and "mais de 6 meses" not in text
    english = applicant_explanation(applicant=maria.applicant, report=report, language="en")["checks"][1]["text"]
    assert "a payslip of a month not yet paid" in english


# --- Authenticity: a payment date the period cannot have -------------------------------------------


@pytest.mark.parametrize(
    ("payment_date", "severity"),
    [
        ("2026-09-15", "MEDIUM"),  # E14: October paid before it began
        ("2025-10-31", "MEDIUM"),  # E15: a year before
        ("2026-09-23", "MEDIUM"),  # 8 days before the 1st
        ("2026-09-24", None),  # 7 days before: an advance
        ("2026-10-31", None),
        ("2026-11-10", None),  # paid in the next month's first days
        ("2027-01-01", None),  # 62 days after the period's end: pay in arrears
        ("2027-01-02", "LOW"),  # 63 days after
    ],
)
def test_a_payment_date_out_of_step_with_its_period_is_a_signal_with_tolerances_both_sides(
    payment_date: str, severity: str | None
) -> None:
    found = content_signals([content_payslip("o", "2026-10", payment_date=payment_date)], today=SCREENED)
    if severity is None:
        assert codes(found, "o") == []
    else:
        assert codes(found, "o") == ["PAYSLIP_PAYMENT_DATE"] and found["o"][0]["severity"] == severity
        assert found["o"][0]["evidence"]["payment_date"] == payment_date


def test_a_stubs_payment_date_is_weighed_against_its_own_pay_period() -> None:
    week = {"pay_frequency": "WEEKLY", "period_start": "2026-11-02", "period_end": "2026-11-08"}
    on_time = content_payslip("w", "2026-11", payment_date="2026-11-09", **week)
    assert content_signals([on_time], today=SCREENED) == {}
    early = content_payslip("w", "2026-11", payment_date="2026-10-20", **week)
    assert codes(content_signals([early], today=SCREENED), "w") == ["PAYSLIP_PAYMENT_DATE"]


def test_the_future_months_signal_names_the_slip_by_its_month() -> None:
    """The proposed request for the original names "o recibo de vencimento de 01/2027", not "sem mês lido"."""
    january = content_payslip("j", "2027-01", period_to_come="2027-01")
    january["fields"]["period"] = None  # withheld at extraction, the month kept apart
    january["warnings"] = ["period_implausible", PERIOD_IN_FUTURE]
    result = verify_authenticity(authenticity_state(january, today=SCREENED.isoformat()))
    [section] = result["documents"]
    assert section["description"] == "o recibo de vencimento de 01/2027"
    assert section["signals"][0]["code"] == "PERIOD_IN_FUTURE" and section["signals"][0]["evidence"] == {
        "period": "2027-01"
    }
