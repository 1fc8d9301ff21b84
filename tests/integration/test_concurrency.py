"""Where SQLite and PostgreSQL differ: concurrent submissions and concurrent outbox relays."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any
from unittest import mock

import pytest
from django.db import connection, connections
from rest_framework.test import APIClient

from applicants.models import Applicant
from screening.models import OutboxEvent
from screening.outbox import outbox_relay
from tests.helpers import form_request_create, submission_body

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres_only]


def in_threads(count: int, work: Callable[[], Any]) -> list[Any]:
    barrier = threading.Barrier(count)
    results: list[Any] = []
    lock = threading.Lock()

    def run() -> None:
        barrier.wait()
        try:
            outcome = work()
        except Exception as exc:
            outcome = exc
        finally:
            connections.close_all()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.fixture
def require_postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("concurrency with real row locks runs on the PostgreSQL leg")


def test_two_concurrent_submissions_of_one_nif_give_one_applicant(require_postgres: None, alice_api: APIClient) -> None:
    form = form_request_create(alice_api)
    with mock.patch("screening.pipeline.pipeline_start"):
        results = in_threads(
            2,
            lambda: (
                APIClient()
                .post(f"/api/v1/intake/{form['token']}/submissions", submission_body("245718931", []), format="json")
                .status_code
            ),
        )
    assert sorted(results) == [201, 410]
    assert Applicant.objects.count() == 1


def test_concurrent_relays_send_each_event_once(require_postgres: None) -> None:
    for index in range(40):
        OutboxEvent.objects.create(
            event_type="APPLICANT_SCREENED", payload={"event_type": "APPLICANT_SCREENED", "n": index}
        )
    sent: list[str] = []
    lock = threading.Lock()

    class Recording:
        def publish(self, event: dict[str, Any]) -> None:
            with lock:
                sent.append(event["event_id"])

    counts = in_threads(4, lambda: outbox_relay(batch_size=5, publisher=Recording()))
    assert sum(counts) == 40
    assert len(sent) == len(set(sent)) == 40
    assert not OutboxEvent.objects.filter(sent_at__isnull=True).exists()
