"""A dark-mode screenshot (light text on a dark background) is read: it was refused as unrecognised (round 20)."""

from __future__ import annotations

import io
import shutil

import pytest
from PIL import Image, ImageDraw, ImageFont

from documents.extraction.local import LocalExtractor
from documents.extraction.reader import dark_background_inverted

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
ROWS = [
    ("RECIBO DE VENCIMENTO", "Outubro 2026"),
    ("Empresa", "Oficinas do Tejo, Lda."),
    ("Vencimento base", "1.480,00"),
    ("Total ilíquido", "1.480,00"),
    ("Segurança Social", "162,80"),
    ("IRS", "118,00"),
    ("Total descontos", "280,80"),
    ("Líquido a receber", "1.199,20"),
]


def dark_mode_screenshot() -> Image.Image:
    screen = Image.new("L", (1080, 1400), 18)
    draw = ImageDraw.Draw(screen)
    font = ImageFont.truetype("DejaVuSans.ttf", 34)
    for index, (caption, value) in enumerate(ROWS):
        y = 120 + index * 120
        draw.rounded_rectangle((40, y - 30, 1040, y + 70), radius=24, fill=36)  # the app's card behind each row
        draw.text((80, y), caption, font=font, fill=235)
        draw.text((1000, y), value, font=font, fill=235, anchor="ra")
    return screen


@pytest.mark.ocr
@needs_tesseract
def test_a_dark_mode_payslip_screenshot_is_read() -> None:
    buffer = io.BytesIO()
    dark_mode_screenshot().save(buffer, format="PNG")
    fields = LocalExtractor().extract(buffer.getvalue(), document_type="PROOF_OF_INCOME").json_fields()
    assert (fields["gross_pay"], fields["net_pay"], fields["period"]) == (1480.0, 1199.2, "2026-10")


def test_a_card_on_a_dark_table_and_a_light_page_are_not_inverted() -> None:
    """Guards (the inversion is new): one large light region, or a light page, stays as it came."""
    table = Image.new("L", (1600, 1000), 50)
    table.paste(230, (500, 300, 1100, 680))
    assert dark_background_inverted(table) is table
    page = Image.new("L", (1240, 1754), 250)
    ImageDraw.Draw(page).text((100, 100), "Líquido 1.199,20", font=ImageFont.truetype("DejaVuSans.ttf", 30), fill=20)
    assert dark_background_inverted(page) is page
    inverted = dark_background_inverted(dark_mode_screenshot())
    assert sum(inverted.resize((1, 1), Image.Resampling.BOX).tobytes()) > 200  # dark text on light now
