"""The extraction port: one ``extract`` call, two adapters (local, Reducto)."""

from __future__ import annotations

from typing import Protocol

from django.conf import settings

from documents.extraction.local import LocalExtractor
from documents.extraction.reducto import ReductoExtractor
from documents.extraction.schema import ExtractionResult


class Extractor(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def version(self) -> str: ...

    def extract(self, data: bytes, *, document_type: str) -> ExtractionResult: ...


def extractor() -> Extractor:
    """The configured backend (settings read at call time so tests can switch)."""
    if settings.EXTRACTION_BACKEND == "reducto":
        return ReductoExtractor(
            base_url=settings.REDUCTO_API_URL,
            api_key=settings.REDUCTO_API_KEY,
            timeout=settings.REDUCTO_TIMEOUT_SECONDS,
        )
    return LocalExtractor()
