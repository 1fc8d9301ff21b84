"""Payslips of blind probe r39a's layouts that the clean pages (no photo) read wrongly. A table with "Abonos" and
"Descontos" columns closing on a row of totals ("Totais 1.825,03 303,69") under a header restating the base salary
as a field ("Admissão: ...  Venc. base: 1.520,32"): the header's base counted a second time among the earnings, the
totals row's gross not recognised, and a gross worked back from a net raised by hand put in its place (a forgery
passed with only ``derived:gross_pay``). And an accountant's program printing "Período: 2026/09  Venc. Base: ...
Admissão: 21-06-2023" on one line: the admission's date read as the period. The lines are built as the reader gives
them (Tesseract's words and boxes), with names and figures of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from documents.extraction.parsers import classify, parse_document
from documents.extraction.parsers.payslip import captions_only, parse_payslip
from documents.extraction.reader import Line
from documents.extraction.schema import fields_validate
from documents.extraction.validation import parsed_revalidate
from tests.unit.test_payslip_round36 import scanned

TODAY = dt.date(2026, 12, 4)


def checked(lines: list[Line]) -> tuple[dict[str, Any], list[str]]:
    """The fields and warnings as the local extractor gives them: the parser's, then the checks every backend's
    reading goes through (the arithmetic's among them)."""
    kind = classify("\n".join(line.text for line in lines))
    parsed = parse_document(kind, lines)
    fields = fields_validate(kind, parsed.fields)
    warnings = parsed_revalidate(kind, fields, parsed, document_type="PROOF_OF_INCOME", today=TODAY)
    return fields, [*parsed.warnings, *warnings]


# Earnings 1.310,00 + 42,50 + 201,60 = 1.554,10; deductions 148,78 + 96,40 = 245,18; net 1.308,92.
TABLE_HEADER = [
    scanned((170, "Serralharia Vale do Sousa, Lda."), (1250, "RECIBO DE VENCIMENTO")),
    scanned((170, "Rua da Ponte Velha, 41 - 4580-112 Paredes"), (1250, "Original - N.º 3318")),
    scanned((170, "NIPC: 507319427 N.º Seg. Social: 20418839512")),
    scanned((185, "Nome: Joana Ribeiro Carvalho"), (900, "NIF: 246170352")),
    scanned((185, "N.º Mec.: 217"), (900, "NISS: 12096385520")),
    scanned((185, "Categoria: Serralheira"), (900, "Período: Outubro 2026")),
    scanned((185, "Admissão: 14-05-2015"), (900, "Venc. base: 1.310,00")),
    scanned((175, "Cód. Descrição Qtd. Valor Unit."), (1350, "Abonos"), (1600, "Descontos")),
    scanned((175, "101 Vencimento Base"), (1330, "1.310,00")),
    scanned((175, "115 Diuturnidades"), (1360, "42,50")),
    scanned((175, "140 Subsídio de Refeição"), (800, "21,00"), (1050, "9,60"), (1345, "201,60")),
    scanned((175, "150 Segurança Social"), (800, "11,00%"), (1600, "148,78")),
    scanned((175, "160 IRS"), (1620, "96,40")),
]
TABLE_FOOTER = [
    scanned((175, "Data de pagamento: 29-10-2026")),
    scanned((210, "A Entidade Empregadora"), (1300, "Recebi o original")),
]


def table_slip(net: str, totals: str = "Totais 1.554,10 245,18") -> list[Line]:
    return [
        *TABLE_HEADER,
        scanned((270, totals.split()[0]), (1330, " ".join(totals.split()[1:]))),
        scanned((950, f"Líquido a receber: {net} €")),
        *TABLE_FOOTER,
    ]


def test_a_net_raised_by_hand_keeps_the_printed_gross_and_is_flagged() -> None:
    # The net raised by 120,00: the totals row's gross stays the gross, and the slip does not add up.
    fields, warnings = checked(table_slip("1.428,92"))
    assert fields["gross_pay"] == Decimal("1554.10")
    assert fields["net_pay"] == Decimal("1428.92")
    assert "derived:gross_pay" not in warnings
    assert "arithmetic_mismatch" in warnings


def test_the_totals_row_gives_the_gross_and_the_deductions_of_its_two_columns() -> None:
    parsed = parse_payslip(table_slip("1.308,92"))
    assert parsed.fields["gross_pay"] == Decimal("1554.10")
    assert parsed.total_deductions == Decimal("245.18")
    assert parsed.fields["base_salary"] == Decimal("1310.00")


def test_a_slip_that_adds_up_keeps_no_warning() -> None:
    fields, warnings = checked(table_slip("1.308,92"))
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("1554.10"), Decimal("1308.92"))
    assert (fields["social_security"], fields["irs_withholding"]) == (Decimal("148.78"), Decimal("96.40"))
    assert fields["period"] == "2026-10"
    assert not [warning for warning in warnings if warning.startswith("derived:") or warning == "arithmetic_mismatch"]


