"""Blind probe r75b, U: a slot taken on a form's old link still took a file after staff replaced the link, and the
new link's submission took that key. A replaced link opens nothing: its slots take no file, and no submission takes
a file sent through it."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from rest_framework.test import APIClient

from tests.helpers import form_request_create, submission_body, upload
from tests.integration.test_intake_api import PDF, doc_entry, pdf_document, submit

pytestmark = pytest.mark.django_db


def renew(api: APIClient, form: dict[str, Any]) -> str:
    response = api.post(f"/api/v1/applicants/intake-form-requests/{form['id']}/link")
    assert response.status_code == 200, response.content
    return str(response.json()["token"])


def slot_asked(token: str) -> Any:
    return APIClient().post(
        f"/api/v1/intake/{token}/uploads",
        {
            "filename": "recibo.pdf",
            "content_type": "application/pdf",
            "size": len(PDF),
            "document_type": "PROOF_OF_INCOME",
        },
        format="json",
    )


def a_slot(token: str) -> dict[str, Any]:
    slot = slot_asked(token)
    assert slot.status_code == 201, slot.content
    return dict(slot.json())


def put_file(slot: dict[str, Any]) -> Any:
    fields = dict(slot["upload"]["fields"])
    fields["file"] = SimpleUploadedFile("recibo.pdf", PDF, content_type="application/pdf")
    return Client().post("/storage/upload", fields)


def test_a_slot_taken_on_the_old_link_takes_no_file_once_the_link_is_replaced(alice_api: APIClient) -> None:
    form = form_request_create(alice_api)
    slot = a_slot(form["token"])
    renew(alice_api, form)

    posted = put_file(slot)

    assert (posted.status_code, posted.json()["code"]) == (410, "form_expired")
    assert "substituída pela agência" in posted.json()["detail"]


def test_the_new_links_submission_takes_no_file_sent_through_the_old_link(alice_api: APIClient, queued: Any) -> None:
    form = form_request_create(alice_api)
    old_key = upload(form["token"], pdf_document())
    token = renew(alice_api, form)

    refused = submit(token, submission_body("245718931", [doc_entry(old_key)]))

    assert (refused.status_code, refused.json()["code"]) == (400, "invalid_storage_key"), refused.content
    assert "ligação anterior" in refused.content.decode()
    queued.assert_not_called()


def test_the_new_links_own_uploads_are_taken_as_before(alice_api: APIClient, queued: Any) -> None:
    form = form_request_create(alice_api)
    renew(alice_api, form)
    token = renew(alice_api, form)  # replaced twice: only slots issued before the newest link are the old ones'
    key = upload(token, pdf_document())

    submitted = submit(token, submission_body("245718931", [doc_entry(key)]))

    assert submitted.status_code == 201, submitted.content


def test_the_old_links_slots_do_not_use_up_the_new_links_quota(
    alice_api: APIClient, settings: Any, queued: Any
) -> None:
    settings.INTAKE_MAX_UPLOAD_SLOTS = 2
    form = form_request_create(alice_api)
    a_slot(form["token"])
    a_slot(form["token"])
    token = renew(alice_api, form)

    a_slot(token)
    a_slot(token)
    over = slot_asked(token)

    assert over.json()["code"] == "too_many_uploads", over.content  # the new link's own quota still holds
