"""Tampered documents, made the way a forger would from clean ones, and the clean set to measure false alarms.

Four edits, each spread over every payslip layout family (issue 17):

- ``incremental_net_pay``: the net amount changed in place and saved as an incremental update (what a PDF
  editor's "save" does): a new version of the page's content stream under the same object number;
- ``office_resave``: the slip re-saved from an office suite (new producer, dates of the re-save);
- ``redrawn_amount``: a white box over the net amount and another amount drawn on it in another font;
- ``image_edited``: a Cartão de Cidadão image re-saved from Photoshop or GIMP.

``clean_corpus`` gathers every generator the project has (text PDFs, scans, photos) plus files shaped like
real issuers' and phones': payroll engines as producers, a signature added in an incremental update (as the
Portal das Finanças does), linearized files, and phone and scanner-app EXIF.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import io
import random
import re
import zlib
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from samples.synthetic import Synthetic

# What each edit should raise in documents/extraction/forensics.py.
EXPECTED = {
    "incremental_net_pay": ("PDF_INCREMENTAL_PAGE_EDIT", "HIGH"),
    "office_resave": ("PDF_PRODUCER_OFFICE", "LOW"),
    "redrawn_amount": ("PDF_FONT_OUTLIER", "HIGH"),
    "image_edited": ("IMAGE_EDITOR_SOFTWARE", "MEDIUM"),
    "annotated_amount": ("PDF_ANNOTATED_AMOUNT", "HIGH"),
}
OFFICE_SUITES = [
    ("LibreOffice 7.6", "Writer"),
    ("Microsoft® Word for Microsoft 365", "Microsoft® Word for Microsoft 365"),
    ("Microsoft® Excel® 2019", "Microsoft® Excel® 2019"),
]
IMAGE_EDITORS = ["Adobe Photoshop 25.3 (Windows)", "GIMP 2.10.36"]
# Producers real payroll and reporting engines write, and capture software on phones and scanners.
PAYROLL_PRODUCERS = [
    ("JasperReports Library version 6.20.6", "JasperReports Library version 6.20.6"),
    ("iText® 5.5.13.3 ©2000-2022 iText Group NV (AGPL-version)", "Primavera Recursos Humanos"),
    ("Crystal Reports", "Crystal Reports"),
    ("Microsoft Reporting Services PDF Rendering Extension 15.0.0.0", "Microsoft Reporting Services 15.0.0.0"),
    ("Qt 5.15.2", "PHC CS Recursos Humanos"),
    ("Acrobat Distiller 23.0 (Windows)", "PScript5.dll Version 5.2.2"),
]
CAPTURE_SOFTWARE = ["iOS 17.4", "17.4.1", "HDR+ 1.0.641377693zd", "G991BXXS9FXA1", "Microsoft Lens", "Adobe Scan",
                    "CamScanner", "Genius Scan", "Adobe Photoshop Lightroom 9.2 (Android)", "EPSON Scan"]  # fmt: skip


@dataclass(frozen=True)
class TamperedSample:
    variant: str
    sample: Synthetic  # the tampered file; ``expected`` holds the original's fields
    original: Synthetic
    expected_code: str
    expected_severity: str


# --- Writing an incremental update by hand (the forger's tool) -------------------------------------------


def stream_object(payload: bytes) -> bytes:
    packed = zlib.compress(payload)
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(packed), packed)


def append_update(data: bytes, objects: dict[int, bytes]) -> bytes:
    """``data`` with an incremental update redefining ``objects`` (number -> body), a new xref and trailer."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        trailer = pdf.trailer
        root, info = trailer.Root.objgen[0], trailer.Info.objgen[0]
        ids = f"/ID {trailer.ID.unparse().decode('latin-1')} " if "/ID" in trailer else ""
        size = max(int(trailer.Size), max(objects) + 1)
    previous = int(re.findall(rb"startxref\s+(\d+)\s+%%EOF", data)[-1])
    out = bytearray(data if data.endswith(b"\n") else data + b"\n")
    offsets = {}
    for number, body in sorted(objects.items()):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 1\n0000000000 65535 f\r\n"
    for number, offset in sorted(offsets.items()):
        out += b"%d 1\n%010d 00000 n\r\n" % (number, offset)
    out += f"trailer\n<< /Size {size} /Root {root} 0 R /Info {info} 0 R {ids}/Prev {previous} >>\n".encode()
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def amount_forms(value: float) -> list[str]:
    """How the families print an amount: 1.234,56, 1 234,56 and 1234,56."""
    from samples.payslips import pt

    amount = Decimal(str(value))
    return list(dict.fromkeys([pt(amount), pt(amount, " "), pt(amount, "")]))


