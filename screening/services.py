"""Screening writes: run the graph for an applicant and store the report with its event."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import structlog
from django.db import transaction

from applicants.models import Applicant, ApplicantStatus, stale_claim_cutoff
from documents.models import Document
from screening.assessors import Assessor, assessor_from_settings
from screening.graph import ScreeningState, run_screening
from screening.models import OutboxEvent, ScreeningReport
from screening.outbox import outbox_relay
from screening.rules import RULES_VERSION
from screening.selectors import screening_state_build

logger = structlog.get_logger(__name__)

APPLICANT_SCREENED = "APPLICANT_SCREENED"


class DocumentsNotReady(Exception):
    """Some documents are still being extracted; screening waits (retried)."""


def report_current_id(applicant_id: uuid.UUID | str) -> str | None:
    current = ScreeningReport.objects.newest_first(applicant_id=applicant_id).values_list("id", flat=True).first()
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
    if Document.objects.filter(applicant_id=applicant_id).not_extracted_yet().exists():
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
    """The event body of docs/api.md: ids and outcome only, never personal data."""
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
    try:
        outbox_relay(batch_size=20)
    except Exception:
        logger.warning("outbox.inline_relay_failed")


@dataclass(frozen=True)
class SweepResult:
    documents_released: int
    applicants_failed: int


STUCK_REASON = "O processamento ficou parado (trabalhador interrompido?). Use 'reprocessar' para tentar de novo."


def pipeline_sweep() -> SweepResult:
    """Flag work stuck past the threshold so nothing stays PROCESSING forever.

    Documents whose claim went stale go back to ``UPLOADED`` (their worker
    died); applicants in ``PROCESSING`` for too long become ``FAILED`` with a
    reason, from where ``requeue_stuck`` or a re-run picks them up.
    """
    cutoff = stale_claim_cutoff()
    released = Document.objects.stale_claims(cutoff=cutoff).release_claims()
    failed = Applicant.objects.stuck(cutoff=cutoff).update(status=ApplicantStatus.FAILED, failure_reason=STUCK_REASON)
    return SweepResult(documents_released=released, applicants_failed=failed)
