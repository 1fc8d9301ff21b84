"""Relay outbox rows to the events queue: at least once, safe to run concurrently, one bad row blocks nothing.

A relay leases due rows in one short transaction (``next_attempt_at`` moves
past the lease), publishes them with no transaction open, then marks each
row on its own: sent, or failed with a backoff, or parked after
``OUTBOX_MAX_ATTEMPTS``. A relay that dies mid-batch leaves its rows to be
taken again when the lease runs out; consumers deduplicate by ``event_id``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from typing import Any

import structlog
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from screening.events import EventPublisher, event_publisher
from screening.models import OutboxEvent

logger = structlog.get_logger(__name__)

# Longer than a batch takes to publish (a send is milliseconds; boto3 gives up on a
# dead endpoint within about a minute), so two relays rarely send the same row.
LEASE_SECONDS = 120
BACKOFF_FIRST_SECONDS = 5
BACKOFF_MAX_SECONDS = 900


def outbox_message(event: OutboxEvent) -> dict[str, Any]:
    return {"event_id": str(event.id), **event.payload}


def outbox_backoff(attempts: int) -> dt.timedelta:
    """5 s after the first failure, doubling, at most 15 minutes."""
    return dt.timedelta(seconds=min(BACKOFF_FIRST_SECONDS * 2 ** (attempts - 1), BACKOFF_MAX_SECONDS))


def outbox_relay(*, batch_size: int = 100, publisher: EventPublisher | None = None) -> int:
    """Send the due events, batch by batch; returns how many were sent.

    Rows are leased with ``SELECT ... FOR UPDATE SKIP LOCKED`` on PostgreSQL
    (on SQLite the IMMEDIATE transaction serializes the lease), so two relays
    never take the same row while its lease lasts. A failing row backs off and
    the rows after it are still sent.
    """
    publisher = publisher or event_publisher()
    sent = 0
    while True:
        batch = outbox_lease(batch_size=batch_size)
        sent += sum(outbox_publish(event=event, publisher=publisher) for event in batch)
        if len(batch) < batch_size:
            return sent


def outbox_lease(*, batch_size: int) -> list[OutboxEvent]:
    """Take up to ``batch_size`` due rows for this relay (one short transaction), oldest first."""
    now = timezone.now()
    with transaction.atomic():
        ids = list(
            OutboxEvent.objects.select_for_update(skip_locked=True)
            .due(now=now)
            .order_by("created_at")
            .values_list("id", flat=True)[:batch_size]
        )
        if not ids:
            return []
        OutboxEvent.objects.filter(id__in=ids).update(next_attempt_at=now + dt.timedelta(seconds=LEASE_SECONDS))
    return list(OutboxEvent.objects.filter(id__in=ids).order_by("created_at"))


def outbox_publish(*, event: OutboxEvent, publisher: EventPublisher) -> bool:
    """Publish one leased row (no transaction open) and record the outcome; True when sent."""
    attempts = event.attempts + 1
    try:
        publisher.publish(outbox_message(event))
    except Exception as exc:
        now = timezone.now()
        park = attempts >= settings.OUTBOX_MAX_ATTEMPTS
        OutboxEvent.objects.filter(id=event.id, sent_at__isnull=True).update(
            attempts=attempts,
            last_error=exc.__class__.__name__[:300],
            next_attempt_at=None if park else now + outbox_backoff(attempts),
            parked_at=now if park else None,
        )
        logger.warning("outbox.publish_failed", event_id=str(event.id), error=exc.__class__.__name__, parked=park)
        return False
    OutboxEvent.objects.filter(id=event.id).update(
        sent_at=timezone.now(), attempts=attempts, last_error="", next_attempt_at=None
    )
    return True


def outbox_prune(*, chunk_size: int = 500) -> int:
    """Delete events sent more than ``OUTBOX_RETENTION_DAYS`` ago, in short chunks; returns how many.

    Unsent and parked rows are never pruned.
    """
    sent_before = timezone.now() - dt.timedelta(days=settings.OUTBOX_RETENTION_DAYS)
    deleted = 0
    while True:
        ids = list(OutboxEvent.objects.prunable(sent_before=sent_before).values_list("id", flat=True)[:chunk_size])
        if not ids:
            return deleted
        deleted += OutboxEvent.objects.filter(id__in=ids).delete()[0]


def outbox_unpark(*, event_ids: Iterable[uuid.UUID | str] | None = None) -> int:
    """Give parked events (all, or the ones named) a fresh set of attempts, once their cause is fixed."""
    parked = OutboxEvent.objects.parked()
    if event_ids is not None:
        parked = parked.filter(id__in=list(event_ids))
    return parked.update(parked_at=None, next_attempt_at=None, attempts=0)


def outbox_retry_now() -> int:
    """Make every pending event waiting out a backoff due now, once its cause is fixed; returns how many.

    The backoff (5 s doubling to 15 minutes) had left an operator waiting minutes after the events file or queue
    came back, with nothing to send them by (blind operations probe c26). A row a running relay leased looks the
    same and may be sent twice: events are at least once, and consumers deduplicate by ``event_id``.
    """
    return OutboxEvent.objects.pending().filter(next_attempt_at__gt=timezone.now()).update(next_attempt_at=None)


def outbox_next_attempt() -> dt.datetime | None:
    """When the earliest pending event backing off is tried again (None when none waits)."""
    waiting = OutboxEvent.objects.pending().filter(next_attempt_at__gt=timezone.now())
    return waiting.order_by("next_attempt_at").values_list("next_attempt_at", flat=True).first()
