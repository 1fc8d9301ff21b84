"""Blind probe r46b, several slips on a page and what a file of them says: three months of one worker stacked on one
sheet under no payslip title (read as the top month with every month's deductions added up); two workers' slips in
one file (said to be several months of one person); a statement's title on the employer's line ("... Extrato de
Remunerações — JULHO/2026"); a month still to come said to be missing. The lines are a text layer's or a scan's, as
the reader hands them over, with names and figures of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from documents.extraction.local import letterhead_sections, one_payslip
from documents.extraction.parsers import Parsed, classify, parse_document
from documents.extraction.parsers.payslip import MULTIPLE_EMPLOYEES
from documents.extraction.reader import Line, ReadDocument
from documents.extraction.schema import PERIOD_IN_FUTURE, DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 11, 23)


def stacked_slip(
    month: int, last_day: int, extra: str, irs: str, ss: str, gross: str, deductions: str, net: str
) -> str:
    """One month's slip of a small firm: a letterhead, a receipt's number (no title), its rows."""
    return f"""Carpintaria Vale do Sousa, Lda. Recibo n.º 2026{month:02d}-0{month}
NIPC 509876544 · Rua do Souto 14, 4580-105 Paredes Período: 01/{month:02d}/2026 a {last_day}/{month:02d}/2026
Nome: Rita Moreira Baptista Contrib.: 245718931 NISS: 12345678901
Descrição Remunerações Descontos
Ordenado 880,00
Sub. Alimentação 132,00
{extra}I.R.S. {irs}
Seg. Social {ss}
Totais {gross} {deductions}
Líquido {net}"""


THREE_MONTHS = "\n".join(
    [
        stacked_slip(8, 31, "", "28,00", "111,32", "1.012,00", "139,32", "872,68"),
        stacked_slip(9, 30, "Horas Extra 40,00\n", "33,00", "115,72", "1.052,00", "148,72", "903,28"),
        stacked_slip(10, 31, "Horas Extra 20,00\n", "30,00", "113,52", "1.032,00", "143,52", "888,48"),
    ]
)


def read_file(text: str) -> Parsed:
    lines = [Line(line) for line in text.splitlines() if line.strip()]
    kind = classify(text)
    assert kind == DocumentKind.RECIBO_VENCIMENTO
    chosen, _ = one_payslip(kind, ReadDocument(lines=lines, pages=1, method="text"), parse_document(kind, lines))
    return chosen


def test_three_months_stacked_on_one_page_under_no_title_read_as_the_latest_month() -> None:
    parsed = read_file(THREE_MONTHS)
    assert parsed.fields["period"] == "2026-10"
    assert parsed.fields["gross_pay"] == Decimal("1032.00")
    assert parsed.fields["net_pay"] == Decimal("888.48")
    assert parsed.fields["social_security"] == Decimal("113.52")
    assert parsed.fields["irs_withholding"] == Decimal("30.00")
    assert parsed.fields["employer_name"] == "Carpintaria Vale do Sousa, Lda."
    assert "multiple_payslips" in parsed.warnings
    assert MULTIPLE_EMPLOYEES not in parsed.warnings


def test_a_letterhead_printed_again_in_a_slips_footer_cuts_no_second_slip() -> None:
    one = stacked_slip(10, 31, "", "28,00", "111,32", "1.012,00", "139,32", "872,68")
    footer = "Carpintaria Vale do Sousa, Lda. Recibo n.º 202610-010\nProcessado por computador"
    parsed = read_file(f"{one}\nPago por transferência bancária\nAssinatura\n{footer}")
    assert parsed.fields["period"] == "2026-10" and parsed.fields["net_pay"] == Decimal("872.68")
    assert "multiple_payslips" not in parsed.warnings


def test_a_short_first_line_printed_again_is_no_letterhead() -> None:
    lines = [Line(text) for text in ["EUR", "Nome: Rui", "a", "b", "c", "d", "EUR", "e", "f", "g", "h", "i", "j"]]
    assert letterhead_sections(lines) == [lines]


def two_workers(second_nif: str, second_name: str) -> str:
    slip = """Engenharia do Tâmega, S.A.
