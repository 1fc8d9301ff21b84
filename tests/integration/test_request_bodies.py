"""Bodies the contract does not take get a JSON answer in Portuguese and change nothing (e2e probe 20): a form-encoded
body (DRF's form parsers took it past the cleaning of reordering controls), a body nested 100,000 deep (a 500 and
an HTML page), one past the size limit (an HTML 400 and a logged traceback), a lone surrogate (DRF's English)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from rest_framework.test import APIClient

from applicants.models import IntakeFormRequest
from tests.factories import ApplicantFactory, IntakeFormRequestFactory
from tests.helpers import form_request_create, submission_body

pytestmark = pytest.mark.django_db

FORMS = "/api/v1/applicants/intake-form-requests"
FORM_BODY = {"listing_type": "ARRENDAMENTO", "property_type": "APARTAMENTO", "property_title": "T1 \u202egpj.exe",
             "property_price": "750", "expires_in_days": "14"}  # fmt: skip


@pytest.mark.parametrize("format_", ["multipart", None])
def test_a_form_encoded_body_is_refused_and_creates_nothing(alice_api: APIClient, format_: str | None) -> None:
    if format_ is None:
        response = alice_api.post(FORMS, "listing_type=ARRENDAMENTO", content_type="application/x-www-form-urlencoded")
    else:
        response = alice_api.post(FORMS, FORM_BODY, format=format_)
    assert response.status_code == 415
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "unsupported_media_type"
    assert not IntakeFormRequest.objects.exists()


def test_the_same_title_sent_as_json_loses_its_reordering_control(alice_api: APIClient) -> None:
    form = form_request_create(alice_api, property_title="T1 \u202egpj.exe")
    assert IntakeFormRequest.objects.get(pk=form["id"]).property_title == "T1 gpj.exe"


@pytest.mark.parametrize(
    "body", ["[" * 100_000 + "]" * 100_000, '{"a":' * 20_000 + "1" + "}" * 20_000, "[" * 40 + "]" * 40]
)
def test_a_body_nested_too_deep_is_a_parse_error(alice_api: APIClient, body: str) -> None:
    form = form_request_create(alice_api)
    for client, path in ((APIClient(), f"/api/v1/intake/{form['token']}/submissions"), (alice_api, FORMS)):
        response = client.post(path, body, content_type="application/json")
        assert (response.status_code, response.json()["code"]) == (400, "parse_error")
        assert response.json()["detail"] == "O corpo do pedido tem demasiados níveis."


def test_a_body_past_the_size_limit_is_a_413_of_the_api_s_shape(alice_api: APIClient) -> None:
    form = form_request_create(alice_api)
    body = '{"full_name": "' + "X" * 400_000 + '"}'
    response = APIClient().post(f"/api/v1/intake/{form['token']}/submissions", body, content_type="application/json")
    assert (response.status_code, response.json()["code"]) == (413, "request_too_large")
    assert response.json()["detail"] == "O corpo do pedido é demasiado grande."


def test_a_lone_surrogate_is_refused_in_portuguese(alice_api: APIClient) -> None:
    form = form_request_create(alice_api)
    body = submission_body("245718931", [], name="Ana \udcff Costa")
    escaped = json.dumps(body)  # "\\udcff": a JSON escape no UTF-8 encoder refuses
    response = APIClient().post(f"/api/v1/intake/{form['token']}/submissions", escaped, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["name"] == ["O texto tem um carácter inválido (U+DCFF)."]


@pytest.mark.parametrize("force", ["yes", "true", 1, "on"])
def test_a_switch_is_the_json_true_or_false_only(alice: Any, alice_api: APIClient, force: Any) -> None:
    """E2e probe 20: ``"force": "yes"`` forced a screening (DRF's boolean takes "yes", "on", "1" and 1)."""
    applicant = ApplicantFactory(form_request=IntakeFormRequestFactory(organization=alice.organization))
    response = alice_api.post(f"/api/v1/applicants/{applicant.id}/rescreen", {"force": force}, format="json")
    assert response.status_code == 400
    assert response.json()["force"] == ["Tem de ser um valor booleano válido."]
