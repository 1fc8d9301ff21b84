"""File forensics (issue 17): each signal on a small file made here, the structures real issuers produce
(signatures in incremental updates, linearized files, bold totals, phone EXIF) giving nothing worse than LOW,
and unreadable files giving nothing at all."""

from __future__ import annotations

import io
import json
from typing import Any

import pikepdf
import pytest
from PIL import Image, PngImagePlugin
from reportlab.pdfgen import canvas

from documents.extraction.forensics import file_signals, font_family
from samples.synthetic import Synthetic
from samples.tampered import append_update, signature_update, stream_object, with_producer

PDF = "application/pdf"
# Amounts on a page, in rows of (label, amount); the last is the net.
ROWS = [("Vencimento base", "1.250,00"), ("Subsidio de alimentacao", "167,20"), ("Seguranca Social", "137,50"),
        ("Retencao IRS", "162,40"), ("Liquido a receber", "1.117,30")]  # fmt: skip


def payslip(*, net_font: str = "Helvetica", net_text: str = "1.117,30", bold_total: bool = False) -> bytes:
    """A one-page slip in Helvetica; the net amount drawn in ``net_font``."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    pdf.setProducer("PHC CS Recursos Humanos")
    y = 780.0
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(40, y, "RECIBO DE VENCIMENTO")
    for label, amount in ROWS:
        y -= 18
        last = label.startswith("Liquido")
        pdf.setFont("Helvetica-Bold" if last and bold_total else "Helvetica", 10)
        pdf.drawString(40, y, label)
        pdf.setFont(net_font if last else "Helvetica", 10)
        pdf.drawRightString(500, y, net_text if last else amount)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def signals(data: bytes, content_type: str = PDF) -> list[dict[str, Any]]:
    return file_signals(data, content_type=content_type)


def codes(data: bytes, content_type: str = PDF) -> dict[str, str]:
    return {signal["code"]: signal["severity"] for signal in signals(data, content_type)}


def rewritten(data: bytes, change: Any, **save: Any) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        change(pdf)
        out = io.BytesIO()
        pdf.save(out, **{"deterministic_id": "encryption" not in save, **save})
    return out.getvalue()


def with_info(data: bytes, **info: str) -> bytes:
    def change(pdf: pikepdf.Pdf) -> None:
        for key, value in info.items():
            pdf.trailer.Info[f"/{key}"] = value

    return rewritten(data, change)


def as_document(data: bytes) -> Synthetic:
    return Synthetic("recibo.pdf", data, PDF, "PROOF_OF_INCOME", "RECIBO_VENCIMENTO", {})


def content_edit(data: bytes, old: bytes, new: bytes) -> bytes:
    """The first page's content stream with ``old`` replaced, appended as an incremental update."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        stream = pdf.pages[0].obj.Contents
        number, content = stream.objgen[0], stream.read_bytes()
    assert old in content
    return append_update(data, {number: stream_object(content.replace(old, new))})


# --- The shape of a signal ---------------------------------------------------------------------------------


def test_a_clean_payroll_pdf_gives_no_signal() -> None:
    assert signals(payslip()) == []


def test_every_signal_has_the_stored_shape_and_no_document_text() -> None:
    edited = content_edit(with_info(payslip(net_font="Courier"), Producer="iLovePDF"), b"1.117,30", b"1.917,30")
    found = signals(edited)
    assert {s["code"] for s in found} >= {"PDF_INCREMENTAL_PAGE_EDIT", "PDF_FONT_OUTLIER", "PDF_PRODUCER_EDITOR"}
    for signal in found:
        assert set(signal) == {"code", "severity", "evidence", "explanation", "source"}
        assert signal["source"] == "file" and signal["severity"] in {"LOW", "MEDIUM", "HIGH"}
        assert signal["explanation"].strip()
    stored = json.dumps(found)
    for _label, amount in ROWS:
        assert amount not in stored
    assert "1.917,30" not in stored and "Vencimento" not in stored


