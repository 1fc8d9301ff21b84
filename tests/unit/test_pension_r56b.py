"""Blind probe r56b, pension statements: a December "Nota de abono" whose printed gross is the month's own, the
Christmas subsidy on its own row and one IRS row for both, read with its gross and net swapped; a French CNAV
statement whose table header wraps in its cells, no amount read; a year's declaration whose sentence carries the
pensioner's last surname over the line break, the name cut. Lines of our own, as the reader hands them over."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from documents.extraction.parsers.pension import parse_pension
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 20)


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)


def lines_of(text: str) -> list[Line]:
    return [Line(line) for line in text.splitlines() if line.strip()]


def christmas_note(deduction_rows: str, net: str) -> str:
    return f"""SEGURANÇA SOCIAL
Instituto da Segurança Social, I.P. — Centro Nacional de Pensões
Nota de abono — pensão
Para os devidos efeitos se declara que Arlindo Jorge Vaz Correia, NIF 123456789, é titular de uma pensão
de velhice atribuída pelo Centro Nacional de Pensões.
Período de referência dezembro de 2026
Valor mensal ilíquido da pensão 1.050,00 €
Subsídio de Natal 1.050,00 €
{deduction_rows}
Valor líquido a pagar {net} €
N.º de prestações anuais 14
Lisboa, 2026-11-27"""


# One IRS row for the month and its subsidy: 2 x 1.050,00 - 168,00 = 1.932,00 paid.
ONE_IRS_ROW = christmas_note("Retenção na fonte de IRS 168,00 €", "1.932,00")


def test_a_subsidy_month_whose_gross_is_the_months_own_gives_the_months_share() -> None:
    kind, fields, warnings = read(ONE_IRS_ROW)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["gross_monthly_amount"] == Decimal("1050.00")
    # The IRS pro rata to the pension and the subsidy: half of it the month's.
    assert fields["deductions"] == Decimal("84.00")
    assert fields["net_monthly_amount"] == Decimal("966.00")
    assert "derived:deductions" in warnings
    assert "derived:net_monthly_amount" in warnings
    assert "pension_subsidy_month" not in warnings
    assert "arithmetic_mismatch" not in warnings


def test_the_gross_printed_as_the_months_own_stays_as_printed() -> None:
    parsed = parse_pension(lines_of(ONE_IRS_ROW))
    assert parsed.fields["gross_monthly_amount"] == Decimal("1050.00")
    assert parsed.confidence["gross_monthly_amount"] == 1.0
    assert "derived:gross_monthly_amount" not in parsed.warnings


def test_the_deductions_naming_the_subsidy_are_left_out_whole() -> None:
    text = christmas_note("IRS s/ pensão 90,00 €\nIRS s/ subsídio de Natal 78,00 €\nADSE 36,75 €", "1.895,25")
    parsed = parse_pension(lines_of(text))
    assert parsed.fields["gross_monthly_amount"] == Decimal("1050.00")
    # 90,00 + 36,75 + 78,00 = 204,75 read; the 78,00 the subsidy's, by its caption.
    assert parsed.fields["deductions"] == Decimal("126.75")
    assert parsed.fields["net_monthly_amount"] == Decimal("923.25")


def test_a_subsidy_month_with_nothing_taken_pays_the_months_pension_as_its_net() -> None:
    parsed = parse_pension(lines_of(christmas_note("Sem descontos", "2.100,00")))
    assert parsed.fields["gross_monthly_amount"] == Decimal("1050.00")
    assert parsed.fields["net_monthly_amount"] == Decimal("1050.00")


def test_a_net_above_the_gross_that_the_subsidy_does_not_explain_is_still_read_the_other_way() -> None:
    # A guard, passing either way: 1.050,00 + 1.050,00 - 168,00 is not 1.990,00; no reading adds up.
    parsed = parse_pension(lines_of(christmas_note("Retenção na fonte de IRS 168,00 €", "1.990,00")))
    assert parsed.fields["gross_monthly_amount"] >= parsed.fields["net_monthly_amount"]
    assert "pension_subsidy_month" in parsed.warnings


# A table whose header cells wrap: each line of a cell is a line of the text layer, the month's cell too.
WRAPPED_HEADER = """l'Assurance retraite
Caisse nationale d'assurance vieillesse
Attestation de paiement de retraite
Monsieur Henrique Paulo Lemos Faria
Nous certifions que vous percevez une retraite personnelle du régime général depuis le
01/03/2018.
Mois Montant
brut
Prélèvements sociaux (CSG, CRDS,
CASA)
Montant net
versé
Septembre
2026
{gross} € 61,40 € {net} €
Paiement mensuel (12 versements par an).
Fait à Paris, le 03/10/2026"""


@pytest.mark.parametrize("space", [" ", "\u202f", "\u00a0"])
def test_a_header_whose_cells_wrap_names_the_columns_of_the_row_under_it(space: str) -> None:
    text = WRAPPED_HEADER.format(gross=f"1{space}172,35", net=f"1{space}110,95")
    parsed = parse_pension(lines_of(text))
    assert parsed.fields["gross_monthly_amount"] == Decimal("1172.35")
    assert parsed.fields["deductions"] == Decimal("61.40")
    assert parsed.fields["net_monthly_amount"] == Decimal("1110.95")
    assert parsed.fields["payments_per_year"] == 12


def test_a_header_on_one_line_is_read_as_before() -> None:
    # A guard, passing either way.
    text = """Caixa Geral de Aposentações
