"""A sharp photo of a card's back whose MRZ's lower lines are out of the frame was refused as blurred, dark or too
small (blind probe r80d, cause 4): the reading found one line of the zone, every character of it, and hardly anything
else on a back that prints little, which it took for illegibility. An MRZ line read sharp (its check digits holding)
says the photo is no blur: the refusal says the zone is cut."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image

from documents.extraction.errors import ExtractionFailed
from documents.extraction.local import ILLEGIBLE, MRZ_CUT_OFF, LocalExtractor
from samples.identity import Card, td1

pytestmark = pytest.mark.django_db

MRZ_TOP = 600
MRZ_SIZE = 44


def lines() -> list[str]:
    return td1(code="ID", state="NLD", number="SPECI2021", birth=dt.date(1988, 3, 9), sex="F",
               expiry=dt.date(2031, 6, 30), nationality="NLD", surname="DE VRIES", given="ANNA")  # fmt: skip


def back_cut_below_its_first_mrz_line() -> bytes:
    """A sparse back (one caption and a number) on a table, the photo's lower edge through the MRZ's second line."""
    card = Card(1300, 820, (236, 236, 244))
    card.text((60, 50), "PERSOONSNUMMER / PERSONAL No.", size=18)
    card.text((60, 78), "123456782", size=26, bold=True)
    card.mrz(lines(), top=MRZ_TOP, size=MRZ_SIZE)
    photo = Image.new("RGB", (1400, 760), (120, 94, 70))
    photo.paste(card.image, (50, 40))
    # Cut through the second line: its upper half shows, unreadable; the third is out of the frame.
    cut = photo.crop((0, 0, 1400, 40 + MRZ_TOP + int(MRZ_SIZE * 1.45) + MRZ_SIZE // 2))
    buffer = io.BytesIO()
    cut.save(buffer, format="JPEG", quality=92)
    return buffer.getvalue()


def test_a_sharp_card_back_whose_mrz_is_cut_off_is_said_to_be_cut_not_blurred() -> None:
    with pytest.raises(ExtractionFailed) as refused:
        LocalExtractor().extract(back_cut_below_its_first_mrz_line(), document_type="ID_DOCUMENT")
    assert str(refused.value) == MRZ_CUT_OFF
    assert str(refused.value) != ILLEGIBLE
