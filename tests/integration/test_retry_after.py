"""A provider's ``Retry-After`` is waited for: the graph does not ask again at once, and the task's retry waits at
least that long (blind probe r59b: a 429 saying 30 s was asked again every 0-3 s, by the model's and the document
reader's clients alike)."""

from __future__ import annotations

import datetime as dt
import email.utils
from typing import Any

import pytest
from celery import Task

from applicants.retry_after import SQS_MAX_DELAY_SECONDS, retry_after_seconds
from documents.extraction.errors import ExtractionUnavailable
from screening.assessors import TransientAssessorError
from tests.integration.test_openai_contract import COMPLETIONS, screen
from tests.integration.test_reducto_contract import PDF, extractor_for
from tests.stubs import Reply, stub_server

RATE_LIMITED = {"error": {"message": "slow down", "type": "rate_limit_error"}}


def test_the_header_is_read_in_seconds_or_as_a_date() -> None:
    in_a_minute = email.utils.format_datetime(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=60), usegmt=True)
    assert retry_after_seconds("30") == 30.0
    assert 55 <= (retry_after_seconds(in_a_minute) or 0) <= 60
    assert retry_after_seconds("86400") == SQS_MAX_DELAY_SECONDS  # SQS holds a message back 15 minutes at most
    assert retry_after_seconds(None) is None
    assert retry_after_seconds("0") is None
    assert retry_after_seconds("soon") is None


def test_the_document_readers_429_carries_its_wait() -> None:
    with stub_server() as stub:
        stub.reply("/upload", Reply(status=429, body={"error": "busy"}, headers={"Retry-After": "30"}))
        with pytest.raises(ExtractionUnavailable) as raised:
            extractor_for(stub.url).extract(PDF, document_type="PROOF_OF_INCOME")
    assert raised.value.retry_after == 30.0


def test_the_models_429_with_a_long_wait_is_not_asked_again_by_the_graph() -> None:
    with stub_server() as stub:
        stub.reply(COMPLETIONS, Reply(status=429, body=RATE_LIMITED, headers={"retry-after": "30"}))
        with pytest.raises(TransientAssessorError) as raised:
            screen(stub)  # two attempts a node
        assert len(stub.requests_to(COMPLETIONS)) == 1
    assert raised.value.retry_after == 30.0


def test_the_models_429_with_a_short_wait_is_asked_again_by_the_graph() -> None:
    """Guard: a wait within the graph's own backoff keeps the graph's retry."""
    with stub_server() as stub:
        stub.reply(COMPLETIONS, *[Reply(status=429, body=RATE_LIMITED, headers={"retry-after": "1"})] * 2)
        with pytest.raises(TransientAssessorError):
            screen(stub)
        assert len(stub.requests_to(COMPLETIONS)) == 2


@pytest.mark.parametrize(
    "error", [TransientAssessorError("RateLimitError", retry_after=30.0), ExtractionUnavailable("x", retry_after=30.0)]
)
def test_a_tasks_retry_waits_at_least_what_the_provider_asked(monkeypatch: pytest.MonkeyPatch, error: Any) -> None:
    from screening.tasks import screen_applicant_task

    asked: dict[str, Any] = {}

    def recorded(self: Any, args: Any = None, kwargs: Any = None, exc: Any = None, throw: bool = True,
                 eta: Any = None, countdown: Any = None, max_retries: Any = None, **options: Any) -> None:  # fmt: skip
        asked["countdown"] = countdown

    monkeypatch.setattr(Task, "retry", recorded)
    screen_applicant_task.retry(exc=error, countdown=5)
    assert asked["countdown"] == 30.0
    screen_applicant_task.retry(exc=TransientAssessorError("APITimeoutError"), countdown=5)
    assert asked["countdown"] == 5  # no wait asked: the backoff's
