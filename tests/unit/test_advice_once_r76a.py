"""Blind probe r76a, F4: the report PDF said twice in a row that the report is advice: the justification's closing
sentence, then the template's own line. Each surface says it once; the API's justification keeps its sentence (its
consumers read that text alone)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from applicants.models import Applicant, ApplicantStatus, Application, ApplicationStatus
from applicants.services import AgencyCredentials
from screening.models import ScreeningReport
from screening.rules.report import ADVICE_SENTENCE, generate_report, justification_without_advice
from tests.factories import ApplicantFactory, IntakeFormRequestFactory
from tests.unit.test_rules_household_currency import couple
from workspace.export_pdf import report_view
from workspace.report_pdf import TEMPLATE, report_pdf_view, unbroken_figures

ADVICE = "uma recomendação"
JUSTIFICATION = f"Risco médio. Taxa de esforço 36,00 % acima do limite de 35 %. {ADVICE_SENTENCE}"


@pytest.fixture
def screened(alice: AgencyCredentials) -> Applicant:
    applicant: Applicant = ApplicantFactory(  # type: ignore[assignment]
        form_request=IntakeFormRequestFactory(organization=alice.organization), status=ApplicantStatus.COMPLETED
    )
    ScreeningReport.objects.create(organization=applicant.organization, applicant=applicant, risk_level="MEDIUM",
                                   identity_verified=True, income_verified=True, dti_ratio=Decimal("0.36"),
                                   average_monthly_income=Decimal("2500"), justification=JUSTIFICATION, checks=[],
                                   backend="rules", rules_version="rules-test")  # fmt: skip
    return applicant


def test_both_rules_justifications_still_end_with_the_shared_sentence() -> None:
    state = {
        "identity": {"verified": True},
        "income": {"verified": True, "average_monthly_income": "2000.00", "source": "payslips", "months": [],
                   "method": "3 recibos"},
        "affordability": {"risk_level": "LOW", "dti_ratio": "0.3000", "monthly_cost": "600.00",
                          "cost_label": "renda mensal", "reasons": []},
    }  # fmt: skip
    assert generate_report(state)["justification"].endswith(ADVICE_SENTENCE)
    assert couple("500")[1].endswith(ADVICE_SENTENCE)


@pytest.mark.django_db
def test_the_report_pdf_says_once_that_the_report_is_advice(screened: Applicant) -> None:
    report = ScreeningReport.objects.get(applicant=screened)
    html = render_to_string(
        TEMPLATE, unbroken_figures(report_pdf_view(applicant=screened, report=report, can_view_pii=True))
    )
    assert html.count(ADVICE) == 1
    assert "Risco médio." in html  # the rest of the justification is printed
    masked = report_pdf_view(applicant=screened, report=report, can_view_pii=False)
    assert ADVICE not in masked["justification"]


@pytest.mark.django_db
def test_the_admin_page_says_it_once_and_the_api_keeps_the_sentence(
    screened: Applicant, alice: AgencyCredentials
) -> None:
    staff: Any = alice.user
    client = Client()
    client.force_login(staff)
    page = client.get(reverse("admin:applicants_applicant_change", args=[screened.id])).content.decode()
    assert page.count(ADVICE) == 1
    assert "Taxa de esforço 36,00 % acima do limite de 35 %." in page

    api = APIClient()
    api.force_authenticate(alice.user)
    body = api.get(f"/api/v1/applicants/{screened.id}").json()
    assert body["report"]["justification"] == JUSTIFICATION


@pytest.mark.django_db
def test_the_application_page_says_it_once_too(alice: AgencyCredentials) -> None:
    form: Any = IntakeFormRequestFactory(organization=alice.organization)
    application = Application.objects.create(
        organization=alice.organization, form_request=form, status=ApplicationStatus.COMPLETED
    )
    lead: Applicant = ApplicantFactory(  # type: ignore[assignment]
        form_request=form, application=application, status=ApplicantStatus.COMPLETED
    )
    ScreeningReport.objects.create(organization=alice.organization, applicant=lead, application=application,
                                   risk_level="MEDIUM", identity_verified=True, income_verified=True,
                                   dti_ratio=Decimal("0.36"), average_monthly_income=Decimal("2500"),
                                   justification=JUSTIFICATION, checks=[], backend="rules",
                                   rules_version="rules-test")  # fmt: skip
    staff: Any = alice.user
    client = Client()
    client.force_login(staff)
    page = client.get(reverse("admin:applicants_application_change", args=[application.id])).content.decode()
    assert page.count(ADVICE) == 1
    assert "Risco médio." in page


def test_the_persons_copy_prints_each_justification_without_it_under_its_own_line() -> None:
    view = report_view({"created_at": "2026-12-07T10:00:00+00:00", "justification": JUSTIFICATION, "checks": []},
                       listing_type="ARRENDAMENTO")  # fmt: skip
    assert view["justification"] == "Risco médio. Taxa de esforço 36,00 % acima do limite de 35 %."


def test_a_justification_that_does_not_end_with_the_sentence_is_left_whole() -> None:
    # The OpenAI assessor's prose, or one in English when the translation failed: nothing to take away.
    prose = "Identity confirmed; the rent is 30 % of the net income. This report is a recommendation."
    assert justification_without_advice(prose) == prose
    assert justification_without_advice(f"{ADVICE_SENTENCE} Depois.") == f"{ADVICE_SENTENCE} Depois."
