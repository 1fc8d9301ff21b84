"""The rules of a bordered table, a box and a card's frame are painted out before OCR, the letters kept: with
``--psm 6`` Tesseract dropped every cell of a ruled table ("Apelidos | TAVARES LOPES" in a box) and a card's
line close to its frame. The blind probe of round 12 found a residence permit laid out so read as its title
alone. The pages are drawn here with names and numbers of their own."""

from __future__ import annotations

from PIL import Image, ImageChops, ImageDraw, ImageFont

from documents.extraction.reader import erase_rules

PAPER = 236
ROWS = [("Apelidos", "FERREIRA MONTEIRO"), ("Nomes", "CELESTE MARIA"), ("Nascimento", "21-07-1987")]


def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype("DejaVuSans.ttf", size)


def ruled_card() -> tuple[Image.Image, list[tuple[int, int, int, int]]]:
    """A card with a frame and a table of caption / value rows in ruled boxes; the boxes round each row's words."""
    page = Image.new("L", (1600, 1000), PAPER)
    draw = ImageDraw.Draw(page)
    draw.rectangle((6, 6, 1593, 993), outline=110, width=3)
    words = []
    draw.text((60, 40), "NIF 245 817 306", font=font(34), fill=10)
    words.append((60, 40, 60 + int(draw.textlength("NIF 245 817 306", font=font(34))), 90))
    for index, (caption, value) in enumerate(ROWS):
        top = 200 + 90 * index
        draw.rectangle((400, top, 1500, top + 80), outline=100, width=2)
        draw.text((420, top + 25), caption, font=font(26), fill=60)
        draw.text((760, top + 20), value, font=font(36), fill=0)
        words.append((420, top + 14, 1480, top + 68))
    return page, words


def ink(image: Image.Image) -> Image.Image:
    return image.point(lambda level: 255 if level < 170 else 0)


def test_the_rules_of_a_table_and_a_frame_are_painted_out() -> None:
    page, _ = ruled_card()
    cleaned = erase_rules(page)
    # The frame's sides and each box's sides and top hold no ink any more.
    for rule in [(0, 3, 1600, 10), (3, 0, 10, 1000), (1590, 0, 1600, 1000), (0, 990, 1600, 997)]:
        assert ink(cleaned.crop(rule)).getbbox() is None, rule
    for index in range(len(ROWS)):
        top = 200 + 90 * index
        for rule in [(400, top - 1, 1501, top + 3), (400, top + 78, 1501, top + 82), (398, top, 404, top + 81)]:
            assert ink(cleaned.crop(rule)).getbbox() is None, rule


def test_the_letters_inside_and_near_the_rules_are_untouched() -> None:
    page, words = ruled_card()
    cleaned = erase_rules(page)
    for box in words:
        assert cleaned.crop(box).tobytes() == page.crop(box).tobytes(), box


def test_a_page_without_rules_is_left_as_it_is() -> None:
    """The guard: a heading's tall letters, a table of figures, a signature and a photo are no rules."""
    page = Image.new("L", (1600, 1000), 250)
    draw = ImageDraw.Draw(page)
    draw.text((60, 30), "RECIBO DE VENCIMENTO", font=font(90), fill=0)
    for row in range(8):
        draw.text((60, 200 + 50 * row), f"{row + 1:02d}  1.234,5{row}  987,6{row}  11.111,11", font=font(30), fill=0)
    draw.line([(900, 700), (960, 640), (1010, 720), (1080, 650), (1150, 700), (1400, 690)], fill=20, width=3)
    draw.rectangle((1150, 150, 1450, 550), fill=90)
    draw.ellipse((1220, 220, 1380, 420), fill=40)
    assert erase_rules(page).tobytes() == page.tobytes()


