"""Blind probe r76a, F3 and U6: what outlives an erased person says nothing of their outcome and has a period.

- F3: the run log kept ``screening.done applicant_id=... risk_level=HIGH``, an erased person's id beside their
  outcome, under the operator's log retention; Django admin's log rows of an erasure ("Remover": the applicant's id,
  "Candidato 43b21f97", the time) had no period at all.
- U6: the retention purge's audit row gave no reason where an erasure's says ``erasure_request``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from structlog.testing import capture_logs

from applicants.models import Applicant, ApplicantStatus, AuditAction, AuditEvent
from applicants.services import AgencyCredentials, decision_record
from screening.tasks import screen_applicant_task
from tests.factories import ApplicantFactory, IntakeFormRequestFactory
from workspace.retention import applicant_erase, purge_expired

pytestmark = pytest.mark.django_db


def test_the_screening_log_line_names_the_applicant_without_their_outcome() -> None:
    applicant: Applicant = ApplicantFactory(status=ApplicantStatus.PROCESSING)  # type: ignore[assignment]
    with capture_logs() as logs:
        screen_applicant_task.apply(args=(str(applicant.id),))
    done = [entry for entry in logs if entry["event"] == "screening.done"]
    assert done and done[0]["applicant_id"] == str(applicant.id)
    assert not {"risk_level", "dti_ratio", "identity_verified", "income_verified"} & set(done[0])
    assert done[0]["report_id"]  # what ops need to find the outcome while it exists: the report's id


def removal_logged(applicant: Any, *, user: Any, days_ago: int) -> LogEntry:
    # As the admin's "Remover" writes it (ModelAdmin.log_deletions), dated back.
    entry = LogEntry.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(Applicant),
        object_id=str(applicant.id),
        object_repr=str(applicant),
        action_flag=DELETION,
    )
    LogEntry.objects.filter(id=entry.id).update(action_time=timezone.now() - dt.timedelta(days=days_ago))
    return entry


def test_admin_log_rows_go_after_the_audit_rows_period_and_not_before(alice: AgencyCredentials, settings: Any) -> None:
    settings.AUDIT_RETENTION_DAYS = 1825
    old = removal_logged(ApplicantFactory(), user=alice.user, days_ago=1826)
    recent = removal_logged(ApplicantFactory(), user=alice.user, days_ago=1824)

    assert purge_expired(dry_run=True).admin_log_entries == 1
    assert LogEntry.objects.filter(id=old.id).exists()

    assert purge_expired().admin_log_entries == 1
    assert list(LogEntry.objects.values_list("id", flat=True)) == [recent.id]
    assert recent.object_repr.startswith("Candidato ")  # an id, never a name: the reason it may stay that long


def test_the_retention_purges_audit_row_gives_its_reason_as_an_erasures_does(alice: AgencyCredentials) -> None:
    expired: Applicant = ApplicantFactory(  # type: ignore[assignment]
        form_request=IntakeFormRequestFactory(organization=alice.organization), status=ApplicantStatus.COMPLETED
    )
    decision = decision_record(
        applicant=expired, decided_by=alice.user, report_id=None, decision="REJECTED", reason="x"
    )
    decision.__class__.objects.filter(id=decision.id).update(decided_at=timezone.now() - dt.timedelta(days=3000))
    erased: Applicant = ApplicantFactory(  # type: ignore[assignment]
        form_request=IntakeFormRequestFactory(organization=alice.organization), status=ApplicantStatus.COMPLETED
    )

    assert purge_expired().applicants == 1
    applicant_erase(applicant=erased, actor=alice.user)

    purged, erasure = AuditEvent.objects.filter(action=AuditAction.PURGED).order_by("created_at")
    assert purged.details == {
        "reason": "retention_period",
        "applicants": 1,
        "files": 0,
        "applicant_ids": [str(expired.id)],
    }
    assert erasure.details["reason"] == "erasure_request"
