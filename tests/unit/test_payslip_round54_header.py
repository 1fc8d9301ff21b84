"""A payslip's names, employer and period, as blind probes r54a and r54b read them wrong. A tilted photo's OCR
misread a letter of the month ("QUTUBRO DE 2026") and of the caption after the name ("Categonia"), and the period
and the name were lost; a company's name with a dash before its legal form, OCR joining the right column's "Nome:"
to it, was cut at the dash; a first given name whose capital OCR read small ("vítor") was dropped as a leader's
remains; a municipality heading the left column took in the employee's name printed in the right one. The lines
are shaped as the reader gives them, with names and figures of their own."""

from __future__ import annotations

import pytest

from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line

PHOTO_CONFIDENCE = 0.88

TABLE = """Cód. Descrição Qtd. Abonos Descontos
101 Vencimento base 1.200,00
120 Subsídio de alimentação 22 132,00
531 Segurança Social 11,00% 132,00
538 IRS 8,0% 96,00
Total de Abonos 1.332,00
Total de Descontos 228,00
Líquido 1.104,00 €"""


def lines_of(text: str, confidence: float = 1.0) -> list[Line]:
    return [Line(line, confidence) for line in text.splitlines() if line.strip()]


def test_a_month_with_one_letter_misread_is_the_period() -> None:
    slip = f"""Serralharia do Caima, S.A. RECIBO DE VENCIMENTO
Rua da Estação 4, 3700-201 São João da Madeira Período: QUTUBRO DE 2026
NIF: 507123450
Nome: Rui Manuel Teles Abreu Categoria Serralheiro
NIF 231456786 Admissão: 01/03/2020
{TABLE}"""
    parsed = parse_payslip(lines_of(slip, PHOTO_CONFIDENCE))
    assert parsed.fields["period"] == "2026-10"


def test_a_word_as_near_two_months_is_no_month() -> None:
    # "JUSHO" is one letter off both "junho" and "julho": no period is better than a guessed one.
    slip = f"""Serralharia do Caima, S.A. RECIBO DE VENCIMENTO
Período: JUSHO DE 2026
NIF: 507123450
Nome: Rui Manuel Teles Abreu
{TABLE}"""
    parsed = parse_payslip(lines_of(slip, PHOTO_CONFIDENCE))
    assert parsed.fields.get("period") is None


def test_a_misread_caption_after_the_name_ends_it() -> None:
    slip = f"""Serralharia do Caima, S.A. RECIBO DE VENCIMENTO
Período: OUTUBRO DE 2026
NIF: 507123450
| Nome: Rui Manuel Teles Abreu Categonia Operador de prensas (2: turno)
NIF 231456786 Admissão: 01/03/2020
{TABLE}"""
    parsed = parse_payslip(lines_of(slip, PHOTO_CONFIDENCE))
    assert parsed.fields["employee_name"] == "Rui Manuel Teles Abreu"


@pytest.mark.parametrize(
    ("company", "form"),
    [("Casa do Adro - Restauração", "Lda."), ("Braçal - Empresa de Trabalho Temporário", "S.A.")],
)
def test_a_company_name_with_a_dash_before_its_legal_form_is_kept_whole(company: str, form: str) -> None:
    # A two-column header: OCR joins the right column's caption and name to the company's on the left.
    slip = f"""RECIBO DE VENCIMENTO
NOVEMBRO DE 2026
Empresa Trabalhador
{company}, {form} Nome: Carla Sofia Nogueira Paiva
Largo da Feira 3, 8000-145 Faro NIF: 231456786
NIF: 507123450 NISS: 14952532610
{TABLE}"""
    parsed = parse_payslip(lines_of(slip, PHOTO_CONFIDENCE))
    assert parsed.fields["employer_name"] == f"{company}, {form}"
    assert parsed.fields["employee_name"] == "Carla Sofia Nogueira Paiva"


def test_a_dash_before_a_title_still_ends_the_name() -> None:
    slip = f"""Padaria Central, Lda. - Recibo de Vencimento
Período: outubro de 2026
NIF: 507123450
Nome: Carla Sofia Nogueira Paiva
{TABLE}"""
    parsed = parse_payslip(lines_of(slip))
    assert parsed.fields["employer_name"] == "Padaria Central, Lda."


def test_a_first_given_name_its_capital_read_small_is_kept() -> None:
    slip = f"""Frigoríficos do Sado, S.A. RECIBO DE VENCIMENTO
Estrada Nacional 10, 2910-001 Setúbal Período: 01/10/2026 a 31/10/2026
NIF: 507123450
Nome: vítor Hugo Salgueiro Antunes Categoria Fiel de armazém |
NIF 231456786 Admissão: 01/02/2019 |
{TABLE}"""
    parsed = parse_payslip(lines_of(slip, PHOTO_CONFIDENCE))
    assert parsed.fields["employee_name"] == "Vítor Hugo Salgueiro Antunes"


def test_a_leaders_remains_before_a_name_are_still_dropped() -> None:
    slip = f"""Frigoríficos do Sado, S.A. RECIBO DE VENCIMENTO
Período: outubro de 2026
NIF: 507123450
Nome ....eee.... Hugo Salgueiro Antunes
{TABLE}"""
    parsed = parse_payslip(lines_of(slip, PHOTO_CONFIDENCE))
    assert parsed.fields["employee_name"] == "Hugo Salgueiro Antunes"


PUBLIC_SLIP = """RECIBO DE VENCIMENTO
Referente a junho de 2026
Entidade empregadora Trabalhador
Município de Vila Seca Inês Duarte Amaral Pacheco
Praça do Município, 2564-001 Vila Seca NIF 231456786 NISS 15988306394
NIPC 600987124 Técnica superior
Vencimentos
Remuneração base 1.900,00
Subsídio de refeição 126,00
Total ilíquido 2.026,00
Descontos
CGA 11% 209,00
IRS 20,0% 380,00
ADSE 3,5% 66,50
Total descontos 655,50
Líquido 1.370,50"""


def with_column_gap(line: Line, right: int) -> Line:
    """The line with its words' boxes, its last ``right`` words a wide gap to the right (a second column)."""
    words = line.text.split()
    boxes, left = [], 40
    for index, word in enumerate(words):
        if index == len(words) - right:
            left = max(left + 300, 1300)
        boxes.append((left, 400, 18 * len(word), 28))
        left += 18 * len(word) + 14
    return Line(line.text, line.confidence, [(word, line.confidence) for word in words], boxes)


def test_a_public_employer_ends_at_the_column_gap() -> None:
    lines = lines_of(PUBLIC_SLIP, 0.96)
    lines[2] = with_column_gap(lines[2], 1)
    lines[3] = with_column_gap(lines[3], 4)
    parsed = parse_payslip(lines)
    assert parsed.fields["employer_name"] == "Município de Vila Seca"
    assert parsed.fields["employee_name"] == "Inês Duarte Amaral Pacheco"


def test_a_public_employer_ends_before_the_employees_name() -> None:
    # No word boxes (a line a parser rebuilt), no caption over the right column: the employee's name read on the
    # slip under its own caption ends the employer's.
    slip = PUBLIC_SLIP.replace("Entidade empregadora Trabalhador\n", "").replace(
        "Vencimentos", "Nome: Inês Duarte Amaral Pacheco\nVencimentos"
    )
    parsed = parse_payslip(lines_of(slip))
    assert parsed.fields["employee_name"] == "Inês Duarte Amaral Pacheco"
    assert parsed.fields["employer_name"] == "Município de Vila Seca"
