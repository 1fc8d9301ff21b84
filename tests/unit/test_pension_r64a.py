"""Blind probe r64a: income that is not a salary.

A statement of two pensions side by side (a basic and a complementary one, abroad) with a printed totals row was
read as its first row; a photo's totals row ending in a table's rule ("0,00|") went unread, and with it the gross;
a scan's net misread by one digit beside its gross and no deductions was taken for the gross and flagged; the
Rendimento Social de Inserção and the abono de família were told only "not recognised"; a Modelo 3 whose only
income annex, Anexo B, prints its own "Soma" warned its gross as derived. The lines are shaped as the reader gives
them, with names and figures of their own.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from documents.extraction.local import (
    FAMILY_ALLOWANCE_REFUSED,
    SOCIAL_INSERTION_INCOME_REFUSED,
    TEMPORARY_BENEFIT_REFUSED,
    UNRECOGNISED,
    refusal,
)
from documents.extraction.parsers.classify import classify
from documents.extraction.parsers.pension import parse_pension
from documents.extraction.parsers.tax import parse_tax
from documents.extraction.reader import Line, ReadDocument
from documents.extraction.schema import DocumentKind

SCAN = 0.9


def lines_of(text: str, confidence: float = 1.0) -> list[Line]:
    return [Line(line, confidence) for line in text.splitlines() if line.strip()]


# Two pensions of one person from one country, each on its row under a header whose captions wrap, and their total.
TWO_PENSIONS = """Caisse de retraite des artisans - Lyon
Mme Odile Marchand
Avenida do Mar, 12, 8200-100 Albufeira
Attestation de paiement
Numéro fiscal portugais (NIF) : 256170492
Régime Montant
brut
Prélèvements
sociaux (CSG)
Montant
net
Retraite de base 731,40 € 24,10 € 707,30 €
Retraite complémentaire
(régime des artisans)
288,60 € 9,50 € 279,10 €
{total}
La retraite est versée mensuellement (12 paiements par an)."""


def test_a_totals_row_under_two_pensions_rows_is_the_statements_amount() -> None:
    parsed = parse_pension(lines_of(TWO_PENSIONS.format(total="Total 1 020,00 € 33,60 € 986,40 €")))
    assert parsed.fields["gross_monthly_amount"] == Decimal("1020.00")
    assert parsed.fields["deductions"] == Decimal("33.60")
    assert parsed.fields["net_monthly_amount"] == Decimal("986.40")
    assert not any(warning.startswith("derived:") for warning in parsed.warnings)


def test_a_totals_row_the_rows_do_not_make_leaves_the_first_row() -> None:
    """Guard (passes without the fix too): a total that is not the rows' sum is not taken for their whole."""
    parsed = parse_pension(lines_of(TWO_PENSIONS.format(total="Total 1 120,00 € 33,60 € 986,40 €")))
    assert parsed.fields["gross_monthly_amount"] == Decimal("731.40")


def test_a_year_of_months_and_its_total_still_gives_the_latest_month() -> None:
    """Guard (passes without the fix too): months' rows and their year's total are no pensions side by side."""
    text = """Nota de pagamentos da pensão
Pensionista: Rogério Antunes Paiva NIF 245718931
Mês Valor ilíquido IRS Valor líquido
Setembro 2026 640,00 12,00 628,00
Outubro 2026 640,00 12,00 628,00
Total 1.280,00 24,00 1.256,00"""
    parsed = parse_pension(lines_of(text))
    assert parsed.fields["gross_monthly_amount"] == Decimal("640.00")
    assert parsed.fields["net_monthly_amount"] == Decimal("628.00")


def test_a_table_rule_after_the_totals_cents_is_not_a_figure() -> None:
    text = """Instituto da Segurança Social, I.P. Nota de pagamento de pensão
Centro Nacional de Pensões Outubro de 2026
Pensionista: Rogério Antunes Paiva
NIF: 245718931
Descrição Abonos (€) | Descontos (€) |
Pensão de velhice 418,25 |
Totais 418,25 0,00|
Valor líquido a receber 418,25 |"""
    parsed = parse_pension(lines_of(text, SCAN))
    assert parsed.fields["gross_monthly_amount"] == Decimal("418.25")
    assert parsed.fields["deductions"] == Decimal("0.00")
    assert parsed.fields["net_monthly_amount"] == Decimal("418.25")


LETTER = """Instituto da Segurança Social, I.P.
Centro Nacional de Pensões
Exmo. Senhor
Rogério Antunes Paiva
NIF: 245718931
Informamos que a pensão de velhice que lhe foi atribuída tem os seguintes valores mensais:
Valor mensal ilíquido da pensão {gross} €
Retenção na fonte de IRS {irs} €
Valor mensal líquido {net} €"""


