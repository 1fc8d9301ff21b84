"""The whole pipeline, in-process (eager Celery), on the prepared synthetic applicants."""

from __future__ import annotations

import json
from typing import Any

import pytest
from rest_framework.test import APIClient

from applicants.models import Applicant
from samples.synthetic import Case
from screening.models import OutboxEvent, ScreeningReport
from tests.helpers import form_request_create, prepared_cases_once, submission_body, upload

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.ocr]

CASES = {case.name: case for case in prepared_cases_once()}


def submit_case(api: APIClient, case: Case) -> str:
    form = form_request_create(api, property_price=float(case.price), listing_type=case.listing_type)
    documents = []
    for document in case.documents:
        key = upload(form["token"], document)
        documents.append(
            {
                "key": key,
                "original_filename": document.name,
                "content_type": document.content_type,
                "document_type": document.document_type,
            }
        )
    body = submission_body(
        case.person.nif, documents, name=case.submitted_name, date_of_birth=case.person.date_of_birth.isoformat()
    )
    response = APIClient().post(f"/api/v1/intake/{form['token']}/submissions", body, format="json")
    assert response.status_code == 201, response.content
    return str(response.json()["applicant_id"])


@pytest.mark.parametrize("case_name", sorted(CASES))
def test_prepared_case_reaches_its_expected_risk(
    case_name: str, alice_api: APIClient, celery_eager: None, settings: Any
) -> None:
    case = CASES[case_name]
    applicant_id = submit_case(alice_api, case)
    applicant = Applicant.objects.get(id=applicant_id)
    report = ScreeningReport.objects.get(applicant=applicant)
    assert applicant.status == "COMPLETED", applicant.failure_reason
    assert report.risk_level == case.expected_risk, report.justification
    assert applicant.risk_level == case.expected_risk
    status = alice_api.get(f"/api/v1/applicants/{applicant_id}/status").json()
    assert status["report"]["risk_level"] == case.expected_risk
    assert all({"name", "passed", "evidence"} <= set(check) for check in status["report"]["checks"])
    # A person's three payslips come from one employer: the demo's first report asks no "mudança de emprego?".
    assert "PAYSLIP_EMPLOYER_CHANGED" not in json.dumps([report.checks, report.authenticity])
    event = OutboxEvent.objects.get()
    assert event.sent_at is not None
    sent = [json.loads(line) for line in settings.EVENTS_FILE.read_text().splitlines()]
    assert [e["event_id"] for e in sent] == [str(event.id)]
    assert sent[0]["risk_level"] == case.expected_risk
    assert case.person.nif not in json.dumps(sent) and case.person.surname not in json.dumps(sent)
