"""File forensics: what a file says about its making, read offline with pikepdf, pdfium and Pillow (issue 17).

Each signal is a plain dict: ``code``, ``severity`` (LOW, MEDIUM, HIGH), ``evidence`` (producer strings, dates,
counts, page numbers, font names; never document text), a short pt-PT ``explanation`` and ``source`` "file".

The checks rely on how files are built, not on a corpus: payroll programs (Primavera, PHC, Sage, Jasper,
Crystal, iText) write a PDF in one go; the Portal das Finanças and other issuers sign it in an incremental
update that adds a signature field but leaves what the pages draw untouched. A later revision that redefines
a page's content streams or the fonts and images they use, or one amount drawn in a font nothing else on
its page uses, is what an edit leaves behind. A file that cannot be read is not evidence of anything: any
failure gives no signal.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import hashlib
import io
import itertools
import re
import statistics
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

MAX_PAGES = 10  # pages examined for page edits and fonts
MAX_REVISIONS = 20
MAX_CHARS_PER_PAGE = 20_000
MAX_NODES = 2_000  # objects hashed per page resource tree
MAX_METADATA_BYTES = 1 << 20
MAX_IMAGE_HEAD = 1 << 19  # where an image's XMP packet is looked for
EVIDENCE_TEXT = 120


@dataclass(frozen=True)
class Signal:
    code: str
    severity: str
    explanation: str
    evidence: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "evidence": dict(self.evidence),
            "explanation": self.explanation,
            "source": "file",
        }


def file_signals(data: bytes, *, content_type: str) -> list[dict[str, Any]]:
    """The file's signals; [] for a type we do not examine or a file we cannot read (never raises).

    What needs the extraction's reading as well (a scan's text layer against its picture) is
    ``documents.extraction.layers.document_signals``."""
    try:
        if content_type == "application/pdf":
            signals = pdf_signals(data)
        elif content_type.startswith("image/"):
            signals = image_signals(data)
        else:
            signals = []
    except Exception:
        return []
    return [signal.as_dict() for signal in signals]


# --- PDF -------------------------------------------------------------------------------------------------


def pdf_signals(data: bytes) -> list[Signal]:
    signals = guarded(lambda: foreign_data_signals(data))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        # A damaged file (qpdf rebuilt its cross-reference) has lost its trailer and revisions to the damage,
        # not to an edit: its structure says nothing. What it draws still does.
        if not damaged(pdf):
            metadata = read_metadata(pdf)
            kept = guarded_value(lambda: values_kept(data, pdf))
            signals += [
                *producer_signals(metadata, values_kept=kept),
                *date_signals(metadata),
                *wiped_signals(metadata),
            ]
            signals += revision_signals(data, pdf)
        signals += guarded(lambda: javascript_signals(pdf))
        signals += guarded(lambda: attachment_and_launch_signals(pdf))
    # pdfium decodes every font kind (CID, Identity-H, TrueType subsets) to text; pikepdf does not.
    signals += guarded(lambda: font_outlier_signals(data))
    signals += guarded(lambda: covered_amount_signals(data))
    signals += guarded(lambda: annotated_amount_signals(data))
    signals += guarded(lambda: image_amount_signals(data))
    signals += guarded(lambda: invisible_text_signals(data))
    signals += guarded(lambda: typed_over_picture_signals(data))
    return signals


# The heads of files of other kinds that a PDF may be glued to (a polyglot): an archive, a program, a web page.
FOREIGN_HEADS = {
    b"PK\x03\x04": "zip",
    b"Rar!": "rar",
    b"7z\xbc\xaf": "7z",
    b"MZ": "program",
    b"\x7fELF": "program",
    b"<html": "html",
    b"<!doctype html": "html",
    b"<script": "html",
    b"<svg": "svg",
}
# Bytes outside the PDF a writer may leave: a byte-order mark, line ends, NUL padding, and a few stray bytes before
# the header, which readers forgive (ISO 32000 lets the header start within the first KiB).
FOREIGN_SLACK = 16


def foreign_data_signals(data: bytes) -> list[Signal]:
    """Bytes before the PDF's header or after its last end (``%%EOF``) that are no part of it: another file glued to
    the PDF, which a viewer shows as a payslip and an unzipper or a browser opens as something else (blind probe
    r63b: a payslip with a ZIP appended, and one behind an HTML page's script, were read with no signal). No
    payroll or tax program writes either. ``MEDIUM`` when the bytes are the head of an archive, a program or a web
    page; ``LOW`` for other bytes."""
    start, end = data.find(b"%PDF-"), data.rfind(b"%%EOF")
    if start < 0 or end < 0:
        return []
    before, after = data[:start], data[end + len(b"%%EOF") :]
    outside = {
        where: chunk
        for where, chunk in (("before", before), ("after", after))
        if len(chunk.strip(b" \t\r\n\x00\x0c").removeprefix(b"\xef\xbb\xbf")) > FOREIGN_SLACK
    }
    if not outside:
        return []
    kinds = sorted({kind for chunk in outside.values() for kind in foreign_kinds(chunk)})
    if not kinds:
        # PDF objects after the last end are an update cut short (a damaged file, no evidence of anything).
        outside = {where: chunk for where, chunk in outside.items() if not XREF_START.search(chunk)}
        if not outside:
            return []
    evidence = {"where": sorted(outside), "bytes": sum(len(chunk) for chunk in outside.values()), "kinds": kinds}
    if kinds:
        return [Signal("PDF_FOREIGN_DATA", "MEDIUM", "O ficheiro tem outro ficheiro colado ao PDF (um ficheiro "
                       "comprimido, um programa ou uma página web), que um leitor de PDF não mostra: nenhum programa "
                       "de recibos ou de faturas o escreve. Não abra o ficheiro fora desta aplicação; peça o "
                       "documento original ao emissor.", evidence)]  # fmt: skip
    return [Signal("PDF_FOREIGN_DATA", "LOW", "O ficheiro tem dados fora do PDF, antes do seu início ou depois do "
                   "seu fim, que um leitor de PDF não mostra.", evidence)]  # fmt: skip


def foreign_kinds(chunk: bytes) -> set[str]:
    """The kinds of file ``chunk`` holds (``FOREIGN_HEADS``): an archive or a program by its head where the chunk
    starts (two bytes such as "MZ" occur in any binary by chance), a web page's markup anywhere in it."""
    stripped = chunk.strip(b" \t\r\n\x00\x0c").removeprefix(b"\xef\xbb\xbf")
    lowered = chunk.lower()
    return {
        kind
        for head, kind in FOREIGN_HEADS.items()
        if (lowered.find(head) >= 0 if head.startswith(b"<") else stripped.startswith(head))
    }


def damaged(pdf: pikepdf.Pdf) -> bool:
    return any("damaged" in warning or "reconstruct" in warning for warning in pdf.get_warnings())


def guarded(check: Callable[[], list[Signal]]) -> list[Signal]:
    """One check failing on an odd file leaves the others' signals standing."""
    try:
        return check()
    except Exception:
        return []


# --- Metadata: producer, dates -----------------------------------------------------------------------


@dataclass(frozen=True)
class Metadata:
    producer: str
    creator: str
    tools: tuple[str, ...]  # every application name the file carries (Info and XMP)
    created: dt.datetime | None
    modified: dt.datetime | None
    has_info: bool
    has_xmp: bool


def read_metadata(pdf: pikepdf.Pdf) -> Metadata:
    info = pdf.trailer.get("/Info")
    info = info if isinstance(info, pikepdf.Dictionary) else pikepdf.Dictionary()
    xmp = read_xmp(pdf)

    def text(key: str) -> str:
        value = info.get(key)
        return str(value).strip()[:EVIDENCE_TEXT] if value is not None else ""

    xmp_producer = xmp_value(xmp, "pdf:Producer")
    xmp_tool = xmp_value(xmp, "xmp:CreatorTool")
    return Metadata(
        producer=text("/Producer") or xmp_producer,
        creator=text("/Creator") or xmp_tool,
        tools=tuple(t for t in (text("/Producer"), text("/Creator"), xmp_producer, xmp_tool) if t),
        created=pdf_date(text("/CreationDate")) or iso_date(xmp_value(xmp, "xmp:CreateDate")),
        modified=pdf_date(text("/ModDate")) or iso_date(xmp_value(xmp, "xmp:ModifyDate")),
        has_info=any(text(key) for key in ("/Producer", "/Creator", "/CreationDate")),
        has_xmp=bool(xmp.strip()),
    )


def read_xmp(pdf: pikepdf.Pdf) -> str:
    stream = pdf.Root.get("/Metadata")
    if not isinstance(stream, pikepdf.Stream):
        return ""
    try:
        return stream.read_bytes()[:MAX_METADATA_BYTES].decode("utf-8", "replace")
    except pikepdf.PdfError:
        return ""


def xmp_value(xmp: str, name: str) -> str:
    """An XMP property written as an element, an attribute, or an rdf:Alt/Seq of one item."""
    prefix = re.escape(name)
    match = re.search(rf"<{prefix}>\s*(?:<rdf:\w+>\s*<rdf:li[^>]*>)?([^<]*)<", xmp) or re.search(
        rf'{prefix}="([^"]*)"', xmp
    )
    return match.group(1).strip()[:EVIDENCE_TEXT] if match else ""


PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([+\-Zz])(\d{2})?'?(\d{2})?)?")


def pdf_date(value: str) -> dt.datetime | None:
    """A PDF date (D:YYYYMMDDHHmmSS+hh'mm') in UTC; local time when it names no offset."""
    match = PDF_DATE.match(value.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, sign, tz_hours, tz_minutes = match.groups()
    try:
        moment = dt.datetime(int(year), int(month or 1), int(day or 1), int(hour or 0), int(minute or 0),
                             int(second or 0))  # fmt: skip
    except ValueError:
        return None
    if sign in {"+", "-"}:
        offset = dt.timedelta(hours=int(tz_hours or 0), minutes=int(tz_minutes or 0))
        moment -= offset if sign == "+" else -offset
    return moment


def iso_date(value: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    offset = moment.utcoffset()
    return moment.replace(tzinfo=None) - offset if offset is not None else moment


# Application names payroll software never writes. Case-insensitive; word boundaries where a short name
# could sit inside another word.
# Image and layout editors: a payslip is not laid out in them, but a page is retouched in them.
IMAGE_EDITOR_NAMES = [
    r"photoshop", r"\bgimp\b", r"illustrator", r"inkscape", r"affinity (?:photo|designer|publisher)",
    r"pixelmator", r"coreldraw", r"\bcanva\b", r"photopea",
]  # fmt: skip
EDITOR_NAMES = [
    *IMAGE_EDITOR_NAMES,
    # Desktop PDF editors whose point is changing text in place (typewriter, edit text and images).
    r"acrobat (?:pro|standard)", r"pdf-xchange (?:editor|viewer|pro)", r"foxit (?:phantompdf|pdf editor|editor)",
    r"nitro (?:pro|pdf pro)", r"pdfelement", r"wondershare", r"master pdf editor", r"pdf expert", r"\bupdf\b",
    r"pdfgear", r"soda pdf", r"able2extract", r"power pdf", r"pdfill", r"pdf annotator",
    # Online PDF editors (also used to merge and compress: MEDIUM, not HIGH).
    r"ilovepdf", r"smallpdf", r"sejda", r"pdfescape", r"pdffiller", r"docfly", r"pdf2go", r"dochub",
]  # fmt: skip
# Acrobat's OCR of a scan ("Paper Capture Plug-in", "Image Conversion Plug-in") names Acrobat Pro without
# any edit: a scanned paper payslip, not an edited one; its Creator then names Acrobat Pro alone.
ACROBAT_CAPTURE = r"acrobat.*plug-in"
OFFICE_NAMES = [
    # Word processors and spreadsheets: some small employers do make payslips in them, hence only LOW.
    r"microsoft\W{0,3}\s*(?:office\s*)?(?:word|excel|powerpoint|office)", r"pdfmaker \S+ for (?:word|excel)",
    r"libreoffice", r"openoffice", r"google docs", r"\bwps (?:office|writer|spreadsheets)", r"kingsoft",
    r"onlyoffice", r"softmaker|textmaker|planmaker",
    # Apple's office apps name themselves as the Creator only (the Producer is Quartz).
    r"^(?:pages|numbers|keynote)\b",
]  # fmt: skip
# Not listed on purpose: "Quartz PDFContext" (macOS printing to PDF from any app, browsers included),
# "Microsoft: Print To PDF", Ghostscript, Skia/PDF (Chrome), PDFCreator, PDF24, Acrobat Distiller and
# "Adobe PDF Library": printers and libraries that payroll programs print through.


def any_match(patterns: Iterable[str], names: Iterable[str]) -> bool:
    return any(re.search(pattern, name, re.IGNORECASE) for pattern in patterns for name in names)


def is_editor(tools: tuple[str, ...]) -> bool:
    captured = any_match([ACROBAT_CAPTURE], tools)
    editors = [tool for tool in tools if not (captured and any_match([r"acrobat"], [tool]))]
    # LibreOffice opens a PDF for editing in Draw; its exports from Writer or Calc name those instead.
    draw = any_match([r"libreoffice|openoffice"], tools) and any(tool.strip().lower() == "draw" for tool in tools)
    return draw or any_match(EDITOR_NAMES, editors)


# A PDF editor's name is worth MEDIUM where its point, changing a page's text in place, could have changed the
# values: pages that draw them as text. A scanning suite (Kofax Power PDF, Acrobat) saving a scan leaves pictures
# and at most an invisible OCR layer; a filled form keeps its values in the form's fields, which a PDF editor is
# how people fill (blind probe r52a: a passport scan and an Acrobat-filled payslip form were MEDIUM, lifting the
# applicant's risk for the tool alone). There the name only informs, LOW. An image editor's name stays MEDIUM on
# a scan: retouching the picture is its point. A value typed over a scan is its own signal (PDF_TEXT_OVER_PICTURE).
EDITOR_WITHOUT_TYPED_VALUES = {
    "image": "O PDF foi gravado por um editor de PDF, mas as páginas são imagens (uma digitalização): não há texto "
    "que o editor altere no lugar.",
    "form_fields": "O PDF foi gravado por um editor de PDF, com que se preenche um formulário: os valores estão nos "
    "campos do formulário, não no texto da página.",
}
MIN_FORM_AMOUNTS = 2  # form fields holding amounts: a filled payslip or statement, not a stray field


def producer_signals(metadata: Metadata, *, values_kept: Callable[[], str | None] = lambda: None) -> list[Signal]:
    """``values_kept``: where the file keeps its values when no page writes them as text ("image", "form_fields"),
    else None; asked only of a file a PDF editor saved."""
    evidence = {"producer": metadata.producer, "creator": metadata.creator}
    if is_editor(metadata.tools):
        kept = None if any_match(IMAGE_EDITOR_NAMES, metadata.tools) else values_kept()
        if kept is not None:
            return [Signal("PDF_PRODUCER_EDITOR", "LOW", EDITOR_WITHOUT_TYPED_VALUES[kept],
                           {**evidence, "values_in": kept})]  # fmt: skip
        return [Signal("PDF_PRODUCER_EDITOR", "MEDIUM", "O PDF foi gravado por um editor de imagem ou de PDF, que "
                       "permite alterar o conteúdo do documento.", evidence)]  # fmt: skip
    if any_match(OFFICE_NAMES, metadata.tools):
        return [Signal("PDF_PRODUCER_OFFICE", "LOW", "O PDF foi produzido por um programa de escritório (processador "
                       "de texto ou folha de cálculo), e não pelo software de quem emite o documento.", evidence)]  # fmt: skip
    return []


def guarded_value(find: Callable[[], str | None]) -> Callable[[], str | None]:
    """``find``, None when it fails on an odd file (the signal then stays as the producer alone says)."""

    def found() -> str | None:
        try:
            return find()
        except Exception:
            return None

    return found


def values_kept(data: bytes, pdf: pikepdf.Pdf) -> str | None:
    """Where a file keeps its values when no page writes them as visible text: "form_fields" (a filled form), "image"
    (pictures only, with at most an invisible layer: a scan); None when its pages draw text a person sees."""
    if form_amounts(pdf) >= MIN_FORM_AMOUNTS:
        return "form_fields"
    document = pdfium.PdfDocument(data)
    try:
        pictures, typed = False, False
        for index in range(min(len(document), MAX_PAGES)):
            page = document[index]
            try:
                for obj in itertools.islice(page.get_objects(max_depth=1), MAX_PAGE_OBJECTS):
                    pictures = pictures or obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE
                    typed = typed or (
                        obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT
                        and pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw) not in UNPAINTED_MODES
                    )
            finally:
                page.close()
        return "image" if pictures and not typed else None
    finally:
        document.close()


def form_amounts(pdf: pikepdf.Pdf) -> int:
    """How many of the form's fields hold an amount as their value."""
    form = pdf.Root.get("/AcroForm")
    fields = form.get("/Fields") if isinstance(form, pikepdf.Dictionary) else None
    pending = list(fields)[:MAX_FIELDS] if isinstance(fields, pikepdf.Array) else []
    seen, count = 0, 0
    while pending and seen < MAX_FIELDS:
        node = pending.pop()
        seen += 1
        if not isinstance(node, pikepdf.Dictionary):
            continue
        value = node.get("/V")
        count += isinstance(value, pikepdf.String) and bool(AMOUNT.search(str(value)))
        kids = node.get("/Kids")
        pending += list(kids)[:MAX_FIELDS] if isinstance(kids, pikepdf.Array) else []
    return count


def date_signals(metadata: Metadata) -> list[Signal]:
    if metadata.created is None or metadata.modified is None:
        return []
    days = (metadata.modified - metadata.created).days
    if days < 1:
        return []
    evidence = {"days": days, "created": metadata.created.date().isoformat(),
                "modified": metadata.modified.date().isoformat()}  # fmt: skip
    return [Signal("PDF_MODIFIED_AFTER_CREATION", "LOW", f"O PDF foi modificado {days} dia(s) depois de criado.",
                   evidence)]  # fmt: skip


def wiped_signals(metadata: Metadata) -> list[Signal]:
    if metadata.has_info or metadata.has_xmp:
        return []
    return [Signal("PDF_METADATA_WIPED", "LOW", "O PDF não tem metadados (programa de origem, data de criação): "
                   "podem ter sido apagados.")]  # fmt: skip


# --- JavaScript: a program the file runs in the reader --------------------------------------------------------

# No payroll program, invoicing portal or pension statement needs a script to show its values; one that runs
# when the file opens (the catalogue's /OpenAction or /AA, the /Names JavaScript tree, a page's /AA) can show
# other values than the page holds, fill or change fields, or attack the reader. Scripts only on form fields and
# links (an Acrobat form's number formatting and sums) run when a person clicks or types: a fillable template
# has them, hence LOW.
MAX_ANNOTATIONS_SCANNED = 500
MAX_FIELDS = 500


def javascript_signals(pdf: pikepdf.Pdf) -> list[Signal]:
    on_open = opening_scripts(pdf)
    on_use = form_scripts(pdf)
    if on_open:
        return [Signal("PDF_JAVASCRIPT", "MEDIUM", "O PDF tem código JavaScript que corre ao abrir o documento: "
                       "nenhum recibo, fatura ou declaração precisa dele, e pode mostrar outros valores ou alterar "
                       "o que se vê.", {"on_open": on_open, "in_fields": on_use})]  # fmt: skip
    if on_use:
        evidence = {"on_open": [], "in_fields": on_use}
        return [Signal("PDF_JAVASCRIPT", "LOW", "O PDF tem código JavaScript nos campos de formulário ou nas "
                       "ligações (típico de um formulário preenchível).", evidence)]  # fmt: skip
    return []


def chains_to(action: Any, is_one: Callable[[pikepdf.Dictionary], bool], depth: int = 0) -> bool:
    """An action dictionary that ``is_one``, or chains to one (/Next)."""
    if not isinstance(action, pikepdf.Dictionary) or depth > 8:
        return False
    if is_one(action):
        return True
    chained = action.get("/Next")
    following: list[Any] = list(chained) if isinstance(chained, pikepdf.Array) else [chained]
    return any(chains_to(item, is_one, depth + 1) for item in following[:16])


def in_additional_actions(holder: Any, is_one: Callable[[pikepdf.Dictionary], bool]) -> bool:
    """A dictionary whose /AA (additional actions: open, close, keystroke, format...) holds such an action."""
    actions = holder.get("/AA") if isinstance(holder, pikepdf.Dictionary) else None
    return isinstance(actions, pikepdf.Dictionary) and any(chains_to(action, is_one) for _, action in actions.items())


def a_script(action: pikepdf.Dictionary) -> bool:
    return action.get("/S") == pikepdf.Name.JavaScript or "/JS" in action


def runs_script(action: Any) -> bool:
    """An action dictionary that is a JavaScript action, or chains to one (/Next)."""
    return chains_to(action, a_script)


def additional_actions(holder: Any) -> bool:
    """A dictionary whose /AA holds a script."""
    return in_additional_actions(holder, a_script)


def opening_scripts(pdf: pikepdf.Pdf) -> list[str]:
    """Where a script runs without a click: the catalogue's open action and /AA, its /Names tree, a page's /AA."""
    root = pdf.Root
    found = []
    if runs_script(root.get("/OpenAction")):
        found.append("OpenAction")
    if additional_actions(root):
        found.append("AA")
    names = root.get("/Names")
    if isinstance(names, pikepdf.Dictionary) and name_tree_filled(names.get("/JavaScript")):
        found.append("Names/JavaScript")
    pages = [index + 1 for index, page in enumerate(list(pdf.pages)[:MAX_PAGES]) if additional_actions(page.obj)]
    found += [f"page {number}" for number in pages]
    return found


def name_tree_filled(tree: Any) -> bool:
    """A name tree with entries (an editor that removed the scripts may leave the empty tree behind)."""
    if not isinstance(tree, pikepdf.Dictionary):
        return False
    entries = [tree.get(key) for key in ("/Names", "/Kids")]
    return any(isinstance(entry, pikepdf.Array) and len(entry) > 0 for entry in entries)


def form_scripts(pdf: pikepdf.Pdf) -> int:
    """How many annotations (links, widgets) and form fields carry a script run on a click or a keystroke."""
    holders: list[Any] = []
    for page in list(pdf.pages)[:MAX_PAGES]:
        annots = page.obj.get("/Annots")
        holders += list(annots)[:MAX_ANNOTATIONS_SCANNED] if isinstance(annots, pikepdf.Array) else []
    form = pdf.Root.get("/AcroForm")
    fields = form.get("/Fields") if isinstance(form, pikepdf.Dictionary) else None
    pending = list(fields)[:MAX_FIELDS] if isinstance(fields, pikepdf.Array) else []
    while pending and len(holders) < MAX_ANNOTATIONS_SCANNED + MAX_FIELDS:
        node = pending.pop()
        holders.append(node)
        kids = node.get("/Kids") if isinstance(node, pikepdf.Dictionary) else None
        pending += list(kids)[:MAX_FIELDS] if isinstance(kids, pikepdf.Array) else []
    unique = {holder.objgen if holder.is_indirect else id(holder): holder for holder in holders
              if isinstance(holder, pikepdf.Dictionary)}  # fmt: skip
    return sum(1 for holder in unique.values() if runs_script(holder.get("/A")) or additional_actions(holder))


# --- Attachments and launch actions: a program inside the file, or one the file starts ----------------------------

# A PDF can carry files (the /EmbeddedFiles name tree, file-attachment annotations) and actions that start a program
# or open a file (/Launch). No payslip or statement needs either to show its values; a file carrying a program, or
# starting one, is a way in for malware through the agency's staff, who download it (blind security probe c27: a
# "payslip" with an .exe attached and an /OpenAction /Launch was read and served with no signal). An e-invoice
# standard (Factur-X, ZUGFeRD) attaches its XML to a genuine invoice, hence LOW for attachments that are not programs.
EXECUTABLE_MAGIC = (b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"#!")
EXECUTABLE_SUFFIXES = frozenset({
    "exe", "dll", "scr", "com", "bat", "cmd", "ps1", "vbs", "vbe", "js", "jse", "wsf", "hta", "msi", "jar", "sh",
    "app", "apk", "lnk", "reg", "cpl", "pif", "elf", "bin", "py",
})  # fmt: skip
MAX_ATTACHMENTS_SCANNED = 50


def attachment_and_launch_signals(pdf: pikepdf.Pdf) -> list[Signal]:
    launches = launch_actions(pdf)
    kinds = attached_file_kinds(pdf)
    programs = [kind for kind in kinds if kind == "program"]
    # Evidence without the attachments' names: a file's name can be a person's.
    evidence = {"launch_actions": launches, "attachments": len(kinds), "programs": len(programs)}
    if launches or programs:
        return [Signal("PDF_ACTIVE_CONTENT", "MEDIUM", "O PDF traz um programa anexado ou uma ação que abre um "
                       "programa ou ficheiro: nenhum recibo, fatura ou declaração precisa disso. Não abra os anexos "
                       "do ficheiro; peça o documento original ao emissor.", evidence)]  # fmt: skip
    if kinds:
        return [Signal("PDF_ACTIVE_CONTENT", "LOW", "O PDF traz ficheiros anexados (uma fatura eletrónica anexa "
                       "o seu XML, por exemplo).", evidence)]  # fmt: skip
    return []


def launch_actions(pdf: pikepdf.Pdf) -> list[str]:
    """Where a /Launch action sits: the catalogue's open action and /AA, a page's /AA, a link or field."""
    root = pdf.Root
    found = []
    if launches(root.get("/OpenAction")):
        found.append("OpenAction")
    if additional_launches(root):
        found.append("AA")
    for index, page in enumerate(list(pdf.pages)[:MAX_PAGES]):
        annots = page.obj.get("/Annots")
        holders = list(annots)[:MAX_ANNOTATIONS_SCANNED] if isinstance(annots, pikepdf.Array) else []
        if additional_launches(page.obj) or any(
            isinstance(holder, pikepdf.Dictionary) and (launches(holder.get("/A")) or additional_launches(holder))
            for holder in holders
        ):
            found.append(f"page {index + 1}")
    return found


def a_launch(action: pikepdf.Dictionary) -> bool:
    return action.get("/S") == pikepdf.Name.Launch


def launches(action: Any) -> bool:
    """An action dictionary that is a /Launch action, or chains to one (/Next)."""
    return chains_to(action, a_launch)


def additional_launches(holder: Any) -> bool:
    return in_additional_actions(holder, a_launch)


def attached_file_kinds(pdf: pikepdf.Pdf) -> list[str]:
    """Each attached file (the /EmbeddedFiles tree and file-attachment annotations) as "program" or "file"."""
    specs: list[Any] = [spec.obj for _, spec in list(pdf.attachments.items())[:MAX_ATTACHMENTS_SCANNED]]
    for page in list(pdf.pages)[:MAX_PAGES]:
        annots = page.obj.get("/Annots")
        for annot in list(annots)[:MAX_ANNOTATIONS_SCANNED] if isinstance(annots, pikepdf.Array) else []:
            if isinstance(annot, pikepdf.Dictionary) and annot.get("/Subtype") == pikepdf.Name.FileAttachment:
                specs.append(annot.get("/FS"))
    return ["program" if a_program(spec) else "file" for spec in specs[:MAX_ATTACHMENTS_SCANNED]]


def a_program(spec: Any) -> bool:
    """A file specification whose name ends as a program's or whose content starts as one."""
    if not isinstance(spec, pikepdf.Dictionary):
        return False
    names = [str(spec.get(key, "")) for key in ("/UF", "/F")]
    if any(name.rsplit(".", 1)[-1].lower() in EXECUTABLE_SUFFIXES for name in names if "." in name):
        return True
    streams = spec.get("/EF")
    stream = streams.get("/F") if isinstance(streams, pikepdf.Dictionary) else None
    return isinstance(stream, pikepdf.Stream) and stream_head(stream).startswith(EXECUTABLE_MAGIC)


def stream_head(stream: pikepdf.Stream) -> bytes:
    """The first bytes of a stream's content, decompressing no more than them (an attachment can be a zip bomb)."""
    raw = stream.read_raw_bytes()
    compression = stream.get("/Filter")
    if compression is None:
        return raw[:8]
    if compression == pikepdf.Name.FlateDecode:
        try:
            return zlib.decompressobj().decompress(raw, 8)
        except zlib.error:
            return b""
    return b""


# --- Revisions: incremental updates -----------------------------------------------------------------------

# The end of a revision: its cross-reference offset and the end-of-file marker.
REVISION_END = re.compile(rb"startxref\s+(\d+)\s+%%EOF")
XREF_START = re.compile(rb"xref|\d+\s+\d+\s+obj")


def revision_ends(data: bytes) -> list[int]:
    """Byte offsets where each revision ends, the last one included.

    A linearized file has a first-page cross-reference with its own %%EOF right after the linearization
    dictionary; that part and the rest are one revision, so its end does not count. An end whose offset
    points at no cross-reference (a PDF attached inside this one, say) is not one of this file's revisions.
    """
    matches = list(REVISION_END.finditer(data))
    if len(matches) > 1 and b"/Linearized" in data[: matches[0].start()]:
        matches = matches[1:]
    ends = []
    for match in matches:
        offset = int(match.group(1))
        # A little slack: some writers count line ends wrongly, and readers forgive them.
        if 0 < offset < match.start() and XREF_START.search(data, max(0, offset - 20), offset + 40):
            ends.append(match.end())
    return ends[-MAX_REVISIONS:]


def revision_signals(data: bytes, pdf: pikepdf.Pdf) -> list[Signal]:
    ends = revision_ends(data)
    if len(ends) < 2:
        return []
    revisions = len(ends)
    pages: set[int] = set()
    objects = 0
    previous = guarded_open(data[: ends[0]])
    for end in ends[1:]:
        current = pdf if end == ends[-1] else guarded_open(data[:end])
        if previous is not None and current is not None:
            changed, count = page_changes(previous, current)
            pages |= changed
            objects += count
        previous = current
    if pages:
        listed = sorted(pages)
        return [Signal("PDF_INCREMENTAL_PAGE_EDIT", "HIGH", "O PDF foi alterado depois de criado: uma revisão posterior "
                       f"mudou o que está desenhado na(s) página(s) {', '.join(map(str, listed))}.",
                       {"revisions": revisions, "pages": listed, "objects": objects})]  # fmt: skip
    return [Signal("PDF_INCREMENTAL_UPDATE", "LOW", "O PDF tem revisões posteriores à criação (por exemplo, uma "
                   "assinatura digital) que não alteram o conteúdo das páginas.", {"revisions": revisions})]  # fmt: skip


def guarded_open(data: bytes) -> pikepdf.Pdf | None:
    try:
        return pikepdf.open(io.BytesIO(data))
    except Exception:
        return None


def page_changes(before: pikepdf.Pdf, after: pikepdf.Pdf) -> tuple[set[int], int]:
    """1-based pages whose drawing differs between two revisions, and how many parts differ."""
    changed: set[int] = set()
    count = 0
    old_pages = list(before.pages)[:MAX_PAGES]
    for index, page in enumerate(list(after.pages)[:MAX_PAGES]):
        new = drawing_parts(page.obj)
        if not old_pages:
            break  # an earlier revision we could not read pages from is no baseline
        if index >= len(old_pages):  # a page the earlier revision did not have
            changed.add(index + 1)
            count += len(new)
            continue
        old = drawing_parts(old_pages[index].obj)
        differing = [key for key, value in new.items() if key in old and old[key] != value]
        # New content streams or annotations draw something; a new resource nothing draws changes nothing.
        added = [key for key in new if key not in old and not key.startswith("Resources/")]
        removed = [key for key in old if key not in new and key.startswith("Contents")]
        if differing or added or removed:
            changed.add(index + 1)
            count += len(differing) + max(len(added), len(removed))  # a stream replaced is one object
    return changed, count


def drawing_parts(page: pikepdf.Dictionary) -> dict[str, str]:
    """What a page draws, as digests of its parts: each content stream, each named resource, text boxes.

    Digests are of content, not object numbers: an update that rewrites an object unchanged changes nothing.
    A signature's widget and a page's /Annots list are not here: signing leaves these parts as they were.
    """
    parts: dict[str, str] = {}
    contents = page.get("/Contents")
    streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents] if contents is not None else []
    for stream in streams[:64]:
        digest = content_digest(stream)
        if digest is not None:  # keyed by what it draws, not where it sits in the /Contents array
            parts[f"Contents/{digest}"] = digest
    resources = inherited(page, "/Resources")
    if isinstance(resources, pikepdf.Dictionary):
        for category in ("/Font", "/XObject", "/ExtGState", "/Pattern", "/Shading", "/ColorSpace"):
            named = resources.get(category)
            if isinstance(named, pikepdf.Dictionary):
                for name, value in named.items():
                    parts[f"Resources{category}{name}"] = tree_digest(value)
    annots = page.get("/Annots")
    # A typewriter or text-box comment (FreeText) with a number in it draws over the page: an edit by another
    # route. One without digits is a note ("cópia"), as is every other annotation, a signature's included.
    for annot in annots if isinstance(annots, pikepdf.Array) else []:
        if isinstance(annot, pikepdf.Dictionary) and annot.get("/Subtype") == pikepdf.Name.FreeText:
            said = str(annot.get("/Contents", "")) + str(annot.get("/RC", ""))
            if not said.strip() or re.search(r"\d", said):
                digest = tree_digest(annot)
                parts[f"Annot/{digest}"] = digest
    return parts


def inherited(page: pikepdf.Dictionary, key: str) -> Any:
    node: Any = page
    for _ in range(32):
        if not isinstance(node, pikepdf.Dictionary):
            return None
        if key in node:
            return node.get(key)
        node = node.get("/Parent")
    return None


def content_digest(stream: Any) -> str | None:
    """The decoded content (a recompressed but identical stream is the same drawing); None when it draws
    nothing: tools that stamp or sign wrap a page's streams in q ... Q of their own."""
    if not isinstance(stream, pikepdf.Stream):
        return tree_digest(stream)
    try:
        payload = stream.read_bytes()
    except pikepdf.PdfError:
        payload = stream.read_raw_bytes()
    if re.fullmatch(rb"[\sqQ]*", payload):
        return None
    return hashlib.sha256(payload).hexdigest()


def tree_digest(root: Any) -> str:
    """A digest of an object and everything it refers to (fonts, their programs and cmaps, forms, images)."""
    digest = hashlib.sha256()
    seen: set[tuple[int, int]] = set()
    budget = [MAX_NODES]

    def walk(node: Any, depth: int) -> None:
        budget[0] -= 1
        if budget[0] < 0 or depth > 12:
            return
        if isinstance(node, pikepdf.Object) and node.is_indirect:
            if node.objgen in seen:
                digest.update(b"<seen>")
                return
            seen.add(node.objgen)
        if isinstance(node, pikepdf.Stream):
            digest.update(b"<stream>" + hashlib.sha256(node.read_raw_bytes()).digest())
        if isinstance(node, pikepdf.Dictionary | pikepdf.Stream):
            for key in sorted(node.keys()):
                if key not in {"/Parent", "/P", "/Length"}:
                    digest.update(key.encode())
                    walk(node.get(key), depth + 1)
        elif isinstance(node, pikepdf.Array):
            digest.update(b"[")
            for item in node:
                walk(item, depth + 1)
            digest.update(b"]")
        else:
            digest.update(repr(node).encode())

    walk(root, 0)
    return digest.hexdigest()


# --- Fonts: an amount in a font nothing else on its page uses ------------------------------------------------

# 1.234,56  1234,56  1 234,56  1234.56  -12,00  € 12,00  12,00 EUR (a date's "28.02" is not an amount).
AMOUNT = re.compile(
    r"(?:€\s?)?(?<![\d.,])-?(?:\d{1,3}(?:[.\u00a0\u202f ]\d{3})+|\d+)[.,]\d{2}(?!\d|[.,]\d)(?:\s?(?:€|EUR))?"
)
# Subset tags (ABCDEF+), then what tells weights, slants and widths apart, which stay one family: a bold
# total in Helvetica-Bold is Helvetica. Case-sensitive, as PostScript names are: "Vermont" keeps its "mt".
SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")
STYLE_SUFFIX = re.compile(
    r"(?:PSMT|PS|MT|Bold|Bd|Italic|Ital|Oblique|Regular|Semibold|SemiBold|Demi|Medium|Light|Black|Heavy|Narrow|"
    r"Condensed|Cond)$"
)


def font_family(name: str) -> str:
    """Helvetica-Bold, ABCDEF+Arial,Bold, ArialMT, TimesNewRomanPS-BoldMT, VeraBd -> Helvetica, Arial, TimesNewRoman, Vera."""
    family = re.split(r"[-,]", SUBSET_TAG.sub("", name.strip()), maxsplit=1)[0].replace(" ", "")
    while True:
        shorter = STYLE_SUFFIX.sub("", family)
        if shorter == family or len(shorter) < 3:
            return family
        family = shorter


def font_outlier_signals(data: bytes) -> list[Signal]:
    return page_signals(data, font_outlier_signal)


def font_outlier_signal(number: int, page: Any, textpage: Any) -> Signal | None:
    found = font_outlier(page_chars(textpage))
    if found is None:
        return None
    family, others, count = found
    said = "um valor está escrito" if count == 1 else f"{count} valores estão escritos"
    evidence = {"page": number, "font": family, "other_fonts": others}
    return Signal("PDF_FONT_OUTLIER", "HIGH", f"Na página {number}, {said} num tipo de letra que não é usado em "
                  "mais nada da página, o que é típico de um valor editado.", evidence)  # fmt: skip


def page_signals(data: bytes, signal_of: Callable[[int, Any, Any], Signal | None]) -> list[Signal]:
    """``signal_of(page number, page, text layer)`` on each examined page of a PDF; pages and layers closed after."""
    document = pdfium.PdfDocument(data)
    try:
        signals = []
        for index in range(min(len(document), MAX_PAGES)):
            page = document[index]
            textpage = page.get_textpage()
            try:
                found = signal_of(index + 1, page, textpage)
            finally:
                textpage.close()
                page.close()
            if found is not None:
                signals.append(found)
        return signals
    finally:
        document.close()


def page_chars(textpage: Any) -> list[tuple[str, str]]:
    """Each character of a page's text layer with its font family ("" for spaces pdfium adds)."""
    count = min(pdfium_c.FPDFText_CountChars(textpage.raw), MAX_CHARS_PER_PAGE)
    buffer = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    chars = []
    for index in range(count):
        char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, index) or 0xFFFD)
        length = pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, buffer, len(buffer), ctypes.byref(flags))
        name = buffer.raw[: max(0, min(length, len(buffer)) - 1)].decode("utf-8", "replace") if length else ""
        chars.append((char, font_family(name) if name else ""))
    return chars


