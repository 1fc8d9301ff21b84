"""Blind probe r76b, N4: two jobs held together read only "1 403,38 € (somando 2 empregadores)": a person checking by
hand could not tell what each job gave. The method now shows each job's share, to the cent, and says so when those
cents do not add up to the average worked out in one division. Figures of our own."""

from __future__ import annotations

from decimal import Decimal

from tests.unit.test_rules_two_jobs_and_currency import CLEANING, MONTHS, RESTAURANT, income, payslip


def test_each_job_s_share_is_shown_and_they_add_up_to_the_average() -> None:
    # 700 x 14 / 12 = 816,67 and 534 x 14 / 12 = 623,00: 1 439,67, the average.
    result = income([*(payslip(m, 700.0, CLEANING) for m in MONTHS), *(payslip(m, 534.0, RESTAURANT) for m in MONTHS)])
    assert Decimal(result["average_monthly_income"]) == Decimal("1439.67")
    assert (
        "somando 2 empregadores (recibos do mesmo mês de entidades diferentes): 816,67 € + 623,00 €,"
        in (result["method"])
    )
    assert "arredondada" not in result["method"]


def test_shares_whose_cents_do_not_make_the_average_say_they_are_rounded() -> None:
    # 644,50 x 14 / 12 = 751,916... and 558,40 x 14 / 12 = 651,466...: 751,92 + 651,47 = 1 403,39, the average
    # 1 202,90 x 14 / 12 = 1 403,38.
    result = income([*(payslip(m, 644.5, CLEANING) for m in MONTHS), *(payslip(m, 558.4, RESTAURANT) for m in MONTHS)])
    assert Decimal(result["average_monthly_income"]) == Decimal("1403.38")
    assert ": 751,92 € + 651,47 € (cada parte arredondada ao cêntimo)," in result["method"]


def test_a_job_whose_net_changes_shares_its_months_mean() -> None:
    nets = {"2026-09": 700.0, "2026-10": 730.0, "2026-11": 760.0}
    result = income(
        [*(payslip(m, nets[m], CLEANING) for m in MONTHS), *(payslip(m, 534.0, RESTAURANT) for m in MONTHS)]
    )
    # (700 + 730 + 760) x 14 / 12 / 3 = 851,67; 534 x 14 / 12 = 623,00: 1 474,67.
    assert Decimal(result["average_monthly_income"]) == Decimal("1474.67")
    assert ": 851,67 € + 623,00 €," in result["method"]


def test_one_job_shows_no_shares() -> None:
    """Guard: one employer's method reads as before."""
    result = income([payslip(m, 700.0, CLEANING) for m in MONTHS])
    assert "empregadores" not in result["method"] and " + " not in result["method"]
