"""Blind probe r52a (PDFs as real software writes them): a scan's invisible text layer that reads as another
payslip than its picture (N03: other amounts; N04: another person) raised nothing, while a scanner's own OCR
errors in such a layer must not raise anything; and a PDF editor's name was MEDIUM on a passport scan and on a
payslip form filled in Acrobat, where no page writes the values as text."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any, Literal

import pikepdf
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from documents.extraction.forensics import file_signals
from documents.extraction.layers import document_signals
from documents.extraction.schema import DocumentKind, ExtractionResult, fields_validate

PDF = "application/pdf"
PAGE = (595, 842)
# What the page's picture says, as the extraction read it.
PICTURE = {
    "employer_name": "Hotelaria Algarvia, Lda",
    "employer_nif": "579654478",
    "employee_name": "João Miguel Mourão Patrício",
    "employee_nif": "247568953",
    "base_salary": "1.050,00",
    "gross_pay": "1.182,00",
    "social_security": "115,50",
    "irs_withholding": "120,75",
    "net_pay": "945,75",
}


def layer(**changed: str) -> list[str]:
    """A payslip's text, as a scanner's OCR layer would hold it; ``changed`` overrides the picture's values."""
    values = {**PICTURE, **changed}
    return [
        "RECIBO DE VENCIMENTO",
        values["employer_name"],
        f"NIF da entidade: {values['employer_nif']}",
        "Período: fevereiro de 2025 Data de pagamento: 28/02/2025",
        f"Nome: {values['employee_name']}",
        f"NIF: {values['employee_nif']} NISS: 10060509244",
        f"Vencimento base {values['base_salary']}",
        f"Total ilíquido {values['gross_pay']}",
        f"Segurança Social (11%) {values['social_security']}",
        f"Retenção IRS {values['irs_withholding']}",
        f"Líquido a receber {values['net_pay']}",
    ]


def scan(lines: list[str] | None, *, producer: str = "Canon iR-ADV C5535") -> bytes:
    """One page: a picture filling it, and ``lines`` in render mode 3 (invisible) over it."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=PAGE)
    pdf.setProducer(producer)
    pdf.drawImage(ImageReader(Image.new("L", (60, 85), 235)), 0, 0, *PAGE)
    if lines:
        text = pdf.beginText(40, 780)
        text.setFont("Helvetica", 10)
        text.setTextRenderMode(3)
        for line in lines:
            text.textLine(line)
        pdf.drawText(text)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def read_from_the_picture(method: Literal["text", "ocr"] = "ocr") -> ExtractionResult:
    raw: dict[str, Any] = {
        name: value if name.endswith(("_name", "_nif")) else Decimal(value.replace(".", "").replace(",", "."))
        for name, value in PICTURE.items()
    }
    kind = DocumentKind.RECIBO_VENCIMENTO
    return ExtractionResult(kind=kind, fields=fields_validate(kind, raw), method=method, extractor="local",
                            extractor_version="test")  # fmt: skip


def signals(data: bytes, extracted: ExtractionResult | None = None) -> list[dict[str, Any]]:
    if extracted is None:
        return file_signals(data, content_type=PDF)
    return document_signals(data, content_type=PDF, extracted=extracted)


def mismatch(data: bytes, extracted: ExtractionResult | None) -> list[dict[str, Any]]:
    return [s for s in signals(data, extracted) if s["code"] == "PDF_TEXT_LAYER_MISMATCH"]


# --- A scan's text layer against its picture's reading --------------------------------------------------------


def test_a_layer_with_other_amounts_than_the_picture_is_a_high_signal_naming_the_fields() -> None:
    tampered = layer(base_salary="2.100,00", gross_pay="2.232,00", social_security="231,00",
                     irs_withholding="241,50", net_pay="1.759,50")  # fmt: skip
    found = mismatch(scan(tampered), read_from_the_picture())
    assert [(s["severity"], s["evidence"]["pages"]) for s in found] == [("HIGH", [1])]
    assert {"net_pay", "gross_pay", "base_salary"} <= set(found[0]["evidence"]["fields"])
    assert "employee_name" not in found[0]["evidence"]["fields"]
    stored = str(found)
    assert "1.759,50" not in stored and "1759" not in stored and "Patrício" not in stored


def test_a_layer_naming_another_person_is_a_high_signal() -> None:
    found = mismatch(scan(layer(employee_name="Rui Filipe Lopes Falcão", employee_nif="278932878")),
                     read_from_the_picture())  # fmt: skip
    assert [s["severity"] for s in found] == ["HIGH"]
    assert found[0]["evidence"]["fields"] == ["employee_name", "employee_nif"]
    assert "Rui" not in str(found) and "278932878" not in str(found)


def test_a_scanners_own_ocr_errors_in_its_layer_are_no_signal() -> None:
    # A digit misread in the net, a letter for a digit in the gross, a NIF one digit short, a name's letter.
    errors = layer(net_pay="948,75", gross_pay="1.1S2,00", employer_nif="57965447",
                   employee_name="Joäo Miguel Mourao Patricio")  # fmt: skip
    assert mismatch(scan(errors), read_from_the_picture()) == []
    assert mismatch(scan(layer()), read_from_the_picture()) == []


def test_a_layer_is_not_compared_when_the_extraction_read_the_layer_or_nothing_is_given() -> None:
    tampered = scan(layer(net_pay="1.759,50", employee_name="Rui Filipe Lopes Falcão"))
    assert mismatch(tampered, read_from_the_picture(method="text")) == []
    assert mismatch(tampered, None) == []


# --- A PDF editor's name where no page writes the values as text ---------------------------------------------


def test_a_pdf_editor_saving_a_scan_is_low() -> None:
    found = signals(scan(None, producer="Kofax Power PDF (JPX)"))
    assert [(s["code"], s["severity"], s["evidence"]["values_in"]) for s in found] == [
        ("PDF_PRODUCER_EDITOR", "LOW", "image")
    ]


def test_an_image_editor_saving_a_scan_stays_medium() -> None:
    found = signals(scan(None, producer="Adobe Photoshop 25.3 (Windows)"))
    assert [(s["code"], s["severity"]) for s in found] == [("PDF_PRODUCER_EDITOR", "MEDIUM")]


def filled_form(*, producer: str) -> bytes:
    """A payslip template whose values are form fields, filled in and saved by ``producer``."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=PAGE)
    pdf.setFont("Helvetica", 10)
    y = 780
    for caption, value in [("Vencimento base", "920,00"), ("Subsídio de alimentação (22 x 6,00)", "132,00"),
                           ("Total ilíquido", "1.052,00"), ("Líquido a receber", "845,00")]:  # fmt: skip
        pdf.drawString(40, y, caption)
        pdf.acroForm.textfield(name=f"f{y}", value=value, x=400, y=y - 4, width=120, height=16, borderWidth=0)
        y -= 20
    pdf.showPage()
    pdf.save()
    with pikepdf.open(io.BytesIO(buffer.getvalue())) as document:
        document.docinfo["/Producer"] = producer
        out = io.BytesIO()
        document.save(out)
    return out.getvalue()


def test_a_pdf_editor_saving_a_filled_form_is_low() -> None:
    found = signals(filled_form(producer="Adobe Acrobat Pro 2020"))
    assert [(s["code"], s["severity"], s["evidence"]["values_in"]) for s in found] == [
        ("PDF_PRODUCER_EDITOR", "LOW", "form_fields")
    ]
