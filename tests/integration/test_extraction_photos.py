"""Phone photos and scans read as well as clean files: tilt levelled before OCR, dotted leaders between a
label and its value taken out, and glyphs OCR reads twice over ("O" as "0O") repaired only where check
digits then single out one reading."""

from __future__ import annotations

import datetime as dt
import random
import re
from decimal import Decimal
from typing import Any

import pytest
from PIL import Image, ImageDraw, ImageFont

from applicants.identifiers import cc_check_digit, cc_is_valid
from applicants.text import fold
from documents.extraction import mrz as mrz_module
from documents.extraction.local import LocalExtractor
from documents.extraction.mrz import country_code, read_mrz
from documents.extraction.parsers.certificate import code_repaired
from documents.extraction.parsers.identity import cc_number_undoubled
from documents.extraction.reader import erase_leaders, ocr_image, skew_angle
from samples.identity import cc_back, corrupt, td1
from samples.payslips import family_payslip
from samples.synthetic import make_person, scan

TODAY = dt.date(2026, 6, 1)


def same(expected: Any, got: Any) -> bool:
    return re.sub(r"[^a-z0-9]", "", fold(str(expected))) == re.sub(r"[^a-z0-9]", "", fold(str(got)))


def text_page(lines: list[str], *, size: int = 28) -> Image.Image:
    font = ImageFont.truetype("DejaVuSans.ttf", size)
    page = Image.new("L", (1500, 120 + 60 * len(lines)), 255)
    draw = ImageDraw.Draw(page)
    for index, line in enumerate(lines):
        draw.text((60, 60 + 60 * index), line, font=font, fill=0)
    return page


LEADER_ROWS = [
    ("Remuneração Base", "€ 921,00"),
    ("Sub. Alimentação", "€ 211,20"),
    ("Contribuição Segurança Social", "€ 110,02"),
    ("Salário líquido", "€ 888,15"),
]


def leader_page() -> Image.Image:
    font = ImageFont.truetype("DejaVuSans.ttf", 28)
    page = Image.new("L", (1500, 120 + 60 * len(LEADER_ROWS)), 255)
    draw = ImageDraw.Draw(page)
    for index, (label, value) in enumerate(LEADER_ROWS):
        top = 60 + 60 * index
        draw.text((60, top), label + " " + "." * (70 - len(label)), font=font, fill=0)
        draw.text((1440 - draw.textlength(value, font=font), top), value, font=font, fill=0)
    return page


# Up to 15 degrees: a phone held by hand tilts a card or a page 8-10 degrees (blind probe r38b: sharp card backs at
# 8-9.3 degrees read nothing while the tilt was looked for within 5).
@pytest.mark.parametrize("angle", [-13.0, -9.3, -3.0, -1.5, 2.0, 3.5, 8.0, 11.5])
def test_the_tilt_of_a_page_is_measured_from_its_text_lines(angle: float) -> None:
    page = text_page([f"Linha {index} de texto corrido com palavras e números 12.345,67" for index in range(12)])
    tilted = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    assert abs(skew_angle(tilted) + angle) <= 0.3


def test_a_level_page_stays_level() -> None:
    page = text_page([f"Linha {index} de texto corrido com palavras e números 12.345,67" for index in range(12)])
    assert abs(skew_angle(page)) < 0.3


def test_a_page_without_lines_of_text_is_not_rotated() -> None:
    blank = Image.new("L", (800, 1000), 250)
    ImageDraw.Draw(blank).ellipse((200, 200, 600, 700), fill=90)
    assert skew_angle(blank) == 0.0


def test_dotted_leaders_are_painted_out_and_the_words_kept() -> None:
    page = leader_page()
    cleaned = erase_leaders(page)
    font = ImageFont.truetype("DejaVuSans.ttf", 28)
    # The stretch of dots (middle of each row) is paper now; the label and the value are untouched.
    for index, (label, _) in enumerate(LEADER_ROWS):
        top = 60 + 60 * index
        assert min(cleaned.crop((700, top, 1100, top + 40)).tobytes()) == 255
        words = (60, top, 60 + int(font.getlength(label)) + 2, top + 40)
        assert cleaned.crop(words).tobytes() == page.crop(words).tobytes()
        value = (1300, top, 1440, top + 40)
        assert cleaned.crop(value).tobytes() == page.crop(value).tobytes()


