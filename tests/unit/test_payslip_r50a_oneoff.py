"""A month's regular net without its one-off money (blind probe r50a). The month's whole net was counted when it paid
an annual bonus, back pay, overtime or costs paid back (per diems, mileage, expenses): 86 € to 1 077 € a month over
the recurring income. Those rows are now left out by their captions, as a lump subsidy is: pay less 11% and its IRS
(its own line, else the month's rate), costs whole. The slips are typed text, with figures of their own."""

from __future__ import annotations

from decimal import Decimal

from screening.rules.income import payslip_net
from tests.helpers import payslip_rows_checked, slip_totals

checked = payslip_rows_checked
totals = slip_totals


def test_an_annual_bonus_is_left_out_less_its_social_security_and_the_months_irs_rate() -> None:
    rows = """Vencimento base 30 d 1.800,00
Subsídio de alimentação 21 d x 6,00 126,00
Prémio de desempenho anual 1.000,00
Segurança Social 11% 308,00
IRS 15,0% 420,00"""
    fields, warnings = checked(rows, totals("2.926,00", "728,00", "2.198,00"))
    assert fields["net_pay"] == Decimal("2198.00")
    # 1 000,00 less 110,00 and 150,00 (IRS 420,00 over 2 800,00, the base social security's 308,00 is on).
    assert fields["regular_net_pay"] == Decimal("1458.00")
    assert "derived:regular_net_pay" in warnings
    assert not {"subsidy_implausible", "termination_pay", "arithmetic_mismatch"} & set(warnings)
    assert fields["subsidy_amount"] is None
    # The month still counts, at its regular net.
    assert payslip_net({"fields": fields}) == Decimal("1458.00")


def test_overtime_is_one_off_pay() -> None:
    rows = """Vencimento base 30 d 1.000,00
Trabalho suplementar 10 h x 8,65 86,50
Subsídio de alimentação 21 d x 6,00 126,00
Segurança Social 11% 119,52
IRS 10,0% 108,65"""
    fields, warnings = checked(rows, totals("1.212,50", "228,17", "984,33"))
    # 86,50 less 9,52 and 8,65 at the month's rate.
    assert fields["regular_net_pay"] == Decimal("916.00")
    assert "derived:regular_net_pay" in warnings


def test_per_diems_mileage_and_expenses_refunded_are_left_out_whole() -> None:
    rows = """Vencimento base 30 d 1.500,00
Subsídio de alimentação 21 d x 6,00 126,00
Ajudas de custo (deslocações nacionais) 4 d x 50,20 200,80
Km em viatura própria 300 km x 0,40 120,00
Reembolso de despesas (fatura n.º 118) 35,40
Segurança Social 11% 165,00
IRS 12,0% 180,00"""
    fields, warnings = checked(rows, totals("1.982,20", "345,00", "1.637,20"))
    assert fields["regular_net_pay"] == Decimal("1281.00")
    assert "derived:regular_net_pay" in warnings


def test_per_diems_beyond_the_limits_said_taxed_are_left_out_less_their_deductions() -> None:
    rows = """010 Vencimento base 30 d 1.000,00
040 Ajudas de custo (isentas) 20 d x 20,00 400,00
041 Ajudas de custo (excesso sujeito) 20 d x 5,00 100,00
Segurança Social 11% 121,00
IRS 10,0% 110,00"""
    fields, warnings = checked(rows, totals("1.500,00", "231,00", "1.269,00"))
    # 400,00 whole; 100,00 less 11,00 and 10,00 at the month's rate.
    assert fields["regular_net_pay"] == Decimal("790.00")
    assert "derived:regular_net_pay" in warnings


def test_back_pay_with_its_own_withholding_line_is_left_out_less_that_line() -> None:
    rows = """Vencimento base 30 d 1.400,00
Retroativos (jan-out 2026) 300,00
Segurança Social 11% 187,00
IRS 10,0% 140,00
IRS s/ retroativos 13,0% 39,00"""
    fields, warnings = checked(rows, totals("1.700,00", "366,00", "1.334,00"))
    # 300,00 less 33,00 and its own 39,00, not the month's average rate.
    assert fields["regular_net_pay"] == Decimal("1106.00")
    assert "derived:regular_net_pay" in warnings


def test_a_bonus_beside_a_lump_subsidy_taxed_apart_takes_the_rate_of_the_rest() -> None:
    rows = """Vencimento base 30 d 2.000,00
Subsídio de Natal 2.000,00
Prémio de desempenho 400,00
Segurança Social 11% 484,00
IRS 15,0% 360,00
IRS s/ subsídio de Natal 20,0% 400,00"""
    fields, warnings = checked(rows, totals("4.400,00", "1.244,00", "3.156,00"))
    assert fields["subsidy_amount"] == Decimal("2000.00")
    # The subsidy's own net (2 000,00 less 220,00 and 400,00) and the bonus's (400,00 less 44,00 and 15% of it).
    assert fields["regular_net_pay"] == Decimal("1480.00")
    assert warnings.count("derived:regular_net_pay") == 1


def test_monthly_bonuses_and_allowances_stay_regular_pay() -> None:
    """Guard: bonuses their captions say recur (monthly, for attendance, for the roster's Sundays), an allowance naming the trips it pays every month, and an overtime
    correction taken off the month are the month's regular pay."""
    rows = """Vencimento base 30 d 1.200,00
Prémio de assiduidade 50,00
Prémio de produtividade (objetivos mensais) 40,00
Prémio de trabalho ao domingo 30,00
Subsídio de deslocação 60,00
Trabalho suplementar (acerto 10/2026) -20,00
Segurança Social 11% 149,60
IRS 10,0% 136,00"""
    fields, warnings = checked(rows, totals("1.360,00", "285,60", "1.074,40"))
    assert fields["net_pay"] == Decimal("1074.40")
    assert fields["regular_net_pay"] == Decimal("1074.40")
    assert "derived:regular_net_pay" not in warnings


def test_premiums_for_the_post_itself_stay_regular_pay() -> None:
    """Collective agreements pay a post's function, a team's lead, seniority and risk as "prémios" every month it is
    held: they are the month's regular pay, where a year's performance bonus beside them is not."""
    rows = """Vencimento base 30 d 1.500,00
Prémio de função 150,00
Prémio de chefia 100,00
Prémio de antiguidade 40,00
Prémio de risco 60,00
Prémio de desempenho anual 300,00
Segurança Social 11% 237,50
IRS 12,0% 259,20"""
    fields, warnings = checked(rows, totals("2.150,00", "496,70", "1.653,30"))
    assert fields["net_pay"] == Decimal("1653.30")
    assert "derived:regular_net_pay" in warnings
    # Only the annual bonus leaves: the same as a slip whose base pays the four premiums.
    in_the_base = """Vencimento base 30 d 1.850,00
Prémio de desempenho anual 300,00
Segurança Social 11% 237,50
IRS 12,0% 259,20"""
    base_fields, _ = checked(in_the_base, totals("2.150,00", "496,70", "1.653,30"))
    assert fields["regular_net_pay"] == base_fields["regular_net_pay"] < Decimal("1653.30") - Decimal("200.00")
