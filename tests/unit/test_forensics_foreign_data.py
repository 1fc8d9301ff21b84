"""Blind probe r63b: a payslip PDF with a ZIP appended after its end, and one behind an HTML page's script, were
read with no signal. PDF_FOREIGN_DATA: another file's head outside the PDF (MEDIUM), other bytes there (LOW); a
writer's line ends, NUL padding or a byte-order mark are none."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from documents.extraction.forensics import file_signals
from tests.unit.test_forensics_round26 import payslip

PDF = "application/pdf"


def foreign(data: bytes) -> list[dict[str, Any]]:
    return [signal for signal in file_signals(data, content_type=PDF) if signal["code"] == "PDF_FOREIGN_DATA"]


def a_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("index.html", "<html><body>ola</body></html>")
    return buffer.getvalue()


def test_a_zip_glued_after_the_pdf_is_another_file_inside() -> None:
    [signal] = foreign(payslip() + a_zip())
    assert signal["severity"] == "MEDIUM"
    assert signal["evidence"]["where"] == ["after"] and "zip" in signal["evidence"]["kinds"]


def test_a_web_page_before_the_pdfs_header_is_another_file_inside() -> None:
    page = b"<html><script>alert(1)</script><!-- "
    [signal] = foreign(page + payslip() + b" -->")
    assert signal["severity"] == "MEDIUM" and signal["evidence"]["kinds"] == ["html"]
    assert "before" in signal["evidence"]["where"]


def test_other_bytes_outside_the_pdf_are_a_low_note() -> None:
    [signal] = foreign(payslip() + b"\n" + bytes(range(1, 200)))
    assert signal["severity"] == "LOW" and signal["evidence"]["kinds"] == []


def test_what_writers_leave_around_a_pdf_is_no_signal() -> None:
    # Guards: line ends and NUL padding after the end, a byte-order mark and a stray byte or two before the header.
    assert foreign(payslip()) == []
    assert foreign(payslip() + b"\r\n" + b"\x00" * 4096) == []
    assert foreign(b"\xef\xbb\xbf\n" + payslip()) == []
