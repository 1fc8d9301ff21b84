"""Blind probe r64b (a DPO's audit): the subject-access export holds everything about the person (F3), and what
outlives a purge is pruned after its own documented period (F5)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any, cast

import pytest
from django.test import Client, override_settings
from django.utils import timezone
from rest_framework.test import APIClient

from applicants.models import (
    Applicant,
    ApplicantStatus,
    AuditAction,
    AuditEvent,
    Contest,
    ContestStatus,
    Decision,
    FormStatus,
    InfoRequest,
    Role,
)
from applicants.services import AgencyCredentials
from documents.models import UploadSlot
from screening.explanation import applicant_explanation
from screening.models import ScreeningReport
from tests.factories import ApplicantFactory, IntakeFormRequestFactory
from tests.integration.test_erasure import applicant_with_a_file
from tests.integration.test_privacy_c27 import a_household, check, export_of, household_report
from workspace import retention

pytestmark = pytest.mark.django_db


def with_a_second_round(applicant: Applicant, staff: Any) -> None:
    """A ``MORE_INFO`` request with its message and note, and a contest the agency answered."""
    decision = Decision.objects.create(organization=applicant.organization, applicant=applicant,
                                       decision="MORE_INFO", reason="interno", decided_by=staff)  # fmt: skip
    InfoRequest.objects.create(
        organization=applicant.organization, applicant=applicant, decision=decision, message="MENSAGEM-X1",
        requested_documents=[{"document_type": "PROOF_OF_INCOME", "note": "NOTA-X1"}], token_hash="h" * 64,
        due_at=timezone.now() + dt.timedelta(days=7),
    )  # fmt: skip
    Contest.objects.create(organization=applicant.organization, applicant=applicant, message="CONTESTO-X1",
                           status=ContestStatus.ANSWERED, answer="RESPOSTA-X1", answered_by=staff,
                           answered_at=timezone.now())  # fmt: skip


def one_person_report(applicant: Applicant) -> ScreeningReport:
    return cast(
        ScreeningReport,
        ScreeningReport.objects.create(
            organization_id=applicant.organization_id,
            applicant=applicant,
            risk_level="LOW",
            identity_verified=True,
            income_verified=True,
            dti_ratio=Decimal("0.3"),
            average_monthly_income=Decimal("3000"),
            justification="Risco baixo.",
            checks=[check("identity.nif_match", None)],
            backend="rules",
            rules_version="t",
        ),
    )


# --- F3: the export holds the person's requests, contests, explanation and files -----------------------------


def test_the_export_holds_the_persons_requests_contests_and_the_agencys_answers(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    """Probe r64b F3: ``CONTESTO-X1 False``, ``RESPOSTA-X1 False``, ``MENSAGEM-X1 False``, ``NOTA-X1 False``."""
    applicant, _ = applicant_with_a_file(alice)
    with_a_second_round(applicant, alice.user)
    export = export_of(alice_api, applicant)
    [request] = export["requests_for_documents"]
    assert request["message"] == "MENSAGEM-X1" and request["requested_documents"][0]["note"] == "NOTA-X1"
    assert request["due_at"] and request["status"] == "OPEN" and request["answered_at"] is None
    [contest] = export["contests"]
    assert (contest["message"], contest["answer"], contest["status"]) == ("CONTESTO-X1", "RESPOSTA-X1", "ANSWERED")
    assert contest["answered_at"] and "answered_by" not in contest


def test_the_export_holds_the_explanation_the_person_is_shown(alice: AgencyCredentials, alice_api: APIClient) -> None:
    applicant, _ = applicant_with_a_file(alice)
    assert export_of(alice_api, applicant)["explanation"] is None  # no report yet
    report = one_person_report(applicant)
    explanation = export_of(alice_api, applicant)["explanation"]
    assert explanation == json.loads(json.dumps(applicant_explanation(applicant=applicant, report=report)))
    assert explanation["checks"] and explanation["dti_ratio"] == 0.3


def test_the_export_links_each_document_to_its_file_for_a_few_minutes(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    applicant, _ = applicant_with_a_file(alice)
    [document] = export_of(alice_api, applicant)["documents"]
    assert document["download_expires_at"]
    path = document["download_url"].split("://", 1)[-1].split("/", 1)[-1]
    response = Client().get("/" + path)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4"  # type: ignore[attr-defined]


def test_one_of_two_tenants_gets_their_own_explanation_without_the_households_figures(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    """The household's ratio and what would change it give the combined income back, and with it the other
    tenant's; the export keeps this person's own entries only (``_export_household_report``'s rule)."""
    lead, [co_tenant] = a_household(alice, Role.CO_TENANT)
    household_report(lead, [co_tenant], income="1450.00", dti="0.5172")
    with_a_second_round(lead, alice.user)
    for person, other in ((lead, co_tenant), (co_tenant, lead)):
        export = export_of(alice_api, person)
        explanation = export["explanation"]
        assert explanation["dti_ratio"] is None and explanation["what_would_change"] == []
        assert {entry["name"] for entry in explanation["checks"]} <= {"identity", "income"}
        text = json.dumps(export, ensure_ascii=False)
        assert other.nif not in text and other.name not in text and str(other.id) not in text
    assert export_of(alice_api, co_tenant)["contests"] == []  # the lead's contest is the lead's


def test_a_guarantor_keeps_their_own_explanation_whole(alice: AgencyCredentials, alice_api: APIClient) -> None:
    lead, [guarantor] = a_household(alice, Role.GUARANTOR)
    report = household_report(lead, [guarantor], income="850.00", dti="0.8824")
    explanation = export_of(alice_api, guarantor)["explanation"]
    assert explanation == json.loads(json.dumps(applicant_explanation(applicant=guarantor, report=report)))
    assert explanation["dti_ratio"] == 0.375


# --- F5: the audit trail and the upload-slot rows are pruned after their own period ---------------------------


@override_settings(AUDIT_RETENTION_DAYS=30)
def test_the_purge_prunes_audit_rows_past_the_audit_retention(alice: AgencyCredentials) -> None:
    old = AuditEvent.objects.create(organization=alice.organization, action=AuditAction.EXPORTED,
                                    target_type="applicant", target_id="a")  # fmt: skip
    AuditEvent.objects.filter(id=old.id).update(created_at=timezone.now() - dt.timedelta(days=31))
    recent = AuditEvent.objects.create(organization=alice.organization, action=AuditAction.EXPORTED,
                                       target_type="applicant", target_id="b")  # fmt: skip
    assert retention.purge_expired(dry_run=True).audit_events == 1
    assert AuditEvent.objects.filter(id=old.id).exists()
    assert retention.purge_expired().audit_events == 1
    assert not AuditEvent.objects.filter(id=old.id).exists() and AuditEvent.objects.filter(id=recent.id).exists()


def slot(form: Any, *, expired_days_ago: int) -> UploadSlot:
    return UploadSlot.objects.create(form_request=form, key=f"uploads/{form.id}/{expired_days_ago}-{form.status}.pdf",
                                     expires_at=timezone.now() - dt.timedelta(days=expired_days_ago))  # fmt: skip


@override_settings(INTAKE_UPLOAD_RETENTION_DAYS=1)
def test_the_purge_prunes_upload_slot_rows_no_link_can_use_once_their_files_retention_is_over(
    alice: AgencyCredentials,
) -> None:
    past = timezone.now() - dt.timedelta(days=5)
    expired_form = IntakeFormRequestFactory(organization=alice.organization, expires_at=past)
    erased_form = IntakeFormRequestFactory(organization=alice.organization, status=FormStatus.COMPLETED)
    open_form = IntakeFormRequestFactory(organization=alice.organization)
    submitted_form = IntakeFormRequestFactory(organization=alice.organization, status=FormStatus.COMPLETED)
    ApplicantFactory(form_request=submitted_form, status=ApplicantStatus.COMPLETED)
    gone = [slot(expired_form, expired_days_ago=3), slot(erased_form, expired_days_ago=3)]
    kept = [
        slot(expired_form, expired_days_ago=0),  # its file's retention is not over
        slot(open_form, expired_days_ago=3),  # counts the open form's quota
        slot(submitted_form, expired_days_ago=3),  # counts a second round's quota
    ]
    assert retention.purge_expired().upload_slots == 2
    assert not UploadSlot.objects.filter(id__in=[s.id for s in gone]).exists()
    assert UploadSlot.objects.filter(id__in=[s.id for s in kept]).count() == 3
