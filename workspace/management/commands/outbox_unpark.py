"""``manage.py outbox_unpark [event_id ...]``: retry parked outbox events once their cause is fixed."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandParser

from applicants.management.database import DatabaseCommand
from screening.outbox import outbox_unpark


class Command(DatabaseCommand):
    help = "Give parked outbox events (all, or the ones named) a fresh set of attempts; the beat relay sends them."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("event_ids", nargs="*", help="only these events (default: every parked one)")

    def handle(self, *args: Any, **options: Any) -> None:
        count = outbox_unpark(event_ids=options["event_ids"] or None)
        self.stdout.write(f"unparked {count} event(s)")
