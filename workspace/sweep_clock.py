"""When the recovery sweep last ran: the sign that beat is alive, for ``pipeline_status`` and ``/metrics``.

Blind probe r58a (F1): with beat killed, no sweep ran again and an interrupted applicant stayed ``PROCESSING``
while readiness said 200 and no figure changed. Nothing else tells a stopped beat apart from a quiet pipeline, so
the sweep stamps the time it ran, in the cache every process shares (the database's cache table by default, Redis
or Memcached with ``CACHE_URL``), and ops compare it with ``PIPELINE_SWEEP_INTERVAL_SECONDS``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

SWEEP_RAN_KEY = "pipeline:recovery_sweep_ran_at"
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
    if last_ran is None:
        return {"last_ran": None, "seconds_ago": None, "late": True, "interval_seconds": interval}
    seconds_ago = max(0.0, ((now or timezone.now()) - last_ran).total_seconds())
    return {
        "last_ran": last_ran,
        "seconds_ago": round(seconds_ago),
        "late": seconds_ago > LATE_AFTER_INTERVALS * interval,
        "interval_seconds": interval,
    }
