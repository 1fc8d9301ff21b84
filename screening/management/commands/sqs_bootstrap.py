"""Create the SQS queues, their DLQs and redrive policies on a local emulator (or a sandbox account)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from screening.sqs import sqs_bootstrap


class Command(BaseCommand):
    help = "Create extraction/screening/events queues with DLQs and redrive policies (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        for queue in sqs_bootstrap():
            self.stdout.write(f"{queue.name}: {queue.url} (dlq {queue.dlq_url})")
