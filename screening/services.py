"""Screening writes: run the graph for an applicant and store the report with its event."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import structlog
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from applicants.models import (
    Applicant,
    ApplicantStatus,
    Application,
    ApplicationStatus,
    InfoRequest,
    stale_claim_cutoff,
)
from applicants.notifications import StaffNotice, staff_notify
from applicants.services import applicant_fail
from applicants.task_base import heartbeat
from documents.models import Document
from screening.assessors import Assessor, assessor_from_settings
from screening.metrics import SCREENING_SECONDS
from screening.models import OutboxEvent, PipelineRun, ScreeningReport
from screening.outbox import outbox_relay
from screening.rules import RULES_VERSION
from screening.rules.report import changes_sentence
from screening.selectors import screening_state_build

if TYPE_CHECKING:  # the graph imports langgraph: loaded by the worker that screens, not by every process
    from screening.graph import ScreeningState

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
    stay as history. The step is claimed (``PipelineRun.screening_claimed_at``,
    kept fresh by a heartbeat while the graph runs), so a duplicate delivery
    arriving meanwhile skips instead of calling the model provider again.
    """
    log = logger.bind(applicant_id=str(applicant_id))
    current = report_current_id(applicant_id)
    if not force and current is not None:
        log.info("screening.skipped", reason="report exists")
        return None
    if force and current != supersedes:
        # A forced run names the report it replaces; ``force`` alone (a hand-sent message) replaces nothing.
        log.info("screening.skipped", reason="forced run's report not current", supersedes=supersedes)
        return None
    if not screening_claim(applicant_id=applicant_id):
        log.info("screening.skipped", reason="claimed by another worker")
        return None
    try:
        household = Applicant.objects.household_of(applicant_id).values("id")
        if Document.objects.filter(applicant_id__in=household).not_extracted_yet().exists():
            raise DocumentsNotReady(str(applicant_id))
        applicant = Applicant.objects.select_related("organization", "form_request").get(id=applicant_id)
        assessor = assessor or assessor_from_settings()
        with SCREENING_SECONDS.labels(backend=settings.SCREENING_BACKEND).time():
            with heartbeat(lambda: screening_heartbeat(applicant_id=applicant_id)):
                from screening.graph import run_screening

                state = run_screening(screening_state_build(applicant=applicant, today=today), assessor)
            return report_store(
                applicant_id=applicant.id, state=state, assessor=assessor, force=force, supersedes=supersedes
            )
    finally:
        PipelineRun.objects.filter(applicant_id=applicant_id).update(screening_claimed_at=None)


def pipeline_run_for(*, applicant_id: uuid.UUID | str) -> PipelineRun:
    """The applicant's run row; applicants queued before runs were recorded get one on first use."""
    run, _ = PipelineRun.objects.get_or_create(applicant_id=applicant_id)
    return run


def screening_claim(*, applicant_id: uuid.UUID | str) -> bool:
    """Take the screening step with one conditional update: free, or held by a silent (dead) worker."""
    pipeline_run_for(applicant_id=applicant_id)
    now = timezone.now()
    return (
        PipelineRun.objects.filter(applicant_id=applicant_id)
        .filter(Q(screening_claimed_at__isnull=True) | Q(screening_claimed_at__lt=stale_claim_cutoff(now)))
        .update(screening_claimed_at=now, heartbeat_at=now)
        == 1
    )


def screening_heartbeat(*, applicant_id: uuid.UUID | str) -> None:
    now = timezone.now()
    PipelineRun.objects.filter(applicant_id=applicant_id, screening_claimed_at__isnull=False).update(
        screening_claimed_at=now, heartbeat_at=now
    )


