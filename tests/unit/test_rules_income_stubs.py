"""Round 68: a job paid by the week or the fortnight, proven by its stubs (ADR 037). Its stubs of one month are not
copies of each other; a month counts when its stubs cover it; the income is the mean stub net x stubs a year / 12,
then x 14 / 12 as any Portuguese salary's. Hand-made extraction results."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from screening.rules import verify_income
from screening.rules.authenticity import content_signals
from tests.unit.test_rules import id_document, screen

TODAY = dt.date(2026, 11, 23)
NIF = "245718931"
EMPLOYER = "508765439"
APPLICANT = {"nif": NIF, "name": "Maria João Santos", "date_of_birth": "1990-06-15"}


def stub(start: dt.date, net: float = 480.0, frequency: str = "WEEKLY", **overrides: Any) -> dict[str, Any]:
    days = {"WEEKLY": 6, "FORTNIGHTLY": 13, "SEMI_MONTHLY": 14}[frequency]
    fields = {
        "employee_name": "Maria João Santos",
        "employee_nif": NIF,
        "employer_nif": EMPLOYER,
        "employer_name": "Construções Vale do Sousa, Lda",
        "period": f"{start.year:04d}-{start.month:02d}",
        "gross_pay": round(net / 0.89, 2),
        "net_pay": net,
        "pay_frequency": frequency,
        "period_start": start.isoformat(),
        "period_end": (start + dt.timedelta(days=days)).isoformat(),
    }
    fields.update(overrides)
    return {
        "document_id": f"s-{start.isoformat()}",
        "document_type": "PROOF_OF_INCOME",
        "status": "EXTRACTED",
        "kind": "RECIBO_VENCIMENTO",
        "fields": fields,
        "warnings": [],
    }


def weeks(first: dt.date, count: int) -> list[dt.date]:
    return [first + dt.timedelta(weeks=week) for week in range(count)]


# Mondays 3 August to 26 October 2026: 5 weeks starting in August, 4 in September, 4 in October.
THIRTEEN_WEEKS = weeks(dt.date(2026, 8, 3), 13)


def income(documents: list[dict[str, Any]]) -> dict[str, Any]:
    return verify_income({"applicant": APPLICANT, "today": TODAY.isoformat(), "documents": documents})


def named(result: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return [c for c in result["checks"] if c["name"] == name]


def test_thirteen_weekly_stubs_of_a_fixed_wage_are_three_months_of_pay() -> None:
    result = income([stub(start) for start in THIRTEEN_WEEKS])
    # 480 x 52 / 12 = 2080 a month; x 14 / 12 = 2426.67 (read as months' slips: 480 x 14 / 12 = 560.00).
    assert result["verified"]
    assert result["average_monthly_income"] == "2426.67"
    assert result["months"] == ["2026-10", "2026-09", "2026-08"]
    assert result["method"].startswith(
        "recibos semanais: média de 13 recibos (480,00 €) x 52 / 12 = 2 080,00 € por mês"
    )
    assert "vencimento regular x 14 / 12" in result["method"]
    # Weeks of a fixed wage print the same amounts: not copies of each other.
    assert named(result, "income.payslip_repeated") == []


def test_the_mean_is_over_every_stub_never_a_months_nets_added_up() -> None:
    nets = [400.0 + 10 * week for week in range(13)]  # 400 .. 520, mean 460
    result = income([stub(start, net) for start, net in zip(THIRTEEN_WEEKS, nets, strict=True)])
    # 460 x 52 / 12 x 14 / 12 = 2325.56
    assert result["average_monthly_income"] == "2325.56"
    assert "média de 13 recibos (460,00 €)" in result["method"]


def test_fortnightly_stubs_two_a_month_cover_it() -> None:
    starts = [dt.date(2026, 8, 3) + dt.timedelta(weeks=2 * n) for n in range(7)]  # Aug 3, 17, 31; Sep 14, 28; Oct
    result = income([stub(start, 1000.0, "FORTNIGHTLY") for start in starts])
    # 1000 x 26 / 12 x 14 / 12 = 2527.78
    assert result["verified"]
    assert result["average_monthly_income"] == "2527.78"
    assert "recibos de duas em duas semanas: média de 7 recibos" in result["method"]


def test_semi_monthly_stubs_without_printed_days_are_told_apart_by_their_amounts() -> None:
    documents = [
        stub(dt.date(2026, month, day), net, "SEMI_MONTHLY", period_start=None, period_end=None)
        for month in (8, 9, 10)
        for day, net in ((1, 700.0), (16, 720.0))
    ]
    result = income(documents)
    # mean 710 x 24 / 12 x 14 / 12 = 1656.67
    assert result["verified"]
    assert result["average_monthly_income"] == "1656.67"


def test_a_stub_sent_twice_counts_once() -> None:
    documents = [stub(start) for start in THIRTEEN_WEEKS]
    copy = {**stub(THIRTEEN_WEEKS[0]), "document_id": "copy"}
    result = income([*documents, copy])
    assert result["average_monthly_income"] == "2426.67"
    assert "média de 13 recibos" in result["method"]
    assert [c["document_id"] for c in named(result, "income.payslip_repeated")] == ["copy"]


def test_a_month_its_stubs_do_not_cover_is_not_counted_and_the_missing_text_says_so() -> None:
    result = income([stub(start) for start in THIRTEEN_WEEKS[:-1]])  # October's last week not sent: 3 of 4
    assert not result["verified"]
    assert result["months"] == ["2026-09", "2026-08"]
    assert (
        result["sources"][0]["missing"]
        == "recibos semanais que cubram mais 1 mês distinto (4 por mês; necessários 3 dos últimos 6)"
    )
    assert not named(result, "income.payslip_months")[0]["passed"]


def test_stubs_that_cover_no_month_give_an_estimate_not_verified() -> None:
    result = income([stub(start) for start in THIRTEEN_WEEKS[-2:]])
    assert not result["verified"] and result["partial"]
    assert result["source"] == "partial_payslips"
    assert result["average_monthly_income"] == "2426.67"
    assert result["method"].startswith("estimativa: recibos semanais: média de 2 recibos")
    assert "vencimento regular x 14 / 12" in result["method"]
    assert result["months"] == []


def test_stubs_paid_in_duodecimos_count_twelve_payments() -> None:
    result = income([stub(start, subsidy_twelfths_amount=70.0) for start in THIRTEEN_WEEKS])
    assert result["average_monthly_income"] == "2080.00"


def test_a_stub_paid_job_beside_a_monthly_one_adds_up() -> None:
    monthly = [
        {**stub(dt.date(2026, month, 1)), "document_id": f"m-{month}"}
        | {
            "fields": {
                **stub(dt.date(2026, month, 1))["fields"],
                "employer_nif": "503456780",
                "employer_name": "Limpezas Sol, Lda",
                "net_pay": 600.0,
                "gross_pay": 674.16,
                "pay_frequency": None,
                "period_start": None,
                "period_end": None,
            }
        }
        for month in (8, 9, 10)
    ]
    result = income([*monthly, *(stub(start) for start in THIRTEEN_WEEKS)])
    # 600 x 14 / 12 = 700.00, + 2426.67
    assert result["average_monthly_income"] == "3126.67"


def test_guard_months_payslips_of_one_amount_count_as_before() -> None:
    documents = [
        stub(dt.date(2026, month, 1), 1800.0, pay_frequency=None, period_start=None, period_end=None)
        for month in (8, 9, 10)
    ]
    extra = {**documents[0], "document_id": "copy"}
    result = income([*documents, extra])
    assert result["average_monthly_income"] == "2100.00"
    assert result["method"] == "vencimento regular x 14 / 12, média dos recibos de 08/2026, 09/2026, 10/2026"
    assert [c["document_id"] for c in named(result, "income.payslip_repeated")] == ["copy"]


def test_guard_one_months_payslip_missing_text_as_before() -> None:
    result = income([stub(dt.date(2026, 10, 1), 1800.0, pay_frequency=None, period_start=None, period_end=None)])
    assert (
        result["sources"][0]["missing"]
        == "recibos de vencimento de mais 2 meses distintos (necessários 3 dos últimos 6)"
    )


def test_weeks_of_one_month_are_no_payslip_sent_twice_with_other_amounts() -> None:
    documents = [stub(start, 480.0 + n) for n, start in enumerate(THIRTEEN_WEEKS[5:9])]
    assert content_signals(documents, today=TODAY) == {}


def test_a_weekly_paid_applicant_is_screened_on_a_months_income() -> None:
    result = screen([id_document(), *(stub(start) for start in THIRTEEN_WEEKS)])
    assert result["income"]["average_monthly_income"] == "2426.67"
    assert result["affordability"]["risk_level"] == "LOW"
    assert Decimal(result["affordability"]["dti_ratio"]) < Decimal("0.35")
