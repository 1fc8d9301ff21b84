"""Probes and metrics: /health/live, /health/ready, /metrics (README "Operations")."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import sqlite3
from decimal import Decimal
from typing import Any

import pytest
from django.db import OperationalError, connection
from django.test import Client

from documents.models import Document
from documents.services import document_extract
from documents.storage import document_store
from samples.synthetic import make_person, payslip_pdf
from screening.services import screen_applicant
from tests.factories import ApplicantFactory
from workspace import health


@pytest.fixture
def client() -> Client:
    return Client()


@pytest.fixture
def embedded_broker(settings: Any, tmp_path: Any) -> None:
    """A broker file as a started process leaves it (``producer_warm`` makes it)."""
    broker = tmp_path / "broker.sqlite3"
    with contextlib.closing(sqlite3.connect(broker)) as db:
        db.execute("PRAGMA user_version = 0")
    settings.CELERY_BROKER_URL = f"sqla+sqlite:///{broker}"


def test_live_answers_200_without_touching_the_database(client: Client) -> None:
    # No django_db mark: any query would raise.
    response = client.get("/health/live")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


@pytest.mark.django_db(transaction=True)
def test_ready_is_200_with_database_cache_broker_and_storage_working(client: Client, embedded_broker: None) -> None:
    response = client.get("/health/ready")
    assert response.status_code == 200, response.content
    assert set(response.json().values()) == {"OK"}
    assert any("Broker" in name for name in response.json())


@pytest.mark.django_db(transaction=True)
def test_ready_is_503_when_the_broker_is_unreachable_and_says_nothing_of_it(
    client: Client, settings: Any, tmp_path: Any
) -> None:
    settings.CELERY_BROKER_URL = f"sqla+sqlite:///{tmp_path / 'missing' / 'dir' / 'broker.sqlite3'}"
    response = client.get("/health/ready?format=text")
    assert response.status_code == 503
    body = response.content.decode()
    assert "Broker" in body and "broker unreachable" in body
    assert str(tmp_path) not in body


@pytest.mark.django_db(transaction=True)
def test_ready_is_503_when_the_broker_file_is_missing_and_makes_none(
    client: Client, settings: Any, tmp_path: Any
) -> None:
    # Its folder is there and writable: the file moved away under running processes (blind probe r74b, F3).
    broker = tmp_path / "broker.sqlite3"
    settings.CELERY_BROKER_URL = f"sqla+sqlite:///{broker}"
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json() == {
        "Database(alias='default')": "OK", "Cache(alias='default')": "OK",
        "Broker()": "Unavailable: broker unreachable", "DocumentStorage()": "OK",
    }  # fmt: skip
    assert not broker.exists()


@pytest.mark.django_db(transaction=True)
def test_ready_is_503_when_storage_fails(client: Client, embedded_broker: None, monkeypatch: Any) -> None:
    def broken(self: Any) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(health.DocumentStorage, "run", broken)
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert "disk gone" not in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_ready_names_a_failing_database_or_cache_without_its_errors_text(
    client: Client, embedded_broker: None, monkeypatch: Any
) -> None:
    # Blind operations probe c26: "Cache key djangohealthcheck_test:<uuid> does not match", a driver's message.
    from django.core.cache import caches
    from django.db import connections

    def refused(*args: Any, **kwargs: Any) -> None:
        raise OperationalError("could not connect: password authentication failed for user screening")

    # The backend in use (SQLite or PostgreSQL): the check opens a connection of its own.
    monkeypatch.setattr(type(connections["default"]), "temporary_connection", refused)

    async def another_value(*args: Any, **kwargs: Any) -> str:
        return "another value"

    monkeypatch.setattr(type(caches["default"]), "aget", another_value)
    response = client.get("/health/ready")
    assert response.status_code == 503
    body = response.json()
    assert body["Database(alias='default')"] == "Unavailable: database unavailable"
    assert body["Cache(alias='default')"] == "Unavailable: cache unavailable"
    assert "password" not in response.content.decode() and "djangohealthcheck" not in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_ready_checks_sqs_with_one_cheap_call_per_queue(client: Client, settings: Any, embedded_broker: None) -> None:
    settings.CELERY_BROKER_URL = "sqs://127.0.0.1:9"  # nothing listens on the discard port
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"is_secure": False}
    settings.HEALTH_CHECK_TIMEOUT_SECONDS = 1
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert "127.0.0.1" not in response.content.decode()


def _extract_and_screen() -> Any:
    applicant = ApplicantFactory()
    good = payslip_pdf(make_person(random.Random(7), dt.date.today()), dt.date(2026, 9, 1), base=Decimal(1500))
    key = f"documents/{applicant.organization_id}/00000000-0000-4000-8000-000000000009.pdf"
    document_store().put(key, good.data, "application/pdf")
    document = Document.objects.create(organization=applicant.organization, applicant=applicant, document_type="PROOF_OF_INCOME",
                                       storage_key=key, original_filename="r.pdf", content_type="application/pdf", size=len(good.data))  # fmt: skip
    assert document_extract(document_id=document.id) == "EXTRACTED"
    assert screen_applicant(applicant_id=applicant.id) is not None
    return applicant


@pytest.mark.django_db
def test_metrics_expose_requests_states_durations_and_outbox_without_pii(client: Client) -> None:
    applicant = _extract_and_screen()
    client.get("/health/live")
    body = client.get("/metrics").content.decode()
    for line in (
        'http_request_duration_seconds_count{method="GET",status="200",view="health-live"}',
        'documents_by_state{state="EXTRACTED"} 1.0',
        "applicants_by_state{state=",
        'document_extraction_duration_seconds_count{document_type="PROOF_OF_INCOME",status="EXTRACTED"}',
        'applicant_screening_duration_seconds_count{backend="rules"}',
        "outbox_backlog ",
        "outbox_parked 0.0",
    ):
        assert line in body, line
    assert "queue_depth_messages" not in body  # the embedded broker has no depth to report
    for pii in (applicant.nif, applicant.name, str(applicant.id), str(applicant.organization_id)):
        assert pii and pii not in body


@pytest.mark.django_db
def test_metrics_refused_in_production_without_the_token(client: Client, settings: Any) -> None:
    settings.IS_PRODUCTION = True
    settings.METRICS_ENABLED = True
    settings.METRICS_TOKEN = "t" * 40
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {'t' * 40}").status_code == 200
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics").status_code == 404
    settings.METRICS_ENABLED = False
    settings.IS_PRODUCTION = False
    assert client.get("/metrics").status_code == 404


def test_production_refuses_metrics_without_a_token(tmp_path: Any) -> None:
    from tests.unit.test_settings import PRODUCTION, manage

    done = manage("check", **PRODUCTION, METRICS_ENABLED="true", DATA_DIR=str(tmp_path))
    assert done.returncode != 0 and "METRICS_TOKEN" in done.stderr
    done = manage("check", **PRODUCTION, METRICS_ENABLED="true", METRICS_TOKEN="m" * 40, DATA_DIR=str(tmp_path))
    assert done.returncode == 0, done.stderr


@pytest.mark.django_db
def test_metrics_answer_without_the_database_and_say_its_gauges_are_missing(client: Client) -> None:
    """Cases probe 12: with PostgreSQL stopped, /metrics answered 500 and lost the processes' own figures too."""
    client.get("/health/live")

    def database_down(*_: Any) -> None:
        raise OperationalError("connection refused")

    with connection.execute_wrapper(database_down):
        response = client.get("/metrics")
    body = response.content.decode()
    assert response.status_code == 200
    assert "pipeline_state_up 0.0" in body
    assert 'http_request_duration_seconds_count{method="GET",status="200",view="health-live"}' in body
    assert "documents_by_state{" not in body
    assert "pipeline_state_up 1.0" in client.get("/metrics").content.decode()
