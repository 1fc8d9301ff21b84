"""Hardening of the pipeline (issue 13): pixel bombs, DTI overflow, unexpected extraction errors."""

from __future__ import annotations

import datetime as dt
import os
import struct
import subprocess
import sys
import zlib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from documents.extraction.errors import ExtractionFailed
from documents.models import Document, DocumentStatus, ExtractedData
from documents.storage import document_store
from screening.models import ScreeningReport
from tests.factories import ApplicantFactory, IntakeFormRequestFactory

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 23)


def stored_document(applicant: Any, index: int, data: bytes, document_type: str = "PROOF_OF_INCOME") -> Document:
    key = f"uploads/{applicant.form_request_id}/00000000-0000-4000-8000-00000000000{index}/f.pdf"
    document_store().put(key, data, "application/pdf")
    return Document.objects.create(organization=applicant.organization, applicant=applicant, document_type=document_type,
                                   storage_key=key, original_filename=f"f{index}.pdf", content_type="application/pdf", size=len(data))  # fmt: skip


# --- 17. Any extraction error ends the document FAILED; the pipeline goes on -------------------------


class ExplodingExtractor:
    def extract(self, data: bytes, *, document_type: str) -> Any:
        raise ZeroDivisionError("Maria Santos 245718931")


@pytest.mark.django_db
def test_unexpected_extraction_error_fails_the_document_and_screening_still_runs(
    monkeypatch: pytest.MonkeyPatch, celery_eager: None
) -> None:
    from screening.pipeline import pipeline_start

    applicant = ApplicantFactory()
    document = stored_document(applicant, 1, b"%PDF-1.7 whatever")
    monkeypatch.setattr("documents.services.extractor", lambda: ExplodingExtractor())
    pipeline_start(applicant_id=applicant.id)
    document.refresh_from_db()
    assert document.status == DocumentStatus.FAILED
    assert document.error and "245718931" not in document.error and "Maria" not in document.error
    applicant.refresh_from_db()
    assert applicant.status == "COMPLETED", applicant.failure_reason
    assert ScreeningReport.objects.get(applicant=applicant).risk_level == "HIGH"


# --- 12. A tiny income does not overflow the report's DTI column -----------------------------------


def extracted(applicant: Any, index: int, document_type: str, kind: str, fields: dict[str, Any]) -> None:
    document = Document.objects.create(organization=applicant.organization, applicant=applicant, document_type=document_type,
                                       storage_key=f"uploads/{applicant.form_request_id}/{index}/x", original_filename="x.pdf",
                                       content_type="application/pdf", size=1, status=DocumentStatus.EXTRACTED)  # fmt: skip
    ExtractedData.objects.create(document=document, kind=kind, fields=fields, method="text", extractor="test",
                                 extractor_version="1")  # fmt: skip


@pytest.mark.django_db
def test_tiny_income_against_a_huge_rent_stores_a_high_risk_report_within_the_column() -> None:
    from screening.services import screen_applicant

    form = IntakeFormRequestFactory(property_price=Decimal("1000000.00"), listing_type="ARRENDAMENTO")
    applicant = ApplicantFactory(form_request=form, name="Maria João Santos")
    for index, period in enumerate(["2026-10", "2026-09", "2026-08"]):
        extracted(applicant, index, "PROOF_OF_INCOME", "RECIBO_VENCIMENTO",
                  {"employee_name": "Maria João Santos", "employee_nif": applicant.nif, "period": period,
                   "gross_pay": 0.02, "net_pay": 0.01})  # fmt: skip
    report = screen_applicant(applicant_id=applicant.id, today=TODAY)
    assert report is not None
    report = ScreeningReport.objects.get(applicant=applicant)
    assert report.risk_level == "HIGH"
    assert report.income_verified and report.average_monthly_income == Decimal("0.01")
    field = ScreeningReport._meta.get_field("dti_ratio")
    ceiling = Decimal(10 ** (field.max_digits - field.decimal_places)) - Decimal(1).scaleb(-field.decimal_places)
    assert report.dti_ratio is not None and Decimal(0) <= report.dti_ratio <= ceiling
    dti = next(c for c in report.checks if c["name"] == "affordability.dti")
    assert not dti["passed"]


