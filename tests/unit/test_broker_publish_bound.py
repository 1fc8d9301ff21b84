"""A publish waits seconds, not the broker's pleasure (blind probe r74b, F1; docs/adr/009-self-healing-pipeline.md).

A request publishes after its commit and its applicant waits for it: with the embedded broker's file held
locked, each try waited out the 30 s busy timeout a worker's poll keeps, four tries by Celery's default retry
policy; on SQS botocore's 60 s timeouts, retried. Each broker's wait a try is now ``BROKER_PUBLISH_TIMEOUT_SECONDS``,
with one retry.
"""

from __future__ import annotations

import ast
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from kombu import Connection
from sqlalchemy.exc import OperationalError

ROOT = Path(__file__).resolve().parents[2]
OPTIONS = {
    "polling_interval": 0.05,
    "idle_polling_interval": 1.0,
    "connect_args": {"timeout": 30},
    "publish_timeout": 0.5,
}


@pytest.fixture
def broker(tmp_path: Path) -> Iterator[tuple[Connection, Path]]:
    import config.celery  # noqa: F401  (registers the transport for sqla+ URLs)

    path = tmp_path / "broker.sqlite3"
    with Connection(f"sqla+sqlite:///{path}", transport_options=dict(OPTIONS)) as conn:
        conn.SimpleQueue("screening").put({"warm": True})  # the file and the queue's row, as a running product has
        yield conn, path


def held_lock(path: Path, release: threading.Event, *, at_most: float = 30) -> threading.Thread:
    """Another connection holds the broker's write lock until ``release`` is set (or ``at_most`` seconds pass)."""
    locked = threading.Event()

    def hold() -> None:
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        locked.set()
        release.wait(at_most)
        holder.execute("ROLLBACK")
        holder.close()

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    assert locked.wait(10)
    return thread


def busy_timeout(conn: Connection) -> int:
    dbapi: Any = conn.default_channel.session.connection().connection.dbapi_connection
    return int(dbapi.execute("PRAGMA busy_timeout").fetchone()[0])


def test_a_publish_under_another_connection_s_lock_fails_after_its_own_timeout(
    broker: tuple[Connection, Path],
) -> None:
    conn, path = broker
    queue = conn.SimpleQueue("screening")
    release = threading.Event()
    thread = held_lock(path, release)
    started = time.monotonic()
    with pytest.raises(OperationalError):
        queue.put({"applicant": 1})
    took = time.monotonic() - started
    release.set()
    thread.join(10)
    assert 0.4 < took < 3, took
    # The connection goes back to the pool with the longer wait a worker's poll and acknowledgement keep.
    assert busy_timeout(conn) == 30_000
    queue.put({"applicant": 1})
    assert [queue.get(timeout=1).payload for _ in range(2)] == [{"warm": True}, {"applicant": 1}]


def test_a_publish_waits_out_a_short_lock_as_before(broker: tuple[Connection, Path]) -> None:
    conn, path = broker
    release = threading.Event()
    thread = held_lock(path, release)
    threading.Timer(0.2, release.set).start()
    conn.SimpleQueue("screening").put({"applicant": 2})
    thread.join(10)
    assert busy_timeout(conn) == 30_000


def test_the_product_bounds_every_broker_s_publish() -> None:
    assert settings.BROKER_PUBLISH_TIMEOUT_SECONDS <= 3
    assert settings.CELERY_BROKER_TRANSPORT_OPTIONS["publish_timeout"] == settings.BROKER_PUBLISH_TIMEOUT_SECONDS
    assert settings.CELERY_BROKER_TRANSPORT_OPTIONS["connect_args"] == {"timeout": 30}
    from config.celery import app

    assert app.conf.task_publish_retry_policy["max_retries"] == 1


def test_sqs_connects_within_the_publish_timeout_and_reads_past_a_long_poll() -> None:
    script = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps(s.CELERY_BROKER_TRANSPORT_OPTIONS['client-config']))"
    )
    env = {**os.environ, "CELERY_BROKER_URL": "sqs://127.0.0.1:5999", "SQS_WAIT_TIME_SECONDS": "12"}
    env.pop("DJANGO_ENV", None)
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {
        "connect_timeout": 2.0,
        "read_timeout": 17,
        "retries": {"mode": "standard", "total_max_attempts": 2},
    }


def test_requests_publish_only_through_the_pipeline_s_bounded_send() -> None:
    """Every request path (a submission, a second round's answer, staff's or the admin's re-run) queues work by
    ``pipeline_start_on_commit``; the only other sends are a worker's own next step."""
    senders = set()
    for app in ("applicants", "documents", "intake", "screening", "workspace", "config"):
        for path in (ROOT / app).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Attribute) and node.attr in {"apply_async", "delay", "send_task"}:
                    senders.add(str(path.relative_to(ROOT)))
    assert senders == {"screening/pipeline.py", "documents/tasks.py"}
