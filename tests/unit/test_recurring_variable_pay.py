"""Overtime and per diems that come in every month counted count (ADR 030's revisit). Three blind testers disagreed:
two counted a construction worker's overtime and site per diems and a TIR driver's per diems as pay, one left them
out. One month cannot show whether such money recurs; three months of payslips can. The parser reports their net
apart (``variable_net_pay``), the income rules count it only when every month counted pays some; a bonus, back pay,
mileage and refunds never."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from screening.explanation import PT, payslip_method
from screening.rules.income import RECURRING_VARIABLE_PAY, employment_source, payslip_checks, payslip_net
from tests.helpers import payslip_rows_checked, slip_totals

checked_slip = payslip_rows_checked
totals = slip_totals


# --- The parser ----------------------------------------------------------------------------


def test_overtime_is_reported_apart_at_its_net_and_the_regular_net_is_unchanged() -> None:
    rows = """Vencimento base 30 d 1.000,00
Trabalho suplementar 10 h x 8,65 86,50
Subsídio de alimentação 21 d x 6,00 126,00
Segurança Social 11% 119,52
IRS 10,0% 108,65"""
    fields, warnings = checked_slip(rows, totals("1.212,50", "228,17", "984,33"))
    assert fields["regular_net_pay"] == Decimal("916.00")
    # 86,50 less 9,52 and 8,65 at the month's rate: what the regular net left out.
    assert fields["variable_net_pay"] == Decimal("68.33")
    assert "derived:variable_net_pay" in warnings


@pytest.mark.parametrize(
    "caption", ["Trab. suplementar", "Trab. Supl.", "Trab supl", "H. Extra", "Hrs extra", "Horas suplementares"]
)
def test_overtime_cut_to_fit_its_column_is_overtime(caption: str) -> None:
    # The same slip as above with the caption as payroll programs cut it: the same money, the same regular net.
    rows = f"""Vencimento base 30 d 1.000,00
{caption} 10 h x 8,65 86,50
Subsídio de alimentação 21 d x 6,00 126,00
Segurança Social 11% 119,52
IRS 10,0% 108,65"""
    fields, _ = checked_slip(rows, totals("1.212,50", "228,17", "984,33"))
    assert (fields["regular_net_pay"], fields["variable_net_pay"]) == (Decimal("916.00"), Decimal("68.33"))


def test_a_supplement_is_no_overtime() -> None:
    # Guard: "Suplemento" (a public servant's allowance, paid every month) shares overtime's abbreviation's letters.
    rows = """Vencimento base 30 d 1.000,00
Suplemento de função 86,50
Subsídio de alimentação 21 d x 6,00 126,00
Segurança Social 11% 119,52
IRS 10,0% 108,65"""
    fields, _ = checked_slip(rows, totals("1.212,50", "228,17", "984,33"))
    assert fields["regular_net_pay"] == Decimal("984.33")
    assert fields.get("variable_net_pay") is None


def test_per_diems_are_reported_whole_and_the_mileage_and_refunds_beside_them_never() -> None:
    rows = """Vencimento base 30 d 1.500,00
Subsídio de alimentação 21 d x 6,00 126,00
Ajudas de custo (deslocações nacionais) 4 d x 50,20 200,80
Km em viatura própria 300 km x 0,40 120,00
Reembolso de despesas (fatura n.º 118) 35,40
Segurança Social 11% 165,00
IRS 12,0% 180,00"""
    fields, _ = checked_slip(rows, totals("1.982,20", "345,00", "1.637,20"))
    assert fields["regular_net_pay"] == Decimal("1281.00")
    assert fields["variable_net_pay"] == Decimal("200.80")


def test_per_diems_said_taxed_are_reported_less_their_deductions() -> None:
    rows = """010 Vencimento base 30 d 1.000,00
040 Ajudas de custo (isentas) 20 d x 20,00 400,00
041 Ajudas de custo (excesso sujeito) 20 d x 5,00 100,00
Segurança Social 11% 121,00
IRS 10,0% 110,00"""
    fields, _ = checked_slip(rows, totals("1.500,00", "231,00", "1.269,00"))
    assert fields["regular_net_pay"] == Decimal("790.00")
    # 400,00 whole; 100,00 less 11,00 and 10,00: all the regular net left out.
    assert fields["variable_net_pay"] == Decimal("479.00")


def test_a_bonus_only_slip_has_no_variable_net() -> None:
    rows = """Vencimento base 30 d 1.800,00