def font_outlier(chars: list[tuple[str, str]]) -> tuple[str, list[str], int] | None:
    """The family that draws amounts and nothing else, on a page with two amounts in other families; its other
    families and how many amounts it draws.

    An editor that redraws several amounts draws them all in its one font. A payroll program that prints its
    amounts in a font of their own (a monospace) prints all of them in it: no amount is left in another family.
    """
    text = "".join(char for char, _ in chars)
    amounts = [range(*match.span()) for match in AMOUNT.finditer(text)]
    inside = {index: number for number, span in enumerate(amounts) for index in span}
    drawn: dict[str, list[int]] = {}
    for index, (char, family) in enumerate(chars):
        if family and not char.isspace():
            drawn.setdefault(family, []).append(index)
    for family, indexes in drawn.items():
        if any(index not in inside for index in indexes):
            continue  # the family draws words, labels or other numbers too
        if not any(chars[index][0].isdigit() for index in indexes):
            continue  # a euro sign from a fallback font: the font lacked the glyph, nobody edited a digit
        mine = set(indexes)
        others = [span for span in amounts if not mine.intersection(span)]
        if len(others) >= 2:
            return family, sorted(name for name in drawn if name != family), len({inside[index] for index in indexes})
    return None


# --- Covered text: an amount under an opaque box drawn after it, another written on top ----------------------

