"""The machine running out of disk, file handles or memory while a document is read is the machine's trouble: the
document is given back for the task's retry, never failed as "unexpected" for good. Memory is the one the file
may cause (a huge page), so it is refused with its own reason once it keeps happening to the same document."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest

from documents.extraction.errors import MEMORY_EXHAUSTED_REFUSED, ExtractionUnavailable, machine_resource_exhausted
from documents.models import DocumentStatus
from documents.services import UNEXPECTED_ERROR_REASON, document_extract
from tests.factories import ApplicantFactory
from tests.integration.test_transient_failures_r58a import stored_document

pytestmark = pytest.mark.django_db


class WritesItsPageToAFullDisk:
    """Writes a page image where the disk is full, as the OCR's temporary file would: a real ENOSPC."""

    def extract(self, data: bytes, *, document_type: str) -> Any:
        with Path("/dev/full").open("wb") as page:
            page.write(data)
            page.flush()
        raise AssertionError("/dev/full took the write")


class RunsOutOfMemory:
    def extract(self, data: bytes, *, document_type: str) -> Any:
        raise MemoryError


class HasABug:
    def extract(self, data: bytes, *, document_type: str) -> Any:
        raise KeyError("a field nobody foresaw")


def test_a_full_disk_gives_the_document_back_however_often_it_happens(monkeypatch: pytest.MonkeyPatch) -> None:
    document = stored_document(ApplicantFactory())
    monkeypatch.setattr("documents.services.extractor", lambda: WritesItsPageToAFullDisk())
    for _ in range(3):  # never the file's fault
        with pytest.raises(ExtractionUnavailable):
            document_extract(document_id=document.id)
        document.refresh_from_db()
        assert document.status == DocumentStatus.UPLOADED and document.error == ""


def test_memory_run_out_again_on_the_same_document_refuses_it_with_its_own_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    document = stored_document(ApplicantFactory())
    monkeypatch.setattr("documents.services.extractor", lambda: RunsOutOfMemory())
    with pytest.raises(ExtractionUnavailable):
        document_extract(document_id=document.id)
    document.refresh_from_db()
    assert document.status == DocumentStatus.UPLOADED
    assert document_extract(document_id=document.id) == DocumentStatus.FAILED
    document.refresh_from_db()
    assert document.error == MEMORY_EXHAUSTED_REFUSED


def test_a_bug_still_fails_the_document_at_once_so_screening_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    document = stored_document(ApplicantFactory())
    monkeypatch.setattr("documents.services.extractor", lambda: HasABug())
    assert document_extract(document_id=document.id) == DocumentStatus.FAILED
    document.refresh_from_db()
    assert document.error == UNEXPECTED_ERROR_REASON


@pytest.mark.parametrize(
    ("error", "machine"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), True),
        (OSError(errno.EMFILE, "Too many open files"), True),
        (OSError(errno.ENOENT, "No such file or directory"), False),  # a path, which the code names
        (OSError("broken data stream when reading image file"), False),  # a bad image, no errno
        (ValueError("a bad number"), False),
    ],
)
def test_only_the_machines_resources_count_as_exhausted(error: Exception, machine: bool) -> None:
    assert (machine_resource_exhausted(error) is not None) is machine
