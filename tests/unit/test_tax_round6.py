"""IRS declarations and notas the blind probe of round 6 misread: an income line that also prints its withholding,
an annex the rosto answers "Não" for, a name label after the taxpayer's NIF, Anexo A's table of payers, and a
nota's name and year printed without labels of their own."""

from __future__ import annotations

import datetime as dt
from typing import Any

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))


def test_the_income_is_the_amount_after_its_label_not_the_withholding_beside_it() -> None:
    """Round 6: "Rendimento: 17.430,00 Retenção: 1.890,00" gave the pension as 1 890 € with no warning."""
    text = """IRS - DECLARAÇÃO MODELO 3
Ano dos rendimentos: 2025
Nome: Rui Miguel Antunes Falcão
NIF: 211819093
Anexo A
Cód. 408 Pensões Rendimento 12.600,00 Retenção 980,00
Cód. 401 Trabalho dependente Rendimento 9.840,00 Retenção 1.120,00"""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.DECLARACAO_IRS
    assert str(fields["pension_income"]) == "12600.00"
    assert str(fields["employment_income"]) == "9840.00"
    assert str(fields["gross_income"]) == "22440.00"


def test_an_annex_the_rosto_answers_nao_for_is_not_among_the_annexes() -> None:
    text = """DECLARAÇÃO DE RENDIMENTOS - IRS  MODELO 3
Ano dos rendimentos 2025
Sujeito passivo A NIF 165995289 Helena Cristina Barros Pinto
Anexos apresentados
Anexo A - Rendimentos do trabalho dependente e pensões Sim
Anexo F - Rendimentos prediais Não
Anexo H - Benefícios fiscais e deduções Sim"""
    _, fields, _ = read(text)
    assert fields["annexes"] == ["A", "H"]


def test_annexes_listed_on_one_line_are_each_read() -> None:
    text = """DECLARAÇÃO MODELO 3 DE IRS
Ano de rendimentos 2025
Nome: Helena Cristina Barros Pinto
Anexos: A, B e H"""
    _, fields, _ = read(text)
    assert fields["annexes"] == ["A", "B", "H"]


def test_a_name_label_after_the_taxpayers_nif_is_no_part_of_the_name() -> None:
    """Round 6: "SUJEITO PASSIVO A  NIF …  Nome Fernando …" gave the name as "Nome Fernando …"."""
    text = """MODELO 3 - ANEXO A
Ano dos rendimentos 2025
Quadro 3   Sujeito passivo A   NIF 165995289   Nome Helena Cristina Barros Pinto
Quadro 4 - Rendimentos do trabalho dependente
Rendimento bruto 18.300,00"""
    _, fields, _ = read(text)
    assert fields["taxpayer_name"] == "Helena Cristina Barros Pinto"
    assert fields["taxpayer_nif"] == "165995289"


ANNEX_A_TABLE = """MODELO 3 - ANEXO A   Ano dos rendimentos 2025
Quadro 3 Sujeito passivo A NIF 238807290 Nome: Tiago André Lemos Cardoso
Quadro 4A - Rendimentos do trabalho dependente e pensões
NIF da entidade  Código  Rendimentos  Retenções IRS  Contribuições
501982965  401  11.400,00  980,00  1.254,00
512070741  401  4.250,50  310,00  467,56
{total}"""


def test_anexo_a_employment_income_is_its_payers_rows_that_add_up_to_the_soma() -> None:
    _, fields, warnings = read(ANNEX_A_TABLE.format(total="Soma  15.650,50  1.290,00  1.721,56"))
    assert str(fields["employment_income"]) == "15650.50"
    assert "arithmetic_mismatch" not in warnings


def test_anexo_a_rows_without_a_soma_add_up_to_the_employment_income() -> None:
    _, fields, _ = read(ANNEX_A_TABLE.format(total="Quadro 5 - Pensões de alimentos: sem valores"))
    assert str(fields["employment_income"]) == "15650.50"


def test_anexo_a_rows_that_do_not_add_up_to_the_soma_give_no_employment_income() -> None:
    _, fields, warnings = read(ANNEX_A_TABLE.format(total="Soma  16.650,50  1.290,00  1.721,56"))
    assert fields.get("employment_income") is None
    assert "arithmetic_mismatch" in warnings


def test_a_notas_taxpayer_under_a_lone_label_and_its_year_in_the_heading_are_read() -> None:
    """Round 6: "Sujeito passivo A" over "228410932 Marta …" and "IRS 2025" on its own line were not read."""
    text = """AUTORIDADE TRIBUTÁRIA E ADUANEIRA
IRS 2025
NOTA DE LIQUIDAÇÃO
Sujeito passivo A
294708227 Sónia Patrícia Vaz Moura
Rendimento coletável 15.420,00
Coleta líquida 1.987,10
Retenções na fonte 2.310,00
Valor a reembolsar 322,90"""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.NOTA_LIQUIDACAO
    assert fields["taxpayer_name"] == "Sónia Patrícia Vaz Moura"
    assert fields["taxpayer_nif"] == "294708227"
    assert fields["year"] == 2025
    # A column heading under the label is no name.
    _, fields, _ = read(text.replace("294708227 Sónia Patrícia Vaz Moura", "Campo Designação Valores"))
    assert fields.get("taxpayer_name") is None
