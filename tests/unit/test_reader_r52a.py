"""PDF text layers as real software writes them (blind probe r52a): a layer drawn out of reading order (each letter
on its own in a random order; the amounts column first, then the captions bottom up), soft hyphens and zero-width
characters inside captions, a scanner's invisible OCR layer over a passport's picture smaller than the page, and the
amounts drawn as pictures beside text captions."""

from __future__ import annotations

import io
import random
from unittest import mock

import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from documents.extraction import reader
from documents.extraction.errors import ExtractionFailed
from documents.extraction.local import LocalExtractor
from documents.extraction.reader import read_document, text_layer_is_the_page
from tests.helpers import text_picture

pdfmetrics.registerFont(TTFont("DejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))

HEADER = [
    "RECIBO DE VENCIMENTO",
    "Padaria Graça, Lda NIF da entidade: 545090695",
    "Período: julho de 2025 Data de pagamento: 28/07/2025",
    "Nome: João Miguel Pinto",
    "NIF: 267104162 NISS: 17916049775",
    "Categoria: Rececionista",
]
ROWS = [
    ("Vencimento base", "1.875,00"),
    ("Subsídio de alimentação", "132,00"),
    ("Total ilíquido", "2.007,00"),
    ("Segurança Social (11%)", "206,25"),
    ("Retenção IRS", "258,75"),
    ("Total descontos", "465,00"),
    ("Líquido a receber", "1.542,00"),
]
FONT = ("DejaVuSans", 10)


def pdf_bytes(draw: object) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont(*FONT)
    draw(pdf)  # type: ignore[operator]
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def in_order(pdf: canvas.Canvas) -> None:
    for row, text in enumerate(HEADER):
        pdf.drawString(50, 780 - 18 * row, text)
    for row, (caption, amount) in enumerate(ROWS):
        pdf.drawString(50, 640 - 18 * row, caption)
        pdf.drawRightString(400, 640 - 18 * row, amount)


def letters_shuffled(pdf: canvas.Canvas) -> None:
    """Each letter placed on its own, in a random order, no space drawn (a PDF 'optimiser' or a reporting engine)."""
    placed = []
    texts = [(50.0, 780 - 18 * row, text) for row, text in enumerate(HEADER)]
    for row, (caption, amount) in enumerate(ROWS):
        texts.append((50.0, 640 - 18 * row, caption))
        texts.append((400 - pdfmetrics.stringWidth(amount, *FONT), 640 - 18 * row, amount))
    for x, y, text in texts:
        for index, char in enumerate(text):
            if char != " ":
                placed.append((x + pdfmetrics.stringWidth(text[:index], *FONT), y, char))
    random.Random(52).shuffle(placed)
    for x, y, char in placed:
        pdf.drawString(x, y, char)


def amounts_first_then_captions_bottom_up(pdf: canvas.Canvas) -> None:
    for row, text in enumerate(HEADER):
        pdf.drawString(50, 780 - 18 * row, text)
    for row, (_caption, amount) in enumerate(ROWS):
        pdf.drawRightString(400, 640 - 18 * row, amount)
    for row in reversed(range(len(ROWS))):
        caption = ROWS[row][0]
        x = 50.0
        for word in caption.split():
            pdf.drawString(x, 640 - 18 * row, word)
            x += pdfmetrics.stringWidth(word + " ", *FONT)


def texts(data: bytes) -> list[str]:
    return [line.text for line in read_document(data).lines]


def test_letters_drawn_one_by_one_in_a_random_order_are_read_in_rows_with_their_spaces() -> None:
    with mock.patch.object(reader, "tesseract_data", side_effect=AssertionError("Tesseract ran")):
        read = read_document(pdf_bytes(letters_shuffled))
    assert read.method == "text"
    lines = [line.text for line in read.lines]
    assert lines[: len(HEADER)] == HEADER
    assert "Vencimento base 1.875,00" in lines
    assert "Retenção IRS 258,75" in lines
    [net] = [line for line in read.lines if line.text.startswith("Líquido")]
    assert len(net.word_boxes) == len(net.text.split())


def test_captions_drawn_bottom_up_after_their_amounts_are_read_beside_them() -> None:
    lines = texts(pdf_bytes(amounts_first_then_captions_bottom_up))
    assert [f"{caption} {amount}" for caption, amount in ROWS] == lines[len(HEADER) :]


def test_a_page_drawn_in_reading_order_is_read_as_pdfium_reads_it() -> None:
    def two_columns_one_after_the_other(pdf: canvas.Canvas) -> None:
        in_order(pdf)
        for row, text in enumerate(["Transmitente", "Ana Costa", "NIF 123456789"]):
            pdf.drawString(50, 400 - 18 * row, text)
        for row, text in enumerate(["Adquirente", "Rui Sousa, Lda", "NIF 503456786"]):
            pdf.drawString(300, 400 - 18 * row, text)

    for draw in (in_order, two_columns_one_after_the_other):
        document = pdfium.PdfDocument(pdf_bytes(draw))
        assert reader.lines_by_position(document[0]) is None


def test_soft_hyphens_and_zero_width_characters_are_dropped_from_the_text_layer() -> None:
    def hyphenated(pdf: canvas.Canvas) -> None:
        for row, text in enumerate(HEADER):
            pdf.drawString(50, 780 - 18 * row, text)
        pdf.drawString(50, 640, "Ven\u00adcimento base 2 430,00")
        pdf.drawString(50, 622, "Reten\u200bção IRS 157,95")
        pdf.drawString(50, 604, "Lí\u00adquido a re\u00adceber\u2060 2 136,75")

    lines = texts(pdf_bytes(hyphenated))
    assert lines[len(HEADER) :] == ["Vencimento base 2 430,00", "Retenção IRS 157,95", "Líquido a receber 2 136,75"]


def page_of(data: bytes) -> object:
    return pdfium.PdfDocument(data)[0]


def test_an_invisible_layer_over_a_picture_smaller_than_the_page_is_not_the_page() -> None:
    """A passport's page scanned onto A4 takes a third of it: its scanner's layer is a guess, the picture the page."""

    def scanned_passport(pdf: canvas.Canvas) -> None:
        pdf.drawImage(text_picture("PASSAPORTE", (500, 350)), 47, 448, width=500, height=352)
        text = pdf.beginText(60, 480)
        text.setTextRenderMode(3)
        text.setFont(*FONT)
        text.textLine("P<PRTSILVA<<ANA<<<<<<<<<<<<<<<<<<<<<<<<<<<<<")
        text.textLine("CA12345671PRT8502013F3001015<<<<<<<<<<<<<<04")
        pdf.drawText(text)

    def invisible_text_only(pdf: canvas.Canvas) -> None:
        text = pdf.beginText(60, 480)
        text.setTextRenderMode(3)
        text.setFont(*FONT)
        text.textLine("P<PRTSILVA<<ANA<<<<<<<<<<<<<<<<<<<<<<<<<<<<<")
        pdf.drawText(text)

    def visible_text_beside_a_logo(pdf: canvas.Canvas) -> None:
        pdf.drawImage(text_picture("LOGO", (240, 120)), 420, 760, width=120, height=60)
        in_order(pdf)

    assert not text_layer_is_the_page(page_of(pdf_bytes(scanned_passport)))
    assert not text_layer_is_the_page(page_of(pdf_bytes(invisible_text_only)))
    assert text_layer_is_the_page(page_of(pdf_bytes(visible_text_beside_a_logo)))


def test_a_page_showing_nothing_is_not_read_from_its_invisible_layer() -> None:
    """Blind probe r52a's N05: a page a person sees as empty, whose only text is a payslip drawn invisible, had been
    read as that payslip at confidence 1.0. The page is read as a person sees it, and it shows nothing."""

    def invisible_payslip(pdf: canvas.Canvas) -> None:
        text = pdf.beginText(50, 780)
        text.setTextRenderMode(3)
        text.setFont(*FONT)
        for line in HEADER + [f"{caption} {amount}" for caption, amount in ROWS]:
            text.textLine(line)
        pdf.drawText(text)

    with pytest.raises(ExtractionFailed):
        LocalExtractor().extract(pdf_bytes(invisible_payslip), document_type="PROOF_OF_INCOME")


def amounts_as_pictures(pdf: canvas.Canvas) -> None:
    for row, text in enumerate(HEADER):
        pdf.drawString(50, 780 - 18 * row, text)
    for row, (caption, amount) in enumerate(ROWS):
        pdf.drawString(50, 640 - 18 * row, caption)
        pdf.drawImage(text_picture(amount, (400, 52)), 330, 637 - 18 * row, width=100, height=13)


def test_amounts_drawn_as_pictures_beside_text_captions_are_read_from_the_pictures() -> None:
    result = LocalExtractor().extract(pdf_bytes(amounts_as_pictures), document_type="PROOF_OF_INCOME")
    assert result.method == "ocr"
    assert result.fields["base_salary"] == 1875
    assert result.fields["net_pay"] == 1542


def test_a_text_payslip_with_a_logo_is_not_ocrd() -> None:
    def with_logo(pdf: canvas.Canvas) -> None:
        pdf.drawImage(text_picture("LOGO", (240, 120)), 420, 760, width=120, height=60)
        in_order(pdf)

    with mock.patch.object(reader, "tesseract_data", side_effect=AssertionError("Tesseract ran")):
        result = LocalExtractor().extract(pdf_bytes(with_logo), document_type="PROOF_OF_INCOME")
    assert result.method == "text"
    assert result.fields["net_pay"] == 1542
