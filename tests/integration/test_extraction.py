"""The local extractor on the synthetic corpus, hostile files, and the pipeline's failure states."""

from __future__ import annotations

import io
import json
import zlib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from documents.extraction.errors import ExtractionFailed
from documents.extraction.local import LocalExtractor
from documents.models import Document, DocumentStatus
from documents.services import applicant_documents_extract, document_extract
from documents.storage import document_store
from samples.synthetic import extraction_corpus, make_person, payslip_pdf, scan
from samples.tampered import incremental_edit
from tests.factories import ApplicantFactory
from tests.helpers import built_once_per_run

pytestmark = pytest.mark.ocr

# Built by one xdist worker and loaded by the others (about 2 s of CPU each while collecting).
CORPUS = built_once_per_run("extraction-corpus-6", lambda: extraction_corpus(size=6))


def field_accuracy(documents: list[Any]) -> tuple[int, int]:
    right = total = 0
    extractor = LocalExtractor()
    for document in documents:
        result = extractor.extract(document.data, document_type=document.document_type)
        assert result.kind.value == document.kind
        got = result.json_fields()
        for name, expected in document.expected.items():
            total += 1
            right += str(got.get(name)) == str(expected)
    return right, total


def test_text_pdfs_are_read_exactly() -> None:
    right, total = field_accuracy([d for d in CORPUS if d.method == "text"])
    assert total > 50
    assert right / total >= 0.98


def test_images_and_scans_are_read_well() -> None:
    right, total = field_accuracy([d for d in CORPUS if d.method == "ocr"])
    assert total > 40
    assert right / total >= 0.90


def test_corrupted_nif_is_never_reported_as_valid() -> None:
    import datetime as dt
    import random
    from decimal import Decimal

    person = make_person(random.Random(5), dt.date.today())
    corrupted = person.nif[:8] + str((int(person.nif[8]) + 1) % 10)
    document = payslip_pdf(person, dt.date(2026, 9, 1), base=Decimal(2000), employee_nif=corrupted)
    result = LocalExtractor().extract(document.data, document_type="PROOF_OF_INCOME")
    assert result.fields["employee_nif"] is None
    assert "nif_checksum_invalid" in result.warnings


def test_arithmetic_mismatch_is_flagged() -> None:
    import datetime as dt
    import random
    from decimal import Decimal

    person = make_person(random.Random(6), dt.date.today())
    document = payslip_pdf(person, dt.date(2026, 9, 1), base=Decimal(2000), break_arithmetic=True)
    result = LocalExtractor().extract(document.data, document_type="PROOF_OF_INCOME")
    assert "arithmetic_mismatch" in result.warnings


# --- Hostile input ---------------------------------------------------------------------------------


def encrypted_pdf() -> bytes:
    import pypdfium2 as pdfium  # noqa: F401  (the reader under test)
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, encrypt=pdfencrypt.StandardEncryption("secret", ownerPassword="owner", canPrint=0))
    pdf.drawString(100, 700, "RECIBO DE VENCIMENTO")
    pdf.save()
    return buffer.getvalue()


def many_pages_pdf(pages: int) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for number in range(pages):
        pdf.drawString(100, 700, f"Página {number}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def png_bomb(width: int = 20000, height: int = 20000) -> bytes:
    """A tiny PNG that declares 400 million pixels (all zero, compresses to ~nothing)."""
    import struct

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(200)) + compressor.flush()
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


HOSTILE_CASES = [
    (lambda: b"", "vazio"),
    (lambda: b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200, "não suportado"),
    (lambda: b"%PDF-1.7\n" + b"\x00garbage" * 100, "corrompido"),
    (lambda: b"\xff\xd8\xff\xe0" + b"\x00" * 50, "corrompida"),
    (encrypted_pdf, "palavra-passe"),
    (lambda: many_pages_pdf(11), "demasiadas páginas"),
    (png_bomb, "píxeis"),
]
HOSTILE_IDS = [
    "zero_bytes",
    "renamed_executable",
    "corrupt_pdf",
    "truncated_jpeg",
    "encrypted_pdf",
    "too_many_pages",
    "decompression_bomb",
]


@pytest.mark.parametrize(("data_factory", "reason_fragment"), HOSTILE_CASES, ids=HOSTILE_IDS)
def test_hostile_file_fails_with_a_reason(data_factory: Any, reason_fragment: str) -> None:
    with pytest.raises(ExtractionFailed) as failed:
        LocalExtractor().extract(data_factory(), document_type="PROOF_OF_INCOME")
    assert reason_fragment in failed.value.reason


def test_blank_scan_fails_as_unreadable() -> None:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (800, 600), 255).save(buffer, format="PNG")
    with pytest.raises(ExtractionFailed) as failed:
        LocalExtractor().extract(buffer.getvalue(), document_type="ID_DOCUMENT")
    assert "ler texto" in failed.value.reason or "não reconhecido" in failed.value.reason