def test_a_net_lowered_by_hand_is_still_flagged() -> None:
    fields, warnings = checked(table_slip("1.268,92"))
    assert fields["gross_pay"] == Decimal("1554.10")
    assert "arithmetic_mismatch" in warnings


def test_a_text_layers_raised_net_is_flagged_too() -> None:
    lines = [Line(line.text) for line in table_slip("1.428,92")]
    fields, warnings = checked(lines)
    assert fields["gross_pay"] == Decimal("1554.10")
    assert "derived:gross_pay" not in warnings
    assert "arithmetic_mismatch" in warnings


def test_a_totals_figure_some_earnings_make_is_the_gross_whatever_else_the_page_repeats() -> None:
    # One total under no "Abonos / Descontos" heading, the header restating the base with no colon: the earnings
    # read do not all make the total, two of them and the allowance do. That printed figure is the gross; a net
    # raised by hand does not work a gross back in its place.
    lines = [
        *TABLE_HEADER[:6],
        scanned((185, "Admissão: 14-05-2015"), (900, "Venc. base 1.310,00")),
        scanned((175, "Cód. Descrição Qtd. Valor Unit. Valor")),
        *TABLE_HEADER[8:],
        scanned((270, "Total"), (1330, "1.554,10")),
        scanned((950, "Líquido a receber: 1.428,92 €")),
        *TABLE_FOOTER,
    ]
    fields, warnings = checked(lines)
    assert fields["gross_pay"] == Decimal("1554.10")
    assert "derived:gross_pay" not in warnings
    assert "arithmetic_mismatch" in warnings


def test_a_base_printed_only_in_the_header_still_counts() -> None:
    # No table row restates the header's base: it is the base salary, and an earning of the gross.
    lines = [
        *TABLE_HEADER[:8],
        *TABLE_HEADER[9:],
        scanned((270, "Totais"), (1330, "1.554,10 245,18")),
        scanned((950, "Líquido a receber: 1.308,92 €")),
        *TABLE_FOOTER,
    ]
    fields, warnings = checked(lines)
    assert fields["base_salary"] == Decimal("1310.00")
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("1554.10"), Decimal("1308.92"))
    assert "arithmetic_mismatch" not in warnings


