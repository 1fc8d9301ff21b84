"""A phone photo of a spreadsheet's payslip, its ruled and shaded table tilted 2 degrees, reads its amounts.

The blind probe r46a photographed a domestic worker's payslip on a table: a title, the parties' lines and a ruled
table with a shaded heading and last row. OCR read every line but the table's (``--psm 6`` drops ruled cells, and
``erase_rules`` leaves a tilted page's rules alone), and the page was not levelled: its first reading was confident,
and the table around the page inked every row, so no tilt was measured. The payslip was refused. The photo is drawn
here with names and amounts of its own.
"""

from __future__ import annotations

import io
import math
import shutil

import pytest
from PIL import Image, ImageDraw, ImageFont

from documents.extraction.reader import Line, levelled_for_its_rules, prepare_for_ocr, read_document, skew_angle

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")

ROWS = [
    ("Horas de trabalho", "88", "6,20", "545,60"),
    ("Total bruto", "", "", "545,60"),
    ("Segurança Social (9,4%)", "", "", "-51,29"),
    ("A receber", "", "", "494,31"),
]
COLUMNS = (0, 560, 800, 1040, 1300)


def font(size: int, *, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf", size)


def payslip_page(*, table: bool = True) -> Image.Image:
    """A spreadsheet's payslip at about 170 dpi: title, parties, and a ruled table with shaded first and last rows."""
    page = Image.new("RGB", (1400, 1980), (250, 249, 244))
    draw = ImageDraw.Draw(page)
    draw.text((50, 60), "RECIBO DE VENCIMENTO - MARÇO 2027", font=font(34, bold=True), fill=(10, 10, 10))
    parties = [
        "Entidade empregadora: Rui Manuel Pacheco (NIF 213456780)",
        "Morada: Rua das Flores, 18, 4050-262 Porto",
        "Trabalhadora: Marta Sofia Carvalho Mendes",
        "NIF 234567891   NISS 12345678901   Serviço doméstico (regime horário)",
    ]
    for index, text in enumerate(parties):
        draw.text((50, 140 + 40 * index), text, font=font(24), fill=(20, 20, 20))
    if table:
        left, top, height = 50, 340, 52
        heading = ("Descrição", "Horas/Dias", "Valor unit.", "Total")
        for row, cells in enumerate([heading, *ROWS]):
            y = top + row * height
            shade = (198, 214, 180) if row == 0 else (236, 232, 160) if row == len(ROWS) else None
            if shade:
                draw.rectangle((left, y, left + COLUMNS[-1], y + height), fill=shade)
            bold = row in {0, 2, len(ROWS)}
            for column, text in enumerate(cells):
                x0, x1 = left + COLUMNS[column], left + COLUMNS[column + 1]
                if column == 0 or row == 0:
                    draw.text((x0 + 10, y + 13), text, font=font(24, bold=bold), fill=(0, 0, 0))
                elif text:
                    width = draw.textlength(text, font=font(24, bold=bold))
                    draw.text((x1 - 10 - width, y + 13), text, font=font(24, bold=bold), fill=(0, 0, 0))
        bottom = top + (len(ROWS) + 1) * height
        for row in range(len(ROWS) + 2):
            draw.line(
                [(left, top + row * height), (left + COLUMNS[-1], top + row * height)], fill=(40, 40, 40), width=2
            )
        for x in COLUMNS:
            draw.line([(left + x, top), (left + x, bottom)], fill=(40, 40, 40), width=2)
    y = 340 + (len(ROWS) + 1) * 52 + 40 if table else 360
    draw.text((50, y), "Pago por transferência em 31/03/2027.", font=font(24), fill=(20, 20, 20))
    draw.text((50, y + 70), "Recebi, ______________________", font=font(24), fill=(20, 20, 20))
    return page


def photographed(page: Image.Image, *, tilt: float) -> bytes:
    """The page on a darker table beside it, tilted ``tilt`` degrees, the light falling off across it, as a JPEG."""
    surface = (92, 74, 80)
    turned = page.rotate(tilt, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=surface)
    photo = Image.new("RGB", (turned.width + 240, turned.height + 200), surface)
    photo.paste(turned, (120, 100))
    light = Image.linear_gradient("L").resize(photo.size).point(lambda level: 255 - level // 5)
    lit = Image.composite(photo, Image.new("RGB", photo.size, (0, 0, 0)), light)
    buffer = io.BytesIO()
    lit.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


@pytest.mark.ocr
@needs_tesseract
@pytest.mark.parametrize("tilt", [2.0, -2.5])
def test_a_tilted_photo_of_a_ruled_table_reads_its_amounts(tilt: float) -> None:
    text = read_document(photographed(payslip_page(), tilt=tilt)).text
    for amount in ("545,60", "51,29", "494,31"):
        assert amount in text, text
    assert "Horas de trabalho" in text, text


@pytest.mark.parametrize("tilt", [2.0, -2.5])
def test_the_tilt_of_a_page_on_a_table_is_measured(tilt: float) -> None:
    """The table beside the page inks every row: the tilt is measured across the photo's middle."""
    photo = Image.open(io.BytesIO(photographed(payslip_page(), tilt=tilt)))
    assert skew_angle(prepare_for_ocr(photo, level=False)) == pytest.approx(-tilt, abs=0.4)


def on_the_photo(x: float, y: float, *, tilt: float) -> tuple[int, int]:
    """Where ``photographed`` puts the point (x, y) of the page (the page turned about its centre, then pasted)."""
    page = payslip_page()
    turned = page.rotate(tilt, expand=True)
    turn = math.radians(tilt)
    dx, dy = x - page.width / 2, y - page.height / 2
    return (
        round(dx * math.cos(turn) + dy * math.sin(turn) + turned.width / 2 + 120),
        round(-dx * math.sin(turn) + dy * math.cos(turn) + turned.height / 2 + 100),
    )


def first_reading(*, table_read: bool, tilt: float) -> list[Line]:
    """A first reading with a word in the title and, when ``table_read``, one in each row of the table."""
    rows = range(len(ROWS) + 1) if table_read else range(0)
    centres = [on_the_photo(200, 80, tilt=tilt)] + [on_the_photo(150, 340 + 52 * row + 26, tilt=tilt) for row in rows]
    return [Line("word", 0.95, [("word", 0.95)], [(x - 40, y - 12, 80, 24)]) for x, y in centres]


def test_a_tilted_table_the_first_reading_lost_is_levelled() -> None:
    photo = Image.open(io.BytesIO(photographed(payslip_page(), tilt=2.0)))
    prepared = prepare_for_ocr(photo, level=False)
    assert levelled_for_its_rules(prepared, first_reading(table_read=False, tilt=2.0)) is not None


def test_a_tilted_table_the_first_reading_has_is_not_read_again() -> None:
    """The guard on cost: a tilted scan's table read whole pays no second reading (read again, such a page lost
    a name elsewhere on it)."""
    photo = Image.open(io.BytesIO(photographed(payslip_page(), tilt=2.0)))
    prepared = prepare_for_ocr(photo, level=False)
    assert levelled_for_its_rules(prepared, first_reading(table_read=True, tilt=2.0)) is None


def test_a_tilted_page_without_rules_is_not_read_again() -> None:
    """The guard on cost: a tilted photo with no ruled table pays no second reading."""
    photo = Image.open(io.BytesIO(photographed(payslip_page(table=False), tilt=2.0)))
    assert levelled_for_its_rules(prepare_for_ocr(photo, level=False), []) is None


def test_a_level_ruled_table_is_not_read_again() -> None:
    """The guard on cost: a level page's rules are painted out on the first reading already."""
    photo = Image.open(io.BytesIO(photographed(payslip_page(), tilt=0.0)))
    assert levelled_for_its_rules(prepare_for_ocr(photo, level=False), []) is None


def test_a_reading_whose_lines_run_level_measures_no_tilt_again() -> None:
    # The check costs a tilt's measure (a third of a card's reading): a level reading, the common case, skips it.
    from unittest import mock

    from documents.extraction.reader import reading_tilt

    level = [
        Line(
            f"Linha {row} com quatro palavras", word_boxes=[(100 + 300 * i, 100 + 40 * row, 200, 30) for i in range(4)]
        )
        for row in range(5)
    ]
    tilted = [
        Line(line.text, word_boxes=[(x, y + round(0.035 * (x - 100)), w, h) for x, y, w, h in line.word_boxes])
        for line in level
    ]
    assert reading_tilt(level, 1400) == 0.0
    assert reading_tilt(tilted, 1400) == pytest.approx(2.0, abs=0.1)
    with mock.patch("documents.extraction.reader.skew_angle", return_value=0.0) as measured:
        assert levelled_for_its_rules(Image.new("L", (1400, 900), 255), level) is None
        measured.assert_not_called()
        levelled_for_its_rules(Image.new("L", (1400, 900), 255), tilted)
        measured.assert_called_once()