# A simple PDF tool "edits" an amount by drawing an opaque box over it and writing the new one on top; the old
# text stays in the file. Backgrounds, zebra rows and table fills are drawn before their text, so text under a
# box drawn later is text nobody sees. A character is covered when most of its box lies under one such box; a
# text object is hidden when most of its characters are.
COVERED_CHAR_FRACTION = 0.6
HIDDEN_OBJECT_FRACTION = 0.5
# An opaque box larger than this fraction of the page is a scan or a background, not a patch over a value.
MAX_COVER_PAGE_FRACTION = 0.25
# Text written over a covering box: at least this fraction of its own box lies on the box.
OVERDRAWN_FRACTION = 0.5
MAX_PAGE_OBJECTS = 5_000
MAX_COVERS = 1_000  # opaque boxes looked at per page: each text object is compared with those it touches

Box = tuple[float, float, float, float]  # left, bottom, right, top


@dataclass(frozen=True)
class HiddenText:
    """A text object hidden under an opaque box drawn after it, and what is written over that box."""

    obj: Any  # pdfium's text object (valid while its page is open)
    text: str
    fonts: tuple[str, ...]
    written_over: tuple[tuple[str, str], ...]  # (text, font family) of text drawn later over the covering box


@dataclass
class TextObject:
    order: int
    obj: Any
    chars: list[tuple[str, str, Box]] = field(default_factory=list)  # char, font family, box


