"""Text the API is sent is stored without the Unicode controls that reorder it on screen (security probe, cases
13: a property title "T1 <RLO>gpj.exe" showed as "T1 exe.jpg" in the admin, a file name "recibo<RLO>fdp.exe"
as "recibo.exe.pdf")."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from rest_framework.test import APIClient

from applicants.models import Applicant, IntakeFormRequest
from applicants.parsers import without_bidi_controls
from documents.models import Document
from tests.helpers import form_request_create, submission_body, upload

pytestmark = pytest.mark.django_db

RLO, REORDERING = "\u202e", "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
NIF = "245718931"


def test_a_staff_title_and_an_applicants_name_and_file_name_lose_their_reordering_controls(
    alice_api: APIClient,
) -> None:
    form = form_request_create(alice_api, property_title=f"T1 {RLO}gpj.exe")
    assert IntakeFormRequest.objects.get(id=form["id"]).property_title == "T1 gpj.exe"
    key = upload(form["token"], ("recibo.pdf", PDF, "application/pdf", "PROOF_OF_INCOME"))
    document = {"key": key, "original_filename": f"recibo{RLO}fdp.exe", "content_type": "application/pdf",
                "document_type": "PROOF_OF_INCOME"}  # fmt: skip
    with mock.patch("screening.pipeline.pipeline_start"):
        response = APIClient().post(
            f"/api/v1/intake/{form['token']}/submissions",
            submission_body(NIF, [document], name=f"Maria {RLO}sotnaS"),
            format="json",
        )
    assert response.status_code == 201, response.content
    applicant = Applicant.objects.get(id=response.json()["applicant_id"])
    assert applicant.name == "Maria sotnaS"
    assert Document.objects.get(applicant=applicant).original_filename == "recibofdp.exe"


def test_every_string_of_a_body_is_read_without_them_and_other_text_is_left_alone() -> None:
    body: Any = {f"k{RLO}": [f"a{REORDERING}b", {"n": 1, "x": None, "s": "João \u200f Ana"}]}
    assert without_bidi_controls(body) == {"k": ["ab", {"n": 1, "x": None, "s": "João \u200f Ana"}]}


def test_characters_that_show_as_nothing_are_taken_out_and_scripts_joiners_stay() -> None:
    """E2e probe 20: a bell and a zero-width space were stored and shown as typed; "Ana<ZWSP>Maria" looks like
    "AnaMaria" and is another string. The tab and line breaks are text; a zero-width joiner makes emoji and scripts."""
    body: Any = {"name": "Ana\u200bMaria\u0007 \u2060Costa\ufeff\x1b\x85", "note": "linha 1\nlinha 2\tfim\r\n"}
    assert without_bidi_controls(body) == {"name": "AnaMaria Costa", "note": "linha 1\nlinha 2\tfim\r\n"}
    assert without_bidi_controls("👩\u200d💻 मि\u200cत्र") == "👩\u200d💻 मि\u200cत्र"


def test_a_name_typed_with_a_zero_width_space_is_stored_without_it(alice_api: APIClient) -> None:
    form = form_request_create(alice_api)
    with mock.patch("screening.pipeline.pipeline_start"):
        response = APIClient().post(
            f"/api/v1/intake/{form['token']}/submissions",
            submission_body(NIF, [], name="Ana\u200bMaria\u0007 Costa"),
            format="json",
        )
    assert response.status_code == 201, response.content
    assert Applicant.objects.get(id=response.json()["applicant_id"]).name == "AnaMaria Costa"
