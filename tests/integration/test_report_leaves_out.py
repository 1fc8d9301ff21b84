"""A guarantor who joined after the lead was screened alone reads the application's report until it is screened
again: the report is the lead's one-person one. Staff opening it from her page (the admin page, the PDF) are told it
did not screen her, so nobody decides on her with a report that never saw her (left alone after blind probe r75b)."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from applicants.services import AgencyCredentials
from tests.integration.test_admin_c31_words import client_in, page
from tests.integration.test_export_pdf import pdf_text, plain
from tests.integration.test_export_r75b import guarantor_joins, lead_screened_alone
from tests.integration.test_privacy_c27 import household_report

pytestmark = pytest.mark.django_db

NOT_SCREENED = "Este relatório não analisou esta pessoa"


def report_pdf_words(api: APIClient, applicant_id: object) -> str:
    response = api.get(f"/api/v1/applicants/{applicant_id}/report.pdf")
    assert response.status_code == 200
    return plain(pdf_text(response.content))


def test_the_late_guarantors_pdf_and_page_say_the_report_did_not_screen_her(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    lead = lead_screened_alone(alice)
    guarantor = guarantor_joins(lead)

    assert NOT_SCREENED in report_pdf_words(alice_api, guarantor.id)
    assert NOT_SCREENED in page(client_in(alice, "pt-pt"), f"/admin/applicants/applicant/{guarantor.pk}/change/")


def test_the_lead_whose_report_it_is_reads_no_such_line(alice: AgencyCredentials, alice_api: APIClient) -> None:
    lead = lead_screened_alone(alice)
    guarantor_joins(lead)

    assert NOT_SCREENED not in report_pdf_words(alice_api, lead.id)
    assert NOT_SCREENED not in page(client_in(alice, "pt-pt"), f"/admin/applicants/applicant/{lead.pk}/change/")


def test_once_the_household_is_screened_her_report_is_about_her(alice: AgencyCredentials, alice_api: APIClient) -> None:
    lead = lead_screened_alone(alice)
    guarantor = guarantor_joins(lead)
    household_report(lead, [guarantor], income="850.00", dti="0.8824")

    assert NOT_SCREENED not in report_pdf_words(alice_api, guarantor.id)
    assert NOT_SCREENED not in page(client_in(alice, "pt-pt"), f"/admin/applicants/applicant/{guarantor.pk}/change/")
