"""Pension statements the blind probe of round 15 misread: a bank's pension fund whose rows are a bare 'Pensão', the
bank workers' health scheme ('SAMS 1,5%'), IRS and the net, so the gross went unread and the health scheme's share
was left out of the deductions. The texts are shaped as the reader hands them over, with names and numbers of
their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[DocumentKind, dict[str, object], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)  # type: ignore[no-any-return]


def fund(rows: str) -> str:
    return f"""Fundo de Pensões do Banco Atlântico Português
Gerido por Atlântico Pensões — SGFP, S.A.
Declaração de pensão de reforma (ACT do setor bancário)
Beneficiária: Teresa Margarida Quintela Sampaio
Contribuinte: 184736293
Valores mensais (14 vezes por ano)
{rows}
Porto, 2026-09-30"""


def test_sams_is_a_deduction_and_the_bare_pension_row_the_gross() -> None:
    kind, fields, warnings = read(fund("Pensão 1.980,00\nSAMS 1,5% 29,70\nIRS 301,00\nValor líquido 1.649,30"))
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["gross_monthly_amount"] == Decimal("1980.00")
    assert fields["deductions"] == Decimal("330.70")
    assert fields["net_monthly_amount"] == Decimal("1649.30")
    assert "missing:gross_monthly_amount" not in warnings


def test_sams_is_counted_when_the_gross_is_labelled() -> None:
    _, fields, _ = read(fund("Pensão ilíquida 1.980,00\nSAMS 1,5% 29,70\nIRS 301,00\nValor líquido 1.649,30"))
    assert fields["deductions"] == Decimal("330.70")


def test_a_row_printed_with_a_rate_is_a_levy_when_the_arithmetic_says_so() -> None:
    """A scheme with no word of its own ('Fundo de saúde 2%'): a levy on the pension because the rows add up so."""
    _, fields, _ = read(fund("Pensão 1.980,00\nFundo de saúde 2% 39,60\nIRS 301,00\nValor líquido 1.639,40"))
    assert fields["gross_monthly_amount"] == Decimal("1980.00")
    assert fields["deductions"] == Decimal("340.60")


def test_a_complement_printed_with_a_rate_is_no_levy() -> None:
    """Guard: a complement that is a share of something ('Complemento 25%') and adds up with the pension to what
    the net and IRS make is part of the gross, not a levy."""
    _, fields, _ = read(fund("Pensão 1.600,00\nComplemento 25% 400,00\nIRS 301,00\nValor líquido 1.699,00"))
    assert fields["gross_monthly_amount"] == Decimal("2000.00")
    assert fields["deductions"] == Decimal("301.00")
