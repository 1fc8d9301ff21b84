"""How recent the newest payslip counted is (blind probe r60a, left by its session): screened in December on payslips
of June, July and August, the report was LOW and said nothing of the three months since, in which the job may have
ended. The newest payslip may now be at most two months before the screening's month; older, the report says so and
is at least MEDIUM, and the applicant is told that their latest payslip would change it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from screening.assessors import RulesAssessor
from screening.explanation import EN, applicant_explanation, outcome_changes
from screening.graph import run_screening
from screening.rules.income import LATEST_PAYSLIP_MONTHS, months_ago
from tests.unit.test_explanation import agency, form_for, payslips, person, screened
from tests.unit.test_rules import NIF, TODAY, id_document, payslip, screen, state

# TODAY is 2026-11-23: September is two months before it, August three.
ON_TIME = ["2026-09", "2026-08", "2026-07"]
LATE = ["2026-08", "2026-07", "2026-06"]


def latest_checks(result: dict) -> list[dict]:
    return [c for c in result["income"]["checks"] if c["name"] == "income.payslip_latest"]


def test_the_months_are_counted_as_the_rule_says() -> None:
    """Guard: the fixture's months lie on each side of the limit."""
    assert months_ago(ON_TIME[0], TODAY) == LATEST_PAYSLIP_MONTHS
    assert months_ago(LATE[0], TODAY) == LATEST_PAYSLIP_MONTHS + 1


def test_payslips_whose_newest_is_three_months_old_make_the_report_medium_and_say_so() -> None:
    result = screen([id_document(), *(payslip(p) for p in LATE)])
    [latest] = latest_checks(result)
    assert not latest["passed"]
    assert latest["value"] == "2026-08" and latest["expected"] == ">= 2026-09"
    assert "mais recente é de 08/2026" in latest["evidence"]
    assert result["affordability"]["risk_level"] == "MEDIUM"
    assert result["affordability"]["reasons"] == ["latest_payslip_old"]
    assert "o recibo de vencimento mais recente tem mais de dois meses" in result["report"]["justification"]


def test_the_income_is_still_counted_from_those_payslips() -> None:
    late = screen([id_document(), *(payslip(p) for p in LATE)])
    on_time = screen([id_document(), *(payslip(p) for p in ON_TIME)])
    assert late["income"]["verified"] and late["income"]["months"] == sorted(LATE, reverse=True)
    assert late["income"]["average_monthly_income"] == on_time["income"]["average_monthly_income"]


def test_a_newest_payslip_two_months_old_is_recent_enough() -> None:
    result = screen([id_document(), *(payslip(p) for p in ON_TIME)])
    assert latest_checks(result) == []
    assert result["affordability"]["risk_level"] == "LOW"


def test_an_old_payslip_beside_recent_ones_raises_nothing() -> None:
    """Guard: only the newest counts for this rule."""
    result = screen([id_document(), *(payslip(p) for p in ["2026-10", "2026-09", "2026-05"])])
    assert latest_checks(result) == []


@pytest.mark.parametrize(
    ("today", "periods", "expected"),
    [
        ("2027-01-04", ["2026-10", "2026-09", "2026-08"], ">= 2026-11"),
        ("2027-02-01", ["2026-11", "2026-10", "2026-09"], ">= 2026-12"),
    ],
)
def test_the_limit_crosses_the_year(today: str, periods: list[str], expected: str) -> None:
    screening = state([id_document(), *(payslip(p) for p in periods)])
    result = dict(run_screening({**screening, "today": today}, RulesAssessor()))  # type: ignore[arg-type]
    [latest] = latest_checks(result)
    assert latest["expected"] == expected


def test_the_applicant_is_told_their_latest_payslip_would_change_the_outcome() -> None:
    form = form_for(agency())
    maria = person(form, income=None, extra=tuple(payslips("Maria João Santos", NIF, Decimal("2000.00"), LATE)))
    _, report = screened(form, maria)
    assert report.risk_level == "MEDIUM"
    changes = outcome_changes(applicant=maria.applicant, report=report)
    assert [(c.kind, c.reaches) for c in changes] == [("latest_payslip", "LOW")]
    explanation = applicant_explanation(applicant=maria.applicant, report=report, language="en")
    assert explanation["what_would_change"] == [
        f"With {EN.latest_payslip}, the outcome of the assessment would improve."
    ]
    pt = applicant_explanation(applicant=maria.applicant, report=report)
    assert pt["what_would_change"][0].startswith("Com o seu recibo de vencimento mais recente")
