"""A CC back photographed on a table whose NIF was not read is cut out of the photo and read again for it.

The blind probe of round 19 photographed a Cartão de Cidadão's back on a dark table, the card half the photo's
width: its MRZ read, but its NIF (small print under its caption) did not, and the report then asked for the NIF
the card shows. Cut down to the card, the photo is enlarged like any small image and the NIF reads. Only as a
second look: as every photo's first reading, the cut cost three of that probe's photos a field or their MRZ.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import shutil

import pytest
from PIL import Image

from documents.extraction.local import LocalExtractor
from documents.extraction.reader import document_on_its_own
from samples.identity import cc_back
from samples.synthetic import make_person

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
TODAY = dt.date(2026, 12, 3)


def on_a_table(card: Image.Image, *, card_share: float, surface: int, turn: float) -> Image.Image:
    """``card`` laid on an even surface of grey ``surface``, ``card_share`` of the photo's width, turned ``turn``°."""
    width = round(card.width / card_share)
    photo = Image.new("L", (width, round(width * 0.63)), surface)
    turned = card.convert("L").rotate(turn, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=surface)
    photo.paste(turned, ((photo.width - turned.width) // 2, (photo.height - turned.height) // 2))
    return photo


def jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=75)
    return buffer.getvalue()


@pytest.mark.ocr
@needs_tesseract
@pytest.mark.parametrize("seed", [1, 2])
def test_a_small_card_back_on_a_dark_table_reads_its_nif(seed: int) -> None:
    rng = random.Random(seed)
    person = make_person(rng, TODAY)
    back = cc_back(person, rng=rng, variant=seed)
    drawn = Image.open(io.BytesIO(back.document.data))
    card = drawn.resize((int(drawn.width * 0.4), int(drawn.height * 0.4)), Image.Resampling.LANCZOS)
    photo = jpeg(on_a_table(card, card_share=0.35, surface=70, turn=1.5))
    result = LocalExtractor().extract(photo, document_type="ID_DOCUMENT")
    assert result.json_fields()["nif"] == person.nif
    assert "missing:nif" not in result.warnings


@pytest.mark.ocr
@needs_tesseract
@pytest.mark.parametrize(("seed", "scale", "card_share"), [(1, 0.6, 0.45), (2, 0.5, 0.4)])
def test_a_card_back_on_a_dark_table_whose_mrz_failed_is_read_again_cut_out(
    seed: int, scale: float, card_share: float
) -> None:
    """These photos' MRZs failed their check digits as they came (the cut-out's first version, as every photo's
    first reading, read them); now the card cut out is a second reading, kept only when every check holds."""
    rng = random.Random(seed)
    person = make_person(rng, TODAY)
    back = cc_back(person, rng=rng, variant=seed)
    drawn = Image.open(io.BytesIO(back.document.data))
    card = drawn.resize((int(drawn.width * scale), int(drawn.height * scale)), Image.Resampling.LANCZOS)
    photo = jpeg(on_a_table(card, card_share=card_share, surface=70, turn=1.5))
    fields = LocalExtractor().extract(photo, document_type="ID_DOCUMENT").json_fields()
    assert (fields["mrz_valid"], fields["date_of_birth"]) == (True, person.date_of_birth.isoformat())


def test_only_a_document_the_surface_shows_all_round_is_cut_out() -> None:
    """Guards (the cut is new): a page filling the frame, a light surface and a page whose shadow reaches the
    photo's edge are left whole; a card on a dark surface is cut to itself and a small margin."""
    card = Image.new("L", (600, 380), 235)
    on_dark = on_a_table(card, card_share=0.5, surface=60, turn=0)
    cut = document_on_its_own(on_dark)
    assert 600 <= cut.width <= 600 + 0.1 * on_dark.width and 380 <= cut.height <= 380 + 0.1 * on_dark.width

    assert document_on_its_own(on_a_table(card, card_share=0.5, surface=200, turn=0)).size == (1200, 756)
    assert document_on_its_own(on_a_table(card, card_share=0.92, surface=60, turn=0)).size == (652, 411)
    shaded = on_a_table(card, card_share=0.5, surface=60, turn=0)
    shaded.paste(235, (0, 0, shaded.width // 2, shaded.height))  # the page runs to the photo's edge on one side
    assert document_on_its_own(shaded).size == shaded.size

    sides = Image.new("L", (1800, 800), 60)  # a card's front and back side by side: both are kept
    sides.paste(card, (150, 200))
    sides.paste(card.resize((560, 360)), (1000, 210))
    both = document_on_its_own(sides)
    assert both.width >= 1560 - 150 and both.height < 800
