"""Phone photos whose light fell unevenly: the hand's or the phone's shadow over part of the page.

Tesseract binarises a page with one threshold; on a photo whose paper is white on one side and grey in a shadow
on the other, that threshold turned the shaded paper into solid ink and every word on it was lost. The blind
probe of round 18 found four legible photos (a pension statement, a CC back, a fatura-recibo, an employer's
declaration) refused as unrecognised, while their undegraded copies read fully. The pages here are drawn with
names and numbers of their own, and shaded and speckled in the test.
"""

from __future__ import annotations

import random
import shutil

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont, ImageStat

from documents.extraction import reader
from documents.extraction.reader import mean_word_confidence, ocr_page

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")

ROWS = [
    ("Titular:", "Leonor Beatriz Quintela"),
    ("NIF:", "231 486 905"),
    ("Regime:", "Velhice antecipada"),
    ("Montante mensal:", "742,15 €"),
    ("Emitido em:", "14/03/2026"),
]


def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype("DejaVuSerif.ttf", size)


def statement() -> Image.Image:
    """A short statement, captions on the left and values on the right, on white paper."""
    page = Image.new("L", (1600, 1000), 250)
    draw = ImageDraw.Draw(page)
    draw.text((80, 100), "DECLARAÇÃO DE PENSÃO", font=font(44), fill=25)
    for index, (caption, value) in enumerate(ROWS):
        top = 260 + 70 * index
        draw.text((80, top), caption, font=font(34), fill=30)
        draw.text((560, top), value, font=font(34), fill=30)
    return page


def in_shadow(page: Image.Image, *, shade: float = 0.55, edge: int = 760) -> Image.Image:
    """The page with its left part in a soft-edged shadow (the light there ``shade`` of the rest) and specks."""
    light = Image.new("L", page.size, 255)
    ImageDraw.Draw(light).rectangle((0, 0, edge, page.height), fill=int(255 * shade))
    light = light.filter(ImageFilter.GaussianBlur(60))
    shaded = ImageChops.multiply(page, light)
    draw = ImageDraw.Draw(shaded)
    noise = random.Random(18)
    for _ in range(2500):
        x, y = noise.randrange(page.width), noise.randrange(page.height)
        draw.point((x, y), fill=noise.choice((40, 90)))
    return shaded


def paper_near(image: Image.Image, box: tuple[int, int, int, int]) -> float:
    """The commonest light level in a box: the paper's."""
    histogram = image.crop(box).histogram()
    return float(max(range(256), key=lambda level: histogram[level]))


def test_the_light_is_evened_out_and_the_ink_kept() -> None:
    page = in_shadow(statement())
    evened = reader.even_out_light(page)
    shaded, lit = (60, 700, 400, 950), (1000, 700, 1500, 950)
    # Before: the shaded paper is far darker than the lit paper; after, both are (nearly) white.
    assert paper_near(page, lit) - paper_near(page, shaded) > 80
    assert abs(paper_near(evened, lit) - paper_near(evened, shaded)) <= 12
    # The captions' ink in the shadow is still far darker than the paper round it.
    caption = (80, 260, 300, 300)
    assert ImageStat.Stat(evened.crop(caption)).extrema[0][0] < 120


@needs_tesseract
def test_a_page_half_in_shadow_is_read() -> None:
    read = ocr_page(in_shadow(statement()))
    text = "\n".join(line.text for line in read.lines)
    for word in ("Titular", "Regime", "Montante mensal", "742,15", "14/03/2026"):
        assert word in text, text
    assert read.turn == 0


def test_a_page_in_even_light_is_left_as_it_is() -> None:
    """The guard: a clean page, a page with a dark band and a page photographed on a dark table are not evened
    (a dark table stays as dark once evened: it is no shadow on the paper)."""
    clean = statement()
    banded = statement()
    ImageDraw.Draw(banded).rectangle((0, 0, 1600, 70), fill=40)
    on_table = Image.new("L", (1800, 1200), 70)
    on_table.paste(statement(), (100, 100))
    for page in (clean, banded, on_table):
        assert reader.even_out_light(page) is page


@needs_tesseract
def test_a_clean_page_reads_as_before() -> None:
    """The guard on the whole reading: a page in even light reads confidently, every word. Passes before the fix
    too."""
    read = ocr_page(statement())
    assert mean_word_confidence(read.lines) >= reader.OCR_CONFIDENT
    text = "\n".join(line.text for line in read.lines)
    for word in ("Leonor Beatriz Quintela", "742,15", "14/03/2026"):
        assert word in text, text
