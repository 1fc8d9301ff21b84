"""Round 26: what a file does or hides besides what it draws.

- PDF_JAVASCRIPT: a script run when the file opens (MEDIUM); scripts only on form fields and links (LOW).
- PDF_INVISIBLE_TEXT: amounts in the text layer that nobody sees (white on white, render mode 3) with nothing
  drawn at their place (HIGH). A scanner's invisible layer over its picture and white text on a dark bar are
  not signals.
- PDF_TEXT_OVER_PICTURE: a page that is a picture with only amounts typed over it (MEDIUM); a letterhead
  picture under a document written in text is not.
"""

from __future__ import annotations

import io
from typing import Any

import pikepdf
from PIL import Image, ImageDraw
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from documents.extraction.forensics import file_signals

PDF = "application/pdf"
ROWS = [("Vencimento base", "1.250,00"), ("Subsidio de refeicao", "132,00"), ("Total iliquido", "1.382,00"),
        ("Seguranca Social", "152,02"), ("Liquido a receber", "1.050,98")]  # fmt: skip


def signals(data: bytes, code: str) -> list[dict[str, Any]]:
    return [signal for signal in file_signals(data, content_type=PDF) if signal["code"] == code]


def payslip(*, colour: tuple[float, float, float] = (0, 0, 0), mode: int = 0, before: Any = None) -> bytes:
    """A payslip written as text in ``colour`` and render ``mode``; ``before(pdf)`` draws under it."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    pdf.setProducer("Primavera Executive")
    if before is not None:
        before(pdf)
    text = pdf.beginText()
    text.setTextRenderMode(mode)
    text.setFillColorRGB(*colour)
    text.setFont("Helvetica", 10)
    text.setTextOrigin(50, 760)
    text.textLine("Recibo de vencimento - Marco 2026")
    for label, amount in ROWS:
        text.textLine(f"{label}   {amount}")
    pdf.drawText(text)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def with_script(data: bytes, where: str) -> bytes:
    pdf = pikepdf.open(io.BytesIO(data))
    action = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert('ok');")))
    if where == "open":
        pdf.Root.OpenAction = action
    elif where == "names":
        pdf.Root.Names = pikepdf.Dictionary(JavaScript=pikepdf.Dictionary(Names=pikepdf.Array(["init", action])))
    else:  # a link annotation running the script when clicked
        link = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[50, 50, 150, 70], A=action)
        pdf.pages[0].obj.Annots = pikepdf.Array([pdf.make_indirect(link)])
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def test_script_run_on_open_is_medium() -> None:
    for where in ("open", "names"):
        found = signals(with_script(payslip(), where), "PDF_JAVASCRIPT")
        assert [signal["severity"] for signal in found] == ["MEDIUM"], where


def test_script_on_a_link_only_is_low() -> None:
    found = signals(with_script(payslip(), "link"), "PDF_JAVASCRIPT")
    assert [signal["severity"] for signal in found] == ["LOW"]
    assert found[0]["evidence"]["in_fields"] == 1


def test_plain_payslip_has_no_script_signal() -> None:
    """Guard (passes before and after the fix): a file with no script gives no signal."""
    assert signals(payslip(), "PDF_JAVASCRIPT") == []


def test_white_text_on_the_white_page_is_high() -> None:
    found = signals(payslip(colour=(1, 1, 1)), "PDF_INVISIBLE_TEXT")
    assert [signal["severity"] for signal in found] == ["HIGH"]
    assert found[0]["evidence"]["amounts"] >= 1


def test_invisible_render_mode_with_no_picture_is_high() -> None:
    found = signals(payslip(mode=3), "PDF_INVISIBLE_TEXT")
    assert [signal["severity"] for signal in found] == ["HIGH"]


def picture(width: int = 600, height: int = 800, rows: bool = True) -> ImageReader:
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    if rows:
        for index, (label, amount) in enumerate(ROWS):
            draw.text((40, 80 + 40 * index), f"{label}   {amount}", fill="black")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    buffer.seek(0)
    return ImageReader(buffer)


def test_scanners_invisible_layer_over_its_picture_is_no_signal() -> None:
    """Guard (passes before and after the fix): a searchable scan's invisible text lies on the page's picture."""
    scan = payslip(mode=3, before=lambda pdf: pdf.drawImage(picture(), 0, 0, 595, 842))
    assert signals(scan, "PDF_INVISIBLE_TEXT") == []
    assert signals(scan, "PDF_TEXT_OVER_PICTURE") == []


def test_a_searchable_scan_whose_picture_is_in_a_form_xobject_is_no_signal() -> None:
    """Some scanners and OCR tools wrap the page's picture in a form XObject: its searchable layer is no hidden
    text either (the first version of the check looked only at top-level images and called this HIGH)."""

    def wrapped_picture(pdf: Any) -> None:
        pdf.beginForm("scan")
        pdf.drawImage(picture(), 0, 0, 595, 842)
        pdf.endForm()
        pdf.doForm("scan")

    assert signals(payslip(mode=3, before=wrapped_picture), "PDF_INVISIBLE_TEXT") == []


def test_white_text_on_a_dark_bar_is_no_signal() -> None:
    """Guard (passes before and after the fix): white text on a filled bar drawn before it is seen."""

    def bar(pdf: Any) -> None:
        pdf.setFillColorRGB(0.1, 0.2, 0.5)
        pdf.rect(40, 680, 500, 100, stroke=0, fill=1)

    assert signals(payslip(colour=(1, 1, 1), before=bar), "PDF_INVISIBLE_TEXT") == []


def typed_over_picture(*, body: bool) -> bytes:
    """A word processor's page: a picture of a payslip, then either two amounts typed over it or a whole
    letter written over a letterhead picture (``body``)."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    pdf.setProducer("Microsoft® Word for Microsoft 365")
    pdf.drawImage(picture(rows=not body), 30, 60, 535, 713)
    pdf.setFont("Times-Bold", 10)
    if body:
        lines = ["Recibo de vencimento do mes de Marco de 2026, emitido pela empresa ao trabalhador abaixo."]
        lines += [f"{label} do trabalhador no mes   {amount}" for label, amount in ROWS]
        for index, line in enumerate(lines):
            pdf.drawString(60, 700 - 16 * index, line)
    else:
        pdf.drawString(400, 600, "1.950,00")
        pdf.drawString(400, 520, "1.650,98 EUR")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_amounts_typed_over_a_picture_page_is_medium() -> None:
    found = signals(typed_over_picture(body=False), "PDF_TEXT_OVER_PICTURE")
    assert [signal["severity"] for signal in found] == ["MEDIUM"]


def test_letter_written_over_a_letterhead_picture_is_no_signal() -> None:
    """Guard (passes before and after the fix): text that is mostly words over a background picture."""
    assert signals(typed_over_picture(body=True), "PDF_TEXT_OVER_PICTURE") == []


def test_empty_script_tree_is_no_signal() -> None:
    """Guard (passes before and after the fix): an editor that removed the scripts may leave the empty tree."""
    pdf = pikepdf.open(io.BytesIO(payslip()))
    pdf.Root.Names = pikepdf.Dictionary(JavaScript=pikepdf.Dictionary(Names=pikepdf.Array([])))
    out = io.BytesIO()
    pdf.save(out)
    assert signals(out.getvalue(), "PDF_JAVASCRIPT") == []
