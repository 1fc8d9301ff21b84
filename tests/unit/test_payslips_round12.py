"""Payslips the blind probe of round 12 misread: a row naming both totals ("Total abonos / descontos"), the
worker's NIF printed between the label and the name, a table's column headings under the header, the base
labelled "Retribuição de base" or "Retribuição (horas normais)", and a scan joining two labelled columns with
dotted leaders. The texts are shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def payslip(totals: str, net: str) -> str:
    return f"""Serralharia Vale do Sousa, Lda.
NIF 509312446
Recibo — setembro de 2026
Serralheiro: Joaquim Anselmo Teles Barbosa · NIF 215839404
Vencimento 980,00
Subsídio de refeição 120,00
Segurança Social 107,80
IRS 35,00
{totals}
Líquido a receber {net}"""


@pytest.mark.parametrize(
    "totals", ["Total abonos / descontos 1.100,00 142,80", "Totais: Abonos Descontos 1.100,00 142,80"]
)
def test_a_row_naming_both_totals_gives_the_gross_and_the_deductions(totals: str) -> None:
    _, fields, warnings = read_text(payslip(totals, "957,20"), document_type="PROOF_OF_INCOME", today=TODAY)
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("1100.00"), Decimal("957.20"))
    assert "arithmetic_mismatch" not in warnings


def test_a_net_that_does_not_follow_from_such_a_row_is_flagged_not_hidden() -> None:
    """Round 12: an inflated net gave a gross worked back from it (net + SS + IRS), with no mismatch."""
    _, fields, warnings = read_text(
        payslip("Total abonos / descontos 1.100,00 142,80", "1.107,20"), document_type="PROOF_OF_INCOME", today=TODAY
    )
    assert fields["gross_pay"] == Decimal("1100.00")
    assert "arithmetic_mismatch" in warnings


HOURLY = """Limpezas Aurora do Tejo, S.A.
Av. da Liberdade 12, Lisboa · NIF 509312446
Recibo de vencimento
Outubro 2026
Trabalhador 215839404 · Valdemar Jorge Cabral Sequeira
Auxiliar de limpeza · tempo parcial
Descrição Horas Preço/h Valor
{base} 100 5,2000 520,00
Subsídio de alimentação 20 d 3,60 72,00
TSU trabalhador 11% 65,12
Bruto 592,00 Descontos 65,12 Líquido 526,88"""


def test_the_nif_between_the_label_and_the_name_and_the_column_headings_below_are_no_name() -> None:
    """Round 12: the table's headings "Descrição Horas Preço" were taken for the worker's name."""
    text = HOURLY.format(base="Retribuição (horas normais)")
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert (fields["employee_name"], fields["employee_nif"]) == ("Valdemar Jorge Cabral Sequeira", "215839404")


@pytest.mark.parametrize(
    "base", ["Retribuição (horas normais)", "Retribuição de base (nível 11)", "Vencimento de base"]
)
def test_the_base_under_the_wordings_of_a_retribuicao(base: str) -> None:
    _, fields, _ = read_text(HOURLY.format(base=base), document_type="PROOF_OF_INCOME", today=TODAY)
    hourly = "horas" in base  # An hourly wage prints no base salary as such (docs/api.md; blind probe r61a).
    assert fields["base_salary"] == (None if hourly else Decimal("520.00"))


@pytest.mark.parametrize(
    "row",
    [
        "Nome ........ Valdemar Jorge Cabral Sequeira Secção ...... Expedição",
        "Nome ........ Valdemar Jorge Cabral Sequeira",
        "Nome ....ee.... Valdemar Jorge Cabral Sequeira",
    ],
)
def test_a_name_after_a_dotted_leader_ends_where_the_next_columns_label_begins(row: str) -> None:
    text = f"""GRÁFICA DO LIS, S.A.
Rua da Fonte 4, Leiria NIF: 509312446
Recibo de remunerações referente a outubro de 2026
{row}
NIF ......... 215839404
Vencimento base 1.200,00
Segurança Social 11% 132,00
IRS 98,00
Total ilíquido 1.200,00
Líquido 970,00"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["employee_name"] == "Valdemar Jorge Cabral Sequeira"
