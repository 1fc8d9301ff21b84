"""What the blind probes of round 54 found in what a payslip's month regularly pays: a base salary dropped as
implausible on a month of parental leave (a row printed with a minus) and of lay-off (no minus at all); a salary
advance deducted from the net, the month counted at the printed net without it; and an overtime's own IRS row whose
figure OCR cut on a photo ("6.1" of "6,11"), the month's IRS short of it and the overtime's IRS estimated."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from documents.extraction.local import validated
from documents.extraction.parsers import classify, parse_document
from documents.extraction.reader import Line
from tests.helpers import read_text


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 5))


def read_ocr(text: str) -> tuple[dict[str, Any], list[str]]:
    """The text as OCR gives a scan's or a photo's lines: each at a confidence under a text layer's 1.0."""
    kind = classify(text)
    parsed = parse_document(kind, [Line(line, 0.85) for line in text.splitlines() if line.strip()])
    fields, _, warnings = validated(kind, parsed, document_type="PROOF_OF_INCOME")
    return fields, warnings


def slip(header: str, rows: str, totals: str, net: str) -> str:
    return f"""Solução Digital - Serviços Informáticos, Lda.
NIF 512345678
RECIBO DE VENCIMENTO
Período: Agosto 2026
Nome: Tiago Manuel Brás Carvalho NIF: 219485631
{header}
Cód. Descrição Qtd. Abonos Descontos
{rows}
Totais {totals}
Líquido a receber: {net} €"""


# Base 1.400,00, 27 days of parental leave withheld (the Segurança Social pays them), meal 3 x 6,00: gross 158,00,
# SS 15,40, net 142,60.
PARENTAL_LEAVE = slip(
    "Remuneração base mensal: 1.400,00 € Admissão: 15/09/2019",
    """100 Vencimento base 1.400,00
110 Licença parental inicial (27 dias) 27 d -1.260,00
101 Subsídio de alimentação 3 d x 6,00 18,00
500 Segurança Social 11,00 % 15,40""",
    "158,00 15,40",
    "142,60",
)


def test_parental_leave_printed_with_a_minus_keeps_the_base_above_the_gross() -> None:
    _, fields, warnings = read(PARENTAL_LEAVE)
    assert fields["base_salary"] == Decimal("1400.00")
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("158.00"), Decimal("142.60"))
    assert "base_salary_implausible" not in warnings


def test_a_leave_by_another_name_or_only_its_days_keeps_the_base_too() -> None:
    """By structure, not by one caption: maternity leave, or any row printed with a minus naming its days."""
    for caption in ("Licença de maternidade", "Dias não trabalhados (27 dias)", "Ausência - parentalidade"):
        _, fields, warnings = read(PARENTAL_LEAVE.replace("Licença parental inicial (27 dias)", caption))
        assert fields["base_salary"] == Decimal("1400.00"), caption
        assert "base_salary_implausible" not in warnings, caption


def test_guard_a_minus_row_naming_no_leave_nor_days_explains_nothing() -> None:
    """The guard (passes before the fix too): a correction printed with a minus says nothing of days not paid."""
    _, fields, warnings = read(PARENTAL_LEAVE.replace("Licença parental inicial (27 dias) 27 d", "Acerto"))
    assert fields["base_salary"] is None
    assert "base_salary_implausible" in warnings


# A lay-off reducing hours by 40 %: 60 % of 1.200,00 paid, and the compensation to two thirds; nothing printed with a
# minus. Gross 878,00, SS 88,00, IRS 40,00, net 750,00.
LAY_OFF = slip(
    "Remuneração base: 1.200,00 € Lay-off (redução do PNT) de 01/05 a 31/07/2026",
    """100 Remuneração horas trabalhadas (redução 40%) 720,00
105 Compensação retributiva art. 305.º CT 80,00
101 Subsídio de alimentação 13 d x 6,00 78,00
500 Segurança Social 11,00 % 88,00
501 IRS 5,0 % 40,00""",
    "878,00 128,00",
    "750,00",
).replace("Agosto", "Maio")


def test_a_lay_off_keeps_the_base_up_to_the_third_the_law_lets_it_pay_short() -> None:
    _, fields, warnings = read(LAY_OFF)
    assert fields["base_salary"] == Decimal("1200.00")
    assert "base_salary_implausible" not in warnings


