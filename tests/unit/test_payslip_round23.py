"""Payslips and IRS returns the blind probe of round 23 misread: an independent worker's return whose Anexo B prints
its one activity as a single coded row under its quadro's caption, with no total (the income left unread, the
return their proof of income); a foreign company's branch whose " - " before "Sucursal em Portugal" came back as
an em dash. The texts are shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[object, dict, list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)


ANNEX_B_RETURN = """DECLARAÇÃO DE RENDIMENTOS - IRS - MODELO 3
Ano dos rendimentos: 2025
Sujeito passivo A: Rita Fernanda Moutinho Araújo NIF 246138572
ANEXO B - Rendimentos Categoria B - Regime simplificado
{caption}
{row}
Quadro 6 - Retenções na fonte 3.915,00
"""


@pytest.mark.parametrize(
    ("caption", "row"),
    [
        (
            "Quadro 4A - Prestações de serviços (art. 151.º do CIRS)",
            "403 Prestações de serviços - código 2166 (Tradutores) 15.660,00",
        ),
        ("Quadro 4A – Prestações de serviços", "Quadro 4A - 403 — Prestações de serviços de arquitetura 15.660,00"),
    ],
)
def test_one_coded_row_under_its_quadros_caption_is_the_annex_b_income(caption: str, row: str) -> None:
    kind, fields, warnings = read(ANNEX_B_RETURN.format(caption=caption, row=row))
    assert kind == DocumentKind.DECLARACAO_IRS
    assert fields["self_employment_income"] == Decimal("15660.00")
    assert fields["gross_income"] == Decimal("15660.00")
    assert fields["withholdings"] == Decimal("3915.00")
    assert "missing:gross_income" not in warnings


def test_one_coded_row_under_a_quadro_of_deductions_is_no_income() -> None:
    """Guard (passes before and after the fix): a single coded row under a caption of deductions is not read as
    income, though its words name a category ("pensões de alimentos" paid are a deduction, not a pension)."""
    text = """DECLARAÇÃO DE RENDIMENTOS - IRS - MODELO 3
Ano dos rendimentos: 2025
Sujeito passivo A: Rita Fernanda Moutinho Araújo NIF 246138572
ANEXO H - Benefícios fiscais e deduções
Quadro 6C - Deduções: pensões de alimentos
601 Pensões de alimentos a filhos 2.400,00
"""
    _, fields, _ = read(text)
    assert fields.get("pension_income") is None


def test_one_coded_row_naming_another_category_than_its_caption_is_not_read() -> None:
    """Guard (passes before and after the fix): a caption and a row that name different categories leave the
    row's category unknown, so its amount is no one category's income."""
    text = ANNEX_B_RETURN.format(
        caption="Quadro 4A - Prestações de serviços (art. 151.º do CIRS)",
        row="403 Pensões de velhice 15.660,00",
    )
    _, fields, _ = read(text)
    assert fields.get("self_employment_income") is None
    assert fields.get("pension_income") is None


SLIP_ROWS = """RECIBO DE VENCIMENTO
Período: Setembro 2026
Nome: Joana Filipa Teixeira Brandão
NIF: 246138572
Descrição Abonos Descontos
Vencimento Base 1.800,00
Subsídio de Alimentação 132,00
Segurança Social 198,00
IRS 154,00
Totais 1.932,00 352,00
Valor Líquido a Receber: 1.580,00 €"""


@pytest.mark.parametrize("dash", [" - ", " – "])
def test_a_branchs_name_keeps_the_dash_printed_before_sucursal(dash: str) -> None:
    _, fields, _ = read(f"""Fjordlys Analytics AB{dash}Sucursal em Portugal
Rua do Salitre, 18 - 1250-198 Lisboa
NIPC: 980712343
{SLIP_ROWS}""")
    assert fields["employer_name"] == f"Fjordlys Analytics AB{dash}Sucursal em Portugal"
    assert fields["employer_nif"] == "980712343"
