"""Payslips of blind probe r42a. OCR joined a name to the next field's caption by one space ("Colaborador: ...
Função: ...") where a text layer parts them by a column gap, and the name went missing on every scan; a browser's
print of a payroll portal gave the site's menu after "Portal do Colaborador |" as the name; an e-mail sending a
payslip and the envelope one came in were read as payslips by their title alone; a landscape page of one worker's
two months side by side gave the left month's amounts and no period. The lines are shaped as the reader gives them,
with names and figures of their own."""

from __future__ import annotations

import pytest

from documents.extraction.parsers.classify import classify
from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind

SCAN_CONFIDENCE = 0.85


def lines_of(text: str) -> list[Line]:
    return [Line(line, SCAN_CONFIDENCE) for line in text.splitlines() if line.strip()]


def slip(caption_line: str) -> str:
    return f"""Padaria Estrela do Norte, Lda.
Rua do Bonfim, 214, 4300-069 Porto - NIPC 509812346
Recibo de Vencimento — Março de 2026
{caption_line}
NIF: 231456780 NISS: 12093847561 Data de admissão: 01/06/2021
ABONOS DESCONTOS
Vencimento base 1 120,00 TSU 11% 123,20
Subsídio de alimentação 132,00 IRS 58,00
Total ilíquido 1 252,00 Total descontos 181,20
Líquido a receber 1 070,80 EUR"""


@pytest.mark.parametrize(
    "caption_line",
    [
        "Colaborador: Mariana Lopes Ventura Função: Pasteleira",
        "Trabalhadora: Mariana Lopes Ventura Categoria profissional: Pasteleira",
        "Nome: Mariana Lopes Ventura Local de trabalho: Porto",
        "Funcionária: Mariana Lopes Ventura Cargo: Pasteleira de 2.ª",
    ],
)
def test_a_name_ends_where_the_next_captions_colon_follows_one_space_on(caption_line: str) -> None:
    """Whatever the caption of the employee, another caption after the name on the line, OCR's one space apart."""
    parsed = parse_payslip(lines_of(slip(caption_line)))
    assert parsed.fields["employee_name"] == "Mariana Lopes Ventura"


def test_a_name_in_capitals_ends_at_the_next_caption_in_capitals() -> None:
    parsed = parse_payslip(lines_of(slip("NOME: MARIANA LOPES VENTURA FUNÇÃO: PASTELEIRA")))
    assert parsed.fields["employee_name"] == "Mariana Lopes Ventura"


PORTAL_PRINT = """04/04/2026, 09:15 Recibo de vencimento - Área do Trabalhador
https://rh.exemplo-logistica.pt/trabalhador/recibos/2026/03 1/1
Área do Trabalhador | Início Recibos Férias Documentos Sair
Recibo de vencimento · Março 2026
Empresa Logística do Sado, S.A.
NIF da empresa 509812346
Trabalhador Sérgio Manuel Pires Coelho
NIF 231456780
Período 01/03/2026 - 31/03/2026
Vencimento base 1 250,00
Subsídio de alimentação (22 dias) 132,00
Segurança Social -137,50
IRS -104,00
Total bruto 1 382,00
Total de descontos 241,50
Valor líquido 1 140,50 €"""


def test_a_portals_title_and_its_menu_give_no_name() -> None:
    parsed = parse_payslip(lines_of(PORTAL_PRINT))
    assert parsed.fields["employee_name"] == "Sérgio Manuel Pires Coelho"


def test_a_heading_with_its_colon_keeps_its_value() -> None:
    parsed = parse_payslip(lines_of(slip("Dados do colaborador: Mariana Lopes Ventura")))
    assert parsed.fields["employee_name"] == "Mariana Lopes Ventura"


EMAIL = """Gmail - Documentos para o arrendamento
De: Rui Antunes <rui.antunes@example.pt>
Para: Imobiliária Exemplo <geral@example.pt>
Data: 2 de abril de 2026, 09:41
Segue em anexo o recibo de vencimento de março, como combinado.
Cumprimentos,
Rui Antunes
1 anexo: recibo_marco_2026.pdf (92 KB)"""
ENVELOPE = """Padaria Estrela do Norte, Lda.
Rua do Bonfim, 214
4300-069 Porto
Exmo. Senhor 4
Rui Manuel Antunes
Travessa da Fonte, 12, 2.º Dto.
4000-123 Porto
CONFIDENCIAL - Recibo de vencimento"""


@pytest.mark.parametrize("text", [EMAIL, ENVELOPE], ids=["email", "envelope"])
def test_a_page_naming_a_payslip_without_its_amounts_is_no_payslip(text: str) -> None:
    assert classify(text) == DocumentKind.UNKNOWN


@pytest.mark.parametrize(
    "text",
    [
        slip("Colaborador: Mariana Lopes Ventura"),
        # Captions over their figures, one box each: the amount on the line under its payroll word.
        "Recibo de vencimento\nMarço 2026\nVencimento líquido\n1.070,80\nSegurança Social\n123,20",
        # A small employer's slip in whole euros.
        "Recibo de vencimento — Março 2026\nVencimento base 1.120\nSegurança Social 123\nLíquido 997",
    ],
    ids=["rows", "boxes", "whole-euros"],
)
def test_a_payslips_amounts_beside_its_words_keep_it_a_payslip(text: str) -> None:
    assert classify(text) == DocumentKind.RECIBO_VENCIMENTO


TWO_MONTHS = """Padaria Estrela do Norte, Lda. Padaria Estrela do Norte, Lda.
Recibo de Vencimento — Fevereiro de 2026 Recibo de Vencimento — Março de 2026
Colaborador: Mariana Lopes Ventura Colaborador: Mariana Lopes Ventura
NIF: 231456780 NIF: 231456780
Vencimento base 1 120,00 TSU 11% 123,20 Vencimento base 1 120,00 TSU 11% 123,20
Subsídio de alimentação 120,00 IRS 58,00 Subsídio de alimentação 132,00 IRS 58,00
Total ilíquido 1 240,00 Total descontos 181,20 Total ilíquido 1 252,00 Total descontos 181,20
Líquido a receber 1 058,80 EUR Líquido a receber 1 070,80 EUR"""


def test_two_months_side_by_side_read_the_latest_with_its_period() -> None:
    parsed = parse_payslip(lines_of(TWO_MONTHS))
    assert parsed.fields["period"] == "2026-03"
    assert str(parsed.fields["net_pay"]) == "1070.80"
    assert str(parsed.fields["gross_pay"]) == "1252.00"
    assert "multiple_payslips" in parsed.warnings


def test_two_people_side_by_side_in_one_month_still_read_the_left() -> None:
    text = TWO_MONTHS.replace("Fevereiro", "Março").replace(
        "Colaborador: Mariana Lopes Ventura Colaborador: Mariana Lopes Ventura",
        "Colaborador: Mariana Lopes Ventura Colaborador: Joaquim Sousa Barros",
    )
    parsed = parse_payslip(lines_of(text))
    assert parsed.fields["period"] == "2026-03"
    assert str(parsed.fields["net_pay"]) == "1058.80"