# --- Producer and creator -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("producer", "creator"),
    [("LibreOffice 7.6", "Writer"), ("Microsoft® Word for Microsoft 365", "Microsoft® Word for Microsoft 365"),
     ("Adobe PDF Library 23.1.175", "Acrobat PDFMaker 23 for Excel"), ("macOS Version 14.4 Quartz PDFContext", "Pages")],
)  # fmt: skip
def test_an_office_suite_is_a_low_signal(producer: str, creator: str) -> None:
    found = signals(with_info(payslip(), Producer=producer, Creator=creator))
    assert [(s["code"], s["severity"]) for s in found] == [("PDF_PRODUCER_OFFICE", "LOW")]
    assert found[0]["evidence"] == {"producer": producer, "creator": creator}


@pytest.mark.parametrize(
    ("producer", "creator"),
    [("iLovePDF", "JasperReports"), ("Smallpdf.com", ""), ("Adobe Photoshop 25.3 (Windows)", ""),
     ("Adobe Acrobat Pro (64-bit) 23.8.20458", "Crystal Reports"), ("PDF-XChange Editor 10.1.1.381", ""),
     ("Foxit PhantomPDF Printer Version 10.1", "Foxit PhantomPDF"), ("LibreOffice 7.5", "Draw"), ("Sejda SDK 3.2.85", "")],
)  # fmt: skip
def test_an_image_or_pdf_editor_is_a_medium_signal(producer: str, creator: str) -> None:
    found = signals(with_info(payslip(), Producer=producer, Creator=creator))
    assert [(s["code"], s["severity"]) for s in found] == [("PDF_PRODUCER_EDITOR", "MEDIUM")]


@pytest.mark.parametrize(
    ("producer", "creator"),
    [("Adobe PDF Library 15.0", "Adobe InDesign"), ("Acrobat Distiller 23.0 (Windows)", "PScript5.dll Version 5.2.2"),
     ("Adobe Acrobat Pro DC 21.1.20155 Paper Capture Plug-in", "Adobe Acrobat Pro DC 21.1.20155"),
     ("macOS Version 14.4 (Build 23E214) Quartz PDFContext", "Safari"), ("Microsoft: Print To PDF", ""),
     ("iText® 5.5.13.3 ©2000-2022 iText Group NV", "Primavera"), ("JasperReports Library version 6.20.6", ""),
     ("Skia/PDF m122", "Mozilla/5.0 Chrome/122"), ("GPL Ghostscript 10.02.1", "PDFCreator 5.2")],
)  # fmt: skip
def test_printers_libraries_and_reporting_engines_are_no_signal(producer: str, creator: str) -> None:
    assert signals(with_info(payslip(), Producer=producer, Creator=creator)) == []


def test_the_xmp_creator_tool_counts_when_the_info_dictionary_is_gone() -> None:
    xmp = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
           b'<rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreatorTool>Microsoft\xc2\xae Excel\xc2\xae '
           b"2019</xmp:CreatorTool></rdf:Description></rdf:RDF></x:xmpmeta>")  # fmt: skip

    def change(pdf: pikepdf.Pdf) -> None:
        del pdf.trailer["/Info"]
        pdf.Root.Metadata = pdf.make_stream(xmp, Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML)

    assert codes(rewritten(payslip(), change)) == {"PDF_PRODUCER_OFFICE": "LOW"}


# --- Dates and metadata -------------------------------------------------------------------------------------


def test_a_modification_days_after_creation_is_low_with_the_exact_days() -> None:
    data = with_info(payslip(), CreationDate="D:20250110093000+00'00'", ModDate="D:20250301120000Z")
    found = signals(data)
    assert [(s["code"], s["severity"]) for s in found] == [("PDF_MODIFIED_AFTER_CREATION", "LOW")]
    assert found[0]["evidence"] == {"days": 50, "created": "2025-01-10", "modified": "2025-03-01"}


