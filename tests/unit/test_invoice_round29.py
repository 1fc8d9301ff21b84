"""Faturas-recibo the blind probe of round 29 misread: a number of the type and the sequence joined by a dash ("FR-008",
"N.º FR-046", "Documento: FR-006"), with no series, read as no number at all. The texts are shaped as the reader
hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from documents.extraction.parsers.invoice import parse_invoice
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from tests.helpers import read_text


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))


def fatura(number_line: str) -> str:
    return f"""Portal das Finanças
{number_line}
Data de emissão: 14/10/2026
Transmitente
Nome: Rodrigo Meireles Tavares
NIF: 257746374
Adquirente
Nome: Clube Náutico do Seixal
NIF: 561576823
Valor base 600,00
IVA 0,00
Motivo de isenção Artigo 53.º do CIVA
Importância recebida 600,00"""


@pytest.mark.parametrize(
    ("number_line", "expected"),
    [
        ("FATURA / RECIBO FR-017", "FR-017"),
        ("N.º FR-203", "FR-203"),
        ("Documento: FR-9 Emitido em: 14-10-2026", "FR-9"),
        ("Fatura-recibo FR – 044", "FR-044"),
    ],
)
def test_a_number_of_the_type_and_the_sequence_joined_by_a_dash_is_read(number_line: str, expected: str) -> None:
    """Round 29: 'FATURA / RECIBO FR-008' and 'N.º FR-046' gave no invoice_number."""
    kind, fields, _ = read(fatura(number_line))
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["invoice_number"] == expected


@pytest.mark.parametrize(
    ("number_line", "expected"),
    [("Fatura-recibo FR 2026/15", "FR2026/15"), ("Fatura-Recibo n.º FR ATSIRE01FR/23", "FRATSIRE01FR/23")],
)
def test_the_numbers_read_before_are_read_the_same(number_line: str, expected: str) -> None:
    """The guard: a series with its sequence after '/' keeps its reading."""
    _, fields, _ = read(fatura(number_line))
    assert fields["invoice_number"] == expected


@pytest.mark.parametrize(
    "text",
    ["Ref. FR-12-05-2026", "Código FR-008/2", "SAFR-77", "Ver fr-12"],
)  # fmt: skip
def test_a_dash_after_fr_that_is_no_sequence_is_no_number(text: str) -> None:
    """The guard: a date's or a code's figures after 'FR-', a longer word ending in FR, lower case: no number."""
    parsed = parse_invoice(
        [Line("FATURA-RECIBO"), Line(text), Line("Valor base 600,00"), Line("Importância recebida 600,00")]
    )
    assert parsed.fields.get("invoice_number") is None
