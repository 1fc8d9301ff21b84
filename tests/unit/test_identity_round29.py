"""Doc probe round 29 (random layouts): a card back whose noise reads like a citizen card number failing its check
character, beside a valid MRZ that gives the number; a permit's given names OCR guessed over a guilloche."""

from __future__ import annotations

import datetime as dt

from documents.extraction.parsers.identity import parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from samples.identity import td1


def ocr(text: str, confidence: float) -> Line:
    return Line(text, confidence, [(word, confidence) for word in text.split()])


BACK = [
    ocr("EiteNêsdas", 0.0),
    ocr("Lúcia Sá", 0.96),
    ocr("292946708", 0.12),
    ocr("15309621091 0 CUM", 0.52),
    ocr("eis933288", 0.0),
    ocr("I<PRT740893637<YO72<<<<<<<<<<<", 0.85),
    ocr("8506117F3508013PRT<<<<<<<<<<<4", 0.66),
    ocr("LOURENCO<SEQUEIRA<<DEBORA<ANA<", 0.85),
]


def test_a_valid_mrz_s_number_makes_the_visual_zone_s_failed_check_moot() -> None:
    parsed = parse_identity(BACK, DocumentKind.CARTAO_CIDADAO)
    assert parsed.fields["mrz_valid"] is True
    assert parsed.fields["document_number"] == "74089363 7 YO7"
    assert "document_number_check_invalid" not in parsed.warnings


def test_without_a_valid_mrz_the_failed_check_is_still_said() -> None:
    broken = [*BACK[:5], ocr("I<PRT740893637<YO73<<<<<<<<<<<", 0.85), *BACK[6:]]
    parsed = parse_identity(broken, DocumentKind.CARTAO_CIDADAO)
    assert parsed.fields["mrz_valid"] is False
    assert {"document_number_check_invalid", "mrz_check_invalid"} <= set(parsed.warnings)


def permit(given_names: Line) -> list[Line]:
    """A residence permit photographed over its guilloche: the given names under their caption, then the MRZ."""
    mrz = td1(code="IR", state="PRT", number="J67699348", birth=dt.date(1971, 11, 26), sex="F",
              expiry=dt.date(2029, 4, 22), nationality="UKR", surname="BONDARENKO", given="IRYNA")  # fmt: skip
    return [
        ocr("AUTORIZAÇÃO DE RESIDÊNCIA / RESIDENCE PERMIT", 0.94),
        ocr("Apelido(s) / Surname", 0.9),
        ocr("BONDARENKO", 0.9),
        ocr("Nome(s) / Given names", 0.9),
        given_names,
        *(ocr(line, 0.85) for line in mrz),
    ]


def test_an_unsure_reading_nothing_like_a_valid_mrz_s_name_gives_way_to_it() -> None:
    guess = Line("EPE RE", 0.6, [("EPE", 0.3), ("RE", 0.9)])
    parsed = parse_identity(permit(guess), DocumentKind.TITULO_RESIDENCIA)
    assert parsed.fields["given_names"] == "Iryna"
    assert "mrz_viz_mismatch:given_names" in parsed.warnings


def test_a_name_read_clearly_against_the_mrz_is_flagged() -> None:
    """Given names sharing no word with the valid MRZ's give way to them, flagged (blind probe r78d)."""
    parsed = parse_identity(permit(ocr("OKSANA", 0.95)), DocumentKind.TITULO_RESIDENCIA)
    assert parsed.fields["given_names"] == "Iryna"
    assert "mrz_viz_mismatch:given_names" in parsed.warnings
