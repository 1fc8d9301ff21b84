"""A page photographed on a patterned table (blind probe r39a: a checked cloth): read as one block across the
pattern, every line got the pattern's noise beside the page's words, and a sharp photo of a declaration was refused
as illegible. The page is read again within the box of the words it read well. Photos of our own."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from documents.extraction.reader import Line, mean_word_confidence, read_document, text_region, text_region_reading
from tests.integration.test_grainy_photos import png

ROWS = [
    "DECLARAÇÃO",
    "Mercearia Fonseca & Irmão, Lda., pessoa coletiva n.º 594476313,",
    "declara que Beatriz Matilde Ferreira é sua trabalhadora desde",
    "22 de julho de 2018, auferindo a remuneração base mensal",
    "ilíquida de 1.835,57 € (catorze vezes por ano).",
    "Por ser verdade, passa-se a presente declaração.",
    "Fafe, 16 de outubro de 2026",
]


def page_on_a_checked_cloth() -> Image.Image:
    """A white page with a few lines of text lying on a green and white checked cloth."""
    photo = Image.new("L", (3000, 4000), 255)
    draw = ImageDraw.Draw(photo)
    square = 90
    for top in range(0, photo.height, square):
        for left in range(0, photo.width, square):
            shade = (
                120
                if (left // square) % 2 and (top // square) % 2
                else (190 if (left // square + top // square) % 2 else 250)
            )
            draw.rectangle((left, top, left + square - 1, top + square - 1), fill=shade)
    page = Image.new("L", (2000, 2800), 245)
    font = ImageFont.truetype("DejaVuSerif.ttf", 36)
    page_draw = ImageDraw.Draw(page)
    for index, row in enumerate(ROWS):
        page_draw.text((120, 200 + 80 * index), row, font=font, fill=25)
    photo.paste(page, (500, 600))
    return photo


def test_a_page_on_a_checked_cloth_is_read_within_its_words() -> None:
    read = read_document(png(page_on_a_checked_cloth()))
    assert "Mercearia Fonseca" in read.text and "1.835,57" in read.text
    assert mean_word_confidence(read.lines) >= 0.8


def test_a_page_read_well_or_filling_the_frame_is_not_read_again() -> None:
    page = Image.new("L", (1000, 800), 250)
    few = [Line("Total 1.835,57", 0.95, [("Total", 0.95), ("1.835,57", 0.95)], [(10, 10, 80, 20), (100, 10, 120, 20)])]
    assert text_region_reading(page, few) is None  # too few words read well to place the text
    spread = [
        Line(
            f"palavra{index} texto",
            0.9,
            [(f"palavra{index}", 0.9), ("texto", 0.9)],
            [(5, 5 + 90 * index, 400, 30), (600, 5 + 90 * index, 380, 30)],
        )
        for index in range(9)
    ]
    assert text_region_reading(page, spread) is None  # the words cover the page: nothing to cut away


def test_a_long_figure_read_poorly_stays_in_the_region() -> None:
    """A NIF at a row's end read with little confidence (a semicolon export photographed) is the page's, not the
    pattern's: the box reaches it."""
    rows = [
        Line(f"Linha{index} palavras lidas", 0.9, [(f"Linha{index}", 0.9), ("palavras", 0.9), ("lidas", 0.9)],
             [(300, 300 + 60 * index, 120, 30), (440, 300 + 60 * index, 150, 30), (610, 300 + 60 * index, 90, 30)])
        for index in range(4)
    ]  # fmt: skip
    nif_row = Line(
        "COLABORADOR;NIF;309937957",
        0.4,
        [("COLABORADOR;NIF;309937957", 0.4), ("lixo", 0.1)],
        [(300, 600, 900, 30), (2500, 2500, 60, 30)],
    )
    _, _, right, bottom = text_region([*rows, nif_row], 3000, 4000) or (0, 0, 0, 0)
    assert right >= 1200 and bottom >= 630  # the figure's word is in
    assert right < 2500 and bottom < 2500  # the pattern's noise is not


def page_sideways_on_dark_fabric() -> Image.Image:
    """The declaration's page turned a quarter (no EXIF tag), lying on a dark woven fabric."""
    photo = Image.new("L", (1600, 1200), 60)
    draw = ImageDraw.Draw(photo)
    for x in range(0, photo.width, 12):
        draw.line((x, 0, x, photo.height), fill=85 if (x // 12) % 2 else 40, width=5)
    page = Image.new("L", (800, 1060), 235)
    font = ImageFont.truetype("DejaVuSerif.ttf", 20)
    page_draw = ImageDraw.Draw(page)
    for index, row in enumerate(ROWS):
        page_draw.text((40, 80 + 44 * index), row, font=font, fill=25)
    photo.paste(page.rotate(90, expand=True), (250, 200))
    return photo


def test_a_page_lying_sideways_on_a_dark_table_is_read_upright() -> None:
    read = read_document(png(page_sideways_on_dark_fabric()))
    assert "Mercearia Fonseca" in read.text and "1.835,57" in read.text
    assert read.turns != (0,)
    # Turned as the page cut out, without the fabric's noise beside its lines.
    assert mean_word_confidence(read.lines) >= 0.9
