"""Pipeline services and tasks called directly: idempotency, force, failures as states."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection

from applicants.models import Applicant
from screening.assessors import AssessorError
from screening.models import OutboxEvent, ScreeningReport
from screening.services import DocumentsNotReady, screen_applicant
from tests.factories import ApplicantFactory

pytestmark = pytest.mark.django_db


def test_screening_twice_without_force_gives_one_report_and_one_event() -> None:
    applicant = ApplicantFactory()
    first = screen_applicant(applicant_id=applicant.id)
    second = screen_applicant(applicant_id=applicant.id)
    assert first is not None and second is None
    assert ScreeningReport.objects.filter(applicant=applicant).count() == 1
    assert OutboxEvent.objects.count() == 1
    applicant.refresh_from_db()
    # No documents: identity and income unverified, so HIGH, and completed (a person decides).
    assert (applicant.status, applicant.risk_level) == ("COMPLETED", "HIGH")


def test_forced_run_replaces_exactly_the_named_report_and_keeps_history() -> None:
    applicant = ApplicantFactory()
    first = screen_applicant(applicant_id=applicant.id)
    assert first is not None
    forced = screen_applicant(applicant_id=applicant.id, force=True, supersedes=str(first.id))
    duplicate = screen_applicant(applicant_id=applicant.id, force=True, supersedes=str(first.id))
    assert forced is not None and duplicate is None
    assert list(ScreeningReport.objects.filter(applicant=applicant).order_by("created_at")) == [first, forced]
    assert OutboxEvent.objects.count() == 2


def test_screening_waits_for_documents_still_extracting() -> None:
    from documents.models import Document

    applicant = ApplicantFactory()
    Document.objects.create(organization=applicant.organization, applicant=applicant, document_type="ID_DOCUMENT", storage_key="k/x",
                            original_filename="a.png", content_type="image/png", size=1, status="EXTRACTING")  # fmt: skip
    with pytest.raises(DocumentsNotReady):
        screen_applicant(applicant_id=applicant.id)


def test_task_failure_marks_the_applicant_failed_with_a_readable_reason(celery_eager: None) -> None:
    from unittest import mock

    from screening.tasks import screen_applicant_task

    applicant = ApplicantFactory()
    with mock.patch(
        "screening.graph.run_screening", side_effect=AssessorError("model said something with Maria Santos")
    ):
        result = screen_applicant_task.apply(args=[str(applicant.id)], throw=False)
    assert result.failed()
    applicant.refresh_from_db()
    assert applicant.status == "FAILED"
    assert "análise automática" in applicant.failure_reason
    assert "Maria" not in applicant.failure_reason


def test_task_arguments_hold_ids_only() -> None:
    from unittest import mock

    from documents.models import Document
    from screening.pipeline import pipeline_start

    applicant = ApplicantFactory(name="Maria Santos", nif="245718931")
    documents = [
        Document.objects.create(
            organization=applicant.organization,
            applicant=applicant,
            document_type="ID_DOCUMENT",
            storage_key=f"k/{n}",
            original_filename="a.png",
            content_type="image/png",
            size=1,
            status="UPLOADED",
        )
        for n in range(2)
    ]
    with mock.patch("screening.pipeline.messages_send") as send:
        pipeline_start(applicant_id=applicant.id, force=True, supersedes="r-1")
    screen = ("screening.tasks.screen_applicant_task", [str(applicant.id)], {"force": True, "supersedes": "r-1"})
    sent = [(m.task, list(m.args), m.kwargs) for m in send.call_args.args[0]]
    # One extraction per image; the screening step rides along, sent by the last one to finish.
    assert [(task, args) for task, args, _ in sent] == [
        ("documents.tasks.document_batch_extract_task", [str(applicant.id), [str(d.id)]]) for d in documents
    ]
    for _, _, kwargs in sent:
        then = kwargs["then"]
        assert (then["task"], list(then["args"]), then["kwargs"]) == screen
    assert "Maria" not in str(sent) and "245718931" not in str(sent)


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_screenings_write_one_report() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("row locks are what this test is about; SQLite serializes writers by design")
    applicant = ApplicantFactory()
    barrier = threading.Barrier(2)
    results: list[Any] = []

    def screen() -> None:
        from django.db import connections

        barrier.wait()
        try:
            results.append(screen_applicant(applicant_id=applicant.id))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=screen) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert ScreeningReport.objects.filter(applicant=applicant).count() == 1
    assert OutboxEvent.objects.count() == 1
    assert sum(1 for r in results if r is not None) == 1
    assert Applicant.objects.get(id=applicant.id).status == "COMPLETED"
