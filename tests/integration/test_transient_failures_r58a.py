"""The machine's passing troubles are retried and then left to the recovery sweep, never made the file's
fault or the applicant's (blind probe r58a: F2 storage root gone, F3 database locked, F4 Tesseract killed,
F10 Tesseract orphaned, F11 a failed applicant's own status)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from django.db import IntegrityError, InterfaceError, OperationalError, ProgrammingError
from django.utils import timezone
from rest_framework.test import APIClient

from applicants.tokens import intake_token_hash
from documents.extraction.errors import ExtractionFailed, ExtractionUnavailable
from documents.models import Document, DocumentStatus
from documents.storage import StorageError, document_store
from screening.models import OutboxEvent, PipelineRun, ScreeningReport
from tests.factories import ApplicantFactory, IntakeFormRequestFactory

PDF = b"%PDF-1.7 whatever"


def stored_document(applicant: Any, data: bytes = PDF, suffix: str = ".pdf") -> Document:
    key = f"documents/{applicant.organization_id}/{applicant.id}{suffix}"
    document_store().put(key, data, "application/pdf")
    return Document.objects.create(organization=applicant.organization, applicant=applicant, document_type="PROOF_OF_INCOME",
                                   storage_key=key, original_filename="recibo.pdf", content_type="application/pdf", size=len(data))  # fmt: skip


def wrapped_like_django(driver_error: Exception, django_class: type[Exception] = OperationalError) -> Exception:
    """What Django's ``DatabaseErrorWrapper`` raises for a driver's error."""
    error = django_class(*driver_error.args)
    error.__cause__ = driver_error
    return error


def sqlite_busy(tmp_path: Path) -> Exception:
    """A real "database is locked" (SQLITE_BUSY): another connection holds the write lock."""
    path = tmp_path / "locked.sqlite3"
    holder = sqlite3.connect(path, timeout=0, isolation_level=None)
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        return wrapped_like_django(exc)
    finally:
        other.close()
        holder.close()
    raise AssertionError("the second writer was not refused")


def sqlite_no_such_table() -> Exception:
    try:
        sqlite3.connect(":memory:").execute("SELECT * FROM applicants_applicant")
    except sqlite3.OperationalError as exc:
        return wrapped_like_django(exc)
    raise AssertionError("the table exists")


def silent(applicant: Any, settings: Any) -> None:
    """Let the window pass: the run and the applicant look silent to the sweep."""
    long_ago = timezone.now() - dt.timedelta(seconds=settings.PIPELINE_STUCK_AFTER_SECONDS + 5)
    PipelineRun.objects.filter(applicant=applicant).update(heartbeat_at=long_ago)
    type(applicant).objects.filter(pk=applicant.pk).update(processing_started_at=long_ago)


@pytest.fixture
def eager() -> Iterator[None]:
    """Tasks run in-process, each retry at once as Celery's eager ``apply`` does; a task's last error is its
    result (``task_eager_propagates`` would raise the first retry's ``Retry`` at the caller instead)."""
    from config.celery import app

    saved = (app.conf.task_always_eager, app.conf.task_eager_propagates)
    app.conf.task_always_eager, app.conf.task_eager_propagates = True, False
    yield
    app.conf.task_always_eager, app.conf.task_eager_propagates = saved


def sweep() -> dict[str, int]:
    from config.celery import app

    app.loader.import_default_modules()
    return dict(app.tasks["screening.tasks.pipeline_sweep_task"]())


# --- F2: a store that is not there is an outage, a file missing from a store that is there is gone ---------


def test_a_missing_storage_root_is_a_storage_outage_not_a_missing_file(settings: Any) -> None:
    from documents.storage import StorageRootMissing

    store = document_store()
    store.put("documents/o/1.pdf", PDF, "application/pdf")
    with pytest.raises(FileNotFoundError):
        store.open("documents/o/2.pdf")  # deleted: the store is there
    assert store.stat("documents/o/2.pdf") is None
    Path(settings.LOCAL_STORAGE_DIR).rename(Path(settings.DATA_DIR) / "objects.away")  # the volume unmounted
    for read in (
        lambda: store.open("documents/o/1.pdf"),
        lambda: store.read_head("documents/o/1.pdf", 5),
        lambda: store.stat("documents/o/1.pdf"),
        lambda: store.copy(source="documents/o/1.pdf", destination="documents/o/3.pdf"),
    ):
        with pytest.raises(StorageRootMissing):
            read()
    assert issubclass(StorageRootMissing, StorageError)


def test_a_local_file_the_disk_refuses_to_read_is_a_storage_outage(settings: Any) -> None:
    store = document_store()
    store.put("documents/o/1.pdf", PDF, "application/pdf")
    with (
        mock.patch("pathlib.Path.read_bytes", side_effect=OSError(5, "Input/output error")),
        pytest.raises(StorageError),
    ):
        store.open("documents/o/1.pdf")


@pytest.mark.django_db
def test_an_unmounted_store_leaves_the_documents_unread_and_the_applicant_to_the_sweep_never_screened(
    settings: Any, eager: None
) -> None:
    from screening.pipeline import pipeline_start

    applicant = ApplicantFactory()
    document = stored_document(applicant)
    root = Path(settings.LOCAL_STORAGE_DIR)
    away = root.rename(Path(settings.DATA_DIR) / "objects.away")
    pipeline_start(applicant_id=applicant.id)
    document.refresh_from_db()
    applicant.refresh_from_db()
    assert document.status == DocumentStatus.UPLOADED and document.error == ""
    assert applicant.status == "PROCESSING" and applicant.failure_reason == ""
    assert not ScreeningReport.objects.filter(applicant=applicant).exists()
    assert not OutboxEvent.objects.exists()

    away.rename(root)  # the volume is back: the sweep takes the applicant up, nobody has to
    silent(applicant, settings)
    assert sweep()["applicants_requeued"] == 1
    document.refresh_from_db()
    applicant.refresh_from_db()
    assert document.error != "O ficheiro já não existe no armazenamento."
    assert document.status in (DocumentStatus.EXTRACTED, DocumentStatus.FAILED)  # read, whatever it says
    assert applicant.status == "COMPLETED"
    assert ScreeningReport.objects.filter(applicant=applicant).count() == 1


def test_nothing_is_written_where_the_store_should_be_mounted(settings: Any) -> None:
    from documents.storage import StorageRootMissing

    root = Path(settings.LOCAL_STORAGE_DIR)
    shutil.rmtree(root)
    with pytest.raises(StorageRootMissing):
        document_store().put("uploads/o/1.pdf", PDF, "application/pdf")
    assert not root.exists()  # not made: a file written there would be hidden once the volume is mounted over it


@pytest.mark.django_db
def test_a_file_deleted_from_a_store_that_is_there_still_fails_the_document_for_good() -> None:
    from documents.services import document_extract

    applicant = ApplicantFactory()
    document = stored_document(applicant)
    document_store().delete(document.storage_key)
    assert document_extract(document_id=document.id) == DocumentStatus.FAILED
    document.refresh_from_db()
    assert document.error == "O ficheiro já não existe no armazenamento."


@pytest.mark.django_db
def test_a_missing_tesseract_binary_is_not_reported_as_a_missing_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the store's own FileNotFoundError means the file is gone; one from anything else is not the file's."""
    from documents.services import document_extract

    class NoBinary:
        def extract(self, data: bytes, *, document_type: str) -> Any:
            raise FileNotFoundError("/usr/bin/something")

    applicant = ApplicantFactory()
    document = stored_document(applicant)
    monkeypatch.setattr("documents.services.extractor", lambda: NoBinary())
    document_extract(document_id=document.id)
    document.refresh_from_db()
    assert document.error != "O ficheiro já não existe no armazenamento."


# --- F3: a transient database error is retried, then left to the sweep; a programming error is not -----------


def test_transient_database_errors_are_told_from_programming_errors(tmp_path: Path) -> None:
    import psycopg
    from psycopg import errors as pg

    from applicants.task_base import database_error_is_transient

    assert database_error_is_transient(sqlite_busy(tmp_path))
    assert not database_error_is_transient(sqlite_no_such_table())
    for transient in (pg.SerializationFailure(), pg.DeadlockDetected(), pg.LockNotAvailable(), pg.AdminShutdown(),
                      pg.TooManyConnections(), psycopg.OperationalError("server closed the connection unexpectedly")):  # fmt: skip
        assert database_error_is_transient(wrapped_like_django(transient)), transient
    assert not database_error_is_transient(wrapped_like_django(pg.UndefinedTable(), ProgrammingError))
    assert not database_error_is_transient(wrapped_like_django(pg.UniqueViolation(), IntegrityError))
    assert database_error_is_transient(InterfaceError("connection already closed"))
    assert not database_error_is_transient(ValueError("database is locked"))


def test_only_a_transient_database_error_becomes_retryable(tmp_path: Path) -> None:
    from applicants.task_base import TransientDatabaseError, database_errors_retried

    busy = sqlite_busy(tmp_path)
    # The driver's class, never its text (it may quote a row).
    with pytest.raises(TransientDatabaseError, match=r"^OperationalError$"), database_errors_retried():
        raise busy
    no_table = sqlite_no_such_table()
    with pytest.raises(OperationalError), database_errors_retried():
        raise no_table


class Reads:
    def extract(self, data: bytes, *, document_type: str) -> Any:
        raise ExtractionFailed("PDF corrompido ou ilegível: envie o documento outra vez ou o PDF original.")


@pytest.mark.django_db
def test_a_database_locked_once_during_extraction_is_retried_and_the_applicant_completes(
    monkeypatch: pytest.MonkeyPatch, eager: None, tmp_path: Path
) -> None:
    from documents import services
    from screening.pipeline import pipeline_start

    applicant = ApplicantFactory()
    document = stored_document(applicant)
    real_finish = services._document_finish
    calls = {"n": 0}

    def finish_locked_once(**kwargs: Any) -> bool:
        calls["n"] += 1
        if calls["n"] == 1:
            raise sqlite_busy(tmp_path)
        return real_finish(**kwargs)

    monkeypatch.setattr(services, "_document_finish", finish_locked_once)
    monkeypatch.setattr(services, "extractor", lambda: Reads())
    pipeline_start(applicant_id=applicant.id)
    applicant.refresh_from_db()
    document.refresh_from_db()
    assert calls["n"] == 2  # retried, and the claim given back so the retry read it at once
    assert document.status == DocumentStatus.FAILED and document.attempts == 2
    assert applicant.status == "COMPLETED", applicant.failure_reason
    assert ScreeningReport.objects.filter(applicant=applicant).count() == 1


@pytest.mark.django_db
def test_a_database_locked_past_every_retry_leaves_the_applicant_to_the_sweep_not_failed(
    monkeypatch: pytest.MonkeyPatch, eager: None, tmp_path: Path, settings: Any
) -> None:
    from documents import services
    from screening.pipeline import pipeline_start
    from screening.selectors import stalled_applicants

    applicant = ApplicantFactory()
    document = stored_document(applicant)
    busy = sqlite_busy(tmp_path)
    finish = mock.Mock(side_effect=busy)
    monkeypatch.setattr(services, "_document_finish", finish)
    monkeypatch.setattr(services, "extractor", lambda: Reads())
    pipeline_start(applicant_id=applicant.id)
    applicant.refresh_from_db()
    document.refresh_from_db()
    assert finish.call_count > 1
    assert applicant.status == "PROCESSING" and applicant.failure_reason == ""
    assert document.status == DocumentStatus.UPLOADED
    assert not ScreeningReport.objects.filter(applicant=applicant).exists()
    silent(applicant, settings)
    from applicants.models import stale_claim_cutoff

    assert list(stalled_applicants(cutoff=stale_claim_cutoff()).values_list("id", flat=True)) == [applicant.id]


@pytest.mark.django_db
def test_a_programming_database_error_is_not_retried_and_fails_the_applicant_for_a_person(
    monkeypatch: pytest.MonkeyPatch, eager: None
) -> None:
    from documents import services
    from screening.pipeline import pipeline_start

    applicant = ApplicantFactory()
    stored_document(applicant)
    finish = mock.Mock(side_effect=sqlite_no_such_table())
    monkeypatch.setattr(services, "_document_finish", finish)
    monkeypatch.setattr(services, "extractor", lambda: Reads())
    pipeline_start(applicant_id=applicant.id)
    applicant.refresh_from_db()
    assert finish.call_count == 1
    assert applicant.status == "FAILED" and "OperationalError" in applicant.failure_reason


@pytest.mark.django_db
def test_a_database_locked_once_during_screening_is_retried(eager: None, tmp_path: Path) -> None:
    from screening import tasks

    applicant = ApplicantFactory()
    real = tasks.screen_applicant
    busy = sqlite_busy(tmp_path)
    calls = {"n": 0}

    def screen_locked_once(**kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 1:
            raise busy
        return real(**kwargs)

    with mock.patch.object(tasks, "screen_applicant", side_effect=screen_locked_once):
        tasks.screen_applicant_task.apply_async(args=(str(applicant.id),))
    applicant.refresh_from_db()
    assert calls["n"] == 2
    assert applicant.status == "COMPLETED", applicant.failure_reason


# --- F4: Tesseract killed or timed out is the machine's; exiting with an error on the image is the image's ----


@pytest.fixture
def fake_tesseract(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Point the reader at a script standing in for Tesseract."""
    from documents.extraction import reader

    def install(body: str) -> Path:
        script = tmp_path / "tesseract"
        script.write_text(f"#!/bin/sh\n{body}\n")
        script.chmod(0o755)
        real_which = shutil.which
        monkeypatch.setattr(
            reader.shutil, "which", lambda name: str(script) if name == "tesseract" else real_which(name)
        )
        return script

    return install


@pytest.mark.parametrize("stop", ["KILL", "TERM"])
def test_a_tesseract_killed_by_a_signal_is_transient(fake_tesseract: Any, stop: str) -> None:
    from documents.extraction.errors import ExtractionInterrupted
    from documents.extraction.reader import tesseract_text

    fake_tesseract(f"kill -{stop} $$")
    with pytest.raises(ExtractionInterrupted) as raised:
        tesseract_text("/nonexistent.bmp", options=())
    assert raised.value.reason_when_repeated is None  # never given to the applicant as the file's fault


def test_a_tesseract_that_times_out_is_transient_until_it_keeps_happening(fake_tesseract: Any, settings: Any) -> None:
    from documents.extraction.errors import ExtractionInterrupted
    from documents.extraction.reader import OCR_TIMEOUT_REFUSED, tesseract_text

    settings.EXTRACTION_OCR_TIMEOUT_SECONDS = 0.3
    fake_tesseract("sleep 5")
    with pytest.raises(ExtractionInterrupted) as raised:
        tesseract_text("/nonexistent.bmp", options=())
    assert raised.value.reason_when_repeated == OCR_TIMEOUT_REFUSED


def test_a_tesseract_that_exits_with_an_error_on_the_image_stays_permanent(fake_tesseract: Any) -> None:
    from documents.extraction.reader import OcrRefused, tesseract_text

    fake_tesseract("echo 'Error in pixReadStream' >&2; exit 1")
    with pytest.raises(OcrRefused):
        tesseract_text("/nonexistent.bmp", options=())
    fake_tesseract("kill -ABRT $$")  # its own crash on the image (out of its memory limit)
    with pytest.raises(OcrRefused):
        tesseract_text("/nonexistent.bmp", options=())


@pytest.mark.django_db
def test_a_killed_ocr_puts_the_document_back_for_the_retry(monkeypatch: pytest.MonkeyPatch) -> None:
    from documents.extraction.errors import ExtractionInterrupted
    from documents.services import document_extract

    class Killed:
        def extract(self, data: bytes, *, document_type: str) -> Any:
            raise ExtractionInterrupted("tesseract was stopped by signal 9")

    applicant = ApplicantFactory()
    document = stored_document(applicant)
    monkeypatch.setattr("documents.services.extractor", lambda: Killed())
    for _ in range(3):  # however often: a kill is never the file's fault
        with pytest.raises(ExtractionUnavailable):
            document_extract(document_id=document.id)
        document.refresh_from_db()
        assert document.status == DocumentStatus.UPLOADED and document.error == ""


@pytest.mark.django_db
def test_an_ocr_timing_out_again_on_the_same_document_fails_it_with_the_timeout_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from documents.extraction.errors import ExtractionInterrupted
    from documents.extraction.reader import OCR_TIMEOUT_REFUSED
    from documents.services import document_extract

    class TimesOut:
        def extract(self, data: bytes, *, document_type: str) -> Any:
            raise ExtractionInterrupted("tesseract timed out", reason_when_repeated=OCR_TIMEOUT_REFUSED)

    applicant = ApplicantFactory()
    document = stored_document(applicant)
    monkeypatch.setattr("documents.services.extractor", lambda: TimesOut())
    with pytest.raises(ExtractionUnavailable):
        document_extract(document_id=document.id)
    document.refresh_from_db()
    assert document.status == DocumentStatus.UPLOADED
    assert document_extract(document_id=document.id) == DocumentStatus.FAILED
    document.refresh_from_db()
    assert document.error == OCR_TIMEOUT_REFUSED


def test_a_killed_mrz_reading_is_not_taken_for_an_unreadable_mrz(monkeypatch: pytest.MonkeyPatch) -> None:
    from documents.extraction import mrz_ocr
    from documents.extraction.errors import ExtractionInterrupted

    monkeypatch.setattr(mrz_ocr, "tesseract_data", mock.Mock(side_effect=ExtractionInterrupted("signal 9")))
    with pytest.raises(ExtractionInterrupted):
        mrz_ocr.mrz_tesseract("/nonexistent.bmp")


# --- F10: Tesseract dies with the worker that started it ----------------------------------------------------

STARTER = """
import subprocess, sys
from documents.extraction.reader import dies_with_parent
child = subprocess.Popen(dies_with_parent(["sleep", "30"]))
print(child.pid, flush=True)
child.wait()
"""


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("setpriv") is None, reason="Linux setpriv")
def test_the_ocr_process_dies_when_the_worker_that_started_it_is_killed() -> None:
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "PYTHONPATH": str(root)}
    worker = subprocess.Popen([sys.executable, "-c", STARTER], stdout=subprocess.PIPE, cwd=root, env=env)
    assert worker.stdout is not None
    child = int(worker.stdout.readline())
    # Once the command runs, setpriv has set the signal (before that, a loaded machine may kill the worker first).
    started = time.monotonic() + 10
    while time.monotonic() < started and Path(f"/proc/{child}/comm").read_text().strip() != "sleep":
        time.sleep(0.02)
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and Path(f"/proc/{child}").exists():
        if Path(f"/proc/{child}/stat").read_text().split(") ")[1].startswith("Z"):
            break  # dead, waiting for init to reap it
        time.sleep(0.05)
    alive = Path(f"/proc/{child}").exists() and not Path(f"/proc/{child}/stat").read_text().split(") ")[1].startswith(
        "Z"
    )
    if alive:
        os.kill(child, signal.SIGKILL)
    assert not alive, "the OCR process outlived its worker"


