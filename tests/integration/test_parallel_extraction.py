"""Per-document extraction (issue 18): a task per image and one for the PDFs, the last to finish sends screening.

docs/adr/016-per-document-extraction.md and its amendment. The fan-in is
decided in the database, so duplicates, a failing document and two documents
finishing at once all end in one report and one event; a document that starts
OCR hands the rest of its batch on.
"""

from __future__ import annotations

import contextlib
import threading
from typing import Any
from unittest import mock

import pytest
from django.db import connection

from documents.extraction.errors import ExtractionFailed
from documents.extraction.pace import slow_work_starts
from documents.extraction.schema import DocumentKind, ExtractionResult
from documents.models import Document, DocumentStatus
from documents.storage import document_store
from screening.models import OutboxEvent, ScreeningReport
from tests.factories import ApplicantFactory


class Reader:
    """Reads every document as an empty payslip; fails the ones whose stored bytes say so, and
    starts slow work (as OCR does) on the ones that say "scan"."""

    def extract(self, data: bytes, *, document_type: str) -> ExtractionResult:
        if b"unreadable" in data:
            raise ExtractionFailed("Ilegível.")
        if b"scan" in data:
            slow_work_starts()
        return ExtractionResult(kind=DocumentKind.RECIBO_VENCIMENTO, fields={}, extractor="test", extractor_version="1")


@pytest.fixture
def reader(monkeypatch: pytest.MonkeyPatch) -> Reader:
    instance = Reader()
    monkeypatch.setattr("documents.services.extractor", lambda: instance)
    return instance


def documents_of(applicant: Any, *contents: bytes) -> list[Document]:
    """One uploaded document for each content, in this order; a PDF unless the bytes say PNG."""
    documents = []
    for index, data in enumerate(contents):
        content_type = "image/png" if data.startswith(b"\x89PNG") else "application/pdf"
        key = f"uploads/{applicant.form_request_id}/00000000-0000-4000-8000-00000000000{index}/f"
        document_store().put(key, data, content_type)
        documents.append(
            Document.objects.create(
                organization=applicant.organization,
                applicant=applicant,
                document_type="PROOF_OF_INCOME",
                storage_key=key,
                original_filename=f"f{index}",
                content_type=content_type,
                size=len(data),
                status=DocumentStatus.UPLOADED,
            )
        )
    return documents


def sent_messages(applicant: Any) -> list[Any]:
    from screening.pipeline import pipeline_start

    with mock.patch("screening.pipeline.messages_send") as send:
        pipeline_start(applicant_id=applicant.id)
    return list(send.call_args.args[0])


@pytest.mark.django_db
def test_every_per_document_message_delivered_twice_gives_one_report_and_one_event(
    reader: Reader, celery_eager: None
) -> None:
    applicant = ApplicantFactory()
    documents = documents_of(applicant, b"%PDF a", b"\x89PNG b", b"%PDF c", b"\x89PNG d")
    messages = sent_messages(applicant)
    # The PDFs travel together at the place of the first; each image alone.
    assert [(m.task, m.args[1]) for m in messages] == [
        ("documents.tasks.document_batch_extract_task", [str(documents[0].id), str(documents[2].id)]),
        ("documents.tasks.document_batch_extract_task", [str(documents[1].id)]),
        ("documents.tasks.document_batch_extract_task", [str(documents[3].id)]),
    ]
    from screening.graph import run_screening

    with mock.patch("screening.graph.run_screening", wraps=run_screening) as graph:
        for message in messages + messages:  # every message twice, the duplicates after the run finished
            message.apply_async()
    assert graph.call_count == 1  # the duplicates that found the household done were stopped by the report
    assert ScreeningReport.objects.filter(applicant=applicant).count() == 1
    assert OutboxEvent.objects.count() == 1
    assert {d.status for d in Document.objects.filter(id__in=[d.id for d in documents])} == {"EXTRACTED"}
    assert set(Document.objects.values_list("attempts", flat=True)) == {1}
    applicant.refresh_from_db()
    assert applicant.status == "COMPLETED"


@pytest.mark.django_db
def test_only_the_last_document_to_finish_sends_screening(reader: Reader) -> None:
    from documents.tasks import document_extract_task

    applicant = ApplicantFactory()
    first, second = documents_of(applicant, b"%PDF a", b"%PDF b")
    then = {"task": "screening.tasks.screen_applicant_task", "args": [str(applicant.id)], "kwargs": {}}
    with mock.patch("documents.tasks.signature") as signature:
        assert document_extract_task(str(applicant.id), str(first.id), then=then) == "EXTRACTED"
        signature.assert_not_called()
        assert document_extract_task(str(applicant.id), str(second.id), then=then) == "EXTRACTED"
        signature.assert_called_once()
        assert signature.call_args.args[0] == then
        # A duplicate finding everything finished sends it again: its first delivery's
        # worker may have died between its commit and the send (screening is idempotent).
        assert document_extract_task(str(applicant.id), str(first.id), then=then) == "EXTRACTED"
        assert signature.call_count == 2


