"""A provider's ``Retry-After``, read the same way for every provider (the document reader's, the model's)."""

from __future__ import annotations

import datetime as dt
import email.utils

# SQS holds a message back at most 15 minutes: the longest any retry can wait (``applicants.task_base`` too).
SQS_MAX_DELAY_SECONDS = 900


def retry_after_seconds(value: str | None) -> float | None:
    """A ``Retry-After`` header (seconds, or an HTTP date) in seconds from now, at most
    ``SQS_MAX_DELAY_SECONDS``; None when absent, unreadable or already past."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        seconds = (when - dt.datetime.now(dt.UTC)).total_seconds()
    return min(max(seconds, 0.0), float(SQS_MAX_DELAY_SECONDS)) or None
