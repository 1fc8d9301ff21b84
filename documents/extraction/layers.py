"""A scan's text layer that says another document than its picture: the one authenticity check that needs the
extraction's reading as well as the file's bytes.

Apart from ``forensics`` because it reads the layer with the extraction's own parsers, and the reader, below them,
runs ``forensics``' checks: one module holding both was an import cycle. ``document_signals`` is what the pipeline
and ``extract_file`` store: the file's own signals, and this one.
"""

from __future__ import annotations

import difflib
import itertools
import re
from decimal import Decimal
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from rapidfuzz.distance import Levenshtein

from applicants.text import fold
from documents.extraction.forensics import (
    MAX_PAGE_OBJECTS,
    MAX_PAGES,
    UNPAINTED_MODES,
    Signal,
    as_box,
    file_signals,
    guarded,
    inked,
    overlap,
    text_objects,
)
from documents.extraction.parsers import parse_document
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind, ExtractionResult, fields_validate


def document_signals(data: bytes, *, content_type: str, extracted: ExtractionResult | None) -> list[dict[str, Any]]:
    """``forensics.file_signals``, and for a PDF whose pictures were read, whether its text layer says the same
    (never raises: a check failing on an odd file leaves the others standing)."""
    signals = file_signals(data, content_type=content_type)
    if content_type == "application/pdf":
        signals += [signal.as_dict() for signal in guarded(lambda: layer_contradiction_signals(data, extracted))]
    return signals


# A scanner's searchable PDF is a picture of the page with its own OCR, invisibly, over it. The extraction reads
# such a page from its picture (``reader.text_layer_is_the_page``), so a layer saying something else changes no
# field; but it is what a person copying the text, a search, or another program reads, and a layer that is
# another payslip (other amounts, another person) is written by someone, not by a scanner (blind probe r52a: N03
# and N04 raised nothing). The layer is read with the same parser as the picture was, and each amount, NIF or name
# both readings hold is compared. A scanner's OCR errs a character at a time (a digit misread, one dropped from a
# NIF, a letter in a name): a digit apart is the same value, and names are compared loosely. Nothing is OCR'd
# here: the picture's reading is the extraction's own result.
NAME_SIMILARITY = 0.8  # of two folded names (difflib's ratio); an OCR's misread letters stay above it


def layer_contradiction_signals(data: bytes, extracted: ExtractionResult | None) -> list[Signal]:
    if extracted is None or extracted.method != "ocr" or extracted.kind == DocumentKind.UNKNOWN:
        return []  # a layer read as the page, or no reading of the picture to compare with
    pages, text = scanned_layer_text(data)
    if not pages:
        return []
    layer = layer_fields(extracted.kind, text)
    differing = [
        name
        for name, value in extracted.fields.items()
        if value is not None and layer.get(name) is not None and not same_reading(name, value, layer[name])
    ]
    amounts = [name for name in differing if isinstance(extracted.fields[name], Decimal)]
    identities = [name for name in differing if name not in amounts]
    if not differing:
        return []
    said = " e ".join(
        words for words, names in (("os valores", amounts), ("o nome ou o número de identificação", identities))
        if names
    )  # fmt: skip
    evidence = {"pages": pages, "fields": differing}
    return [Signal("PDF_TEXT_LAYER_MISMATCH", "HIGH", f"O texto invisível sobre a imagem da página (o que um programa "
                   f"ou quem copia o texto lê) não diz o mesmo que a imagem: diferem {said}. Um digitalizador não "
                   "escreve outro documento por baixo da imagem; é típico de um documento alterado.",
                   evidence)]  # fmt: skip


def scanned_layer_text(data: bytes) -> tuple[list[int], str]:
    """The pages holding invisible text over a picture (a scanner's layer), and their whole text layer."""
    document = pdfium.PdfDocument(data)
    try:
        pages, texts = [], []
        for index in range(min(len(document), MAX_PAGES)):
            page = document[index]
            textpage = page.get_textpage()
            try:
                if invisible_over_picture(page, textpage):
                    pages.append(index + 1)
                    texts.append(textpage.get_text_range())
            finally:
                textpage.close()
                page.close()
        return pages, "\n".join(texts)
    finally:
        document.close()


def invisible_over_picture(page: Any, textpage: Any) -> bool:
    objects = list(itertools.islice(page.get_objects(max_depth=1), MAX_PAGE_OBJECTS))
    pictures = (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM)
    images = [as_box(obj.get_bounds()) for obj in objects if obj.type in pictures]
    return bool(images) and any(
        pdfium_c.FPDFTextObj_GetTextRenderMode(text.obj.raw) in UNPAINTED_MODES
        and inked(text)
        and any(overlap(as_box(text.obj.get_bounds()), image) > 0 for image in images)
        for text in text_objects(objects, textpage).values()
    )


def layer_fields(kind: DocumentKind, text: str) -> dict[str, Any]:
    """The fields the extraction's parser reads in a text layer, as a document of ``kind``."""
    lines = [Line(text=row.strip()) for row in text.splitlines() if row.strip()]
    return fields_validate(kind, parse_document(kind, lines).fields) if lines else {}


def same_reading(name: str, value: Any, other: Any) -> bool:
    """Two readings of one field that a scanner's OCR could give of the same print (or fields not compared)."""
    if isinstance(value, Decimal) and isinstance(other, Decimal):
        return Levenshtein.distance(f"{value:.2f}", f"{other:.2f}") <= 1
    if not isinstance(value, str) or not isinstance(other, str):
        return True  # dates, periods, flags: neither an amount nor an identity
    if name.endswith(("nif", "niss")) or name == "document_number":
        return Levenshtein.distance(re.sub(r"\W", "", value), re.sub(r"\W", "", other)) <= 1
    if name.endswith("_name") or name in {"surname", "given_names"}:
        mine, theirs = (" ".join(fold(text).split()) for text in (value, other))
        return (
            mine in theirs or theirs in mine or difflib.SequenceMatcher(None, mine, theirs).ratio() >= NAME_SIMILARITY
        )
    return True