@pytest.mark.django_db
def test_a_batch_read_from_text_layers_is_one_task_that_sends_screening_once(reader: Reader) -> None:
    from documents.tasks import document_batch_extract_task

    applicant = ApplicantFactory()
    documents = documents_of(applicant, b"%PDF a", b"%PDF b", b"%PDF c")
    ids = [str(d.id) for d in documents]
    then = {"task": "screening.tasks.screen_applicant_task", "args": [str(applicant.id)], "kwargs": {}}
    with (
        mock.patch("documents.tasks.signature") as signature,
        mock.patch.object(document_batch_extract_task, "apply_async") as handed_on,
    ):
        assert document_batch_extract_task(str(applicant.id), ids, then=then) == "EXTRACTED"
        handed_on.assert_not_called()
        signature.assert_called_once()
        assert signature.call_args.args[0] == then
        # Delivered again: nothing is read twice, and screening is sent again (it is idempotent).
        assert document_batch_extract_task(str(applicant.id), ids, then=then) == "EXTRACTED"
        assert signature.call_count == 2
    assert set(Document.objects.values_list("status", flat=True)) == {"EXTRACTED"}
    assert set(Document.objects.values_list("attempts", flat=True)) == {1}


@pytest.mark.django_db
def test_a_scan_in_a_batch_hands_the_documents_after_it_on_as_its_ocr_starts(reader: Reader) -> None:
    from documents.tasks import document_batch_extract_task

    applicant = ApplicantFactory()
    text, scan, later, last = documents_of(applicant, b"%PDF a", b"%PDF scan b", b"%PDF scan c", b"%PDF d")
    handed: list[tuple[list[str], str]] = []

    def hand_on(*, args: tuple[str, list[str]], kwargs: dict[str, Any]) -> None:
        # Sent while the scan is still being read, not after it.
        handed.append((args[1], Document.objects.get(id=scan.id).status))

    with (
        mock.patch("documents.tasks.signature") as signature,
        mock.patch.object(document_batch_extract_task, "apply_async", side_effect=hand_on),
    ):
        ids = [str(d.id) for d in (text, scan, later, last)]
        assert document_batch_extract_task(str(applicant.id), ids, then={"task": "x"}) == "EXTRACTED"
        assert handed == [([str(later.id), str(last.id)], "EXTRACTING")]
        statuses = dict(Document.objects.values_list("id", "status"))
        assert [statuses[d.id] for d in (text, scan, later, last)] == ["EXTRACTED", "EXTRACTED", "UPLOADED", "UPLOADED"]
        signature.assert_not_called()
        # The handed-on message: the next scan hands its last document on in turn.
        handed.clear()
        assert document_batch_extract_task(str(applicant.id), [str(later.id), str(last.id)], then={"task": "x"})
        assert [ids for ids, _ in handed] == [[str(last.id)]]
        signature.assert_not_called()
        assert document_batch_extract_task(str(applicant.id), [str(last.id)], then={"task": "x"}) == "EXTRACTED"
        signature.assert_called_once()


@pytest.mark.django_db
def test_a_batch_that_cannot_hand_on_reads_the_rest_itself(reader: Reader) -> None:
    from documents.tasks import document_batch_extract_task

    applicant = ApplicantFactory()
    documents = documents_of(applicant, b"%PDF scan a", b"%PDF b", b"%PDF scan c")
    with (
        mock.patch("documents.tasks.signature") as signature,
        mock.patch.object(document_batch_extract_task, "apply_async", side_effect=ConnectionError("broker down")),
    ):
        ids = [str(d.id) for d in documents]
        assert document_batch_extract_task(str(applicant.id), ids, then={"task": "x"}) == "EXTRACTED"
    assert set(Document.objects.values_list("status", flat=True)) == {"EXTRACTED"}
    signature.assert_called_once()


@pytest.mark.django_db
def test_scanned_pdfs_and_images_through_the_queue_give_one_report(reader: Reader, celery_eager: None) -> None:
    applicant = ApplicantFactory()
    documents_of(applicant, b"%PDF scan a", b"\x89PNG scan b", b"%PDF scan c", b"%PDF d", b"%PDF unreadable")
    for message in sent_messages(applicant):
        message.apply_async()
    assert sorted(Document.objects.values_list("status", flat=True)) == ["EXTRACTED"] * 4 + ["FAILED"]
    assert set(Document.objects.values_list("attempts", flat=True)) == {1}
    assert ScreeningReport.objects.filter(applicant=applicant).count() == 1
    assert OutboxEvent.objects.count() == 1
    applicant.refresh_from_db()
    assert applicant.status == "COMPLETED", applicant.failure_reason


