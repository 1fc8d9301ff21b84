"""Every 404 of the API has the error shape docs/api.md promises: ``{"detail", "code": "not_found"}``.

The cases probe (2026-12-03) found a missing or another agency's object answered ``{"detail"}`` alone
(Django's ``Http404`` from the selectors, which DRF turns into a body without our code), and a path no
route takes (an id that is not a UUID) answered Django's HTML page: with ``DEBUG`` on, a list of
every URL pattern.
"""

from __future__ import annotations

import uuid
from typing import cast

import pytest
from rest_framework.test import APIClient

from applicants.models import Applicant
from applicants.services import AgencyCredentials
from tests.factories import ApplicantFactory, IntakeFormRequestFactory

NOT_FOUND = {"detail": "Não encontrado.", "code": "not_found"}


@pytest.fixture
def bobs_applicant(bob: AgencyCredentials) -> Applicant:
    return cast(Applicant, ApplicantFactory(form_request=IntakeFormRequestFactory(organization=bob.organization)))


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/applicants/{unknown}",
        "/api/v1/applicants/{unknown}/status",
        "/api/v1/applicants/{unknown}/report.pdf",
        "/api/v1/applicants/{bobs}/export.pdf",
        "/api/v1/applications/{unknown}",
        "/api/v1/applicants/{bobs}",
        "/api/v1/applicants/{bobs}/status",
    ],
)
def test_a_missing_or_another_agencys_object_is_not_found_with_its_code(
    alice_api: APIClient, bobs_applicant: Applicant, path: str
) -> None:
    response = alice_api.get(path.format(unknown=uuid.uuid4(), bobs=bobs_applicant.id))
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == NOT_FOUND


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize(
    "path", ["/api/v1/applicants/not-a-uuid", "/api/v1/applicants/not-a-uuid/status", "/api/v1/nothing-here"]
)
def test_a_path_no_route_takes_is_a_json_not_found_even_in_debug(
    alice_api: APIClient, settings: object, path: str, debug: bool
) -> None:
    settings.DEBUG = debug  # type: ignore[attr-defined]
    response = alice_api.get(path)
    assert response.status_code == 404
    assert response.json() == NOT_FOUND
    anonymous = APIClient().post(path, {}, format="json")
    assert (anonymous.status_code, anonymous.json()) == (404, NOT_FOUND)


def test_an_unknown_intake_token_is_not_found_with_its_code(db: object) -> None:
    response = APIClient().get("/api/v1/intake/no-such-token")
    assert (response.status_code, response.json()) == (404, NOT_FOUND)


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("post", "/api/v1/applicants/{mine}", "GET"),
        ("put", "/api/v1/applicants/{mine}", "GET"),
        ("patch", "/api/v1/applicants/intake-form-requests/{form}", "GET"),
        ("delete", "/api/v1/applicants/{mine}/decision", "POST"),
    ],
)
def test_a_method_the_route_does_not_take_is_405_even_for_the_agencys_admin(
    alice_api: APIClient, alice: AgencyCredentials, method: str, path: str, allowed: str
) -> None:
    """Cases probe 4: PUT or DELETE on an applicant answered 403 "Não tem permissão" to an admin who has every
    permission; a method the route does not take is 405, and the answer says which it takes."""
    form = IntakeFormRequestFactory(organization=alice.organization)
    mine = ApplicantFactory(form_request=form)
    response = getattr(alice_api, method)(path.format(mine=mine.id, form=form.id))
    assert response.status_code == 405, response.content
    assert response.json()["code"] == "method_not_allowed"
    assert allowed in response["Allow"]


def test_a_method_the_route_does_not_take_still_needs_a_staff_login(anonymous_api: APIClient) -> None:
    """The guard: without credentials the answer is still 401, before anything about the route is said."""
    response = anonymous_api.put(f"/api/v1/applicants/{uuid.uuid4()}")
    assert response.status_code == 401
