"""``manage.py redrive_dlq --queue extraction|screening [--limit N]``: move dead letters back."""

from __future__ import annotations

from typing import Any

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from applicants.management.arguments import positive_int
from workspace.sqs import TASK_QUEUES, redrive


class Command(BaseCommand):
    help = "Move messages from a queue's DLQ back to the queue (after fixing the cause)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--queue", required=True, choices=TASK_QUEUES)
        parser.add_argument("--limit", type=positive_int, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        if not str(settings.CELERY_BROKER_URL).startswith("sqs://"):
            raise CommandError(
                "dead-letter queues exist on SQS only; on this broker a failed applicant is FAILED in the database: "
                "use 'requeue_stuck' or 'rescreen --force'"
            )
        try:
            moved = redrive(options["queue"], limit=options["limit"])
        except (BotoCoreError, ClientError) as exc:
            raise CommandError(f"SQS error: {exc.__class__.__name__}: {exc}") from exc
        self.stdout.write(f"redrove {moved} message(s) from {options['queue']}-dlq to {options['queue']}")
