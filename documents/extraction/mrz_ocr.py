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

An MRZ still failing after all that is read once more on its own band (the lines that look like an MRZ, cut
out of the levelled page) scaled to a capital height Tesseract reads reliably, and once more at a second
height if that still fails: at some sizes Tesseract reads a clean monospaced MRZ wrongly, deterministically
("6" as "0", "ZZ" as "77", "7" as "/", "T" as "I"), whatever the page's resolution. Two small runs at most,
only when every earlier reading failed; a page whose MRZ already holds costs nothing more.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from documents.extraction.errors import ExtractionInterrupted, ExtractionUnavailable
from documents.extraction.mrz import clean_line, full_data_line, looks_like_mrz, read_mrz
from documents.extraction.reader import (
    OCR_UPSCALE_BELOW,
    OcrRefused,
    as_grey_on_white,
    deskew,
    file_pictures,
    lines_from_tesseract,
    prepare_for_ocr,
    render_at_its_pictures_resolution,
    render_page,
    surface_whitened,
    tesseract_data,
    tsv_columns,
    turn_page,
    without_the_surface,
)
from documents.sniff import sniff_content_type

MRZ_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
# The MRZ is on the first page of a scan (a passport's data page, the back of a card).
MAX_PAGES = 2
# Capital heights (px) at which the MRZ band is read again, in turn, when no reading of the page holds: on a grid of
# clean monospaced MRZs (TD1 and TD3, 20 to 76 px type, PNG and JPEG) every one that failed at its own size read at
# 16 to 22 px, and one in ten failed at 24 px and above.
BAND_CAP_HEIGHTS = (20, 16)


def mrz_ocr_texts(data: bytes, *, turns: Sequence[int] = ()) -> list[str]:
    """The text lines of the file read with the MRZ alphabet only; [] when it cannot be read.

    ``turns``: per page, how the general pass turned it to read it upright (``ReadDocument.turns``).
    """
    lines: list[str] = []
    for index, image in enumerate(page_images(data)):
        turn = turns[index] if index < len(turns) else 0
        as_taken = turn_page(prepare_for_ocr(image, level=False), turn)
        levelled = deskew(as_taken)
        first = mrz_read(levelled)
        read = list(first)
        if levelled is not as_taken and not valid_mrz(read):
            # Levelling a slightly tilted card now and then costs Tesseract a filler run it read before:
            # the image as it came is a second, different reading (an empty line keeps the two apart).
            read += ["", *mrz_read(as_taken)]
        if image.width < OCR_UPSCALE_BELOW and not valid_mrz(read):
            read += ["", *mrz_read(deskew(turn_page(own_size(image), turn)))]
        if not valid_mrz(read):
            read += pictures_resolution_readings(data, index, turn)
        as_it_came: tuple[Any, list[str]] | None = None
        if turn and not valid_mrz(read):
            # The general pass chose its turn by how well the page read; a photo it read as noise (a card on a
            # dark table) may be turned wrongly, and its MRZ then reads upright only as the page came.
            upright = deskew(prepare_for_ocr(image, level=False))
            as_it_came = (upright, mrz_read(upright))
            read += ["", *as_it_came[1]]
        read += band_readings(levelled, first.band if isinstance(first, PageReading) else None, read)
        if as_it_came is not None:
            # The band found on the page as it came is read at the heights Tesseract reads reliably too: a card
            # back the general pass turned a quarter wrongly found its band only there (e2e probe 19: 3 of 11
            # valid backs read invalid, every check holding at 20 px).
            came_band = as_it_came[1].band if isinstance(as_it_came[1], PageReading) else None
            read += band_readings(as_it_came[0], came_band, read)
        if not valid_mrz(read):
            read += surface_free_readings(image, turn)
        if not valid_mrz(read) and isinstance(first, PageReading) and first.band is not None:
            # Only where a line looked like an MRZ's: a card's front has none, and is not read four times more. An
            # MRZ read whole whose checks fail is read turned too: a genuine passport's photo then read valid (blind
            # probe r45a: an open Brazilian passport flagged `mrz_check_invalid`), while a forged check digit stays
            # wrong in every reading, so the forgery's sign stays.
            read += tilted_readings(levelled, read)
        lines += read
    return lines


# Small turns the MRZ's band is read at again when no reading holds: glare on a photo tilted a few degrees can hide
# the tilt from the levelling, which then leaves the card as it came (blind probe r45a: a permit's back at 4° with
# glare, its MRZ sharp, refused as "cut or illegible"; turned 4°, it read valid). Both ways, the nearer first.
TILT_RETRIES = (3, -3, 5, -5)


def tilted_readings(page: Any, read: list[str]) -> list[str]:
    """The page's MRZ read again turned by each of ``TILT_RETRIES`` degrees until the readings hold; [] when
    ``read`` already holds."""
    from PIL import Image

    extra: list[str] = []
    for angle in TILT_RETRIES:
        if valid_mrz(read + extra):
            break
        turned = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
        extra += ["", *mrz_read(turned)]
    return extra


