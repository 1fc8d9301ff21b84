"""A task message whose body is not Celery's ``[args, kwargs, embed]`` (cases probe 12: an SQS message with an
empty body made the screening worker exit with "Unrecoverable error: ValueError", and come back to it after every
visibility timeout). The worker rejects it, says so without the body, and goes on with the next applicant."""

from __future__ import annotations

import uuid

import pytest
from kombu import Connection, Exchange, Queue

from tests.e2e.stack import Stack, wait_until
from tests.helpers import prepared_case

pytestmark = [pytest.mark.e2e, pytest.mark.ocr]

GOOD = prepared_case("good")


def publish_malformed(stack: Stack, body: object, *, task: str | None = "screening.tasks.screen_applicant_task") -> str:
    """A message on the screening queue naming ``task`` (none: no task header), with ``body`` as its arguments."""
    task_id = str(uuid.uuid4())
    headers = {"id": task_id, **({"task": task} if task else {})}
    screening = Queue("screening", Exchange("screening", type="direct"), routing_key="screening")
    with Connection(f"sqla+sqlite:///{stack.base / 'broker.sqlite3'}") as connection:
        connection.Producer(serializer="json").publish(  # type: ignore[attr-defined]
            body,
            exchange=screening.exchange,
            routing_key="screening",
            headers=headers,
            declare=[screening],
        )
    return task_id


def worker_logs(stack: Stack) -> str:
    return "".join(log.read_text(errors="replace") for log in stack.logs if log.name.startswith("worker"))


@pytest.mark.parametrize("body", [{}, ["only-one"]], ids=["empty-object", "short-list"])
def test_a_malformed_task_message_is_rejected_and_the_worker_goes_on(embedded_stack: Stack, body: object) -> None:
    stack = embedded_stack
    task_id = publish_malformed(stack, body)
    wait_until(lambda: task_id in worker_logs(stack) or stack.processes[-1].poll() is not None, timeout=30, what="it")
    assert all(process.poll() is None for process in stack.processes), stack.log_tail()
    line = next(line for line in worker_logs(stack).splitlines() if task_id in line)
    assert "worker.malformed_task_message" in line and "ValueError" in line
    assert "only-one" not in line  # the body is not logged

    token = stack.create_agency()
    applicant_id = stack.submit_case(token, GOOD)
    assert stack.wait_for_status(token, applicant_id, "COMPLETED")["report"]["risk_level"] == "LOW"
    assert all(process.poll() is None for process in stack.processes), stack.log_tail()


def test_a_message_naming_no_task_is_refused_without_its_body_in_the_log(embedded_stack: Stack) -> None:
    """Celery's own handler logged the whole body of a message without a task header (cases probe 12)."""
    stack = embedded_stack
    task_id = publish_malformed(stack, {"note": "not-for-the-log"}, task=None)
    wait_until(lambda: task_id in worker_logs(stack), timeout=30, what="the message refused")
    assert "worker.unknown_message" in next(line for line in worker_logs(stack).splitlines() if task_id in line)
    assert "not-for-the-log" not in worker_logs(stack)
    assert all(process.poll() is None for process in stack.processes), stack.log_tail()