def raised(shown: str, delta: Decimal) -> str:
    """``shown`` plus ``delta``, printed with the same thousands separator."""
    from samples.payslips import pt

    separator = " " if " " in shown else "." if "." in shown else ""
    value = Decimal(shown.replace(" ", "").replace(".", "").replace(",", "."))
    return pt(value + delta, separator)


def amount_pattern(shown: str) -> re.Pattern[bytes]:
    return re.compile(rb"(?<![\d.,])" + re.escape(shown.encode()) + rb"(?!\d)")


def incremental_net_pay(document: Synthetic, rng: random.Random) -> Synthetic:
    """The net amount rewritten in the page's content stream, saved as an incremental update."""
    import pikepdf

    delta = Decimal(rng.choice([150, 240, 380, 520]))
    found: tuple[int, bytes, re.Match[bytes], str] | None = None
    with pikepdf.open(io.BytesIO(document.data)) as pdf:
        for page in pdf.pages:
            stream = page.obj.Contents
            content = stream.read_bytes()
            for shown in amount_forms(document.expected["net_pay"]):
                for match in amount_pattern(shown).finditer(content):
                    found = (stream.objgen[0], content, match, shown)  # the last one drawn: the slip's net
    if found is None:
        raise ValueError(f"no net amount in {document.name}")
    number, content, match, shown = found
    edited = content[: match.start()] + raised(shown, delta).encode() + content[match.end() :]
    data = append_update(document.data, {number: stream_object(edited)})
    return replace(document, data=data, tags=[*document.tags, "tampered:incremental_net_pay"])


def incremental_edit(document: Synthetic, *, fields: tuple[str, ...], delta: Decimal) -> Synthetic:
    """A careful forger's edit: every amount in ``fields`` raised by ``delta`` in one incremental update,
    so the payslip still adds up (gross - deductions = net) and only the file's history tells."""
    import pikepdf

    edits: dict[int, bytes] = {}
    with pikepdf.open(io.BytesIO(document.data)) as pdf:
        for page in pdf.pages:
            stream = page.obj.Contents
            content = stream.read_bytes()
            edited = content
            for name in fields:
                for shown in amount_forms(document.expected[name]):
                    edited = amount_pattern(shown).sub(raised(shown, delta).encode(), edited)
            if edited != content:
                edits[stream.objgen[0]] = edited
    if not edits:
        raise ValueError(f"none of {fields} drawn in {document.name}")
    data = append_update(document.data, {number: stream_object(body) for number, body in edits.items()})
    expected = {**document.expected, **{name: float(Decimal(str(document.expected[name])) + delta) for name in fields}}
    return replace(document, data=data, expected=expected, tags=[*document.tags, "tampered:incremental_edit"])


@dataclass(frozen=True)
class CopiedPayslip:
    """A payslip and its copy with the month changed: every amount the same, another period."""

    original: Synthetic
    copy: Synthetic
    expected_code: str = "PAYSLIP_SAME_AMOUNTS_OTHER_PERIOD"
    expected_severity: str = "LOW"


def copied_payslips(seed: int = 61, count: int = 12, today: dt.date | None = None) -> list[CopiedPayslip]:
    """``count`` payslips each copied to the next month (the same person, employer and amounts), every family."""
    from samples.payslips import FAMILIES, family_payslip, make_payroll
    from samples.synthetic import make_person

    today = today or dt.date.today()
    rng = random.Random(seed)
    families = list(FAMILIES)
    pairs = []
    for index in range(count):
        person = make_person(rng, today)
        month = dt.date(today.year - 1, 3 + index % 6, 1)
        following = dt.date(month.year, month.month + 1, 1)
        base = Decimal(rng.randint(820, 4200))
        payroll = make_payroll(rng, month, base=base, subsidies=False)
        family = families[index % len(families)]
        original = family_payslip(
            family, person, month, base=base, rng=random.Random(index), variant=index, payroll=payroll
        )
        copy = family_payslip(
            family, person, following, base=base, rng=random.Random(index), variant=index, payroll=payroll
        )
        pairs.append(CopiedPayslip(original, replace(copy, tags=[*copy.tags, "tampered:copied_new_month"])))
    return pairs