def test_a_modification_the_same_day_or_across_a_time_zone_is_no_signal() -> None:
    assert signals(with_info(payslip(), CreationDate="D:20250110090000Z", ModDate="D:20250110235900Z")) == []
    # 23:30 in Lisbon summer time is 22:30 UTC; 00:10 the next day at +02:00 is 22:10 UTC, earlier.
    assert (
        signals(with_info(payslip(), CreationDate="D:20250710233000+01'00'", ModDate="D:20250711001000+02'00'")) == []
    )


def test_no_producer_creator_or_dates_and_no_xmp_is_metadata_wiped() -> None:
    def change(pdf: pikepdf.Pdf) -> None:
        del pdf.trailer["/Info"]

    assert codes(rewritten(payslip(), change)) == {"PDF_METADATA_WIPED": "LOW"}


# --- Incremental updates ----------------------------------------------------------------------------------


def test_a_later_revision_that_changes_the_content_stream_is_a_high_page_edit() -> None:
    edited = content_edit(payslip(), b"1.117,30", b"1.917,30")
    found = signals(edited)
    assert [(s["code"], s["severity"]) for s in found] == [("PDF_INCREMENTAL_PAGE_EDIT", "HIGH")]
    assert found[0]["evidence"] == {"revisions": 2, "pages": [1], "objects": 1}
    assert signals(payslip()) == []  # the same slip before the update


def test_a_later_revision_that_redefines_a_font_is_a_page_edit() -> None:
    data = payslip()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        font = pdf.pages[0].Resources.Font["/F1"]
        number = font.objgen[0]
        body = font.unparse(resolved=True).replace(b"/Helvetica", b"/Courier")
    assert codes(append_update(data, {number: body})) == {"PDF_INCREMENTAL_PAGE_EDIT": "HIGH"}


def test_a_signature_added_in_an_incremental_update_is_only_low() -> None:
    signed = signature_update(as_document(payslip())).data
    with pikepdf.open(io.BytesIO(signed)) as pdf:
        assert "/AcroForm" in pdf.Root and len(pdf.pages[0].Annots) == 1
    found = signals(signed)
    assert [(s["code"], s["severity"]) for s in found] == [("PDF_INCREMENTAL_UPDATE", "LOW")]
    assert found[0]["evidence"] == {"revisions": 2}


def test_an_edit_then_a_signature_is_still_the_edit() -> None:
    edited = content_edit(payslip(), b"1.117,30", b"1.917,30")
    signed = signature_update(as_document(edited)).data
    found = {s["code"]: s for s in signals(signed)}
    assert found["PDF_INCREMENTAL_PAGE_EDIT"]["evidence"]["revisions"] == 3
    assert "PDF_INCREMENTAL_UPDATE" not in found


def test_streams_that_only_save_and_restore_state_and_unused_resources_draw_nothing() -> None:
    """What stamping tools add around a page when all they add is an annotation."""
    data = payslip()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0].obj
        save, restore = pdf.make_indirect(pikepdf.Stream(pdf, b"q")), pdf.make_indirect(pikepdf.Stream(pdf, b"Q"))
        page.Contents = pikepdf.Array([save, page.Contents, restore])
        fonts = page.Resources.Font
        fonts["/F9"] = pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Courier
        )
        update = {obj.objgen[0]: obj.unparse(resolved=True) for obj in (page, fonts)}
        update |= {save.objgen[0]: stream_object(b"q\n"), restore.objgen[0]: stream_object(b"\nQ\n")}
    assert codes(append_update(data, update)) == {"PDF_INCREMENTAL_UPDATE": "LOW"}


def test_a_linearized_file_is_one_revision_and_an_update_to_it_is_counted() -> None:
    linearized = with_producer(as_document(payslip()), "Crystal Reports", "Crystal Reports", linearize=True).data
    assert linearized.count(b"%%EOF") == 2
    assert signals(linearized) == []
    edited = content_edit(linearized, b"1.117,30", b"1.917,30")
    found = {s["code"]: s for s in signals(edited)}
    assert found["PDF_INCREMENTAL_PAGE_EDIT"]["evidence"]["revisions"] == 2


