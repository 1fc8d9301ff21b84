"""What a file is, by its first bytes: a PDF's header may follow a little junk, but not another format's signature.

Cases probe 7: a ZIP renamed ``.pdf`` whose member, a payslip PDF, was stored uncompressed (its ``%PDF-`` 41 bytes
in) passed the check, was accepted and read as a payslip, while staff and exports saw a "PDF" that is a ZIP.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from documents.sniff import sniff_content_type

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def zipped(data: bytes, *, compression: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        archive.writestr("recibo.pdf", data)
    return buffer.getvalue()


def test_a_zip_holding_a_pdf_is_no_pdf_stored_or_deflated() -> None:
    assert sniff_content_type(zipped(PDF, compression=zipfile.ZIP_STORED)[:1024]) is None
    assert sniff_content_type(zipped(PDF, compression=zipfile.ZIP_DEFLATED)[:1024]) is None


@pytest.mark.parametrize("junk", [b"", b"\r\n", b"Content-Type: application/pdf\r\n\r\n", b"\x00" * 16])
def test_a_pdf_after_a_little_junk_is_still_a_pdf(junk: bytes) -> None:
    """A guard (as before): PDF readers accept the header within the first KiB."""
    assert sniff_content_type(junk + PDF) == "application/pdf"


@pytest.mark.parametrize("signature", [b"\x1f\x8b\x08", b"MZ\x90\x00", b"\x7fELF", b"Rar!\x1a\x07\x00"])
def test_an_archive_or_program_with_a_pdf_inside_is_no_pdf(signature: bytes) -> None:
    assert sniff_content_type(signature + b"\x00" * 20 + PDF) is None
