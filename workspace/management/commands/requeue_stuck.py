"""``manage.py requeue_stuck [--only-processing]``: re-queue stuck (and failed) applicants without a report."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from workspace.services import requeue_stuck


class Command(BaseCommand):
    help = (
        "Re-queue applicants without a report that are stalled in PROCESSING (and FAILED ones), releasing their "
        "stale claims; the beat sweep does this by itself for stalled ones, up to PIPELINE_MAX_RECOVERIES times."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--only-processing", action="store_true", help="leave FAILED applicants alone")

    def handle(self, *args: Any, **options: Any) -> None:
        queued = requeue_stuck(include_failed=not options["only_processing"])
        self.stdout.write(f"re-queued {len(queued)} applicant(s)")
        for applicant_id in queued:
            self.stdout.write(f"  {applicant_id}")
