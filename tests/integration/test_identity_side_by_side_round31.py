"""A card's two sides photographed side by side on a table (doc probe 31). Read whole, OCR joined the two cards'
rows: the back's "Place of birth" caption and value read on the front's surname row became the surname. The lines
are now parted at the gap between the cards. Built with Pillow from the sample cards, with a name of its own; the
sides' rows deliberately out of line, as two cards laid by hand are."""

from __future__ import annotations

import datetime as dt
import io
import random

import pytest
from PIL import Image

from documents.extraction.local import LocalExtractor
from documents.extraction.reader import Line, documents_side_by_side, lines_parted_at_a_gutter
from samples.identity import cc_back, cc_front_png
from samples.synthetic import Person, make_cc_number, make_nif

pytestmark = pytest.mark.django_db

SURFACE = (70, 62, 55)


def person() -> Person:
    rng = random.Random(3101)
    return Person(given_names="Joana Filipa", surname="Abreu Sequeira", nif=make_nif(rng),
                  date_of_birth=dt.date(1988, 11, 3), cc_number=make_cc_number(rng),
                  expiry_date=dt.date(2032, 8, 19), sex="F")  # fmt: skip


def sides(holder: Person) -> tuple[Image.Image, Image.Image]:
    front = Image.open(io.BytesIO(cc_front_png(holder).data)).convert("RGB")
    back = Image.open(io.BytesIO(cc_back(holder, rng=random.Random(3102)).document.data)).convert("RGB")
    return front, back


def on_a_table(cards: list[tuple[Image.Image, tuple[int, int]]], size: tuple[int, int]) -> Image.Image:
    table = Image.new("RGB", size, SURFACE)
    for card, at in cards:
        table.paste(card, at)
    return table


def png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def test_two_sides_side_by_side_on_a_table_are_read_as_before() -> None:
    """Guard (passes before the change too): the sample card's sides, whose rows OCR did not join, read the same."""
    holder = person()
    front, back = sides(holder)
    photo = on_a_table([(front, (60, 60)), (back, (front.width + 140, 150))], (front.width + back.width + 200, 1100))
    result = LocalExtractor().extract(png(photo), document_type="ID_DOCUMENT")
    assert result.fields["side"] == "both"
    assert result.fields["surname"] == "Abreu Sequeira"
    assert result.fields["given_names"] == "Joana Filipa"
    assert result.fields["mrz_valid"] is True
    assert result.fields["nif"] == holder.nif


def grey(image: Image.Image) -> Image.Image:
    return image.convert("L")


def test_only_two_documents_beside_each_other_are_parted() -> None:
    """Guard: one card on a table, two cards one above the other, and a page filling the frame are read whole."""
    front, back = sides(person())
    width = front.width + back.width + 200
    beside = on_a_table([(front, (60, 60)), (back, (front.width + 140, 150))], (width, 1100))
    boxes = documents_side_by_side(grey(beside))
    assert len(boxes) == 2 and boxes[0][2] < front.width + 140 + back.width // 2 < boxes[1][2]
    alone = on_a_table([(front, (200, 150))], (front.width + 400, front.height + 300))
    stacked = on_a_table([(front, (60, 60)), (back, (60, front.height + 120))], (front.width + 120, 1900))
    filling = on_a_table([(front.resize((1400, 1000)), (0, 0))], (1400, 1000))
    assert documents_side_by_side(grey(alone)) == []
    assert documents_side_by_side(grey(stacked)) == []
    assert documents_side_by_side(grey(filling)) == []


def words(*placed: tuple[str, int]) -> Line:
    """A line of OCR words, each at its left edge (20 px high, 12 px a character)."""
    confidences = [(text, 0.93) for text, _ in placed]
    return Line(" ".join(text for text, _ in placed), 0.93, confidences, [(x, 100, 12 * len(t), 20) for t, x in placed])


def test_rows_ocr_joined_across_two_cards_are_parted_at_the_gap_between_them() -> None:
    """The rows of doc probe 31's Spanish card beside its back, as OCR joined them."""
    lines = [
        words(("REINO", 100), ("DE", 180), ("ESPANA", 220), ("DOMICILIO", 1500), ("/", 1620), ("ADDRESS", 1640)),
        words(("APELLIDOS", 300), ("/", 420), ("SURNAME", 440), ("LUGAR", 1500), ("DE", 1570), ("NACIMIENTO", 1610)),
        words(("LÓPEZ", 300), ("CASTAÑO", 380), ("SEVILLA", 1500)),
        words(("MARÍA", 300), ("ÁNGELES", 380)),
        words(("IDESPCSG042436160738367J<<<<<<", 1400)),
    ]
    parted = lines_parted_at_a_gutter(lines)
    assert parted is not None
    assert [line.text for line in parted] == [
        "REINO DE ESPANA",
        "APELLIDOS / SURNAME",
        "LÓPEZ CASTAÑO",
        "MARÍA ÁNGELES",
        "DOMICILIO / ADDRESS",
        "LUGAR DE NACIMIENTO",
        "SEVILLA",
        "IDESPCSG042436160738367J<<<<<<",
    ]
    assert parted[2].word_boxes == [(300, 100, 60, 20), (380, 100, 84, 20)]


def test_a_card_whose_words_cross_the_middle_is_not_parted() -> None:
    """An MRZ line across the card leaves no gap: one document, read as it came (two light regions side by side,
    ``documents_side_by_side``, are asked for before any parting, too)."""
    mrz = Line(
        "I<PRT162839405<ZZ04<<<<<<<<<<<<", 0.9, [("I<PRT162839405<ZZ04<<<<<<<<<<<<", 0.9)], [(100, 900, 1400, 40)]
    )
    lines = [words(("CARTÃO", 100), ("DE", 190), ("CIDADÃO", 230)), words(("SILVA", 300), ("1,70", 1300)), mrz]
    assert lines_parted_at_a_gutter(lines) is None


def test_a_scan_in_a_pdf_is_read_as_a_pdf_not_opened_as_a_photo() -> None:
    """A card scanned into a PDF (no text layer) is read by OCR like a photo, but is no image to look for cards on:
    opened as one, it was refused as a corrupt image (the round's own regression run, six PDFs)."""
    holder = person()
    front, back = sides(holder)
    page = on_a_table([(front, (60, 60)), (back, (60, front.height + 120))], (front.width + 120, 1900))
    buffer = io.BytesIO()
    page.convert("RGB").save(buffer, format="PDF", resolution=200)
    result = LocalExtractor().extract(buffer.getvalue(), document_type="ID_DOCUMENT")
    assert result.method == "ocr"
    assert result.fields["surname"] == "Abreu Sequeira"
    assert result.fields["mrz_valid"] is True