@pytest.mark.django_db
@pytest.mark.parametrize(("data_factory", "reason_fragment"), HOSTILE_CASES, ids=HOSTILE_IDS)
def test_hostile_document_ends_failed_with_its_reason_and_the_others_are_still_read(
    data_factory: Any, reason_fragment: str
) -> None:
    import datetime as dt
    import random
    from decimal import Decimal

    applicant = ApplicantFactory()
    store = document_store()
    good = payslip_pdf(make_person(random.Random(1), dt.date.today()), dt.date(2026, 9, 1), base=Decimal(1500))
    for index, content in enumerate([data_factory(), good.data]):
        key = f"uploads/{applicant.form_request_id}/00000000-0000-4000-8000-00000000000{index}/f.pdf"
        store.put(key, content, "application/pdf")
        Document.objects.create(organization=applicant.organization, applicant=applicant, document_type="PROOF_OF_INCOME",
                                storage_key=key, original_filename=f"f{index}.pdf", content_type="application/pdf", size=len(content))  # fmt: skip
    outcomes = applicant_documents_extract(applicant_id=applicant.id)
    assert outcomes == {"FAILED": 1, "EXTRACTED": 1}
    failed = Document.objects.get(status=DocumentStatus.FAILED)
    assert failed.original_filename == "f0.pdf"
    assert reason_fragment in failed.error
    assert "Traceback" not in failed.error


@pytest.mark.django_db
def test_duplicate_delivery_extracts_once() -> None:
    import datetime as dt
    import random
    from decimal import Decimal

    applicant = ApplicantFactory()
    good = payslip_pdf(make_person(random.Random(2), dt.date.today()), dt.date(2026, 9, 1), base=Decimal(1500))
    key = f"uploads/{applicant.form_request_id}/00000000-0000-4000-8000-000000000001/r.pdf"
    document_store().put(key, good.data, "application/pdf")
    document = Document.objects.create(organization=applicant.organization, applicant=applicant, document_type="PROOF_OF_INCOME",
                                       storage_key=key, original_filename="r.pdf", content_type="application/pdf", size=len(good.data))  # fmt: skip
    assert document_extract(document_id=document.id) == "EXTRACTED"
    assert document_extract(document_id=document.id) == "EXTRACTED"
    document.refresh_from_db()
    assert document.attempts == 1


@pytest.mark.django_db
def test_missing_object_fails_the_document_with_a_reason() -> None:
    applicant = ApplicantFactory()
    document = Document.objects.create(organization=applicant.organization, applicant=applicant, document_type="PROOF_OF_INCOME",
                                       storage_key=f"uploads/{applicant.form_request_id}/x/gone.pdf", original_filename="gone.pdf",
                                       content_type="application/pdf", size=10)  # fmt: skip
    assert document_extract(document_id=document.id) == "FAILED"
    document.refresh_from_db()
    assert "armazenamento" in document.error


def test_extract_file_prints_the_documented_json(tmp_path: Path) -> None:
    document = next(d for d in CORPUS if d.kind == "RECIBO_VENCIMENTO" and d.method == "text")
    path = tmp_path / document.name
    path.write_bytes(document.data)
    out = io.StringIO()
    call_command("extract_file", str(path), "--document-type", "PROOF_OF_INCOME", stdout=out)
    result = json.loads(out.getvalue())
    assert set(result) == {"kind", "fields", "confidence", "warnings", "pages", "method", "parts", "authenticity"}
    assert result["authenticity"] == [] and result["parts"] == []
    assert result["kind"] == "RECIBO_VENCIMENTO"
    assert result["method"] == "text"
    assert result["fields"]["net_pay"] == document.expected["net_pay"]
    assert isinstance(result["fields"]["net_pay"], float)
    assert all(0 <= value <= 1 for value in result["confidence"].values())


def test_extract_file_shows_what_the_file_says_about_its_making(tmp_path: Path) -> None:
    document = next(d for d in CORPUS if d.kind == "RECIBO_VENCIMENTO" and d.method == "text")
    path = tmp_path / "edited.pdf"
    path.write_bytes(incremental_edit(document, fields=("gross_pay", "net_pay"), delta=Decimal("300")).data)
    out = io.StringIO()
    call_command("extract_file", str(path), stdout=out)
    result = json.loads(out.getvalue())
    assert ("PDF_INCREMENTAL_PAGE_EDIT", "HIGH") in {(s["code"], s["severity"]) for s in result["authenticity"]}
    assert result["fields"]["net_pay"] == document.expected["net_pay"] + 300


def test_extract_file_reports_failure(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    out = io.StringIO()
    with pytest.raises(CommandError, match="vazio"):
        call_command("extract_file", str(path), stdout=out)
    refused = json.loads(out.getvalue())
    assert refused["refused"] is True
    assert "vazio" in refused["reason"]


def test_scan_of_a_payslip_reads_by_ocr() -> None:
    import random

    document = scan(next(d for d in CORPUS if d.kind == "RECIBO_VENCIMENTO"), rng=random.Random(3))
    result = LocalExtractor().extract(document.data, document_type="PROOF_OF_INCOME")
    assert result.method == "ocr"
    assert result.fields["net_pay"] is not None
