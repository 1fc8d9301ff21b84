"""Ops commands in-process: rescreen, requeue_stuck, pipeline_status, sqs_bootstrap, redrive_dlq."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from applicants.models import Applicant, AuditAction, AuditEvent
from applicants.services import AgencyCredentials
from documents.models import Document
from tests.factories import ApplicantFactory, IntakeFormRequestFactory
from tests.integration.test_encrypted_fields import report_for

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_rescreen_command_respects_force(queued: Any, django_capture_on_commit_callbacks: Any) -> None:
    applicant = ApplicantFactory(status="COMPLETED")
    report = report_for(applicant)
    assert "already has a report" in run("rescreen", str(applicant.id))
    with django_capture_on_commit_callbacks(execute=True):
        assert "queued" in run("rescreen", str(applicant.id), "--force", "--reextract")
    queued.assert_called_once_with(applicant_id=applicant.id, force=True, supersedes=str(report.id), recorded=True)
    with pytest.raises(CommandError):
        run("rescreen", "00000000-0000-0000-0000-000000000000")


def test_rescreen_by_a_colleague_names_them_and_says_shell(
    alice: AgencyCredentials, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    applicant = ApplicantFactory(form_request=IntakeFormRequestFactory(organization=alice.organization))
    with django_capture_on_commit_callbacks(execute=True):
        assert "queued" in run("rescreen", str(applicant.id), "--by", "ALICE@alice.test")
    requested = AuditEvent.objects.get(action=AuditAction.RERUN_REQUESTED)
    assert requested.actor_id == alice.user.pk
    assert requested.details == {"force": False, "reextract": False, "via": "shell"}


def test_rescreen_by_someone_not_of_the_agency_is_refused_and_queues_nothing(
    alice: AgencyCredentials, bob: AgencyCredentials, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    applicant = ApplicantFactory(form_request=IntakeFormRequestFactory(organization=alice.organization))
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(CommandError, match="no active member"):
        run("rescreen", str(applicant.id), "--by", "bob@bob.test")
    queued.assert_not_called()
    assert not AuditEvent.objects.filter(action=AuditAction.RERUN_REQUESTED).exists()


def test_stalled_work_is_listed_and_requeue_picks_up_failed_applicants(
    settings: Any, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    long_ago = timezone.now() - dt.timedelta(seconds=settings.PIPELINE_STUCK_AFTER_SECONDS + 5)
    stuck = ApplicantFactory(processing_started_at=long_ago)
    fresh = ApplicantFactory(processing_started_at=timezone.now())
    failed = ApplicantFactory(status="FAILED", failure_reason="O processamento parou 4 vezes sem terminar.")
    document = Document.objects.create(organization=stuck.organization, applicant=stuck, document_type="ID_DOCUMENT", storage_key="k/1",
                                       original_filename="a.png", content_type="image/png", size=1, status="EXTRACTING", claimed_at=long_ago)  # fmt: skip
    status = json.loads(run("pipeline_status", "--json"))
    assert {item["id"] for item in status["stuck"]} == {str(stuck.id), str(document.id)}
    text = run("pipeline_status")
    assert "failed: 1" in text and str(failed.id) in text
    with django_capture_on_commit_callbacks(execute=True):
        output = run("requeue_stuck")
    assert str(stuck.id) in output and str(failed.id) in output and str(fresh.id) not in output
    assert queued.call_count == 2
    assert Applicant.objects.get(id=failed.id).status == "PROCESSING"
    assert Document.objects.get(id=document.id).status == "UPLOADED"


def test_sqs_bootstrap_creates_redrive_policies_and_redrive_moves_messages(settings: Any) -> None:
    from moto import mock_aws

    from workspace.sqs import queue_depths, redrive, sqs_client

    settings.SQS_QUEUE_PREFIX = "unit-"
    settings.SQS_MAX_RECEIVE_COUNT = 3
    settings.CELERY_BROKER_URL = "sqs://"
    with mock_aws():
        output = run("sqs_bootstrap")
        assert "unit-extraction" in output and "unit-events" in output
        client = sqs_client()
        url = client.get_queue_url(QueueName="unit-screening")["QueueUrl"]
        attributes = client.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
        policy = json.loads(attributes["RedrivePolicy"])
        assert policy["deadLetterTargetArn"].endswith("unit-screening-dlq")
        assert int(policy["maxReceiveCount"]) == 3
        assert int(attributes["VisibilityTimeout"]) == settings.SQS_VISIBILITY_TIMEOUT
        run("sqs_bootstrap")  # idempotent
        dlq = client.get_queue_url(QueueName="unit-screening-dlq")["QueueUrl"]
        for index in range(3):
            client.send_message(QueueUrl=dlq, MessageBody=json.dumps({"n": index}))
        assert queue_depths(client)["screening-dlq"]["visible"] == 3
        assert redrive("screening", limit=2, client=client) == 2
        assert "redrove 1 message" in run("redrive_dlq", "--queue", "screening")
        bodies = sorted(
            json.loads(m["Body"])["n"] for m in client.receive_message(QueueUrl=url, MaxNumberOfMessages=10)["Messages"]
        )
        assert bodies == [0, 1, 2]


def test_redrive_off_sqs_says_what_to_do_instead() -> None:
    with pytest.raises(CommandError, match="requeue_stuck"):
        run("redrive_dlq", "--queue", "screening")


def test_outbox_relay_to_sqs_sends_the_api_json(settings: Any) -> None:
    from moto import mock_aws

    from screening.models import OutboxEvent
    from screening.outbox import outbox_relay

    applicant = ApplicantFactory()
    report = report_for(applicant)
    from screening.services import applicant_screened_payload

    event = OutboxEvent.objects.create(
        organization=applicant.organization,
        event_type="APPLICANT_SCREENED",
        payload=applicant_screened_payload(applicant=applicant, report=report),
    )
    with mock_aws():
        import boto3

        client = boto3.client("sqs", region_name=settings.AWS_REGION)
        settings.EVENTS_BACKEND = "sqs"
        settings.EVENTS_QUEUE_URL = client.create_queue(QueueName="events")["QueueUrl"]
        assert outbox_relay() == 1
        assert outbox_relay() == 0
        messages = client.receive_message(QueueUrl=settings.EVENTS_QUEUE_URL, MaxNumberOfMessages=10)["Messages"]
    body = json.loads(messages[0]["Body"])
    assert len(messages) == 1
    assert set(body) >= {
        "event_id",
        "event_type",
        "version",
        "occurred_at",
        "organization_id",
        "applicant_id",
        "form_request_id",
        "risk_level",
        "identity_verified",
        "income_verified",
        "dti_ratio",
    }
    assert body["event_id"] == str(event.id)
    assert body["dti_ratio"] == 0.25


def test_publisher_failure_leaves_the_event_pending() -> None:
    from screening.models import OutboxEvent
    from screening.outbox import outbox_relay

    class Down:
        def publish(self, event: dict[str, Any]) -> None:
            raise ConnectionError("queue down")

    event = OutboxEvent.objects.create(event_type="APPLICANT_SCREENED", payload={"event_type": "APPLICANT_SCREENED"})
    assert outbox_relay(publisher=Down()) == 0
    event.refresh_from_db()
    assert event.sent_at is None and event.attempts == 1 and event.last_error == "ConnectionError"


def test_outbox_relay_sends_events_backing_off_when_asked_and_says_what_is_left(settings: Any, tmp_path: Any) -> None:
    # Blind operations probe c26: the events file fixed, `celery call outbox_relay_task` sent 0 (every event was
    # backing off) and nothing said when the next attempt was.
    from screening.models import OutboxEvent

    settings.EVENTS_BACKEND = "file"
    settings.EVENTS_FILE = tmp_path / "events.jsonl"
    later = timezone.now() + dt.timedelta(minutes=4)
    event = OutboxEvent.objects.create(
        event_type="APPLICANT_SCREENED",
        payload={"event_type": "APPLICANT_SCREENED"},
        attempts=3,
        last_error="PermissionError",
        next_attempt_at=later,
    )

    out = io.StringIO()
    call_command("outbox_relay", stdout=out)
    assert out.getvalue().startswith("sent 0 event(s); still pending 1, parked 0; next attempt at ")

    out = io.StringIO()
    call_command("outbox_relay", "--retry-now", stdout=out)
    assert out.getvalue().strip() == "sent 1 event(s) (1 were backing off); still pending 0, parked 0"
    event.refresh_from_db()
    assert event.sent_at is not None
    assert str(event.id) in (tmp_path / "events.jsonl").read_text()
