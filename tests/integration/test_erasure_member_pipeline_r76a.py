"""Blind probe r76a, F2 through the whole pipeline (eager Celery, real documents): a guarantor erased on their own
leaves the household screened again without them, and nothing of them in its report, the others' exports or pages."""

from __future__ import annotations

import json
from typing import Any

import pytest
from rest_framework.test import APIClient

from applicants.models import Applicant, Application, ApplicationStatus, Role
from screening.models import ScreeningReport
from tests.integration.test_households import Member, _mail_to_eml_files, apply  # noqa: F401  (the mail fixture)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.ocr]


def test_a_guarantor_erased_on_their_own_leaves_the_tenants_screened_again_without_them(
    alice_api: APIClient, celery_eager: None
) -> None:
    lead, partner, guarantor = Member(131, "1700"), Member(132, "1800"), Member(133, "3200")
    token, body = apply(alice_api, lead, [("CO_TENANT", partner), ("GUARANTOR", guarantor)])
    application_id = body["application_id"]
    first = ScreeningReport.objects.get(application_id=application_id)
    erased = Applicant.objects.get(application_id=application_id, role=Role.GUARANTOR)
    assert guarantor.person.nif in json.dumps([first.checks, first.justification], ensure_ascii=False)

    assert alice_api.delete(f"/api/v1/applicants/{erased.id}").status_code == 204

    [report] = ScreeningReport.objects.filter(application_id=application_id)
    assert report.id != first.id
    assert [member["role"] for member in report.household["members"]] == [Role.TENANT, Role.CO_TENANT]
    assert not report.household.get("guarantor")
    assert report.average_monthly_income == lead.average_net + partner.average_net
    assert Application.objects.get(id=application_id).status == ApplicationStatus.COMPLETED
    people = Applicant.objects.filter(application_id=application_id)
    held: list[Any] = [report.justification, report.checks, report.household, report.authenticity]
    held += [alice_api.get(f"/api/v1/applicants/{person.id}/export").json() for person in people]
    held += [alice_api.get(f"/api/v1/applications/{application_id}").json()]
    held += [APIClient().get(f"/api/v1/intake/{token}/status").json()]
    text = json.dumps(held, ensure_ascii=False, default=str)
    traces = [str(erased.id), guarantor.person.nif, guarantor.person.full_name]
    assert [trace for trace in traces if trace in text] == []
    assert lead.person.nif in text and partner.person.nif in text


def test_the_lead_erased_on_their_own_leaves_the_co_tenant_screened_alone_as_the_lead(
    alice_api: APIClient, celery_eager: None
) -> None:
    lead, partner = Member(134, "1700"), Member(135, "2400")
    token, body = apply(alice_api, lead, [("CO_TENANT", partner)])
    application_id = body["application_id"]
    erased = Applicant.objects.get(application_id=application_id, role=Role.TENANT)

    assert alice_api.delete(f"/api/v1/applicants/{erased.id}").status_code == 204

    [new_lead] = Applicant.objects.filter(application_id=application_id)
    assert new_lead.role == Role.TENANT and new_lead.nif == partner.person.nif
    [report] = ScreeningReport.objects.filter(application_id=application_id)
    assert report.applicant_id == new_lead.id
    assert report.average_monthly_income == partner.average_net
    assert Application.objects.get(id=application_id).status == ApplicationStatus.COMPLETED
    export = alice_api.get(f"/api/v1/applicants/{new_lead.id}/export").json()
    held = [report.justification, report.checks, report.household, report.authenticity, export]
    text = json.dumps(held, ensure_ascii=False, default=str)
    assert [trace for trace in (str(erased.id), lead.person.nif, lead.person.full_name) if trace in text] == []
    read = APIClient().get(f"/api/v1/intake/{token}/status")
    assert (read.status_code, read.json()["code"]) == (410, "data_erased")
