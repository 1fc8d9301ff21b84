"""Photos taken in low light (blind probe r38b): grainy photos of cards on a table were refused on the OCR time
limit after 70-268 s, Tesseract finding letters in every grain of the surface. A grainy photo of a document on a
darker surface is read from the document cut out; heavy grain is smoothed out first. Photos of our own."""

from __future__ import annotations

import io

from PIL import Image, ImageChops, ImageDraw, ImageFont

from documents.extraction.reader import (
    GRAINY_PHOTO_NOISE,
    HEAVY_GRAIN_NOISE,
    grain,
    read_document,
    smoothed_if_grainy,
    without_the_surface,
)

CARD_ROWS = ["APELIDO(S) / SURNAME", "FERREIRA DA COSTA", "NOME(S) / GIVEN NAMES", "MARIANA SOFIA", "DATA 14 03 1988"]


def card_on_a_table(*, noise: float) -> Image.Image:
    """A light card with print on a darker table, the photo's grain ``noise`` levels strong (0 for none)."""
    photo = Image.new("L", (2400, 1800), 70)
    card = Image.new("L", (1300, 820), 225)
    draw = ImageDraw.Draw(card)
    font = ImageFont.truetype("DejaVuSans-Bold.ttf", 52)
    for index, row in enumerate(CARD_ROWS):
        draw.text((60, 60 + 140 * index), row, font=font, fill=20)
    photo.paste(card, (550, 480))
    if noise:
        grain_image = Image.effect_noise(photo.size, noise)  # centred on 128
        photo = ImageChops.add(photo, grain_image, scale=1.0, offset=-128)
    return photo


def png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def test_grain_tells_a_photo_in_low_light_from_one_in_good_light() -> None:
    assert grain(card_on_a_table(noise=0)) < 1
    assert grain(card_on_a_table(noise=30)) >= HEAVY_GRAIN_NOISE > GRAINY_PHOTO_NOISE


def test_a_grainy_photo_is_cut_down_to_its_document_and_a_clean_one_kept_whole() -> None:
    clean = card_on_a_table(noise=0)
    assert without_the_surface(clean) is clean
    cut = without_the_surface(card_on_a_table(noise=30))
    assert 1300 <= cut.width < 1600 and 820 <= cut.height < 1100


def test_heavy_grain_is_smoothed_and_a_clean_page_left_as_it_came() -> None:
    clean = card_on_a_table(noise=0)
    assert smoothed_if_grainy(clean) is clean
    noisy = card_on_a_table(noise=30)
    assert grain(smoothed_if_grainy(noisy)) < GRAINY_PHOTO_NOISE


def test_a_grainy_photo_of_a_card_on_a_table_is_read() -> None:
    text = read_document(png(card_on_a_table(noise=30))).text
    assert "FERREIRA DA COSTA" in text and "MARIANA SOFIA" in text


def test_a_phones_full_size_photo_is_cut_down_to_its_document_grain_or_not() -> None:
    """A 12-megapixel photo of a page on a table (blind probe r39a): the surface cost Tesseract 33-60 s a pass."""
    photo = Image.new("L", (4000, 3000), 70)
    photo.paste(Image.new("L", (2100, 2700), 235), (900, 150))
    cut = without_the_surface(photo)
    assert grain(photo) < GRAINY_PHOTO_NOISE
    assert 2100 <= cut.width < 2500 and 2700 <= cut.height <= 3000
    small = photo.resize((2000, 1500))
    assert without_the_surface(small) is small  # a smaller photo in good light keeps its whole reading
