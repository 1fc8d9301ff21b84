"""What the blind probe of round 26 found in PDF text layers that are not what the page shows: a scanner's PDF whose
invisible OCR layer has typos (the layer was read, not the picture), a font without a ToUnicode map (letters the
layer cannot spell: a name lost its accents, a Type 3 payslip was garbage) and a scanned page under a text layer of
its header only (the body never read). The documents are built here, with names and numbers of their own."""

from __future__ import annotations

import io

import pikepdf
import pypdfium2 as pdfium
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from documents.extraction.reader import read_pdf

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
PAYSLIP = [
    "Serralharia Ponte Velha, Lda.",
    "Avenida da Liberdade, 210, 3000-150 Coimbra",
    "NIF: 509876540",
    "RECIBO DE VENCIMENTO",
    "Período: Março de 2026",
    "Nome: Gonçalo Tomé Brandão Simões",
    "NIF: 245123676",
    "Vencimento Base 1.310,00",
    "Subsídio de Alimentação 110,00",
    "Segurança Social (11%) 144,10",
    "Retenção IRS 98,70",
    "Vencimento Líquido 1.177,20 €",
]
TOP_MM, STEP_MM, MM = 20, 9, 72 / 25.4


def text_pdf(rows: list[str] = PAYSLIP) -> bytes:
    """A text PDF in an embedded TrueType subset (with its ToUnicode map, as reportlab writes it)."""
    if "DejaVu26" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu26", FONT))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    for number, row in enumerate(rows):
        page.setFont("DejaVu26", 11)
        page.drawString(20 * MM, A4[1] - (TOP_MM + number * STEP_MM) * MM, row)
    page.showPage()
    page.save()
    return out.getvalue()


def picture_of(data: bytes) -> Image.Image:
    pdf = pdfium.PdfDocument(data)
    try:
        return pdf[0].render(scale=200 / 72, grayscale=True).to_pil().convert("RGB")
    finally:
        pdf.close()


def picture_pdf(picture: Image.Image, layer: list[str], *, invisible: bool) -> bytes:
    """The picture as the whole page, under a text layer of ``layer``'s rows where the picture prints them."""
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.drawImage(ImageReader(picture), 0, 0, A4[0], A4[1])
    text = page.beginText()
    text.setTextRenderMode(3 if invisible else 0)
    for number, row in enumerate(layer):
        text.setFont("Helvetica", 11)
        text.setTextOrigin(20 * MM, A4[1] - (TOP_MM + number * STEP_MM) * MM)
        text.textOut(row)
    page.drawText(text)
    page.showPage()
    page.save()
    return out.getvalue()


def without_tounicode(data: bytes) -> bytes:
    pdf = pikepdf.open(io.BytesIO(data))
    for font in pdf.pages[0].Resources.Font.values():
        if "/ToUnicode" in font:
            del font["/ToUnicode"]
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def test_a_scanners_invisible_ocr_layer_is_not_read_over_its_picture() -> None:
    """A scanner's PDF is the picture of the page plus its own OCR, drawn invisible: its typos were taken for the
    document's words. The picture is the document: it is read with our OCR."""
    layer = [row.replace("Gonçalo", "Gonca1o").replace("Serralharia", "Serralharla") for row in PAYSLIP]
    read = read_pdf(picture_pdf(picture_of(text_pdf()), layer, invisible=True))
    assert read.method == "ocr"
    assert "Gonca1o" not in read.text and "Serralharla" not in read.text
    assert "Gonçalo" in read.text


def test_a_font_without_tounicode_is_read_from_the_page() -> None:
    """Without a ToUnicode map a subset font's accented letters decode to control characters: the name was lost."""
    read = read_pdf(without_tounicode(text_pdf()))
    assert read.method == "ocr"
    assert "Gonçalo Tomé Brandão Simões" in read.text


def test_a_picture_under_a_text_layer_of_its_header_only_is_read_whole() -> None:
    """A scanned body under a visible text header: the picture shows lines the layer does not hold."""
    picture = picture_of(text_pdf([""] * 4 + PAYSLIP[4:]))
    read = read_pdf(picture_pdf(picture, PAYSLIP[:4], invisible=False))
    assert read.method == "ocr"
    assert "1.177,20" in read.text and "Serralharia Ponte Velha" in read.text


def test_a_text_pdf_keeps_its_text_layer() -> None:
    """Guard (passes before and after the fix): a plain text PDF is read from its layer, exact and fast."""
    read = read_pdf(text_pdf())
    assert read.method == "text"
    assert [line.text for line in read.lines] == PAYSLIP


def test_a_scan_with_a_faithful_layer_over_a_picture_of_a_text_pdf_stays_readable() -> None:
    """Guard (passes before and after): a picture whose visible text layer covers every printed line is read
    from its layer (a text PDF with a page-sized background picture)."""
    read = read_pdf(picture_pdf(picture_of(text_pdf()), PAYSLIP, invisible=False))
    assert read.method == "text"
