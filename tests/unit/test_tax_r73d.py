"""Tax documents blind probe r73d misread: a Modelo 3 marked as a draft ("RASCUNHO — declaração não submetida", a
RASCUNHO watermark) counted as income; an employer's yearly declaration of income and withholdings in a table, issued
"para efeitos de preenchimento da declaração Modelo 3", read as a return with no income. The texts are shaped as the
reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from documents.extraction.local import PAYERS_DECLARATION_REFUSED, TAX_DRAFT_REFUSED, TAX_NOT_FILED, refusal
from documents.extraction.parsers import DocumentKind, classify
from documents.extraction.reader import Line, ReadDocument
from tests.helpers import read_text


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 5))


def read_page(text: str) -> ReadDocument:
    return ReadDocument(lines=[Line(line) for line in text.splitlines()], pages=1, method="text")


def modelo_3(header: str = "", footer: str = "") -> str:
    return f"""AUTORIDADE TRIBUTÁRIA E ADUANEIRA
Declaração de Rendimentos IRS — Modelo 3
{header}
Ano dos rendimentos 2025
Quadro 3 — Identificação do(s) sujeito(s) passivo(s)
Sujeito passivo A — NIF 216483751 Rui Manuel Falcão Teles
Anexo B — Rendimentos da categoria B (Titular A)
Prestações de serviços 18.400,00
Retenções na fonte 1.840,00
Total dos rendimentos brutos declarados 18.400,00
A declaração foi recebida e será objeto de tratamento. {footer}"""


@pytest.mark.parametrize(
    ("header", "footer"),
    [
        ("RASCUNHO — declaração não submetida", ""),
        ("", "RASCUNHO"),  # the watermark's text joined to the last line
        ("Estado: por submeter", ""),
        ("Declaração ainda não submetida", ""),
        ("SIMULAÇÃO", ""),
        ("Draft", ""),
    ],
)
def test_a_return_marked_as_a_draft_anywhere_is_refused_saying_so(header: str, footer: str) -> None:
    text = modelo_3(header, footer)
    assert classify(text) == DocumentKind.UNKNOWN
    assert refusal(read_page(text), "PROOF_OF_INCOME", []) == TAX_DRAFT_REFUSED


def test_a_nota_marked_as_a_draft_is_refused_too() -> None:
    text = """AUTORIDADE TRIBUTÁRIA E ADUANEIRA
DEMONSTRAÇÃO DE LIQUIDAÇÃO DE IRS — RASCUNHO
Ano dos rendimentos: 2025
Nome: Joana Rita Valente NIF 216483751
Rendimento bruto 21.500,00
Coleta líquida 2.210,35"""
    assert classify(text) == DocumentKind.UNKNOWN


@pytest.mark.parametrize(
    "footer",
    [
        "",
        "Declaração submetida em 12/05/2026.",
        "Pode simular o IRS no Portal das Finanças.",
        "Os anexos não entregues não foram considerados.",
    ],
)
def test_a_filed_return_is_still_read(footer: str) -> None:
    kind, fields, _ = read(modelo_3(footer=footer))
    assert kind == DocumentKind.DECLARACAO_IRS
    assert fields["gross_income"] == Decimal("18400.00")


def test_an_irs_simulation_keeps_its_own_reason() -> None:
    text = """Portal das Finanças - IRS
SIMULAÇÃO DO IRS 2025
Simulador de IRS - Modelo 3 (Continente)
Sujeito passivo A NIF 216483751
Resultado da simulação
Valor a reembolsar (estimado) 239,65"""
    assert refusal(read_page(text), "PROOF_OF_INCOME", []) == TAX_NOT_FILED


PAYERS_TABLE = """SERRALHARIA COSTA & LEMOS, LDA. — NIPC 509876543
Declaração de rendimentos e retenções (art. 119.º, n.º 1, al. b) do CIRS)
Ano 2025
Titular dos rendimentos Rui Filipe Lemos Sardinha
NIF 219485631
Tipo de rendimento Valor ilíquido Retenção IRS Seg. Social
A - Trabalho dependente 13.720,00 1.102,30 1.509,20
Emitida em 15/01/2026 para efeitos de preenchimento da declaração Modelo 3."""


def test_a_payers_declaration_for_filling_the_return_with_de_is_refused_with_its_own_reason() -> None:
    assert classify(PAYERS_TABLE) == DocumentKind.UNKNOWN
    assert refusal(read_page(PAYERS_TABLE), "PROOF_OF_INCOME", []) == PAYERS_DECLARATION_REFUSED


def read_pension(text: str) -> dict[str, Any]:
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 5))
    return fields


def year_declaration(rows: str, total: str) -> str:
    return f"""INSTITUTO DA SEGURANÇA SOCIAL, I.P. — Centro Nacional de Pensões
