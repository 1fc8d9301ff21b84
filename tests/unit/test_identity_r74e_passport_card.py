"""A passport card's front is a card (blind probe r74e, F6).

Ireland's passport card's front ("PASSPORT CARD / CÁRTA PAS"), which has no MRZ, was read as a passport whose MRZ was
not read; its back, read as a card, was said sent without its front. The front is the card, with its side.
"""

from __future__ import annotations

import pytest

from documents.extraction.parsers.classify import classify
from documents.extraction.parsers.identity import parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind

IRISH_CARD_FRONT = [
    "ÉIRE / IRELAND",
    "PASSPORT CARD / CÁRTA PAS",
    "Surname / Nom",
    "NÍ BHRIAIN",
    "Given names / Prénoms",
    "O AOIFE",
    "Date of birth",
    "11 Feb 1998",
    "Nationality",
    "E ÉIREANNACH/IRISH",
    "Document No. Date of expiry",
    "PC7382910 09 Sep 2030",
]
PASSPORT_PAGE = [
    "IRELAND / ÉIRE",
    "PASSPORT / PAS",
    "Surname / Sloinne",
    "MURPHY",
    "Given names / Réamhainmneacha",
    "SEAN",
]
PASSPORT_MRZ = [
    "P<IRLMURPHY<<SEAN<<<<<<<<<<<<<<<<<<<<<<<<<<<",
    "PA12345673IRL8501019M3001019<<<<<<<<<<<<<<<6",
]


def test_a_passport_cards_front_is_a_card_with_its_side() -> None:
    assert classify("\n".join(IRISH_CARD_FRONT)) == DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO
    lines = [Line(text) for text in IRISH_CARD_FRONT]
    parsed = parse_identity(lines, DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO)
    assert parsed.fields.get("side") == "front"
    assert parsed.fields.get("document_number") == "PC7382910"


@pytest.mark.parametrize("texts", [PASSPORT_PAGE, PASSPORT_PAGE + PASSPORT_MRZ])
def test_a_passports_data_page_is_still_a_passport(texts: list[str]) -> None:
    assert classify("\n".join(texts)) == DocumentKind.PASSAPORTE
