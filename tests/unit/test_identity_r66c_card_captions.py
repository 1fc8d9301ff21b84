"""Blind probe r66c (F4): another state's identity card's front whose title nothing recognised (cut at the photo's
edge) was refused asking for the back, though it printed its holder's captions and values: read by those captions."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image

from documents.extraction import local
from documents.extraction.local import foreign_card_by_its_captions
from documents.extraction.reader import Line, ReadDocument
from documents.extraction.schema import DocumentKind

# An Austrian card's front as OCR reads a photo cut across its title; captions in German and English.
CUT_TITLE_FRONT = """REPUBLIK ÖSTERREICH - PERSONALA
Name / Surname
HOFBAUER
Vornamen / Given names
MIRIAM ELISABETH
Staatsangehörigkeit / Nationality
ÖSTERREICH
Geburtsdatum / Date of birth
14.07.1979
Geschlecht / Sex
F
Gültig bis / Date of expiry
09.02.2032
Dokumentnummer / Document No.
P7K29Q44"""


def ocr_page(text: str) -> ReadDocument:
    return ReadDocument(lines=[Line(line, 0.9) for line in text.splitlines()], pages=1, method="ocr")


def test_a_card_front_whose_title_was_cut_is_read_by_its_captions() -> None:
    assert foreign_card_by_its_captions(ocr_page(CUT_TITLE_FRONT)) == DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO


def test_the_front_read_by_its_captions_gives_its_holder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(local, "read_side_by_side", lambda data: ocr_page(CUT_TITLE_FRONT))
    monkeypatch.setattr(local, "mrz_ocr_texts", lambda data, turns=(): [])
    monkeypatch.setattr(local, "laid_out_reading", lambda page: [])
    buffer = io.BytesIO()
    Image.new("RGB", (800, 520), (240, 240, 240)).save(buffer, format="PNG")
    result = local.LocalExtractor().extract(buffer.getvalue(), document_type="ID_DOCUMENT")
    assert result.kind == DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO
    assert result.fields["surname"] == "Hofbauer"
    assert result.fields["date_of_birth"] == dt.date(1979, 7, 14)
    assert result.fields["expiry_date"] == dt.date(2032, 2, 9)
    assert result.fields["side"] == "front"


def test_a_form_with_no_expiry_is_not_taken_for_a_card() -> None:
    form = "\n".join(line for line in CUT_TITLE_FRONT.splitlines() if "expiry" not in line and line != "09.02.2032")
    assert foreign_card_by_its_captions(ocr_page(form)) == DocumentKind.UNKNOWN


def test_a_portuguese_nationals_front_is_not_another_states_card() -> None:
    portuguese = CUT_TITLE_FRONT.replace("ÖSTERREICH\nGeburtsdatum", "PRT\nGeburtsdatum")
    assert foreign_card_by_its_captions(ocr_page(portuguese)) == DocumentKind.UNKNOWN


def test_a_page_naming_a_permit_is_not_another_states_card() -> None:
    permit = CUT_TITLE_FRONT.replace("REPUBLIK ÖSTERREICH - PERSONALA", "Tipo de título / Type of permit")
    assert foreign_card_by_its_captions(ocr_page(permit)) == DocumentKind.UNKNOWN