Declaração anual de pensões pagas — para efeitos de IRS
Data de emissão 20/01/2026
Pensionista Aurora Fernanda Quintela Sá
NIF 216483751
Ano dos rendimentos 2025
Tipo de pensão Valor bruto anual Retenção IRS
{rows}
{total}"""


def test_a_year_declarations_pension_rows_in_columns_give_each_type() -> None:
    fields = read_pension(
        year_declaration(
            "Pensão de velhice 8.450,00 210,00\nPensão de sobrevivência 2.975,40 65,00",
            "Total de rendimentos 11.425,40 275,00",
        )
    )
    assert fields["annual_amount"] == Decimal("11425.40")
    assert fields["pension_types"] == ["velhice", "sobrevivencia"]
    assert fields["pension_type"] == "velhice"


def test_a_year_declaration_of_one_pension_in_columns_has_no_types() -> None:
    fields = read_pension(year_declaration("Pensão de velhice 8.450,00 210,00", "Total de rendimentos 8.450,00 210,00"))
    assert fields["annual_amount"] == Decimal("8450.00")
    assert fields["pension_types"] is None
    assert fields["pension_type"] == "velhice"


RETURN_WITH_A_BAD_PAYERS_NIF = """AUTORIDADE TRIBUTÁRIA E ADUANEIRA
DECLARAÇÃO DE RENDIMENTOS - IRS MODELO 3
Ano dos rendimentos: 2025
Sujeito passivo A NIF 216483751 Nome: Joana Rita Valente
ANEXO A - Rendimentos do trabalho dependente e de pensões
Titular NIF da entidade Código Rendimentos Retenções Contribuições
NIF da entidade pagadora 507302916
A 507302916 401 16.000,00 1.200,00 1.760,00
Soma 16.000,00 1.200,00 1.760,00"""


@pytest.mark.parametrize(("confidence", "warning"), [(0.82, "nif_unread"), (1.0, "nif_checksum_invalid")])
def test_a_nif_failing_its_check_digit_off_a_scan_is_unread_and_in_a_text_layer_invalid(
    confidence: float, warning: str
) -> None:
    from documents.extraction.parsers import parse_document

    lines = [Line(text, confidence=confidence) for text in RETURN_WITH_A_BAD_PAYERS_NIF.splitlines()]
    parsed = parse_document(DocumentKind.DECLARACAO_IRS, lines)
    assert warning in parsed.warnings
    assert {"nif_unread", "nif_checksum_invalid"} - {warning} & set(parsed.warnings) == set()
    assert parsed.fields["taxpayer_nif"] == "216483751"


def nota(coleta_total: str, coleta_liquida: str = "2.100,00") -> str:
    return f"""AUTORIDADE TRIBUTÁRIA E ADUANEIRA
DEMONSTRAÇÃO DE LIQUIDAÇÃO DE IRS
Ano dos rendimentos 2025
Sujeito passivo A Joana Rita Valente
NIF 216483751
Rendimento global (bruto) 22.000,00
Dedução específica 4.350,24
Rendimento coletável 17.649,76
Coleta total {coleta_total}
Deduções à coleta 500,00
Coleta líquida {coleta_liquida}
Retenções na fonte 2.900,00
VALOR A REEMBOLSAR 800,00"""


@pytest.mark.parametrize("misread", ["2:600,00", "2;600,00", "2'600,00"])
def test_a_notas_coleta_total_with_its_thousands_separator_misread_is_read_as_its_figures_make_it(
    misread: str,
) -> None:
    kind, fields, warnings = read(nota(misread))
    assert kind == DocumentKind.NOTA_LIQUIDACAO
    assert "arithmetic_mismatch" not in warnings
    assert fields["tax_paid"] == Decimal("2100.00")


def test_a_notas_coleta_liquida_with_its_separator_misread_is_the_tax_paid_its_figures_make() -> None:
    _, fields, warnings = read(nota("2.600,00", coleta_liquida="2:100,00"))
    assert "arithmetic_mismatch" not in warnings
    assert fields["tax_paid"] == Decimal("2100.00")


@pytest.mark.parametrize("coleta_total", ["2:700,00", "600,00", "2.700,00"])
def test_a_coleta_total_its_figures_do_not_make_stays_a_mismatch(coleta_total: str) -> None:
    """ADR 024: the mended reading is taken only where it is the figure the others determine; nothing is fitted."""
    _, _, warnings = read(nota(coleta_total))
    assert "arithmetic_mismatch" in warnings


def joint_return(first_row: str, second_row: str, header: str = "Titular NIF da entidade pagadora") -> str:
    return f"""AUTORIDADE TRIBUTÁRIA E ADUANEIRA
Declaração de Rendimentos IRS — Modelo 3
COMPROVATIVO DE ENTREGA
Ano dos rendimentos 2025
Quadro 3 — Identificação do(s) sujeito(s) passivo(s)
Sujeito passivo A — NIF 216483751 Rui Manuel Falcão Teles
Sujeito passivo B — NIF 230917461 Marta Sofia Falcão Teles
Quadro 5 — Opção pela tributação conjunta Sim
Anexos entregues Rosto, Anexo A
Anexo A — Quadro 4A — Rendimentos do trabalho dependente
{header} Rendimentos brutos Retenções IRS Contribuições
{first_row}
{second_row}
Total dos rendimentos brutos declarados 31.500,00
Total das retenções na fonte 3.300,00"""


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("A 503456787 18.000,00 2.100,00 1.980,00", "8 509876546 13.500,00 1.200,00 1.485,00"),
        ("4 503456787 18.000,00 2.100,00 1.980,00", "B 509876546 13.500,00 1.200,00 1.485,00"),
        ("A 503456787 18.000,00 2.100,00 1.980,00", "B 509876546 13.500,00 1.200,00 1.485,00"),
    ],
)
def test_a_joint_returns_owner_letter_read_as_its_look_alike_digit_still_says_whose_the_row_is(
    first: str, second: str
) -> None:
    _, fields, _ = read(joint_return(first, second))
    assert fields["taxpayer_gross_income"] == Decimal("18000.00")
    assert fields["spouse_gross_income"] == Decimal("13500.00")


def test_a_digit_opening_a_row_under_no_owners_column_owns_nothing() -> None:
    _, fields, _ = read(
        joint_return(
            "4 503456787 18.000,00 2.100,00 1.980,00",
            "8 509876546 13.500,00 1.200,00 1.485,00",
            header="Linha NIF da entidade pagadora",
        )
    )
    assert fields["taxpayer_gross_income"] is None
    assert fields["spouse_gross_income"] is None
