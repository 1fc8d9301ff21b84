"""``manage.py requeue_stuck [--only-processing]``: re-queue stuck (and failed) applicants without a report."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from screening.services import pipeline_sweep
from workspace.services import requeue_stuck


class Command(BaseCommand):
    help = "Release stale claims, then re-queue applicants stuck in PROCESSING (and FAILED ones) that have no report."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--only-processing", action="store_true", help="leave FAILED applicants alone")

    def handle(self, *args: Any, **options: Any) -> None:
        swept = pipeline_sweep()
        queued = requeue_stuck(include_failed=not options["only_processing"])
        self.stdout.write(
            f"released {swept.documents_released} stale document claim(s); re-queued {len(queued)} applicant(s)"
        )
        for applicant_id in queued:
            self.stdout.write(f"  {applicant_id}")
