"""Pipeline task failures: a fixed, readable reason chosen by exception class, and pinned task names."""

from __future__ import annotations

import pytest
from celery.exceptions import SoftTimeLimitExceeded

from applicants.task_base import PipelineTask, failure_reason
from documents.extraction.errors import ExtractionUnavailable
from documents.tasks import ExtractionTask
from screening.assessors import AssessorError
from screening.tasks import ScreeningTask


class RefusalWithPersonalData(AssessorError):
    pass


def test_a_subclass_gets_its_parents_reason_and_never_its_message() -> None:
    reason = failure_reason(RefusalWithPersonalData("Maria Santos 245718931"), ScreeningTask.failure_reasons)
    assert reason == ScreeningTask.failure_reasons[AssessorError]
    assert "Maria" not in reason and "245718931" not in reason


def test_an_unknown_error_names_only_its_class() -> None:
    reason = failure_reason(KeyError("nif 245718931"), PipelineTask.failure_reasons)
    assert "KeyError" in reason and "245718931" not in reason


def test_each_task_family_knows_its_own_errors_and_the_time_limits() -> None:
    assert ExtractionUnavailable in ExtractionTask.failure_reasons
    assert ExtractionUnavailable not in ScreeningTask.failure_reasons
    for family in (ExtractionTask, ScreeningTask):
        assert "tempo máximo" in failure_reason(SoftTimeLimitExceeded(), family.failure_reasons)


# Names as first released: messages queued before a deploy that moved a module must still resolve.
RELEASED_TASKS = {
    "documents.tasks.applicant_documents_extract_task": "extraction",
    "screening.tasks.screen_applicant_task": "screening",
    "screening.tasks.outbox_relay_task": "screening",
    "screening.tasks.pipeline_sweep_task": "screening",
    "applicants.tasks.purge_expired_task": "screening",
    "documents.tasks.stored_files_cleanup_task": "extraction",
}


@pytest.mark.parametrize(("name", "queue"), sorted(RELEASED_TASKS.items()))
def test_released_task_names_resolve_and_keep_their_queue(name: str, queue: str) -> None:
    from config.celery import app

    app.loader.import_default_modules()
    assert name in app.tasks
    route = app.amqp.router.route({}, name)
    assert route["queue"].name == queue


def test_every_beat_entry_names_a_registered_task() -> None:
    from config.celery import app

    app.loader.import_default_modules()
    for entry in app.conf.beat_schedule.values():
        assert entry["task"] in app.tasks
