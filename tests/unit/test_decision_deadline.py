"""A MORE_INFO decision's ``due_at`` as staff write it: a date alone, a time without offset, a full timestamp."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from workspace.serializers import DeadlineField, DecisionCreateSerializer

LISBON = ZoneInfo("Europe/Lisbon")


def deadline(value: str) -> dt.datetime:
    serializer = DecisionCreateSerializer(data={"decision": "MORE_INFO", "reason": "r", "due_at": value})
    assert serializer.is_valid(), serializer.errors
    return serializer.validated_data["due_at"]  # type: ignore[no-any-return]


def in_days(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


def test_a_date_alone_is_due_at_the_end_of_that_day_in_lisbon() -> None:
    """Read as its midnight, "due on the 10th" was overdue for all of the 10th (cases probe 9)."""
    day = in_days(10)
    due = deadline(day.isoformat())
    assert due.astimezone(LISBON).date() == day
    assert due.astimezone(LISBON).time() == dt.time.max


@pytest.mark.parametrize("month", [1, 7])
def test_a_time_without_offset_is_lisbon_time_in_winter_and_in_summer(month: int) -> None:
    """Guard (passes before and after): DRF reads a naive time in ``TIME_ZONE``; Lisbon's summer offset shows it."""
    due = DeadlineField().to_internal_value(f"2027-{month:02d}-01T10:00:00")
    assert due == dt.datetime(2027, month, 1, 10, 0, tzinfo=LISBON)
    assert due.utcoffset() == dt.timedelta(hours=0 if month == 1 else 1)


def test_a_timestamp_with_offset_is_kept_and_a_past_date_is_still_refused() -> None:
    moment = (timezone.now() + dt.timedelta(days=3)).replace(microsecond=0)
    assert deadline(moment.isoformat()) == moment
    refused = DecisionCreateSerializer(data={"decision": "MORE_INFO", "reason": "r", "due_at": in_days(-1).isoformat()})
    assert not refused.is_valid()
    assert "due_at" in refused.errors
