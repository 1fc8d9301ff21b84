"""A lasting pay cut in the newest months (docs/adr/039-a-lasting-pay-cut.md): blind probe r68b, c18."""

from __future__ import annotations

from typing import Any

from screening.explanation import EN, PT, payslip_method
from tests.unit.test_rules import THREE_MONTHS, check_named, id_document, payslip, screen

# Newest first, as ``THREE_MONTHS``: 2026-10, 2026-09, 2026-08.


def slips(*pay: tuple[float, float], **overrides: Any) -> list[dict[str, Any]]:
    """One payslip per month of ``THREE_MONTHS``: (base salary, net), with the subsidies paid in twelfths (x 1)."""
    return [
        payslip(month, net, base_salary=base, subsidy_twelfths_amount=None, **overrides)
        for month, (base, net) in zip(THREE_MONTHS, pay, strict=True)
    ]


def income(documents: list[dict[str, Any]]) -> dict[str, Any]:
    return dict(screen([id_document(), *documents])["income"])


def test_a_base_salary_that_fell_in_the_newest_month_is_the_income() -> None:
    result = income(slips((1000, 880), (1500, 1300), (1500, 1300)))
    assert result["average_monthly_income"] == "1026.67"  # 880,00 x 14 / 12: the level since, not the 3 months' mean
    assert "média dos recibos de 10/2026" in result["method"]
    assert "o vencimento base baixou de 1 500,00 € para 1 000,00 € em 10/2026" in result["method"]
    assert result["verified"] is True  # three months were proven: the history is the evidence of the fall


def test_the_months_since_the_fall_are_averaged_together() -> None:
    result = income(slips((1000, 870), (1000, 890), (1500, 1300)))
    assert result["average_monthly_income"] == "1026.67"  # (870 + 890) / 2 x 14 / 12
    assert "média dos recibos de 09/2026, 10/2026" in result["method"]
    assert "baixou de 1 500,00 € para 1 000,00 € em 09/2026" in result["method"]


def test_guard_a_raise_stays_averaged() -> None:
    result = income(slips((1500, 1300), (1000, 880), (1000, 880)))
    assert result["average_monthly_income"] == "1190.00"  # (1300 + 880 + 880) / 3 x 14 / 12
    assert "baixou" not in result["method"]


def test_guard_a_small_difference_or_a_steady_base_is_no_cut() -> None:
    small = income(slips((1450, 1260), (1500, 1300), (1500, 1300)))  # 3 % less: rounding, a category's step
    assert "baixou" not in small["method"]
    steady_base_lower_net = income(slips((1500, 900), (1500, 1300), (1500, 1300)))  # an IRS change, a deduction
    assert "baixou" not in steady_base_lower_net["method"]


def test_guard_a_month_that_paid_less_for_a_reason_of_its_own_is_no_new_level() -> None:
    for warning in ("leave_withheld", "started_within_month", "termination_pay"):
        documents = slips((1000, 880), (1500, 1300), (1500, 1300))
        documents[0]["warnings"] = [warning]
        assert "baixou" not in income(documents)["method"], warning


def test_guard_a_base_not_read_on_a_month_leaves_the_average() -> None:
    documents = slips((1000, 880), (1500, 1300), (1500, 1300))
    documents[1]["fields"]["base_salary"] = None
    assert "baixou" not in income(documents)["method"]


def test_guard_another_employers_lower_base_is_a_job_change_not_a_cut() -> None:
    documents = slips((1000, 880), (1500, 1300), (1500, 1300))
    for document, nif in zip(documents, ("508000001", "507000009", "507000009"), strict=True):
        document["fields"]["employer_nif"] = nif
    result = income(documents)
    assert "baixou" not in result["method"]
    assert result["average_monthly_income"] == "1353.33"  # (880 + 1300 + 1300) / 3 x 14 / 12


def test_the_applicants_explanation_says_only_the_pay_since_the_fall_counts() -> None:
    cut = screen([id_document(), *slips((1000, 880), (1500, 1300), (1500, 1300))])
    method = check_named(cut, "income.monthly_income")
    # The month the pay fell in, named (blind probe r72c, F11: "in the latest months ... since then").
    assert payslip_method([method], PT).startswith(
        "O seu vencimento base baixou em outubro de 2026: conta o vencimento desde esse mês, não a média com os "
        "meses anteriores. "
    )
    assert payslip_method([method], EN).startswith(
        "Your base salary fell in October 2026: your pay from that month on counts, not the average with the months "
        "before. "
    )
    steady = screen([id_document(), *slips((1500, 1300), (1500, 1300), (1500, 1300))])
    method = check_named(steady, "income.monthly_income")
    assert "baixou" not in payslip_method([method], PT)
    assert "fell" not in payslip_method([method], EN)


def test_a_fall_over_two_months_names_the_first_month_of_the_lower_pay() -> None:
    cut = screen([id_document(), *slips((1000, 870), (1000, 890), (1500, 1300))])
    method = check_named(cut, "income.monthly_income")
    assert payslip_method([method], EN).startswith("Your base salary fell in September 2026: ")
    assert payslip_method([method], PT).startswith("O seu vencimento base baixou em setembro de 2026: ")


def test_a_pay_cut_note_without_its_month_is_said_without_one() -> None:
    """Guard: a method line whose note lost its month (an older report) keeps the sentence, with no month made up."""
    method = {"name": "income.monthly_income", "evidence": "média; contado só o nível desde então, não a média dos "
              "meses antes"}  # fmt: skip
    assert payslip_method([method], PT) == PT.method_payslips_cut_undated
    assert payslip_method([method], EN) == EN.method_payslips_cut_undated
