"""Unicode digits where a NIF enters: intake, the staff API filter, admin search (issue 13, item 9)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient

from applicants.crypto import nif_index_for
from applicants.models import Applicant
from applicants.services import AgencyCredentials
from tests.factories import ApplicantFactory, IntakeFormRequestFactory
from tests.helpers import form_request_create, submission_body

pytestmark = pytest.mark.django_db

NIF = "245718931"
FULL_WIDTH = "２４５７１８９３１"


def submit(token: str, nif: str) -> Any:
    return APIClient().post(f"/api/v1/intake/{token}/submissions", submission_body(nif, []), format="json")


@pytest.mark.parametrize("nif", ["²", "24571893²", "²²²²²²²²²", "٢٤٥٧١٨٩٣١"])
def test_superscript_and_foreign_digits_are_a_field_error_not_a_500(alice_api: APIClient, nif: str) -> None:
    form = form_request_create(alice_api)
    response = submit(form["token"], nif)
    assert response.status_code == 400, response.content
    assert "nif" in response.json()
    assert not Applicant.objects.exists()


def test_full_width_nif_is_stored_and_indexed_as_the_ascii_nif(alice_api: APIClient) -> None:
    form = form_request_create(alice_api)
    assert submit(form["token"], FULL_WIDTH).status_code == 201
    applicant = Applicant.objects.get()
    assert (applicant.nif, applicant.nif_index) == (NIF, nif_index_for(NIF))
    found = alice_api.get("/api/v1/applicants", {"nif": NIF}).json()
    assert [a["id"] for a in found["results"]] == [str(applicant.id)]


def test_the_same_nif_in_full_width_cannot_submit_the_form_twice(alice_api: APIClient) -> None:
    form = form_request_create(alice_api)
    assert submit(form["token"], NIF).status_code == 201
    assert submit(form["token"], FULL_WIDTH).status_code in (409, 410)
    assert Applicant.objects.count() == 1


def test_staff_filter_finds_an_ascii_nif_by_its_full_width_spelling(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    applicant = ApplicantFactory(form_request=IntakeFormRequestFactory(organization=alice.organization), nif=NIF)
    found = alice_api.get("/api/v1/applicants", {"nif": FULL_WIDTH})
    assert found.status_code == 200
    assert [a["id"] for a in found.json()["results"]] == [str(applicant.id)]


@pytest.mark.parametrize("nif", ["²", "٢٤٥٧١٨٩٣١", "not-a-nif", "2457189310"])
def test_staff_filter_with_a_malformed_nif_is_a_400(alice_api: APIClient, nif: str) -> None:
    response = alice_api.get("/api/v1/applicants", {"nif": nif})
    assert response.status_code == 400
    assert "nif" in response.json()


def test_admin_search_finds_an_ascii_nif_by_its_full_width_spelling(alice: AgencyCredentials) -> None:
    applicant = ApplicantFactory(form_request=IntakeFormRequestFactory(organization=alice.organization), nif=NIF)
    ApplicantFactory(form_request=IntakeFormRequestFactory(organization=alice.organization))
    client = Client()
    client.force_login(alice.user)
    for term in (FULL_WIDTH, "PT ２４５ ７１８ ９３１"):
        listing = client.get("/admin/applicants/applicant/", {"q": term})
        assert listing.status_code == 200
        assert [a.pk for a in listing.context["cl"].result_list] == [applicant.pk]
    assert client.get("/admin/applicants/applicant/", {"q": "24571893²"}).status_code == 200
