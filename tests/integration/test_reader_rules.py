"""Cards laid out in ruled boxes read whole: with ``--psm 6`` Tesseract dropped every cell of a bordered table
and a line close to a card's frame. The blind probe of round 12 found a residence permit printed as a table of
"caption | value" rows read as its title alone, and a CC back's top line lost to its frame. The cards are drawn
here with names and numbers of their own."""

from __future__ import annotations

import re

import pytest
from PIL import Image, ImageDraw, ImageFont

from applicants.text import fold
from documents.extraction.reader import ocr_image

ROWS = [
    ("Apelidos", "MONTEIRO SEMEDO"),
    ("Nomes", "NELSON CARLOS"),
    ("N.º do título", "B7K508214"),
    ("Nacionalidade", "STP"),
    ("Nascimento", "17-11-1985"),
    ("Válido até", "09-06-2029"),
]


def font(size: int, *, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf", size)


def compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def table_card() -> Image.Image:
    card = Image.new("RGB", (1012, 638), (236, 230, 224))
    draw = ImageDraw.Draw(card)
    draw.rounded_rectangle((3, 3, 1008, 634), radius=28, outline=(150, 150, 150), width=3)
    draw.text((40, 22), "REPÚBLICA PORTUGUESA · AUTORIZAÇÃO", font=font(24, bold=True), fill=(70, 40, 20))
    draw.rectangle((40, 80, 240, 340), fill=(188, 184, 174))
    for index, (caption, value) in enumerate(ROWS):
        top = 76 + 55 * index
        draw.rectangle((270, top, 970, top + 51), outline=(110, 100, 90), width=2)
        draw.text((280, top + 16), caption, font=font(17), fill=(70, 64, 58))
        draw.text((500, top + 12), value, font=font(26, bold=True), fill=(10, 10, 10))
    return card


def framed_card() -> Image.Image:
    card = Image.new("RGB", (1012, 638), (238, 240, 236))
    draw = ImageDraw.Draw(card)
    draw.rounded_rectangle((3, 3, 1008, 634), radius=28, outline=(150, 150, 150), width=3)
    draw.text((40, 30), "NIF  283 604 915", font=font(26, bold=True), fill=(10, 10, 10))
    draw.text((520, 32), "N.º UTENTE  371 902 446", font=font(22), fill=(20, 20, 20))
    draw.text((40, 78), "NSS  208 113 754 32", font=font(22), fill=(20, 20, 20))
    draw.text((40, 122), "Filiação: RUI SEMEDO · TERESA VAZ", font=font(18), fill=(50, 50, 50))
    return card


@pytest.mark.ocr
def test_every_row_of_a_bordered_table_is_read() -> None:
    lines = [compact(line.text) for line in ocr_image(table_card())]
    for caption, value in ROWS:
        assert any(compact(caption) in line and compact(value) in line for line in lines), (caption, lines)


@pytest.mark.ocr
def test_the_line_next_to_a_card_s_frame_is_read() -> None:
    """The guard: the frame is painted out and the line beside it kept whole (this drawing read well before too:
    which lines Tesseract drops next to a frame depends on the words, and the probe's could not be redrawn)."""
    lines = [line.text for line in ocr_image(framed_card())]
    assert any(re.search(r"NIF", line) and "283" in line and "UTENTE" in line for line in lines), lines
