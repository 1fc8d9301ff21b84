"""Blind probe r45a: a residence permit's back photographed at 4° with glare, its MRZ sharp, was refused as "cut or
illegible": the glare hid the tilt from the levelling, and the MRZ was read only as it came. Where a line looked
like an MRZ's and no reading holds, the page is read again turned a few degrees each way; a forged check digit
stays wrong in every reading, so the forgery's sign stays."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from documents.extraction import mrz_ocr
from documents.extraction.mrz_ocr import Band, PageReading
from samples.identity import td1


def png(width: int, height: int) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (width, height), 255).save(buffer, format="PNG")
    return buffer.getvalue()


VALID = td1(
    code="IR",
    state="PRT",
    number="C05931264",
    birth=dt.date(1990, 5, 30),
    sex="F",
    expiry=dt.date(2030, 10, 15),
    nationality="UKR",
    surname="KOVALENKO",
    given="OLEKSANDR",
)


def reading_only(monkeypatch: Any, tesseract: Any) -> None:
    """``tesseract`` as the MRZ pass's only reader: no band heights, no surface painted out."""
    monkeypatch.setattr(mrz_ocr, "mrz_read", tesseract)
    monkeypatch.setattr(mrz_ocr, "band_readings", lambda page, band, read: [])
    monkeypatch.setattr(mrz_ocr, "surface_free_readings", lambda image, turn: [])


def test_an_mrz_band_that_reads_only_turned_a_few_degrees_is_read(monkeypatch: Any) -> None:
    turned: list[int] = []

    def tesseract(image: Any) -> PageReading:
        # The page as it came (and levelled: the glare hid its tilt) reads the band as noise; turned, it holds.
        turned.append(image.width)
        reading = PageReading(["IDPRTC0593", "9OO53O7F3O", "KOVALENK0<<"])
        if len(turned) > 1 and image.width > 1600:
            reading = PageReading(VALID)
        reading.band = Band(top=800, bottom=950, cap_height=30)
        return reading

    reading_only(monkeypatch, tesseract)
    assert not mrz_ocr.valid_mrz(["IDPRTC0593", "9OO53O7F3O", "KOVALENK0<<"])
    texts = mrz_ocr.mrz_ocr_texts(png(1600, 1000), turns=(0,))
    assert mrz_ocr.valid_mrz(texts)


def test_a_page_with_no_mrz_like_line_is_not_read_turned(monkeypatch: Any) -> None:
    """A card's front has no MRZ: it is not read four times more."""
    calls: list[int] = []

    def tesseract(image: Any) -> PageReading:
        calls.append(image.width)
        reading = PageReading(["CARTÃO DE CIDADÃO"])
        reading.band = None
        return reading

    reading_only(monkeypatch, tesseract)
    mrz_ocr.mrz_ocr_texts(png(1600, 1000), turns=(0,))
    assert len(calls) == 1


def test_a_forged_check_digit_read_turned_is_still_invalid(monkeypatch: Any) -> None:
    """A card whose birth date's check digit is wrong reads so at every turn: read four times more, never valid."""
    calls: list[int] = []
    # The birth date's check digit (7th character of the second line) one off.
    wrong = str((int(VALID[1][6]) + 1) % 10)
    forged = [VALID[0], VALID[1][:6] + wrong + VALID[1][7:], VALID[2]]

    def tesseract(image: Any) -> PageReading:
        calls.append(image.width)
        reading = PageReading(forged)
        reading.band = Band(top=800, bottom=950, cap_height=30)
        return reading

    reading_only(monkeypatch, tesseract)
    texts = mrz_ocr.mrz_ocr_texts(png(1600, 1000), turns=(0,))
    assert mrz_ocr.valid_mrz(VALID)
    assert len(calls) == 1 + len(mrz_ocr.TILT_RETRIES)
    assert not mrz_ocr.valid_mrz(texts)
