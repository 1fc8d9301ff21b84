"""A worker SIGKILLed mid-extraction: the applicant completes with no person, on both brokers.

Beat runs in its own process and survives the kill. The stale window is
short (``PIPELINE_STUCK_AFTER_SECONDS``), the sweep frequent, and on SQS the
visibility timeout longer than the test, so the recovery can only come from
the database-driven sweep, as it must on the embedded broker (where the
killed worker's message is never delivered again).
"""

from __future__ import annotations

import time
import uuid
from pathlib import Path

import pytest

from tests.e2e.stack import Stack, sqs_stack, wait_until
from tests.helpers import with_scanned_payslips

pytestmark = [pytest.mark.e2e, pytest.mark.ocr]

STALE_SECONDS = 6
SWEEP_SECONDS = 2
RECOVERY = {
    "PIPELINE_STUCK_AFTER_SECONDS": str(STALE_SECONDS),
    "PIPELINE_SWEEP_INTERVAL_SECONDS": str(SWEEP_SECONDS),
    "PIPELINE_MAX_RECOVERIES": "3",
}
# After the stale window and a sweep: the new worker reads the documents left (OCR) and screens.
WORK_AFTER_RECOVERY_SECONDS = 90


def slow_case() -> object:
    """The good applicant with its payslips as 220 dpi scans: a few seconds of OCR, time to kill the worker."""
    return with_scanned_payslips("good", dpi=220)


@pytest.mark.parametrize("broker", ["embedded", "sqs"])
def test_a_worker_killed_mid_extraction_leaves_an_applicant_that_completes_by_itself(
    broker: str, tmp_path: Path, stacks: list[Stack], request: pytest.FixtureRequest
) -> None:
    if broker == "sqs":
        endpoint = request.getfixturevalue("moto_endpoint")
        # Visibility timeout past the test: the killed worker's message cannot come back in time.
        stack = sqs_stack(tmp_path, endpoint, SQS_VISIBILITY_TIMEOUT="300", CELERY_TASK_TIME_LIMIT="60", **RECOVERY)
    else:
        stack = Stack(tmp_path, **RECOVERY)
    stacks.append(stack)
    stack.start()
    stack.start_beat()
    worker = stack.start_worker()
    token = stack.create_agency()
    applicant_id = stack.submit_case(token, slow_case())

    def mid_extraction() -> bool:
        # A document being read by the worker: each document is its own task, so a kill
        # between two documents would lose nothing and need no recovery (ADR 016).
        rows = dict(stack.query("SELECT status, count(*) FROM documents_document GROUP BY status"))
        return bool(rows.get("EXTRACTED")) and bool(rows.get("EXTRACTING"))

    wait_until(mid_extraction, timeout=90, interval=0.05, what="extraction under way")
    Stack.kill(worker)  # SIGKILL to the whole worker: no ack, no cleanup, no heartbeat any more
    killed_at = time.monotonic()
    assert stack.query("SELECT count(*) FROM documents_document WHERE status != 'EXTRACTED'")[0][0] > 0
    stack.start_worker()  # capacity comes back; nobody touches the applicant

    detail = stack.wait_for_status(
        token, applicant_id, "COMPLETED", timeout=STALE_SECONDS + 2 * SWEEP_SECONDS + WORK_AFTER_RECOVERY_SECONDS
    )
    recovered_after = time.monotonic() - killed_at
    assert detail["failure_reason"] == ""
    assert {d["status"] for d in detail["documents"]} == {"EXTRACTED"}
    assert detail["report"]["risk_level"]
    assert stack.report_count(applicant_id) == 1
    wait_until(lambda: stack.outbox_count(applicant_id) == 1, timeout=10, what="one event")
    # The sweep did it: the run was recovered (re-queued) at least once, and never past the stale window early.
    recoveries = stack.query(
        "SELECT recoveries FROM screening_pipelinerun WHERE applicant_id = ?", uuid.UUID(applicant_id).hex
    )[0][0]
    assert 1 <= recoveries <= 3
    assert recovered_after >= STALE_SECONDS
