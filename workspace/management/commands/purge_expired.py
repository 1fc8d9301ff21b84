"""``manage.py purge_expired [--dry-run]``: delete applicants past their agency's retention period."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandError, CommandParser

from applicants.management.database import DatabaseCommand
from workspace.retention import purge_expired


class Command(DatabaseCommand):
    help = "Delete applicants (rows and stored files) past their agency's retention period; audited."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="count only")

    def handle(self, *args: Any, **options: Any) -> None:
        result = purge_expired(dry_run=options["dry_run"])
        verb = "would delete" if options["dry_run"] else "deleted"
        self.stdout.write(
            f"{verb} {result.applicants} applicant(s) and {result.files} stored file(s); "
            f"{result.audit_events} audit row(s) and {result.admin_log_entries} admin log row(s) past "
            f"AUDIT_RETENTION_DAYS, {result.upload_slots} used-up upload slot(s)"
        )
        if result.failed_organizations:
            # The others were purged; a non-zero exit makes cron and CI notice the rest.
            raise CommandError(f"{result.failed_organizations} agency(ies) could not be purged; see the log")
