"""When the recovery sweep last ran: the sign that beat is alive, for ``pipeline_status`` and ``/metrics``.

Blind probe r58a (F1): with beat killed, no sweep ran again and an interrupted applicant stayed ``PROCESSING``
while readiness said 200 and no figure changed. Nothing else tells a stopped beat apart from a quiet pipeline, so
the sweep stamps the time it ran, in the cache every process shares (the database's cache table by default, Redis
or Memcached with ``CACHE_URL``), and ops compare it with ``PIPELINE_SWEEP_INTERVAL_SECONDS``.

The stamp is written by the worker that runs the sweep beat sends, so a late one means either (blind probe r74b,
F4): beat is not sending it, or no worker takes its queue. On the embedded broker the sweep's messages waiting in
the broker file tell the two apart (``sweep_messages_waiting``); ``celery inspect`` answers on neither transport.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import json
import sqlite3
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

SWEEP_RAN_KEY = "pipeline:recovery_sweep_ran_at"
SWEEP_TASK = "screening.tasks.pipeline_sweep_task"
EMBEDDED_BROKER_PREFIX = "sqla+sqlite:///"
# Reading the broker file waits this long at most for a writer's lock (a status command must answer).
BROKER_READ_TIMEOUT_SECONDS = 1.0
# Missing this many beats in a row is no scheduling jitter: beat (or the worker running the sweep) is down.
LATE_AFTER_INTERVALS = 3


def sweep_mark_ran(*, now: dt.datetime | None = None) -> None:
    """Record that the recovery sweep ran now (called by the sweep task, every run)."""
    cache.set(SWEEP_RAN_KEY, (now or timezone.now()).timestamp(), timeout=None)


def sweep_last_ran() -> dt.datetime | None:
    """When the sweep last ran, or ``None`` if no run is recorded (beat never ran, or the cache was emptied)."""
    stamp = cache.get(SWEEP_RAN_KEY)
    return None if stamp is None else dt.datetime.fromtimestamp(float(stamp), tz=dt.UTC)


def sweep_status(*, now: dt.datetime | None = None) -> dict[str, Any]:
    """``last_ran`` (or ``None``), ``seconds_ago`` and ``late``: more than a few sweep intervals without a run."""
    last_ran = sweep_last_ran()
    interval = float(settings.PIPELINE_SWEEP_INTERVAL_SECONDS)
    status: dict[str, Any] = {"last_ran": last_ran, "seconds_ago": None, "late": True, "interval_seconds": interval}
    if last_ran is not None:
        seconds_ago = max(0.0, ((now or timezone.now()) - last_ran).total_seconds())
        status.update(seconds_ago=round(seconds_ago), late=seconds_ago > LATE_AFTER_INTERVALS * interval)
    status["queue"] = sweep_queue()
    status["messages_waiting"] = sweep_messages_waiting(queue=status["queue"]) if status["late"] else None
    return status


def sweep_queue() -> str:
    """The queue the sweep's messages go to (``CELERY_TASK_ROUTES``, else the default queue)."""
    for pattern, route in settings.CELERY_TASK_ROUTES.items():
        if fnmatch.fnmatchcase(SWEEP_TASK, pattern):
            return str(route["queue"])
    return str(settings.CELERY_TASK_DEFAULT_QUEUE)


def sweep_messages_waiting(*, queue: str) -> int | None:
    """The sweep's messages waiting in the embedded broker's ``queue``; ``None`` on another broker or unread.

    Read-only and bounded: the file is opened ``mode=ro`` (a missing one is not made) with a short busy timeout.
    """
    url = str(settings.CELERY_BROKER_URL)
    if not url.startswith(EMBEDDED_BROKER_PREFIX):
        return None
    try:
        broker = sqlite3.connect(
            f"file:{url.removeprefix(EMBEDDED_BROKER_PREFIX)}?mode=ro", uri=True, timeout=BROKER_READ_TIMEOUT_SECONDS
        )
        try:
            rows = broker.execute(
                "SELECT m.payload FROM kombu_message m JOIN kombu_queue q ON q.id = m.queue_id "
                "WHERE q.name = ? AND m.visible = 1 AND m.payload LIKE ?",
                (queue, f"%{SWEEP_TASK}%"),
            ).fetchall()
        finally:
            broker.close()
    except sqlite3.Error:
        return None
    return sum(1 for (payload,) in rows if _task_of(payload) == SWEEP_TASK)


def _task_of(payload: str) -> str | None:
    try:
        return str(json.loads(payload)["headers"]["task"])
    except (ValueError, KeyError, TypeError):
        return None