def hidden_texts(page: Any, textpage: Any) -> list[HiddenText]:
    """The page's text objects that an opaque box drawn later in the content hides; [] on most pages."""
    objects = list(itertools.islice(page.get_objects(max_depth=1), MAX_PAGE_OBJECTS))
    width, height = page.get_size()
    covers = [(order, box) for order, obj in enumerate(objects) if (box := opaque_box(obj, width * height))]
    first_text = next((order for order, obj in enumerate(objects) if obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT), None)
    if first_text is None or not any(order > first_text for order, _ in covers) or len(covers) > MAX_COVERS:
        return []  # every box is drawn before the text (backgrounds), or the page is a drawing, not a document
    texts = text_objects(objects, textpage)
    hidden = []
    for text in texts.values():
        cover = covering_box(text, covers)
        if cover is not None:
            order, box = cover
            over = [other for other in texts.values() if other.order > order and lies_on(other, box)]
            hidden.append(HiddenText(text.obj, object_text(text), tuple(sorted({f for _, f, _ in text.chars if f})),
                                     tuple((object_text(other), object_family(other)) for other in over)))  # fmt: skip
    return hidden


def text_objects(objects: list[Any], textpage: Any) -> dict[int | None, TextObject]:
    """The page's text objects (``objects`` in drawing order) by handle, each with its characters."""
    texts = {handle(obj.raw): TextObject(order, obj) for order, obj in enumerate(objects)
             if obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT}  # fmt: skip
    for index, (char, family, box) in enumerate(text_chars(textpage)):
        owner = texts.get(handle(pdfium_c.FPDFText_GetTextObject(textpage.raw, index)))
        if owner is not None:
            owner.chars.append((char, family, box))
    return texts


