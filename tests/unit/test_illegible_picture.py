"""A picture OCR can hardly read is said to be illegible, not of a kind not accepted (cases probe 15)."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from documents.extraction.errors import ExtractionFailed
from documents.extraction.local import ILLEGIBLE, UNRECOGNISED, LocalExtractor

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
LINES = [
    "RECIBO DE VENCIMENTO - NOVEMBRO 2026",
    "Empresa Exemplo, Lda.   NIF 509999992",
    "Trabalhadora: Joana Marques Pires",
    "Vencimento base            1 400,00",
    "Segurança Social (11%)       154,00",
    "Líquido a receber          1 216,10",
]


def page(*, blur: float, lines: list[str] = LINES) -> bytes:
    image = Image.new("L", (1400, 900), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 34)
    for index, text in enumerate(lines):
        draw.text((60, 60 + index * 110), text, fill=0, font=font)
    if blur:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=70)
    return out.getvalue()


@pytest.mark.ocr
def test_a_blurred_photo_is_said_to_be_illegible() -> None:
    with pytest.raises(ExtractionFailed) as failed:
        LocalExtractor().extract(page(blur=6), document_type="PROOF_OF_INCOME")
    assert str(failed.value) == ILLEGIBLE


@pytest.mark.ocr
def test_a_sharp_picture_of_a_document_not_accepted_is_said_to_be_not_recognised() -> None:
    """Legible text of no accepted kind: the sender is told what to send instead, not to take a sharper photo."""
    letter = ["Carta de condução", "República Portuguesa", "Categoria B", "Válida até 2031", "Nome: Joana Pires"]
    with pytest.raises(ExtractionFailed) as failed:
        LocalExtractor().extract(page(blur=0, lines=letter), document_type="PROOF_OF_INCOME")
    assert str(failed.value) == UNRECOGNISED["PROOF_OF_INCOME"]
