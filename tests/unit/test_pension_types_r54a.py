"""Blind probe r54a (pe04): a statement of several pensions of one person says which ones its amount totals.

The Segurança Social's year declaration for the IRS return ("Pensão de velhice - rendimento bruto", "Pensão de
sobrevivência - rendimento bruto", "Total de rendimentos") and a monthly statement ("Valor mensal" over each
pension's row and "Total bruto") give their total, typed by the first row printed (``pension_type``): each type the
total covers is now ``pension_types``, in printed order, so that the screening does not add the survivor's pension's
own statement to it again. One pension's statement has none (its type is ``pension_type``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from documents.extraction.reducto import extraction_schema
from documents.extraction.schema import DocumentKind, fields_validate
from tests.helpers import read_text

TODAY = dt.date(2026, 2, 10)
BOTH = ["velhice", "sobrevivencia"]


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)


def year_declaration(total: str) -> str:
    return f"""SEGURANÇA SOCIAL
Instituto da Segurança Social, I.P.
Centro Nacional de Pensões
DECLARAÇÃO DE RENDIMENTOS - ANO 2025 (para efeitos de IRS)
Beneficiário: Rosa Maria Teixeira Campos
NIF: 184503272 NISS: 12093184756
Pensão de velhice - rendimento bruto 15.429,36 €
Pensão de sobrevivência - rendimento bruto 3.318,60 €
{total}Retenções na fonte de IRS 1.004,90 €
Lisboa, 20 de janeiro de 2026"""


def monthly_statement(rows: str) -> str:
    return f"""Instituto da Segurança Social, I.P.
Centro Nacional de Pensões
Declaração de pensões
Beneficiário: Joaquim Fernando Lobo Azevedo · NIF 245718931
{rows}
Ambas as pensões são pagas 14 vezes por ano.
Lisboa, 20 de janeiro de 2026"""


@pytest.mark.parametrize("total", ["Total de rendimentos 18.747,96 €\n", ""])
def test_a_year_declaration_of_two_pensions_says_its_total_is_both(total: str) -> None:
    kind, fields, _ = read(year_declaration(total))
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["annual_amount"] == Decimal("18747.96")
    assert fields["pension_types"] == BOTH
    # The first type printed, kept: the screening reads the list.
    assert fields["pension_type"] == "velhice"


@pytest.mark.parametrize("total", ["Total bruto 899,95\n", ""])
def test_a_monthly_statement_of_two_pensions_says_its_total_is_both(total: str) -> None:
    rows = f"Prestação Valor mensal\nPensão de velhice 612,40\nPensão de sobrevivência 287,55\n{total}".rstrip()
    _kind, fields, _ = read(monthly_statement(rows))
    assert fields["gross_monthly_amount"] == Decimal("899.95")
    assert fields["pension_types"] == BOTH


def test_the_types_follow_the_printed_order() -> None:
    rows = "Prestação Valor mensal\nPensão de sobrevivência 287,55\nPensão de velhice 612,40\nTotal bruto 899,95"
    _kind, fields, _ = read(monthly_statement(rows))
    assert fields["pension_types"] == ["sobrevivencia", "velhice"]
    assert fields["pension_type"] == "sobrevivencia"


def test_a_total_over_two_pensions_and_a_complement_still_covers_both_pensions() -> None:
    rows = (
        "Prestação Valor mensal\nPensão de velhice 612,40\nPensão de sobrevivência 287,55\n"
        "Complemento por dependência 104,85\nTotal bruto 1.004,80"
    )
    _kind, fields, _ = read(monthly_statement(rows))
    assert fields["gross_monthly_amount"] == Decimal("1004.80")
    assert fields["pension_types"] == BOTH


def test_two_pensions_rows_and_what_is_paid_cover_both() -> None:
    # No gross printed: the rows add up to the net plus the deductions.
    rows = "Pensão de velhice 612,40\nPensão de sobrevivência 287,55\nIRS 20,00\nLíquido a receber 879,95"
    _kind, fields, _ = read(monthly_statement(rows))
    assert fields["gross_monthly_amount"] == Decimal("899.95")
    assert fields["pension_types"] == BOTH


def test_a_year_declarations_columns_of_several_pensions_cover_each_one_named() -> None:
    text = """SEGURANÇA SOCIAL - Centro Nacional de Pensões
DECLARAÇÃO DE RENDIMENTOS - ANO 2025 (para efeitos de IRS)
Beneficiário: Rosa Maria Teixeira Campos
NIF: 184503272
Prestação Código Rendimento bruto Retenção IRS
Pensão de velhice 401 8 400,00 € 380,00 €
Pensão de sobrevivência 401 2 940,00 € 0,00 €
Complemento por dependência 401 1 215,20 € 0,00 €
{total}Lisboa, 2 de fevereiro de 2026"""
    for total in ("Total 12 555,20 € 380,00 €\n", ""):
        _kind, fields, _ = read(text.format(total=total))
        assert fields["annual_amount"] == Decimal("12555.20")
        assert fields["pension_types"] == BOTH


def test_one_pensions_statement_has_no_list_of_types() -> None:
    """One pension's type is ``pension_type``; ``pension_types`` is for a total of several (documented choice)."""
    _kind, fields, _ = read(monthly_statement("Valor mensal da pensão de velhice 612,40 €"))
    assert fields["gross_monthly_amount"] == Decimal("612.40")
    assert fields["pension_type"] == "velhice"
    assert fields["pension_types"] is None


def test_a_row_of_another_pension_that_the_amount_does_not_add_up_with_is_not_covered() -> None:
    rows = "Valor mensal ilíquido 612,40\nPensão de velhice 612,40\nPensão de sobrevivência 287,55"
    _kind, fields, _ = read(monthly_statement(rows))
    assert fields["gross_monthly_amount"] == Decimal("612.40")
    assert fields["pension_types"] is None


def test_the_schema_keeps_the_list_of_types() -> None:
    fields = fields_validate(DocumentKind.DECLARACAO_PENSAO, {"pension_types": BOTH})
    assert fields["pension_types"] == BOTH


def test_the_remote_backend_is_asked_for_the_list_of_types_too() -> None:
    offered = extraction_schema("PROOF_OF_INCOME")["properties"]["pension_types"]
    assert offered["type"] == ["array", "null"] and offered["items"] == {"type": "string"}
