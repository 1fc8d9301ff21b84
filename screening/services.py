"""Screening writes: run the graph for an applicant and store the report with its event."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

import structlog
from django.db import transaction
from django.utils import timezone

from applicants.models import Applicant, ApplicantStatus
from documents.models import Document, DocumentStatus
from screening.graph import Assessor, ScreeningState, assessor_from_settings, run_screening
from screening.models import OutboxEvent, ScreeningReport
from screening.rules import RULES_VERSION

logger = structlog.get_logger(__name__)

APPLICANT_SCREENED = "APPLICANT_SCREENED"


class DocumentsNotReady(Exception):
    """Some documents are still being extracted; screening waits (retried)."""


def screening_state_build(*, applicant: Applicant, today: dt.date | None = None) -> ScreeningState:
    """The graph's input: plain dicts, decrypted in memory only."""
    organization = applicant.organization
    form = applicant.form_request
    documents = []
    for document in Document.objects.filter(applicant=applicant).select_related("extracted").order_by("created_at"):
        extracted = getattr(document, "extracted", None) if document.status == DocumentStatus.EXTRACTED else None
        documents.append(
            {
                "document_id": str(document.id),
                "document_type": document.document_type,
                "status": document.status,
                "kind": extracted.kind if extracted else None,
                "fields": extracted.fields if extracted else {},
                "warnings": extracted.warnings if extracted else [],
                "confidence": extracted.confidence if extracted else {},
            }
        )
    return {
        "applicant": {
            "nif": applicant.nif,
            "name": applicant.name,
            "date_of_birth": applicant.date_of_birth.isoformat(),
        },
        "property": {
            "listing_type": form.listing_type,
            "price": str(form.property_price),
            "title": form.property_title,
        },
        "thresholds": {
            "dti_high": str(organization.dti_high_threshold),
            "dti_medium": str(organization.dti_medium_threshold),
            "id_expiry_warning_days": organization.id_expiry_warning_days,
            "sale_loan_to_value": str(organization.sale_loan_to_value),
            "sale_annual_interest_rate": str(organization.sale_annual_interest_rate),
            "sale_loan_term_years": organization.sale_loan_term_years,
        },
        "today": (today or timezone.localdate()).isoformat(),
        "documents": documents,
    }


def documents_pending(*, applicant_id: uuid.UUID | str) -> int:
    return Document.objects.filter(
        applicant_id=applicant_id,
        status__in=[DocumentStatus.UPLOADED, DocumentStatus.EXTRACTING, DocumentStatus.PENDING],
    ).count()


def report_current_id(applicant_id: uuid.UUID | str) -> str | None:
    current = (
        ScreeningReport.objects.filter(applicant_id=applicant_id)
        .order_by("-created_at")
        .values_list("id", flat=True)
        .first()
    )
    return str(current) if current else None


def screen_applicant(
    *,
    applicant_id: uuid.UUID | str,
    force: bool = False,
    supersedes: str | None = None,
    assessor: Assessor | None = None,
    today: dt.date | None = None,
) -> ScreeningReport | None:
    """Screen one applicant and store the report, its event and the new status at once.

    Idempotent: without ``force`` an existing report means nothing to do; with
    ``force`` the run replaces exactly the report named by ``supersedes`` (the
    current one when the re-run was asked for), so a duplicate delivery of a
    forced run finds that report already replaced and stops. Older reports
    stay as history.
    """
    log = logger.bind(applicant_id=str(applicant_id))
    current = report_current_id(applicant_id)
    if (not force and current is not None) or (force and current != supersedes):
        log.info("screening.skipped", reason="report exists")
        return None
    if documents_pending(applicant_id=applicant_id):
        raise DocumentsNotReady(str(applicant_id))
    applicant = Applicant.objects.select_related("organization", "form_request").get(id=applicant_id)
    assessor = assessor or assessor_from_settings()
    state = run_screening(screening_state_build(applicant=applicant, today=today), assessor)
    return report_store(applicant_id=applicant.id, state=state, assessor=assessor, force=force, supersedes=supersedes)


@transaction.atomic
def report_store(
    *, applicant_id: uuid.UUID, state: ScreeningState, assessor: Assessor, force: bool, supersedes: str | None
) -> ScreeningReport | None:
    # Lock the applicant and check again: two deliveries may have raced here.
    applicant = Applicant.objects.select_for_update().get(id=applicant_id)
    current = report_current_id(applicant_id)
    if (not force and current is not None) or (force and current != supersedes):
        return None
    identity, income, affordability, report = (
        state["identity"],
        state["income"],
        state["affordability"],
        state["report"],
    )
    average = income["average_monthly_income"]
    dti = affordability["dti_ratio"]
    screening_report = ScreeningReport.objects.create(
        organization_id=applicant.organization_id,
        applicant=applicant,
        risk_level=affordability["risk_level"],
        identity_verified=identity["verified"],
        income_verified=income["verified"],
        dti_ratio=Decimal(dti) if dti is not None else None,
        average_monthly_income=Decimal(average) if average is not None else None,
        justification=report["justification"],
        justification_language=report["language"],
        checks=[*identity["checks"], *income["checks"], *affordability["checks"]],
        backend=assessor.backend,
        model_name=assessor.model_name,
        prompt_version=assessor.prompt_version,
        rules_version=RULES_VERSION,
    )
    applicant.status = ApplicantStatus.COMPLETED
    applicant.risk_level = screening_report.risk_level
    applicant.failure_reason = ""
    applicant.save(update_fields=["status", "risk_level", "failure_reason", "updated_at"])
    OutboxEvent.objects.create(
        organization_id=applicant.organization_id,
        event_type=APPLICANT_SCREENED,
        payload=applicant_screened_payload(applicant=applicant, report=screening_report),
    )
    transaction.on_commit(outbox_relay_kick)
    logger.info("screening.done", applicant_id=str(applicant.id), risk_level=screening_report.risk_level)
    return screening_report


def applicant_screened_payload(*, applicant: Applicant, report: ScreeningReport) -> dict[str, Any]:
    """The event body of API.md: ids and outcome only, never personal data."""
    return {
        "event_type": APPLICANT_SCREENED,
        "version": 1,
        "occurred_at": report.created_at.isoformat(),
        "organization_id": str(applicant.organization_id),
        "applicant_id": str(applicant.id),
        "form_request_id": str(applicant.form_request_id),
        "report_id": str(report.id),
        "risk_level": report.risk_level,
        "identity_verified": report.identity_verified,
        "income_verified": report.income_verified,
        "dti_ratio": float(report.dti_ratio) if report.dti_ratio is not None else None,
    }


def outbox_relay_kick() -> None:
    """Relay right after the report commits, in this process.

    A relay *task* would cost a broker round trip per applicant; relaying
    here is as safe (rows are claimed, consumers deduplicate) and a failure
    only leaves the event for the beat relay.
    """
    from screening.outbox import outbox_relay

    try:
        outbox_relay(batch_size=20)
    except Exception:
        logger.warning("outbox.inline_relay_failed")


def applicant_fail(*, applicant_id: uuid.UUID | str, reason: str) -> None:
    """Mark an applicant ``FAILED`` with a reason staff can read (no PII, no raw error text)."""
    Applicant.objects.filter(id=applicant_id).exclude(status=ApplicantStatus.COMPLETED).update(
        status=ApplicantStatus.FAILED, failure_reason=reason[:500], updated_at=timezone.now()
    )
