"""IRS declarations the blind probe of round 14 misread: a Modelo 3 comprovativo printed as a grid of the
annexes' rows by field code ("A-4A Trabalho dependente — NIF <payer> <amount>"), with an Anexo J row of income
obtained abroad naming its category ("cat. A"): the foreign row became the employment income, the Anexo A row
was never read."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from tests.helpers import read_text


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))


def comprovativo(rows: str) -> str:
    return f"""DECLARAÇÃO MODELO 3 DE IRS — COMPROVATIVO
Ano 2025 · Declaração n.º 2025-7730418-02 · Submetida em 2026-04-21
Campo Conteúdo
Sujeito passivo A Teodora Lindqvist Barros (NIF 238157202)
Anexos Rosto · Anexo A · Anexo J
Quadro Rendimento Montante
{rows}"""


FOREIGN_ROWS = [
    "J-4 Rendimentos obtidos no estrangeiro — Suécia (cód. 752), cat. A 2.410,00",
    "J-4A Rendimentos do estrangeiro, categoria A 2.410,00",
    "Anexo J — trabalho dependente no estrangeiro 2.410,00",
]


@pytest.mark.parametrize("foreign", FOREIGN_ROWS)
def test_income_obtained_abroad_is_not_the_employment_income(foreign: str) -> None:
    """Round 14: the Anexo J row ('..., cat. A 1.280,00') became the employment income, silently."""
    _, fields, _ = read(
        comprovativo(
            f"A-4A Trabalho dependente — NIF 512034885 16.380,00\n{foreign}\nTotal de rendimentos declarados 18.790,00"
        )
    )
    assert fields["employment_income"] == Decimal("16380.00")
    assert fields["gross_income"] == Decimal("18790.00")


@pytest.mark.parametrize(
    "row",
    [
        "A-4A Trabalho dependente — NIF 512034885 16.380,00",
        "A-4 Trabalho dependente 16.380,00",
        "Trabalho dependente — NIF 512034885 16.380,00",
    ],
)
def test_an_annex_a_row_by_field_code_or_payer_is_the_employment_income(row: str) -> None:
    """Round 14 (reproducer without the Anexo J row): the employment income was not read at all."""
    _, fields, _ = read(comprovativo(f"{row}\nTotal de rendimentos declarados 16.380,00"))
    assert fields["employment_income"] == Decimal("16380.00")


def test_a_pensions_row_by_field_code_is_the_pension_income() -> None:
    _, fields, _ = read(comprovativo("H-4A Pensões — NIF 501773428 9.870,00\nTotal de rendimentos declarados 9.870,00"))
    assert fields["pension_income"] == Decimal("9870.00")
    assert fields.get("employment_income") is None


def test_the_withholding_beside_a_coded_row_is_not_income() -> None:
    """Guard: the field code makes a row an income line, but the amounts after its withholding's label stay
    the withholding's."""
    _, fields, _ = read(
        comprovativo(
            "A-4A Trabalho dependente — NIF 512034885 Retenção na fonte 2.140,00\nTotal de rendimentos 16.380,00"
        )
    )
    assert fields.get("employment_income") is None
