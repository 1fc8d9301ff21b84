"""A broker that cannot take a message does not keep the applicant waiting (blind probe r74b, F1).

With the embedded broker's SQLite file held locked (``BEGIN IMMEDIATE`` by another process), a submission
answered 201 only when the lock was released (25 s), or never within the client's 60 s; the applicant was
stored, so the retry read ``410 form_already_submitted``. The publish after the commit is bounded now
(``BROKER_PUBLISH_TIMEOUT_SECONDS``, one retry): the request answers 201 within seconds and the recovery
sweep queues the run.
"""

from __future__ import annotations

import base64
import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from kombu.exceptions import OperationalError as BrokerUnavailable
from rest_framework.test import APIClient

from applicants.models import Applicant
from tests.helpers import form_request_create, submission_body
from tests.unit.test_broker_publish_bound import held_lock

# Well inside a client's patience, well outside what the old wait for the lock took (30 s a try, 4 tries).
ANSWER_WITHIN_SECONDS = 10.0


@pytest.fixture
def embedded_broker(tmp_path: Path, settings: Any) -> Iterator[Path]:
    """The product's app publishing to a broker file of this test's own, with the product's transport options."""
    from config.celery import app

    broker = tmp_path / "broker.sqlite3"
    saved = (app.conf.broker_url, app.conf.broker_transport_options, app.conf.task_always_eager, app._pool)
    saved_producers = app.amqp._producer_pool
    app.conf.broker_url = f"sqla+sqlite:///{broker}"
    app.conf.broker_transport_options = dict(settings.CELERY_BROKER_TRANSPORT_OPTIONS)
    app.conf.task_always_eager = False
    app._pool, app.amqp._producer_pool = None, None
    try:
        yield broker
    finally:
        app.amqp._producer_pool.force_close_all() if app.amqp._producer_pool is not None else None
        app._pool.force_close_all() if app._pool is not None else None
        app.conf.broker_url, app.conf.broker_transport_options, app.conf.task_always_eager, app._pool = saved
        app.amqp._producer_pool = saved_producers


@pytest.fixture
def broker_locked(embedded_broker: Path) -> Iterator[threading.Event]:
    """Another connection holds the broker's write lock until the test sets the event (or 60 s pass)."""
    from config.celery import app

    app.send_task("screening.tasks.outbox_relay_task")  # the broker file and its queues exist, as in a running product
    release = threading.Event()
    thread = held_lock(embedded_broker, release, at_most=60)
    yield release
    release.set()
    thread.join(10)


def queued_applicant_ids(broker: Path) -> list[str]:
    with sqlite3.connect(broker) as db:
        payloads = [json.loads(payload) for (payload,) in db.execute("SELECT payload FROM kombu_message")]
    return [
        json.loads(base64.b64decode(payload["body"]))[0][0]
        for payload in payloads
        if payload["headers"].get("task") == "screening.tasks.screen_applicant_task"
    ]


@pytest.mark.django_db
def test_a_submission_with_the_broker_locked_answers_201_within_seconds_and_the_sweep_queues_it(
    alice_api: APIClient, broker_locked: threading.Event, embedded_broker: Path, settings: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:  # fmt: skip
    form = form_request_create(alice_api)
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = APIClient().post(
            f"/api/v1/intake/{form['token']}/submissions", submission_body("245718931", []), format="json"
        )
    took = time.monotonic() - started

    assert response.status_code == 201, response.content
    assert took < ANSWER_WITHIN_SECONDS, took
    applicant = Applicant.objects.get(id=response.json()["applicant_id"])
    broker_locked.set()
    assert queued_applicant_ids(embedded_broker) == []

    from workspace.services import pipeline_recover

    settings.PIPELINE_STUCK_AFTER_SECONDS = 0
    time.sleep(0.01)
    assert pipeline_recover().applicants_requeued == 1
    assert queued_applicant_ids(embedded_broker) == [str(applicant.id)]


@pytest.mark.django_db
def test_with_the_broker_free_the_submission_is_queued_at_once(
    alice_api: APIClient, embedded_broker: Path, django_capture_on_commit_callbacks: Any
) -> None:
    form = form_request_create(alice_api)
    with django_capture_on_commit_callbacks(execute=True):
        response = APIClient().post(
            f"/api/v1/intake/{form['token']}/submissions", submission_body("245718931", []), format="json"
        )
    assert response.status_code == 201, response.content
    assert queued_applicant_ids(embedded_broker) == [response.json()["applicant_id"]]


@pytest.mark.django_db
def test_a_worker_s_next_step_the_broker_refuses_leaves_the_applicant_to_the_sweep_not_failed(
    embedded_broker: Path, broker_locked: threading.Event
) -> None:
    """The publish gives up within seconds in workers too: the extraction that read the last document and could
    not send screening must not fail its applicant ("Erro inesperado") for the broker's trouble."""
    from config.celery import app
    from documents.tasks import document_batch_extract_task
    from tests.factories import ApplicantFactory

    applicant: Any = ApplicantFactory()
    started = time.monotonic()
    with pytest.raises(BrokerUnavailable) as refused:
        app.send_task("screening.tasks.screen_applicant_task", args=(str(applicant.id),))
    assert time.monotonic() - started < ANSWER_WITHIN_SECONDS
    broker_locked.set()

    document_batch_extract_task.on_failure(refused.value, "task-id", (str(applicant.id), []), {}, None)
    applicant.refresh_from_db()
    assert applicant.status == "PROCESSING" and applicant.failure_reason == ""

    # A fault of the code still fails the applicant for a person, as before.
    document_batch_extract_task.on_failure(ZeroDivisionError(), "task-id", (str(applicant.id), []), {}, None)
    applicant.refresh_from_db()
    assert applicant.status == "FAILED"