def pipeline_run_start(*, applicant_id: uuid.UUID | str, force: bool, supersedes: str | None) -> None:
    """Record a run being queued (a submission or a person's re-run): alive now, recoveries counted afresh.

    One upsert (``INSERT ... ON CONFLICT DO UPDATE``): ``update_or_create`` took a
    locking read and two savepoints in the submission's transaction, and under
    a race it could still meet the other's insert. ``recovered_at`` is kept.
    """
    run = PipelineRun(
        applicant_id=applicant_id,
        force=force,
        supersedes=supersedes or "",
        heartbeat_at=timezone.now(),
        screening_claimed_at=None,
        recoveries=0,
    )
    PipelineRun.objects.bulk_create(
        [run],
        update_conflicts=True,
        unique_fields=["applicant"],
        update_fields=["force", "supersedes", "heartbeat_at", "screening_claimed_at", "recoveries"],
    )


def pipeline_run_expect(*, applicant_id: uuid.UUID | str, at: dt.datetime) -> None:
    """A retry waits on the broker until ``at``: the run counts as alive until then."""
    pipeline_run_for(applicant_id=applicant_id)
    PipelineRun.objects.filter(applicant_id=applicant_id, heartbeat_at__lt=at).update(heartbeat_at=at)


@dataclass(frozen=True)
class Recovery:
    """What the sweep decided for one stalled applicant: send the run again, or it failed at the cap."""

    requeue: bool
    force: bool = False
    supersedes: str | None = None


def stalled_reason(recoveries: int) -> str:
    """Why the sweep gave up: a worker killed each time, or an outage the task's retries left to it that outlasted
    every recovery (a storage volume, the database, the document reader's or the analysis provider away;
    docs/adr/009, amended after blind probe r58a and for provider outages)."""
    return (
        f"O processamento parou {recoveries + 1} vezes sem terminar (trabalhador interrompido, ou armazenamento, "
        "base de dados ou serviço externo indisponíveis?). Pode reprocessar a candidatura."
    )


@transaction.atomic
def pipeline_run_recover(*, applicant_id: uuid.UUID | str, cutoff: dt.datetime) -> Recovery | None:
    """Count one recovery of a stalled applicant, or fail it once ``PIPELINE_MAX_RECOVERIES`` are spent.

    The caller found it stalled (``screening.selectors.stalled_applicants``)
    and sends the run again after this commits. The applicant's and the run's
    rows are locked and the run's silence checked again, so two sweeps never
    recover the same stall twice. None when there is nothing to do any more.
    """
    applicant = Applicant.objects.select_for_update().filter(id=applicant_id).first()
    if applicant is None or applicant.status != ApplicantStatus.PROCESSING:
        return None
    run, _ = PipelineRun.objects.select_for_update().get_or_create(
        applicant_id=applicant_id, defaults={"heartbeat_at": applicant.processing_started_at or applicant.created_at}
    )
    if run.heartbeat_at >= cutoff:
        return None
    if run.recoveries >= settings.PIPELINE_MAX_RECOVERIES:
        applicant_fail(applicant_id=applicant_id, reason=stalled_reason(run.recoveries))
        logger.warning("pipeline.recovery_exhausted", applicant_id=str(applicant_id), recoveries=run.recoveries)
        return Recovery(requeue=False)
    now = timezone.now()
    run.recoveries += 1
    run.recovered_at = run.heartbeat_at = now
    run.screening_claimed_at = None
    run.save(update_fields=["recoveries", "recovered_at", "heartbeat_at", "screening_claimed_at"])
    logger.warning("pipeline.recovered", applicant_id=str(applicant_id), recoveries=run.recoveries)
    return Recovery(requeue=True, force=run.force, supersedes=run.supersedes or None)


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
    resubmission = answered_since_report(applicant=applicant, report_id=current)
    justification = report["justification"]
    if resubmission and report["language"] == "pt-PT":
        # The documents asked for came: say what they changed (a manager otherwise sets two reports side by side).
        justification = " ".join(
            filter(None, [justification, changes_since_report(report_id=current, identity=identity, state=state)])
        )
    screening_report = ScreeningReport.objects.create(
        organization_id=applicant.organization_id,
        applicant=applicant,
        application_id=applicant.application_id,
        household=household_summary(state),
        authenticity=income.get("authenticity") or [],
        risk_level=affordability["risk_level"],
        identity_verified=identity["verified"],
        income_verified=income["verified"],
        dti_ratio=Decimal(dti) if dti is not None else None,
        average_monthly_income=Decimal(average) if average is not None else None,
        justification=justification,
        justification_language=report["language"],
        checks=[*identity["checks"], *income["checks"], *affordability["checks"]],
        backend=assessor.backend,
        model_name=assessor.model_name,
        prompt_version=assessor.prompt_version,
        rules_version=RULES_VERSION,
        resubmission=resubmission,
    )
    applicant.status = ApplicantStatus.COMPLETED
    applicant.risk_level = screening_report.risk_level
    applicant.failure_reason = ""
    applicant.save(update_fields=["status", "risk_level", "failure_reason", "updated_at"])
    if applicant.application_id is not None:
        Applicant.objects.filter(application_id=applicant.application_id).exclude(id=applicant.id).update(
            status=ApplicantStatus.COMPLETED, risk_level=screening_report.risk_level, failure_reason=""
        )
        Application.objects.filter(id=applicant.application_id).update(
            status=ApplicationStatus.COMPLETED, updated_at=timezone.now()
        )
    OutboxEvent.objects.create(
        organization_id=applicant.organization_id,
        event_type=APPLICANT_SCREENED,
        payload=applicant_screened_payload(applicant=applicant, report=screening_report),
    )
    transaction.on_commit(outbox_relay_kick)
    notice = StaffNotice.RESUBMISSION if resubmission else StaffNotice.REPORT_READY
    organization_id, lead_id = applicant.organization_id, applicant.id
    transaction.on_commit(lambda: staff_notify(organization_id=organization_id, notice=notice, applicant_id=lead_id))
    # The id without the outcome: a log line outlives an erasure under the operator's own log retention, and with
    # the risk level beside the id it kept what the product erased (blind probe r76a, F3). The report has it.
    logger.info("screening.done", applicant_id=str(applicant.id), report_id=str(screening_report.id))
    return screening_report


