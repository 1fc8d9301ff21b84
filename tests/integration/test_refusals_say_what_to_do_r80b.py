"""Blind probe r80b: refusals a client or applicant cannot act on. An iPhone's HEIC photo got the generic "use PDF,
JPEG ou PNG" (the intake page says what to change on the phone; the API did not); a JSON list as the body got DRF's
"Era esperado um dicionário, mas foi recebido list." with no code; an upload whose Content-Type differed from its
slot's read "não corresponde ao pedido", not what to do."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient

from tests.helpers import form_request_create, submission_body, upload
from tests.integration.test_intake_api import PDF, doc_entry, pdf_document, submit

pytestmark = pytest.mark.django_db

# An iPhone photo's first bytes: the box size, "ftyp", the brand "heic".
HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 200


def test_a_slot_asked_for_a_heic_photo_says_what_to_change_on_the_phone(alice_api: APIClient) -> None:
    form = form_request_create(alice_api)
    for content_type in ("image/heic", "image/HEIF"):
        response = APIClient().post(
            f"/api/v1/intake/{form['token']}/uploads",
            {"filename": "IMG_2041.HEIC", "content_type": content_type, "size": 2048, "document_type": "ID_DOCUMENT"},
            format="json",
        )
        assert (response.status_code, response.json()["code"]) == (400, "file_type_not_allowed")
        assert "iPhone" in response.json()["detail"] and "Mais compatível" in response.json()["detail"]
    tiff = APIClient().post(
        f"/api/v1/intake/{form['token']}/uploads",
        {"filename": "scan.tiff", "content_type": "image/tiff", "size": 2048, "document_type": "ID_DOCUMENT"},
        format="json",
    )
    assert tiff.json()["detail"] == "Tipo de ficheiro não permitido: use PDF, JPEG ou PNG."


def test_a_heic_photo_sent_as_a_jpeg_is_refused_at_the_submission_with_the_same_advice(
    alice_api: APIClient, queued: Any
) -> None:
    form = form_request_create(alice_api)
    keys = [
        upload(form["token"], pdf_document("recibo.pdf", PDF)),
        upload(form["token"], ("cc.jpg", HEIC, "image/jpeg", "ID_DOCUMENT")),
    ]
    documents = [doc_entry(keys[0]), doc_entry(keys[1], "cc.jpg", "image/jpeg", "ID_DOCUMENT")]
    response = submit(form["token"], submission_body("245718931", documents))
    assert response.status_code == 400
    assert (response.json()["code"], response.json()["document"]) == ("file_type_not_allowed", 1)
    assert "iPhone" in response.json()["detail"]


def test_a_body_that_is_no_json_object_gets_its_own_code(alice_api: APIClient) -> None:
    form = form_request_create(alice_api)
    for client, path in (
        (APIClient(), f"/api/v1/intake/{form['token']}/submissions"),
        (alice_api, "/api/v1/applicants/intake-form-requests"),
    ):
        for body in ("[]", '[{"nif": "245718931"}]', '"text"', "null", "7"):
            response = client.post(path, body, content_type="application/json")
            assert response.status_code == 400, (path, body)
            assert response.json() == {
                "detail": "O corpo do pedido tem de ser um objeto JSON ({...}).",
                "code": "body_not_an_object",
            }


def test_an_object_missing_its_fields_still_names_them(alice_api: APIClient) -> None:
    response = alice_api.post("/api/v1/applicants/intake-form-requests", {}, format="json")
    assert response.status_code == 400
    assert "listing_type" in response.json()


def test_an_upload_of_another_type_than_its_slot_says_what_to_do(alice_api: APIClient) -> None:
    form = form_request_create(alice_api)
    slot = (
        APIClient()
        .post(
            f"/api/v1/intake/{form['token']}/uploads",
            {
                "filename": "recibo.pdf",
                "content_type": "application/pdf",
                "size": len(PDF),
                "document_type": "PROOF_OF_INCOME",
            },
            format="json",
        )
        .json()
    )
    from django.core.files.uploadedfile import SimpleUploadedFile

    fields = {**slot["upload"]["fields"], "Content-Type": "image/png"}
    fields["file"] = SimpleUploadedFile("recibo.pdf", PDF, content_type="image/png")
    response = Client().post("/storage/upload", fields)
    assert response.status_code == 403
    assert response.json()["code"] == "file_type_not_allowed"
    assert "peça um endereço novo" in response.json()["detail"]
