"""Specimens: an identity document's sample, marked as such, which identifies no one.

Issuers publish each model with a made-up holder, printed "SPECIMEN" (or their own language's word) on its face or as
the holder's surname, and ICAO's examples are of the made-up state "Utopia" (code ``UTO``). Such an image is on the
web for anyone to send. Read as any other, it passed every check: a valid MRZ, a name, a number (blind probe r63a:
a residence card whose MRZ surname was SPECIMEN, and a passport with SPECIMEN stamped across its face in red).

The word is looked for in what OCR read of the page and of the MRZ; a stamp laid across the page at a slant, which
the page's reading turns to noise, is read apart: its coloured strokes alone, turned level (``stamp_text``).
"""

from __future__ import annotations

import math
import re
import tempfile
from collections.abc import Iterable
from typing import Any

from applicants.text import fold
from documents.extraction.reader import OcrRefused, file_pictures, tesseract_text

# The word in the languages of the models an agency meets, and Germany's made-up holders ("Erika Mustermann");
# "specimen signature" (a specimen of the holder's signature, on older passports) is no sample. Not a word that is
# also a family name (Italy's "campione", Germany's "Muster"): a real holder of that name would fail for it.
SPECIMEN_WORD = re.compile(
    r"(?<![a-z])(?:specimen|especimen|especime|muster(?:mann|frau))(?![a-z])(?!\s+(?:of\s+)?signature)"
)
# One letter, a space, and another lone letter after it: a word spaced out.
LETTER_SPACING = re.compile(r"\b(\w) (?=\w\b)")
# ICAO 9303's made-up state, Utopia, and as an MRZ's issuing state (a TD1 or TD3 first line's third to fifth
# character), on a line of the MRZ's alphabet with a filler in it: a printed name that starts alike ("COUTO VAZ",
# its spaces removed) is no MRZ (round 66's sweep of blind probe r59a: a genuine passport of a Couto a specimen).
SPECIMEN_STATE_CODE = "UTO"
SPECIMEN_STATE = re.compile(rf"^[ACIP][A-Z<]{SPECIMEN_STATE_CODE}[A-Z0-9<]*<[A-Z0-9<]*$", re.MULTILINE)
# A stamp's ink: red well above green and blue. A stamp's strokes cover at least this share of the page, in a shape
# this much longer than it is wide (a word, not a logo or a photo's warm tones).
STAMP_MIN_SHARE = 0.004
STAMP_MIN_ELONGATION = 3.0
# A stamp is large: it is looked for on a small copy of the page (and a PDF's page rendered at a low resolution).
STAMP_MAX_PIXELS = 500_000
STAMP_PDF_DPI = 100
STAMP_MAX_PAGES = 2
RED_MARGIN = 50
RED_FLOOR = 110
# The side of the small copy the stamp's shape is measured on.
MOMENTS_SIDE = 240


def specimen_document(data: bytes, texts: Iterable[str]) -> bool:
    """Whether an identity document's file is a specimen: by the words read on it, else by a red stamp across it."""
    return specimen_marked(texts) or any(specimen_marked([stamp_text(page)]) for page in stamp_pages(data))


def stamp_pages(data: bytes) -> list[Any]:
    """The file's pictures to look for a stamp on: an image as it came, a PDF's first pages at a low resolution."""
    from PIL import ImageOps

    def upright(image: Any) -> Any:
        return ImageOps.exif_transpose(image) or image

    return file_pictures(data, picture=upright, render=render_small, pages=STAMP_MAX_PAGES)


def render_small(page: Any) -> Any:
    """A PDF page at ``STAMP_PDF_DPI``, or smaller when that would pass ``STAMP_MAX_PIXELS`` (a poster-sized page)."""
    width, height = page.get_size()  # points
    scale = min(STAMP_PDF_DPI / 72, math.sqrt(STAMP_MAX_PIXELS / max(1.0, width * height)))
    return page.render(scale=scale).to_pil()