def test_a_full_stop_after_the_last_word_of_a_line_stays() -> None:
    page = text_page(["CONSTRUÇÕES TEJO, LDA.", "Pago por transferência bancária."])
    assert erase_leaders(page).tobytes() == page.tobytes()


def test_the_words_of_a_tilted_line_running_under_a_shorter_line_stay() -> None:
    # Tilted, the two lines share one band of rows: right of "2025" its upper part is empty and the
    # surname sits in its lower part as dots would; it was painted out and the name read short.
    font = ImageFont.truetype("DejaVuSans.ttf", 28)
    page = Image.new("L", (1500, 300), 255)
    draw = ImageDraw.Draw(page)
    draw.text((60, 60), "Ano dos rendimentos: 2025", font=font, fill=0)
    draw.text((60, 110), "Sujeito Passivo A: João Pedro Ferreira", font=font, fill=0)
    draw.text((1100, 110), "NIF: 123456789", font=font, fill=0)
    tilted = page.rotate(1.5, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)

    def ink(image: Image.Image) -> int:
        return sum(image.histogram()[:128])

    assert ink(erase_leaders(tilted)) == ink(tilted)


@pytest.mark.ocr
def test_rows_with_dotted_leaders_read_label_and_value_alone() -> None:
    lines = [line.text for line in ocr_image(leader_page())]
    for label, value in LEADER_ROWS:
        assert any(same(f"{label} {value}", line) for line in lines), (label, lines)


@pytest.mark.ocr
@pytest.mark.parametrize(("seed", "rotation"), [(1, 2.8), (2, -3.0), (5, 3.2)])
def test_a_tilted_phone_photo_of_a_payslip_with_leaders_reads_every_field(seed: int, rotation: float) -> None:
    rng = random.Random(seed)
    person = make_person(rng, TODAY)
    slip = family_payslip("key_value_euro", person, dt.date(2026, 4, 1), base=Decimal(1480), rng=rng, variant=seed)
    photo = scan(slip, rng=rng, dpi=150, rotation=rotation, blur=0.9, quality=60)
    got = LocalExtractor().extract(photo.data, document_type=photo.document_type).json_fields()
    wrong = {name: (value, got.get(name)) for name, value in slip.expected.items() if not same(value, got.get(name))}
    assert not wrong


def turned(document: Any, degrees: int) -> bytes:
    """The file's first page as a JPEG turned ``degrees`` counter-clockwise, with no EXIF tag to say so."""
    import io

    from documents.extraction.mrz_ocr import page_images

    out = io.BytesIO()
    page_images(document.data)[0].rotate(degrees, expand=True).convert("RGB").save(out, format="JPEG", quality=90)
    return out.getvalue()


@pytest.mark.ocr
def test_a_card_or_a_page_scanned_sideways_or_upside_down_reads_as_upright() -> None:
    """Tesseract's orientation detection turns it back; the MRZ pass reads the same turned page."""
    rng = random.Random(8)
    back = cc_back(make_person(rng, TODAY), rng=rng).document
    slip = scan(
        family_payslip("key_value_euro", make_person(rng, TODAY), dt.date(2026, 4, 1), base=Decimal(1480), rng=rng),
        rng=rng,
        dpi=200,
    )
    for document, degrees in ((back, 90), (back, 270), (slip, 180)):
        upright = LocalExtractor().extract(turned(document, 0), document_type=document.document_type)
        result = LocalExtractor().extract(turned(document, degrees), document_type=document.document_type)
        assert result.kind == upright.kind, degrees
        assert result.json_fields() == upright.json_fields(), degrees
        assert {name for name, value in document.expected.items() if same(value, upright.json_fields().get(name))}
    assert upright.json_fields()["net_pay"] == slip.expected["net_pay"]


# --- Glyphs read twice over --------------------------------------------------------------------------


