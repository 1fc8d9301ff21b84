"""A read line's text keeps one folded character per printed one: the parsers slice the printed text at offsets
found in ``fold(text)`` (the whole-diff review of round 21 found the assumption unguarded)."""

from __future__ import annotations

import datetime as dt
import sys

from hypothesis import given
from hypothesis import strategies as st

from applicants.text import fold
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from tests.helpers import read_text


def test_folding_a_read_line_keeps_its_length_for_every_character() -> None:
    changed = [
        hex(code)
        for code in range(sys.maxunicode + 1)
        if not 0xD800 <= code <= 0xDFFF and len(fold(text := Line(chr(code)).text)) != len(text)
    ]
    assert changed == []


@given(st.text())
def test_folding_a_read_line_keeps_its_length(text: str) -> None:
    line = Line(text)
    assert len(fold(line.text)) == len(line.text)


def test_ligatures_ellipses_and_decomposed_accents_read_as_their_letters() -> None:
    line = Line("Certiﬁcado … Conceic\u0327a\u0303o № 5")
    assert line.text == "Certificado ... Conceição No 5"


def test_a_name_after_a_ligature_on_its_line_keeps_its_first_letter() -> None:
    """A text layer's "ﬁ" folded to two letters, so the holder's name was cut one letter late ("Ítor Hugo")."""
    text = """AUTORIDADE TRIBUTÁRIA E ADUANEIRA
CERTIDÃO
Certiﬁca-se que o contribuinte Vítor Hugo Carvalhal Rebelo, NIF 245718931, tem a sua situação tributária regularizada.
Emitida em 2026-11-20"""
    kind, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 1))
    assert kind == DocumentKind.CERTIDAO_AT
    assert fields["holder_name"] == "Vítor Hugo Carvalhal Rebelo"