Subsídio de alimentação 21 d x 6,00 126,00
Prémio de desempenho anual 1.000,00
Segurança Social 11% 308,00
IRS 15,0% 420,00"""
    fields, warnings = checked_slip(rows, totals("2.926,00", "728,00", "2.198,00"))
    assert fields["regular_net_pay"] == Decimal("1458.00")
    assert fields["variable_net_pay"] is None
    assert "derived:variable_net_pay" not in warnings


def test_a_mileage_only_slip_has_no_variable_net() -> None:
    rows = """Vencimento base 30 d 1.500,00
Km em viatura própria 300 km x 0,40 120,00
Segurança Social 11% 165,00
IRS 12,0% 180,00"""
    fields, _ = checked_slip(rows, totals("1.620,00", "345,00", "1.275,00"))
    assert fields["regular_net_pay"] == Decimal("1155.00")
    assert fields["variable_net_pay"] is None


def test_overtime_beside_a_bonus_takes_only_its_share_of_the_bonuss_own_withholding() -> None:
    rows = """Vencimento base 30 d 1.400,00
Prémio de produtividade 200,00
Horas extra 100,00
Segurança Social 11% 187,00
IRS 10,0% 140,00
IRS s/ prémio 13,0% 39,00"""
    fields, _ = checked_slip(rows, totals("1.700,00", "366,00", "1.334,00"))
    # The one-off pay's net (300,00 less 33,00 and 39,00) out of the regular net, overtime's third of it apart.
    assert fields["regular_net_pay"] == Decimal("1106.00")
    assert fields["variable_net_pay"] == Decimal("76.00")


# --- The rules -----------------------------------------------------------------------------

TODAY = dt.date(2026, 11, 23)
NIF = "245718931"
APPLICANT = {"nif": NIF, "name": "Rui Manuel Costa", "date_of_birth": "1985-03-02"}
MONTHS = ("2026-10", "2026-09", "2026-08")


def payslip(period: str, net: float, regular: float, variable: float | None, **overrides: Any) -> dict[str, Any]:
    fields = {
        "employee_name": "Rui Manuel Costa",
        "employee_nif": NIF,
        "employer_nif": "503456780",
        "period": period,
        "gross_pay": net + 500,
        "net_pay": net,
        "regular_net_pay": regular,
        "variable_net_pay": variable,
    }
    fields.update(overrides)
    return {
        "document_id": f"p-{period}-{fields['employer_nif']}",
        "status": "EXTRACTED",
        "kind": "RECIBO_VENCIMENTO",
        "fields": fields,
        "warnings": ["derived:regular_net_pay"],
    }


def source_of(documents: list[dict[str, Any]]) -> Any:
    return employment_source([(d, payslip_checks(d, APPLICANT, today=TODAY)) for d in documents])


def test_overtime_in_all_three_months_counts_with_the_regular_net() -> None:
    """Round 47B's construction worker: overtime and site per diems every month."""
    documents = [payslip(m, 2000.0, 1400.0, 550.0) for m in MONTHS]
    source = source_of(documents)
    # (1400 + 550) x 14 / 12
    assert source.monthly == Decimal("2275.00")
    assert RECURRING_VARIABLE_PAY in source.method
    # Each month counted at 1 950,00 of its 2 000,00 (a bonus or mileage beside it still left out), and the note
    # names no overtime or per diems among what is left out.
    assert "contado 1 950,00 € em vez dos 2 000,00 € impressos" in source.method
    assert "trabalho suplementar, ajudas de custo ou despesas" not in source.method


def test_a_month_counted_at_its_printed_net_is_not_noted_and_never_above_it() -> None:
    documents = [payslip(m, 1950.0, 1400.0, 550.01) for m in MONTHS]
    source = source_of(documents)
    assert source.monthly == Decimal("2275.00")
    assert "impressos" not in source.method
    assert payslip_net(documents[0], with_variable=True) == Decimal("1950.00")


def test_overtime_in_two_of_three_months_does_not_count() -> None:
    documents = [
        payslip("2026-10", 2000.0, 1400.0, 550.0),
        payslip("2026-09", 2000.0, 1400.0, 550.0),
        payslip("2026-08", 1400.0, 1400.0, None),
    ]
    source = source_of(documents)
    # All three at their regular net: 1400 x 14 / 12.
    assert source.monthly == Decimal("1633.33")
    assert RECURRING_VARIABLE_PAY not in source.method
    assert "10/2026 contado 1 400,00 € em vez dos 2 000,00 € impressos" in source.method
    # The third month's overtime too, and all three count it.
    documents[2] = payslip("2026-08", 2000.0, 1400.0, 550.0)
    assert source_of(documents).monthly == Decimal("2275.00")


