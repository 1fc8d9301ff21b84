"""A passport photo whose captions OCR garbled (blind probe r57a: "E Tese Cossacos Passaporte tPansgost No") still
prints its first row as ICAO lays it out, type, issuing state and number ("P BRA GK482193"): the number is read by
the row's shape. Texts are shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

from documents.extraction.schema import DocumentKind
from tests.helpers import parse_identity_lines


def data_page(first_row: str, caption: str = "Tpo Cod paisi Pass0rto nn") -> list[str]:
    return [
        "REPÚBLICA PORTUGUESA",
        "PASSAPORTE / PASSPORT",
        caption,
        first_row,
        "Apelido / Surname",
        "FIGUEIRA LEMOS",
        "Nome / Given names",
        "TOMÁS",
        "Data de nascimento / Date of birth",
        "03 04 1987",
    ]


def test_a_garbled_caption_over_the_type_state_and_number_row_still_gives_the_number() -> None:
    fields, _ = parse_identity_lines(data_page("| P PRT CB471902"), DocumentKind.PASSAPORTE)
    assert fields["document_number"] == "CB471902"


def test_a_row_that_only_looks_like_it_gives_no_number() -> None:
    # Guards: a state code that is none, and a "number" of letters, are words.
    for row in ("P XYZ CB471902", "P PRT CABRITO"):
        fields, _ = parse_identity_lines(data_page(row), DocumentKind.PASSAPORTE)
        assert fields.get("document_number") is None, row
