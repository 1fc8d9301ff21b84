"""A scanned blank page is not read: Tesseract looked for letters in its paper grain for 210 s (round 20).

A payslip scanned with its blank back page took 163-186 s, and was refused on the time limit when the machine was
busy. A page with no ink at all now gives no lines at once; faint print is still read.
"""

from __future__ import annotations

import io
import random
from unittest import mock

import pytest
from PIL import Image, ImageDraw, ImageFont

from documents.extraction import reader
from documents.extraction.errors import ExtractionFailed
from documents.extraction.local import LocalExtractor
from documents.extraction.reader import blank_page, ocr_page, read_document


def paper(*, darkest: int, seed: int = 1, size: tuple[int, int] = (1240, 1754)) -> Image.Image:
    """Scanner paper: grain between ``darkest`` and white, no ink."""
    rng = random.Random(seed)
    grain = bytes(rng.choice((darkest, 236, 244, 250, 255, 255, 255)) for _ in range(size[0] * size[1] // 16))
    return Image.frombytes("L", (size[0] // 4, size[1] // 4), grain).resize(size, Image.Resampling.NEAREST)


def test_a_blank_scanned_page_gives_no_lines_without_running_tesseract() -> None:
    with mock.patch.object(reader, "tesseract_data", side_effect=AssertionError("Tesseract ran")):
        assert ocr_page(paper(darkest=206)).lines == []


def test_a_blank_image_is_refused_as_holding_no_text() -> None:
    page = paper(darkest=210)
    buffer = io.BytesIO()
    page.save(buffer, format="PNG")
    with mock.patch.object(reader, "tesseract_data", side_effect=AssertionError("Tesseract ran")):
        read = read_document(buffer.getvalue())
    assert read.lines == []
    with pytest.raises(ExtractionFailed):
        LocalExtractor().extract(buffer.getvalue(), document_type="PROOF_OF_INCOME")


@pytest.mark.parametrize("ink", [20, 135, 170])
def test_print_even_faint_is_no_blank_page(ink: int) -> None:
    """A guard: the faintest print the probes sent reaches 130-140 in its darkest pixels."""
    page = paper(darkest=236)
    ImageDraw.Draw(page).text((100, 100), "Vencimento base 1.147,00", font=ImageFont.truetype("DejaVuSans.ttf", 28),
                              fill=ink)  # fmt: skip
    assert not blank_page(page)