@pytest.mark.django_db
def test_a_failing_document_ends_failed_and_the_applicant_is_still_screened_once(
    reader: Reader, celery_eager: None
) -> None:
    applicant = ApplicantFactory()
    good, bad, other = documents_of(applicant, b"%PDF a", b"%PDF unreadable", b"%PDF c")
    for message in sent_messages(applicant):
        message.apply_async()
    statuses = dict(Document.objects.values_list("id", "status"))
    assert (statuses[good.id], statuses[bad.id], statuses[other.id]) == ("EXTRACTED", "FAILED", "EXTRACTED")
    assert Document.objects.get(id=bad.id).error == "Ilegível."
    assert ScreeningReport.objects.filter(applicant=applicant).count() == 1
    applicant.refresh_from_db()
    assert applicant.status == "COMPLETED", applicant.failure_reason


@pytest.mark.django_db
def test_a_failing_last_document_also_sends_screening(reader: Reader) -> None:
    from documents.tasks import document_extract_task

    applicant = ApplicantFactory()
    good, bad = documents_of(applicant, b"%PDF a", b"%PDF unreadable")
    with mock.patch("documents.tasks.signature") as signature:
        document_extract_task(str(applicant.id), str(good.id), then={"task": "x"})
        assert document_extract_task(str(applicant.id), str(bad.id), then={"task": "x"}) == "FAILED"
    signature.assert_called_once()


@pytest.mark.django_db
def test_a_document_read_by_another_run_makes_the_run_send_screening_at_once(reader: Reader) -> None:
    from django.utils import timezone

    applicant = ApplicantFactory()
    waiting, in_flight = documents_of(applicant, b"%PDF a", b"%PDF b")
    Document.objects.filter(id=in_flight.id).update(status=DocumentStatus.EXTRACTING, claimed_at=timezone.now())
    messages = sent_messages(applicant)
    assert [(m.task, m.args[1:]) for m in messages] == [
        ("documents.tasks.document_batch_extract_task", ([str(waiting.id)],)),
        ("screening.tasks.screen_applicant_task", ()),
    ]


@pytest.mark.django_db
def test_nothing_to_extract_sends_screening_alone() -> None:
    applicant = ApplicantFactory()
    assert [m.task for m in sent_messages(applicant)] == ["screening.tasks.screen_applicant_task"]


@pytest.mark.django_db
def test_a_chain_queued_before_the_change_still_extracts_and_screens(reader: Reader, celery_eager: None) -> None:
    """An old message in flight: the applicant-wide task by its released name, chained to screening."""
    from celery import chain

    from config.celery import app

    app.loader.import_default_modules()
    applicant = ApplicantFactory()
    documents_of(applicant, b"%PDF a", b"%PDF unreadable")
    chain(
        app.signature("documents.tasks.applicant_documents_extract_task", args=(str(applicant.id),), immutable=True),
        app.signature("screening.tasks.screen_applicant_task", args=(str(applicant.id),), immutable=True),
    ).apply_async()
    assert sorted(Document.objects.values_list("status", flat=True)) == ["EXTRACTED", "FAILED"]
    assert ScreeningReport.objects.filter(applicant=applicant).count() == 1
    applicant.refresh_from_db()
    assert applicant.status == "COMPLETED"


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_the_last_two_documents_finishing_at_once_send_screening_exactly_once(
    reader: Reader, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both finishers count what is left at the same moment: without the lead's row lock each
    sees the other's document still EXTRACTING (not committed) and nobody sends screening."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks are what this test is about; SQLite serializes writers by design")
    from documents import services
    from documents.tasks import document_extract_task

    applicant = ApplicantFactory()
    first, second = documents_of(applicant, b"%PDF a", b"%PDF b")
    barrier = threading.Barrier(2)
    count = services._household_pending

    def pending_after_both_arrive(lead_id: Any) -> Any:
        # Both finishers meet here when nothing serialises them; with the lock the
        # second waits for the first's commit, so the first goes on after a second.
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait(timeout=1)
        return count(lead_id)

    monkeypatch.setattr(services, "_household_pending", pending_after_both_arrive)
    errors: list[BaseException] = []

    def finish(document: Document) -> None:
        from django.db import connections

        try:
            document_extract_task(str(applicant.id), str(document.id), then={"task": "x"})
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    with mock.patch("documents.tasks.signature") as signature:
        threads = [threading.Thread(target=finish, args=(d,)) for d in (first, second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert not errors
    assert set(Document.objects.values_list("status", flat=True)) == {"EXTRACTED"}
    assert signature.call_count == 1
