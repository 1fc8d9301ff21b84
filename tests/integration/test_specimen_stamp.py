"""Blind probe r63a: a passport with SPECIMEN stamped across its face in red read as a valid document. The stamp,
which the page's reading turns to noise, is read on its own; a red seal or a red signature is no stamp."""

from __future__ import annotations

import datetime as dt
import io
import random

import pytest
from PIL import Image, ImageDraw, ImageFont

from documents.extraction.local import LocalExtractor
from documents.extraction.specimen import specimen_marked, stamp_text
from samples.identity import passport_png
from samples.synthetic import make_person

pytestmark = pytest.mark.ocr

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def passport_page(seed: int) -> Image.Image:
    person = make_person(random.Random(seed), dt.date.today())
    document = passport_png(person, rng=random.Random(seed)).document
    return Image.open(io.BytesIO(document.data)).convert("RGB")


def stamped(page: Image.Image, word: str, *, slant: float) -> Image.Image:
    """``word`` in big red letters across the page at ``slant`` degrees, as issuers mark their samples."""
    font = ImageFont.truetype(FONT, 150)
    left, top, right, bottom = font.getbbox(word)
    layer = Image.new("L", (right - left + 40, bottom - top + 40), 0)
    ImageDraw.Draw(layer).text((20 - left, 20 - top), word, font=font, fill=255)
    layer = layer.rotate(slant, expand=True)
    red = Image.new("RGB", layer.size, (205, 55, 60))
    at = ((page.width - layer.width) // 2, (page.height - layer.height) // 3)
    page.paste(red, at, layer.point(lambda value: value * 8 // 10))  # a little see-through, as printed over
    return page


def sealed(page: Image.Image) -> Image.Image:
    """A red round seal and a red signature's stroke: red ink that says no word."""
    draw = ImageDraw.Draw(page)
    draw.ellipse((1080, 420, 1330, 670), outline=(200, 40, 40), width=12)
    draw.ellipse((1140, 480, 1270, 610), outline=(200, 40, 40), width=6)
    draw.line([(900, 720), (980, 690), (1040, 735), (1120, 700)], fill=(200, 40, 40), width=5)
    return page


def png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def warnings_of(image: Image.Image) -> list[str]:
    return list(LocalExtractor().extract(png(image), document_type="ID_DOCUMENT").warnings)


def test_a_passport_stamped_specimen_across_its_face_is_a_specimen() -> None:
    assert "specimen" in warnings_of(stamped(passport_page(6301), "SPECIMEN", slant=28))


def test_a_stamp_falling_to_the_right_is_read_level_too() -> None:
    assert specimen_marked([stamp_text(stamped(passport_page(6304), "SPECIMEN", slant=-20))])


def test_a_passport_with_a_red_seal_and_signature_is_no_specimen() -> None:
    # The page's whole reading: the seal's ink is no stamp, and nothing else says specimen.
    assert "specimen" not in warnings_of(sealed(passport_page(6302)))


def test_a_red_stamp_of_another_word_is_no_specimen() -> None:
    said = stamp_text(stamped(passport_page(6303), "ORIGINAL", slant=25))
    assert "ORIG" in said.upper()  # read, so the guard below is no stamp missed
    assert not specimen_marked([said])
