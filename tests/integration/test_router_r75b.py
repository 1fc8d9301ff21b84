"""Blind probe r75b, F2 and F3: the router's format suffixes and the ``format`` query parameter.

F2: ``.json`` after any staff path answered ``500 server_error`` with a traceback (the suffix paths handed the views
a ``format`` argument they do not take), and ``/api/v1/applicants.json`` answered the list. Format suffixes are not
part of the contract: every suffixed path but the exact ``report.pdf`` and ``export.pdf`` is one no endpoint takes.

F3: ``?format=xml`` on a staff endpoint, or ``?format=x`` on an applicant's status, answered 404 (DRF's format
override); the contract ignores a query parameter an endpoint does not list.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any, cast

import pytest
from rest_framework.test import APIClient

from applicants.models import Applicant, Application
from applicants.services import AgencyCredentials
from tests.factories import ApplicantFactory, IntakeFormRequestFactory
from tests.helpers import form_request_create, submission_body

pytestmark = pytest.mark.django_db

NOT_FOUND = {"detail": "Não encontrado.", "code": "not_found"}

SUFFIXED = [
    "/api/v1/applicants.json",
    "/api/v1/applicants/{applicant}.json",
    "/api/v1/applicants/{applicant}/status.json",
    "/api/v1/applicants/{applicant}/export.json",
    "/api/v1/applicants/{applicant}/report.pdf.json",
    "/api/v1/applicants/{applicant}/export.pdf.json",
    "/api/v1/applications.json",
    "/api/v1/applications/{application}.json",
    "/api/v1/applicants/intake-form-requests.json",
    "/api/v1/applicants/intake-form-requests/{form}.json",
]


def an_applicant_in_an_application(credentials: AgencyCredentials) -> Applicant:
    form = IntakeFormRequestFactory(organization=credentials.organization)
    application = Application.objects.create(organization=credentials.organization, form_request=form)
    return cast(Applicant, ApplicantFactory(form_request=form, application=application, status="COMPLETED"))


def ids_of(applicant: Applicant) -> dict[str, Any]:
    return {"applicant": applicant.id, "application": applicant.application_id, "form": applicant.form_request_id}


@pytest.mark.parametrize("method", ["get", "head"])
@pytest.mark.parametrize("whose", ["own", "another agency's", "random"])
@pytest.mark.parametrize("path", SUFFIXED)
def test_a_format_suffix_is_a_path_no_endpoint_takes(
    alice: AgencyCredentials,
    alice_api: APIClient,
    bob: AgencyCredentials,
    caplog: pytest.LogCaptureFixture,
    path: str,
    whose: str,
    method: str,
) -> None:
    owner = bob if whose == "another agency's" else alice
    ids = ids_of(an_applicant_in_an_application(owner))
    if whose == "random":
        ids = dict.fromkeys(ids, uuid.uuid4())

    with caplog.at_level(logging.WARNING):
        response = getattr(alice_api, method)(path.format(**ids))

    assert response.status_code == 404, response.content
    if method == "get":
        assert response.json() == NOT_FOUND
    assert [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR] == []


def test_the_documented_pdf_paths_and_the_plain_paths_still_route(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    applicant = an_applicant_in_an_application(alice)

    assert alice_api.get("/api/v1/applicants").status_code == 200
    assert alice_api.get(f"/api/v1/applicants/{applicant.id}").status_code == 200
    assert alice_api.get(f"/api/v1/applicants/{applicant.id}/export").status_code == 200
    export_pdf = alice_api.get(f"/api/v1/applicants/{applicant.id}/export.pdf")
    assert (export_pdf.status_code, export_pdf["Content-Type"]) == (200, "application/pdf")
    # No report yet: the path routes, and its own 404 says so.
    assert alice_api.get(f"/api/v1/applicants/{applicant.id}/report.pdf").json() == NOT_FOUND


@pytest.mark.parametrize("value", ["xml", "api", "json", "pdf", "x"])
def test_a_format_query_parameter_is_ignored_on_staff_endpoints(
    alice: AgencyCredentials, alice_api: APIClient, value: str
) -> None:
    applicant = an_applicant_in_an_application(alice)

    listed = alice_api.get(f"/api/v1/applicants?format={value}")
    status = alice_api.get(f"/api/v1/applicants/{applicant.id}/status?format={value}")

    assert (listed.status_code, listed["Content-Type"]) == (200, "application/json")
    assert status.status_code == 200 and status.json()["status"] == "COMPLETED"


@pytest.mark.parametrize("value", ["x", "xml", "api"])
def test_an_applicants_link_with_a_stray_format_is_still_their_link(
    alice_api: APIClient, queued: Any, value: str
) -> None:
    token = form_request_create(alice_api)["token"]
    submitted = APIClient().post(f"/api/v1/intake/{token}/submissions", submission_body("245718931", []), format="json")
    assert submitted.status_code == 201, submitted.content

    info = APIClient().get(f"/api/v1/intake/{token}?format={value}")
    status = APIClient().get(f"/api/v1/intake/{token}/status?format={value}")

    assert info.status_code == 200, info.content
    assert status.status_code == 200 and "status" in status.json()


def test_content_is_still_negotiated_by_accept_and_the_schema_keeps_its_format(alice_api: APIClient) -> None:
    assert alice_api.get("/api/v1/applicants", HTTP_ACCEPT="text/html").status_code == 406
    assert alice_api.get("/api/v1/applicants?format=json", HTTP_ACCEPT="text/html").status_code == 406
    schema = APIClient().get("/api/v1/schema?format=json")
    assert schema.status_code == 200 and schema.json()["openapi"].startswith("3.")
    assert APIClient().get("/api/v1/schema")["Content-Type"].startswith("application/vnd.oai.openapi")
