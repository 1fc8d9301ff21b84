"""Two worker processes read one applicant's documents side by side (issue 18, per-document extraction)."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest

from tests.e2e.stack import Stack
from tests.helpers import with_scanned_payslips

pytestmark = [pytest.mark.e2e, pytest.mark.ocr]


def db_time(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value.replace(" ", "T"))


def test_two_workers_extract_one_applicants_documents_in_parallel(tmp_path: Path, stacks: list[Stack]) -> None:
    # Scanned payslips in image-only PDFs: OCR takes a second or more each, long enough for the
    # intervals to be measured.
    case = with_scanned_payslips("good", dpi=200, as_pdf=True)
    stack = Stack(tmp_path)
    stacks.append(stack)
    stack.start()
    stack.start_worker()
    stack.start_worker()
    token = stack.create_agency()
    applicant_id = stack.submit_case(token, case)
    detail = stack.wait_for_status(token, applicant_id, "COMPLETED", timeout=120)
    assert {d["status"] for d in detail["documents"]} == {"EXTRACTED"}
    assert stack.report_count(applicant_id) == 1
    # Each document's reading interval: claimed (start) to extracted (end).
    rows = stack.query(
        "SELECT claimed_at, extracted_at, content_type FROM documents_document WHERE applicant_id = ?",
        uuid.UUID(applicant_id).hex,
    )
    assert len(rows) == len(case.documents)
    # The scanned payslips are PDFs, sent as one batch: they are read side by side only because
    # each hands the ones after it on as its OCR starts.
    intervals = sorted((db_time(start), db_time(end)) for start, end, kind in rows if kind == "application/pdf")
    assert len(intervals) >= 3
    overlapping = [(a, b) for i, a in enumerate(intervals) for b in intervals[i + 1 :] if b[0] < a[1] and a[0] < b[1]]
    assert overlapping, f"no two scanned PDFs were read at the same time: {intervals}"
    # Both workers took part (their logs name the extraction task): the scans were sent as one batch,
    # each handing the rest on as its OCR started.
    worker_logs = [log.read_text(errors="replace") for log in stack.logs if log.name.startswith("worker")]
    assert all("document_batch_extract_task" in text for text in worker_logs), stack.log_tail()
