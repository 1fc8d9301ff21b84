"""A photocopy of a card's back cut before its MRZ's last line (doc probe 31) was refused as "no identity document":
the sender was told the wrong thing to fix. A zone whose lines were read but make no MRZ is now said to be cut or
unreadable; its lines read sharp (their check digits holding), it is said to be cut (blind probe r80d,
``MRZ_CUT_OFF``)."""

from __future__ import annotations

import datetime as dt

import pytest

from documents.extraction.errors import ExtractionFailed
from documents.extraction.local import MRZ_CUT, MRZ_CUT_OFF, UNRECOGNISED, LocalExtractor
from samples.identity import Card, td1

pytestmark = pytest.mark.django_db


def back_with_mrz_lines(count: int) -> bytes:
    lines = td1(code="C", state="ITA", number="CC1135OEV", birth=dt.date(1982, 8, 17), sex="M",
                expiry=dt.date(2034, 1, 6), nationality="ITA", surname="DE LUCA", given="FRANCESCA")  # fmt: skip
    card = Card(1300, 820, (250, 250, 250))
    card.text((40, 40), "LUOGO DI NASCITA / PLACE OF BIRTH", size=18)
    card.text((40, 80), "ROMA (RM)", size=30, bold=True)
    if count:
        card.mrz(lines[:count], top=560, size=44)
    return card.png()


def test_a_card_back_cut_before_its_mrz_s_last_line_is_said_to_be_cut() -> None:
    with pytest.raises(ExtractionFailed) as refused:
        LocalExtractor().extract(back_with_mrz_lines(2), document_type="ID_DOCUMENT")
    assert str(refused.value) == MRZ_CUT_OFF


def test_a_page_with_no_mrz_line_is_still_no_identity_document() -> None:
    """Guard: nothing MRZ-shaped read, the refusal says what to send."""
    with pytest.raises(ExtractionFailed) as refused:
        LocalExtractor().extract(back_with_mrz_lines(0), document_type="ID_DOCUMENT")
    assert str(refused.value) != MRZ_CUT
    assert str(refused.value) == UNRECOGNISED["ID_DOCUMENT"] or "desfocada" in str(refused.value)
