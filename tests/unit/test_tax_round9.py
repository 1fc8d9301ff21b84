"""IRS notas and declarations the blind probe of round 9 misread: a joint nota with the two taxpayers as table
columns, a taxpayer's name under a caption row "Sujeito passivo   NIF" (or stacked with its NIF under it), a row
of annex checkboxes with more than one ticked, a nota titled "LIQUIDAÇÃO DE IRS — 2025" with the name alone over
its NIF's line, and "Anexos entregues A, F" without a colon."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from documents.extraction.parsers.tax import parse_tax
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from tests.helpers import read_text


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))


SETTLEMENT = """Rendimento bruto 38.120,00
Rendimento coletável 31.980,00
Coleta líquida 4.912,40
Retenções na fonte 5.600,00
Pagamentos por conta 0,00
Montante a reembolsar 687,60"""


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        # Spouses sharing the last surname: the first name ends with it.
        ("Duarte Afonso Lemos Carvalhal Beatriz Helena Nogueira Carvalhal", "Duarte Afonso Lemos Carvalhal"),
        ("Duarte Afonso Carvalhal Beatriz Helena Nogueira Pires Carvalhal", "Duarte Afonso Carvalhal"),
        # Columns printed apart split there.
        ("Duarte Afonso Carvalhal   Beatriz Helena Nogueira Pires Lemos", "Duarte Afonso Carvalhal"),
        # No surname shared and no gap: nothing tells where the first name ends, so none is given.
        ("Duarte Afonso Lemos Carvalhal Beatriz Helena Nogueira Pires", None),
    ],
)
def test_a_joint_notas_name_row_gives_the_first_taxpayers_name(names: str, expected: str) -> None:
    """Round 9: 'Nome <A's name> <B's name>' under 'Sujeito passivo A  Sujeito passivo B' came back whole,
    with the label "Nome" in it."""
    text = f"""IRS 2025 — NOTA DE LIQUIDAÇÃO Tributação conjunta
Titulares Sujeito passivo A Sujeito passivo B
Nome {names}
NIF 243026455 248221230
{SETTLEMENT}"""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.NOTA_LIQUIDACAO
    assert fields["taxpayer_name"] == expected
    assert fields["taxpayer_nif"] == "243026455"
    assert fields["amount_refundable"] == Decimal("687.60")


def test_a_single_taxpayer_under_the_columns_heading_is_read_whole() -> None:
    text = f"""IRS 2025 — NOTA DE LIQUIDAÇÃO
Sujeito passivo A Sujeito passivo B
Nome Duarte Afonso Lemos Carvalhal
NIF 243026455
{SETTLEMENT}"""
    _, fields, _ = read(text)
    assert fields["taxpayer_name"] == "Duarte Afonso Lemos Carvalhal"


@pytest.mark.parametrize(
    "block",
    [
        "Sujeito passivo   NIF\nTeresa Margarida Calado Fontes   243026455",
        "Sujeito passivo NIF\nTeresa Margarida Calado Fontes 243026455",
        "Sujeito passivo\nTeresa Margarida Calado Fontes\nNIF\n243026455",
        "Sujeito passivo\nTeresa Margarida Calado Fontes\nNIF 243026455",
    ],
)
def test_the_taxpayers_name_under_its_caption_with_the_nif_beside_or_below(block: str) -> None:
    """Round 9: 'Sujeito passivo   NIF' over '<name>   <NIF>' (and the stacked form) gave no name."""
    text = f"""Demonstração de Liquidação de IRS
Ano dos rendimentos: 2025
{block}
Rendimento global 9.420,00
Rendimento coletável 5.136,00
Coleta líquida 0,00
Retenções na fonte 0,00
Resultado da liquidação: 0,00 €"""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.NOTA_LIQUIDACAO
    assert fields["taxpayer_name"] == "Teresa Margarida Calado Fontes"
    assert fields["taxpayer_nif"] == "243026455"


def test_a_caption_row_over_a_column_heading_is_no_name() -> None:
    text = """Demonstração de Liquidação de IRS