def handle(raw: Any) -> int | None:
    return ctypes.cast(raw, ctypes.c_void_p).value if raw else None


def opaque_box(obj: Any, page_area: float) -> Box | None:
    """The box an opaque filled rectangle or image covers; None for anything else (strokes, shapes, see-through)."""
    if obj.type not in {pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE}:
        return None
    if pdfium_c.FPDFPageObj_HasTransparency(obj.raw):
        return None
    matrix = obj.get_matrix().get()
    if abs(matrix[1]) > 1e-6 or abs(matrix[2]) > 1e-6:
        return None  # turned or skewed: its bounds are not what it covers
    if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH and not filled_rectangle(obj):
        return None
    box = as_box(obj.get_bounds())
    return box if 0 < area(box) <= MAX_COVER_PAGE_FRACTION * page_area else None


def filled_rectangle(obj: Any) -> bool:
    """A path filled with an opaque colour whose points all sit on its bounding box's corners (a rectangle)."""
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill_mode), ctypes.byref(stroke)):
        return False
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    pdfium_c.FPDFPageObj_GetFillColor(obj.raw, *(ctypes.byref(value) for value in (red, green, blue, alpha)))
    if fill_mode.value == pdfium_c.FPDF_FILLMODE_NONE or alpha.value != 255:
        return False
    count = pdfium_c.FPDFPath_CountSegments(obj.raw)
    if not 4 <= count <= 6:
        return False
    xs, ys = set(), set()
    for index in range(count):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj.raw, index)
        x, y = ctypes.c_float(), ctypes.c_float()
        if not pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
            return False
        if pdfium_c.FPDFPathSegment_GetType(segment) == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            return False
        xs.add(round(x.value, 2))
        ys.add(round(y.value, 2))
    return len(xs) == 2 and len(ys) == 2


