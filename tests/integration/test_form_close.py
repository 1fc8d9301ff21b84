"""Staff close a form no one has submitted before its date (the property let, a link sent to the wrong person),
and filter the forms by status. E2e probe 18 found neither possible: a link could only be left to expire."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from rest_framework.test import APIClient

from applicants.models import AuditAction, AuditEvent
from documents.storage import document_store
from tests.helpers import form_request_create, submission_body

pytestmark = pytest.mark.django_db


def close(api: APIClient, form: dict[str, Any]) -> Any:
    return api.post(f"/api/v1/applicants/intake-form-requests/{form['id']}/close")


def test_a_closed_form_answers_as_an_expired_one_and_the_trail_says_who_closed_it(alice_api: APIClient) -> None:
    form = form_request_create(alice_api)
    response = close(alice_api, form)
    assert response.status_code == 200
    assert response.json()["status"] == "EXPIRED"
    link = APIClient().get(f"/api/v1/intake/{form['token']}")
    assert (link.status_code, link.json()["code"]) == (410, "form_expired")
    slot = APIClient().post(
        f"/api/v1/intake/{form['token']}/uploads",
        {"filename": "recibo.pdf", "content_type": "application/pdf", "size": 1000, "document_type": "PROOF_OF_INCOME"},
        format="json",
    )
    assert slot.status_code == 410
    assert AuditEvent.objects.filter(action=AuditAction.FORM_CLOSED, target_id=form["id"]).count() == 1
    again = close(alice_api, form)
    assert (again.status_code, again.json()["status"]) == (200, "EXPIRED")
    assert AuditEvent.objects.filter(action=AuditAction.FORM_CLOSED, target_id=form["id"]).count() == 1


def test_a_slot_handed_out_before_the_close_stores_nothing_after_it(alice_api: APIClient) -> None:
    """E2e probe 20 stored a file through a slot asked for before staff closed the form (204)."""
    form = form_request_create(alice_api)
    slot = APIClient().post(
        f"/api/v1/intake/{form['token']}/uploads",
        {"filename": "recibo.pdf", "content_type": "application/pdf", "size": 9, "document_type": "PROOF_OF_INCOME"},
        format="json",
    )
    assert slot.status_code == 201
    assert close(alice_api, form).status_code == 200
    fields = dict(slot.json()["upload"]["fields"])
    fields["file"] = SimpleUploadedFile("recibo.pdf", b"%PDF-1.4\n", content_type="application/pdf")
    posted = Client().post("/storage/upload", fields)
    assert (posted.status_code, posted.json()["code"]) == (410, "form_expired")
    assert document_store().stat(slot.json()["key"]) is None


def test_a_submitted_form_cannot_be_closed(alice_api: APIClient, queued: Any) -> None:
    form = form_request_create(alice_api)
    submitted = APIClient().post(
        f"/api/v1/intake/{form['token']}/submissions", submission_body("245718931", []), format="json"
    )
    assert submitted.status_code == 201
    response = close(alice_api, form)
    assert (response.status_code, response.json()["code"]) == (409, "form_not_pending")


def test_another_agency_s_form_is_not_found(alice_api: APIClient, bob_api: APIClient) -> None:
    form = form_request_create(alice_api)
    assert close(bob_api, form).status_code == 404
    assert alice_api.get(f"/api/v1/applicants/intake-form-requests/{form['id']}").json()["status"] == "PENDING"


def test_forms_are_filtered_by_their_status_as_shown(alice_api: APIClient, queued: Any) -> None:
    pending, closed, submitted = (form_request_create(alice_api) for _ in range(3))
    close(alice_api, closed)
    APIClient().post(
        f"/api/v1/intake/{submitted['token']}/submissions", submission_body("245718931", []), format="json"
    )
    listed = {
        status: [form["id"] for form in alice_api.get(
            "/api/v1/applicants/intake-form-requests", {"status": status}).json()["results"]]
        for status in ("PENDING", "EXPIRED", "COMPLETED")
    }  # fmt: skip
    assert listed == {"PENDING": [pending["id"]], "EXPIRED": [closed["id"]], "COMPLETED": [submitted["id"]]}
    assert alice_api.get("/api/v1/applicants/intake-form-requests", {"status": "NOPE"}).status_code == 400
    assert alice_api.get("/api/v1/applicants/intake-form-requests").json()["count"] == 3
