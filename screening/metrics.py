"""Prometheus instruments the screening step observes (exported by ``workspace.metrics``)."""

from __future__ import annotations

from prometheus_client import Histogram

# Labelled by the assessor backend only (rules or openai): a small fixed set.
SCREENING_SECONDS = Histogram(
    "applicant_screening_duration_seconds",
    "Time to run the screening graph and store the report for one applicant.",
    ["backend"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600),
)
