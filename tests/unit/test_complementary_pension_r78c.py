"""Blind probe r78c: a complementary fund's pension beside the state's is another pension.

An Agirc-Arrco statement ("Retraite complémentaire") sent beside the CNAV's was read right, and then taken for the
same pension as the CNAV's (both old-age, neither of a Portuguese issuer) and left out: 238,12 € a month. A
complementary pension is now its own kind (``complementar``), counted beside the state's; a statement of both side
by side, its amount their total, is both, so neither's own statement beside it is added again. Texts of their own.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from documents.extraction.parsers.pension import parse_pension
from screening.rules.income import pension_source
from tests.unit.test_pension_r64a import TWO_PENSIONS, lines_of

COMPLEMENTARY_ALONE = """IRCANTEC - Retraite complémentaire des agents publics
Avis de paiement du 05/11/2026
Bénéficiaire : M. Henri Delacroix
Montant brut 312,90 €
Prélèvements sociaux 12,83 €
Montant net 300,07 €
Paiement mensuel"""

COMPANY_PENSION = """Pensionskasse der Stahlwerke VVaG
Mitteilung über Ihre Betriebsrente, 03.11.2026
Rentenempfängerin: Ingrid Baumann
Betriebsrente brutto 455,20 EUR
Zahlbetrag 410,33 EUR"""

STATE_PENSION = """Deutsche Rentenversicherung Bund
Rentenanpassung zum 01.07.2026 - Regelaltersrente
Rentenempfängerin: Ingrid Baumann
Bruttorente 1.204,10 EUR
Zahlbetrag 1.072,85 EUR"""


def test_a_complementary_fund_s_statement_is_a_complementary_pension() -> None:
    assert parse_pension(lines_of(COMPLEMENTARY_ALONE)).fields["pension_type"] == "complementar"
    assert parse_pension(lines_of(COMPANY_PENSION)).fields["pension_type"] == "complementar"


def test_the_state_s_statement_stays_an_old_age_pension() -> None:
    assert parse_pension(lines_of(STATE_PENSION)).fields["pension_type"] == "velhice"


def test_a_basic_and_a_complementary_pension_totalled_side_by_side_are_both() -> None:
    parsed = parse_pension(lines_of(TWO_PENSIONS.format(total="Total 1 020,00 € 33,60 € 986,40 €")))
    assert parsed.fields["pension_types"] == ["velhice", "complementar"]
    assert parsed.fields["net_monthly_amount"] == Decimal("986.40")


def statement(fields: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    document = {"fields": {"payments_per_year": 12, **fields}}
    return document, [{"name": "income.pension_recent", "passed": True}]


def test_the_complementary_pension_is_counted_beside_the_state_s() -> None:
    source = pension_source(
        [
            statement({"pension_type": "velhice", "net_monthly_amount": "1072.85"}),
            statement({"pension_type": "complementar", "net_monthly_amount": "410.33"}),
        ]
    )
    assert source.monthly == Decimal("1483.18")
    assert "pensão complementar x 12 / 12 (410,33 € líquidos)" in source.method


def test_a_statement_of_both_is_not_added_to_either_s_own_statement() -> None:
    """The total of both beside the complementary fund's own statement: the complementary one is in the total."""
    source = pension_source(
        [
            statement(
                {
                    "pension_type": "velhice",
                    "pension_types": ["velhice", "complementar"],
                    "net_monthly_amount": "986.40",
                }
            ),
            statement({"pension_type": "complementar", "net_monthly_amount": "279.10"}),
        ]
    )
    assert source.monthly == Decimal("986.40")


def test_two_statements_of_the_state_s_pension_are_still_one_pension() -> None:
    """Guard (passes before the change too): the month's statement and the year's of one pension count once."""
    source = pension_source(
        [
            statement({"pension_type": "velhice", "net_monthly_amount": "1072.85"}),
            statement({"pension_type": "velhice", "net_monthly_amount": "1060.10"}),
        ]
    )
    assert source.monthly in {Decimal("1072.85"), Decimal("1060.10")}
