"""A residence permit's front whose number OCR read a glyph too many in (blind probe r65b: "A58R02T44", sharp on a
grey scan, read "A58R027T44") came back with no number and no word of it. No check digit on a front says which glyph
is OCR's: the number stays out, now flagged ``document_number_implausible``. Texts of our own in the probe's
layout."""

from __future__ import annotations

import datetime as dt

from documents.extraction.parsers import Parsed
from documents.extraction.parsers.identity import UNCHECKED_PERMIT_NUMBER_CONFIDENCE, parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from samples.identity import td1


def permit_front(number: str, *, caption: str = "N.º DOCUMENTO / DOCUMENT No.") -> list[str]:
    return [
        "AUTORIZAÇÃO DE RESIDÊNCIA RESIDENCE PERMIT",
        "APELIDO(S) / SURNAME",
        "FONSECA LOPES",
        "NOME(S) / GIVEN NAMES",
        "DÁRIO",
        "SEXO / SEX NACIONALIDADE / NATIONALITY",
        "M STP",
        "TIPO DE TÍTULO / TYPE OF PERMIT",
        "TEMPORÁRIO",
        f"{caption} VÁLIDO ATÉ / VALID UNTIL",
        f"{number} 14 09 2030",
        "OBSERVAÇÕES / REMARKS",
        "Art.º 75.º n.º 1 Lei 23/2007",
    ]


def parse(rows: list[str], *, mrz: list[str] | None = None) -> Parsed:
    lines = [Line(row, 0.86) for row in [*rows, *(mrz or [])]]
    return parse_identity(lines, DocumentKind.TITULO_RESIDENCIA)


def test_a_permit_number_read_with_a_glyph_too_many_is_left_out_and_flagged() -> None:
    parsed = parse(permit_front("D72M041P66"))
    assert parsed.fields.get("document_number") is None
    assert "document_number_implausible" in parsed.warnings
    assert parsed.fields["expiry_date"] == dt.date(2030, 9, 14)


def test_a_permit_number_read_with_a_glyph_too_few_is_left_out_and_flagged() -> None:
    parsed = parse(permit_front("D72M04P6"))
    assert parsed.fields.get("document_number") is None
    assert "document_number_implausible" in parsed.warnings


def test_a_nine_character_code_is_read_unwarned_at_the_unchecked_confidence() -> None:
    """Guard (passes either way): a whole code of few figures is read, below a checked number's confidence."""
    parsed = parse(permit_front("D7XM4KP6W"))
    assert parsed.fields["document_number"] == "D7XM4KP6W"
    assert parsed.confidence["document_number"] <= UNCHECKED_PERMIT_NUMBER_CONFIDENCE
    assert "document_number_implausible" not in parsed.warnings


def test_a_word_or_a_code_under_a_bare_caption_is_not_flagged() -> None:
    """Guard (passes either way): a word under the document's caption is no misread number, and under a bare "N.º"
    (any number's caption) a short code is no permit's."""
    for rows in (permit_front("TEMPORARIO"), permit_front("D72M04P6", caption="N.º / No.")):
        parsed = parse(rows)
        assert parsed.fields.get("document_number") is None
        assert "document_number_implausible" not in parsed.warnings


def test_a_valid_mrz_beside_the_misread_front_gives_the_number_unwarned() -> None:
    """Guard: the back's MRZ, its check digits holding, gives the number; the front's misreading is then moot."""
    mrz = td1(code="IR", state="PRT", number="D72M04P66", birth=dt.date(1990, 3, 8), sex="M",
              expiry=dt.date(2030, 9, 14), nationality="STP", surname="FONSECA LOPES", given="DARIO")  # fmt: skip
    parsed = parse(permit_front("D72M041P66"), mrz=mrz)
    assert parsed.fields["document_number"] == "D72M04P66"
    assert "document_number_implausible" not in parsed.warnings