def cc_mrz(number: str, *, birth: dt.date = dt.date(1984, 3, 8)) -> list[str]:
    return td1(code="I", state="PRT", number=number, birth=birth, sex="M", expiry=dt.date(2033, 9, 27),
               nationality="PRT", surname="Conceicao Almeida", given="Joao Pedro")  # fmt: skip


def test_an_o_read_as_0o_in_the_mrz_is_repaired_when_every_check_digit_then_holds() -> None:
    lines = cc_mrz("543870550OM1")
    # OCR reads "OM1" as "0OM1" and drops one trailing filler: the line keeps its 30 characters.
    misread = lines[0].replace("<OM1", "<0OM1")[:30]
    assert len(misread) == 30
    mrz = read_mrz([misread, lines[1], lines[2]], today=TODAY)
    assert mrz is not None and mrz.valid and mrz.document_number == "543870550OM1"


def test_two_doubled_glyphs_in_one_line_are_repaired() -> None:
    lines = cc_mrz("543870550OM1")
    misread = lines[0].replace("<OM1", "<0OM1I")
    mrz = read_mrz([misread, lines[1], lines[2]], today=TODAY)
    assert mrz is not None and mrz.valid and mrz.document_number == "543870550OM1"


def test_repairing_a_doubled_glyph_never_makes_a_corrupted_mrz_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    """One digit changed, and OCR splits a glyph of the same line: the repair may not turn it valid.

    Two check digits let a random misreading through about once in a hundred with or without the
    repair (the same reading then passes unrepaired): the repair must add none of its own.
    """
    rng = random.Random(14)
    cases = []
    for _ in range(300):
        digits = "".join(rng.choice("0123456789") for _ in range(9))
        letters = rng.choice("OQIL") + rng.choice("ABCDEFGHJKMNOPQRSTUVWXYZ")
        lines, field = corrupt(cc_mrz(digits + letters + cc_check_digit(digits + letters)), rng)
        doubled = {"O": "0O", "Q": "0Q", "I": "1I", "L": "1L"}[letters[0]]
        # Thirty characters: the doubled glyph pushed a filler out of the line.
        first = lines[0].replace(f"<{letters}", f"<{doubled}{letters[1]}", 1)[:30]
        cases.append(([first, lines[1], lines[2]], field))
    repaired = [read_mrz(lines, today=TODAY) for lines, _ in cases]
    monkeypatch.setattr(mrz_module, "doubled_glyphs", lambda line: [])
    unrepaired = [read_mrz(lines, today=TODAY) for lines, _ in cases]
    for (_, field), with_repair, without in zip(cases, repaired, unrepaired, strict=True):
        assert with_repair is not None and without is not None
        assert with_repair.valid == without.valid
        assert with_repair.checked(field) <= without.checked(field)


def test_a_cc_number_with_a_doubled_glyph_is_read_when_its_check_digit_singles_it_out() -> None:
    assert cc_is_valid("543870550OM1")
    assert cc_number_undoubled("N.º DOCUMENTO\n54387055 0 0OM1 27 09 2033") == "543870550OM1"
    # Changed by one digit, no reading of the pair passes: nothing is reported.
    assert cc_number_undoubled("54387055 1 0OM1 27 09 2033") is None
    # No doubled glyph, no repair.
    assert cc_number_undoubled("54387055 1 XOM1 27 09 2033") is None


def test_a_nationality_read_with_an_extra_letter_is_the_country_that_exists() -> None:
    lines = td1(code="IR", state="PRT", number="R83743118", birth=dt.date(1999, 4, 24), sex="F",
                expiry=dt.date(2032, 11, 18), nationality="NPL", surname="Gurung", given="Sita")  # fmt: skip
    # "NPL<" read as "NPIX<": one character too many, and dropping either the I or the X fits the width.
    second = lines[1][:17] + "IX" + lines[1][18:]
    mrz = read_mrz([lines[0], second, lines[2]], today=TODAY)
    assert mrz is not None and mrz.valid
    assert country_code(mrz.nationality) == "NPL"


def test_a_j_read_as_a_bracket_and_a_j_in_a_validation_code_is_one_j() -> None:
    assert code_repaired("Código de acesso: UDMV-)JKP)-MNS9-2MSG").endswith("UDMV-JKPJ-MNS9-2MSG")
