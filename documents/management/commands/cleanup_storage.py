"""``manage.py cleanup_storage``: delete the stored files whose deletion is due, now (what the beat task does)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from documents.models import PendingDeletion
from documents.storage.cleanup import stored_files_delete_due


class Command(BaseCommand):
    help = "Delete due stored files (unsubmitted uploads, files of deleted documents, failed deletes); idempotent."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--limit", type=int, default=5000, help="at most this many files in one run")

    def handle(self, *args: Any, **options: Any) -> None:
        result = stored_files_delete_due(limit=options["limit"])
        waiting = PendingDeletion.objects.count()
        self.stdout.write(
            f"deleted {result.deleted} file(s), {result.failed} failed (retried later), "
            f"{result.kept} still referenced and kept; {waiting} scheduled in all"
        )
