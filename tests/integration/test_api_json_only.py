"""The API answers JSON whatever a client's Accept header asks for, errors included (docs/api.md: "always JSON,
never an HTML page"). E2e probe 18 found a browser's ``Accept: text/html`` answered with DRF's browsable HTML pages,
a 401 and a 404 among them."""

from __future__ import annotations

import uuid

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("accept", ["text/html", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"])
@pytest.mark.parametrize(
    ("path", "signed_in"),
    [
        ("/api/v1/applicants", True),
        ("/api/v1/applicants/{unknown}", True),
        ("/api/v1/applicants", False),
        ("/api/v1/intake/not-a-token", False),
    ],
)
def test_a_browser_s_accept_header_gets_json_never_an_html_page(
    alice_api: APIClient, path: str, signed_in: bool, accept: str
) -> None:
    client = alice_api if signed_in else APIClient()
    response = client.get(path.format(unknown=uuid.uuid4()), HTTP_ACCEPT=accept)
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert "<html" not in response.content.decode().lower()
    if response.status_code >= 400:
        assert {"detail", "code"} <= body.keys()
    else:
        assert "results" in body


@pytest.mark.parametrize("accept", ["application/xml", "text/html"])
def test_a_client_that_accepts_nothing_json_is_told_so_in_json(alice_api: APIClient, accept: str) -> None:
    response = alice_api.get("/api/v1/applicants", HTTP_ACCEPT=accept)
    assert response.status_code == 406
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"] == "not_acceptable"