# --- F11: a failed applicant reads why, without internals, in their language ----------------------------------


@pytest.mark.django_db
def test_a_failed_applicant_reads_a_plain_reason_on_their_own_status() -> None:
    form = IntakeFormRequestFactory(token_hash=intake_token_hash("r58a-failed"), status="COMPLETED")
    ApplicantFactory(form_request=form, status="FAILED",
                     failure_reason="Erro interno no processamento (OperationalError). Pode reprocessar a candidatura.")  # fmt: skip
    portuguese = APIClient().get("/api/v1/intake/r58a-failed/status").json()
    english = APIClient().get("/api/v1/intake/r58a-failed/status?lang=en").json()
    assert portuguese["status"] == english["status"] == "FAILED"
    assert "agência" in portuguese["reason"] and "não precisa de enviar" in portuguese["reason"]
    assert "agency" in english["reason"] and "do not need to send" in english["reason"]
    for body in (portuguese, english):
        assert "OperationalError" not in body["reason"] and "Erro interno" not in body["reason"]


@pytest.mark.django_db
def test_an_applicant_not_failed_has_no_reason_on_their_status() -> None:
    form = IntakeFormRequestFactory(token_hash=intake_token_hash("r58a-fine"), status="COMPLETED")
    ApplicantFactory(form_request=form)
    assert "reason" not in APIClient().get("/api/v1/intake/r58a-fine/status").json()


