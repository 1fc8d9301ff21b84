"""Prometheus instruments the extraction step observes (exported by ``workspace.metrics``)."""

from __future__ import annotations

from prometheus_client import Histogram

# Labels are the document type and the final status: both small fixed sets, never ids or PII.
EXTRACTION_SECONDS = Histogram(
    "document_extraction_duration_seconds",
    "Time to read one document, by document type and final status.",
    ["document_type", "status"],
    buckets=(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600),
)