def text_chars(textpage: Any) -> list[tuple[str, str, Box]]:
    """Each character of a text layer with its font family and tight box."""
    chars = page_chars(textpage)
    return [(char, family, as_box(textpage.get_charbox(index))) for index, (char, family) in enumerate(chars)]


def as_box(values: Iterable[float]) -> Box:
    left, bottom, right, top = values
    return (left, bottom, right, top)


def overlap(box: Box, other: Box) -> float:
    width = min(box[2], other[2]) - max(box[0], other[0])
    height = min(box[3], other[3]) - max(box[1], other[1])
    return max(0.0, width) * max(0.0, height)


def area(box: Box) -> float:
    return max(0.0, box[2] - box[0]) * max(0.0, box[3] - box[1])


def covering_box(text: TextObject, covers: list[tuple[int, Box]]) -> tuple[int, Box] | None:
    """The first box drawn after a text object that hides most of its characters; None when it is visible."""
    bounds = as_box(text.obj.get_bounds())
    later = [(order, box) for order, box in covers if order > text.order and overlap(bounds, box) > 0]
    inked = [box for char, _, box in text.chars if not char.isspace() and area(box) > 0]
    if not later or not inked:
        return None
    hiding: dict[int, int] = {}
    for box in inked:
        for position, cover in enumerate(later):
            if overlap(box, cover[1]) >= COVERED_CHAR_FRACTION * area(box):
                hiding[position] = hiding.get(position, 0) + 1
                break
    if sum(hiding.values()) < HIDDEN_OBJECT_FRACTION * len(inked):
        return None
    return later[max(hiding, key=lambda position: hiding[position])]


def lies_on(text: TextObject, box: Box) -> bool:
    bounds = as_box(text.obj.get_bounds())
    return area(bounds) > 0 and overlap(bounds, box) >= OVERDRAWN_FRACTION * area(bounds)


def object_text(text: TextObject) -> str:
    return "".join(char for char, _, _ in text.chars)


def object_family(text: TextObject) -> str:
    families = [family for char, family, _ in text.chars if family and not char.isspace()]
    return max(set(families), key=families.count) if families else ""


def covered_amount_signals(data: bytes) -> list[Signal]:
    return page_signals(data, covered_amount_signal)


def covered_amount_signal(number: int, page: Any, textpage: Any) -> Signal | None:
    redrawn = [text for text in hidden_texts(page, textpage) if redrawn_amount(text)]
    if not redrawn:
        return None
    fonts = sorted({font for text in redrawn for font in text.fonts})
    over_fonts = sorted({font for text in redrawn for _, font in text.written_over if font})
    said = "um valor está tapado" if len(redrawn) == 1 else f"{len(redrawn)} valores estão tapados"
    evidence = {"page": number, "count": len(redrawn), "fonts": fonts, "over_fonts": over_fonts}
    return Signal("PDF_COVERED_AMOUNT", "HIGH", f"Na página {number}, {said} por um retângulo opaco com outro "
                  "valor escrito por cima, o que é típico de um valor editado.", evidence)  # fmt: skip


def redrawn_amount(text: HiddenText) -> bool:
    """An amount hidden under a box with text written over the box (a blank patch or a logo's is no edit)."""
    return bool(AMOUNT.search(text.text)) and any(written.strip() for written, _ in text.written_over)


# --- Annotations: a comment box, a stamp or a filled shape laid over an amount ----------------------------------

# A PDF reader (Acrobat, Preview, Edge, the online editors) "edits" without touching the page: it adds an
# annotation, a text box ("FreeText"), a stamp or a filled rectangle, drawn over the page. Payroll programs and
# the tax and social-security portals write none over their values; a form's fields (widgets), links, notes,
# highlights and outlines drawn around a value hide nothing and are not looked at.
MAX_ANNOTATIONS = 200
HIDING_ANNOTATIONS = {pdfium_c.FPDF_ANNOT_FREETEXT, pdfium_c.FPDF_ANNOT_STAMP, pdfium_c.FPDF_ANNOT_REDACT}
# A shape hides what is under it only when it is filled (its interior colour, /IC).
FILLABLE_ANNOTATIONS = {pdfium_c.FPDF_ANNOT_SQUARE, pdfium_c.FPDF_ANNOT_CIRCLE, pdfium_c.FPDF_ANNOT_POLYGON}
UNSEEN_ANNOTATION = pdfium_c.FPDF_ANNOT_FLAG_HIDDEN | pdfium_c.FPDF_ANNOT_FLAG_NOVIEW


@dataclass(frozen=True)
class AnnotationCover:
    subtype: str  # "FreeText", "Stamp", "Square"... as the PDF names it
    box: Box


ANNOTATION_NAMES = {
    pdfium_c.FPDF_ANNOT_FREETEXT: "FreeText",
    pdfium_c.FPDF_ANNOT_STAMP: "Stamp",
    pdfium_c.FPDF_ANNOT_REDACT: "Redact",
    pdfium_c.FPDF_ANNOT_SQUARE: "Square",
    pdfium_c.FPDF_ANNOT_CIRCLE: "Circle",
    pdfium_c.FPDF_ANNOT_POLYGON: "Polygon",
}


def annotation_covers(page: Any) -> list[AnnotationCover]:
    """The page's shown annotations that hide what lies under them (text boxes, stamps, filled shapes)."""
    covers = []
    for index in range(min(pdfium_c.FPDFPage_GetAnnotCount(page.raw), MAX_ANNOTATIONS)):
        annotation = pdfium_c.FPDFPage_GetAnnot(page.raw, index)
        if not annotation:
            continue
        try:
            subtype = pdfium_c.FPDFAnnot_GetSubtype(annotation)
            hides = subtype in HIDING_ANNOTATIONS or (
                subtype in FILLABLE_ANNOTATIONS and pdfium_c.FPDFAnnot_HasKey(annotation, b"IC")
            )
            if not hides or pdfium_c.FPDFAnnot_GetFlags(annotation) & UNSEEN_ANNOTATION:
                continue
            rect = pdfium_c.FS_RECTF()
            if not pdfium_c.FPDFAnnot_GetRect(annotation, ctypes.byref(rect)):
                continue
            box = (min(rect.left, rect.right), min(rect.bottom, rect.top), max(rect.left, rect.right),
                   max(rect.bottom, rect.top))  # fmt: skip
            if area(box) > 0:
                covers.append(AnnotationCover(ANNOTATION_NAMES[subtype], box))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annotation)
    return covers


