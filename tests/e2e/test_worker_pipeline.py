"""Real worker processes: the embedded broker, and SQS served by moto's server on 127.0.0.1."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.stack import Stack, sqs_client, sqs_stack, wait_until
from tests.helpers import prepared_case, with_scanned_payslips
from tests.stubs import healthy_openai, refusing_openai, stub_server

pytestmark = [pytest.mark.e2e, pytest.mark.ocr]

GOOD = prepared_case("good")


def drain_events(endpoint: str, queue_url: str) -> list[dict[str, Any]]:
    client = sqs_client(endpoint)
    events = []
    while True:
        received = client.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1)
        messages = received.get("Messages", [])
        if not messages:
            return events
        for message in messages:
            events.append(json.loads(message["Body"]))
            client.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])


def queue_idle(endpoint: str, *urls: str) -> bool:
    client = sqs_client(endpoint)
    for url in urls:
        attributes = client.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
        if int(attributes["ApproximateNumberOfMessages"]) or int(attributes["ApproximateNumberOfMessagesNotVisible"]):
            return False
    return True


def test_embedded_broker_runs_the_chain_with_a_real_worker(embedded_stack: Stack) -> None:
    stack = embedded_stack
    token = stack.create_agency()
    applicant_id = stack.submit_case(token, GOOD)
    detail = stack.wait_for_status(token, applicant_id, "COMPLETED")
    assert detail["report"]["risk_level"] == "LOW"
    assert stack.report_count(applicant_id) == 1

    # The stack is shared: its events file also holds other tests' applicants.
    def relayed() -> list[dict[str, Any]]:
        if not stack.events_file.exists():
            return []
        events = [json.loads(line) for line in stack.events_file.read_text().splitlines()]
        return [event for event in events if event["applicant_id"] == applicant_id]

    events = wait_until(relayed, timeout=20, what="event relayed")
    assert [e["applicant_id"] for e in events] == [applicant_id]


def test_sqs_submission_completes_with_one_report_and_one_event(
    tmp_path: Path, moto_endpoint: str, stacks: list[Stack]
) -> None:
    stack = sqs_stack(tmp_path, moto_endpoint)
    stacks.append(stack)
    stack.start()
    stack.start_worker()
    token = stack.create_agency()
    applicant_id = stack.submit_case(token, GOOD)
    detail = stack.wait_for_status(token, applicant_id, "COMPLETED")
    assert detail["report"]["risk_level"] == "LOW"
    events = wait_until(
        lambda: drain_events(moto_endpoint, stack.env["EVENTS_QUEUE_URL"]), timeout=30, what="event on the events queue"
    )
    assert [event["applicant_id"] for event in events] == [applicant_id]
    assert events[0]["event_type"] == "APPLICANT_SCREENED"
    assert GOOD.person.nif not in json.dumps(events)
    assert stack.report_count(applicant_id) == 1


def test_every_message_delivered_twice_gives_one_report_and_one_event(
    tmp_path: Path, moto_endpoint: str, stacks: list[Stack]
) -> None:
    stack = sqs_stack(tmp_path, moto_endpoint)
    stacks.append(stack)
    stack.start()
    token = stack.create_agency()
    applicant_id = stack.submit_case(token, GOOD)
    client = sqs_client(moto_endpoint)
    extraction_url = stack.env["SQS_EXTRACTION_QUEUE_URL"]
    received = wait_until(
        lambda: client.receive_message(
            QueueUrl=extraction_url, MaxNumberOfMessages=1, WaitTimeSeconds=1, MessageAttributeNames=["All"]
        ).get("Messages"),
        timeout=20,
        what="the chain's first message",
    )
    original = received[0]
    for _ in range(2):  # the same message (same task id, same chain) twice
        send: dict[str, Any] = {"QueueUrl": extraction_url, "MessageBody": original["Body"]}
        if original.get("MessageAttributes"):
            send["MessageAttributes"] = original["MessageAttributes"]
        client.send_message(**send)
    client.delete_message(QueueUrl=extraction_url, ReceiptHandle=original["ReceiptHandle"])
    stack.start_worker(concurrency=2)
    stack.wait_for_status(token, applicant_id, "COMPLETED")
    wait_until(
        lambda: queue_idle(moto_endpoint, extraction_url, stack.env["SQS_SCREENING_QUEUE_URL"]),
        timeout=60,
        what="queues drained",
    )
    time.sleep(2)
    events = drain_events(moto_endpoint, stack.env["EVENTS_QUEUE_URL"])
    assert stack.report_count(applicant_id) == 1
    assert stack.outbox_count(applicant_id) == 1
    assert [event["applicant_id"] for event in events] == [applicant_id]
    assert stack.query("SELECT max(attempts) FROM documents_document")[0][0] == 1


def test_worker_killed_mid_extraction_is_redelivered_and_completes(
    tmp_path: Path, moto_endpoint: str, stacks: list[Stack]
) -> None:
    slow = with_scanned_payslips("good", dpi=220)
    # Limits roomy enough for OCR on a loaded CI machine: the message must come
    # back through the visibility timeout, not through a soft-time-limit retry.
    stack = sqs_stack(
        tmp_path,
        moto_endpoint,
        CELERY_TASK_TIME_LIMIT="15",
        PIPELINE_STUCK_AFTER_SECONDS="17",
        SQS_VISIBILITY_TIMEOUT="20",
    )
    stacks.append(stack)
    stack.start()
    worker = stack.start_worker()
    token = stack.create_agency()
    applicant_id = stack.submit_case(token, slow)

    def mid_extraction() -> bool:
        rows = dict(stack.query("SELECT status, count(*) FROM documents_document GROUP BY status"))
        return bool(rows.get("EXTRACTED")) and bool(rows.get("EXTRACTING") or rows.get("UPLOADED"))

    wait_until(mid_extraction, timeout=60, interval=0.05, what="extraction under way")
    Stack.kill(worker)  # SIGKILL to the whole worker: no ack, no cleanup
    assert stack.query("SELECT count(*) FROM documents_document WHERE status != 'EXTRACTED'")[0][0] > 0
    stack.start_worker()
    detail = stack.wait_for_status(token, applicant_id, "COMPLETED", timeout=120)
    assert {d["status"] for d in detail["documents"]} == {"EXTRACTED"}
    assert stack.report_count(applicant_id) == 1


def test_poison_message_lands_in_the_dlq_and_redrive_completes_it(
    tmp_path: Path, moto_endpoint: str, stacks: list[Stack]
) -> None:
    with stub_server() as openai_stub:
        # A provider refusing the request (a wrong key) fails the step at once; an outage would be retried
        # (ADR 009). The message comes back twice through the visibility timeout before the DLQ takes it: the
        # shortest timeout the budgets allow (graph 4 x 2 s within the soft limit, hard limit below it).
        stack = sqs_stack(
            tmp_path, moto_endpoint, SCREENING_BACKEND="openai", OPENAI_BASE_URL=f"{openai_stub.url}/v1", OPENAI_API_KEY="sk-test",
            OPENAI_MODEL="gpt-4o-mini", SCREENING_NODE_MAX_ATTEMPTS="1",
            CELERY_TASK_SOFT_TIME_LIMIT="9", CELERY_TASK_TIME_LIMIT="10", SQS_VISIBILITY_TIMEOUT="11",
        )  # fmt: skip
        stacks.append(stack)
        openai_stub.responder = refusing_openai
        stack.start()
        stack.start_worker()
        token = stack.create_agency()
        applicant_id = stack.submit_case(token, GOOD)
        failed = stack.wait_for_status(token, applicant_id, "FAILED", timeout=60)
        assert "análise automática" in failed["failure_reason"]
        client = sqs_client(moto_endpoint)
        dlq = client.get_queue_url(QueueName=f"{stack.env['SQS_QUEUE_PREFIX']}screening-dlq")["QueueUrl"]

        def in_dlq() -> bool:
            attributes = client.get_queue_attributes(QueueUrl=dlq, AttributeNames=["ApproximateNumberOfMessages"])[
                "Attributes"
            ]
            return int(attributes["ApproximateNumberOfMessages"]) == 1

        wait_until(in_dlq, timeout=90, interval=1, what="message in the screening DLQ")
        screening_requests = len(openai_stub.requests)
        assert screening_requests == 2  # SQS_MAX_RECEIVE_COUNT receives, one request each
        openai_stub.responder = healthy_openai  # the cause is fixed
        assert "redrove 1 message" in stack.manage("redrive_dlq", "--queue", "screening")
        detail = stack.wait_for_status(token, applicant_id, "COMPLETED", timeout=60)
        assert detail["report"]["risk_level"] == "LOW"
        assert detail["failure_reason"] == ""
        assert stack.report_count(applicant_id) == 1
