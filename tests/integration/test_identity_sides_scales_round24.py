"""A Cartão de Cidadão's front copied smaller than its back on one image (round 24): read as the back alone, the
surname spelled as the MRZ spells it. Built with Pillow from the sample cards, with a name of its own."""

from __future__ import annotations

import datetime as dt
import io
import random

import pytest
from PIL import Image

from documents.extraction import local
from documents.extraction.local import LocalExtractor
from samples.identity import cc_back, cc_front_png
from samples.synthetic import Person, make_cc_number, make_nif

pytestmark = pytest.mark.django_db


def person() -> Person:
    rng = random.Random(2404)
    return Person(given_names="Inês Marta", surname="Vaz-Correia Gomes", nif=make_nif(rng),
                  date_of_birth=dt.date(1991, 6, 12), cc_number=make_cc_number(rng),
                  expiry_date=dt.date(2033, 2, 7), sex="F")  # fmt: skip


def sides_at_scales(front_scale: float) -> bytes:
    holder = person()
    front = Image.open(io.BytesIO(cc_front_png(holder).data))
    back = Image.open(io.BytesIO(cc_back(holder, rng=random.Random(2405)).document.data))
    small = front.resize((int(front.width * front_scale), int(front.height * front_scale)))
    page = Image.new("RGB", (back.width + 80, small.height + back.height + 120), (250, 250, 250))
    page.paste(small, (40, 40))
    page.paste(back, (40, small.height + 80))
    buffer = io.BytesIO()
    page.save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_front_copied_smaller_than_its_back_is_read_as_both_sides() -> None:
    """At half the back's size the front's captions were dropped and the card taken for its back alone."""
    result = LocalExtractor().extract(sides_at_scales(0.5), document_type="ID_DOCUMENT")
    assert result.fields["side"] == "both"
    assert result.fields["surname"] == "Vaz-Correia Gomes"
    assert result.fields["given_names"] == "Inês Marta"


def test_both_sides_at_one_scale_are_read_as_before() -> None:
    """Guard (passes before and after the change): the same sides at one scale were already read right."""
    result = LocalExtractor().extract(sides_at_scales(1.0), document_type="ID_DOCUMENT")
    assert result.fields["side"] == "both"
    assert result.fields["surname"] == "Vaz-Correia Gomes"


def back_alone(*, on_a4: bool) -> bytes:
    back = Image.open(io.BytesIO(cc_back(person(), rng=random.Random(2405)).document.data))
    if not on_a4:
        image = back
    else:  # photocopied on an A4 page: room for a front that might be there too
        image = Image.new("RGB", (back.width + 200, int((back.width + 200) * 1.414)), (250, 250, 250))
        image.paste(back, (100, 100))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(("on_a4", "read_again"), [(False, 0), (True, 1)], ids=["card-crop", "a4-page"])
def test_a_back_cropped_to_the_card_is_not_read_a_second_time(monkeypatch: pytest.MonkeyPatch, on_a4: bool,
                                                               read_again: int) -> None:  # fmt: skip
    """A back cropped to its card has no room for a front: the block-by-block reading (a whole Tesseract pass,
    paid by every CC back sent alone) is kept for pages that might hold both sides."""
    calls = []
    reading = local.laid_out_reading
    monkeypatch.setattr(local, "laid_out_reading", lambda page: calls.append(page) or reading(page))
    result = LocalExtractor().extract(back_alone(on_a4=on_a4), document_type="ID_DOCUMENT")
    assert result.fields["side"] == "back" and result.fields["mrz_valid"] is True
    assert len(calls) == read_again
