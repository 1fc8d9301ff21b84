"""Turn a PDF or image into text lines: the PDF text layer first, else Tesseract OCR.

Before OCR a page partly in shadow has its light evened out (one threshold made the
shaded paper solid ink), a page is levelled (a phone photo's tilt measured from its text
lines), the rules of a bordered table or a card's frame are painted out (Tesseract
dropped every ruled cell), and dotted leaders between a label and its value are
painted out, so "Base ........ 921,00" does not come back as "BRLO ,sasmn 921,00".

Bounded on purpose: page count, pixel count (checked before decoding and
after every resize), aspect ratio, OCR time and OCR memory all have limits
so a hostile file ends as a readable failure instead of eating the worker.
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import math
import os
import re
import shutil
import signal
import statistics
import subprocess
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from django.conf import settings

from documents.extraction.errors import ExtractionFailed, ExtractionInterrupted, ExtractionUnavailable
from documents.extraction.mrz import clean_line, looks_like_mrz
from documents.extraction.pace import slow_work_starts
from documents.sniff import sniff_content_type

# Tesseract's OpenMP threads fight each other on 2 cores: 1 thread is ~3x faster.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

MIN_TEXT_CHARS = 40
OCR_CONFIG = "--psm 6"
OCR_TARGET_WIDTH = 1600
# Only low-resolution images are upscaled (a 150 dpi A4 scan is ~1240 px wide): above
# this width Tesseract reads as well without, and a larger image only costs time (bench/).
OCR_UPSCALE_BELOW = 1400
# Longer side over shorter side. Documents are near 1.4:1 (A4) or 1.6:1 (ID cards);
# a 100x400000 strip is no document, and upscaled to OCR_TARGET_WIDTH it would be 10 Gpx.
MAX_ASPECT_RATIO = 20
# Deskew: a photo's tilt is measured on a copy at most this wide, over +-SKEW_MAX_DEGREES;
# below SKEW_MIN_DEGREES the image is left as it is (Tesseract copes with a slight tilt).
# Phone photos of a card or a page held by hand are tilted up to ~10 degrees (blind probe r38b: sharp
# card backs at 8-9.3 degrees read nothing while the range stopped at 5).
SKEW_PROBE_WIDTH = 700
SKEW_MAX_DEGREES = 15.0
SKEW_MIN_DEGREES = 0.3
SKEW_MIN_LINES = 3
# Uneven light: the paper's brightness is estimated on a copy this many times smaller, as the brightest level
# within a window this fraction of the page's width (far wider than a letter, narrower than a shadow's fall-off).
LIGHT_PROBE_REDUCTION = 8
LIGHT_WINDOW_FRACTION = 1 / 8
# A page is evened out when that takes at least this fraction of its pixels out of the ink: 0.18-0.60 on the
# 7 photos of round 18 partly in shadow, at most 0.09 on 60 scans, clean images and photos on a dark table.
LIGHT_SHADED_INK_FRACTION = 0.13
# A photo in low light all over (its paper grey, not white) is evened out too, whatever its ink: the lightest of its
# pixels (this fraction of them, past a few specks) are darker than this grey. A passport photographed in low light
# (paper at 130) read its page's captions but not its MRZ, nor its surname: levelled, its tilt's corners were filled
# with a grey far lighter than its paper, which Tesseract then took for the paper and the whole page for ink (blind
# probe r78d, A20). Scans and photos in good light stand at 216-252 there (the 33 other images of that probe), a
# photo of a monitor at 216; photos darker than DARK_FRAME_LIGHTEST_LEVEL are refused before.
DIM_PAPER_LIGHTEST_FRACTION = 0.01
DIM_PAPER_LEVEL = 170
# Leaders ("Label ........ 1.234,56"): a stretch of a text line at least this many line heights
# long with ink only in the line's lower part is dots, rules or noise, never words.
LEADER_MIN_LINE_HEIGHTS = 3
# Dots and rules stand at most this fraction of their label's letters high; the words of the next
# line, which a tilt runs into the same band of rows, stand about as high as the label's.
LEADER_MAX_LETTER_FRACTION = 0.5
# The label's letters are measured over at most this many line heights before its leader.
LEADER_LABEL_LINE_HEIGHTS = 8
# Dots and rules run along their stretch: ink in at least this fraction of its columns. A full stop before a wide
# gap (", Lda.   NIPC ...") is a few columns of a stretch of many, and is the label's (blind probe r39a: "Lda."
# read "Lda" on every accountant's slip).
LEADER_MIN_COVER = 0.12
# Rules (a bordered table's ruling, a box's or a card's frame): a straight run of ink at least this
# fraction of the page's width long, across or down (a table row's side on a card is 1/19 of its
# width). Pages reach OCR at least OCR_UPSCALE_BELOW pixels wide, so that is many letters high.
RULE_MIN_WIDTH_FRACTION = 1 / 8
RULE_MIN_DOWN_WIDTH_FRACTION = 1 / 22
# ...and at most this many pixels thick (or this fraction of the page's width on a large page): a
# letter's stroke is never that long, a photo or a dark band behind white letters is far thicker.
RULE_MAX_THICKNESS = 4
RULE_MAX_THICKNESS_FRACTION = 1 / 200
# Runs are looked for on blocks of this many pixels along the rule (an 8th of the pixels to go over).
RULE_BLOCK = 8


@dataclass
class Line:
    text: str
    # Mean word confidence 0..1 (1.0 for a PDF text layer).
    confidence: float = 1.0
    word_confidences: list[tuple[str, float]] = field(default_factory=list)
    # Each word's box on the page (left, top, width, height), one per word of ``text``: as OCR found it (pixels),
    # or its share of a text layer's segment (points, ``with_word_boxes``); empty for a line a parser rebuilt.
    word_boxes: list[tuple[int, int, int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.text = one_character_per_letter(self.text)


def one_character_per_letter(text: str) -> str:
    """The text with accents composed (NFC), each character that folds to several spelled out ("ﬁ" -> "fi",
    "…" -> "...", "№" -> "No") and marks composing with nothing dropped: a PDF's text layer and Tesseract
    both give these.

    The parsers match labels on ``fold(text)`` and slice the printed text at the match's offsets; that holds
    only while folding keeps one character for one, which a ligature or a decomposed accent broke (a name
    after "Certiﬁca-se que" lost its first letter).
    """
    composed = unicodedata.normalize("NFC", text)
    if composed.isascii():
        return composed
    kept = []
    for char in composed:
        letters = _letters_folded_from(char)
        if letters > 1:
            kept.append(unicodedata.normalize("NFKC", char))
        elif letters == 1:
            kept.append(char)
        # else a mark no letter composed with (OCR noise): folding drops it, and so does the line.
    return "".join(kept)


def _letters_folded_from(char: str) -> int:
    return sum(1 for part in unicodedata.normalize("NFKD", char) if not unicodedata.combining(part))


@dataclass
class ReadDocument:
    lines: list[Line]
    pages: int
    method: str  # "text" or "ocr"
    # Per page, the degrees (counter-clockwise) an OCR'd page was turned to be read upright; 0 as it came.
    turns: tuple[int, ...] = ()
    # Index in ``lines`` of each page's first line (a PDF's pages; an image is one page).
    page_starts: tuple[int, ...] = (0,)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def read_document(data: bytes) -> ReadDocument:
    if not data:
        raise ExtractionFailed("Ficheiro vazio: envie o documento outra vez.")
    content_type = sniff_content_type(data[:1024])
    if content_type == "application/pdf":
        return read_pdf(data)
    if content_type in {"image/jpeg", "image/png"}:
        image = open_image(data)
        if taken_in_the_dark(image):
            raise ExtractionFailed(ILLEGIBLE)
        boxes = stacked_pages(image)
        if boxes:
            return stacked_pages_read([ocr_page(without_the_surface(image.crop(box))) for box in boxes])
        page = ocr_page(without_the_surface(image))
        return ReadDocument(lines=page.lines, pages=1, method="ocr", turns=(page.turn,))
    raise ExtractionFailed("Tipo de ficheiro não suportado (não é PDF, JPEG nem PNG).")


# Pages stacked one above the other in one image, as a scanner app or a phone saves a document of several pages: an
# image taller than two pages of any paper size but one (two A4 pages stand 2.83 times as tall as wide, two Letter
# pages 2.59; a phone's screenshot 2.3 at most). Read whole, one tilt was measured for pages photographed apart, and
# the second one's figures went unread (blind probe r80a: a two-page payslip's totals, on page 2).
STACKED_PAGES_MIN_ASPECT = 2.4
PAGE_ASPECT = math.sqrt(2)
MOST_STACKED_PAGES = 4
# How far from where pages of one height would meet their seam may lie, as a fraction of a page's height.
STACKED_SEAM_SLACK = 0.2


def stacked_pages(image: Any) -> list[tuple[int, int, int, int]]:
    """The boxes (left, top, right, bottom) of the pages stacked one above the other in a tall image, top first,
    parted at the row free of ink nearest where pages of one height would meet; [] for an image one page tall, or
    whose writing runs across where pages would meet (read whole, as it is)."""
    if image.height < STACKED_PAGES_MIN_ASPECT * image.width:
        return []
    count = round(image.height / (PAGE_ASPECT * image.width))
    if not 2 <= count <= MOST_STACKED_PAGES:
        return []
    blank = rows_without_writing(as_grey_on_white(image))
    height = image.height / count
    seams = []
    for even in (index * height for index in range(1, count)):
        nearest = [min(max(round(even), top), bottom - 1) for top, bottom in blank]
        close = [row for row in nearest if abs(row - even) <= STACKED_SEAM_SLACK * height]
        if not close:
            return []
        seams.append(min(close, key=lambda row: abs(row - even)))
    rows = [0, *seams, image.height]
    return [(0, top, image.width, bottom) for top, bottom in itertools.pairwise(rows)]


# A row this dark across nearly all its width is the surface pages lie on, no page's writing.
SURFACE_ROW_INK_FRACTION = 0.9


def rows_without_writing(grey: Any) -> list[tuple[int, int]]:
    """The runs of a grayscale image's rows, (top, bottom) each, that hold no writing: blank paper (a few pixels of
    ink at most, as ``ink_bands`` counts them) or the darker surface the pages lie on, dark nearly all across."""
    rows, minimum = row_ink(grey)
    runs: list[tuple[int, int]] = []
    top = None
    for y, value in enumerate(rows):
        free = value < minimum or value > 255 * SURFACE_ROW_INK_FRACTION
        if free and top is None:
            top = y
        elif not free and top is not None:
            runs.append((top, y))
            top = None
    if top is not None:
        runs.append((top, len(rows)))
    return runs


def stacked_pages_read(pages: list[OcrPage]) -> ReadDocument:
    """The pages read apart, as a PDF's pages are: each one's lines after the last one's."""
    lines: list[Line] = []
    starts = []
    for page in pages:
        starts.append(len(lines))
        lines.extend(page.lines)
    return ReadDocument(
        lines=lines, pages=len(pages), method="ocr", turns=tuple(page.turn for page in pages), page_starts=tuple(starts)
    )


def read_without_coloured_ink(data: bytes) -> ReadDocument | None:
    """A colour photo or scan read again with its coloured ink dropped (``without_coloured_ink``); None for a PDF or
    an image in grey, which has no such ink to drop."""
    if sniff_content_type(data[:1024]) not in {"image/jpeg", "image/png"}:
        return None
    image = open_image(data)
    if image.mode not in {"RGB", "RGBA", "P", "CMYK"}:
        return None
    page = ocr_page(without_the_surface(without_coloured_ink(image)))
    return ReadDocument(lines=page.lines, pages=1, method="ocr", turns=(page.turn,))


# A pixel whose brightest and darkest channels are more than this many levels apart is coloured ink: a red "PAGO"
# stamp is 120-160 apart, a blue pen's stroke 70-110; black print, paper and grey shadows stay within 10-30, JPEG's
# noise on them included. At 60 the stamp's edges, their colour blurred by JPEG where they cross the print, stayed as
# grey smudges that cost a digit ("1.199,20" read "899,20"); at 40 they went.
COLOURED_INK_SPREAD = 40


def without_coloured_ink(image: Any) -> Any:
    """The image in grey, each coloured pixel at its brightest channel's level: a red or a blue stamp, a pen's note
    across the figures turned pale as paper, the black print kept as dark as it was. Where a red stamp crosses black
    print, the print is dark in every channel and stays (blind probe r75a, D4: "PAGO" in red across the totals, the
    gross and the net unread, read whole once the stamp was dropped)."""
    from PIL import Image, ImageChops, ImageOps

    rgb = (ImageOps.exif_transpose(image) or image).convert("RGB")
    red, green, blue = rgb.split()
    brightest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    darkest = ImageChops.darker(ImageChops.darker(red, green), blue)
    coloured = ImageChops.subtract(brightest, darkest).point(lambda spread: 255 if spread > COLOURED_INK_SPREAD else 0)
    return Image.composite(brightest, as_grey_on_white(rgb), coloured)


ILLEGIBLE = (
    "Não foi possível ler o documento: a imagem está desfocada, escura ou pequena demais. Envie uma fotografia "
    "nítida, direita e com boa luz, ou o PDF original."
)
# A photo taken in the dark: its lightest pixels (this fraction of them, past a few specks) are no lighter than this
# grey. Paper in the dimmest photos the probes read well stands at 110-150 there (blind probe r51a: a passport and a
# card in low light, 130); a nearly black photo of a payslip, 22, was read for 60 s at every turn and level before
# it was refused as illegible all the same.
DARK_FRAME_LIGHTEST_FRACTION = 0.01
DARK_FRAME_LIGHTEST_LEVEL = 48


