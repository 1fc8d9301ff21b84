"""Blind probe C29 (the intake page on a phone): every intake API answer is kept out of caches, and a name
with a comma is a person's name.

Back then forward after submitting showed the form again: ``GET /api/v1/intake/{token}`` had no
Cache-Control, so the browser could give the page its earlier PENDING answer. "Almeida, Ana" was refused
by the server after every file had been uploaded, though a comma makes no URL or address.
"""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from applicants.text import person_name_shaped
from tests.factories import make_nif
from tests.helpers import form_request_create, submission_body

pytestmark = pytest.mark.django_db


def test_every_intake_answer_says_no_store_errors_and_unknown_links_included(alice_api: APIClient) -> None:
    form = form_request_create(alice_api)
    client = APIClient()
    base = f"/api/v1/intake/{form['token']}"
    answers: dict[str, Any] = {
        "info": client.get(base),
        "upload refused": client.post(f"{base}/uploads", {"filename": "a.docx"}, format="json"),
        "submission refused": client.post(f"{base}/submissions", {"name": "Ana"}, format="json"),
        "status before submitting": client.get(f"{base}/status"),
        "unknown link": client.get("/api/v1/intake/nope"),
    }
    submitted = client.post(f"{base}/submissions", submission_body(make_nif(29_001), []), format="json")
    assert submitted.status_code == 201, submitted.content
    answers["submission"] = submitted
    answers["status"] = client.get(f"{base}/status")
    answers["info after submitting"] = client.get(base)
    assert answers["info"].status_code == 200 and answers["submission refused"].status_code == 400
    assert {what: answer.get("Cache-Control") for what, answer in answers.items()} == {
        what: "no-store" for what in answers
    }


@pytest.mark.parametrize("name", ["Almeida, Ana", "Ana Almeida, Jr.", "J.P., Silva", "D’Almeida, Rui"])
def test_a_word_may_end_with_a_comma(alice_api: APIClient, name: str) -> None:
    assert person_name_shaped(name)
    form = form_request_create(alice_api)
    body = submission_body(make_nif(29_002), [], name=name)
    response = APIClient().post(f"/api/v1/intake/{form['token']}/submissions", body, format="json")
    assert response.status_code == 201, response.content


@pytest.mark.parametrize(
    "name", ["Ana Almeida, 2ª titular", "Ana,Almeida", "Ana ,", "x.co, Ana", "ana@example.com,", "http://a,", "Ana,,"]
)
def test_a_comma_opens_no_door_to_digits_addresses_or_domains(name: str) -> None:
    assert not person_name_shaped(name)