def specimen_marked(texts: Iterable[str]) -> bool:
    """Whether the page's text or an MRZ reading says the document is a specimen."""
    for text in texts:
        # An MRZ's names spell the word with fillers around it ("SPECIMEN<<MARIANNE"); a stamp may space its
        # letters out ("S P E C I M E N").
        folded = fold(text.replace("<", " "))
        if SPECIMEN_WORD.search(folded) or SPECIMEN_WORD.search(LETTER_SPACING.sub(r"\1", folded)):
            return True
        if SPECIMEN_STATE.search(text.replace(" ", "")):
            return True
    return False


def stamp_text(image: Any) -> str:
    """What a red stamp laid over the page says, read on its own: its strokes in black on white, turned level by the
    slant of the strokes' spread (a word stamped across a card at 20-40°). '' when the page holds no such stamp."""
    from PIL import Image

    ink = red_ink(image)
    slant = stamp_slant(ink)
    if slant is None:
        return ""
    strokes = ink.point(lambda value: 0 if value else 255)
    level = strokes.rotate(slant, expand=True, fillcolor=255, resample=Image.Resampling.BILINEAR)
    box = ink.rotate(slant, expand=True, fillcolor=0).getbbox()
    if box is None:
        return ""
    word = level.crop(box)
    page = Image.new("L", (word.width + 40, word.height + 40), 255)
    page.paste(word, (20, 20))
    with tempfile.NamedTemporaryFile(suffix=".bmp") as handle:
        page.save(handle, format="BMP")
        handle.flush()
        try:
            return tesseract_text(handle.name, options=("--psm", "7"), language="eng")
        except OcrRefused:
            return ""


def red_ink(image: Any) -> Any:
    """The page's red strokes as a mask (255 where red stands well above green and blue), at most
    ``STAMP_MAX_PIXELS`` big."""
    from PIL import ImageChops

    rgb = image.convert("RGB")
    if rgb.width * rgb.height > STAMP_MAX_PIXELS:
        scale = math.sqrt(STAMP_MAX_PIXELS / (rgb.width * rgb.height))
        rgb = rgb.resize((max(1, int(rgb.width * scale)), max(1, int(rgb.height * scale))))
    red, green, blue = rgb.split()
    above_green = ImageChops.subtract(red, green).point(lambda value: 255 if value > RED_MARGIN else 0)
    above_blue = ImageChops.subtract(red, blue).point(lambda value: 255 if value > RED_MARGIN else 0)
    bright = red.point(lambda value: 255 if value > RED_FLOOR else 0)
    return ImageChops.multiply(ImageChops.multiply(above_green, above_blue), bright)


def stamp_slant(ink: Any) -> float | None:
    """The angle (degrees, counter-clockwise as PIL turns) that lays the ink's long axis level, or None when the ink
    is too little, or not shaped like a line of letters. The long axis is the spread's principal one (second
    moments), taken on a small copy: the shape, not the strokes, decides it."""
    from PIL import ImageStat

    if ImageStat.Stat(ink).mean[0] / 255 < STAMP_MIN_SHARE:
        return None
    small = ink.copy()
    small.thumbnail((MOMENTS_SIDE, MOMENTS_SIDE))
    width = small.width
    points = [(index % width, index // width) for index, value in enumerate(small.tobytes()) if value > 127]
    if len(points) < 2:
        return None
    count = len(points)
    mean_x = sum(x for x, _ in points) / count
    mean_y = sum(y for _, y in points) / count
    xx = sum((x - mean_x) ** 2 for x, _ in points) / count
    yy = sum((y - mean_y) ** 2 for _, y in points) / count
    xy = sum((x - mean_x) * (y - mean_y) for x, y in points) / count
    # The spread's two principal variances, and the long axis's angle.
    middle, half_gap = (xx + yy) / 2, math.sqrt(((xx - yy) / 2) ** 2 + xy**2)
    longest, shortest = middle + half_gap, middle - half_gap
    if shortest <= 0 or longest / shortest < STAMP_MIN_ELONGATION**2:
        return None
    # In image rows (downwards), a word rising to the right has a negative angle: turned by it, it lies level.
    return math.degrees(0.5 * math.atan2(2 * xy, xx - yy))
