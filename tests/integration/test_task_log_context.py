"""Each Celery task logs under its own name and id, never the applicant of the task the worker ran before.

Cases probe 6 read a worker's log: the sweep's and the outbox relay's lines (53 of 194) carried the task name, id
and applicant id of the last document extraction the process had run, so searching the logs for an applicant
found tasks that had nothing to do with them. The log context lives in the process between tasks.
"""

from __future__ import annotations

import pytest
import structlog

from screening.tasks import outbox_relay_task

pytestmark = pytest.mark.django_db


def test_a_beat_task_after_a_pipeline_task_logs_under_its_own_ids_only() -> None:
    structlog.contextvars.clear_contextvars()
    # What a document's extraction leaves bound in the worker process.
    structlog.contextvars.bind_contextvars(
        task_id="extract-1", task="documents.tasks.document_extract_task", applicant_id="0b7c3f0e"
    )
    try:
        result = outbox_relay_task.apply(task_id="relay-1")
        assert result.successful()
        assert structlog.contextvars.get_contextvars() == {"task_id": "relay-1", "task": outbox_relay_task.name}
    finally:
        structlog.contextvars.clear_contextvars()