# An accountant's program in a typewriter font: earnings 1.214,70 + 65,00 + 184,80 = 1.464,50; deductions
# 133,62 + 61,30 = 194,92; net 1.269,58.
def accountant_slip(period_line: str) -> list[Line]:
    return [
        scanned((100, "CONTAPLUS Lda - Salários 2026 v2"), (1300, "Pág. 1/1 30/10/2026")),
        scanned((100, "RECIBO DE VENCIMENTO")),
        scanned((100, "Empresa: Oficina Auto Ribeira, Lda."), (1380, "NIPC 512864039")),
        scanned((100, "Func.: 0731 Tiago Manuel Serrano Lopes")),
        scanned((100, "NIF 193847264 NISS 17720519348 Cat.: Mecânico")),
        scanned((100, period_line)),
        scanned((100, "Cod Descrição"), (900, "qtd"), (1150, "Abonos"), (1400, "Descontos")),
        scanned((100, "006 VENCIMENTO BASE"), (1150, "1214,70")),
        scanned((100, "012 DIUTURNIDADES"), (1180, "65,00")),
        scanned((100, "019 SUB. DE REFEIÇÃO"), (880, "22,00"), (1165, "184,80")),
        scanned((100, "027 SEG. SOCIAL"), (880, "11,00"), (1420, "133,62")),
        scanned((100, "035 IRS"), (1435, "61,30")),
        scanned((1050, "Total Abonos: 1464,50 Descontos: 194,92")),
        scanned((1290, "LÍQUIDO: 1269,58 EUR")),
        scanned((100, "Transf. PT50 0035 **** **** ***7712 09")),
        scanned((100, "Recebi,")),
    ]


def test_a_period_in_figures_year_first_beside_the_admission_date() -> None:
    fields, warnings = checked(accountant_slip("Período: 2026/10 Venc. Base: 1214,70 Admissão: 03-02-2019"))
    assert fields["period"] == "2026-10"
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("1464.50"), Decimal("1269.58"))
    assert fields["base_salary"] == Decimal("1214.70")
    assert "arithmetic_mismatch" not in warnings


def test_the_admission_date_under_its_other_captions_is_never_the_period() -> None:
    for caption in ("Data de admissão:", "Data admissão", "Dt. Admissão:"):
        parsed = parse_payslip(accountant_slip(f"Período: 2026/10 Venc. Base: 1214,70 {caption} 2019-02-03"))
        assert parsed.fields["period"] == "2026-10", caption


def test_a_period_in_figures_before_another_date_on_its_line() -> None:
    parsed = parse_payslip(accountant_slip("Período: 2026/10 Venc. Base: 1214,70 Impresso em: 03-11-2026"))
    assert parsed.fields["period"] == "2026-10"


def test_a_period_of_days_beside_the_admission_date() -> None:
    parsed = parse_payslip(accountant_slip("Período: 01-10-2026 a 31-10-2026 Admissão: 12-12-2012"))
    assert parsed.fields["period"] == "2026-10"


def test_the_admission_before_the_period_caption_stays_another_date() -> None:
    parsed = parse_payslip(accountant_slip("Admissão: 12-12-2012 Mês: 10/2026 Venc. Base: 1214,70"))
    assert parsed.fields["period"] == "2026-10"


def test_two_boxes_captions_read_side_by_side_are_no_employer() -> None:
    # Two boxes side by side, their captions on one line, OCR's stop after the first word ("ENTIDADE."), the box's
    # lines without word boxes to part them.
    lines = [
        Line("RECIBO DE VENCIMENTO", 0.95),
        Line("Mês de referência: Outubro de 2026", 0.93),
        Line("ENTIDADE. EMPREGADORA TRABALHADOR", 0.9),
        Line("Padaria Central do Lis, Lda. Rui Manuel Tavares", 0.9),
        Line("Rua Direita, 8 - 1º Esq, NIF 171562887 NISS 12011223344", 0.9),
        Line("2400-118 Leiria Categoria: Padeiro", 0.9),
        Line("Vencimento base 1.250,00", 0.95),
        Line("Segurança Social 137,50", 0.95),
        Line("IRS 80,00", 0.95),
        Line("Líquido a receber 1.032,50", 0.95),
    ]
    parsed = parse_payslip(lines)
    assert parsed.fields.get("employer_name") != "EMPREGADORA TRABALHADOR"
    assert not captions_only(parsed.fields.get("employer_name"))
    assert captions_only("Entidade Empregadora") and captions_only("Dados do colaborador:")
    assert not captions_only("Empresa de Limpezas Tejo, Lda.")  # a company named after what it does is a name
