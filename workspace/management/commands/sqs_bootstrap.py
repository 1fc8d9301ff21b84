"""Create the SQS queues, their DLQs and redrive policies on a local emulator (or a sandbox account)."""

from __future__ import annotations

from typing import Any

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from workspace.sqs import sqs_bootstrap


class Command(BaseCommand):
    help = "Create extraction/screening/events queues with DLQs and redrive policies (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not str(settings.CELERY_BROKER_URL).startswith("sqs://"):
            # On the embedded broker this went to AWS itself and said "NoCredentialsError" (blind probe c26);
            # redrive_dlq already said what it is for.
            raise CommandError(
                "sqs_bootstrap creates SQS queues and is for CELERY_BROKER_URL=sqs://... only; this broker "
                "(CELERY_BROKER_URL) needs no queues created"
            )
        try:
            created = sqs_bootstrap()
        except (BotoCoreError, ClientError) as exc:
            raise CommandError(f"SQS error: {exc.__class__.__name__}: {exc}") from exc
        for queue in created:
            self.stdout.write(f"{queue.name}: {queue.url} (dlq {queue.dlq_url})")
