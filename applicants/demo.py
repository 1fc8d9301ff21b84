"""Demo data for `make run`: filled in by the pipeline once it exists."""

from __future__ import annotations

from typing import Any


def demo_applicant_seed(*, organization: Any, user: Any, stdout: Any) -> None:
    """Placeholder hook; the demo applicant arrives with the pipeline."""