def annotation_hidden_texts(page: Any, textpage: Any, covers: list[AnnotationCover]) -> list[tuple[Any, str, str]]:
    """The page's own text objects an annotation hides: (pdfium's object, its text, the hiding annotation's kind).

    Annotations are drawn after the whole page, so any text object under one is under it, whatever its order.
    """
    if not covers:
        return []
    objects = list(itertools.islice(page.get_objects(max_depth=1), MAX_PAGE_OBJECTS))
    texts = text_objects(objects, textpage)
    drawn_after = len(objects)
    boxes = [(drawn_after + position, cover.box) for position, cover in enumerate(covers)]
    hidden = []
    for text in texts.values():
        found = covering_box(text, boxes)
        if found is not None:
            hidden.append((text.obj, object_text(text), covers[found[0] - drawn_after].subtype))
    return hidden


def annotated_amount_signals(data: bytes) -> list[Signal]:
    return page_signals(data, annotated_amount_signal)


def annotated_amount_signal(number: int, page: Any, textpage: Any) -> Signal | None:
    covers = annotation_covers(page)
    hidden = annotation_hidden_amounts(text_chars(textpage), covers) if covers else []
    if not hidden:
        return None
    kinds = sorted(set(hidden))
    said = "um valor está tapado" if len(hidden) == 1 else f"{len(hidden)} valores estão tapados"
    evidence = {"page": number, "count": len(hidden), "annotations": kinds}
    return Signal("PDF_ANNOTATED_AMOUNT", "HIGH", f"Na página {number}, {said} por uma anotação acrescentada ao PDF "
                  "(uma caixa de texto, um carimbo ou um retângulo preenchido), o que é típico de um valor editado "
                  "num leitor de PDF.", evidence)  # fmt: skip


def annotation_hidden_amounts(chars: list[tuple[str, str, Box]], covers: list[AnnotationCover]) -> list[str]:
    """For each amount of the page's text mostly under an annotation, that annotation's kind.

    Amounts, not text objects: a payroll program may write a whole line ("Líquido a receber 1.234,56") as one
    object, of which the box hides only the amount.
    """
    text = "".join(char for char, _, _ in chars)
    kinds = []
    for match in AMOUNT.finditer(text):
        inked = [box for char, _, box in chars[match.start() : match.end()] if not char.isspace() and area(box) > 0]
        under: dict[str, int] = {}
        for box in inked:
            cover = next((c for c in covers if overlap(box, c.box) >= COVERED_CHAR_FRACTION * area(box)), None)
            if cover is not None:
                under[cover.subtype] = under.get(cover.subtype, 0) + 1
        if inked and sum(under.values()) >= HIDDEN_OBJECT_FRACTION * len(inked):
            kinds.append(max(under, key=lambda kind: under[kind]))
    return kinds


# --- An amount drawn as a picture: a text page whose value beside its caption is an image --------------------

# A payroll program writes its amounts as text. An amount pasted as a picture of other digits (cut from another
# payslip, or drawn in an image editor) where the page's own was deleted leaves the caption's row with no amount
# in its text and a small image beside the caption, the height of a line of text. Logos, signatures and QR codes
# are larger, square or beside no amount's caption.
AMOUNT_CAPTION = re.compile(
    r"(?<![a-z])(?:l[ií]quido|il[ií]quido|bruto|total|a\s+receber|vencimento|sal[aá]rio|remunera[cç][aã]o|valor|"
    r"net\s+pay|gross|amount)(?![a-z])",
    re.IGNORECASE,
)
# An image this many text lines high at most, and at least this many times as wide as high (a row of digits).
MAX_IMAGE_LINES = 2.5
MIN_IMAGE_ASPECT = 1.5
MAX_IMAGE_PAGE_WIDTH_FRACTION = 0.4
# Two boxes share a row when their heights overlap by at least this fraction of the lower one.
SAME_ROW_FRACTION = 0.5


def image_amount_signals(data: bytes) -> list[Signal]:
    return page_signals(data, image_amount_signal)


def image_amount_signal(number: int, page: Any, textpage: Any) -> Signal | None:
    objects = list(itertools.islice(page.get_objects(max_depth=1), MAX_PAGE_OBJECTS))
    texts = [text for text in text_objects(objects, textpage).values() if object_text(text).strip()]
    page_text = "".join(object_text(text) for text in texts)
    if len(AMOUNT.findall(page_text)) < 2:
        return None  # a scan, or a page of no amounts: its pictures are what it is made of
    line_height = statistics.median(box_height(as_box(text.obj.get_bounds())) for text in texts)
    width, _ = page.get_size()
    rows = [
        caption
        for obj in objects
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE
        and (box := inline_image_box(obj, line_height, width)) is not None
        and (caption := amount_caption_beside(box, texts)) is not None
    ]
    if not rows:
        return None
    evidence = {"page": number, "count": len(rows), "captions": rows}
    return Signal("PDF_AMOUNT_AS_IMAGE", "HIGH", f"Na página {number}, o valor de \"{rows[0]}\" é uma imagem colada "
                  "numa linha de texto sem o valor escrito, o que é típico de um valor substituído.", evidence)  # fmt: skip


def box_height(box: Box) -> float:
    return box[3] - box[1]


def inline_image_box(obj: Any, line_height: float, page_width: float) -> Box | None:
    """An image's box when it is the size of a value on a line of text; None for a logo, a signature, a code."""
    matrix = obj.get_matrix().get()
    if abs(matrix[1]) > 1e-6 or abs(matrix[2]) > 1e-6:
        return None
    box = as_box(obj.get_bounds())
    height, width = box_height(box), box[2] - box[0]
    fits_a_line = 0 < height <= MAX_IMAGE_LINES * line_height
    return (
        box
        if fits_a_line and MIN_IMAGE_ASPECT * height <= width <= MAX_IMAGE_PAGE_WIDTH_FRACTION * page_width
        else None
    )


def amount_caption_beside(box: Box, texts: list[TextObject]) -> str | None:
    """The amount's caption written on the image's row, left of it, when that row's text has no amount of its own."""
    row = [text for text in texts if same_row(as_box(text.obj.get_bounds()), box)]
    row_text = " ".join(object_text(text) for text in sorted(row, key=lambda text: text.obj.get_bounds()[0]))
    left = [text for text in row if text.obj.get_bounds()[2] <= box[0] + 1]
    caption = next((object_text(text).strip() for text in left if AMOUNT_CAPTION.search(object_text(text))), None)
    return caption if caption is not None and not AMOUNT.search(row_text) else None


def same_row(box: Box, other: Box) -> bool:
    shared = min(box[3], other[3]) - max(box[1], other[1])
    return shared >= SAME_ROW_FRACTION * min(box_height(box), box_height(other)) > 0


# --- Text nobody sees: invisible or the colour of what lies beneath -------------------------------------------

# The text layer is what the extraction reads; a person reads the page. Text drawn in render mode 3 or 7 (no
# ink), fully transparent, or in the colour of what lies beneath it (white on the white page) is read but not
# seen. A scanner's searchable PDF writes its invisible text over the page's picture: text an image lies under
# or over is not looked at. An amount nobody sees with nothing drawn at its place (the page looks empty there) is
# HIGH; under vector drawings (outlined glyphs with a search layer) it may be the same text, hence MEDIUM.
UNPAINTED_MODES = {pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE, pdfium_c.FPDF_TEXTRENDERMODE_CLIP}
FILLING_MODES = {0, 2, 4, 6}  # fill, fill+stroke, and the same adding to the clip
STROKING_MODES = {1, 2, 5, 6}
SAME_COLOUR = 10  # per channel, of 255
BACKGROUND_FRACTION = 0.9  # a filled shape is a text's background when it lies under this much of it
WHITE = (255, 255, 255)


@dataclass(frozen=True)
class Unseen:
    text: TextObject
    under_drawing: bool  # a filled shape drawn after it lies on it (outlines that may show the same text)


def invisible_text_signals(data: bytes) -> list[Signal]:
    return page_signals(data, invisible_text_signal)


