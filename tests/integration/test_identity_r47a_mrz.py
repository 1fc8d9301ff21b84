"""Another state's card, front and back in one image (blind probe r47a: an Italian card photographed with both sides
side by side read as its back alone, as a Cartão de Cidadão's was before round 24). Built with Pillow from the sample
cards, with a name of its own."""

from __future__ import annotations

import datetime as dt
import io
import random

import pytest
from PIL import Image

from documents.extraction.local import LocalExtractor
from samples.identity import foreign_card_png
from samples.synthetic import Person

pytestmark = pytest.mark.django_db


def person() -> Person:
    return Person(given_names="Chiara", surname="Bianchi", nif="", date_of_birth=dt.date(1988, 4, 9),
                  cc_number="", expiry_date=dt.date(2032, 4, 9), sex="F")  # fmt: skip


def sides(front_scale: float) -> bytes:
    holder = person()
    front = Image.open(
        io.BytesIO(foreign_card_png(holder, rng=random.Random(47), state="ESP", side="front").document.data)
    )
    back = Image.open(
        io.BytesIO(foreign_card_png(holder, rng=random.Random(47), state="ESP", side="back").document.data)
    )
    small = front.resize((int(front.width * front_scale), int(front.height * front_scale)))
    page = Image.new("RGB", (back.width + 80, small.height + back.height + 120), (250, 250, 250))
    page.paste(small, (40, 40))
    page.paste(back, (40, small.height + 80))
    buffer = io.BytesIO()
    page.save(buffer, format="PNG")
    return buffer.getvalue()


def test_another_states_card_front_copied_smaller_than_its_back_is_read_as_both_sides() -> None:
    result = LocalExtractor().extract(sides(0.5), document_type="ID_DOCUMENT")
    assert result.kind == "CARTAO_IDENTIDADE_ESTRANGEIRO"
    assert result.fields["mrz_valid"] is True
    assert result.fields["side"] == "both"