def test_a_bonus_in_all_three_months_never_counts() -> None:
    """A bonus every month is still a bonus: beside overtime every month, only the overtime counts."""
    rows = """Vencimento base 30 d 1.400,00
Prémio de produtividade 200,00
Horas extra 100,00
Segurança Social 11% 187,00
IRS 10,0% 140,00
IRS s/ prémio 13,0% 39,00"""
    fields, _ = checked_slip(rows, totals("1.700,00", "366,00", "1.334,00"))
    documents: list[dict[str, Any]] = [
        {
            "document_id": f"p-{month}",
            "status": "EXTRACTED",
            "kind": "RECIBO_VENCIMENTO",
            "fields": {**fields, "employee_name": "Rui Manuel Costa", "employee_nif": NIF, "period": month},
            "warnings": ["derived:regular_net_pay"],
        }
        for month in MONTHS
    ]
    source = source_of(documents)
    # (1106,00 + 76,00) x 14 / 12: the bonus's 152,00 net stays out.
    assert source.monthly == Decimal("1379.00")
    assert "contado 1 182,00 € em vez dos 1 334,00 € impressos" in source.method
    bonus_only = [{**d, "fields": {**d["fields"], "variable_net_pay": None}} for d in documents]
    assert source_of(bonus_only).monthly == Decimal("1290.33")
    assert RECURRING_VARIABLE_PAY not in source_of(bonus_only).method


def test_two_employers_each_decide_for_their_own_overtime() -> None:
    """Overtime every month at the construction company counts; the cleaning job's, in one month, does not."""
    site = [payslip(m, 1200.0, 1000.0, 150.0) for m in MONTHS]
    cleaning = [
        payslip("2026-10", 500.0, 400.0, 80.0, employer_nif="509876540"),
        payslip("2026-09", 400.0, 400.0, None, employer_nif="509876540"),
        payslip("2026-08", 400.0, 400.0, None, employer_nif="509876540"),
    ]
    source = source_of([*site, *cleaning])
    # (1150 + 400) x 14 / 12
    assert source.monthly == Decimal("1808.33")
    assert f"{RECURRING_VARIABLE_PAY} (de 1 dos 2 empregadores)" in source.method


def test_overtime_at_one_employer_then_at_the_other_does_not_recur() -> None:
    """Every month has some overtime, but no employer's recurs; the first's in every month does."""
    first = [
        payslip("2026-10", 1150.0, 1000.0, 150.0),
        payslip("2026-09", 1000.0, 1000.0, None),
        payslip("2026-08", 1000.0, 1000.0, None),
    ]
    second = [
        payslip("2026-10", 400.0, 400.0, None, employer_nif="509876540"),
        payslip("2026-09", 480.0, 400.0, 80.0, employer_nif="509876540"),
        payslip("2026-08", 480.0, 400.0, 80.0, employer_nif="509876540"),
    ]
    source = source_of([*first, *second])
    # (1000 + 400) x 14 / 12.
    assert source.monthly == Decimal("1633.33")
    assert RECURRING_VARIABLE_PAY not in source.method
    first[1:] = [payslip(m, 1150.0, 1000.0, 150.0) for m in MONTHS[1:]]
    # (1150 + 400) x 14 / 12.
    assert source_of([*first, *second]).monthly == Decimal("1808.33")


def test_the_applicants_explanation_says_the_recurring_overtime_counted() -> None:
    """ "Sem pagamentos pontuais (... horas extra, ajudas de custo)" must not be all it reads when they counted."""
    documents = [payslip(m, 2000.0, 1400.0, 550.0) for m in MONTHS]
    method = {
        "name": "income.monthly_income",
        "passed": True,
        "evidence": f"Rendimento: {source_of(documents).method}.",
    }
    said = payslip_method([method], PT)
    assert said.startswith(PT.method_payslips_fourteen)
    assert "ajudas de custo pagos em todos esses meses contam" in said


def test_the_note_names_the_amount_left_out_beside_what_is_counted() -> None:
    """Blind probe r81b F3: per diems every month counted ("contados") and a displacement allowance the slip says is
    untaxed left out; the month's note said "contado 1 307,00 € em vez dos 1 507,00 €" and no more. It names the
    amount left out and that what the counted per diems leave out is travel or costs paid back."""
    documents = [payslip(m, 1820.0, 1200.0, 420.0) for m in MONTHS]
    source = source_of(documents)
    assert RECURRING_VARIABLE_PAY in source.method
    assert "contado 1 620,00 € em vez dos 1 820,00 € impressos (200,00 € deixados de fora)" in source.method
    assert "deslocações ou despesas pagas de volta" in source.method
