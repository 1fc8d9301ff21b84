"""``manage.py redrive_dlq --queue extraction|screening [--limit N]``: move dead letters back."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from screening.sqs import TASK_QUEUES, redrive


class Command(BaseCommand):
    help = "Move messages from a queue's DLQ back to the queue (after fixing the cause)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--queue", required=True, choices=TASK_QUEUES)
        parser.add_argument("--limit", type=int, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        moved = redrive(options["queue"], limit=options["limit"])
        self.stdout.write(f"redrove {moved} message(s) from {options['queue']}-dlq to {options['queue']}")
