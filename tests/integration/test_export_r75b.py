"""Blind probe r75b, F1: a guarantor who joined after the lead was screened alone got the lead's one-person report,
whole, in her export (the lead's name as a payslip's owner, the lead's pay, the lead's justification). The export
lists the reports that screened the person, not every report filed under their application."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, cast

import pytest
from rest_framework.test import APIClient

from applicants.models import Applicant, ApplicantStatus, Application, AuditAction, AuditEvent, Role
from applicants.services import AgencyCredentials
from screening.models import ScreeningReport
from tests.factories import ApplicantFactory, IntakeFormRequestFactory, make_nif
from tests.integration.test_export_pdf import pdf_text, plain
from tests.integration.test_privacy_c27 import check, export_of, household_report

pytestmark = pytest.mark.django_db

LEAD_NAME = "Xavier Lameirinho"
LEAD_PAY = "1400.00"
LEAD_JUSTIFICATION = "Risco médio. Xavier Lameirinho recebe 1400,00 € líquidos."


def lead_screened_alone(credentials: AgencyCredentials) -> Applicant:
    """A lead alone in their application, screened: a one-person report, filed under the application as screening
    files every report of someone in one."""
    form = IntakeFormRequestFactory(organization=credentials.organization, property_price=Decimal("750.00"))
    application = Application.objects.create(organization=credentials.organization, form_request=form)
    lead = cast(Applicant, ApplicantFactory(form_request=form, application=application, role=Role.TENANT,
                                            name=LEAD_NAME, nif=make_nif(245_718_93),
                                            status=ApplicantStatus.COMPLETED))  # fmt: skip
    ScreeningReport.objects.create(
        organization_id=lead.organization_id, applicant=lead, application=application, risk_level="MEDIUM",
        identity_verified=True, income_verified=True, dti_ratio=Decimal("0.5357"),
        average_monthly_income=Decimal(LEAD_PAY), justification=LEAD_JUSTIFICATION,
        checks=[check("income.payslip_owner", None, value=LEAD_NAME, expected=LEAD_NAME)],
        backend="rules", rules_version="test",
    )  # fmt: skip
    return lead


def guarantor_joins(lead: Applicant) -> Applicant:
    """The guarantor staff invited afterwards, submitted and waiting for the household to be screened again."""
    return cast(Applicant, ApplicantFactory(form_request=lead.form_request, application=lead.application,
                                            role=Role.GUARANTOR, name="Yolanda Brito", nif=make_nif(212_345_67),
                                            status=ApplicantStatus.WAITING))  # fmt: skip


def nothing_of_the_lead(text: str) -> list[str]:
    return [word for word in ("Xavier", "Lameirinho", "1400", "1 400", "0.5357", "53,57") if word in text]


def test_a_guarantor_who_joined_later_gets_none_of_the_leads_earlier_report(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    lead = lead_screened_alone(alice)
    guarantor = guarantor_joins(lead)

    export = export_of(alice_api, guarantor)
    pdf = alice_api.get(f"/api/v1/applicants/{guarantor.id}/export.pdf")

    assert export["reports"] == []
    assert nothing_of_the_lead(json.dumps(export, ensure_ascii=False)) == []
    assert pdf.status_code == 200
    assert nothing_of_the_lead(plain(pdf_text(pdf.content))) == []


def test_once_the_household_is_screened_the_guarantor_gets_what_its_report_says_about_her(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    lead = lead_screened_alone(alice)
    guarantor = guarantor_joins(lead)
    household = household_report(lead, [guarantor], income="850.00", dti="0.8824")

    export = export_of(alice_api, guarantor)

    assert [(report["id"], report["role"]) for report in export["reports"]] == [(str(household.id), "GUARANTOR")]
    assert nothing_of_the_lead(json.dumps(export, ensure_ascii=False)) == []


def test_the_lead_keeps_their_own_one_person_report_and_the_households(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    lead = lead_screened_alone(alice)
    guarantor = guarantor_joins(lead)
    household_report(lead, [guarantor], income="850.00", dti="0.8824")

    reports: list[dict[str, Any]] = export_of(alice_api, lead)["reports"]

    assert [report.get("role") for report in reports] == [None, "TENANT"]  # oldest first: alone, then the household
    assert reports[0]["justification"] == LEAD_JUSTIFICATION


# --- U: HEAD on an export rendered the copy and audited an EXPORTED row for nothing sent -------------------------


@pytest.mark.parametrize("suffix", ["export", "export.pdf"])
def test_head_on_an_export_is_refused_and_audits_nothing(
    alice: AgencyCredentials, alice_api: APIClient, suffix: str
) -> None:
    lead = lead_screened_alone(alice)
    url = f"/api/v1/applicants/{lead.id}/{suffix}"

    head = alice_api.head(url)

    assert head.status_code == 405 and "HEAD" not in head["Allow"] and "GET" in head["Allow"]
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORTED, target_id=str(lead.id)).exists()
    assert alice_api.get(url).status_code == 200
    assert AuditEvent.objects.filter(action=AuditAction.EXPORTED, target_id=str(lead.id)).count() == 1


def test_head_still_answers_on_the_other_reads(alice: AgencyCredentials, alice_api: APIClient) -> None:
    lead = lead_screened_alone(alice)

    assert alice_api.head(f"/api/v1/applicants/{lead.id}").status_code == 200
    assert alice_api.head("/api/v1/applicants").status_code == 200