def test_a_pdf_attached_inside_a_pdf_is_not_a_revision() -> None:
    inner = payslip()

    def attach(pdf: pikepdf.Pdf) -> None:
        pdf.attachments["original.pdf"] = pikepdf.AttachedFileSpec(pdf, inner)

    outer = rewritten(payslip(), attach, compress_streams=False)
    assert outer.count(b"%%EOF") == 2
    # No revision signal; the attachment itself is only noted (LOW), as a file that is not a program.
    assert [(s["code"], s["severity"]) for s in signals(outer)] == [("PDF_ACTIVE_CONTENT", "LOW")]


# --- Fonts ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("font", ["Courier", "Times-Roman"])
def test_one_amount_in_a_font_nothing_else_uses_is_a_high_outlier(font: str) -> None:
    found = signals(payslip(net_font=font))
    assert [(s["code"], s["severity"]) for s in found] == [("PDF_FONT_OUTLIER", "HIGH")]
    assert found[0]["evidence"] == {"page": 1, "font": font_family(font), "other_fonts": ["Helvetica"]}


def test_an_outlier_amount_with_a_euro_sign_is_still_an_outlier() -> None:
    assert codes(payslip(net_font="Courier", net_text="1.117,30 €")) == {"PDF_FONT_OUTLIER": "HIGH"}


def test_a_bold_total_in_the_same_family_is_not_an_outlier() -> None:
    assert signals(payslip(net_font="Helvetica-Bold", bold_total=True)) == []
    assert signals(payslip(net_font="Helvetica-Oblique")) == []


def test_a_font_that_also_draws_words_or_several_amounts_is_not_an_outlier() -> None:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(40, 700, "Total 1.250,00   Descontos 299,90")
    pdf.setFont("Courier", 10)
    pdf.drawString(40, 680, "Liquido 950,10")  # a label too
    pdf.drawString(40, 660, "120,00  80,00")  # a column of amounts, not one
    pdf.save()
    assert signals(buffer.getvalue()) == []


def test_an_outlier_needs_two_other_amounts_on_the_page() -> None:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(40, 700, "Valor base 1.250,00")
    pdf.setFont("Courier", 10)
    pdf.drawString(40, 680, "950,10")
    pdf.save()
    assert signals(buffer.getvalue()) == []


@pytest.mark.parametrize(
    ("name", "family"),
    [("Helvetica-Bold", "Helvetica"), ("ABCDEF+Arial,Bold", "Arial"), ("ArialMT", "Arial"), ("Arial-BoldMT", "Arial"),
     ("TimesNewRomanPS-BoldItalicMT", "TimesNewRoman"), ("TimesNewRomanPSMT", "TimesNewRoman"), ("Times-Roman", "Times"),
     ("VeraBd", "Vera"), ("BitstreamVeraSans-Roman", "BitstreamVeraSans"), ("Calibri Bold", "Calibri"),
     ("ArialNarrow-Bold", "Arial"), ("Courier", "Courier"), ("CourierNewPS-BoldMT", "CourierNew")],
)  # fmt: skip
def test_font_family_drops_subset_tags_weights_and_slants(name: str, family: str) -> None:
    assert font_family(name) == family


# --- Files we cannot read ---------------------------------------------------------------------------------


