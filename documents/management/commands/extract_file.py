"""``manage.py extract_file PATH [--document-type ...]``: print what the extractor reads, as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from documents.extraction.backends import extractor
from documents.extraction.errors import ExtractionFailed, ExtractionUnavailable


class Command(BaseCommand):
    help = "Extract one local file with the configured backend and print the JSON result."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path")
        parser.add_argument("--document-type", choices=["ID_DOCUMENT", "PROOF_OF_INCOME"], default="PROOF_OF_INCOME")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(f"no such file: {path}")
        try:
            result = extractor().extract(path.read_bytes(), document_type=options["document_type"])
        except ExtractionFailed as exc:
            raise CommandError(f"extraction failed: {exc.reason}") from exc
        except ExtractionUnavailable as exc:
            raise CommandError(f"extraction backend unavailable: {exc}") from exc
        self.stdout.write(json.dumps(result.as_output(), ensure_ascii=False, indent=2))
