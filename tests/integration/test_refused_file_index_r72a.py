"""A submission's refusal of one of its files says which, by its index in ``documents`` (docs/api.md, Errors).

Blind probe r72a: a text file named ``.pdf`` among four was refused as "O conteúdo do ficheiro não é PDF, JPEG nem
PNG." and the intake page could not say which of the four it was.
"""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from tests.helpers import form_request_create, submission_body, upload
from tests.integration.test_intake_api import PDF, PNG, doc_entry, pdf_document, submit

pytestmark = pytest.mark.django_db


def test_the_file_whose_bytes_are_not_pdf_is_named_by_its_index(alice_api: APIClient, queued: Any) -> None:
    form = form_request_create(alice_api)
    keys = [
        upload(form["token"], ("cc.png", PNG, "image/png", "ID_DOCUMENT")),
        upload(form["token"], pdf_document("recibo-1.pdf", PDF)),
        upload(form["token"], pdf_document("falso.pdf", b"this is text, not a PDF")),
    ]
    documents = [doc_entry(keys[0], "cc.png", "image/png", "ID_DOCUMENT"), doc_entry(keys[1]), doc_entry(keys[2])]
    response = submit(form["token"], submission_body("245718931", documents))
    assert response.status_code == 400
    assert response.json() == {
        "detail": "O conteúdo do ficheiro não é PDF, JPEG nem PNG.",
        "code": "file_type_not_allowed",
        "document": 2,
    }


def test_a_file_not_uploaded_and_a_key_given_twice_are_named_by_their_index(alice_api: APIClient, queued: Any) -> None:
    form = form_request_create(alice_api)
    key = upload(form["token"], pdf_document())
    missing = f"uploads/{form['id']}/7d0e2c1a-0000-4000-8000-000000000000.pdf"
    response = submit(form["token"], submission_body("245718931", [doc_entry(key), doc_entry(missing)]))
    assert (response.json()["code"], response.json()["document"]) == ("file_not_found", 1)
    twice = submit(form["token"], submission_body("245718931", [doc_entry(key), doc_entry(key)]))
    assert (twice.json()["code"], twice.json()["document"]) == ("invalid_storage_key", 1)


def test_a_refusal_of_no_one_file_names_none(alice_api: APIClient, queued: Any) -> None:
    """Errors about the whole request keep their two fields: ``document`` only where one file is at fault."""
    form = form_request_create(alice_api)
    key = upload(form["token"], pdf_document())
    response = submit(form["token"], submission_body("245718931", [doc_entry(key)], terms_accepted=False))
    assert response.json() == {"detail": response.json()["detail"], "code": "terms_not_accepted"}