# --- 8. A narrow image cannot become a pixel bomb through upscaling ------------------------------


def tall_png(width: int = 100, height: int = 400_000) -> bytes:
    """A few-KB one-bit PNG of ``width`` x ``height`` white pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    row = b"\x00" + b"\xff" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


EXTRACT_UNDER_A_MEMORY_CAP = """
import resource, sys, django
resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024, 1536 * 1024 * 1024))
django.setup()
from documents.extraction.errors import ExtractionFailed
from documents.extraction.local import LocalExtractor
try:
    LocalExtractor().extract(open(sys.argv[1], "rb").read(), document_type="ID_DOCUMENT")
except ExtractionFailed as failed:
    print("FAILED:" + failed.reason)
"""


@pytest.mark.ocr
def test_a_narrow_tall_png_fails_quickly_without_allocating_gigabytes(tmp_path: Path) -> None:
    data = tall_png()
    assert len(data) < 20_000
    path = tmp_path / "tall.png"
    path.write_bytes(data)
    # A child process under a 1.5 GB address-space cap: the upscaled bomb would be ~10 GB.
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "DATA_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", EXTRACT_UNDER_A_MEMORY_CAP, str(path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "FAILED:" in done.stdout and "proporç" in done.stdout


@pytest.mark.ocr
def test_upscaling_never_exceeds_the_pixel_cap(settings: Any) -> None:
    from PIL import Image

    from documents.extraction.reader import prepare_for_ocr

    settings.EXTRACTION_MAX_IMAGE_PIXELS = 2_000_000
    prepared = prepare_for_ocr(Image.new("L", (200, 3000), 255))  # 15:1, upscaled 8x would be 38 Mpx
    assert prepared.width * prepared.height <= 2_000_000


@pytest.mark.ocr
def test_tesseract_runs_under_the_memory_limit(settings: Any) -> None:
    from PIL import Image

    from documents.extraction.reader import ocr_image

    settings.EXTRACTION_OCR_MAX_MEMORY_MB = 16  # far below what Tesseract needs to load its model
    page = Image.new("L", (1600, 1200), 255)
    page.paste(0, (100, 100, 900, 140))  # some ink: a blank page is not given to Tesseract at all
    with pytest.raises(ExtractionFailed, match="OCR"):
        ocr_image(page)


def test_the_limited_command_gets_the_address_space_limit_and_its_arguments_verbatim() -> None:
    from documents.extraction.reader import memory_limited

    limits = subprocess.run(memory_limited(["cat", "/proc/self/limits"], 64), capture_output=True, check=True)
    address_space = next(line for line in limits.stdout.decode().splitlines() if line.startswith("Max address space"))
    assert address_space.split()[3:5] == [str(64 * 1024 * 1024)] * 2  # soft and hard
    tricky = ["a b", "$(touch pwned)", "; echo no", "'\"", "*"]
    echoed = subprocess.run(memory_limited(["printf", "%s\\n", *tricky], 64), capture_output=True, check=True)
    assert echoed.stdout.decode().splitlines() == tricky


# --- 18. The outbox: no head-of-line blocking, parking, publishing outside the lock, pruning ---------


class Publisher:
    """Fails for the events named in ``poison``; records what it sent and whether a transaction was open."""

    def __init__(self, poison: set[str] | None = None) -> None:
        self.poison = poison or set()
        self.sent: list[str] = []
        self.calls = 0
        self.in_transaction: list[bool] = []

    def publish(self, event: dict[str, Any]) -> None:
        from django.db import connection

        self.calls += 1
        self.in_transaction.append(connection.in_atomic_block)
        if event["event_id"] in self.poison:
            raise ConnectionError("events queue refused it")
        self.sent.append(event["event_id"])


def outbox_events(count: int) -> list[Any]:
    from django.utils import timezone

    from screening.models import OutboxEvent

    start = timezone.now() - dt.timedelta(minutes=10)
    return [
        OutboxEvent.objects.create(
            event_type="APPLICANT_SCREENED", payload={"n": n}, created_at=start + dt.timedelta(seconds=n)
        )
        for n in range(count)
    ]


def make_due(event_id: Any) -> None:
    from django.utils import timezone

    from screening.models import OutboxEvent

    OutboxEvent.objects.filter(id=event_id).update(next_attempt_at=timezone.now() - dt.timedelta(seconds=1))


@pytest.mark.django_db
def test_a_poison_event_does_not_block_the_events_after_it() -> None:
    from screening.models import OutboxEvent
    from screening.outbox import outbox_relay

    poison, *others = outbox_events(3)
    publisher = Publisher(poison={str(poison.id)})
    assert outbox_relay(publisher=publisher) == 2
    assert publisher.sent == [str(e.id) for e in others]
    poison.refresh_from_db()
    assert poison.sent_at is None and poison.attempts == 1 and poison.last_error == "ConnectionError"
    assert poison.next_attempt_at is not None and poison.next_attempt_at > poison.created_at
    # Backing off: the next relay leaves it alone until it is due.
    assert outbox_relay(publisher=publisher) == 0
    assert publisher.calls == 3
    assert OutboxEvent.objects.filter(sent_at__isnull=True).count() == 1


@pytest.mark.django_db
def test_an_event_failing_too_often_is_parked_and_no_longer_tried(settings: Any) -> None:
    from screening.outbox import outbox_relay
    from screening.selectors import pipeline_overview

    settings.OUTBOX_MAX_ATTEMPTS = 3
    (poison,) = outbox_events(1)
    publisher = Publisher(poison={str(poison.id)})
    for _ in range(5):
        outbox_relay(publisher=publisher)
        make_due(poison.id)
    poison.refresh_from_db()
    assert publisher.calls == 3
    assert poison.parked_at is not None and poison.attempts == 3
    overview = pipeline_overview()
    assert (overview["outbox_pending"], overview["outbox_parked"]) == (0, 1)


@pytest.mark.django_db(transaction=True)
def test_events_are_published_outside_any_database_transaction() -> None:
    from screening.outbox import outbox_relay

    outbox_events(2)
    publisher = Publisher()
    assert outbox_relay(publisher=publisher) == 2
    assert publisher.in_transaction == [False, False]


@pytest.mark.django_db
def test_pruning_deletes_only_sent_events_older_than_the_retention(settings: Any) -> None:
    from django.utils import timezone

    from screening.models import OutboxEvent
    from screening.outbox import outbox_prune

    settings.OUTBOX_RETENTION_DAYS = 7
    old_sent, recent_sent, old_unsent, old_parked = outbox_events(4)
    long_ago = timezone.now() - dt.timedelta(days=8)
    OutboxEvent.objects.filter(id=old_sent.id).update(sent_at=long_ago, created_at=long_ago)
    OutboxEvent.objects.filter(id=recent_sent.id).update(
        sent_at=timezone.now() - dt.timedelta(days=6), created_at=long_ago
    )
    OutboxEvent.objects.filter(id=old_unsent.id).update(created_at=long_ago)
    OutboxEvent.objects.filter(id=old_parked.id).update(created_at=long_ago, parked_at=long_ago)
    assert outbox_prune() == 1
    assert set(OutboxEvent.objects.values_list("id", flat=True)) == {recent_sent.id, old_unsent.id, old_parked.id}


@pytest.mark.django_db
def test_the_beat_relay_also_prunes(settings: Any) -> None:
    from django.utils import timezone

    from screening.models import OutboxEvent
    from screening.tasks import outbox_relay_task

    settings.EVENTS_BACKEND = "none"
    (old,) = outbox_events(1)
    OutboxEvent.objects.filter(id=old.id).update(
        sent_at=timezone.now() - dt.timedelta(days=settings.OUTBOX_RETENTION_DAYS + 1)
    )
    outbox_relay_task()
    assert not OutboxEvent.objects.exists()


@pytest.mark.django_db
def test_parked_events_are_listed_and_unparked_by_command(settings: Any) -> None:
    import io

    from django.core.management import call_command

    from screening.outbox import outbox_relay

    settings.OUTBOX_MAX_ATTEMPTS = 1
    (poison,) = outbox_events(1)
    outbox_relay(publisher=Publisher(poison={str(poison.id)}))
    out = io.StringIO()
    call_command("pipeline_status", stdout=out)
    assert "parked=1" in out.getvalue()
    out = io.StringIO()
    call_command("outbox_unpark", stdout=out)
    assert "unparked 1" in out.getvalue()
    publisher = Publisher()
    assert outbox_relay(publisher=publisher) == 1
    assert publisher.sent == [str(poison.id)]


# --- 16. Recovery from a dead worker needs no person; slow work is left alone ------------------------


def sweep() -> dict[str, int]:
    """Run the beat entry by its released name, as beat would."""
    from config.celery import app

    app.loader.import_default_modules()
    return dict(app.tasks["screening.tasks.pipeline_sweep_task"]())


def claimed_document(applicant: Any, *, claimed_at: Any, index: int = 1) -> Document:
    return Document.objects.create(organization=applicant.organization, applicant=applicant, document_type="ID_DOCUMENT",
                                   storage_key=f"uploads/{applicant.form_request_id}/{index}/c.png", original_filename="c.png",
                                   content_type="image/png", size=1, status=DocumentStatus.EXTRACTING, claimed_at=claimed_at)  # fmt: skip


@pytest.fixture
def queued() -> Any:
    from unittest import mock

    with mock.patch("screening.pipeline.messages_send") as send:
        yield send


def silent_for(settings: Any, extra: int = 5) -> Any:
    from django.utils import timezone

    return timezone.now() - dt.timedelta(seconds=settings.PIPELINE_STUCK_AFTER_SECONDS + extra)


@pytest.mark.django_db
def test_an_applicant_whose_worker_died_is_requeued_by_the_sweep_not_failed(settings: Any, queued: Any) -> None:
    long_ago = silent_for(settings)
    applicant = ApplicantFactory(processing_started_at=long_ago)
    document = claimed_document(applicant, claimed_at=long_ago)
    sweep()
    applicant.refresh_from_db()
    document.refresh_from_db()
    assert applicant.status == "PROCESSING" and applicant.failure_reason == ""
    assert document.status == DocumentStatus.UPLOADED
    queued.assert_called_once()
    assert str(applicant.id) in str(queued.call_args)


@pytest.mark.django_db
def test_a_slow_applicant_with_a_live_claim_is_left_alone(settings: Any, queued: Any) -> None:
    from django.utils import timezone

    applicant = ApplicantFactory(processing_started_at=silent_for(settings, extra=3600))
    document = claimed_document(applicant, claimed_at=timezone.now())  # its worker's heartbeat is fresh
    sweep()
    applicant.refresh_from_db()
    document.refresh_from_db()
    assert applicant.status == "PROCESSING"
    assert document.status == DocumentStatus.EXTRACTING
    queued.assert_not_called()


@pytest.mark.django_db
def test_recovery_is_capped_and_only_then_the_applicant_fails(settings: Any, queued: Any) -> None:
    from screening.models import PipelineRun

    settings.PIPELINE_MAX_RECOVERIES = 2
    applicant = ApplicantFactory(processing_started_at=silent_for(settings))
    for _ in range(3):
        sweep()
        PipelineRun.objects.filter(applicant=applicant).update(heartbeat_at=silent_for(settings))
    applicant.refresh_from_db()
    assert queued.call_count == 2
    assert applicant.status == "FAILED" and "reprocessar" in applicant.failure_reason
    assert PipelineRun.objects.get(applicant=applicant).recoveries == 2


@pytest.mark.django_db
def test_a_recovered_forced_rerun_is_sent_again_as_forced(settings: Any, queued: Any) -> None:
    from screening.models import PipelineRun
    from screening.pipeline import pipeline_start

    applicant = ApplicantFactory(processing_started_at=silent_for(settings))
    pipeline_start(applicant_id=applicant.id, force=True, supersedes="report-1")
    PipelineRun.objects.filter(applicant=applicant).update(heartbeat_at=silent_for(settings))
    queued.reset_mock()
    sweep()
    (screen,) = queued.call_args.args[0]  # no documents: screening is sent at once
    assert screen.task == "screening.tasks.screen_applicant_task"
    assert screen.kwargs == {"force": True, "supersedes": "report-1"}


@pytest.mark.django_db(transaction=True)
def test_a_long_extraction_keeps_its_claim_fresh_with_a_heartbeat(
    settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from documents.services import document_extract

    settings.PIPELINE_HEARTBEAT_SECONDS = 0.05
    applicant = ApplicantFactory()
    document = stored_document(applicant, 1, b"%PDF-1.7 slow")
    seen: list[Any] = []

    class Slow:
        def extract(self, data: bytes, *, document_type: str) -> Any:
            first = Document.objects.get(id=document.id).claimed_at
            time.sleep(0.5)
            seen.extend([first, Document.objects.get(id=document.id).claimed_at])
            raise ExtractionFailed("lento")

    monkeypatch.setattr("documents.services.extractor", lambda: Slow())
    document_extract(document_id=document.id)
    assert seen[1] > seen[0]


@pytest.mark.django_db
def test_a_second_screening_delivery_skips_while_the_first_holds_the_claim() -> None:
    from django.utils import timezone

    from screening.models import PipelineRun
    from screening.services import screen_applicant

    applicant = ApplicantFactory()
    PipelineRun.objects.create(applicant=applicant, screening_claimed_at=timezone.now())
    assert screen_applicant(applicant_id=applicant.id) is None
    assert not ScreeningReport.objects.filter(applicant=applicant).exists()


@pytest.mark.django_db
def test_screening_that_ran_out_of_waits_leaves_the_applicant_to_recovery(celery_eager: None) -> None:
    from unittest import mock

    from screening.services import DocumentsNotReady
    from screening.tasks import screen_applicant_task

    applicant = ApplicantFactory()
    with mock.patch("screening.tasks.screen_applicant", side_effect=DocumentsNotReady("x")):
        screen_applicant_task.push_request(retries=screen_applicant_task.max_retries)
        try:
            assert screen_applicant_task.run(str(applicant.id)) is None
        finally:
            screen_applicant_task.pop_request()
    applicant.refresh_from_db()
    assert applicant.status == "PROCESSING"


@pytest.mark.django_db
def test_a_retry_waiting_on_the_broker_counts_as_a_sign_of_life(settings: Any) -> None:
    from celery.exceptions import Retry
    from celery.signals import task_retry
    from django.utils import timezone

    from documents.tasks import applicant_documents_extract_task
    from screening.models import PipelineRun

    applicant = ApplicantFactory()
    request = type("Request", (), {"args": [str(applicant.id)]})()
    task_retry.send(sender=applicant_documents_extract_task, request=request, reason=Retry(when=200), einfo=None)
    run = PipelineRun.objects.get(applicant=applicant)
    assert run.heartbeat_at > timezone.now() + dt.timedelta(seconds=190)


@pytest.mark.django_db
def test_recording_a_run_again_revives_it_and_counts_recoveries_afresh() -> None:
    from django.utils import timezone

    from screening.models import PipelineRun
    from screening.services import pipeline_run_start

    applicant = ApplicantFactory()
    pipeline_run_start(applicant_id=applicant.pk, force=False, supersedes=None)
    long_ago = timezone.now() - dt.timedelta(hours=2)
    PipelineRun.objects.filter(pk=applicant.pk).update(
        recoveries=2, screening_claimed_at=long_ago, heartbeat_at=long_ago, recovered_at=long_ago
    )

    pipeline_run_start(applicant_id=applicant.pk, force=True, supersedes="report-1")

    run = PipelineRun.objects.get()
    assert (run.force, run.supersedes, run.recoveries, run.screening_claimed_at) == (True, "report-1", 0, None)
    assert run.heartbeat_at > long_ago + dt.timedelta(hours=1)
    assert run.recovered_at == long_ago  # the last recovery stays on record
