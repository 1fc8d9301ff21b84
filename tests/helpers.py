"""Helpers shared by API and pipeline tests: upload a file the way a browser would."""

from __future__ import annotations

import fcntl
import functools
import os
import pickle
import random
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from django.test import Client
from rest_framework.test import APIClient

from samples.synthetic import Case, Synthetic, prepared_cases, scan
from tests import SHARED_DIR_VARIABLE

if TYPE_CHECKING:
    from documents.extraction.reader import Line

T = TypeVar("T")


def built_once_per_run(name: str, build: Callable[[], T]) -> T:
    """``build()``, run by the first xdist worker to ask; the others load its result.

    For deterministic sample files several workers need while collecting (a few seconds of CPU each,
    more under coverage). The worker that builds them runs (and covers) the sample code; the others
    wait on a lock file, then read a pickle this run wrote (in ``SHARED_DIR_VARIABLE``'s folder). Outside
    xdist: ``build()``.
    """
    shared = os.environ.get(SHARED_DIR_VARIABLE)
    if not shared or not os.environ.get("PYTEST_XDIST_WORKER"):
        return build()
    path = Path(shared) / f"built-once-{name}.pickle"
    with path.with_name(f"built-once-{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if path.exists():
            return pickle.loads(path.read_bytes())  # type: ignore[no-any-return]  # noqa: S301 (written by this run)
        value = build()
        partial = path.with_name(f"{path.name}.partial")
        partial.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(path)
        return value


@functools.cache
def prepared_cases_once() -> tuple[Case, ...]:
    """``samples.synthetic.prepared_cases()``, built once per test run.

    Each build renders every case's documents (about 2 s of CPU); six test
    modules read a case at import, so every xdist worker built them six times
    while collecting (and then once each). No test changes a case (variants are built as new ones),
    so one copy serves all: one worker builds it, the others load it (``built_once_per_run``).
    """
    return built_once_per_run("prepared-cases", lambda: tuple(prepared_cases()))


def prepared_case(name: str) -> Case:
    return next(case for case in prepared_cases_once() if case.name == name)


@functools.cache
def with_scanned_payslips(name: str, *, dpi: int, as_pdf: bool = False) -> Case:
    """The prepared case with its ID document as it is and its payslips as scans at ``dpi`` (seed 4):
    JPEGs, or with ``as_pdf`` image-only PDFs of them (as a scanner app saves a page).

    A few seconds of OCR for a worker, time for a test to kill it mid-extraction. Rendering the scans
    costs about a second of CPU; three e2e tests ask for the same ones, so the run builds them once.
    """

    def build() -> Case:
        case = prepared_case(name)
        rng = random.Random(4)
        scans = [scan(document, rng=rng, dpi=dpi) for document in case.documents[1:]]
        if as_pdf:
            scans = [image_pdf_of(document, dpi=dpi) for document in scans]
        return type(case)(**{**case.__dict__, "documents": [case.documents[0], *scans]})

    return built_once_per_run(f"scanned-payslips-{name}-{dpi}{'-pdf' if as_pdf else ''}", build)


def image_pdf_of(document: Synthetic, *, dpi: int) -> Synthetic:
    """A JPEG document as a one-page PDF with no text layer."""
    import dataclasses
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.open(io.BytesIO(document.data)).save(buffer, format="PDF", resolution=dpi)
    stem = document.name.rsplit(".", 1)[0]
    return dataclasses.replace(document, name=f"{stem}.pdf", data=buffer.getvalue(), content_type="application/pdf")


def form_request_create(api: APIClient, **overrides: Any) -> dict[str, Any]:
    body = {"listing_type": "ARRENDAMENTO", "property_type": "APARTAMENTO", "property_title": "T3 no Porto",
            "property_price": 750.0, "expires_in_days": 14}  # fmt: skip
    body.update(overrides)
    response = api.post("/api/v1/applicants/intake-form-requests", body, format="json")
    assert response.status_code == 201, response.content
    return dict(response.json())


def upload(token: str, document: Synthetic | tuple[str, bytes, str, str]) -> str:
    """Ask for a slot, post the file to it (local storage endpoint), return the key."""
    if isinstance(document, Synthetic):
        name, data, content_type, document_type = (
            document.name,
            document.data,
            document.content_type,
            document.document_type,
        )
    else:
        name, data, content_type, document_type = document
    api = APIClient()
    slot = api.post(
        f"/api/v1/intake/{token}/uploads",
        {"filename": name, "content_type": content_type, "size": len(data), "document_type": document_type},
        format="json",
    )
    assert slot.status_code == 201, slot.content
    body = slot.json()
    from django.core.files.uploadedfile import SimpleUploadedFile

    fields = dict(body["upload"]["fields"])
    fields["file"] = SimpleUploadedFile(name, data, content_type=content_type)
    posted = Client().post("/storage/upload", fields)
    assert posted.status_code == 204, posted.content
    return str(body["key"])


def submission_body(nif: str, documents: list[dict[str, Any]], **overrides: Any) -> dict[str, Any]:
    body = {"nif": nif, "name": "Maria Santos", "date_of_birth": "1990-06-15", "email": "maria@example.com",
            "phone": "+351912345678", "terms_accepted": True, "documents": documents}  # fmt: skip
    body.update(overrides)
    return body


def boxed_line(*words: tuple[str, float, tuple[int, int, int, int]]) -> Line:
    """An OCR line of ``(word, confidence, (left, top, width, height))`` words, as Tesseract boxes them."""
    from documents.extraction.reader import Line

    return Line(
        " ".join(word for word, _, _ in words),
        sum(sure for _, sure, _ in words) / len(words),
        [(word, sure) for word, sure, _ in words],
        [box for _, _, box in words],
    )


def read_text(text: str, *, document_type: str, today: Any) -> tuple[Any, dict[str, Any], list[str]]:
    """A text as the local extractor handles a read page: its kind, fields checked as every backend's are,
    and warnings (the parser's, then the checks')."""
    from documents.extraction.parsers import classify, parse_document
    from documents.extraction.reader import Line
    from documents.extraction.schema import fields_validate
    from documents.extraction.validation import parsed_revalidate

    kind = classify(text)
    parsed = parse_document(kind, [Line(line) for line in text.splitlines() if line.strip()])
    fields = fields_validate(kind, parsed.fields)
    checked = parsed_revalidate(kind, fields, parsed, document_type=document_type, today=today)
    return kind, fields, [*parsed.warnings, *checked]


def pdf_of(*parts: bytes) -> bytes:
    """One PDF of the pages of ``parts``, in order (documents scanned or exported into one file)."""
    import io

    import pikepdf

    merged = pikepdf.new()
    for data in parts:
        merged.pages.extend(pikepdf.open(io.BytesIO(data)).pages)
    out = io.BytesIO()
    merged.save(out)
    return out.getvalue()


def parse_identity_lines(lines: Any, kind: Any, *, mrz: list[str] | None = None) -> tuple[dict[str, object], list[str]]:
    """An identity document's read lines (text, or (text, confidence); 0.9 by default) and its MRZ's lines after
    them, parsed: its fields and warnings."""
    from documents.extraction.parsers.identity import parse_identity
    from documents.extraction.reader import Line

    read = [Line(*line) if isinstance(line, tuple) else Line(line, 0.9) for line in [*lines, *(mrz or [])]]
    parsed = parse_identity(read, kind)
    return parsed.fields, parsed.warnings


MONTH_SLIP_HEADER = """RECIBO DE VENCIMENTO
Período: novembro 2026
Descrição Qtd Valor"""


def payslip_rows_checked(rows: str, totals: str) -> tuple[dict[str, object], list[str]]:
    """A typed November payslip of ``rows`` and ``totals`` (``slip_totals``), parsed and checked as every backend's
    fields are: its fields and warnings (the parser's, then the checks')."""
    from documents.extraction.parsers.payslip import parse_payslip
    from documents.extraction.reader import Line
    from documents.extraction.schema import DocumentKind, fields_validate
    from documents.extraction.validation import parsed_revalidate

    parsed = parse_payslip([Line(line, 1.0) for line in f"{MONTH_SLIP_HEADER}\n{rows}\n{totals}".splitlines()])
    fields = fields_validate(DocumentKind.RECIBO_VENCIMENTO, parsed.fields)
    warnings = [
        *parsed.warnings,
        *parsed_revalidate(DocumentKind.RECIBO_VENCIMENTO, fields, parsed, document_type="PROOF_OF_INCOME"),
    ]
    return fields, warnings


def slip_totals(gross: str, deductions: str, net: str) -> str:
    return f"Total ilíquido {gross}\nTotal descontos {deductions}\nLíquido a receber {net}"


def text_picture(text: str, size: tuple[int, int]) -> Any:
    """A small PNG of ``text`` for a PDF page (reportlab's ``ImageReader``): an amount drawn as a picture."""
    import io

    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    from samples.synthetic import pil_font

    image = Image.new("RGB", size, "white")
    ImageDraw.Draw(image).text((4, 2), text, font=pil_font(size[1] - 8), fill=0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ImageReader(io.BytesIO(buffer.getvalue()))