Ano dos rendimentos: 2025
Sujeito passivo NIF
Rendimento global 9.420,00
Coleta líquida 0,00
Retenções na fonte 0,00"""
    _, fields, _ = read(text)
    assert fields.get("taxpayer_name") is None


@pytest.mark.parametrize(
    "row",
    [
        "Anexo A [X]  Anexo B [ ]  Anexo E [ ]  Anexo F [ ]  Anexo G [ ]  Anexo H [X]  Anexo J [ ]",
        "Anexo A [X] Anexo B [ ] Anexo H [X] Anexo J [ ]",
        "Anexo A ☒  Anexo B ☐  Anexo H ☒  Anexo J ☐",
        "Anexo A (x)  Anexo B ( )  Anexo H (x)  Anexo J ( )",
        "Anexo A X   Anexo B   Anexo H X   Anexo J",
        "[X] Anexo A  [ ] Anexo B  [X] Anexo H  [ ] Anexo J",
        "☒ Anexo A  ☐ Anexo B  ☒ Anexo H",
    ],
)
def test_every_ticked_annex_of_a_checkbox_row_is_delivered(row: str) -> None:
    """Round 9: 'Anexo A [X]  Anexo B [ ] … Anexo H [X]' gave ['A']: the empty box after G counted as H's."""
    text = f"""MODELO 3 — DECLARAÇÃO DE RENDIMENTOS IRS 2025
Sujeito passivo A Simão Teodoro Paiva Belchior NIF 201115107
Quadro 4 — Anexos que integram a declaração
{row}"""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.DECLARACAO_IRS
    assert fields["annexes"] == ["A", "H"]


def test_annexes_delivered_listed_without_a_colon() -> None:
    text = """COMPROVATIVO DE ENTREGA DA DECLARAÇÃO MODELO 3 DE IRS
Ano dos rendimentos 2025
Sujeito passivo A 201115107 — Simão Teodoro Paiva Belchior
Anexos entregues A, F"""
    parsed = parse_tax([Line(text) for text in text.splitlines()])
    assert parsed.fields["annexes"] == ["A", "F"]
    assert parsed.fields["taxpayer_name"] == "Simão Teodoro Paiva Belchior"


def test_a_nota_titled_liquidacao_de_irs_with_its_year_and_the_name_over_the_nifs_line() -> None:
    """Round 9: 'LIQUIDAÇÃO DE IRS — 2025' gave no year; the name alone over 'NIF … · <address>' no name."""
    text = """AUTORIDADE TRIBUTÁRIA E ADUANEIRA NOTA DE COBRANÇA N.º 2026 5001239876
LIQUIDAÇÃO DE IRS — 2025
Identificação da liquidação n.º 2026 5004478812 · Data da liquidação 2026-06-20
Mafalda Regina Aguiar Sepúlveda
NIF 248221230 · Rua do Almada 310, 4050-032 Porto
1 Rendimento global 27.300,00
4 Rendimento coletável 22.900,00
15 Coleta líquida 4.120,50
17 Retenções na fonte 3.700,00
18 Pagamentos por conta 0,00
VALOR A PAGAR 420,50 €"""
    parsed = parse_tax([Line(text) for text in text.splitlines()])
    assert parsed.fields["year"] == 2025
    assert parsed.fields["taxpayer_name"] == "Mafalda Regina Aguiar Sepúlveda"
    assert parsed.fields["taxpayer_nif"] == "248221230"
    assert parsed.fields["amount_payable"] == Decimal("420.50")


def test_a_phone_number_beside_the_nif_makes_no_second_column() -> None:
    text = f"""NOTA DE LIQUIDAÇÃO DE IRS 2025
Sujeito passivo
Duarte Afonso Lemos Carvalhal
NIF 243026455 Telefone 213456702
{SETTLEMENT}"""
    _, fields, _ = read(text)
    assert fields["taxpayer_name"] == "Duarte Afonso Lemos Carvalhal"