def invisible_text_signal(number: int, page: Any, textpage: Any) -> Signal | None:
    unseen = unseen_texts(page, textpage)
    amounts = [item for item in unseen if AMOUNT.search(object_text(item.text))]
    if not amounts:
        return None
    bare = [item for item in amounts if not item.under_drawing]
    severity = "HIGH" if bare else "MEDIUM"
    evidence = {"page": number, "amounts": len(amounts), "characters": sum(inked(item.text) for item in unseen)}
    return Signal("PDF_INVISIBLE_TEXT", severity, f"Na página {number}, o texto lido tem valores que não se veem "
                  "na página (texto invisível ou da cor do fundo): o que se lê não é o que uma pessoa vê.",
                  evidence)  # fmt: skip


def inked(text: TextObject) -> int:
    return sum(1 for char, _, box in text.chars if not char.isspace() and area(box) > 0)


def unseen_texts(page: Any, textpage: Any) -> list[Unseen]:
    """The page's text objects a reader cannot see, away from any image."""
    objects = list(itertools.islice(page.get_objects(max_depth=1), MAX_PAGE_OBJECTS))
    # A form XObject may hold the page's picture (some scanners' and OCR tools' PDFs wrap it in one): its bounds
    # count as an image's, or their searchable layer would read as hidden text.
    pictures = (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM)
    images = [as_box(obj.get_bounds()) for obj in objects if obj.type in pictures]
    found = []
    for text in text_objects(objects, textpage).values():
        bounds = as_box(text.obj.get_bounds())
        if not inked(text) or any(overlap(bounds, image) > 0 for image in images):
            continue
        if not painted(text.obj, background_colour(text.order, bounds, objects)):
            found.append(Unseen(text, drawn_over(text.order, bounds, objects)))
    return found


def object_colour(obj: Any, getter: Callable[..., Any]) -> tuple[int, int, int, int] | None:
    """An object's colour as RGBA; None when pdfium cannot give one (a pattern or a shading as the colour)."""
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    if not getter(obj.raw, *(ctypes.byref(value) for value in (red, green, blue, alpha))):
        return None
    return red.value, green.value, blue.value, alpha.value


def painted(obj: Any, background: tuple[int, int, int] | None) -> bool:
    """Whether a text object leaves ink a reader can see (``background`` None: unknown, taken as seen)."""
    mode = pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw)
    if mode in UNPAINTED_MODES:
        return False
    if background is None:
        return True
    colours = []
    if mode in FILLING_MODES:
        colours.append(object_colour(obj, pdfium_c.FPDFPageObj_GetFillColor))
    if mode in STROKING_MODES:
        colours.append(object_colour(obj, pdfium_c.FPDFPageObj_GetStrokeColor))
    # A colour pdfium cannot name is taken as seen.
    return any(colour is None or (colour[3] > 0 and not same_colour(colour[:3], background)) for colour in colours)


def same_colour(colour: Iterable[int], other: Iterable[int]) -> bool:
    return all(abs(a - b) <= SAME_COLOUR for a, b in zip(colour, other, strict=True))


def background_colour(order: int, bounds: Box, objects: list[Any]) -> tuple[int, int, int] | None:
    """The colour under a text: the last filled shape drawn before it there, else the white page; None when what
    lies beneath is not one opaque colour (a shading, a form, a see-through or partial shape)."""
    for obj in reversed(objects[:order]):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT or overlap(as_box(obj.get_bounds()), bounds) <= 0:
            continue
        if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH and not fills(obj):
            continue  # a line or a frame: it paints nothing under the text's interior
        if obj.type != pdfium_c.FPDF_PAGEOBJ_PATH or pdfium_c.FPDFPageObj_HasTransparency(obj.raw):
            return None
        if overlap(as_box(obj.get_bounds()), bounds) < BACKGROUND_FRACTION * area(bounds):
            return None
        colour = object_colour(obj, pdfium_c.FPDFPageObj_GetFillColor)
        return colour[:3] if colour is not None else None
    return WHITE


def fills(obj: Any) -> bool:
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill_mode), ctypes.byref(stroke)):
        return False
    return fill_mode.value != pdfium_c.FPDF_FILLMODE_NONE


def drawn_over(order: int, bounds: Box, objects: list[Any]) -> bool:
    return any(
        obj.type != pdfium_c.FPDF_PAGEOBJ_TEXT and overlap(as_box(obj.get_bounds()), bounds) > 0
        for obj in objects[order + 1 :]
    )


# --- Text typed over a picture of a document ------------------------------------------------------------------

# A page whose body is a picture (a scan, a photo, a screenshot pasted into a word processor) carries its values
# in the picture; a scanner's searchable layer is invisible. Visible text on such a picture that is mostly
# amounts is a value typed over the picture's own (after whiting it out in the image, or on top of it). A
# letterhead or background picture under a document written in text is not this: its text is mostly words.
MIN_PICTURE_PAGE_FRACTION = 0.5
TYPED_AMOUNT_FRACTION = 0.5  # of the visible characters on the picture


def typed_over_picture_signals(data: bytes) -> list[Signal]:
    return page_signals(data, typed_over_picture_signal)


def typed_over_picture_signal(number: int, page: Any, textpage: Any) -> Signal | None:
    objects = list(itertools.islice(page.get_objects(max_depth=1), MAX_PAGE_OBJECTS))
    width, height = page.get_size()
    pictures = [(order, as_box(obj.get_bounds())) for order, obj in enumerate(objects)
                if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE
                and area(as_box(obj.get_bounds())) >= MIN_PICTURE_PAGE_FRACTION * width * height]  # fmt: skip
    if not pictures:
        return None
    texts = [text for text in text_objects(objects, textpage).values() if inked(text)]
    visible = [text for text in texts if pdfium_c.FPDFTextObj_GetTextRenderMode(text.obj.raw) not in UNPAINTED_MODES]
    typed = [text for text in visible if any(order < text.order and lies_on(text, box) for order, box in pictures)]
    amounts = [match for text in typed for match in AMOUNT.finditer(object_text(text))]
    if not amounts:
        return None
    amount_chars = sum(len(re.sub(r"\s", "", match.group())) for match in amounts)
    if amount_chars < TYPED_AMOUNT_FRACTION * sum(inked(text) for text in visible):
        return None
    evidence = {"page": number, "amounts": len(amounts), "characters": sum(inked(text) for text in visible)}
    return Signal("PDF_TEXT_OVER_PICTURE", "MEDIUM", f"Na página {number}, o documento é uma imagem e os únicos "
                  "textos escritos por cima dela são valores, o que é típico de um valor apagado na imagem e "
                  "escrito de novo.", evidence)  # fmt: skip


# --- Images: editing software in EXIF, PNG text, XMP -----------------------------------------------------

IMAGE_EDITORS = [
    r"photoshop", r"imageready", r"\bgimp\b", r"pixelmator", r"affinity photo", r"paint\.net", r"\bcanva\b", r"snapseed",
    r"picsart", r"fotor", r"photopea", r"\bkrita\b", r"paintshop", r"corel", r"illustrator", r"inkscape",
]  # fmt: skip
# Photo development (exposure, crop) without tools to change what a document says; Photoshop's name is in
# Lightroom's and Camera Raw's. Phones ("iOS 17.4", "HDR+", firmware builds), scanner apps (Microsoft Lens,
# Adobe Scan, CamScanner, Genius Scan) and scanner drivers match nothing above.
IMAGE_EXCEPTIONS = [r"lightroom", r"camera raw"]
EXIF_SOFTWARE = 305
EXIF_PROCESSING_SOFTWARE = 11


def image_signals(data: bytes) -> list[Signal]:
    for software in image_software(data):
        if any_match(IMAGE_EDITORS, [software]) and not any_match(IMAGE_EXCEPTIONS, [software]):
            return [Signal("IMAGE_EDITOR_SOFTWARE", "MEDIUM", "A imagem foi gravada por um editor de imagem, que "
                           "permite alterar o conteúdo do documento.", {"software": software[:80]})]  # fmt: skip
    return []


def image_software(data: bytes) -> list[str]:
    """Software names in EXIF (Software, ProcessingSoftware), PNG text chunks and the XMP packet."""
    from PIL import Image

    names: list[str] = []
    # Pillow's pixel limit guards against decompression bombs (a PNG's eXIf chunk after its pixels is read by
    # decoding them); a refused image gives no signal.
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        names += [str(exif.get(tag, "")) for tag in (EXIF_SOFTWARE, EXIF_PROCESSING_SOFTWARE)]
        names += [str(value) for key, value in image.info.items() if str(key).lower() in {"software", "creator tool"}]
    head = data[:MAX_IMAGE_HEAD].decode("latin-1")
    # XMP: the creating tool and each saved-by step of Photoshop's history (stEvt:softwareAgent).
    names += re.findall(r"(?:xmp:CreatorTool|stEvt:softwareAgent)(?:>|=\")([^<\"]{1,200})", head)
    return [name.strip() for name in names if name and name.strip()]