def test_a_scans_net_one_digit_off_its_gross_with_nothing_deducted_is_put_right() -> None:
    parsed = parse_pension(lines_of(LETTER.format(gross="476,15", irs="0,00", net="876,15"), SCAN))
    assert parsed.fields["gross_monthly_amount"] == Decimal("476.15")
    assert parsed.fields["net_monthly_amount"] == Decimal("476.15")
    assert any(warning.startswith("derived:") for warning in parsed.warnings)


def test_a_scans_gross_one_digit_off_is_brought_down_to_what_adds_up() -> None:
    parsed = parse_pension(lines_of(LETTER.format(gross="1.368,40", irs="45,00", net="1.023,40"), SCAN))
    assert parsed.fields["gross_monthly_amount"] == Decimal("1068.40")
    assert parsed.fields["net_monthly_amount"] == Decimal("1023.40")
    assert "derived:gross_monthly_amount" in parsed.warnings


def test_a_text_layers_figures_are_never_mended() -> None:
    """Guard (passes without the fix too): a text layer misreads nothing; the arithmetic's check flags it."""
    parsed = parse_pension(lines_of(LETTER.format(gross="1.368,40", irs="45,00", net="1.023,40")))
    assert parsed.fields["gross_monthly_amount"] == Decimal("1368.40")
    assert parsed.fields["net_monthly_amount"] == Decimal("1023.40")
    assert "derived:gross_monthly_amount" not in parsed.warnings


def test_figures_more_than_a_digit_apart_are_left_as_read() -> None:
    """Guard (passes without the fix too): only a one-digit misread is put right."""
    parsed = parse_pension(lines_of(LETTER.format(gross="1.368,40", irs="45,00", net="1.020,10"), SCAN))
    assert parsed.fields["gross_monthly_amount"] == Decimal("1368.40")
    assert parsed.fields["net_monthly_amount"] == Decimal("1020.10")


RSI_DECLARATION = """Instituto da Segurança Social, I.P.
Declaração
Requerente: Joana Filipa Teixeira Lobo NIF 219485631
Declara-se que o agregado familiar da requerente recebe o Rendimento Social de Inserção desde 2026-02-01,
com renovação anual, no montante mensal de 241,30 €."""

FAMILY_ALLOWANCE = """Segurança Social Direta
Joana Filipa Teixeira Lobo NIF 219485631
Abono de família para crianças e jovens - Pagamentos
Agosto 2026 96,40 €
Setembro 2026 96,40 €"""


@pytest.mark.parametrize(
    ("text", "reason"),
    [(RSI_DECLARATION, SOCIAL_INSERTION_INCOME_REFUSED), (FAMILY_ALLOWANCE, FAMILY_ALLOWANCE_REFUSED)],
    ids=["rsi", "abono-de-familia"],
)
def test_a_social_benefit_is_refused_with_a_reason_naming_it(text: str, reason: str) -> None:
    assert classify(text) == DocumentKind.UNKNOWN
    told = refusal(ReadDocument(lines=lines_of(text), pages=1, method="text"), "PROOF_OF_INCOME", [])
    assert told == reason
    assert told not in (UNRECOGNISED["PROOF_OF_INCOME"], TEMPORARY_BENEFIT_REFUSED)
    assert "envie" in told


MODELO_3 = """Declaração de Rendimentos - IRS Modelo 3
Ano dos rendimentos: 2025
Sujeito passivo A - NIF 218473095
Nome Leonor Vitória Ramalho Seixas
Anexo B · Rendimentos da Categoria B - Regime simplificado
Campo Quadro 4A - Rendimentos Valor
403 Prestações de serviços de atividades profissionais (art. 151.º) 18.420,00
404 Outras prestações de serviços 1.200,00
{soma}
Quadro 11 · Retenções na fonte
NIF da entidade retentora Rendimentos Retenções
513928600 11.000,00 2.750,00
Total 11.000,00 2.750,00"""


def test_anexo_b_printing_its_soma_prints_the_returns_gross() -> None:
    parsed = parse_tax(lines_of(MODELO_3.format(soma="Soma 19.620,00")))
    assert parsed.fields["gross_income"] == Decimal("19620.00")
    assert "derived:gross_income" not in parsed.warnings


def test_anexo_b_without_its_soma_still_says_the_gross_is_worked_out() -> None:
    """Guard (passes without the fix too): the rows' sum alone is worked out, not printed."""
    parsed = parse_tax(lines_of(MODELO_3.format(soma="")))
    assert "derived:gross_income" in parsed.warnings
