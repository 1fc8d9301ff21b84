"""A second OCR pass for the MRZ: Tesseract limited to the MRZ alphabet (A-Z, 0-9, '<').

The general pass reads Portuguese text and now and then turns a filler into
"K", "|" or "«", or inserts a letter inside the MRZ; limited to the 37
characters an MRZ may hold, Tesseract reads those lines far more reliably
(the other text comes out as noise, which the MRZ finder ignores). It runs
only when the general pass found no MRZ whose check digits all hold, under
the same time and memory limits as the reader's pass. It reads the levelled
page; when a tilted page was levelled and still gives no valid MRZ, it reads
the page as it came once more (two different readings for the check digits
to choose from). A small image the reader upscaled and whose MRZ still fails
is read once more at its own size: Tesseract reads some glyphs differently at
another scale (a card's monospaced "0" as "O0", a "6" as "0" once upscaled,
both right at the image's own size), another reading for the check digits to
choose from, never a value made up to pass them. A page the general pass
turned to read it, whose MRZ still fails, is read once more as it came: that
turn is the general pass's guess, and a photo it read as noise may have been
turned wrongly.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from typing import Any

from documents.extraction.errors import ExtractionUnavailable
from documents.extraction.mrz import read_mrz
from documents.extraction.reader import (
    OCR_UPSCALE_BELOW,
    OcrRefused,
    as_grey_on_white,
    deskew,
    lines_from_tesseract,
    open_image,
    prepare_for_ocr,
    render_page,
    tesseract_data,
    tsv_columns,
    turn_page,
)
from documents.sniff import sniff_content_type

MRZ_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
# The MRZ is on the first page of a scan (a passport's data page, the back of a card).
MAX_PAGES = 2


def mrz_ocr_texts(data: bytes, *, turns: Sequence[int] = ()) -> list[str]:
    """The text lines of the file read with the MRZ alphabet only; [] when it cannot be read.

    ``turns``: per page, how the general pass turned it to read it upright (``ReadDocument.turns``).
    """
    lines: list[str] = []
    for index, image in enumerate(page_images(data)):
        turn = turns[index] if index < len(turns) else 0
        as_taken = turn_page(prepare_for_ocr(image, level=False), turn)
        levelled = deskew(as_taken)
        read = mrz_read(levelled)
        if levelled is not as_taken and not valid_mrz(read):
            # Levelling a slightly tilted card now and then costs Tesseract a filler run it read before:
            # the image as it came is a second, different reading (an empty line keeps the two apart).
            read += ["", *mrz_read(as_taken)]
        if image.width < OCR_UPSCALE_BELOW and not valid_mrz(read):
            read += ["", *mrz_read(deskew(turn_page(own_size(image), turn)))]
        if turn and not valid_mrz(read):
            # The general pass chose its turn by how well the page read; a photo it read as noise (a card on a
            # dark table) may be turned wrongly, and its MRZ then reads upright only as the page came.
            read += ["", *mrz_read(deskew(prepare_for_ocr(image, level=False)))]
        lines += read
    return lines


def valid_mrz(texts: list[str]) -> bool:
    found = read_mrz(texts)
    return found is not None and found.valid


def own_size(image: Any) -> Any:
    """The image in grey as it came, not upscaled as ``prepare_for_ocr`` does a small one."""
    from PIL import ImageOps

    return as_grey_on_white(ImageOps.exif_transpose(image) or image)


def mrz_read(prepared: Any) -> list[str]:
    with tempfile.NamedTemporaryFile(suffix=".bmp") as handle:
        prepared.save(handle, format="BMP")
        handle.flush()
        return [line.text for line in lines_from_tesseract(mrz_tesseract(handle.name))]


def page_images(data: bytes) -> list[Any]:
    content_type = sniff_content_type(data[:1024])
    if content_type in {"image/jpeg", "image/png"}:
        return [open_image(data)]
    if content_type != "application/pdf":
        return []
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        return [render_page(pdf[index]) for index in range(min(len(pdf), MAX_PAGES))]
    finally:
        pdf.close()


def mrz_tesseract(path: str) -> dict[str, list[Any]]:
    """The reader's bounded Tesseract run, limited to the MRZ alphabet; nothing when it cannot read.

    "por" is installed wherever the reader runs, and on the corpus it read MRZs as well as "eng".
    A timeout still fails the extraction, as in the general pass.
    """
    try:
        return tesseract_data(path, options=("--psm", "6", "-c", f"tessedit_char_whitelist={MRZ_ALPHABET}"))
    except (ExtractionUnavailable, OcrRefused):
        return tsv_columns("")
