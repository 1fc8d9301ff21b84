"""Blind probe r75a, D4: a payslip photographed with a red "PAGO" stamp across its totals gave no gross and no net, and
its IRS row 140,90 for 140,00; read again with its coloured ink dropped, every figure is read. Layout, names and
figures of our own."""

from __future__ import annotations

import io
import shutil

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont

from documents.extraction.local import LocalExtractor
from documents.extraction.reader import without_coloured_ink

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
ROWS = [
    ("RECIBO DE VENCIMENTO", "Outubro 2026"),
    ("Empresa: Oficinas do Tejo, Lda.", "NIF 516321625"),
    ("Trabalhador: Rui Manuel Sousa Pinto", "NIF 137855257"),
    ("Vencimento base", "1.480,00"),
    ("Total ilíquido", "1.480,00"),
    ("Segurança Social", "162,80"),
    ("IRS", "118,00"),
    ("Total descontos", "280,80"),
    ("Líquido a receber", "1.199,20"),
]
RED = (205, 45, 50)
BLUE = (30, 50, 160)


def stamped_payslip() -> Image.Image:
    """A payslip in black on a light page, a thick red stamp across its totals and a blue pen's note below them."""
    page = Image.new("RGB", (1240, 1400), (246, 244, 238))
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype("DejaVuSans.ttf", 34)
    for index, (caption, value) in enumerate(ROWS):
        y = 100 + index * 90
        draw.text((80, y), caption, font=font, fill=(20, 20, 20))
        draw.text((1160, y), value, font=font, fill=(20, 20, 20), anchor="ra")
    # Ink on paper: the stamp darkens what it crosses, the print under it stays black.
    ink = Image.new("RGB", page.size, "white")
    stamp = ImageDraw.Draw(ink)
    stamp.rectangle((640, 600, 1220, 930), outline=RED, width=14)
    stamp.text((700, 770), "PAGO", font=ImageFont.truetype("DejaVuSans-Bold.ttf", 120), fill=RED)
    stamp.text((120, 1100), "cópia para a imobiliária", font=ImageFont.truetype("DejaVuSans.ttf", 48), fill=BLUE)
    return ImageChops.multiply(page, ink)


def test_coloured_ink_turns_pale_and_black_print_stays_dark() -> None:
    image = Image.new("RGB", (5, 1))
    for x, colour in enumerate([RED, BLUE, (20, 20, 20), (246, 244, 238), (120, 118, 115)]):
        image.putpixel((x, 0), colour)
    grey = without_coloured_ink(image)
    red, blue, black, paper, shadow = (grey.getpixel((x, 0)) for x in range(5))
    assert red > 200 and blue > 150
    assert black < 30 and paper > 240 and 100 < shadow < 130


@pytest.mark.ocr
@needs_tesseract
def test_a_payslip_stamped_across_its_totals_is_read_whole() -> None:
    buffer = io.BytesIO()
    stamped_payslip().save(buffer, format="JPEG", quality=85)
    fields = LocalExtractor().extract(buffer.getvalue(), document_type="PROOF_OF_INCOME").json_fields()
    assert (fields["gross_pay"], fields["net_pay"], fields["irs_withholding"]) == (1480.0, 1199.2, 118.0)
