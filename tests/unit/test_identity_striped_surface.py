"""A CC back photographed turned a few degrees on a striped surface (doc probe round 29): the stripes, long and
straight, outweighed the card's print when the page was levelled, its MRZ was read unlevelled and failed, and
the card was taken for another state's with every field withheld. Its MRZ is now read again with the surface
painted out, and a valid Portuguese MRZ read so makes the card a Cartão de Cidadão."""

from __future__ import annotations

import datetime as dt
import io
import random
import shutil

import pytest
from PIL import Image, ImageDraw

from documents.extraction.local import LocalExtractor, portuguese_card_by_its_mrz
from documents.extraction.reader import skew_angle, surface_whitened
from documents.extraction.schema import DocumentKind
from samples.identity import cc_back, td1
from samples.synthetic import make_person

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
TODAY = dt.date(2026, 12, 4)
TURN = -5.0


def on_stripes(card: Image.Image, *, turn: float) -> Image.Image:
    """``card`` on a surface of dark horizontal stripes (a cloth, a slatted table), 0.7 of the photo's width."""
    width = round(card.width / 0.7)
    photo = Image.new("L", (width, round(width * 0.6)), 95)
    draw = ImageDraw.Draw(photo)
    for top in range(0, photo.height, 7):
        draw.rectangle((0, top, photo.width, top + 2), fill=55)
    mask = Image.new("L", card.size, 255).rotate(turn, expand=True)
    turned = card.convert("L").rotate(turn, resample=Image.Resampling.BICUBIC, expand=True)
    photo.paste(turned, ((photo.width - turned.width) // 2, (photo.height - turned.height) // 2), mask)
    return photo


def a_card_back(seed: int) -> tuple[Image.Image, object]:
    rng = random.Random(seed)
    person = make_person(rng, TODAY)
    drawn = Image.open(io.BytesIO(cc_back(person, rng=rng, variant=seed).document.data))
    return drawn.resize((drawn.width * 3 // 4, drawn.height * 3 // 4), Image.Resampling.LANCZOS), person


def test_with_the_surface_painted_out_the_card_s_own_print_levels_it() -> None:
    card, _ = a_card_back(3)
    photo = on_stripes(card, turn=TURN)
    # The stripes ink every row, so the whole photo's rows told no turn; since blind probe r46a the turn is measured
    # again on the photo's middle, where the card's own lines run: the card is levelled from the photo as it is too.
    assert skew_angle(photo) == pytest.approx(-TURN, abs=0.6)
    whitened = surface_whitened(photo)
    assert whitened is not None
    assert skew_angle(whitened) == pytest.approx(-TURN, abs=0.6)  # the turn that levels it undoes it


def test_a_page_filling_the_frame_has_no_surface_to_paint_out() -> None:
    assert surface_whitened(Image.new("L", (800, 600), 240)) is None


@pytest.mark.ocr
@needs_tesseract
def test_a_card_back_turned_on_stripes_reads_its_mrz() -> None:
    card, person = a_card_back(3)
    buffer = io.BytesIO()
    on_stripes(card, turn=TURN).convert("RGB").save(buffer, format="JPEG", quality=85)
    result = LocalExtractor().extract(buffer.getvalue(), document_type="ID_DOCUMENT")
    fields = result.json_fields()
    assert result.kind == DocumentKind.CARTAO_CIDADAO
    assert fields["mrz_valid"] is True
    assert fields["date_of_birth"] == person.date_of_birth.isoformat()  # type: ignore[attr-defined]
    assert fields["document_number"] == person.cc_number  # type: ignore[attr-defined]


def mrz(state: str, code: str = "I") -> list[str]:
    return td1(code=code, state=state, number="440215552ZZ3", birth=dt.date(1980, 3, 16), sex="M",
               expiry=dt.date(2031, 7, 25), nationality=state, surname="Lopes", given="Joaquim")  # fmt: skip


def test_a_card_taken_for_another_state_s_is_portuguese_by_its_valid_mrz() -> None:
    foreign = DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO
    assert portuguese_card_by_its_mrz(foreign, mrz("PRT")) == DocumentKind.CARTAO_CIDADAO
    assert portuguese_card_by_its_mrz(foreign, mrz("ESP")) == foreign
    broken = mrz("PRT")
    broken[1] = broken[1][:6] + str((int(broken[1][6]) + 1) % 10) + broken[1][7:]  # the birth date's check digit
    assert portuguese_card_by_its_mrz(foreign, broken) == foreign


def test_a_card_s_dark_print_at_its_edge_stays_when_the_surface_is_painted_out() -> None:
    """Doc probe 30B: an MRZ's large letters and a shaded lower band, darker than the card's paper, were left out
    of the card's light region and painted white with the surface; the card is convex, its hull is kept."""
    card = Image.new("L", (600, 380), 230)
    ImageDraw.Draw(card).rectangle((40, 290, 420, 372), fill=70)  # large dark print near the lower edge
    photo = Image.new("L", (1000, 700), 110)
    photo.paste(card, (200, 160))
    whitened = surface_whitened(photo)
    assert whitened is not None
    assert whitened.getpixel((400, 500)) == 70  # inside the band, on the card
    assert whitened.getpixel((50, 50)) == 255  # the surface