def changes_since_report(*, report_id: str | None, identity: dict[str, Any], state: ScreeningState) -> str:
    """The sentence saying what a resubmission's report changed against the report before the new documents."""
    previous = ScreeningReport.objects.filter(id=report_id).first() if report_id is not None else None
    if previous is None:
        return ""
    before = {
        "risk_level": previous.risk_level,
        "identity_verified": previous.identity_verified,
        "average_monthly_income": previous.average_monthly_income,
        "income_verified": previous.income_verified,
        "dti_ratio": previous.dti_ratio,
        "guarantor": (previous.household or {}).get("guarantor"),
        "created_at": timezone.localtime(previous.created_at).date(),
    }
    after = {
        "risk_level": state["affordability"]["risk_level"],
        "identity_verified": identity["verified"],
        "average_monthly_income": state["income"]["average_monthly_income"],
        "income_verified": state["income"]["verified"],
        "dti_ratio": state["affordability"]["dti_ratio"],
        "guarantor": household_summary(state).get("guarantor"),
    }
    return changes_sentence(before, after)


def answered_since_report(*, applicant: Applicant, report_id: str | None) -> bool:
    """Whether someone in the household answered a request for more documents after ``report_id``
    was written: the new report is then a resubmission, and staff see it flagged."""
    if report_id is None:
        return False
    previous = ScreeningReport.objects.filter(id=report_id).values_list("created_at", flat=True).first()
    if previous is None:
        return False
    return InfoRequest.objects.filter(
        applicant__in=Applicant.objects.household_of(applicant.id), answered_at__gt=previous
    ).exists()


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
        "application_id": str(applicant.application_id) if applicant.application_id else None,
        "member_ids": [str(member.get("applicant_id")) for member in report.household.get("members", [])]
        or [str(applicant.id)],
    }


def household_summary(state: ScreeningState) -> dict[str, Any]:
    """What a household report keeps besides the single-person columns; empty for one person."""
    if len(state.get("members") or ()) <= 1:
        return {}
    affordability = state["affordability"]
    return {
        "household_monthly_income": affordability["household_monthly_income"],
        "monthly_cost": affordability["monthly_cost"],
        "members": affordability["members"],
        "guarantor": affordability["guarantor"],
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