def office_resave(document: Synthetic, rng: random.Random, today: dt.date) -> Synthetic:
    """Opened and saved again from an office suite: its producer, both dates of the re-save."""
    import pikepdf

    producer, creator = rng.choice(OFFICE_SUITES)
    stamp = f"D:{today:%Y%m%d}{rng.randint(8, 19):02d}{rng.randint(0, 59):02d}00+01'00'"
    with pikepdf.open(io.BytesIO(document.data)) as pdf:
        info = pdf.trailer.Info
        info.Producer, info.Creator = producer, creator
        info.CreationDate = info.ModDate = stamp
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
    return replace(document, data=out.getvalue(), tags=[*document.tags, "tampered:office_resave"])


def page_text_chars(textpage: Any) -> str:
    import pypdfium2.raw as pdfium_c

    count = pdfium_c.FPDFText_CountChars(textpage.raw)
    return "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, index) or 0xFFFD) for index in range(count))


def locate_net(document: Synthetic) -> tuple[int, str, tuple[float, float, float, float], float, float]:
    """Page index, the net as shown, its box (left, bottom, right, top), font size and baseline."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument(document.data)
    found: tuple[int, str, tuple[float, float, float, float], float, float] | None = None
    try:
        for index in range(len(pdf)):
            textpage = pdf[index].get_textpage()
            text = page_text_chars(textpage)
            for shown in amount_forms(document.expected["net_pay"]):
                for match in re.finditer(r"(?<![\d.,])" + re.escape(shown) + r"(?!\d)", text):
                    first, last = match.start(), match.end() - 1
                    left, _, _, top = textpage.get_charbox(first)
                    _, bottom, right, _ = textpage.get_charbox(last)
                    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
                    pdfium_c.FPDFText_GetCharOrigin(textpage.raw, first, ctypes.byref(origin_x), ctypes.byref(origin_y))
                    size = pdfium_c.FPDFText_GetFontSize(textpage.raw, first)
                    found = (index, shown, (left, bottom, right, top), size, origin_y.value)
            textpage.close()
    finally:
        pdf.close()
    if found is None:
        raise ValueError(f"no net amount in {document.name}")
    return found


def redrawn_amount(document: Synthetic, rng: random.Random) -> Synthetic:
    """A white box over the net and a higher net drawn over it, in a font the slip does not use."""
    import pikepdf
    from reportlab.pdfgen import canvas

    index, shown, (left, bottom, right, top), size, baseline = locate_net(document)
    # A font the slip does not use (reportlab writes font dictionaries uncompressed).
    font = "Times-Roman" if b"/Courier" in document.data else "Courier"
    new = raised(shown, Decimal(rng.choice([200, 310, 450, 700])))
    with pikepdf.open(io.BytesIO(document.data)) as pdf:
        page = pdf.pages[index]
        width, height = float(page.mediabox[2]), float(page.mediabox[3])
        buffer = io.BytesIO()
        overlay = canvas.Canvas(buffer, pagesize=(width, height))
        overlay.setFillColorRGB(1, 1, 1)
        overlay.rect(left - 1, bottom - 1.5, right - left + 2, top - bottom + 3, stroke=0, fill=1)
        overlay.setFillColorRGB(0, 0, 0)
        overlay.setFont(font, size)
        overlay.drawRightString(right, baseline, new)
        overlay.showPage()
        overlay.save()
        with pikepdf.open(io.BytesIO(buffer.getvalue())) as drawn:
            page.add_overlay(pdf.copy_foreign(drawn.pages[0].obj), None)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
    return replace(document, data=out.getvalue(), tags=[*document.tags, "tampered:redrawn_amount"])


def annotated_amount(document: Synthetic, rng: random.Random) -> Synthetic:
    """A PDF reader's text box over the net: an opaque white FreeText annotation showing a higher net.

    The page's content is untouched, as Acrobat, Preview or an online editor leave it; the box is drawn from
    its own appearance stream, in Helvetica, as those readers write it.
    """
    import pikepdf

    index, shown, (left, bottom, right, top), size, baseline = locate_net(document)
    new = raised(shown, Decimal(rng.choice([200, 310, 450, 700])))
    rect = [left - 2, bottom - 2, right + 2, top + 2]
    width, height = rect[2] - rect[0], rect[3] - rect[1]
    text_width = 0.556 * size * len(new)  # Helvetica's digits are 0.556 em wide
    appearance = (
        f"1 1 1 rg 0 0 {width:.2f} {height:.2f} re f BT /Helv {size:.2f} Tf 0 g "
        f"{width - 2 - text_width:.2f} {baseline - rect[1]:.2f} Td ({new}) Tj ET"
    ).encode()
    with pikepdf.open(io.BytesIO(document.data)) as pdf:
        font = pdf.make_indirect(
            pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
        )
        stream = pikepdf.Stream(pdf, appearance)
        stream.Type, stream.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
        stream.BBox = [0, 0, width, height]
        stream.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(Helv=font))
        annotation = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Annot,
                Subtype=pikepdf.Name.FreeText,
                Rect=rect,
                Contents=pikepdf.String(new),
                DA=pikepdf.String(f"/Helv {size:.2f} Tf 0 g"),
                C=[1, 1, 1],
                F=4,  # printed
                AP=pikepdf.Dictionary(N=stream),
            )
        )
        page = pdf.pages[index]
        page.obj.Annots = pdf.make_indirect(pikepdf.Array([*page.obj.get("/Annots", []), annotation]))
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
    return replace(document, data=out.getvalue(), tags=[*document.tags, "tampered:annotated_amount"])


def image_with_software(document: Synthetic, software: str, *, as_jpeg: bool) -> Synthetic:
    """The image saved again with ``software`` in its EXIF Software tag (PNG eXIf chunk or JPEG APP1)."""
    from PIL import Image

    with Image.open(io.BytesIO(document.data)) as image:
        exif = Image.Exif()
        exif[305] = software
        out = io.BytesIO()
        if as_jpeg:
            image.convert("RGB").save(out, format="JPEG", quality=90, exif=exif)
        else:
            image.save(out, format="PNG", exif=exif)
    stem = document.name.rsplit(".", 1)[0]
    name, content_type = (f"{stem}.jpg", "image/jpeg") if as_jpeg else (f"{stem}.png", "image/png")
    return replace(document, name=name, data=out.getvalue(), content_type=content_type)


# --- Corpora -------------------------------------------------------------------------------------------


def tampered_corpus(seed: int = 53, per_variant: int = 12, today: dt.date | None = None) -> list[TamperedSample]:
    """``per_variant`` edits of each kind; the PDF edits go round every payslip family."""
    from samples.identity import cc_front_png
    from samples.payslips import FAMILIES, family_payslip
    from samples.synthetic import make_person

    today = today or dt.date.today()
    rng = random.Random(seed)
    families = list(FAMILIES)
    months = [dt.date(today.year - 1, month, 1) for month in (1, 3, 6, 7, 9, 11, 12)]
    samples: list[TamperedSample] = []

    def payslip(index: int) -> Synthetic:
        person = make_person(rng, today)
        base = Decimal(rng.randint(820, 4200))
        family = families[index % len(families)]
        return family_payslip(family, person, months[index % len(months)], base=base, rng=rng, variant=index)

    def add(variant: str, original: Synthetic, sample: Synthetic) -> None:
        code, severity = EXPECTED[variant]
        samples.append(TamperedSample(variant, sample, original, code, severity))

    for index in range(per_variant):
        original = payslip(index)
        add("incremental_net_pay", original, incremental_net_pay(original, rng))
    for index in range(per_variant):
        original = payslip(index + 5)  # other families first, other people
        add("office_resave", original, office_resave(original, rng, today))
    for index in range(per_variant):
        original = payslip(index + 7)
        add("redrawn_amount", original, redrawn_amount(original, rng))
    for index in range(per_variant):
        original = payslip(index + 3)
        add("annotated_amount", original, annotated_amount(original, rng))
    for index in range(per_variant):
        original = cc_front_png(make_person(rng, today), variant=index)
        edited = image_with_software(original, IMAGE_EDITORS[index % 2], as_jpeg=index % 3 == 1)
        add("image_edited", original, replace(edited, tags=[*edited.tags, "tampered:image_edited"]))
    return samples


def paper_photo(document: Synthetic, *, rng: random.Random) -> Synthetic:
    """A phone photo of a printed PDF, as bench/run.py makes them: lower resolution, more tilt and blur."""
    from samples.synthetic import scan

    photo = scan(document, rng=rng, dpi=150, rotation=rng.uniform(-3, 3), blur=rng.uniform(0.5, 1.0), quality=60)
    return replace(photo, name=photo.name.replace("-scan", "-photo"), tags=[*photo.tags, "photo"])


def signature_update(document: Synthetic) -> Synthetic:
    """A signature added in an incremental update, as the Portal das Finanças signs: a /Sig value, a widget
    annotation on the first page, the catalog's /AcroForm. What the pages draw is untouched."""
    import pikepdf

    with pikepdf.open(io.BytesIO(document.data)) as pdf:
        page = pdf.pages[0].obj
        signature = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Sig, Filter=pikepdf.Name("/Adobe.PPKLite"), SubFilter=pikepdf.Name("/adbe.pkcs7.detached"),
            ByteRange=pikepdf.Array([0, 0, 0, 0]), Contents=pikepdf.String(bytes(256)), M=pikepdf.String("D:20250101120000Z"),
        ))  # fmt: skip
        widget = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget, FT=pikepdf.Name.Sig, Rect=pikepdf.Array([0, 0, 0, 0]),
            F=132, T=pikepdf.String("Assinatura1"), V=signature, P=page,
        ))  # fmt: skip
        page.Annots = pikepdf.Array([widget])
        pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array([widget]), SigFlags=3)
        objects = {obj.objgen[0]: obj.unparse(resolved=True) for obj in (signature, widget, page, pdf.Root)}
    data = append_update(document.data, objects)
    return replace(document, data=data, tags=[*document.tags, "clean:signed_incremental"])