# --- r59b: a provider's outage must not multiply the messages that read a batch -----------------------------


class ProviderDown:
    """A provider asked for each document (slow work: the batch hands the rest on), down throughout."""

    calls = 0

    def extract(self, data: bytes, *, document_type: str) -> Any:
        from documents.extraction.pace import slow_work_starts

        type(self).calls += 1
        slow_work_starts()
        raise ExtractionUnavailable("provider down")


@pytest.mark.django_db
def test_a_provider_outage_asks_each_document_at_most_once_per_retry(
    monkeypatch: pytest.MonkeyPatch, eager: None
) -> None:
    from documents import services, tasks
    from screening.pipeline import pipeline_start

    applicant = ApplicantFactory()
    documents = [stored_document(applicant, suffix=f"-{n}.pdf") for n in range(4)]  # PDFs: one batch, handed on in turn
    ProviderDown.calls = 0
    monkeypatch.setattr(services, "extractor", lambda: ProviderDown())
    pipeline_start(applicant_id=applicant.id)
    attempts = tasks.document_batch_extract_task.max_retries + 1
    # Each document read by its own message's attempts; retried whole, each retry handed the rest on again and
    # the messages made a tree (blind probe r59b: 300 to 800 provider requests for five documents in 40 s).
    assert ProviderDown.calls <= len(documents) * attempts
    for document in documents:
        document.refresh_from_db()
        assert document.status == DocumentStatus.UPLOADED  # given back for the sweep, never failed for the outage
