"""Blind probe r70a: what the API's errors say to the person who reads them, and the order it answers in.

A completed form answers ``410 form_already_submitted`` before any field is looked at (docs/api.md, ``POST
/api/v1/intake/{token}/submissions``); the errors say what is wrong in words, without a code (``CO_TENANT``,
``MORE_INFO``, ``YYYY``) or a Python number ("0.01").
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from rest_framework.test import APIClient

from tests.helpers import form_request_create, submission_body

CODES = re.compile(r"\b(?:CO_TENANT|GUARANTOR|MORE_INFO|YYYY|requested_documents)\b")


def submit(token: str, body: dict[str, Any]) -> Any:
    return APIClient().post(f"/api/v1/intake/{token}/submissions", body, format="json")


def test_a_completed_form_answers_410_to_a_submission_missing_fields(alice_api: APIClient, queued: Any) -> None:
    form = form_request_create(alice_api)
    assert submit(form["token"], submission_body("245718931", [])).status_code == 201
    missing = submit(form["token"], {"nif": "245718931"})
    assert (missing.status_code, missing.json()["code"]) == (410, "form_already_submitted")
    empty = submit(form["token"], {})
    assert (empty.status_code, empty.json()["code"]) == (410, "form_already_submitted")


def test_a_completed_form_answers_410_to_a_full_submission_too(alice_api: APIClient, queued: Any) -> None:
    form = form_request_create(alice_api)
    assert submit(form["token"], submission_body("245718931", [])).status_code == 201
    again = submit(form["token"], submission_body("245718931", []))
    assert (again.status_code, again.json()["code"]) == (410, "form_already_submitted")


def test_an_open_form_still_answers_field_errors_first(alice_api: APIClient, queued: Any) -> None:
    form = form_request_create(alice_api)
    response = submit(form["token"], {"nif": "245718931"})
    assert response.status_code == 400
    assert "name" in response.json()


def test_a_date_of_birth_in_the_future_says_so(alice_api: APIClient, queued: Any) -> None:
    form = form_request_create(alice_api)
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    response = submit(form["token"], submission_body("245718931", [], date_of_birth=tomorrow))
    assert response.json()["date_of_birth"] == ["A data de nascimento não pode ser posterior a hoje: confirme o ano."]


def test_a_date_of_birth_too_long_ago_is_still_invalid(alice_api: APIClient, queued: Any) -> None:
    form = form_request_create(alice_api)
    response = submit(form["token"], submission_body("245718931", [], date_of_birth="1899-12-31"))
    assert response.json()["date_of_birth"] == ["Data de nascimento inválida."]


def test_a_badly_written_date_names_the_format_in_portuguese_with_an_example(alice_api: APIClient, queued: Any) -> None:
    form = form_request_create(alice_api)
    response = submit(form["token"], submission_body("245718931", [], date_of_birth="15/06/1990"))
    [message] = response.json()["date_of_birth"]
    assert message == "A data tem um formato errado: use AAAA-MM-DD (por exemplo, 1990-06-15)."
    assert not CODES.search(message)


def test_an_invitation_of_another_role_is_refused_without_codes(alice_api: APIClient, queued: Any) -> None:
    form = form_request_create(alice_api)
    household = [{"role": "TENANT", "name": "João Santos", "email": "joao@example.com"}]
    response = submit(form["token"], submission_body("245718931", [], household=household))
    body = response.json()
    assert (response.status_code, body["code"]) == (400, "invalid_role")
    assert body["detail"].startswith("Só pode convidar ") and body["detail"].endswith(" ou fiadores.")
    assert not CODES.search(body["detail"])


def test_a_price_below_a_cent_is_refused_in_euros(alice_api: APIClient) -> None:
    body = {"listing_type": "ARRENDAMENTO", "property_type": "APARTAMENTO", "property_title": "T1", "property_price": 0}
    response = alice_api.post("/api/v1/applicants/intake-form-requests", body, format="json")
    assert response.status_code == 400
    assert response.json()["property_price"] == ["Indique um valor igual ou superior a 0,01 €."]


def test_a_price_above_the_field_s_digits_keeps_its_own_message(alice_api: APIClient) -> None:
    """The bound's message is the one changed; the other errors of the money field read as before."""
    body = {
        "listing_type": "ARRENDAMENTO",
        "property_type": "APARTAMENTO",
        "property_title": "T1",
        "property_price": "x",
    }
    response = alice_api.post("/api/v1/applicants/intake-form-requests", body, format="json")
    assert response.status_code == 400
    assert "0,01" not in response.json()["property_price"][0]


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("message_to_applicant", "Olá", "A mensagem só acompanha um pedido de mais documentos."),
        ("due_at", "2099-01-01", "O prazo só acompanha um pedido de mais documentos."),
    ],
)
def test_a_second_round_field_with_another_decision_is_refused_in_words(field: str, value: str, expected: str) -> None:
    from workspace.serializers import DecisionCreateSerializer

    serializer = DecisionCreateSerializer(data={"decision": "APPROVED", "reason": "Tudo certo", field: value})
    assert not serializer.is_valid()
    [message] = serializer.errors[field]
    assert message == expected
    assert not CODES.search(message)


def test_a_message_without_documents_asked_is_refused_without_the_field_s_name() -> None:
    from workspace.serializers import DecisionCreateSerializer

    serializer = DecisionCreateSerializer(
        data={"decision": "MORE_INFO", "reason": "Falta um recibo", "message_to_applicant": "Envie o recibo"}
    )
    assert not serializer.is_valid()
    [message] = serializer.errors["message_to_applicant"]
    assert not CODES.search(message)


def test_a_file_larger_than_its_slot_says_which_way_it_differs(alice_api: APIClient) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    form = form_request_create(alice_api)
    slot = (
        APIClient()
        .post(
            f"/api/v1/intake/{form['token']}/uploads",
            {"filename": "r.pdf", "content_type": "application/pdf", "size": 100, "document_type": "PROOF_OF_INCOME"},
            format="json",
        )
        .json()
    )
    data = b"%PDF-1.4\n" + b"0" * 200
    response = Client().post("/storage/upload", dict(slot["upload"]["fields"], file=SimpleUploadedFile("r.pdf", data)))
    assert (response.status_code, response.json()["code"]) == (400, "file_too_large")
    assert response.json()["detail"].startswith("O ficheiro é maior do que o tamanho indicado")


def test_a_badly_written_deadline_names_the_form_in_portuguese() -> None:
    from workspace.serializers import DecisionCreateSerializer

    serializer = DecisionCreateSerializer(
        data={"decision": "MORE_INFO", "reason": "Falta um recibo", "due_at": "amanhã"}
    )
    assert not serializer.is_valid()
    [message] = serializer.errors["due_at"]
    assert "AAAA-MM-DD" in message
    assert not CODES.search(message)
