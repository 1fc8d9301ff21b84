"""Round 17: an amount whited out with an opaque box and written over (a simple PDF editor's edit).

The old text stays in the file under the box: the forensic check names it (PDF_COVERED_AMOUNT, HIGH) and the
text layer reads what a person sees, the value on top. Backgrounds drawn before their text, a blank patch
with nothing written on it and a see-through highlight are not edits.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.colors import Color
from reportlab.pdfgen import canvas

from documents.extraction.forensics import file_signals
from documents.extraction.reader import read_document

PDF = "application/pdf"
ROWS = [("Vencimento base", "870,00"), ("Subsidio de refeicao", "120,50"), ("Total iliquido", "990,50"),
        ("Seguranca Social", "108,96"), ("Liquido a receber", "881,54")]  # fmt: skip
EDITS = {"870,00": "1.870,00", "990,50": "1.990,50", "881,54": "1.881,54"}


def row_y(index: int) -> float:
    return 700.0 - 20 * index


def payslip(*, edit: str = "none", patch: tuple[float, float, float, float] = (1, 1, 1, 1)) -> bytes:
    """A slip in Helvetica; ``edit``: "overdrawn" (boxes over three amounts, new ones written on top in Courier),
    "blank" (boxes, nothing on top), "background" (boxes drawn before the amounts)."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    pdf.setProducer("Sage Recursos Humanos")

    def boxes() -> None:
        pdf.setFillColor(Color(*patch[:3], alpha=patch[3]))
        for index, (_, amount) in enumerate(ROWS):
            if amount in EDITS:
                pdf.rect(440, row_y(index) - 3, 65, 14, stroke=0, fill=1)
        pdf.setFillColor(Color(0, 0, 0))

    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(50, 760, "Recibo de vencimento - Marco 2026")
    if edit == "background":
        boxes()
    pdf.setFont("Helvetica", 10)
    for index, (label, amount) in enumerate(ROWS):
        pdf.drawString(60, row_y(index), label)
        pdf.drawRightString(500, row_y(index), amount)
    if edit in {"overdrawn", "blank"}:
        boxes()
    if edit == "overdrawn":
        pdf.setFont("Courier", 10)
        for index, (_, amount) in enumerate(ROWS):
            if amount in EDITS:
                pdf.drawRightString(500, row_y(index), EDITS[amount])
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def codes(data: bytes) -> dict[str, str]:
    return {signal["code"]: signal["severity"] for signal in file_signals(data, content_type=PDF)}


def covered(data: bytes) -> list[dict[str, Any]]:
    return [signal for signal in file_signals(data, content_type=PDF) if signal["code"] == "PDF_COVERED_AMOUNT"]


def test_amounts_whited_out_and_written_over_are_a_high_signal() -> None:
    [signal] = covered(payslip(edit="overdrawn"))
    assert signal["severity"] == "HIGH"
    assert signal["evidence"] == {"page": 1, "count": 3, "fonts": ["Helvetica"], "over_fonts": ["Courier"]}
    assert not any(amount in str(signal) for amount in [*EDITS, *EDITS.values()])  # no document text


def test_the_text_layer_reads_the_amounts_on_top_not_the_covered_ones() -> None:
    lines = [line.text for line in read_document(payslip(edit="overdrawn")).lines]
    assert "Vencimento base 1.870,00" in lines
    assert "Total iliquido 1.990,50" in lines
    assert "Liquido a receber 1.881,54" in lines
    assert "Subsidio de refeicao 120,50" in lines
    assert not any(line.endswith((" 870,00", " 990,50", " 881,54")) for line in lines)


def test_boxes_drawn_before_the_text_are_backgrounds() -> None:
    """Guard (passes before the fix too): table fills and zebra rows come before their text."""
    data = payslip(edit="background", patch=(0.9, 0.9, 0.9, 1))
    assert covered(data) == []
    assert "Vencimento base 870,00" in [line.text for line in read_document(data).lines]


def test_a_blank_patch_with_nothing_written_on_it_is_no_signal() -> None:
    """Guard (passes before the fix too): a value blanked out is not a value changed."""
    assert covered(payslip(edit="blank")) == []


def test_a_see_through_highlight_drawn_over_amounts_hides_nothing() -> None:
    """Guard (passes before the fix too): a translucent box leaves the text under it visible and read."""
    data = payslip(edit="overdrawn", patch=(1, 1, 0, 0.3))
    assert covered(data) == []
    assert any(line.text.startswith("Vencimento base 870,00") for line in read_document(data).lines)


def test_the_untouched_slip_gives_no_signal_and_reads_as_printed() -> None:
    """Guard (passes before the fix too)."""
    data = payslip()
    assert codes(data) == {}
    assert "Liquido a receber 881,54" in [line.text for line in read_document(data).lines]


def slip_in_fonts(amount_font: dict[str, str]) -> bytes:
    """A slip in Helvetica with the amounts named in ``amount_font`` drawn in another font, nothing covered."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(50, 760, "Recibo de vencimento - Marco 2026")
    for index, (label, amount) in enumerate(ROWS):
        pdf.setFont("Helvetica", 10)
        pdf.drawString(60, row_y(index), label)
        pdf.setFont(amount_font.get(amount, "Helvetica"), 10)
        pdf.drawRightString(500, row_y(index), amount)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_several_amounts_in_a_font_nothing_else_uses_are_a_font_outlier() -> None:
    data = slip_in_fonts(dict.fromkeys(EDITS, "Times-Roman"))
    [signal] = [signal for signal in file_signals(data, content_type=PDF) if signal["code"] == "PDF_FONT_OUTLIER"]
    assert signal["severity"] == "HIGH"
    assert signal["evidence"] == {"page": 1, "font": "Times", "other_fonts": ["Helvetica"]}
    assert "3 valores" in signal["explanation"]


def test_a_program_printing_every_amount_in_a_monospace_font_is_no_outlier() -> None:
    """Guard (passes before the fix too): no amount is left in another family."""
    data = slip_in_fonts({amount: "Courier" for _, amount in ROWS})
    assert codes(data) == {}
