"""A Cartão de Cidadão's front whose first reading lost fields is read again block by block for them (doc probe
30B: a clean 300 dpi scan of a front, its photo beside the captions and a hatched background, read as noise under
the given names; 0 of 10 fronts were fully right)."""

from __future__ import annotations

import io
import shutil

import pytest
from PIL import Image, ImageDraw, ImageFont

from documents.extraction.local import LocalExtractor, front_gaps_from_a_laid_out_reading
from documents.extraction.parsers import Parsed
from documents.extraction.reader import ReadDocument
from documents.extraction.schema import DocumentKind
from samples.synthetic import reportlab_font_dir

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")


def vera(size: int, *, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(reportlab_font_dir() / ("VeraBd.ttf" if bold else "Vera.ttf")), size)


def hatched_front(number: str) -> bytes:
    """A front as the probe drew it: a hatched card on a pale page, the holder's photo left of the captions."""
    page = Image.new("RGB", (1584, 1208), (247, 240, 246))
    draw = ImageDraw.Draw(page)
    left, top, right, bottom = 112, 95, 1128, 735
    draw.rectangle((left, top, right, bottom), fill=(200, 212, 230))
    for start in range(left - (bottom - top), right, 16):
        draw.line((start, bottom, start + (bottom - top), top), fill=(184, 198, 220), width=2)
    draw.text((133, 110), "REPÚBLICA PORTUGUESA", font=vera(28, bold=True), fill=(90, 30, 40))
    draw.text((133, 146), "CARTÃO DE CIDADÃO / CITIZEN CARD", font=vera(19), fill=(90, 30, 40))
    draw.text((1018, 122), "PRT", font=vera(32, bold=True), fill=(90, 30, 40))
    draw.rectangle((133, 208, 402, 552), fill=(196, 170, 150))
    draw.ellipse((208, 258, 326, 412), fill=(150, 146, 110))
    draw.pieslice((158, 412, 376, 640), 180, 360, fill=(50, 50, 70))
    rows = [
        (200, "Apelido(s) / Surname", "do Rosário e Quintão", None),
        (256, "Nome(s) / Given Name(s)", "Hélio Estêvão", None),
        (312, "Sexo / Sex", "M", ("Nacionalidade / Nationality", "PRT")),
        (368, "Data de Nascimento / Date of Birth", "09 03 1961", None),
        (432, "N.º Documento / Document No.", number, ("Data de Validade / Expiry Date", "18 07 2031")),
    ]
    for y, caption, value, beside in rows:
        draw.text((454, y), caption, font=vera(15), fill=(70, 80, 80))
        draw.text((454, y + 20), value, font=vera(25, bold=True), fill=(10, 10, 10))
        if beside:
            draw.text((775, y), beside[0], font=vera(15), fill=(70, 80, 80))
            draw.text((775, y + 20), beside[1], font=vera(25, bold=True), fill=(10, 10, 10))
    draw.rectangle((958, 545, 1069, 685), fill=(210, 248, 232))
    buffer = io.BytesIO()
    page.save(buffer, format="JPEG", quality=74)
    return buffer.getvalue()


def first_reading(**fields: object) -> Parsed:
    parsed = Parsed()
    for name, value in fields.items():
        parsed.put(name, value, 0.9)
    parsed.put("side", "front", 0.9)
    return parsed


@pytest.mark.ocr
@needs_tesseract
def test_the_fields_a_front_s_first_reading_lost_are_taken_from_a_reading_block_by_block() -> None:
    # As the probe's scan read at first: the number and a caption taken for the surname, the rest noise.
    parsed = first_reading(document_number="53864163 0 ZZ2", surname="Sumamne")
    read = ReadDocument(lines=[], pages=1, method="ocr", turns=(0,), page_starts=(0,))
    front_gaps_from_a_laid_out_reading(hatched_front("53864163 0 ZZ2"), DocumentKind.CARTAO_CIDADAO, read, parsed)
    assert parsed.fields["given_names"] == "Hélio Estêvão"
    assert str(parsed.fields["date_of_birth"]) == "1961-03-09"
    assert str(parsed.fields["expiry_date"]) == "2031-07-18"
    assert (parsed.fields["sex"], parsed.fields["nationality"]) == ("M", "PRT")
    assert parsed.fields["surname"] == "Sumamne"  # what the first reading has stays: it fills gaps only


@pytest.mark.ocr
@needs_tesseract
def test_a_number_failing_its_check_character_in_the_second_reading_is_said() -> None:
    parsed = first_reading()
    read = ReadDocument(lines=[], pages=1, method="ocr", turns=(0,), page_starts=(0,))
    front_gaps_from_a_laid_out_reading(hatched_front("53864163 0 ZZ4"), DocumentKind.CARTAO_CIDADAO, read, parsed)
    assert parsed.fields.get("document_number") is None
    assert "document_number_check_invalid" in parsed.warnings
    assert parsed.fields["surname"] == "do Rosário e Quintão"


@pytest.mark.ocr
@needs_tesseract
def test_a_hatched_front_is_read_whole() -> None:
    """A guard: the whole path on such a front, its first reading and the second together."""
    result = LocalExtractor().extract(hatched_front("53864163 0 ZZ2"), document_type="ID_DOCUMENT")
    fields = result.json_fields()
    assert (fields["side"], fields["date_of_birth"], fields["sex"]) == ("front", "1961-03-09", "M")
    assert fields["surname"] == "do Rosário e Quintão"


def ocr_read(*texts: str) -> ReadDocument:
    from documents.extraction.reader import Line

    return ReadDocument(lines=[Line(text, 0.9) for text in texts], pages=1, method="ocr", turns=(0,))


def test_a_photo_whose_title_was_lost_is_a_citizen_card_by_its_checked_number() -> None:
    """Doc probe 30B: two legible fronts on a table were refused as no identity document, their title and
    captions read as noise; the number was read, its check character a "g" for a 9."""
    from documents.extraction.local import card_by_its_number
    from documents.extraction.parsers.identity import checked_cc_numbers

    assert list(checked_cc_numbers("27701080 2 ZXG")) == ["277010802ZX9"]
    assert list(checked_cc_numbers("26293943776 G")) == []  # a NISS and a smudge read "g": no version letters
    lost = ("SEPÚBLICA no ATUGUESA pRT", "TEIXEIRA DO CARMO", "F 1,90 PRT", "18 03 2004")
    assert card_by_its_number(ocr_read(*lost, "27701080 2 Zxg 25 08 2027")) == DocumentKind.CARTAO_CIDADAO
    # The check character failing, or no number at all: nothing says it is a card.
    assert card_by_its_number(ocr_read(*lost, "27701080 3 Zxg 25 08 2027")) == DocumentKind.UNKNOWN
    assert card_by_its_number(ocr_read("Fatura n.º 12", "Total 120,00")) == DocumentKind.UNKNOWN


def test_a_name_a_block_boundary_cut_is_not_taken() -> None:
    """Doc probe 29's front: the second reading's surname was "Ão Frazão" for "Sá Estêvão Frazão"."""
    from documents.extraction.local import NAME_FRAGMENT

    assert NAME_FRAGMENT.search("Ão Frazão")
    assert not NAME_FRAGMENT.search("Sá Estêvão Frazão") and not NAME_FRAGMENT.search("Conceição da Graça")
