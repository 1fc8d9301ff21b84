"""A server error on the API or the local store answers the API's JSON, never Django's HTML page (blind operations
probe c26: with the storage failing, a submission under ``make run``'s DEBUG returned the debug page, holding the
applicant's NIF, name and e-mail and the intake token)."""

from __future__ import annotations

import logging
from typing import Any
from unittest import mock

import pytest
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponse
from django.test import Client, RequestFactory, override_settings
from rest_framework.test import APIClient

from applicants.models import Applicant
from applicants.services import AgencyCredentials
from config.api_errors import JsonServerErrorMiddleware
from documents.storage.local import LocalDocumentStore
from tests.helpers import form_request_create, submission_body, upload

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n" + b"recibo de vencimento\n" * 40 + b"%%EOF\n"
NIF = "245718931"


def assert_json_server_error(response: Any, *, english: bool = False) -> None:
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["code"] == "server_error"
    assert body["detail"] == (
        "Internal service error. Please try again in a moment."
        if english
        else "Erro interno do serviço. Tente de novo dentro de momentos."
    )


@pytest.mark.parametrize("debug", [False, True])
def test_a_submission_the_storage_fails_answers_json_without_the_persons_data(
    alice_api: APIClient, debug: bool, caplog: pytest.LogCaptureFixture
) -> None:
    token = form_request_create(alice_api)["token"]
    key = upload(token, ("recibo.pdf", PDF, "application/pdf", "PROOF_OF_INCOME"))
    body = submission_body(NIF, [{"key": key, "original_filename": "recibo.pdf", "content_type": "application/pdf",
                                  "document_type": "PROOF_OF_INCOME"}])  # fmt: skip
    with (
        override_settings(DEBUG=debug),
        mock.patch.object(LocalDocumentStore, "copy", side_effect=PermissionError(13, "Permission denied")),
        caplog.at_level(logging.ERROR, logger="django.request"),
    ):
        response = APIClient().post(f"/api/v1/intake/{token}/submissions", body, format="json")

    assert_json_server_error(response)
    text = response.content.decode()
    assert NIF not in text and "Maria" not in text and token not in text
    # The operator still gets the traceback, as for any 500, and the token stays out of the log line.
    logged = next(r for r in caplog.records if r.name == "django.request" and r.levelno == logging.ERROR)
    assert logged.exc_info is not None and isinstance(logged.exc_info[1], PermissionError)
    assert token not in logged.getMessage()
    # Nothing was taken: no applicant, so the person can send the form again.
    assert not Applicant.objects.exists()


def test_an_upload_the_storage_fails_answers_json_in_the_pages_language(alice_api: APIClient) -> None:
    token = form_request_create(alice_api)["token"]
    slot = APIClient().post(
        f"/api/v1/intake/{token}/uploads",
        {"filename": "recibo.pdf", "content_type": "application/pdf", "size": len(PDF),
         "document_type": "PROOF_OF_INCOME"},
        format="json",
    ).json()  # fmt: skip
    from django.core.files.uploadedfile import SimpleUploadedFile

    fields = dict(slot["upload"]["fields"], file=SimpleUploadedFile("f", PDF, content_type="application/pdf"))
    with override_settings(DEBUG=True), mock.patch.object(LocalDocumentStore, "_write", side_effect=OSError(28, "")):
        response = Client().post(f"{slot['upload']['url'].split('?')[0]}?lang=en", fields, HTTP_ACCEPT_LANGUAGE="en")
    assert_json_server_error(response, english=True)


def test_a_staff_read_the_database_fails_answers_json(alice: AgencyCredentials, alice_api: APIClient) -> None:
    from django.db.utils import OperationalError

    with (
        override_settings(DEBUG=True),
        mock.patch(
            "workspace.api.IntakeFormRequestViewSet.list", side_effect=OperationalError("password=secret refused")
        ),
    ):
        response = alice_api.get("/api/v1/applicants/intake-form-requests")
    assert_json_server_error(response)
    assert "secret" not in response.content.decode()


def test_a_server_error_outside_the_machine_routes_is_left_to_django() -> None:
    middleware = JsonServerErrorMiddleware(lambda request: HttpResponse())
    assert middleware.process_exception(RequestFactory().get("/admin/applicants/applicant/"), RuntimeError()) is None
    assert middleware.process_exception(RequestFactory().get("/api/v1/applicants"), RuntimeError()) is not None
    # A client's error is Django's 4xx still (a forged download token is a 404, not a server error).
    assert middleware.process_exception(RequestFactory().get("/storage/download"), Http404()) is None


def test_a_host_not_allowed_answers_the_apis_json_on_its_routes() -> None:
    # Refused by Django before any view (blind security probe c27: an HTML 400 on /api/v1/).
    response = Client().get("/api/v1/applicants", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Pedido inválido.", "code": "bad_request"}
    # The admin keeps Django's page.
    assert Client().get("/admin/", HTTP_HOST="evil.example")["Content-Type"].startswith("text/html")


@pytest.mark.parametrize(
    "path", ["/api/v1/applicants", "/api/v1/intake/r73a-link-token/submissions", "/storage/upload"]
)
def test_a_host_not_allowed_answers_json_with_debug_on_too(settings: Any, path: str) -> None:
    """Blind probe r73a, F1: with ``DEBUG`` on (``make run``'s default) Django answers a refused ``Host`` with its
    debug page, never ``handler400``: an HTML 400 repeating the link's token eleven times and the settings."""
    settings.DEBUG = True
    response = Client().post(path, {}, content_type="application/json", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Pedido inválido.", "code": "bad_request"}
    assert b"r73a-link-token" not in response.content


def test_the_admins_view_on_site_shortcut_is_a_404_for_any_id(admin_client: Client) -> None:
    # No model has a public page; Django's shortcut answered 500 to an id that is not a UUID (probe c27).
    content_type = ContentType.objects.get_for_model(Applicant).pk  # a UUID primary key
    for object_id in ("1", "0f8e2c4a-1b3d-4e5f-9a7b-6c5d4e3f2a1b"):
        assert admin_client.get(f"/admin/r/{content_type}/{object_id}/").status_code == 404


def test_a_login_whose_next_points_off_the_site_lands_on_the_admin(alice: AgencyCredentials) -> None:
    """Blind probe r73a, F3: ``?next=//evil.example/`` was refused, as it must be, but landed on
    ``/accounts/profile/``, a 404."""
    from django.contrib.auth.hashers import make_password

    alice.user.password = make_password("Alice-Pa55word!")
    alice.user.save(update_fields=["password"])
    response = Client().post(
        "/admin/login/?next=//evil.example/", {"username": alice.user.get_username(), "password": "Alice-Pa55word!"}
    )
    assert (response.status_code, response["Location"]) == (302, "/admin/")