def surface_free_readings(image: Any, turn: int) -> list[str]:
    """A card photographed on a patterned surface, read again with the surface painted out so that the card's
    own print levels it (``surface_whitened``); [] when no card stands out of a surface."""
    whitened = surface_whitened(own_size(image))
    if whitened is None:
        return []
    levelled = deskew(turn_page(prepare_for_ocr(whitened, level=False), turn))
    reading = mrz_read(levelled)
    return ["", *reading, *band_readings(levelled, reading.band, list(reading))]


def band_readings(page: Any, band: Band | None, read: list[str]) -> list[str]:
    """The MRZ ``band`` of ``page`` read again at each of ``BAND_CAP_HEIGHTS`` until the readings hold; [] when
    ``read`` already holds or no line of the page looked like an MRZ's."""
    extra: list[str] = []
    for cap_height in BAND_CAP_HEIGHTS:
        if band is None or valid_mrz(read + extra):
            break
        extra += ["", *mrz_read(band_at_cap_height(page, band, cap_height))]
    return extra


def valid_mrz(texts: list[str]) -> bool:
    found = read_mrz(texts)
    return found is not None and found.valid


def own_size(image: Any) -> Any:
    """The image in grey as it came, not upscaled as ``prepare_for_ocr`` does a small one."""
    from PIL import ImageOps

    return as_grey_on_white(ImageOps.exif_transpose(image) or image)


class PageReading(list[str]):
    """The text lines Tesseract read on an image, and where on it the lines that look like an MRZ's lie."""

    band: Band | None = None


def mrz_read(prepared: Any) -> PageReading:
    with tempfile.NamedTemporaryFile(suffix=".bmp") as handle:
        prepared.save(handle, format="BMP")
        handle.flush()
        data = mrz_tesseract(handle.name)
    reading = PageReading(line.text for line in lines_from_tesseract(data))
    reading.band = mrz_band(data)
    return reading


@dataclass(frozen=True)
class Band:
    """Where the MRZ's lines lie on the page (rows ``top`` to ``bottom``) and their median capital height."""

    top: int
    bottom: int
    cap_height: int


def mrz_band(data: dict[str, list[Any]]) -> Band | None:
    """The rows of the lines Tesseract read as an MRZ's (from its TSV), or None when none looks like one."""
    words: dict[tuple[int, int, int, int], list[int]] = {}
    for index, word in enumerate(data["text"]):
        if str(word).strip():
            key = (data["page_num"][index], data["block_num"][index], data["par_num"][index], data["line_num"][index])
            words.setdefault(key, []).append(index)
    boxes = []
    for indexes in words.values():
        cleaned = clean_line("".join(str(data["text"][index]) for index in indexes))
        if looks_like_mrz(cleaned) or full_data_line(cleaned):
            top = min(data["top"][index] for index in indexes)
            bottom = max(data["top"][index] + data["height"][index] for index in indexes)
            boxes.append((top, bottom))
    if not boxes:
        return None
    heights = sorted(bottom - top for top, bottom in boxes)
    return Band(
        top=min(top for top, _ in boxes),
        bottom=max(bottom for _, bottom in boxes),
        cap_height=max(1, heights[len(heights) // 2]),
    )


def band_at_cap_height(page: Any, band: Band, cap_height: int) -> Any:
    """The band across the page's width, a line's height of margin above and below, scaled to ``cap_height``.

    The whole width: a line Tesseract cut short (its last glyphs lost) is still there in full.
    """
    from PIL import Image

    top, bottom = max(0, band.top - band.cap_height), min(page.height, band.bottom + band.cap_height)
    crop = page.crop((0, top, page.width, bottom))
    factor = cap_height / band.cap_height
    size = (max(1, round(crop.width * factor)), max(1, round(crop.height * factor)))
    return crop.resize(size, Image.Resampling.LANCZOS)


def pictures_resolution_readings(data: bytes, index: int, turn: int) -> list[str]:
    """A PDF's page ``index`` of pictures (a scan) read at its pictures' own resolution when the reader rendered
    it larger (``render_at_its_pictures_resolution``), prepared as an image of that size is; [] for any other
    page or file."""
    if sniff_content_type(data[:1024]) != "application/pdf":
        return []
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        image = render_at_its_pictures_resolution(pdf[index])
    finally:
        pdf.close()
    if image is None:
        return []
    return ["", *mrz_read(deskew(turn_page(prepare_for_ocr(image, level=False), turn)))]


def page_images(data: bytes) -> list[Any]:
    return file_pictures(data, picture=without_the_surface, render=render_page, pages=MAX_PAGES)


def mrz_tesseract(path: str) -> dict[str, list[Any]]:
    """The reader's bounded Tesseract run, limited to the MRZ alphabet; nothing when it cannot read.

    "por" is installed wherever the reader runs, and on the corpus it read MRZs as well as "eng".
    A timeout or a killed Tesseract still stops the extraction (retried), as in the general pass.
    """
    try:
        return tesseract_data(path, options=("--psm", "6", "-c", f"tessedit_char_whitelist={MRZ_ALPHABET}"))
    except ExtractionInterrupted:
        raise
    except (ExtractionUnavailable, OcrRefused):
        return tsv_columns("")
