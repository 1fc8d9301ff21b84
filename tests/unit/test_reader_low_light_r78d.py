"""Identity documents photographed in low light all over: the paper grey, not white, every line legible to the eye.

Blind probe r78d (A20): an Angolan passport photographed in low light (brightness x0.55, tilted 3 degrees, slightly
blurred) read its page's captions but neither its MRZ nor its surname, and the genuine passport ended HIGH
("MRZ não lida"). The shadow evening of round 18 did not help: the light was even, only dim. Levelled, the tilted
photo's corners were filled with a grey far lighter than its paper, which Tesseract then took for the paper, and the
page for ink. A page whose paper is dim all over is now brought back to white before it is read. The documents here
are drawn with names and numbers of their own.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import shutil

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageEnhance, ImageFilter, ImageFont, ImageStat

from documents.extraction.local import LocalExtractor
from documents.extraction.reader import even_out_light, in_low_light, prepare_for_ocr
from samples.identity import td1, td3
from samples.synthetic import make_cc_number, sensor_noise

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")

SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SANS_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
BIRTH, EXPIRY = dt.date(1983, 6, 21), dt.date(2030, 2, 11)


def passport_page(*, surname: str, given: str, number: str, state: str) -> Image.Image:
    """A passport's data page, its MRZ printed on the page's own paper."""
    mrz = td3(code="P", state=state, number=number, birth=BIRTH, sex="F", expiry=EXPIRY, nationality=state,
              surname=surname, given=given)  # fmt: skip
    page = Image.new("RGB", (1600, 1100), (246, 244, 238))
    draw = ImageDraw.Draw(page)
    draw.text((50, 40), "PASSAPORTE / PASSPORT", font=ImageFont.truetype(SANS_BOLD, 34), fill=(40, 30, 30))
    draw.rectangle((50, 130, 380, 560), fill=(190, 170, 150))
    rows = [
        ("Apelido / Surname", surname.upper()),
        ("Nome(s) / Given names", given.upper()),
        ("N.º do passaporte / Passport No.", number),
        ("Data de nascimento / Date of birth", BIRTH.strftime("%d/%m/%Y")),
        ("Válido até / Date of expiry", EXPIRY.strftime("%d/%m/%Y")),
    ]
    for index, (caption, value) in enumerate(rows):
        top = 130 + index * 90
        draw.text((430, top), caption, font=ImageFont.truetype(SANS, 20), fill=(60, 60, 60))
        draw.text((430, top + 26), value, font=ImageFont.truetype(SANS_BOLD, 32), fill=(20, 20, 20))
    for index, line in enumerate(mrz):
        draw.text((60, 900 + index * 62), line, font=ImageFont.truetype(MONO, 50), fill=(20, 20, 20))
    return page


def card_back(*, surname: str, given: str, number: str) -> Image.Image:
    """A Cartão de Cidadão's back: its captions and its three-line MRZ, on the card's paper."""
    mrz = td1(code="I", state="PRT", number=number, birth=BIRTH, sex="F", expiry=EXPIRY, nationality="PRT",
              surname=surname, given=given)  # fmt: skip
    card = Image.new("RGB", (1400, 880), (242, 242, 236))
    draw = ImageDraw.Draw(card)
    draw.text((50, 40), "Filiação / Parents", font=ImageFont.truetype(SANS, 20), fill=(60, 60, 60))
    draw.text((50, 66), f"ARMINDO {surname.upper()}", font=ImageFont.truetype(SANS_BOLD, 30), fill=(20, 20, 20))
    draw.text((50, 150), "Local de Pedido / Place of Request: PORTO", font=ImageFont.truetype(SANS, 22), fill=(40,) * 3)
    for index, line in enumerate(mrz):
        draw.text((80, 520 + index * 80), line, font=ImageFont.truetype(MONO, 60), fill=(20, 20, 20))
    return card


def in_low_light_photo(document: Image.Image, *, brightness: float, seed: int) -> bytes:
    """``document`` photographed in low light filling the frame: tilted 3 degrees, dimmed, grainy, blurred, JPEG."""
    tilted = document.rotate(3, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=(170, 165, 160))
    dimmed = ImageEnhance.Brightness(tilted).enhance(brightness)
    grainy = ImageChops.add(dimmed, sensor_noise(dimmed.size, sigma=16, rng=random.Random(seed)), offset=-128)
    photo = grainy.filter(ImageFilter.GaussianBlur(0.9))
    buffer = io.BytesIO()
    photo.save(buffer, format="JPEG", quality=75)
    return buffer.getvalue()


def test_a_page_photographed_in_low_light_is_brought_back_to_white_paper() -> None:
    page = Image.new("L", (1600, 1000), 240)
    ImageDraw.Draw(page).text((100, 400), "DATA DE NASCIMENTO 14/02/1990", font=ImageFont.truetype(SANS, 60), fill=25)
    dim = page.point(lambda level: round(level * 0.5))
    assert in_low_light(dim.reduce(8))
    evened = even_out_light(dim)
    assert evened.getextrema()[1] == 255
    assert ImageStat.Stat(evened).median[0] >= 240  # the paper, most of the page, is white


@pytest.mark.parametrize("level", [200, 235, 250])
def test_a_page_in_good_light_is_read_as_it_came(level: int) -> None:
    page = Image.new("L", (1600, 1000), level)
    ImageDraw.Draw(page).text((100, 400), "DATA DE NASCIMENTO 14/02/1990", font=ImageFont.truetype(SANS, 60), fill=25)
    assert not in_low_light(page.reduce(8))
    assert prepare_for_ocr(page, level=False).tobytes() == page.tobytes()


@pytest.mark.ocr
@needs_tesseract
@pytest.mark.parametrize("brightness", [0.5, 0.62])
def test_a_passport_photographed_in_low_light_reads_its_mrz_and_its_names(brightness: float) -> None:
    page = passport_page(surname="Quissanga Lopes", given="Teresa Marta", number="N4621907", state="AGO")
    result = LocalExtractor().extract(
        in_low_light_photo(page, brightness=brightness, seed=7), document_type="ID_DOCUMENT"
    )
    fields = result.json_fields()
    assert fields["mrz_valid"] is True
    assert fields["surname"] == "Quissanga Lopes"
    assert fields["full_name"] == "Teresa Marta Quissanga Lopes"
    assert "mrz_unread" not in result.warnings


@pytest.mark.ocr
@needs_tesseract
@pytest.mark.parametrize("brightness", [0.5, 0.62])
def test_a_card_back_photographed_in_low_light_reads_its_mrz(brightness: float) -> None:
    back = card_back(
        surname="Barbosa Teles", given="Ines Carolina", number=make_cc_number(random.Random(5)).replace(" ", "")
    )
    result = LocalExtractor().extract(
        in_low_light_photo(back, brightness=brightness, seed=11), document_type="ID_DOCUMENT"
    )
    fields = result.json_fields()
    assert fields["mrz_valid"] is True
    assert fields["full_name"] == "Ines Carolina Barbosa Teles"