Nome: Olga Beatriz Nunes Lacerda NIF 123456789
Mês Valor ilíquido IRS Valor líquido
Outubro 2026 1.400,00 210,00 1.190,00"""
    parsed = parse_pension(lines_of(text))
    assert parsed.fields["gross_monthly_amount"] == Decimal("1400.00")
    assert parsed.fields["net_monthly_amount"] == Decimal("1190.00")


def test_captions_on_lines_of_their_own_over_two_amounts_are_their_columns() -> None:
    text = """Centro Nacional de Pensões
Pensionista: Olga Beatriz Nunes Lacerda NIF 123456789
Valor ilíquido
Descontos
980,00 98,00
Prestações anuais 14"""
    parsed = parse_pension(lines_of(text))
    assert parsed.fields["gross_monthly_amount"] == Decimal("980.00")
    assert parsed.fields["deductions"] == Decimal("98.00")


def year_declaration(subject: str) -> str:
    return f"""SEGURANÇA SOCIAL
Instituto da Segurança Social, I.P. — Centro Nacional de Pensões
Declaração de rendimentos — pensões pagas em 2025
Para efeitos de IRS (declaração Modelo 3, Anexo A), declara-se que {subject} recebeu no ano de 2025 a pensão
de velhice de 9.870,40 €, paga em 14 prestações.
Rendimento bruto 9.870,40 €
Lisboa, 2026-02-04"""


@pytest.mark.parametrize(
    "subject",
    [
        "o Aurélio Manuel\nPenha Brito, NIF 123456789,",
        "o Aurélio Manuel Penha\nBrito NIF 123456789,",
        "o Aurélio Manuel\nda Penha Brito, contribuinte n.º 123456789,",
    ],
)
def test_a_name_the_line_break_cuts_goes_on_to_the_next_line(subject: str) -> None:
    parsed = parse_pension(lines_of(year_declaration(subject)))
    assert parsed.fields["pensioner_name"] in {"Aurélio Manuel Penha Brito", "Aurélio Manuel da Penha Brito"}
    assert parsed.fields["pensioner_name"].endswith("Brito")


@pytest.mark.parametrize(
    "subject",
    [
        # The name ends on its line: its NIF or comma there.
        "o Aurélio Manuel Penha Brito, NIF 123456789,\nresidente em Setúbal,",
        # The next line goes on with the sentence, not with a name.
        "o Aurélio Manuel Penha Brito\nresidente em Setúbal, NIF 123456789,",
    ],
)
def test_a_name_that_ends_on_its_line_takes_nothing_from_the_next(subject: str) -> None:
    # Guards, passing either way.
    parsed = parse_pension(lines_of(year_declaration(subject)))
    assert parsed.fields["pensioner_name"] == "Aurélio Manuel Penha Brito"