NIF 509876544
Recibo de Vencimento · Outubro 2026
Trabalhador: {name}
NIF {nif} NISS 12345678901
Vencimento base {base}
IRS {irs}
Segurança Social {ss}
Total ilíquido {base}
Total descontos {deductions}
Líquido {net}"""
    return "\n".join(
        [
            slip.format(
                name="Rita Moreira Baptista", nif="245718931", base="1.500,00", irs="150,00", ss="165,00",
                deductions="315,00", net="1.185,00",
            ),
            slip.format(
                name=second_name, nif=second_nif, base="1.200,00", irs="96,00", ss="132,00", deductions="228,00",
                net="972,00",
            ),
        ]
    )  # fmt: skip


@pytest.mark.parametrize(
    ("nif", "name", "others"),
    [
        ("123456789", "Nuno Filipe Carvalho", True),  # another NIF: another worker
        ("245718931", "Rita Moreira Baptista", False),  # the same worker, another amount (a correction, a copy)
    ],
)
def test_two_workers_slips_in_one_file_are_said_to_be_two_peoples(nif: str, name: str, others: bool) -> None:
    parsed = read_file(two_workers(nif, name))
    assert parsed.fields["employee_nif"] == "245718931"
    assert parsed.fields["net_pay"] == Decimal("1185.00")
    assert "multiple_payslips" in parsed.warnings
    assert (MULTIPLE_EMPLOYEES in parsed.warnings) is others


def test_two_workers_told_apart_by_name_when_no_nif_is_read() -> None:
    text = "\n".join(
        line for line in two_workers("123456789", "Nuno Filipe Carvalho").splitlines() if "NISS" not in line
    )
    parsed = read_file(text)
    assert parsed.fields["employee_name"] == "Rita Moreira Baptista"
    assert MULTIPLE_EMPLOYEES in parsed.warnings


def test_a_statements_title_on_the_employers_line_is_no_part_of_its_name() -> None:
    text = """BANCO ATLÂNTICO DO NORTE Extrato de Remunerações — JULHO/2026
Direção de Recursos Humanos - NIPC 509876544 : Rua Augusta 120, 1100-053 Lisboa
Colaborador Rita Moreira Baptista - N.º 0029817 - NIF 245718931
Retribuição de base 1.987,00
Subsídio de almoço 231,00
Total de créditos 2.218,00
IRS 300,00
Segurança Social 243,98
Total de débitos 543,98
Líquido 1.674,02"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["employer_name"].casefold() == "banco atlântico do norte"


def test_a_month_still_to_come_is_said_to_be_in_the_future_not_missing() -> None:
    text = """Padaria Central do Bonfim, Lda.
NIPC 509876544
Recibo de vencimento — Março de 2027
Nome: Rita Moreira Baptista
NIF: 245718931
Vencimento base 1.200,00
Segurança Social 132,00
IRS 96,00
Total ilíquido 1.200,00
Líquido a receber 972,00"""
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["period"] is None
    assert PERIOD_IN_FUTURE in warnings and "period_implausible" in warnings
    assert "missing:period" not in warnings
    # A page that prints no month at all is still missing its period.
    _, _, undated = read_text(text.replace(" — Março de 2027", ""), document_type="PROOF_OF_INCOME", today=TODAY)
    assert "missing:period" in undated and PERIOD_IN_FUTURE not in undated


def test_two_workers_slips_side_by_side_are_said_to_be_two_peoples() -> None:
    text = """Engenharia do Tâmega, S.A. Engenharia do Tâmega, S.A.
Recibo de Vencimento · Outubro 2026 Recibo de Vencimento · Outubro 2026
Nome: Rita Moreira Baptista Nome: Nuno Filipe Carvalho
NIF: 245718931 NIF: 123456789
Vencimento base 1.500,00 Vencimento base 1.200,00
IRS 150,00 IRS 96,00
Segurança Social 165,00 Segurança Social 132,00
Total ilíquido 1.500,00 Total ilíquido 1.200,00
Total descontos 315,00 Total descontos 228,00
Líquido 1.185,00 Líquido 972,00"""
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["net_pay"] == Decimal("1185.00") and fields["employee_nif"] == "245718931"
    assert "multiple_payslips" in warnings and MULTIPLE_EMPLOYEES in warnings
    # One worker's two months side by side are one person's.
    _, _, one = read_text(
        text.replace("Nuno Filipe Carvalho", "Rita Moreira Baptista").replace("NIF: 123456789", "NIF: 245718931"),
        document_type="PROOF_OF_INCOME",
        today=TODAY,
    )
    assert "multiple_payslips" in one and MULTIPLE_EMPLOYEES not in one
