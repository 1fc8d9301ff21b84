"""A card back the general pass turned a quarter wrongly (its MRZ in a font OCR reads poorly at the page's size): the
MRZ pass read the page as it came once more, but not its band at the heights Tesseract reads reliably, which is
where every check digit held (e2e probe 19: 3 of 11 valid backs read invalid, the holder's identity unverified).
The readings are stood in for: which pass reads what is the point, not Tesseract."""

from __future__ import annotations

import io
from typing import Any

import pytest
from PIL import Image

from documents.extraction import mrz_ocr
from documents.extraction.mrz import read_mrz
from documents.extraction.mrz_ocr import Band, PageReading

VALID = ["I<PRT058294171<ZZ63<<<<<<<<<<<", "5806148M3105205PRT<<<<<<<<<<<6", "ROQUE<ALMEIDA<<MANUEL<<<<<<<<<"]
MISREAD = ["I<PRT058294171<Z7203<<<<<<<<<<<", *VALID[1:]]
BAND = Band(top=570, bottom=788, cap_height=40)


def png(size: tuple[int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("L", size, 255).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def readings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Turned, the page reads as noise with no band; as it came, the MRZ misread, its band found; the band at a
    reliable height, every check holding."""

    def mrz_read(prepared: Any) -> PageReading:
        if getattr(prepared, "band_scaled", False):
            return PageReading(VALID)
        if prepared.width < prepared.height:  # the 1400 x 880 page turned a quarter
            return PageReading(["<SO E"])
        reading = PageReading(MISREAD)
        reading.band = BAND
        return reading

    def band_at_cap_height(page: Any, band: Band, cap_height: int) -> Any:
        scaled = page.copy()
        scaled.band_scaled = True
        return scaled

    monkeypatch.setattr(mrz_ocr, "mrz_read", mrz_read)
    monkeypatch.setattr(mrz_ocr, "band_at_cap_height", band_at_cap_height)
    monkeypatch.setattr(mrz_ocr, "surface_free_readings", lambda image, turn: [])


def test_the_band_of_the_page_as_it_came_is_read_at_a_reliable_height(readings: None) -> None:
    texts = mrz_ocr.mrz_ocr_texts(png((1400, 880)), turns=(270,))
    found = read_mrz(texts)
    assert found is not None and found.valid
    assert found.document_number == "058294171ZZ6"
