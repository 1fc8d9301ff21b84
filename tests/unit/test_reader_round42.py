"""A blank scanned page in a PDF cost ~45 s (blind probe r42a): its grey paper, one level all over, was taken for a
dark-mode screenshot and inverted to a black page, which no longer looked blank, and Tesseract read it at every turn.
The same blank as a JPEG took 2 s only because its grain happened to split the other way."""

from __future__ import annotations

import io
import random
from unittest import mock

from PIL import Image, ImageDraw, ImageFont

from documents.extraction import reader
from documents.extraction.reader import blank_page, dark_background_inverted, ocr_page, prepare_for_ocr, read_document

# A 150-dpi A4 scan.
SCAN_SIZE = (1240, 1754)


def grey_paper(*, level: int = 221, seed: int = 7) -> Image.Image:
    """A scanner's dim paper: one grey, a fifth of it in blotches a level or two lighter (its grain), scattered."""
    rng = random.Random(seed)
    blotch = 16
    columns, rows = SCAN_SIZE[0] // blotch + 1, SCAN_SIZE[1] // blotch + 1
    grain = bytes(level + 2 if rng.random() < 0.2 else level for _ in range(columns * rows))
    small = Image.frombytes("L", (columns, rows), grain)
    return small.resize((columns * blotch, rows * blotch), Image.Resampling.NEAREST).crop((0, 0, *SCAN_SIZE))


def as_pdf(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PDF", resolution=150)
    return buffer.getvalue()


def test_a_blank_grey_page_is_not_taken_for_a_dark_mode_screenshot() -> None:
    page = grey_paper()
    assert dark_background_inverted(page) is page


def test_a_blank_grey_scan_in_a_pdf_gives_no_lines_without_running_tesseract() -> None:
    with mock.patch.object(reader, "tesseract_data", side_effect=AssertionError("Tesseract ran")):
        assert ocr_page(grey_paper()).lines == []
        assert read_document(as_pdf(grey_paper())).lines == []


def test_a_grey_page_with_one_line_of_print_is_still_no_blank_page() -> None:
    """A guard: a little text on the same paper stays dark on light, and is read."""
    page = grey_paper()
    ImageDraw.Draw(page).text((120, 200), "Vencimento base 1.147,00", font=ImageFont.truetype("DejaVuSans.ttf", 22),
                              fill=40)  # fmt: skip
    assert dark_background_inverted(page) is page
    assert not blank_page(prepare_for_ocr(page, level=False))