def test_garbage_truncated_empty_and_encrypted_files_give_nothing() -> None:
    data = payslip(net_font="Courier")
    encrypted = rewritten(data, lambda pdf: None, encryption=pikepdf.Encryption(user="secret", owner="owner"))
    for broken in (
        b"",
        b"garbage" * 100,
        b"%PDF-1.7\n" + bytes(range(256)) * 20,
        data[: len(data) // 2],
        data[: len(data) * 3 // 4],
        encrypted,
    ):
        assert signals(broken) == []
        assert signals(broken, "image/png") == []
    assert signals(data, "text/plain") == []


def test_an_update_cut_short_is_a_damaged_file_not_an_edit() -> None:
    edited = content_edit(payslip(), b"1.117,30", b"1.917,30")
    assert codes(edited) == {"PDF_INCREMENTAL_PAGE_EDIT": "HIGH"}
    assert signals(edited[:-30]) == []


# --- Images -------------------------------------------------------------------------------------------------


def image(software: str | None = None, *, fmt: str = "PNG", png_text: dict[str, str] | None = None) -> bytes:
    picture = Image.new("RGB", (64, 40), (240, 240, 240))
    out = io.BytesIO()
    options: dict[str, Any] = {}
    if software is not None:
        exif = Image.Exif()
        exif[305] = software
        options["exif"] = exif
    if png_text:
        info = PngImagePlugin.PngInfo()
        for key, value in png_text.items():
            info.add_itxt(key, value)
        options["pnginfo"] = info
    picture.save(out, format=fmt, **options)
    return out.getvalue()


@pytest.mark.parametrize(
    ("software", "fmt"),
    [("Adobe Photoshop 25.3 (Windows)", "JPEG"), ("GIMP 2.10.36", "PNG"), ("Snapseed 2.0", "JPEG"),
     ("Pixelmator Pro 3.5", "PNG"), ("paint.net 5.0.12", "PNG"), ("GIMP 2.10.36", "WEBP"), ("GIMP 2.10.36", "TIFF")],
)  # fmt: skip
def test_an_image_editor_in_exif_is_a_medium_signal(software: str, fmt: str) -> None:
    found = signals(image(software, fmt=fmt), f"image/{fmt.lower()}")
    assert [(s["code"], s["severity"]) for s in found] == [("IMAGE_EDITOR_SOFTWARE", "MEDIUM")]
    assert found[0]["evidence"] == {"software": software}


@pytest.mark.parametrize(
    "software",
    ["iOS 17.4", "17.4.1", "HDR+ 1.0.641377693zd", "G991BXXS9FXA1", "Microsoft Lens", "Adobe Scan", "CamScanner",
     "Genius Scan", "Adobe Photoshop Lightroom 9.2 (Android)", "EPSON Scan", "Windows Photo Editor 10.0.10011.16384"],
)  # fmt: skip
def test_phones_scanner_apps_and_photo_development_are_no_signal(software: str) -> None:
    assert signals(image(software, fmt="JPEG"), "image/jpeg") == []


def test_editors_named_in_png_text_or_xmp_count_too() -> None:
    assert codes(image(png_text={"Software": "Microsoft Lens"}), "image/png") == {}
    # Photoshop's "Save for Web" names its old companion in PNG text.
    assert codes(image(png_text={"Software": "Adobe ImageReady"}), "image/png") == {"IMAGE_EDITOR_SOFTWARE": "MEDIUM"}
    assert codes(image(png_text={"Software": "GIMP 2.10"}), "image/png") == {"IMAGE_EDITOR_SOFTWARE": "MEDIUM"}
    xmp = '<x:xmpmeta><rdf:Description xmp:CreatorTool="Canva"/></x:xmpmeta>'
    assert codes(image(png_text={"XML:com.adobe.xmp": xmp}), "image/png") == {"IMAGE_EDITOR_SOFTWARE": "MEDIUM"}
    history = "<stEvt:softwareAgent>Adobe Photoshop 25.0 (Macintosh)</stEvt:softwareAgent>"
    jpeg = image("iOS 17.4", fmt="JPEG")
    with_history = jpeg[:2] + b"\xff\xe1" + (len(history) + 2).to_bytes(2, "big") + history.encode() + jpeg[2:]
    assert codes(with_history, "image/jpeg") == {"IMAGE_EDITOR_SOFTWARE": "MEDIUM"}
