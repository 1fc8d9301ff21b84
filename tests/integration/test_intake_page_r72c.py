"""The intake page's figures as its sentences write them (blind probe r72c): the ratio and the agency's limit to the
hundredth ("39,76 %" / "39.76%", not "40%" beside a sentence saying 39.76 %), the second round's deadline in words
on the English page ("20 December 2026", not "20/12/2026"), and a refused file "not accepted", not "could not be
read" of a file that was read and refused for what it is."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient

from applicants.models import Applicant, ApplicantStatus, Application, ApplicationStatus
from applicants.services import AgencyCredentials
from intake.views import explanation_figures
from screening.models import ScreeningReport
from tests.helpers import form_request_create, submission_body, upload
from tests.integration.test_households_c28 import PDF
from workspace.second_round import RequestedDocument, decision_take

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("ratio", "limit", "language", "expected"),
    [
        (0.3976, 0.4, "pt-PT", {"ratio": "39,76 %", "limit": "40 %"}),
        (0.3976, 0.4, "en", {"ratio": "39.76%", "limit": "40%"}),
        (0.3525, 0.35, "en", {"ratio": "35.25%", "limit": "35%"}),
        (0.3562, 0.4, "pt-PT", {"ratio": "35,62 %", "limit": "40 %"}),
    ],
)
def test_the_ratio_and_the_limit_read_to_the_hundredth(
    ratio: float, limit: float, language: str, expected: Any
) -> None:
    assert explanation_figures({"dti_ratio": ratio, "dti_limit": limit}, language) == expected


def test_no_ratio_gives_no_figures() -> None:
    assert explanation_figures({"dti_ratio": None, "dti_limit": 0.4}, "en") == {}


def screened_and_asked(alice: AgencyCredentials, alice_api: APIClient, *, due: dt.datetime) -> str:
    """A submitted applicant with a report (ratio 39.76 %) who was asked for a payslip by ``due``."""
    form = form_request_create(alice_api, property_price=795)
    token = form["token"]
    key = upload(token, ("cc.pdf", PDF, "application/pdf", "ID_DOCUMENT"))
    document = {"key": key, "original_filename": "cc.pdf", "content_type": "application/pdf",
                "document_type": "ID_DOCUMENT"}  # fmt: skip
    submitted = APIClient().post(f"/api/v1/intake/{token}/submissions", submission_body("245718931", [document]),
                                 format="json")  # fmt: skip
    assert submitted.status_code == 201, submitted.content
    applicant = Applicant.objects.get(id=submitted.json()["applicant_id"])
    ScreeningReport.objects.create(organization=applicant.organization, applicant=applicant, risk_level="MEDIUM",
                                   identity_verified=True, income_verified=True, dti_ratio=Decimal("0.3976"),
                                   average_monthly_income=Decimal("2000"), justification="Risco MÉDIO.", checks=[],
                                   backend="rules", rules_version="rules-test")  # fmt: skip
    Applicant.objects.filter(id=applicant.id).update(status=ApplicantStatus.COMPLETED)
    Application.objects.filter(id=applicant.application_id).update(status=ApplicationStatus.COMPLETED)
    decision_take(applicant=Applicant.objects.get(id=applicant.id), decided_by=alice.user, decision="MORE_INFO",
                  reason="Falta um recibo.", due_at=due,
                  requested_documents=[RequestedDocument(document_type="PROOF_OF_INCOME")])  # fmt: skip
    return str(token)


def test_the_page_prints_the_ratio_to_the_hundredth_and_the_deadline_as_the_mail_does(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any
) -> None:
    # 23:59:59.999 in Lisbon ends the day: the day alone; in December Lisbon is on UTC.
    token = screened_and_asked(alice, alice_api, due=dt.datetime(2026, 12, 20, 23, 59, 59, 999999, tzinfo=dt.UTC))
    english = Client().get(f"/intake/{token}/?lang=en").content.decode()
    portuguese = Client().get(f"/intake/{token}/?lang=pt-pt").content.decode()

    assert "39.76%" in english and "· agency limit: 40%" in english
    assert "39,76 %" in portuguese
    assert "Please send them by 20 December 2026." in english
    assert "Envie-os até 20/12/2026." in portuguese
    assert "40%</p>" not in english.split("agency limit")[0]  # the ratio itself is not rounded to 40%
    assert '"doc_FAILED": "not accepted"' in english and '"doc_FAILED": "não aceite"' in portuguese
