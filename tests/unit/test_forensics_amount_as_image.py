"""An amount pasted as a picture into a text PDF, its own text deleted: ``PDF_AMOUNT_AS_IMAGE`` (round 22's D05, a
payslip whose net was an image of other digits, passed with no signal)."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from documents.extraction.forensics import file_signals
from tests.helpers import text_picture

ROWS = [("Vencimento base", "1.600,00"), ("Subsídio de alimentação", "132,00"), ("Retenção IRS", "172,00"),
        ("Segurança Social", "190,52")]  # fmt: skip


def payslip(*, net_as_image: bool, logo: bool = False, signature: bool = False) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont("Helvetica", 10)
    if logo:
        pdf.drawImage(text_picture("LOGO", (240, 120)), 420, 760, width=120, height=60)
    pdf.drawString(50, 780, "Cunha & Filhos, Lda. - NIPC 503456786")
    pdf.drawString(50, 750, "RECIBO DE VENCIMENTO - Período: março de 2026")
    for row, (caption, amount) in enumerate(ROWS):
        pdf.drawString(50, 700 - 16 * row, caption)
        pdf.drawRightString(400, 700 - 16 * row, amount)
    pdf.drawString(50, 620, "Valor Líquido a Receber:")
    if net_as_image:
        pdf.drawImage(text_picture("2.489,98", (180, 30)), 200, 617, width=60, height=10)
    else:
        pdf.drawString(200, 620, "1.369,48")
    if signature:
        pdf.drawString(50, 560, "Assinatura:")
        pdf.drawImage(text_picture("~~ J. Cunha ~~", (300, 60)), 120, 550, width=100, height=20)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def codes(data: bytes) -> list[str]:
    return [signal["code"] for signal in file_signals(data, content_type="application/pdf")]


def test_a_net_pasted_as_a_picture_beside_its_caption_is_signalled() -> None:
    signals = file_signals(payslip(net_as_image=True), content_type="application/pdf")
    [found] = [signal for signal in signals if signal["code"] == "PDF_AMOUNT_AS_IMAGE"]
    assert found["severity"] == "HIGH"
    assert found["evidence"]["captions"] == ["Valor Líquido a Receber:"]


def test_a_logo_and_a_signature_beside_amounts_written_as_text_are_no_signal() -> None:
    """Guard (passes before and after): pictures a payroll program prints are larger, or beside no amount's caption,
    and the net is text."""
    assert "PDF_AMOUNT_AS_IMAGE" not in codes(payslip(net_as_image=False, logo=True, signature=True))
