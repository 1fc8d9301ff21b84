"""Identity documents doc probe 30 left read wrong and the probes of round 31 found: a passport's names line with
the guilloche border beside it read as two lone glyphs ("MADALINA<<<<<<<<<<<<< E E"), which fitting the line's
width kept as letters after the fillers, so the line was taken for a damaged one and no name was reported. The
texts are shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt

import pytest

from documents.extraction.mrz import read_mrz
from documents.extraction.parsers.identity import parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from samples.identity import td3


def romanian_mrz() -> list[str]:
    return td3(code="P", state="ROU", number="05538214", birth=dt.date(1983, 9, 14), sex="F",
               expiry=dt.date(2030, 2, 11), nationality="ROU", surname="POPESCU", given="ANA MARIA")  # fmt: skip


@pytest.mark.parametrize("border", [" E E", " I E", " E L 1"])
def test_lone_glyphs_after_a_names_line_are_the_page_s_border(border: str) -> None:
    names, data = romanian_mrz()
    mrz = read_mrz([names + border, data])
    assert mrz is not None and mrz.valid
    assert (mrz.surname, mrz.given_names) == ("POPESCU", "ANA MARIA")
    assert mrz.lines[0] == names


def test_a_passport_whose_names_line_had_the_border_beside_it_reports_the_mrz_s_names() -> None:
    names, data = romanian_mrz()
    lines = ["ROMÂNIA / ROUMANIE / ROMANIA", "PASAPORT / PASSPORT", "P ROU 05538214"]
    parsed = parse_identity([Line(text, 0.8) for text in [*lines, names + " E E", data]], DocumentKind.PASSAPORTE)
    assert parsed.fields["surname"] == "Popescu"
    assert parsed.fields["given_names"] == "Ana Maria"
    assert parsed.fields["mrz_valid"] is True


def test_a_names_line_that_fills_its_width_keeps_a_last_letter_set_apart() -> None:
    """Guard (passes before the change too): a name that fills the line, its last letter a gap apart ("PEDR O"),
    is no border: without it the line would be a character short."""
    names, data = td3(code="P", state="PRT", number="CB123456", birth=dt.date(1990, 1, 2), sex="M",
                      expiry=dt.date(2031, 5, 6), nationality="PRT", surname="VASCONCELOS DE ALBUQUERQUE",
                      given="JOAO PEDROS")  # fmt: skip
    assert len(names) == 44 and not names.endswith("<")
    mrz = read_mrz([names[:-1] + " " + names[-1], data])
    assert mrz is not None and mrz.given_names == "JOAO PEDROS"


def test_a_date_caption_whose_words_ocr_joined_still_heads_its_column() -> None:
    """ "Date ofissue Date of expiry" over "12 Jun 2022 12 Jun 2032": "ofissue" was no date caption, so the expiry
    caption was taken for the row's only one and the issue date read under it, flagged against the valid MRZ."""
    mrz = td3(code="P", state="CHN", number="YJ8708609", birth=dt.date(1975, 5, 21), sex="M",
              expiry=dt.date(2032, 6, 12), nationality="CHN", surname="WANG", given="XIAOMING")  # fmt: skip
    lines = ["PASSPORT", "Surname", "WANG", "Given names", "XIAOMING", "Date ofissue Date of expiry",
             "12 Jun 2022 12 Jun 2032", *mrz]  # fmt: skip
    parsed = parse_identity([Line(text, 0.9) for text in lines], DocumentKind.PASSAPORTE)
    assert parsed.fields["expiry_date"] == dt.date(2032, 6, 12)
    assert "mrz_viz_mismatch:expiry_date" not in parsed.warnings
