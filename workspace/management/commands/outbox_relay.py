"""``manage.py outbox_relay [--retry-now]``: send the due outbox events now, and say what is left."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandParser

from applicants.management.database import DatabaseCommand
from screening.models import OutboxEvent
from screening.outbox import outbox_next_attempt, outbox_relay, outbox_retry_now


class Command(DatabaseCommand):
    help = (
        "Send the outbox events that are due, as the beat relay does, and say what is left; with --retry-now, also "
        "the ones waiting out a backoff after a failure (once its cause is fixed). Parked events: outbox_unpark."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--retry-now", action="store_true", help="also send the events backing off after a failed attempt"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        made_due = outbox_retry_now() if options["retry_now"] else 0
        sent = outbox_relay()
        pending = OutboxEvent.objects.pending().count()
        parked = OutboxEvent.objects.parked().count()
        line = f"sent {sent} event(s)" + (f" ({made_due} were backing off)" if made_due else "")
        line += f"; still pending {pending}, parked {parked}"
        upcoming = outbox_next_attempt()
        if upcoming is not None:
            line += f"; next attempt at {upcoming:%Y-%m-%d %H:%M:%S %Z} (--retry-now sends them now)"
        self.stdout.write(line)
        if parked:
            self.stdout.write("parked events are tried again after: manage.py outbox_unpark")
