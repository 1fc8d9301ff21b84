"""A process opens its publishing connection as it starts (config.celery.producer_warm), not on its first send."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
import structlog
from celery import Celery

from config.celery import producer_warm, producer_warm_now

ROUTES = {"documents.tasks.*": {"queue": "extraction"}, "screening.tasks.*": {"queue": "screening"}}


def embedded_app(broker: Path | str, **conf: Any) -> Celery:
    import config.celery  # noqa: F401  (registers the adaptive transport for sqla+ URLs)

    celery_app = Celery("warm-test", broker=f"sqla+sqlite:///{broker}", set_as_current=False)
    celery_app.conf.update(task_routes=ROUTES, **conf)
    return celery_app


def test_warming_connects_and_declares_every_routed_queue_before_any_message(tmp_path: Path) -> None:
    broker = tmp_path / "broker.sqlite3"
    celery_app = embedded_app(broker)

    producer_warm_now(celery_app)

    with sqlite3.connect(broker) as db:
        assert sorted(name for (name,) in db.execute("SELECT name FROM kombu_queue")) == ["extraction", "screening"]
        assert db.execute("SELECT count(*) FROM kombu_message").fetchone() == (0,)
    pool: Any = celery_app.producer_pool
    producer = pool.acquire(block=True)
    # The pooled connection the first send will use is the one already open.
    assert producer.connection.connected
    producer.release()
    celery_app.close()


def test_a_broker_that_cannot_be_reached_is_logged_and_nothing_raises(tmp_path: Path) -> None:
    celery_app = embedded_app(tmp_path / "missing" / "dir" / "broker.sqlite3")

    with structlog.testing.capture_logs() as logs:
        producer_warm_now(celery_app)

    assert [(log["event"], log["error"]) for log in logs] == [("broker.warm_failed", "OperationalError")]
    celery_app.close()


def test_it_runs_on_a_thread_of_its_own_and_not_at_all_in_eager_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[threading.Thread] = []
    real_start = threading.Thread.start

    def recording_start(thread: threading.Thread) -> None:
        started.append(thread)
        real_start(thread)

    monkeypatch.setattr(threading.Thread, "start", recording_start)
    producer_warm(embedded_app(tmp_path / "eager.sqlite3", task_always_eager=True))
    assert started == []
    producer_warm(embedded_app(tmp_path / "broker.sqlite3"))
    assert [thread.name for thread in started] == ["broker-warm"]
    started[0].join(timeout=30)
    with sqlite3.connect(tmp_path / "broker.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM kombu_queue").fetchone() == (2,)
