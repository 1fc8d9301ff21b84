"""Blind probe r45a: a residence permit's back photographed at 4° with glare, its MRZ sharp, was refused as "cut or
illegible": the glare hid the tilt from the levelling, and the MRZ was read only as it came. Where a line looked
like an MRZ's and no reading makes one, the page is read again turned a few degrees each way; an MRZ read whole
whose checks fail (a forgery's sign) is not read again: more readings would only give more to choose from."""

from __future__ import annotations

import io
from typing import Any

from documents.extraction import mrz_ocr
from documents.extraction.mrz_ocr import Band, PageReading


def png(width: int, height: int) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (width, height), 255).save(buffer, format="PNG")
    return buffer.getvalue()


VALID = ["IDPRTC059312640<<<<<<<<<<<<<<<", "9005307F3010157UKR<<<<<<<<<<<8", "KOVALENKO<<OLEKSANDR<<<<<<<<<<"]


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

    monkeypatch.setattr(mrz_ocr, "mrz_read", tesseract)
    monkeypatch.setattr(mrz_ocr, "band_readings", lambda page, band, read: [])
    monkeypatch.setattr(mrz_ocr, "surface_free_readings", lambda image, turn: [])
    texts = mrz_ocr.mrz_ocr_texts(png(1600, 1000), turns=(0,))
    assert all(line in texts for line in VALID)


def test_a_page_with_no_mrz_like_line_is_not_read_turned(monkeypatch: Any) -> None:
    """A card's front has no MRZ: it is not read four times more."""
    calls: list[int] = []

    def tesseract(image: Any) -> PageReading:
        calls.append(image.width)
        reading = PageReading(["CARTÃO DE CIDADÃO"])
        reading.band = None
        return reading

    monkeypatch.setattr(mrz_ocr, "mrz_read", tesseract)
    monkeypatch.setattr(mrz_ocr, "surface_free_readings", lambda image, turn: [])
    mrz_ocr.mrz_ocr_texts(png(1600, 1000), turns=(0,))
    assert len(calls) == 1


def test_an_mrz_read_whole_whose_checks_fail_is_not_read_turned(monkeypatch: Any) -> None:
    """A card whose birth date's check digit is wrong reads whole every time: it keeps its own readings."""
    calls: list[int] = []
    forged = [*VALID[:1], VALID[1].replace("9005307", "9005301"), VALID[2]]

    def tesseract(image: Any) -> PageReading:
        calls.append(image.width)
        reading = PageReading(forged)
        reading.band = Band(top=800, bottom=950, cap_height=30)
        return reading

    monkeypatch.setattr(mrz_ocr, "mrz_read", tesseract)
    monkeypatch.setattr(mrz_ocr, "band_readings", lambda page, band, read: [])
    monkeypatch.setattr(mrz_ocr, "surface_free_readings", lambda image, turn: [])
    mrz_ocr.mrz_ocr_texts(png(1600, 1000), turns=(0,))
    assert len(calls) == 1