def with_producer(document: Synthetic, producer: str, creator: str, *, linearize: bool = False) -> Synthetic:
    import pikepdf

    with pikepdf.open(io.BytesIO(document.data)) as pdf:
        pdf.trailer.Info.Producer, pdf.trailer.Info.Creator = producer, creator
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, linearize=linearize)
    tag = "clean:linearized" if linearize else "clean:payroll_producer"
    return replace(document, data=out.getvalue(), tags=[*document.tags, tag])


def clean_corpus(
    seed: int = 59, today: dt.date | None = None, *, per_family: int = 2, captures: bool = True
) -> list[Synthetic]:
    """Every generator's documents as issued, scanned and photographed, and shaped like real issuers' files.

    ``per_family`` payslips per layout family; ``captures`` False leaves out the scans and photos of the
    families (the slow part) for a quick run.
    """
    from samples.certificates import certificate_corpus, tax_corpus
    from samples.identity import identity_corpus
    from samples.income_profiles import pension_corpus
    from samples.payslips import fatura_recibo_corpus, payslip_family_corpus
    from samples.synthetic import extraction_corpus, scan

    today = today or dt.date.today()
    rng = random.Random(seed)
    families = payslip_family_corpus(today, seed=seed, per_family=per_family)
    invoices = fatura_recibo_corpus(today, seed=seed)
    certificates = certificate_corpus(today, seed=seed) + tax_corpus(today, seed=seed)
    corpus = [*families, *invoices, *certificates, *pension_corpus(today, seed=seed)]
    corpus += extraction_corpus(today, seed=seed, size=6 if captures else 3)
    corpus += identity_corpus(today, seed=seed, size=2 if captures else 1)
    if captures:
        corpus += [scan(d, rng=rng) for d in families] + [paper_photo(d, rng=rng) for d in families]
        corpus += [scan(d, rng=rng) for d in invoices[:2] + certificates[:4]]
    # Files shaped like real issuers' and devices': payroll engines, signatures, linearized, capture EXIF.
    for index, document in enumerate(families):
        if index % 3 == 0:
            corpus.append(signature_update(document))
        elif index % 3 == 1:
            producer, creator = PAYROLL_PRODUCERS[index % len(PAYROLL_PRODUCERS)]
            corpus.append(with_producer(document, producer, creator, linearize=index % 2 == 1))
    images = [d for d in corpus if d.content_type in {"image/png", "image/jpeg"}]
    for index, document in enumerate(images[:: max(1, len(images) // 12)]):
        software = CAPTURE_SOFTWARE[index % len(CAPTURE_SOFTWARE)]
        tagged = image_with_software(document, software, as_jpeg=document.content_type == "image/jpeg")
        corpus.append(replace(tagged, tags=[*tagged.tags, "clean:capture_exif"]))
    return corpus
