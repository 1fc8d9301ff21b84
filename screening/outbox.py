"""Relay outbox rows to the events queue: at least once, safe to run concurrently."""

from __future__ import annotations

from typing import Any

import structlog
from django.db import transaction
from django.utils import timezone

from screening.events import EventPublisher, event_publisher
from screening.models import OutboxEvent

logger = structlog.get_logger(__name__)


def outbox_message(event: OutboxEvent) -> dict[str, Any]:
    return {"event_id": str(event.id), **event.payload}


def outbox_relay(*, batch_size: int = 100, publisher: EventPublisher | None = None) -> int:
    """Send pending events in batches; returns how many were sent.

    Rows are claimed with ``SELECT ... FOR UPDATE SKIP LOCKED`` on PostgreSQL,
    so two relays never take the same row; on SQLite the IMMEDIATE
    transaction holds the database's single write lock, which serializes
    relays the same way. A crash after sending but before commit sends the
    event again: consumers deduplicate by ``event_id``.
    """
    publisher = publisher or event_publisher()
    sent = 0
    while True:
        with transaction.atomic():
            batch = list(
                OutboxEvent.objects.select_for_update(skip_locked=True)
                .filter(sent_at__isnull=True)
                .order_by("created_at")[:batch_size]
            )
            if not batch:
                return sent
            for event in batch:
                try:
                    publisher.publish(outbox_message(event))
                except Exception as exc:
                    OutboxEvent.objects.filter(id=event.id).update(
                        attempts=event.attempts + 1, last_error=exc.__class__.__name__[:300]
                    )
                    logger.warning("outbox.publish_failed", event_id=str(event.id), error=exc.__class__.__name__)
                    return sent
                OutboxEvent.objects.filter(id=event.id).update(
                    sent_at=timezone.now(), attempts=event.attempts + 1, last_error=""
                )
                sent += 1
        if len(batch) < batch_size:
            return sent
