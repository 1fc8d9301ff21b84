from __future__ import annotations

from applicants.models import Applicant
from screening.models import ScreeningReport


def report_latest(*, applicant: Applicant) -> ScreeningReport | None:
    """The current report: the newest one (older ones are history)."""
    return (
        ScreeningReport.objects.filter(applicant=applicant, organization_id=applicant.organization_id)
        .order_by("-created_at")
        .first()
    )