def taken_in_the_dark(image: Any) -> bool:
    """Whether a photo is so dark that nothing on it stands out to be read: its paper is no lighter than
    ``DARK_FRAME_LIGHTEST_LEVEL``. Measured on a thumbnail, in a few milliseconds, as a viewer shows the image: a
    page on a transparent background is on white paper, not on the black its clear pixels hold (``as_grey_on_white``;
    r49a's transparent PNG payslip was refused so)."""
    thumbnail = as_grey_on_white(image)
    thumbnail.thumbnail((400, 400))
    level = lightest_level(thumbnail, DARK_FRAME_LIGHTEST_FRACTION)
    return level is None or level <= DARK_FRAME_LIGHTEST_LEVEL


def lightest_level(image: Any, fraction: float) -> int | None:
    """The grey level of a grayscale image's lightest pixels: the darkest of the ``fraction`` of its pixels that are
    the lightest; None for an image of no pixels."""
    histogram = image.histogram()[:256]
    lightest = fraction * sum(histogram)
    seen = 0
    for level in range(255, -1, -1):
        seen += histogram[level]
        if seen > lightest:
            return level
    return None


def read_pdf(data: bytes, *, pictures_read: bool = False) -> ReadDocument:
    """A PDF's lines, each page from its text layer where that layer is the page (``text_layer_is_the_page``), else
    OCR'd. ``pictures_read``: a page that draws pictures is OCR'd even so, for what its pictures print (the caller
    found none of the amounts its document must print in the text layer: ``page_draws_pictures``)."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise ExtractionFailed("PDF protegido por palavra-passe: envie uma versão sem proteção.") from exc
        raise ExtractionFailed("PDF corrompido ou ilegível: envie o documento outra vez ou o PDF original.") from exc
    try:
        # A filled form's values live in its fields, drawn from appearances pdfium makes once the form is loaded
        # (a field written without one, /NeedAppearances); must come before the first page is loaded.
        pdf.init_forms()
        page_count = len(pdf)
        if page_count == 0:
            raise ExtractionFailed("PDF sem páginas: envie o documento completo.")
        if page_count > settings.EXTRACTION_MAX_PAGES:
            raise ExtractionFailed(
                f"PDF com demasiadas páginas ({page_count}; máximo {settings.EXTRACTION_MAX_PAGES}): "
                "envie só as páginas do documento pedido."
            )
        lines: list[Line] = []
        turns: list[int] = []
        starts: list[int] = []
        used_ocr = False
        for index in range(page_count):
            page, annotations = shown_page(pdf, index)
            starts.append(len(lines))
            text = page_text(page, annotations=annotations)
            has_text = len(re.sub(r"\W", "", text)) >= MIN_TEXT_CHARS
            if has_text and text_layer_is_the_page(page) and not (pictures_read and page_draws_pictures(page)):
                lines.extend(lines_by_position(page) or with_word_boxes(page, text_lines(text)))
                turns.append(0)
                continue
            read = ocr_page(render_scan_or_page(page))
            ocr_found_nothing = len(re.sub(r"\W", "", "".join(line.text for line in read.lines))) < MIN_TEXT_CHARS
            if has_text and ocr_found_nothing and not only_invisible_text(page):
                # OCR found nearly nothing where the layer has words: the layer is the better reading left. Not
                # when that layer is invisible: the page shows nothing, and nobody reads what it says.
                lines.extend(text_lines(text))
                turns.append(0)
                continue
            used_ocr = True
            lines.extend(read.lines)
            turns.append(read.turn)
        return ReadDocument(
            lines=lines,
            pages=page_count,
            method="ocr" if used_ocr else "text",
            turns=tuple(turns),
            page_starts=tuple(starts),
        )
    finally:
        pdf.close()


def page_draws_pictures(page: Any) -> bool:
    import pypdfium2.raw as pdfium_c

    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))


def text_lines(text: str) -> list[Line]:
    return [Line(text=row.strip()) for row in text.splitlines() if row.strip()]


# Characters that show nothing and belong to no word (Unicode's format class: a soft hyphen, zero-width spaces and
# joiners, the word joiner, a byte order mark, direction marks). A word processor keeps them in its text layer:
# "Ven\u00adcimento base" matched no caption and the payslip lost its base salary (blind probe r52a, C05).
def without_format_characters(text: str) -> str:
    if text.isascii():
        return text
    return "".join(char for char in text if unicodedata.category(char) != "Cf")


# A page's text layer is in the order its program drew it, which is not always the order it reads in: each letter
# placed on its own in a random order (a layer one letter per line), or the amounts column drawn first and the
# captions after it, bottom up (the captions lost their amounts: blind probe r52a, B01 and B02). The layer is then
# laid out again from where its letters stand, when at least this many of its rows were drawn backwards (a letter
# drawn before the one to its left). A page drawn column by column, or a form whose fields are drawn after the page,
# draws each row forwards (none of 150 pages of earlier probes had more than one such row), and is read as pdfium
# reads it, its columns' lines apart.
OUT_OF_ORDER_MIN_ROWS = 3
# Two letters overlapping by more than this share of the left one's width stand over each other (kerning overlaps
# them by a tenth).
OVERPRINT_SHARE = 0.3
# Two letters of a row this share of its height apart or more are two words (a space is a quarter of a letter's
# height, letters of a word touch); a layer laid out again gets its spaces from these gaps, not from its space glyphs.
WORD_GAP_IN_HEIGHTS = 0.12


def lines_by_position(page: Any) -> list[Line] | None:
    """A page's text layer laid out from its letters' positions, one line a row with each word's box, when the layer
    was drawn out of reading order (``OUT_OF_ORDER_MIN_ROWS``); None when pdfium's own reading of it holds.

    Letters are placed as they read upright (``letters_turn``), rows made of letters whose middles are within half a
    letter of each other, words of letters that touch."""
    textpage = page.get_textpage()
    try:
        rows = letter_rows(placed_letters(textpage))
    finally:
        textpage.close()
    if rows_drawn_backwards(rows) < OUT_OF_ORDER_MIN_ROWS:
        return None
    lines = []
    for row in rows:
        words: list[str] = []
        boxes: list[tuple[int, int, int, int]] = []
        word_start = word_end = 0.0
        for _middle, start, end, height, _index, char in sorted(row, key=lambda letter: letter[1]):
            if words and char == words[-1][-1] and start < word_end - (end - start) / 2:
                continue  # the same letter drawn again over itself (a bold made so)
            if words and start - word_end < WORD_GAP_IN_HEIGHTS * height:
                words[-1] += char
            else:
                if words:
                    boxes.append(word_box(word_start, word_end, row))
                words.append(char)
                word_start = start
            word_end = max(end, word_end) if len(words[-1]) > 1 else end
        boxes.append(word_box(word_start, word_end, row))
        lines.append(Line(text=" ".join(words), word_boxes=boxes))
    return lines


def placed_letters(textpage: Any) -> list[tuple[float, float, float, float, int, str]]:
    """A text layer's letters as (middle, start, end, height, order drawn, letter), upright: ``middle`` down the page
    and ``start``/``end`` along the row, as ``page_text`` places its segments (``letters_turn``). Loose boxes (the
    font's, not the glyph's): the letters of a word touch, and the letters of a row share their middle."""
    import pypdfium2.raw as pdfium_c

    turn = letters_turn(textpage)
    letters: list[tuple[float, float, float, float, int, str]] = []
    for index in range(textpage.count_chars()):
        char = without_format_characters(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, index)))
        if not char.strip() or pdfium_c.FPDFText_IsGenerated(textpage.raw, index):
            continue
        # A letter turned apart from the page's (a note written up the margin) stands on no row of the page.
        clockwise = math.degrees(pdfium_c.FPDFText_GetCharAngle(textpage.raw, index))
        if clockwise >= 0 and round(-clockwise / 90) % 4 * 90 != turn:
            continue
        left, bottom, right, top = textpage.get_charbox(index, loose=True)
        if turn == 90:
            middle, start, end, height = (left + right) / 2, bottom, top, right - left
        elif turn == 180:
            middle, start, end, height = (bottom + top) / 2, -right, -left, top - bottom
        elif turn == 270:
            middle, start, end, height = -(left + right) / 2, -top, -bottom, right - left
        else:
            middle, start, end, height = -(bottom + top) / 2, left, right, top - bottom
        if height > 0:
            letters.append((middle, start, end, height, index, char))
    return letters


def letter_rows(
    letters: list[tuple[float, float, float, float, int, str]],
) -> list[list[tuple[float, float, float, float, int, str]]]:
    rows: list[list[tuple[float, float, float, float, int, str]]] = []
    for letter in sorted(letters):
        if rows and letter[0] - rows[-1][0][0] < max(rows[-1][0][3], letter[3]) / 2:
            rows[-1].append(letter)
        else:
            rows.append([letter])
    return rows


def rows_drawn_backwards(rows: list[list[tuple[float, float, float, float, int, str]]]) -> int:
    """How many of a page's rows hold a letter drawn before the letter to its left: the row was not drawn as it reads
    (a caption drawn after its amount, letters in any order). A letter drawn over itself (a bold made so) is no step
    back; a row where other letters stand over each other (an amount written over another, under a highlight) is
    not counted: laid out by position, the two would be spelled into each other."""
    backwards = 0
    for row in rows:
        placed = sorted(row, key=lambda letter: letter[1])
        pairs = list(itertools.pairwise(placed))
        if any(
            right[1] < left[2] - OVERPRINT_SHARE * (left[2] - left[1]) and right[5] != left[5] for left, right in pairs
        ):
            continue
        backwards += any(
            right[4] < left[4] and right[1] >= left[2] - OVERPRINT_SHARE * (left[2] - left[1]) for left, right in pairs
        )
    return backwards


def word_box(
    start: float, end: float, row: list[tuple[float, float, float, float, int, str]]
) -> tuple[int, int, int, int]:
    """A word's box as ``with_word_boxes`` gives it: (left, down, width, height), its row's top and height."""
    height = max(letter[3] for letter in row)
    top = min(letter[0] - letter[3] / 2 for letter in row)
    return (round(start), round(top), round(end - start), round(height))


def with_word_boxes(page: Any, lines: list[Line]) -> list[Line]:
    """The text layer's lines with their words' boxes, where a row of pdfium's text segments spells the line: a
    wide gap between two of its words then shows, as on a scan, where one column ends and the next begins.

    pdfium gives a box per segment (a run of letters), not per word; a word's box is its share of its segment's,
    by letters. Rows are grouped as ``page_text`` groups them on a turned page."""
    textpage = page.get_textpage()
    segments: list[tuple[float, float, float, float, str]] = []
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        text = without_format_characters(
            one_character_per_letter(textpage.get_text_bounded(left, bottom, right, top).strip())
        )
        if text:
            segments.append((-top, left, right, top - bottom, text))
    rows: list[list[tuple[float, float, float, float, str]]] = []
    for segment in sorted(segments):
        if rows and segment[0] - rows[-1][0][0] < max(rows[-1][0][3], segment[3]) / 2:
            rows[-1].append(segment)
        else:
            rows.append([segment])
    boxes_by_words: dict[tuple[str, ...], list[tuple[int, int, int, int]]] = {}
    # A row's columns, each apart: the layer may give a column's lines one after the other, then the next column's
    # (two parties' boxes side by side, "Transmitente" over one, "Adquirente" over the other: blind probe r42a), so a
    # line is one column of its row. Words found in two places give no boxes: which of them the line is is unknown.
    boxes_by_column: dict[tuple[str, ...], list[list[tuple[int, int, int, int]]]] = {}
    for row in rows:
        words: list[str] = []
        boxes: list[tuple[int, int, int, int]] = []
        column_starts = [0]
        before: tuple[float, float] | None = None  # the previous segment's right edge and height
        for down, left, right, height, text in sorted(row, key=lambda segment: segment[1]):
            if before and left - before[0] >= COLUMN_GAP_IN_HEIGHTS * max(height, before[1]):
                column_starts.append(len(words))
            before = (right, height)
            letter = (right - left) / len(text)
            for word in re.finditer(r"\S+", text):
                words.append(word.group())
                start = left + word.start() * letter
                boxes.append((round(start), round(down), round(len(word.group()) * letter), round(height)))
        boxes_by_words.setdefault(tuple(words), boxes)
        if len(column_starts) > 1:
            for first, last in itertools.pairwise([*column_starts, len(words)]):
                boxes_by_column.setdefault(tuple(words[first:last]), []).append(boxes[first:last])
    for line in lines:
        words_of_line = tuple(line.text.split())
        columns = boxes_by_column.get(words_of_line, [])
        line.word_boxes = boxes_by_words.get(words_of_line) or (columns[0] if len(columns) == 1 else [])
    return lines


# Two words this many of the line's heights apart or more stand in two columns (words of one phrase stand a
# third of a height apart).
COLUMN_GAP_IN_HEIGHTS = 1.5


def gapped_text(line: Line) -> str:
    """The line's text with three spaces where its words' boxes stand in two columns ("Martim Magalhães   Hotelaria
    Guimarães, S.A."): the gap a reading across two boxes lost. The text as it is without boxes."""
    words = line.text.split()
    boxes = line.word_boxes
    if len(words) < 2 or len(boxes) != len(words):
        return line.text
    height = statistics.median(box[3] for box in boxes)
    parts = [words[0]]
    for before, box, word in zip(boxes, boxes[1:], words[1:], strict=False):
        wide = box[0] - (before[0] + before[2]) >= COLUMN_GAP_IN_HEIGHTS * height
        parts.append(("   " if wide else " ") + word)
    return "".join(parts)


# A text layer is not the page's text when this share of its letters (and at least UNSPELLED_MIN of them) are glyphs
# it cannot spell: a font without a ToUnicode map whose codes mean nothing (a subset, a Type 3 font).
UNSPELLED_SHARE = 0.01
UNSPELLED_MIN = 2
# A picture taking at least this share of the page is the page (a scan, a photo of a printout)...
PICTURE_PAGE_SHARE = 0.5
# ...and the page is read from it when the picture shows at least this many lines of print where the layer has none.
PICTURE_LINES_WITHOUT_TEXT = 3
# Lines of print are looked for on the page rendered at this many dots per inch (a 10 pt line ~14 px high).
PICTURE_PROBE_DPI = 100


def text_layer_is_the_page(page: Any) -> bool:
    """Whether a page's text layer is what the page shows, so it can be read instead of the page (exact and fast).

    Not when the layer cannot spell its letters (``unspelled_glyphs``: garbage, or a name without its accents),
    when its only text is invisible (a scanner's PDF, whose layer is the scanner's OCR, typos included, over the
    picture that is the document; glyphs drawn as outlines under a search layer; or a page that shows nothing at
    all, whose layer no person reads: blind probe r52a's N05 had been read as a payslip at confidence 1.0), or when
    the picture shows lines of print the layer does not hold (a text header over a scanned body). Such a page is
    OCR'd as a whole, as a person reads it.
    """
    textpage = page.get_textpage()
    try:
        if unspelled_glyphs(textpage):
            return False
        if only_invisible_text(page):
            return False
        if not picture_fills_page(page):
            return True
        return lines_only_in_the_picture(page, textpage) < PICTURE_LINES_WITHOUT_TEXT
    except Exception:
        return True  # an odd page is read as it always was
    finally:
        textpage.close()


def unspelled_glyphs(textpage: Any) -> bool:
    """Whether enough of a text layer's characters are glyphs its fonts give no letter for: pdfium reports a failed
    ToUnicode lookup, or the layer holds control characters or U+FFFD in their place."""
    import pypdfium2.raw as pdfium_c

    letters = unspelled = 0
    for index in range(textpage.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(textpage.raw, index)
        if pdfium_c.FPDFText_IsGenerated(textpage.raw, index) or chr(code).isspace():
            continue
        letters += 1
        if pdfium_c.FPDFText_HasUnicodeMapError(textpage.raw, index) == 1 or code < 32 or code == 0xFFFD:
            unspelled += 1
    return unspelled >= max(UNSPELLED_MIN, UNSPELLED_SHARE * letters)


def picture_fills_page(page: Any) -> bool:
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    for picture in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        left, bottom, right, top = picture.get_bounds()
        if (right - left) * (top - bottom) >= PICTURE_PAGE_SHARE * width * height:
            return True
    return False


def only_invisible_text(page: Any) -> bool:
    """Whether every text object of a page is drawn invisible (render mode 3, or 7: a clip only)."""
    import pypdfium2.raw as pdfium_c

    invisible = {pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE, pdfium_c.FPDF_TEXTRENDERMODE_CLIP}
    modes = [
        pdfium_c.FPDFTextObj_GetTextRenderMode(text.raw) for text in page.get_objects([pdfium_c.FPDF_PAGEOBJ_TEXT])
    ]
    return bool(modes) and all(mode in invisible for mode in modes)


def lines_only_in_the_picture(page: Any, textpage: Any) -> int:
    """How many lines of print the rendered page shows on rows where its text layer has no letter.

    Rows of ink bands as high as the layer's letters (a logo or a photo is far taller, a rule far thinner).
    Only a page as drawn (no /Rotate): its rows are then the rendered image's rows.
    """
    if page.get_rotation() % 360:
        return 0
    scale = PICTURE_PROBE_DPI / 72
    _, page_height = page.get_size()
    covered: set[int] = set()
    heights = []
    for index in range(textpage.count_chars()):
        _left, bottom, _right, top = textpage.get_charbox(index)
        if top - bottom <= 0:
            continue
        heights.append((top - bottom) * scale)
        pad = (top - bottom) / 2
        covered.update(range(int((page_height - top - pad) * scale), int((page_height - bottom + pad) * scale) + 1))
    if not heights:
        return 0
    letter = sorted(heights)[len(heights) // 2]
    image = page.render(scale=scale, grayscale=True).to_pil().convert("L")
    return sum(
        1
        for top, bottom in ink_bands(image)
        if 0.5 * letter <= bottom - top <= 3 * letter and not covered.intersection(range(top, bottom))
    )


def row_ink(image: Any) -> tuple[bytes, float]:
    """A grayscale page's share of ink on each row (0-255, one byte a row), and the least share that is writing: a
    few pixels of ink, not a speck."""
    from PIL import Image

    threshold = ink_threshold(image)
    ink = image.point(lambda level: 255 if level <= threshold else 0)
    rows = ink.resize((1, ink.height), Image.Resampling.BOX).tobytes()
    return rows, 255 * max(3, ink.width // 500) / ink.width


def ink_bands(image: Any) -> list[tuple[int, int]]:
    """The runs of a grayscale page's rows that hold a few pixels of ink, (top, bottom) each."""
    rows, minimum = row_ink(image)
    bands: list[tuple[int, int]] = []
    top = None
    for y, value in enumerate([*rows, 0]):
        if value >= minimum and top is None:
            top = y
        elif value < minimum and top is not None:
            bands.append((top, y))
            top = None
    return bands


def shown_page(pdf: Any, index: int) -> tuple[Any, list[Any] | None]:
    """The page with what its annotations show drawn into its content, and the annotations that hide what lies under
    them (None when nothing was drawn in).

    A filled PDF form keeps its values in its fields (annotations), not in the page's text: they are read only once
    drawn in. So is a text box, a stamp or a filled shape someone laid over the page in a PDF reader; the page's own
    text such an annotation hides is left out (``page_text``), as a person does not see it, and the file's forensic
    check names the edit (``PDF_ANNOTATED_AMOUNT``). A page without annotations is returned as it was loaded.
    """
    import pypdfium2.raw as pdfium_c

    from documents.extraction.forensics import annotation_covers

    page = pdf[index]
    if not pdfium_c.FPDFPage_GetAnnotCount(page.raw):
        return page, None
    try:
        covers = annotation_covers(page)
    except Exception:
        covers = []  # an odd annotation: the page is still drawn in and read
    if pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY) != pdfium_c.FLATTEN_SUCCESS:
        return page, None  # nothing shown (links, hidden notes): the page as it came
    page.close()  # pdfium reads a flattened page's new content only when it is loaded again
    return pdf[index], covers


def page_text(page: Any, *, annotations: list[Any] | None = None) -> str:
    """A page's text layer, one row of the page as read per line: as shown, turned so its letters stand upright.

    pdfium breaks lines along the page's own axes: on a page shown turned by its /Rotate entry (a portrait
    payslip drawn on a landscape page and turned upright, as some payroll exports and scanners make
    them) every row ran into the next as one line, and the labels lost their amounts. Such a page is
    rebuilt from pdfium's text segments, ordered as its letters read (``letters_turn``): upright letters on a page
    shown sideways are read as a person turning the page reads them. So is a page with text hidden
    under an opaque box drawn after it: the text is left out, as a person does not see it. So is a page whose
    annotations were drawn in (``shown_page``, with those that hide text as ``annotations``): pdfium lays what
    they show out after the whole page, away from the captions they stand beside.
    """
    textpage = page.get_textpage()
    hidden = hide_covered_text(page, textpage, annotations or [])
    if hidden:
        # pdfium lays text out in content order: the text written over the box came last, on rows of its own.
        textpage = page.get_textpage()
    turn = letters_turn(textpage)
    if not hidden and turn == 0 and page.get_rotation() % 360 == 0 and annotations is None:
        return without_format_characters(str(textpage.get_text_bounded()))
    segments: list[tuple[float, float, float, str]] = []
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        text = without_format_characters(textpage.get_text_bounded(left, bottom, right, top)).strip()
        if not text:
            continue
        # (down, across) with the letters upright: letters turned a quarter counter-clockwise run up the y axis.
        down, across = {90: (left, bottom), 180: (bottom, -right), 270: (-right, -top)}.get(turn, (-top, left))
        height = right - left if turn in {90, 270} else top - bottom
        segments.append((down, across, height, text))
    rows: list[list[tuple[float, float, float, str]]] = []
    for segment in sorted(segments):
        if rows and segment[0] - rows[-1][0][0] < max(rows[-1][0][2], segment[2]) / 2:
            rows[-1].append(segment)
        else:
            rows.append([segment])
    return "\n".join(
        " ".join(text for _down, _across, _height, text in sorted(row, key=lambda s: s[1])) for row in rows
    )


def letters_turn(textpage: Any) -> int:
    """How far most of a page's letters are turned counter-clockwise on the page's own axes (0, 90, 180 or 270):
    the turn that sets them upright, whatever the page's /Rotate.

    A page's /Rotate turns the letters with it: upright letters on a page shown a quarter turn are read by
    turning the page back, and letters drawn turned on a page whose /Rotate sets them upright are read as
    shown. Laid out by /Rotate alone, the first read each column of the page as a row (round 24).
    """
    import pypdfium2.raw as pdfium_c

    turns: Counter[int] = Counter()
    for index in range(textpage.count_chars()):
        if chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, index)).isspace():
            continue
        clockwise = math.degrees(pdfium_c.FPDFText_GetCharAngle(textpage.raw, index))
        if clockwise >= 0:  # pdfium answers -1 for a character it has no angle for
            turns[round(-clockwise / 90) % 4 * 90] += 1
    return turns.most_common(1)[0][0] if turns else 0


def hide_covered_text(page: Any, textpage: Any, annotations: list[Any]) -> bool:
    """Leave out of the page's text layer what an opaque box drawn later hides (a value whited out and written
    over by a PDF editor: the reader sees the value on top) or what one of ``annotations`` (drawn in by
    ``shown_page``) hides; whether anything was hidden.

    A hidden text object is only made inactive in memory: a text page made afterwards leaves it out.
    """
    import pypdfium2.raw as pdfium_c

    from documents.extraction.forensics import annotation_hidden_texts, hidden_texts

    try:
        hidden = [text.obj for text in hidden_texts(page, textpage)]
        hidden += [obj for obj, _, _ in annotation_hidden_texts(page, textpage, annotations)]
    except Exception:
        return False  # an odd page is read as it always was
    for obj in hidden:
        pdfium_c.FPDFPageObj_SetIsActive(obj.raw, False)
    if hidden:
        textpage.close()
    return bool(hidden)


def check_image_size(width: float, height: float) -> None:
    """Refuse sizes no document has: called before decoding or rendering, and after every resize."""
    if width < 1 or height < 1:
        raise ExtractionFailed("Imagem corrompida ou ilegível: envie o documento outra vez, em PDF, JPEG ou PNG.")
    if max(width, height) > MAX_ASPECT_RATIO * min(width, height):
        raise ExtractionFailed(
            f"Imagem ou página com proporções invulgares (mais de {MAX_ASPECT_RATIO}:1), que não parece um documento: "
            "envie a página inteira."
        )
    if width * height > settings.EXTRACTION_MAX_IMAGE_PIXELS:
        raise ExtractionFailed("Imagem com demasiados píxeis: envie uma imagem mais pequena ou um PDF.")


def render_page(page: Any) -> Any:
    width, height = page.get_size()  # points (1/72 inch)
    scale = settings.EXTRACTION_OCR_DPI / 72
    if width * scale * height * scale > settings.EXTRACTION_MAX_IMAGE_PIXELS:
        scale = (settings.EXTRACTION_MAX_IMAGE_PIXELS / (width * height)) ** 0.5
        if scale < 1:
            raise ExtractionFailed("Página de PDF demasiado grande para ler: envie o documento em tamanho A4.")
    check_image_size(int(width * scale), int(height * scale))
    return page.render(scale=scale, grayscale=True).to_pil()


# A page's pictures printed at this fraction of the reader's resolution or less are rendered at their own too
# (``render_at_its_pictures_resolution``); a picture nearly as sharp gains nothing from another rendering.
PICTURE_RESOLUTION_BELOW = 0.8
# A picture counts for the page's resolution when it covers this fraction of the page: a card's scan does, a logo
# or a signature does not.
PICTURE_MIN_PAGE_FRACTION = 0.1


# A page whose large pictures together cover this fraction of it or more is a scan (a scanner's or a scanning app's
# image-only PDF), read at its pictures' own resolution (``render_scan_or_page``); a card's scan on an A4 page covers
# a tenth of it, and is rendered at the reader's resolution as any other page.
SCAN_MIN_PAGE_FRACTION = 0.6


def large_pictures(page: Any) -> list[tuple[float, float]]:
    """Each picture covering ``PICTURE_MIN_PAGE_FRACTION`` of a PDF page or more: the fraction of the page it covers,
    and its resolution (dpi) measured along the picture's own axes (a scanner's picture may lie turned on its page)."""
    import pypdfium2.raw as pdfium_c

    page_width, page_height = page.get_size()
    found: list[tuple[float, float]] = []
    for picture in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        pixels_across, pixels_down = picture.get_px_size()
        matrix = picture.get_matrix()
        across, down = math.hypot(matrix.a, matrix.b), math.hypot(matrix.c, matrix.d)  # points
        share = across * down / max(1.0, page_width * page_height)
        if share < PICTURE_MIN_PAGE_FRACTION or not pixels_across * pixels_down:
            continue
        found.append((share, min(pixels_across * 72 / across, pixels_down * 72 / down)))
    return found


def pictures_resolution(page: Any) -> float | None:
    """The resolution (dpi) of the sharpest of the pictures that make up a PDF page (``PICTURE_MIN_PAGE_FRACTION``
    of it each); None when no picture is that large."""
    found = large_pictures(page)
    return max(resolution for _, resolution in found) if found else None


def render_scan_or_page(page: Any) -> Any:
    """A PDF page to be OCR'd: a scan (pictures covering ``SCAN_MIN_PAGE_FRACTION`` of it) at its pictures' own
    resolution when that is below the reader's, as the same scan saved as an image is read; any other page at the
    reader's resolution (``render_page``).

    Enlarged by the renderer, a scan's grain and JPEG blocks grow with its letters into blots Tesseract reads as ink:
    a grey 200 dpi scan of a fatura-recibo saved as a PDF, rendered at 300 dpi, read its two boxes of NIF and name as
    one line of noise (lines at 0.2-0.5 confidence, the issuer's NIF and the date lost, 27 s of turns and regions),
    where the same scan as a JPEG, or the PDF rendered at 200 dpi, read every line at 0.8-0.97 in 2-6 s (blind probe
    r78c, F2). A scan smaller than the reader needs is enlarged afterwards as an image is (``prepare_for_ocr``)."""
    found = large_pictures(page)
    if sum(share for share, _ in found) < SCAN_MIN_PAGE_FRACTION:
        return render_page(page)
    resolution = max(resolution for _, resolution in found)
    return render_page(page) if resolution >= settings.EXTRACTION_OCR_DPI else rendered_at(page, resolution)


def rendered_at(page: Any, resolution: float) -> Any:
    """A PDF page rendered in grey at ``resolution`` dpi."""
    width, height = page.get_size()
    scale = resolution / 72
    check_image_size(int(width * scale), int(height * scale))
    return page.render(scale=scale, grayscale=True).to_pil()


def render_at_its_pictures_resolution(page: Any) -> Any | None:
    """A PDF page of pictures (a scan) rendered at its pictures' own resolution, when that is well below the
    reader's (``render_page``); else None.

    Rendered at 300 dpi, a card scanned at 150 dpi is enlarged by the renderer, and Tesseract read the MRZ's glyphs
    of the enlarged picture wrongly where it read them right at the picture's own size (blind probe r63a: both sides
    of a Cartão de Cidadão on one PDF page, its MRZ read "ZZ" as "22" and "87" as "27", flagged invalid, while the
    same sides in a PNG read valid). Another reading for the check digits to choose from, as a small image's own
    size is (``mrz_ocr``)."""
    resolution = pictures_resolution(page)
    if resolution is None or resolution > PICTURE_RESOLUTION_BELOW * settings.EXTRACTION_OCR_DPI:
        return None
    return rendered_at(page, resolution)


def open_image(data: bytes) -> Any:
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:
        raise ExtractionFailed("Imagem com demasiados píxeis: envie uma imagem mais pequena ou um PDF.") from exc
    except (UnidentifiedImageError, OSError) as exc:
        raise ExtractionFailed(
            "Imagem corrompida ou ilegível: envie o documento outra vez, em PDF, JPEG ou PNG."
        ) from exc
    # Checked before decoding: a decompression bomb is small on disk, huge in memory.
    check_image_size(*image.size)
    try:
        image.load()
    except (OSError, Image.DecompressionBombError, SyntaxError, ValueError) as exc:
        raise ExtractionFailed(
            "Imagem corrompida ou ilegível: envie o documento outra vez, em PDF, JPEG ou PNG."
        ) from exc
    return image


def file_pictures(data: bytes, *, picture: Callable[[Any], Any], render: Callable[[Any], Any], pages: int) -> list[Any]:
    """What a file shows, for a pass that looks at pictures: an image (JPEG or PNG) through ``picture``, the first
    ``pages`` pages of a PDF each through ``render``; nothing for any other file."""
    content_type = sniff_content_type(data[:1024])
    if content_type in {"image/jpeg", "image/png"}:
        return [picture(open_image(data))]
    if content_type != "application/pdf":
        return []
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        return [render(pdf[index]) for index in range(min(len(pdf), pages))]
    finally:
        pdf.close()


def prepare_for_ocr(image: Any, *, level: bool = True) -> Any:
    from PIL import Image, ImageOps

    image = ImageOps.exif_transpose(image) or image
    check_image_size(*image.size)
    image = dark_background_inverted(as_grey_on_white(image))
    # Small phone crops read far better upscaled to ~1600 px wide, but never past
    # the pixel cap: a tall narrow image gets a smaller factor.
    if image.width < OCR_UPSCALE_BELOW:
        room = (settings.EXTRACTION_MAX_IMAGE_PIXELS / (image.width * image.height)) ** 0.5
        factor = min(OCR_TARGET_WIDTH / image.width, room)
        if factor > 1:
            size = (max(1, int(image.width * factor)), max(1, int(image.height * factor)))
            check_image_size(*size)
            image = image.resize(size, Image.Resampling.LANCZOS)
    image = smoothed_if_grainy(even_out_light(image))
    return deskew(image) if level else image


# A document photographed on a darker surface (a card on a table): found on the photo shrunk to this many pixels
# wide, where documents are the large regions lighter than Otsu's threshold.
DOCUMENT_PROBE_WIDTH = 160
# The surface shows all round: at most this fraction of the photo's outermost pixels is light...
DOCUMENT_LIGHT_EDGE_FRACTION = 0.1
# ...the document takes at most this fraction of the photo (a page filling the frame is read as it came)...
DOCUMENT_MAX_AREA_FRACTION = 0.8
# ...and is this many grey levels lighter, on average, than the surface around it.
DOCUMENT_MIN_CONTRAST = 60
# Kept around the document's box when cut out: its corners, turned or in perspective, stay in.
DOCUMENT_MARGIN_FRACTION = 0.03


# Light text on a dark background (a phone's dark mode): on the photo shrunk to DOCUMENT_PROBE_WIDTH, the pixels
# lighter than Otsu's threshold are fewer than this fraction, and no region of them is larger than the second
# (letters' strokes, not a card or a page lying on a dark table).
DARK_MODE_LIGHT_FRACTION = 0.3
DARK_MODE_LARGEST_LIGHT_REGION = 0.02
# ...and the light pixels are on average at least this many grey levels lighter than the dark ones: text stands out
# from its background. A blank page's paper grain split at Otsu's threshold is two halves of one grey, 1-2 levels
# apart (blind probe r42a: a blank 150-dpi scan in a PDF, ~244 all over once shrunk, was inverted to a black page
# Tesseract then read for ~45 s at every turn); a dark-mode screenshot's text stands 40-90 levels above its
# background, small grey letters (16 px, level 180) included.
DARK_MODE_MIN_CONTRAST = 16


def dark_background_inverted(image: Any) -> Any:
    """A grayscale screenshot of light text on a dark background, inverted to dark text on light; else as it came.

    Tesseract reads dark text on light paper: a payslip app's dark-mode screenshot was refused as unrecognised
    (round 20). A card or a page photographed on a dark table is one large light region, and is left as it is.
    """
    from PIL import Image, ImageOps

    height = max(1, round(image.height * DOCUMENT_PROBE_WIDTH / image.width))
    probe = image.resize((DOCUMENT_PROBE_WIDTH, height), Image.Resampling.BOX)
    levels, threshold = probe.tobytes(), ink_threshold(probe)
    light = sum(level > threshold for level in levels)
    if not light or light > DARK_MODE_LIGHT_FRACTION * len(levels):
        return image
    light_mean = sum(level for level in levels if level > threshold) / light
    dark_mean = sum(level for level in levels if level <= threshold) / (len(levels) - light)
    if light_mean - dark_mean < DARK_MODE_MIN_CONTRAST:
        return image  # one grey all over (a blank page): no text on it, light or dark
    largest = max(len(region) for region in light_regions(levels, DOCUMENT_PROBE_WIDTH, threshold))
    return ImageOps.invert(image) if largest <= DARK_MODE_LARGEST_LIGHT_REGION * len(levels) else image


# A photo taken in low light is grainy: the mean difference, in grey levels, between its middle (a square this many
# pixels wide at most) and that square's 3x3 median is at least this. Scans and photos in good light measured 0.2-3.8
# (blind probe r38b), its low-light photos 7-10.5 (one at 5.0).
GRAIN_PROBE_SIZE = 400
GRAINY_PHOTO_NOISE = 5.0
# Grain this heavy is smoothed out before reading (``smoothed_if_grainy``): a median blurs as it smooths, and a
# blurred photo with lighter grain (5.0) lost its reading to it.
HEAVY_GRAIN_NOISE = 6.0
# A phone's full-size photo (12 megapixels and up): its surface costs Tesseract more than the document does.
LARGE_PHOTO_PIXELS = 10_000_000


def without_the_surface(image: Any) -> Any:
    """A photo of a document on a darker surface cut down to the document (``document_on_its_own``) where the
    surface costs more than the document: a grainy photo (a card on a table in low light) or a full-size one; any
    other image as it came.

    Tesseract looks for letters in every grain of such a photo's surface: on a 7-megapixel photo of a card on wood
    each pass took 20-40 s, and with the turns tried after a noisy first reading the photo was refused on the time
    limit after 268 s (blind probe r38b). The card alone read in 0.5 s. A photo of LARGE_PHOTO_PIXELS or more is
    cut down too, grainy or not: a phone's 12-megapixel photo of a page on a wooden table took 33-60 s a pass, up to
    the time limit on a busy machine (blind probe r39a). A smaller photo in good light keeps its whole first
    reading: cut out as every photo's first reading, the card cost some of round 19's photos a field or their MRZ's
    check digits.
    """
    from PIL import ImageOps

    grey = as_grey_on_white(ImageOps.exif_transpose(image) or image)
    if grain(grey) < GRAINY_PHOTO_NOISE and grey.width * grey.height < LARGE_PHOTO_PIXELS:
        return image
    cut = document_on_its_own(grey)
    return image if cut is grey else cut


def smoothed_if_grainy(grey: Any) -> Any:
    """A grayscale page with heavy grain (a photo in low light) through a 3x3 median; any other page as it came.

    Tesseract finds letters in the grain: a levelled or turned copy of a card's photo in low light took it 50-60 s,
    to its time limit, against 0.6 s once smoothed (blind probe r38b). Strokes are two pixels wide or more here, as
    in ``even_out_light``, which smooths the page it evens out already."""
    from PIL import ImageFilter

    return grey.filter(ImageFilter.MedianFilter(3)) if grain(grey) >= HEAVY_GRAIN_NOISE else grey


def grain(grey: Any) -> float:
    """The mean difference, in grey levels, between the middle of a grayscale image and its 3x3 median."""
    from PIL import ImageChops, ImageFilter, ImageStat

    half = GRAIN_PROBE_SIZE // 2
    middle = grey.crop(
        (max(0, grey.width // 2 - half), max(0, grey.height // 2 - half),
         min(grey.width, grey.width // 2 + half), min(grey.height, grey.height // 2 + half))
    )  # fmt: skip
    return float(ImageStat.Stat(ImageChops.difference(middle, middle.filter(ImageFilter.MedianFilter(3)))).mean[0])


def document_cut_out(image: Any) -> Any | None:
    """The document of a photo cut out of the darker table it lies on, in grey (``document_on_its_own``); None when
    there is nothing to cut out."""
    from PIL import ImageOps

    grey = as_grey_on_white(ImageOps.exif_transpose(image) or image)
    cut = document_on_its_own(grey)
    return None if cut is grey else cut


def read_cut_out(data: bytes) -> list[Line] | None:
    """An image's document cut out of the surface it lies on (``document_on_its_own``) and read; None for a PDF,
    or a photo with nothing to cut out."""
    from PIL import ImageOps

    if sniff_content_type(data[:1024]) not in {"image/jpeg", "image/png"}:
        return None
    image = open_image(data)
    grey = as_grey_on_white(ImageOps.exif_transpose(image) or image)
    cut = document_on_its_own(grey)
    return None if cut is grey else ocr_page(cut).lines


def read_side_by_side(data: bytes) -> ReadDocument:
    """An image read whole and, when it is a photo of two documents side by side on a darker surface (a card's
    front beside its back), its lines parted into each document's, the left one's first.

    Read as one block, OCR joined the two cards' rows: the back's "Place of birth" caption and value read on the
    front's surname row became the surname, and the front's words joined the back's MRZ lines, so no check digit
    held (doc probe 31). Parted, each card's lines follow one another as a stacked page's do. The words stay the
    ones the whole page was read with: each card read again on its own lost the accents of capitals ("LÓPEZ" read
    "LOPEZ") as often as it gained anything."""
    read = read_document(data)
    # A photo only: a PDF's pages (a scan of both sides on one page included) are not opened as one image.
    if read.method != "ocr" or read.turns != (0,) or sniff_content_type(data[:1024]) not in {"image/jpeg", "image/png"}:
        return read
    from PIL import ImageOps

    image = open_image(data)
    on_a_surface = bool(documents_side_by_side(as_grey_on_white(ImageOps.exif_transpose(image) or image)))
    if not on_a_surface and not an_mrz_beside_other_words(read.lines):
        return read
    parted = lines_parted_at_a_gutter(read.lines)
    return replace(read, lines=parted) if parted is not None else read


# A card's back holds its MRZ on at least two rows (TD1's three, one of which may go unread).
MRZ_ROWS_BESIDE_A_GUTTER = 2


def an_mrz_beside_other_words(lines: list[Line]) -> bool:
    """Whether the page is a card's back beside another document with no darker surface around them (a scan or a
    render on white): rows of an MRZ lie wholly on one side of a gutter no word crosses. On one document the MRZ
    runs across the page, so no gutter crosses the page's middle; beside the front, OCR joined the front's rows to
    the back's, its name to the back's issuer ("AHMED MAHMOUD AIMA, I.P.") and its signature line to the MRZ's
    rows (blind probe r65b: a residence permit and a Cartão de Cidadão, front and back side by side on white)."""
    return mrz_beside_a_gutter(lines) is not None


def mrz_beside_a_gutter(lines: list[Line]) -> tuple[float, bool] | None:
    """The gutter between two documents and whether the MRZ lies left of it (else right); None when no gutter
    parts the page or no MRZ's rows lie wholly on one side of it."""
    gutter = gutter_between_documents(lines)
    if gutter is None:
        return None
    mrz_rows = Counter(
        side
        for line in lines
        if len(line.word_boxes) == len(line.word_confidences)
        for side, indexes in enumerate(words_either_side(line, gutter))
        if indexes and looks_like_mrz(clean_line("".join(line.word_confidences[index][0] for index in indexes)))
    )
    sides = [side for side, count in mrz_rows.items() if count >= MRZ_ROWS_BESIDE_A_GUTTER]
    return (gutter, sides[0] == 0) if len(sides) == 1 else None


# The gap between two documents' words: at least this many of its words' heights wide, no word crossing it.
GUTTER_MIN_WORD_HEIGHTS = 1.5
# Words OCR made of the surface between the documents (a speck read "e"): no word to stop a gutter.
GUTTER_NOISE_CONFIDENCE = 0.3


def lines_parted_at_a_gutter(lines: list[Line]) -> list[Line] | None:
    """The lines parted at the widest vertical gap no word crosses, in the page's middle half: each line's words
    left of it, line by line, then those right of it; None without such a gap (one document, or OCR's boxes
    lost)."""
    gutter = gutter_between_documents(lines)
    if gutter is None or any(len(line.word_boxes) != len(line.word_confidences) for line in lines):
        return None
    left_lines, right_lines = [], []
    for line in lines:
        left, right = words_either_side(line, gutter)
        left_lines.append(line_of(line, left))
        right_lines.append(line_of(line, right))
    return [line for line in [*left_lines, *right_lines] if line is not None]


def words_either_side(line: Line, gutter: float) -> tuple[list[int], list[int]]:
    """The indexes of a line's words left of the gutter and of those right of it (by each word's middle)."""
    sides = [box[0] + box[2] / 2 < gutter for box in line.word_boxes]
    return [index for index, left in enumerate(sides) if left], [index for index, left in enumerate(sides) if not left]


def gutter_between_documents(lines: list[Line]) -> float | None:
    """The middle of the widest vertical gap no word crosses in the page's middle half, at least
    ``GUTTER_MIN_WORD_HEIGHTS`` wide; None without one."""
    words = [
        (word, box)
        for line in lines
        if len(line.word_boxes) == len(line.word_confidences)
        for word, box in zip(line.word_confidences, line.word_boxes, strict=True)
    ]
    solid = [box for (text, confidence), box in words if confidence >= GUTTER_NOISE_CONFIDENCE or len(text) > 2]
    if not solid:
        return None
    page_left, page_right = min(box[0] for box in solid), max(box[0] + box[2] for box in solid)
    covered = bytearray(page_right - page_left + 1)
    for left, _, width, _ in solid:
        covered[left - page_left : left - page_left + width] = b"\x01" * width
    middle = range(len(covered) // 4, 3 * len(covered) // 4)
    gaps = [(start, stop) for start, stop in runs_of_zeros(covered) if start in middle or stop in middle]
    if not gaps:
        return None
    start, stop = max(gaps, key=lambda gap: gap[1] - gap[0])
    heights = sorted(box[3] for box in solid)
    if stop - start < GUTTER_MIN_WORD_HEIGHTS * heights[len(heights) // 2]:
        return None
    return page_left + (start + stop) / 2


def runs_of_zeros(values: bytearray) -> list[tuple[int, int]]:
    """The (start, stop) of each run of zeros."""
    return [match.span() for match in re.finditer(rb"\x00+", bytes(values))]


def line_of(line: Line, indexes: list[int]) -> Line | None:
    """The line made of some of ``line``'s words; None for none."""
    if not indexes:
        return None
    words = [line.word_confidences[index] for index in indexes]
    return Line(
        text=" ".join(word for word, _ in words),
        confidence=sum(confidence for _, confidence in words) / len(words),
        word_confidences=words,
        word_boxes=[line.word_boxes[index] for index in indexes],
    )


# Two documents lie side by side when their rows overlap by at least this fraction of the shorter one's height.
SIDE_BY_SIDE_ROW_OVERLAP = 0.5


def documents_side_by_side(image: Any) -> list[tuple[int, int, int, int]]:
    """The boxes (left, top, right, bottom) of exactly two documents lying side by side on a darker surface, left
    first; [] for one document, for more, or for two one above the other (read well as they are)."""
    found = document_region(image)
    if found is None:
        return []
    region, (width, _) = found
    parts = light_regions_of(region, width)
    if len(parts) != 2:
        return []
    bounds = sorted(
        (min(xs), min(ys), max(xs) + 1, max(ys) + 1)
        for xs, ys in (([index % width for index in part], [index // width for index in part]) for part in parts)
    )
    (_, top, right, bottom), (next_left, next_top, _, next_bottom) = bounds
    shared_rows = min(bottom, next_bottom) - max(top, next_top)
    if right > next_left or shared_rows < SIDE_BY_SIDE_ROW_OVERLAP * min(bottom - top, next_bottom - next_top):
        return []
    scale = image.width / width
    margin = DOCUMENT_MARGIN_FRACTION * image.width
    return [
        (
            max(0, int(left * scale - margin)),
            max(0, int(top * scale - margin)),
            min(image.width, int(right * scale + margin)),
            min(image.height, int(bottom * scale + margin)),
        )
        for left, top, right, bottom in bounds
    ]


def document_on_its_own(image: Any) -> Any:
    """A grayscale photo cut down to the documents in it, when they lie on a darker surface that shows all round.

    A card photographed on a table takes half the photo or less: its small print (a CC back's NIF under its
    caption) was a few pixels high, too small for Tesseract, and the photo, wide enough, was not enlarged. Cut
    out, the card is enlarged like any small image. A page that fills the frame, or in a shadow that reaches the
    photo's edge, is left whole: the surface must show all round the document, and be clearly darker. Two cards
    side by side (a front and a back) are cut out together: every light region at least half the largest's size.

    Used for a second look only (``local.nif_from_the_card_cut_out``): as every photo's first reading, three of
    round 19's photos on a table lost a field or their MRZ's check digits to it.
    """
    found = document_region(image)
    if found is None:
        return image
    region, (width, _) = found
    xs, ys = [index % width for index in region], [index // width for index in region]
    scale = image.width / width
    margin = DOCUMENT_MARGIN_FRACTION * image.width
    box = (
        max(0, int(min(xs) * scale - margin)),
        max(0, int(min(ys) * scale - margin)),
        min(image.width, int((max(xs) + 1) * scale + margin)),
        min(image.height, int((max(ys) + 1) * scale + margin)),
    )
    return image.crop(box)


def document_region(image: Any) -> tuple[list[int], tuple[int, int]] | None:
    """The documents' pixels on the grayscale photo shrunk to ``DOCUMENT_PROBE_WIDTH`` (their indexes, and the
    shrunk photo's size), when they lie on a darker surface that shows all round (see ``document_on_its_own``);
    None otherwise."""
    from PIL import Image

    height = max(1, round(image.height * DOCUMENT_PROBE_WIDTH / image.width))
    probe = image.resize((DOCUMENT_PROBE_WIDTH, height), Image.Resampling.BOX)
    levels = probe.tobytes()
    threshold = ink_threshold(probe)
    width = probe.width
    edge = [index for index in range(len(levels)) if index < width or index >= len(levels) - width
            or index % width in {0, width - 1}]  # fmt: skip
    if sum(levels[index] > threshold for index in edge) > DOCUMENT_LIGHT_EDGE_FRACTION * len(edge):
        return None
    region = [index for found in light_regions(levels, width, threshold) for index in found]
    if not region or len(region) > DOCUMENT_MAX_AREA_FRACTION * len(levels):
        return None
    surface = sum(levels[index] for index in edge) / len(edge)
    if sum(levels[index] for index in region) / len(region) - surface < DOCUMENT_MIN_CONTRAST:
        return None
    return region, probe.size


def surface_whitened(image: Any) -> Any | None:
    """A grayscale photo of documents on a darker surface with the surface painted white, the documents where
    they lie; None when no document stands out (``document_region``).

    A patterned surface (a striped cloth, wood grain) is ink to the levelling: its stripes, long and straight,
    outweighed a card's print turned 5 degrees on it, and the card's MRZ was read unlevelled and failed (round
    29). With the surface gone only the documents' print is levelled by."""
    from PIL import Image, ImageDraw, ImageFilter

    found = document_region(image)
    if found is None:
        return None
    region, size = found
    width = size[0]
    mask = Image.new("L", size, 0)
    draw = ImageDraw.Draw(mask)
    # A card or a page is convex: each light region's hull is the document, its print (darker than its paper,
    # an MRZ's large letters, a shaded corner) holes in the region that belong to it (doc probe 30B).
    for found_region in light_regions_of(region, width):
        hull = convex_hull([(index % width, index // width) for index in found_region])
        if len(hull) >= 3:
            draw.polygon(hull, fill=255)
    # Drawn in from the documents' edges, which are the surface's shadow as often as the paper's.
    mask = mask.filter(ImageFilter.MinFilter(3))
    mask = mask.resize(image.size, Image.Resampling.BILINEAR).point(lambda level: 255 if level > 128 else 0)
    return Image.composite(image, Image.new("L", image.size, 255), mask)


def light_regions_of(region: list[int], width: int) -> list[list[int]]:
    """``document_region``'s pixels parted again into their 4-connected regions (each document on its own)."""
    levels = bytearray(max(region) + width + 1)
    for index in region:
        levels[index] = 255
    return light_regions(bytes(levels), width, 0)


def convex_hull(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The points' convex hull, counter-clockwise (Andrew's monotone chain)."""
    ordered = sorted(set(points))
    if len(ordered) < 3:
        return ordered

    def turn(o: tuple[int, int], a: tuple[int, int], b: tuple[int, int]) -> int:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    def half(sequence: list[tuple[int, int]]) -> list[tuple[int, int]]:
        chain: list[tuple[int, int]] = []
        for point in sequence:
            while len(chain) >= 2 and turn(chain[-2], chain[-1], point) <= 0:
                chain.pop()
            chain.append(point)
        return chain

    lower, upper = half(ordered), half(list(reversed(ordered)))
    return lower[:-1] + upper[:-1]


# A light region at least this fraction of the largest's size is a document too (a card's other side beside it).
DOCUMENT_REGION_FRACTION = 0.5


def light_regions(levels: bytes, width: int, threshold: int) -> list[list[int]]:
    """The pixel indexes of the 4-connected regions of pixels lighter than ``threshold`` at least
    ``DOCUMENT_REGION_FRACTION`` of the largest's size."""
    seen = bytearray(len(levels))
    regions: list[list[int]] = []
    for start in range(len(levels)):
        if seen[start] or levels[start] <= threshold:
            continue
        seen[start] = 1
        region, queue = [], [start]
        while queue:
            index = queue.pop()
            region.append(index)
            x = index % width
            for neighbour in (index - width, index + width, index - 1 if x else -1, index + 1 if x + 1 < width else -1):
                if 0 <= neighbour < len(levels) and not seen[neighbour] and levels[neighbour] > threshold:
                    seen[neighbour] = 1
                    queue.append(neighbour)
        regions.append(region)
    largest = max((len(region) for region in regions), default=0)
    return [region for region in regions if len(region) >= DOCUMENT_REGION_FRACTION * largest]


def as_grey_on_white(image: Any) -> Any:
    """8-bit grey as a viewer shows the image: transparency over white paper, 16-bit grey scaled down.

    ``convert("L")`` drops the alpha channel and keeps the colour under it, black in most exports: a page
    or card cut out on a transparent background (a PNG from a PDF export, a phone's "lift subject")
    became black ink on black, read as illegible. It clips 16-bit grey at 255 instead of scaling it:
    all but the darkest ink turned white.
    """
    from PIL import Image

    if image.mode in {"I;16", "I;16L", "I;16B", "I;16N", "I"}:
        top = 65535 if image.mode.startswith("I;16") else max(1, image.getextrema()[1])
        return image.convert("I").point(lambda value: value * (255 / top)).convert("L")
    if "A" in image.getbands() or "transparency" in image.info:
        rgba = image.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(paper, rgba).convert("L")
    return image.convert("L")


def ink_threshold(image: Any) -> int:
    """Otsu's threshold of a grayscale image: the grey level best separating ink from paper."""
    histogram = image.histogram()[:256]
    total = sum(histogram)
    weighted_total = sum(level * count for level, count in enumerate(histogram))
    best, threshold = -1.0, 128
    below = weighted_below = 0
    for level, count in enumerate(histogram):
        below += count
        weighted_below += level * count
        above = total - below
        if below == 0 or above == 0:
            continue
        mean_below = weighted_below / below
        mean_above = (weighted_total - weighted_below) / above
        spread = below * above * (mean_below - mean_above) ** 2
        if spread > best:
            best, threshold = spread, level
    return threshold


def even_out_light(image: Any) -> Any:
    """A grayscale page with the light that fell on it evened out, when a shadow darkened part of its paper.

    A phone photo's paper is white in the light and grey in the hand's or the phone's shadow: one threshold over
    the whole page (Tesseract's, and this module's for rules and leaders) made the shaded paper solid ink, and
    the words on it were lost (a pension statement's captions read as noise, the document then refused as
    unrecognised). Each pixel is divided by the paper's brightness around it, the brightest level near it once
    the letters are left out, and the specks a shadow's lifting darkens are then taken out by a 3 x 3 median
    (strokes are two pixels wide or more: pages reach here at least OCR_UPSCALE_BELOW pixels wide). Done only
    where it matters: when the evened page has far less ink than the page as it came, by the same threshold, or
    when the whole page was photographed in low light (``in_low_light``: its paper grey all over, brought back to
    white). The page itself otherwise (a page in even light, or on a dark table, which stays as dark once evened).
    """
    from PIL import Image, ImageFilter

    reduced = image.resize(
        (max(1, image.width // LIGHT_PROBE_REDUCTION), max(1, image.height // LIGHT_PROBE_REDUCTION)),
        Image.Resampling.BOX,
    )
    paper = paper_light(reduced)
    if (
        not in_low_light(reduced)
        and ink_fraction(reduced) - ink_fraction(divided(reduced, paper)) < LIGHT_SHADED_INK_FRACTION
    ):
        return image
    evened = divided(image, paper.resize(image.size, Image.Resampling.BILINEAR))
    return evened.filter(ImageFilter.MedianFilter(3))


def in_low_light(image: Any) -> bool:
    """Whether a grayscale page's paper is dim all over: its lightest pixels (``DIM_PAPER_LIGHTEST_FRACTION`` of
    them) no lighter than ``DIM_PAPER_LEVEL``."""
    level = lightest_level(image, DIM_PAPER_LIGHTEST_FRACTION)
    return level is not None and level < DIM_PAPER_LEVEL


def paper_light(image: Any) -> Any:
    """The paper's brightness across a grayscale image, never 0: the letters closed over (the brightest level
    within a window far wider than a letter, then the darkest within it, so a shadow's edge stays where it is),
    smoothed."""
    from PIL import ImageChops, ImageFilter

    window = max(3, int(image.width * LIGHT_WINDOW_FRACTION)) | 1

    def brightest(levels: Any) -> Any:
        rows = ink_runs(levels, window, along_rows=True, grow=True, centred=True)
        return ink_runs(rows, window, along_rows=False, grow=True, centred=True)

    # The darkest level is the brightest of the inverted image: the black ink_runs fills in past the edges
    # then stands for white paper, which leaves the minimum alone.
    paper = ImageChops.invert(brightest(ImageChops.invert(brightest(image))))
    return paper.filter(ImageFilter.BoxBlur(window // 4)).point(lambda level: max(level, 1))


def divided(image: Any, paper: Any) -> Any:
    """Each pixel of ``image`` as a fraction of the ``paper``'s light at it (same size), 255 for paper's white."""
    from PIL import ImageMath

    return ImageMath.lambda_eval(
        lambda ops: ops["convert"](ops["min"](ops["page"] * 255 / ops["paper"], 255), "L"), page=image, paper=paper
    )


def ink_fraction(image: Any) -> float:
    """The fraction of a grayscale image's pixels at or below its ink threshold."""
    histogram = image.histogram()[:256]
    return sum(histogram[: ink_threshold(image) + 1]) / max(1, sum(histogram))


def skew_angle(image: Any) -> float:
    """The rotation (degrees, counter-clockwise) that levels the text lines of a grayscale image; 0.0 if unsure.

    Projection profiles: rotated to the right angle, text lines give rows full of ink between
    empty rows, so the row sums change most sharply from one row to the next.
    """
    from PIL import Image

    probe = image
    if image.width > SKEW_PROBE_WIDTH:
        factor = SKEW_PROBE_WIDTH / image.width
        probe = image.resize((SKEW_PROBE_WIDTH, max(1, int(image.height * factor))), Image.Resampling.BOX)
    threshold = ink_threshold(probe)
    ink = probe.point(lambda level: 255 if level <= threshold else 0)
    angle, lines = levelling_rotation(ink)
    if angle and lines < SKEW_MIN_LINES:
        # The surface beside a photographed page (a table, darker than the paper, so ink here) inks every row, and
        # its edges pull the angle to their own: a phone photo of a payslip on a table, tilted 2 degrees, had no
        # empty row, was never levelled, and its ruled table was lost (blind probe r46a). The middle half of the
        # photo's width, where a page's lines run and the surface does not, is measured instead.
        angle, lines = levelling_rotation(ink.crop((ink.width // 4, 0, ink.width - ink.width // 4, ink.height)))
    return angle if lines >= SKEW_MIN_LINES else 0.0


def levelling_rotation(ink: Any) -> tuple[float, int]:
    """The rotation (degrees, counter-clockwise) whose row profile of an ink image is sharpest, 0.0 when none is
    clearly sharper than none; and the bands of ink between empty rows it leaves (text lines, levelled)."""
    from PIL import Image

    def profile(angle: float) -> list[int]:
        rotated = ink.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=0)
        return list(rotated.resize((1, rotated.height), Image.Resampling.BOX).tobytes())

    def sharpness(angle: float) -> float:
        return float(sum((after - before) ** 2 for before, after in itertools.pairwise(profile(angle))))

    # Whole degrees first, then halves and tenths around the best: a probe's text lines stay sharp
    # over about a degree (a line's height across the probe's width), so no peak falls between two
    # whole degrees, and the wide range costs a third of the rotations half degrees would.
    scores = {0.0: sharpness(0.0)}

    def refined(around: float, step: float, reach: int) -> float:
        for index in range(-reach, reach + 1):
            angle = round(around + index * step, 1)
            if abs(angle) <= SKEW_MAX_DEGREES:
                scores.setdefault(angle, sharpness(angle))
        return max(scores, key=lambda angle: scores[angle])

    coarse = refined(0.0, 1.0, int(SKEW_MAX_DEGREES))
    coarse = refined(coarse, 0.5, 1)
    refined(coarse, 0.1, 4)
    best = max(scores, key=lambda angle: scores[angle])
    # A page without lines of text (a photo, a blank) has no clear best angle: leave it.
    if scores[0.0] <= 0 or scores[best] < 1.05 * scores[0.0]:
        return 0.0, 0
    # Lines of text, levelled, are bands of ink between empty rows; one blob (a photo, a stamp) is not.
    rows = profile(best)
    return best, sum(1 for before, after in itertools.pairwise(rows) if before == 0 and after > 0)


def deskew(image: Any, *, angle: float | None = None) -> Any:
    """A grayscale image rotated so its text lines are level (a tilted phone photo or scan): by ``angle`` when it
    was measured already."""
    from PIL import Image

    angle = skew_angle(image) if angle is None else angle
    if abs(angle) < SKEW_MIN_DEGREES:
        return image
    paper = ink_threshold(image)
    fill = max(paper, 255 - (255 - paper) // 4)
    rotated = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=fill)
    if rotated.width * rotated.height > settings.EXTRACTION_MAX_IMAGE_PIXELS:
        rotated = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=fill)
    check_image_size(*rotated.size)
    return rotated


# A page read as it came with at least this mean word confidence is kept as read; below it the
# levelled page is read too and the more confident reading wins. Levelling a page Tesseract already
# reads well only adds resampling noise (a scan's digits came back changed), while a tilted phone
# photo reads far better level.
OCR_CONFIDENT = 0.85


# A page a quarter or half turn off reads as noise whose words' mean confidence stays near 0.5 (0.23-0.60
# measured on payslip scans and CC photos at 90, 180 and 270 degrees, against 0.91-0.95 upright): below
# this, the other three quarter turns are tried.
OCR_TURNED_BELOW = 0.7
# A turned page of text still reads as words (59-131 of them on those pages); a blank one or a photo with
# a few words on it is not worth three more readings.
TURN_MIN_WORDS = 10
# A turn is kept only when it reads this much more confidently than the page as it came: a poor photo
# read upright must not give way to a sideways reading of the same noise.
TURN_MARGIN = 0.15
# Tesseract's orientation confidence on turned text pages was 8-9; below this its guess is not used to
# choose which turn to try first.
OSD_MIN_CONFIDENCE = 2.0


@dataclass
class OcrPage:
    lines: list[Line]
    turn: int  # degrees counter-clockwise the page was turned before it read best; 0 as it came


def ocr_image(image: Any) -> list[Line]:
    return ocr_page(image).lines


def ocr_page(image: Any) -> OcrPage:
    prepared = prepare_for_ocr(image, level=False)
    if blank_page(prepared):
        return OcrPage([], 0)
    lines, page = levelled_page_reading(prepared)
    words = sum(len(line.word_confidences) for line in lines)
    if words >= TURN_MIN_WORDS and mean_word_confidence(lines) < OCR_TURNED_BELOW:
        lines = text_region_reading(page, lines) or lines
    if words >= TURN_MIN_WORDS and mean_word_confidence(lines) < OCR_TURNED_BELOW:
        # Still noise once levelled: a page scanned or photographed sideways or upside down, with no EXIF
        # tag to say so. (Tried after levelling: a tilted photo reads well levelled, and trying turns
        # first cost each one four more readings.) A photo of a document on a darker table is turned as the
        # document cut out (``document_on_its_own``): a 12-megapixel photo of a page lying sideways took 20-50 s a
        # turn and read no turn well, its cut-out page 1-2 s and 0.95 upright (blind probe r39a).
        whole = lines
        cut = document_cut_out(image)
        if cut is not None:
            prepared = prepare_for_ocr(cut, level=False)
            lines = levelled_reading(prepared)
        # The cut-out is read all the same: only the turns are spared a page whose MRZ read upright.
        upright = mrz_read_upright(whole) or mrz_read_upright(lines)
        lines, turn = (lines, 0) if upright else upright_reading(prepared, lines)
        if cut is not None and mean_word_confidence(whole) >= mean_word_confidence(lines):
            return OcrPage(whole, 0)
        return OcrPage(lines, turn)
    return OcrPage(lines, 0)


def mrz_read_upright(lines: list[Line]) -> bool:
    """Whether two lines in a row read as an MRZ's (long runs of capitals, digits and fillers): the page stands
    upright, however poorly the rest of it read, as no page turned a quarter or a half reads so.

    A card's back scanned as a PDF's page (blind probe r63a: a Cartão de Cidadão's back, page 2 of a scan) read its
    NIF and its three MRZ lines upright at a mean confidence of 0.38, its guilloche's waves counting as words; turned
    a quarter, the same waves read as 94 words of noise at 0.62, and that reading was kept: the back was lost, the
    card read as its front alone. Its MRZ lines are the page's own word that it stands upright."""
    return any(
        looks_like_mrz(clean_line(first.text)) and looks_like_mrz(clean_line(second.text))
        for first, second in itertools.pairwise(lines)
    )


# A page with no ink: its darkest pixels (this fraction of them, past a few specks) are no darker than this grey.
# Faint print, the faintest the probes sent, reaches 130-140 there; a scanned blank back page 206.
BLANK_PAGE_DARKEST_FRACTION = 0.0005
BLANK_PAGE_DARKEST_LEVEL = 180


def blank_page(prepared: Any) -> bool:
    """Whether a grayscale page holds no ink at all (a scanned blank back page).

    Tesseract looks for letters in the paper's grain of such a page and finds none, slowly, at every turn and
    level it is tried: 210 s of CPU for one page (round 20), a payslip with its blank back refused on the time
    limit when the machine was busy.
    """
    histogram = prepared.histogram()[:256]
    darkest = BLANK_PAGE_DARKEST_FRACTION * sum(histogram)
    seen = 0
    for level, count in enumerate(histogram):
        seen += count
        if seen > darkest:
            return level >= BLANK_PAGE_DARKEST_LEVEL
    return True


def levelled_reading(prepared: Any) -> list[Line]:
    """The page read as it is and, unless that reads confidently, levelled: the better of the two."""
    return levelled_page_reading(prepared)[0]


def levelled_page_reading(prepared: Any) -> tuple[list[Line], Any]:
    """``levelled_reading``'s lines, and the image they were read on (their words' boxes are on it)."""
    lines = ocr_prepared(prepared)
    if mean_word_confidence(lines) >= OCR_CONFIDENT:
        levelled = levelled_for_its_rules(prepared, lines)
        if levelled is None:
            return lines, prepared
        # Read confidently, but not the ruled table: kept as read unless the levelled page reads more words as well.
        second = ocr_prepared(levelled)
        more = sum(len(line.word_confidences) for line in second) > sum(len(line.word_confidences) for line in lines)
        return (second, levelled) if more and mean_word_confidence(second) >= OCR_CONFIDENT else (lines, prepared)
    levelled = deskew(prepared)
    if levelled is prepared:
        return lines, prepared
    second = ocr_prepared(levelled)
    return (second, levelled) if mean_word_confidence(second) > mean_word_confidence(lines) else (lines, prepared)


# A ruled table's rows read again levelled: at least this many of them, holding print, none of whose words the
# first reading found (a tilted scan's table read whole was not worth a second reading, and read again it lost a
# name elsewhere on the page: blind probe r46a, in05).
TABLE_MIN_LOST_ROWS = 2
# A row holds print when this fraction of its pixels is ink once its rules are painted out (a few letters are
# 1-3 %, a rule's end left by the perspective a tenth of that).
TABLE_ROW_MIN_INK = 0.005


def levelled_for_its_rules(prepared: Any, lines: list[Line]) -> Any | None:
    """The page levelled when it is tilted and its ruled table's rows hold print the first reading (``lines``, read
    on ``prepared``) has no word of; else None.

    A tilted photo of a ruled table (a spreadsheet's payslip) read confidently, every line but the table's: with
    ``--psm 6`` Tesseract drops the ruled cells, and ``erase_rules`` leaves a tilted page's rules alone (a rule
    tilted 2 degrees has no straight stretch an eighth of the page long), so the payslip's amounts were lost and it
    was refused (blind probe r46a). Levelled, the rules are straight and go. Only such a page pays a second
    reading: the others cost a tilt's measure, a tilted one a rotation and a look for rules.
    """
    tilt = reading_tilt(lines, prepared.width)
    if tilt is not None and abs(tilt) < READ_LEVEL_DEGREES:
        # The first reading's own lines run level: no tilt keeps the rules from being erased, and measuring it
        # again (a third of a card's reading) would be paid by every level page.
        return None
    angle = skew_angle(prepared)
    if abs(angle) < SKEW_MIN_DEGREES:
        return None
    # The table's rows are looked for on the page at a reduced size: levelling the whole page cost every tilted page
    # read confidently 0.1 s (the benchmark's scanned payslips, none read again, 0.38 → 0.55 s each); only a page
    # whose rows were lost is levelled whole, to be read again.
    small = prepared.reduce(TABLE_PROBE_REDUCTION) if prepared.width >= TABLE_PROBE_MIN_WIDTH else prepared
    scale = small.width / prepared.width
    levelled = deskew(small, angle=angle)
    if levelled is small:
        return None
    turn = math.radians(angle)
    centre, levelled_centre = (small.width / 2, small.height / 2), (levelled.width / 2, levelled.height / 2)
    words = []
    for line in lines:
        for left, top, width, height in line.word_boxes:
            # The word's centre where the rotation about the page's centre takes it (PIL turns counter-clockwise).
            x, y = (left + width / 2) * scale - centre[0], (top + height / 2) * scale - centre[1]
            words.append(
                (
                    x * math.cos(turn) + y * math.sin(turn) + levelled_centre[0],
                    -x * math.sin(turn) + y * math.cos(turn) + levelled_centre[1],
                )
            )
    lost = [
        (left, top, right, bottom)
        for left, top, right, bottom in table_rows(levelled)
        if not any(left <= x <= right and top <= y <= bottom for x, y in words)
    ]
    return deskew(prepared, angle=angle) if len(lost) >= TABLE_MIN_LOST_ROWS else None


# The reduction the table's rows are looked for at, on pages at least this wide (a page prepared for OCR is
# 1,600-2,500 px wide; its rules and rows keep their shape at half that).
TABLE_PROBE_REDUCTION = 2
TABLE_PROBE_MIN_WIDTH = 1200


# A reading whose long lines rise or fall less than this is level for ``erase_rules`` (a rule drifting a pixel in
# a hundred stays within its thickness over a stretch an eighth of the page long).
READ_LEVEL_DEGREES = 0.6
# A line long enough to show a tilt: this many words over this fraction of the page's width.
TILT_LINE_MIN_WORDS = 3
TILT_LINE_MIN_SPAN = 0.25


def reading_tilt(lines: list[Line], width: int) -> float | None:
    """The median tilt (degrees) of a reading's long lines, by their words' centres (a least-squares slope); None
    with fewer than two such lines."""
    tilts = []
    for line in lines:
        centres = [(left + box_width / 2, top + height / 2) for left, top, box_width, height in line.word_boxes]
        xs = [x for x, _ in centres]
        if len(centres) < TILT_LINE_MIN_WORDS or max(xs) - min(xs) < TILT_LINE_MIN_SPAN * width:
            continue
        mean_x, mean_y = sum(xs) / len(xs), sum(y for _, y in centres) / len(centres)
        spread = sum((x - mean_x) ** 2 for x in xs)
        slope = sum((x - mean_x) * (y - mean_y) for x, y in centres) / spread
        tilts.append(math.degrees(math.atan(slope)))
    return statistics.median(tilts) if len(tilts) >= 2 else None


def table_rows(image: Any) -> list[tuple[int, int, int, int]]:
    """The boxes between two rules across a grayscale page, one above the other, that hold print."""
    from PIL import Image

    threshold = ink_threshold(image)
    ink = image.point(lambda level: 255 if level <= threshold else 0)
    thickness = max(RULE_MAX_THICKNESS, int(ink.width * RULE_MAX_THICKNESS_FRACTION))
    mask = rule_mask(ink, int(ink.width * RULE_MIN_WIDTH_FRACTION), thickness, along_rows=True)
    if mask is None:
        return []
    profile = mask.resize((1, mask.height), Image.Resampling.BOX).tobytes()
    rules = []
    top = None
    for y, value in enumerate([*profile, 0]):
        if value and top is None:
            top = y
        elif not value and top is not None:
            box = mask.crop((0, top, mask.width, y)).getbbox()
            if box:
                rules.append((box[0], top, box[2], y))
            top = None
    cleaned = erase_rules(image)
    cleaned_ink = cleaned.point(lambda level: 255 if level <= threshold else 0)
    rows = []
    for above, below in itertools.pairwise(rules):
        # The print between the two rules, clear of their ends and edges.
        box = (max(above[0], below[0]) + thickness, above[3] + 1, min(above[2], below[2]) - thickness, below[1] - 1)
        if box[2] - box[0] < thickness or box[3] - box[1] < thickness:
            continue
        inked = cleaned_ink.crop(box).histogram()[255]
        if inked >= TABLE_ROW_MIN_INK * (box[2] - box[0]) * (box[3] - box[1]):
            rows.append(box)
    return rows


# A photo's text region: the box of the words OCR read with at least this confidence (words of three letters or
# digits or more), at least this many of them, taking at most this fraction of the page; read again with this
# fraction of the page's width around it.
TEXT_REGION_WORD_CONFIDENCE = 0.85
TEXT_REGION_MIN_WORDS = 8
TEXT_REGION_MAX_AREA = 0.7
TEXT_REGION_MARGIN = 0.03
# A word with this many digits or more is a figure of the page's, whatever its confidence.
TEXT_REGION_FIGURE_DIGITS = 5
# The text region's reading replaces the page's when it is this much more confident: a poor scan read within its
# words' box read about as poorly (0.55 against 0.53), and lost its date below the box (blind probe r33a's files).
TEXT_REGION_GAIN = 0.15


def text_region_reading(page: Any, lines: list[Line]) -> list[Line] | None:
    """A page that read poorly read again within the box of the words it read well; None when that box is most of
    the page, too few words read well, or the second reading is not clearly more confident.

    A page photographed on a patterned table (a checked cloth, marble, a carpet) is read across the pattern as one
    block of text: every line gets the pattern's noise beside the page's words, and a sharp photo of a declaration
    was refused as illegible (blind probe r39a: mean word confidence 0.35, 0.91 within its words' box). Unlike
    ``document_on_its_own``, this does not need the table darker than the page all round.
    """
    region = text_region(lines, page.width, page.height)
    if region is None:
        return None
    again = levelled_reading(even_out_light(page.crop(region)))
    return again if mean_word_confidence(again) >= mean_word_confidence(lines) + TEXT_REGION_GAIN else None


def text_region(lines: list[Line], width: int, height: int) -> tuple[int, int, int, int] | None:
    """The box (left, top, right, bottom) of a page's words read well and of its long figures, with a margin; None
    when too few words read well or the box takes most of the page."""
    words = [
        (word, confidence, box)
        for line in lines
        if len(line.word_boxes) == len(line.word_confidences)
        for (word, confidence), box in zip(line.word_confidences, line.word_boxes, strict=True)
    ]
    confident = [
        box
        for word, confidence, box in words
        if confidence >= TEXT_REGION_WORD_CONFIDENCE and sum(char.isalnum() for char in word) >= 3
    ]
    if len(confident) < TEXT_REGION_MIN_WORDS:
        return None
    # A long number read poorly is still the page's (a NIF at a row's end), never a pattern's noise: kept in.
    figures = [box for word, _, box in words if sum(char.isdigit() for char in word) >= TEXT_REGION_FIGURE_DIGITS]
    boxes = confident + figures
    margin = int(TEXT_REGION_MARGIN * width)
    region = (
        max(0, min(left for left, _, _, _ in boxes) - margin),
        max(0, min(top for _, top, _, _ in boxes) - margin),
        min(width, max(left + box_width for left, _, box_width, _ in boxes) + margin),
        min(height, max(top + box_height for _, top, _, box_height in boxes) + margin),
    )
    if (region[2] - region[0]) * (region[3] - region[1]) > TEXT_REGION_MAX_AREA * width * height:
        return None
    return region


def upright_reading(prepared: Any, lines: list[Line]) -> tuple[list[Line], int]:
    """The page's reading and its turn: as it came, or turned a quarter, half or three quarters.

    Tesseract's orientation detection says which turn to try first; it is right on pages of text and
    can be wrong on a card whose MRZ dominates it (a CC back read as upside down, in Bengali), so the
    reading's confidence decides, and the other turns are tried until one reads confidently.
    """
    upright = mean_word_confidence(lines)
    best: tuple[list[Line], int] = (lines, 0)
    best_confidence = upright
    suggested = suggested_turn(prepared)
    for degrees in [suggested] * bool(suggested) + [turn for turn in (90, 180, 270) if turn != suggested]:
        turned_lines = levelled_reading(turn_page(prepared, degrees))
        confidence = mean_word_confidence(turned_lines)
        if confidence > best_confidence and confidence >= upright + TURN_MARGIN:
            best, best_confidence = (turned_lines, degrees), confidence
        if best_confidence >= OCR_CONFIDENT:
            break
    return best


def turn_page(image: Any, degrees: int) -> Any:
    """``image`` turned ``degrees`` counter-clockwise (a multiple of 90: no resampling, no size check)."""
    return image.rotate(degrees, expand=True) if degrees % 360 else image


def suggested_turn(prepared: Any) -> int:
    """The quarter turn (degrees counter-clockwise) Tesseract's orientation detection says brings the page
    upright; 0 when it finds it upright, is unsure, or cannot tell (too little text)."""
    with tempfile.NamedTemporaryFile(suffix=".bmp") as handle:
        prepared.save(handle, format="BMP")
        handle.flush()
        try:
            # The orientation model, not "por": with "por" loaded, --psm 0 answered "Rotate: 90" for every turn.
            report = tesseract_text(handle.name, options=("--psm", "0"), language="osd")
        except OcrRefused:
            return 0
    rotate = re.search(r"^Rotate:\s*(\d+)", report, re.MULTILINE)
    confidence = re.search(r"^Orientation confidence:\s*([\d.]+)", report, re.MULTILINE)
    if not rotate or not confidence or float(confidence.group(1)) < OSD_MIN_CONFIDENCE:
        return 0
    # Tesseract's "Rotate" is clockwise; PIL turns counter-clockwise.
    return (360 - int(rotate.group(1))) % 360


def ocr_prepared(prepared: Any) -> list[Line]:
    # An uncompressed BMP hands the pixels over in ~1 ms; a PNG costs ~20 ms
    # per page to encode.
    with tempfile.NamedTemporaryFile(suffix=".bmp") as handle:
        erase_leaders(erase_rules(prepared)).save(handle, format="BMP")
        handle.flush()
        data = tesseract_data(handle.name)
    return lines_from_tesseract(data)


def mean_word_confidence(lines: list[Line]) -> float:
    confidences = [confidence for line in lines for _, confidence in line.word_confidences]
    return sum(confidences) / len(confidences) if confidences else 0.0


def erase_leaders(image: Any) -> Any:
    """A copy of a grayscale page with dotted leaders and rules between a label and its value whitened.

    OCR reads a row of dots as letters ("Base ....... 921,00" becomes "BRLO ,sasmnin... 921,00"),
    which spoils the label. On each text line, a stretch at least LEADER_MIN_LINE_HEIGHTS line
    heights long whose ink stays in a thin strip of the line's lower half, far lower than the label's
    letters, holds no letter: it is painted paper. Lines are found by the rows' ink, so on a tilted
    page two lines may share a band (``lower_than_letters`` keeps the lower one's words).
    """
    from PIL import Image

    threshold = ink_threshold(image)
    ink = image.point(lambda level: 255 if level <= threshold else 0)
    width, height = ink.size
    # A row is part of a text line when it holds a few pixels of ink.
    rows = list(ink.resize((1, height), Image.Resampling.BOX).tobytes())
    minimum = 255 * max(3, width // 500) / width
    bands: list[tuple[int, int]] = []
    top = None
    for y, value in enumerate([*rows, 0]):
        if value >= minimum and top is None:
            top = y
        elif value < minimum and top is not None:
            bands.append((top, y))
            top = None
    heights = sorted(bottom - top for top, bottom in bands if bottom - top >= 8)
    if not heights:
        return image
    typical = heights[len(heights) // 2]
    cleaned = image.copy()
    for top, bottom in bands:
        band = bottom - top
        # Two lines run together, or a picture: no reliable upper and lower half.
        if band < 8 or band > 1.6 * typical:
            continue
        split = top + (band * 55) // 100
        upper = list(ink.crop((0, top, width, split)).resize((width, 1), Image.Resampling.BOX).tobytes())
        # Less than ~1.5 pixels of ink in a column's upper half is noise, not a letter.
        letter = 255 * 1.5 / (split - top)
        start = None
        for x, value in enumerate(upper):
            if value < letter:
                start = x if start is None else start
                continue
            # Only between two words (a label and its value), clear of the letters at both ends: a
            # full stop or a comma after a word stays.
            if start is not None and start > 0 and x - start >= LEADER_MIN_LINE_HEIGHTS * band:
                box = (start + band // 2, top, x - band // 4, bottom)
                label = (max(0, start - LEADER_LABEL_LINE_HEIGHTS * band), top, start, bottom)
                if thin_strip(ink, box) and runs_along(ink, box) and lower_than_letters(ink, box, label):
                    cleaned.paste(255, box)
            start = None
    return cleaned


def erase_rules(image: Any) -> Any:
    """A copy of a grayscale page with long thin straight rules (table ruling, box borders, a frame) painted paper.

    With ``--psm 6`` Tesseract dropped every cell of a bordered table ("Apelidos | TAVARES LOPES" in a
    ruled box) and a card's line close to its frame. A rule is a run of ink far longer than a letter
    and a few pixels thin: letters, figures and a signature have no such run, and a photo or a dark
    band is too thick, so their pixels stay as they were. The page itself when it has no rule.
    """
    from PIL import ImageChops

    threshold = ink_threshold(image)
    paper = paper_level(image, threshold)
    # A rule is looked for in lighter grey than letters are: a thin rule printed grey, or greyed by the rotation that
    # levelled a tilted photo, is half ink at the letters' threshold and has no straight run there (blind probe
    # r59a: a payslip photographed 5 degrees off, levelled, kept its table's rules, and Tesseract read the ruled
    # deductions' rows as noise, social security and IRS lost). A rule's length and thinness still tell it from
    # letters, whose grey edges make no long thin run.
    rule_level = (threshold + paper) // 2
    ink = image.point(lambda level: 255 if level <= rule_level else 0)
    width = ink.width
    thickness = max(RULE_MAX_THICKNESS, int(width * RULE_MAX_THICKNESS_FRACTION))
    across = rule_mask(ink, int(width * RULE_MIN_WIDTH_FRACTION), thickness, along_rows=True)
    # Only a level page's rules: on a tilted photo the long sides of a box keep straight stretches as
    # long as a row's side while its long tops have none, and whitening a tilted box in pieces spoiled
    # the reading of the card around it.
    if across is None:
        return image
    down = rule_mask(ink, int(width * RULE_MIN_DOWN_WIDTH_FRACTION), thickness, along_rows=False)
    mask = across if down is None else ImageChops.lighter(across, down)
    cleaned = image.copy()
    cleaned.paste(paper, mask=mask)
    return cleaned


def rule_mask(ink: Any, length: int, thickness: int, *, along_rows: bool) -> Any | None:
    """A mask of an ink image's rules along its rows (or columns): runs ``length`` long, ``thickness`` thin at most.

    Looked for on blocks RULE_BLOCK pixels long, a block counting as ink when it is all ink (an eighth
    of the pixels to go over); None when there is no rule.
    """
    from PIL import Image, ImageChops

    width, height = ink.size
    count = (width if along_rows else height) // RULE_BLOCK
    if count < 2 or length < 2 * RULE_BLOCK:
        return None
    covered = count * RULE_BLOCK
    size, box = ((count, height), (0, 0, covered, height)) if along_rows else ((width, count), (0, 0, width, covered))
    blocks = ink.resize(size, Image.Resampling.BOX, box=box).point(lambda value: 255 if value >= 250 else 0)
    # Whatever a run of `length` pixels is cut into, it holds this many whole blocks in a row.
    blocks_long = (length - RULE_BLOCK + 1) // RULE_BLOCK
    starts = ink_runs(blocks, blocks_long, along_rows=along_rows, grow=False)
    if not starts.getbbox():
        return None
    runs = ink_runs(starts, blocks_long, along_rows=along_rows, grow=True)
    # Where the long runs stack thicker than a rule, or the ink is thicker than a rule both ways, they are a
    # photo or a dark band. What is left must still be long: the ink between two white letters of a dark
    # band's title is as thin as a rule, but only as long as the letters before it goes on into the band.
    thick = ImageChops.lighter(
        opening(runs, thickness + 1, along_rows=not along_rows),
        opening(opening(blocks, 2, along_rows=along_rows), thickness + 1, along_rows=not along_rows),
    )
    rules = opening(ImageChops.subtract(runs, thick), blocks_long, along_rows=along_rows)
    if not rules.getbbox():
        return None
    # A rule's anti-aliased edges (a pixel either side) and its ends cut off by the blocks go too.
    rules = ink_runs(rules, 3, along_rows=along_rows, grow=True, centred=True)
    rules = ink_runs(rules, 3, along_rows=not along_rows, grow=True, centred=True)
    mask = Image.new("L", ink.size, 0)
    mask.paste(rules.resize(box[2:], Image.Resampling.NEAREST), (0, 0))
    return mask


def opening(ink: Any, length: int, *, along_rows: bool) -> Any:
    """The ink of an image that lies on a straight run at least ``length`` pixels long (along rows or columns)."""
    return ink_runs(ink_runs(ink, length, along_rows=along_rows, grow=False), length, along_rows=along_rows, grow=True)


def ink_runs(ink: Any, length: int, *, along_rows: bool, grow: bool, centred: bool = False) -> Any:
    """Min (``grow`` False) or max (``grow`` True) of each pixel and the next ``length`` - 1 along rows or columns.

    Shrinking looks ahead and growing looks back, so growing undoes shrinking on a long run; ``centred``
    grows half each way. Doubling the step needs only log2(length) shifted copies, all in Pillow's C code.
    """
    from PIL import ImageChops

    combine = ImageChops.lighter if grow else ImageChops.darker
    if centred:
        ink = shifted(ink, (length - 1) // 2, along_rows=along_rows)
    done = 1
    while done < length:
        step = min(done, length - done)
        ink = combine(ink, shifted(ink, -step if grow else step, along_rows=along_rows))
        done += step
    return ink


def shifted(image: Any, step: int, *, along_rows: bool) -> Any:
    """``image`` moved ``step`` pixels left (up when not ``along_rows``; right or down when negative), black filled."""
    from PIL import Image

    width, height = image.size
    moved = Image.new(image.mode, image.size, 0)
    if along_rows:
        moved.paste(image.crop((max(step, 0), 0, width + min(step, 0), height)), (max(-step, 0), 0))
    else:
        moved.paste(image.crop((0, max(step, 0), width, height + min(step, 0))), (0, max(-step, 0)))
    return moved


def paper_level(image: Any, threshold: int) -> int:
    """The commonest grey level lighter than the ink threshold: the paper's, to paint over what is not text."""
    histogram = image.histogram()[:256]
    return max(range(threshold + 1, 256), key=lambda level: histogram[level], default=255)


def thin_strip(ink: Any, box: tuple[int, int, int, int]) -> bool:
    """Whether the ink in a box of one text line is a thin horizontal strip (dots, a rule), not letters."""
    from PIL import Image

    top, bottom = box[1], box[3]
    profile = list(ink.crop(box).resize((1, bottom - top), Image.Resampling.BOX).tobytes())
    inked = [y for y, value in enumerate(profile) if value > 0]
    return bool(inked) and inked[-1] - inked[0] + 1 <= 0.35 * (bottom - top)


def runs_along(ink: Any, box: tuple[int, int, int, int]) -> bool:
    """Whether a box's ink runs along it (a row of dots, a rule), not a mark or two in it (a full stop)."""
    from PIL import Image

    left, _, right, _ = box
    columns = ink.crop(box).resize((right - left, 1), Image.Resampling.BOX).tobytes()
    return sum(value > 0 for value in columns) >= LEADER_MIN_COVER * (right - left)


def slice_rows(ink: Any, box: tuple[int, int, int, int], width: int) -> list[list[int]]:
    """The inked rows (counted from the box's top) of each slice about ``width`` wide across a box, left to right."""
    from PIL import Image

    left, top, right, bottom = box
    columns = max(1, -(-(right - left) // max(1, width)))
    grid = ink.crop(box).resize((columns, bottom - top), Image.Resampling.BOX).tobytes()
    return [[y for y in range(bottom - top) if grid[y * columns + column]] for column in range(columns)]


def tallest_run(rows: list[int]) -> int:
    """The most inked rows in a row without a gap: a letter's height, not counting an accent or an i's dot."""
    tallest = run = 0
    for before, after in itertools.pairwise([-2, *rows]):
        run = run + 1 if after == before + 1 else 1
        tallest = max(tallest, run)
    return tallest


def lower_than_letters(ink: Any, stretch: tuple[int, int, int, int], label: tuple[int, int, int, int]) -> bool:
    """Whether the ink of a stretch is everywhere far lower than the letters of the label before it.

    On a tilted page two text lines can share one band of rows: where the upper line ends, the lower
    line's words sit in the band's lower part like a leader, and ``thin_strip`` (measured against the
    doubled band) would let them be painted out. Dots and rules are far lower than letters, words are
    not. Both are measured in narrow slices, so a tilt does not make a long row of dots tall. The
    label's tallest slice is its letters' height: most of the label may be dots a tilt lifted into it.
    """
    width = max(1, (label[3] - label[1]) // 2)
    letters = max((tallest_run(rows) for rows in slice_rows(ink, label, width)), default=0)
    return letters > 0 and all(
        not rows or rows[-1] - rows[0] + 1 <= LEADER_MAX_LETTER_FRACTION * letters
        for rows in slice_rows(ink, stretch, width)
    )


class OcrRefused(ExtractionFailed):
    """Tesseract ran and failed on the image (unreadable, or out of its memory limit)."""


OCR_TIMEOUT_REFUSED = "A leitura (OCR) excedeu o tempo máximo: envie o PDF original ou uma digitalização mais leve."
# Signals sent to Tesseract from outside (the OOM killer's SIGKILL, a stop, a closed terminal): the machine cut the
# reading short. Tesseract's own crash on an image (SIGABRT out of its memory limit, SIGSEGV) stays the image's.
INTERRUPTING_SIGNALS = frozenset({signal.SIGKILL, signal.SIGTERM, signal.SIGINT, signal.SIGHUP})


def tesseract_data(path: str, *, options: Sequence[str] = tuple(OCR_CONFIG.split())) -> dict[str, list[Any]]:
    """Run Tesseract on one image file under a time and an address-space limit; its TSV as columns."""
    return tsv_columns(tesseract_text(path, options=(*options, "tsv")))


def tesseract_text(path: str, *, options: Sequence[str], language: str = "por") -> str:
    """Tesseract's output for one image file, run under a time and an address-space limit."""
    command = shutil.which("tesseract")
    if command is None:
        raise ExtractionUnavailable("tesseract is not installed")
    slow_work_starts()
    try:
        done = subprocess.run(  # noqa: S603 (fixed argument list, no shell interpolation)
            dies_with_parent(
                memory_limited(
                    [command, path, "stdout", "-l", language, *options], settings.EXTRACTION_OCR_MAX_MEMORY_MB
                )
            ),
            capture_output=True,
            timeout=settings.EXTRACTION_OCR_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        # On a machine whose cores are busy a page that reads in seconds can run out of time once: retried,
        # and refused with this reason only if it keeps happening (``documents.services``).
        raise ExtractionInterrupted("tesseract timed out", reason_when_repeated=OCR_TIMEOUT_REFUSED) from exc
    except OSError as exc:
        raise ExtractionUnavailable("tesseract could not start") from exc
    if -done.returncode in INTERRUPTING_SIGNALS:
        raise ExtractionInterrupted(f"tesseract was stopped by signal {-done.returncode}")
    if done.returncode != 0:
        # Out of its memory limit Tesseract fails to read the image (or, far below it, its loader
        # fails to map a library and exits 127): the same failure for staff.
        raise OcrRefused("A leitura (OCR) falhou para esta imagem.")
    return done.stdout.decode("utf-8", errors="replace")


# The shell sets the limit and replaces itself with the command (same process, so a timeout
# kills the command). The arguments reach it as positional parameters, never as shell text.
_LIMIT_THEN_EXEC = 'ulimit -v "$1" && shift && exec "$@"'


def memory_limited(command: Sequence[str], megabytes: int) -> list[str]:
    """``command`` run with its address space capped, so one image cannot take the machine's memory.

    Through ``/bin/sh``'s ``ulimit -v`` rather than a ``preexec_fn`` calling ``setrlimit``:
    with a ``preexec_fn`` Python must fork the whole worker (copying the page tables of a
    few hundred MB, 19 ms a call measured in a 300 MB process) where a plain command is
    started with vfork (1.5 ms including the shell).
    """
    return ["/bin/sh", "-c", _LIMIT_THEN_EXEC, "sh", str(megabytes * 1024), *command]


@functools.cache
def _setpriv() -> str | None:
    return shutil.which("setpriv")


def dies_with_parent(command: Sequence[str]) -> list[str]:
    """``command`` killed by the kernel (``PR_SET_PDEATHSIG``) when the worker that started it dies, where
    util-linux's ``setpriv`` is there (Linux; the image has it); as it is elsewhere.

    A worker child SIGKILLed mid-OCR left its Tesseract running, re-parented to PID 1, for up to
    ``EXTRACTION_OCR_TIMEOUT_SECONDS`` a call (blind probe r58a, F10). ``setpriv`` sets the signal and
    execs the command in the same process, so the plain command keeps its vfork start (see
    ``memory_limited``) where a ``preexec_fn`` calling ``prctl`` would fork the whole worker. The signal
    follows the thread that started the command: the call waits for it, so that thread outlives it.
    """
    setpriv = _setpriv()
    return [setpriv, "--pdeathsig", "KILL", *command] if setpriv else list(command)


TSV_NUMBERS = ("level", "page_num", "block_num", "par_num", "line_num", "word_num", "left", "top", "width", "height")


def tsv_columns(tsv: str) -> dict[str, list[Any]]:
    """Tesseract's TSV as ``{column: [values]}`` (what ``pytesseract.image_to_data`` returned)."""
    rows = list(csv.reader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows:
        return {"text": [], "conf": [], "page_num": [], "block_num": [], "par_num": [], "line_num": []}
    header, body = rows[0], [row for row in rows[1:] if row]
    columns: dict[str, list[Any]] = {name: [] for name in header}
    for row in body:
        row = row + [""] * (len(header) - len(row))
        for name, value in zip(header, row, strict=False):
            if name in TSV_NUMBERS:
                columns[name].append(int(value))
            elif name == "conf":
                columns[name].append(float(value))
            else:
                columns[name].append(value)
    return columns


def lines_from_tesseract(data: dict[str, list[Any]]) -> list[Line]:
    grouped: dict[tuple[int, int, int, int], list[tuple[str, float]]] = {}
    boxes: dict[tuple[int, int, int, int], list[tuple[int, int, int, int]]] = {}
    has_boxes = all(name in data for name in ("left", "top", "width", "height"))
    for index, word in enumerate(data["text"]):
        word = str(word).strip()
        if not word:
            continue
        key = (data["page_num"][index], data["block_num"][index], data["par_num"][index], data["line_num"][index])
        confidence = max(float(data["conf"][index]), 0.0) / 100
        grouped.setdefault(key, []).append((word, confidence))
        if has_boxes:
            box = (data["left"][index], data["top"][index], data["width"][index], data["height"][index])
            boxes.setdefault(key, []).append(box)
    lines = []
    for key in sorted(grouped):
        words = grouped[key]
        lines.append(
            Line(
                text=" ".join(word for word, _ in words),
                confidence=sum(conf for _, conf in words) / len(words),
                word_confidences=words,
                word_boxes=boxes.get(key, []),
            )
        )
    return lines