def test_underlined_words_lose_the_underline_only() -> None:
    """The guard for letters sitting over a rule: the underline goes, the words above it stay as they were."""
    page = Image.new("L", (1600, 400), 255)
    draw = ImageDraw.Draw(page)
    text = "Rendimentos do trabalho dependente"
    draw.text((100, 100), text, font=font(40), fill=0)
    length = int(draw.textlength(text, font=font(40)))
    draw.line([(100, 160), (100 + length, 160)], fill=0, width=3)
    cleaned = erase_rules(page)
    assert ink(cleaned.crop((90, 157, 110 + length, 164))).getbbox() is None
    assert cleaned.crop((100, 95, 100 + length, 155)).tobytes() == page.crop((100, 95, 100 + length, 155)).tobytes()


def test_a_tilted_box_is_left_whole() -> None:
    """The guard for phone photos: a box tilted a few degrees keeps straight stretches down its sides but none
    along its top, and whitening its sides in pieces spoiled the card's reading."""
    page = Image.new("L", (1600, 1000), PAPER)
    draw = ImageDraw.Draw(page)
    draw.rectangle((300, 200, 700, 700), outline=30, width=3)
    draw.text((800, 300), "CARTÃO DE CIDADÃO", font=font(40), fill=0)
    tilted = page.rotate(2.5, resample=Image.Resampling.BICUBIC, fillcolor=PAPER)
    assert ImageChops.difference(erase_rules(tilted), tilted).getbbox() is None


def test_a_dark_band_s_white_title_is_left_whole() -> None:
    """The guard for a header printed white on a dark band: the ink between two white letters runs down (and
    across) as far as a rule and as thin, but goes on into the band; painted out, the title was lost."""
    page = Image.new("L", (1600, 1000), 250)
    draw = ImageDraw.Draw(page)
    draw.rectangle((0, 0, 1600, 260), fill=25)
    draw.text((100, 60), "Tejo Soluções Digitais, Lda.", font=font(60), fill=250)
    draw.text((100, 160), "Contribuinte n.º 518204937 · Rua do Ouro 12, Lisboa", font=font(34), fill=250)
    draw.text((100, 400), "Recibo de Vencimento", font=font(40), fill=0)
    assert erase_rules(page).tobytes() == page.tobytes()


def pale_ruled_table() -> tuple[Image.Image, list[int]]:
    """A payslip's table ruled in pale grey, two pixels thick, as a phone photo's thin rules are once the page is
    levelled (blind probe r59a: 150 to 195 on paper at 250, letters' ink up to 180): its rows' rule heights."""
    page = Image.new("L", (1800, 1200), 250)
    draw = ImageDraw.Draw(page)
    tops = [300 + 60 * row for row in range(7)]
    for top in tops:
        draw.line([(200, top), (1600, top + 1)], fill=192, width=2)
    for left in (200, 360, 1000, 1200, 1400, 1600):
        draw.line([(left, tops[0]), (left, tops[-1])], fill=192, width=2)
    for row, caption in enumerate(("Vencimento base", "Subsídio de alimentação", "Segurança Social (11%)", "IRS")):
        draw.text((220, tops[row] + 15), f"R0{row + 1}", font=font(30), fill=0)
        draw.text((380, tops[row] + 15), caption, font=font(30), fill=0)
        draw.text((1420, tops[row] + 15), f"{row + 1}23,45", font=font(30), fill=0)
    return page, tops


def test_the_pale_rules_of_a_levelled_photo_are_painted_out() -> None:
    """A tilted photo's ruled table, levelled: its rules, greyed by the turn, were paler than the letters'
    threshold, stayed, and Tesseract read the rows between them as noise (blind probe r59a, a payslip's social
    security and IRS lost). The letters stay as they were."""
    page, tops = pale_ruled_table()
    cleaned = erase_rules(page)
    for top in tops:
        assert cleaned.crop((420, top - 2, 980, top + 4)).getextrema()[0] >= 240, top
    for left in (360, 1000):
        assert cleaned.crop((left - 2, tops[0] + 5, left + 3, tops[-1] - 5)).getextrema()[0] >= 240, left
    captions = (380, tops[2] + 10, 900, tops[2] + 50)
    assert cleaned.crop(captions).tobytes() == page.crop(captions).tobytes()
