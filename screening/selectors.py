from __future__ import annotations

from typing import Any

from applicants.models import Applicant, ApplicantStatus, Organization
from screening.models import ScreeningReport


def report_latest(*, applicant: Applicant) -> ScreeningReport | None:
    """The current report: the newest one (older ones are history)."""
    return (
        ScreeningReport.objects.filter(applicant=applicant, organization_id=applicant.organization_id)
        .order_by("-created_at")
        .first()
    )


def pipeline_overview(*, organization: Organization | None = None, limit: int = 50) -> dict[str, Any]:
    """Counts by state, oldest in-flight work, stuck and failed items (ops; ids and reasons only).

    ``organization=None`` is the ops (all agencies) view; admin passes the
    staff user's agency.
    """
    from django.db.models import Count, Min

    from documents.models import Document, DocumentStatus
    from documents.services import stale_claim_cutoff
    from screening.models import OutboxEvent

    applicants = Applicant.objects.all()
    documents = Document.objects.all()
    outbox = OutboxEvent.objects.all()
    if organization is not None:
        applicants = applicants.filter(organization=organization)
        documents = documents.filter(organization=organization)
        outbox = outbox.filter(organization=organization)
    cutoff = stale_claim_cutoff()
    in_flight = applicants.filter(status=ApplicantStatus.PROCESSING)
    stuck = [
        {"type": "applicant", "id": str(a.id), "since": a.processing_started_at or a.created_at}
        for a in in_flight.filter(processing_started_at__lt=cutoff).order_by("processing_started_at")[:limit]
    ] + [
        {"type": "document", "id": str(d.id), "since": d.claimed_at, "applicant_id": str(d.applicant_id)}
        for d in documents.filter(status=DocumentStatus.EXTRACTING, claimed_at__lt=cutoff).order_by("claimed_at")[
            :limit
        ]
    ]
    failed = [
        {"type": "applicant", "id": str(a.id), "reason": a.failure_reason, "since": a.updated_at}
        for a in applicants.filter(status=ApplicantStatus.FAILED).order_by("-updated_at")[:limit]
    ] + [
        {
            "type": "document",
            "id": str(d.id),
            "reason": d.error,
            "since": d.updated_at,
            "applicant_id": str(d.applicant_id),
        }
        for d in documents.filter(status=DocumentStatus.FAILED).order_by("-updated_at")[:limit]
    ]
    return {
        "applicants": {
            row["status"]: row["n"] for row in applicants.values("status").annotate(n=Count("id")).order_by("status")
        },
        "documents": {
            row["status"]: row["n"] for row in documents.values("status").annotate(n=Count("id")).order_by("status")
        },
        "outbox_pending": outbox.filter(sent_at__isnull=True).count(),
        "oldest_in_flight": in_flight.aggregate(oldest=Min("processing_started_at"))["oldest"],
        "stuck": stuck,
        "failed": failed,
    }
