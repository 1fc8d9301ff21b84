"""``manage.py export_applicant <id> [--output FILE | --pdf FILE] [--by COLLEAGUE]``: subject-access export as JSON, or
as the PDF the person reads (``--pdf``, ADR 047); audited either way."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from applicants.management.agencies import agency_staff_named
from applicants.management.database import DatabaseCommand
from applicants.models import Applicant
from workspace.export_pdf import applicant_export_pdf
from workspace.management.arguments import full_uuid
from workspace.retention import applicant_export


class Command(DatabaseCommand):
    help = "Write everything held about one applicant as JSON (GDPR art. 15)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("applicant_id", type=full_uuid)
        written = parser.add_mutually_exclusive_group()
        written.add_argument("--output", help="file to write the JSON to (default: standard output)")
        written.add_argument("--pdf", metavar="FILE", help="write the readable copy (PDF, pt-PT) to FILE instead")
        parser.add_argument(
            "--by",
            metavar="COLLEAGUE",
            help="e-mail or username of the agency's colleague running the export: the audit row names them",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            applicant = Applicant.objects.select_related("organization", "form_request").get(id=options["applicant_id"])
        except (Applicant.DoesNotExist, ValueError) as exc:
            raise CommandError("no such applicant") from exc
        # Resolved before the export: an unknown name refuses it, no row written without its author.
        actor = agency_staff_named(applicant.organization, options["by"]) if options["by"] is not None else None
        if options["pdf"]:
            rendered = applicant_export_pdf(applicant=applicant, actor=actor, via="shell")
            Path(options["pdf"]).write_bytes(rendered.content)
            self.stdout.write(f"written to {options['pdf']}")
            return
        export = applicant_export(applicant=applicant, actor=actor, audit_details={"via": "shell", "format": "json"})
        text = json.dumps(export, ensure_ascii=False, indent=2, default=str)
        if options["output"]:
            Path(options["output"]).write_text(text, encoding="utf-8")
            self.stdout.write(f"written to {options['output']}")
        else:
            self.stdout.write(text)
