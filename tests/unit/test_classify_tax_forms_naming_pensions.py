"""A pensioner's IRS return names its pensions ("pensão de velhice", "Código H01") and was read as a pension
statement: noticed by round 17's income fixer. The AT's forms have parts no pension statement has."""

from __future__ import annotations

import pytest

from documents.extraction.parsers.classify import classify
from documents.extraction.schema import DocumentKind


@pytest.mark.parametrize(
    "text",
    [
        "IRS - Declaração de Rendimentos Modelo 3\nAno 2025\nAnexo A - Rendimentos do trabalho dependente e pensões\n"
        "Quadro 4\nPensão de velhice 12.600,00\nSujeito passivo A NIF 245718931",
        "Autoridade Tributária e Aduaneira\nDeclaração Modelo 3 IRS 2025\nRendimentos de pensões (Categoria H)\n"
        "Código H01 pensão de velhice 14.000,00",
    ],
)
def test_an_irs_return_naming_its_pensions_is_an_irs_return(text: str) -> None:
    assert classify(text) == DocumentKind.DECLARACAO_IRS


def test_a_nota_de_liquidacao_naming_pensions_is_a_nota() -> None:
    text = "Nota de Liquidação de IRS 2025\nSujeito passivo A\nRendimento bruto (pensão de velhice) 14.000,00"
    assert classify(text) == DocumentKind.NOTA_LIQUIDACAO


@pytest.mark.parametrize(
    "text",
    [
        "Instituto da Segurança Social\nDeclaração de pensão\nPensão de velhice\nValor mensal ilíquido 900,00",
        # A payer's statement for the return, not the return: no Modelo 3, annex, table or taxpayer.
        "Centro Nacional de Pensões\nDeclaração de rendimentos de pensões para efeitos de IRS\nAno 2025\n"
        "Pensão de velhice 12.600,00",
    ],
)
def test_a_pension_statement_stays_one(text: str) -> None:
    """The guard (passes before and after)."""
    assert classify(text) == DocumentKind.DECLARACAO_PENSAO


def test_a_schemes_english_letter_confirming_a_pension_in_payment_is_a_pension_statement() -> None:
    """Round 18: a UK scheme's "Confirmation of pension in payment" letter was refused as unrecognised."""
    text = (
        "Brightwater Pension Scheme\n3 February 2026\nConfirmation of pension in payment\n"
        "We confirm that Mrs Margaret Sousa has been receiving a pension from the Scheme since 1 April 2019.\n"
        "Gross pension per month £1,050.00\nPaid monthly, on the 1st"
    )
    assert classify(text) == DocumentKind.DECLARACAO_PENSAO