def test_guard_a_lay_off_explains_no_base_beyond_a_third_above_the_gross() -> None:
    """The guard: two thirds of the pay at least, by law; a base of 1.500,00 on a gross of 878,00 is a misreading."""
    _, fields, warnings = read(LAY_OFF.replace("Remuneração base: 1.200,00", "Remuneração base: 1.500,00"))
    assert fields["base_salary"] is None
    assert "base_salary_implausible" in warnings


# Base 1.150,00, commissions 120,00, meal 126,00: gross 1.396,00; SS 139,70, IRS 88,90, and 400,00 advanced on the
# 15th and deducted: deductions 628,60, net 767,40. The month paid 1.167,40.
ADVANCE = slip(
    "Vencimento base: 1.150,00 €",
    """100 Vencimento base 1.150,00
102 Comissões de vendas (mensais) 120,00
101 Subsídio de alimentação 21 d x 6,00 126,00
500 Segurança Social 11,00 % 139,70
501 IRS 7,0 % 88,90
502 Adiantamento de vencimento (pago em 15/08) 400,00""",
    "1.396,00 628,60",
    "767,40",
)


def test_a_salary_advance_deducted_is_the_months_pay_added_back() -> None:
    _, fields, warnings = read(ADVANCE)
    assert fields["net_pay"] == Decimal("767.40")
    assert fields["regular_net_pay"] == Decimal("1167.40")
    assert "derived:regular_net_pay" in warnings
    assert "subsidy_implausible" not in warnings


def test_guard_a_loan_repaid_stays_deducted() -> None:
    """The guard (passes before the fix too): a loan's repayment is the worker's own debt, not the month's pay."""
    loan = ADVANCE.replace("Adiantamento de vencimento (pago em 15/08)", "Reembolso de empréstimo (prest. 7/12)")
    _, fields, warnings = read(loan)
    assert fields["regular_net_pay"] == Decimal("767.40")
    assert "derived:regular_net_pay" not in warnings


def test_guard_an_advance_on_totals_that_do_not_hold_is_not_added() -> None:
    """The guard: a net the totals do not give (its sign lost, a figure misread) vouches for no advance."""
    _, fields, _ = read(ADVANCE.replace("767,40", "367,40"))
    assert fields["regular_net_pay"] != Decimal("767.40")
    assert fields["regular_net_pay"] in (None, Decimal("367.40"))


# A factory's month with overtime and its IRS on a row of its own: gross 1.194,84; SS 131,42, IRS 110,25 and
# 6,11 on the overtime; deductions 247,78, net 947,06. On a photo OCR cut the overtime IRS's figure to "6.1".
OVERTIME_IRS = slip(
    "Vencimento base: 980,00 €",
    """107 Vencimento base 980,00
108 Subsídio de turno 147,00
122 Trabalho suplementar (8h x 8,48) 67,84
533 Segurança Social 11,00% 131,42
538 IRS 9,0% 110,25
547 IRS s/ Trab. Suplementar 9,0% 6,11""",
    "1.194,84 247,78",
    "947,06",
).replace("Agosto", "Outubro")


def test_an_overtime_irs_row_of_its_own_is_the_overtimes_irs() -> None:
    """Its caption cut "Trab. Suplementar" names the overtime: the overtime's net is less 11 % and that row (67,84 -
    7,46 - 6,11), not the month's rate."""
    _, fields, _ = read(OVERTIME_IRS)
    assert fields["irs_withholding"] == Decimal("116.36")
    assert fields["variable_net_pay"] == Decimal("54.27")
    assert fields["regular_net_pay"] == Decimal("892.79")


def test_an_irs_row_whose_figure_ocr_cut_is_what_the_deductions_total_leaves() -> None:
    fields, warnings = read_ocr(OVERTIME_IRS.replace("9,0% 6,11", "9,0% 6.1"))
    assert fields["irs_withholding"] == Decimal("116.36")
    assert "derived:irs_withholding" in warnings
    assert fields["variable_net_pay"] == Decimal("54.27")
    assert fields["regular_net_pay"] == Decimal("892.79")


def test_guard_a_cut_figure_the_gap_does_not_begin_with_is_left() -> None:
    """The guard: the digits left ("7.2") are not the gap's (6,11): the row is not taken for it."""
    fields, warnings = read_ocr(OVERTIME_IRS.replace("9,0% 6,11", "9,0% 7.2"))
    assert fields["irs_withholding"] == Decimal("110.25")
    assert "derived:irs_withholding" not in warnings
