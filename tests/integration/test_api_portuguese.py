"""The framework's own messages read in European Portuguese, as everything else the API says.

Django REST framework's Portuguese catalogue is Brazilian and has typos ("Você não tem permissão para
executar essa ação.", "não é um escolha válido", "Certifque-se") and gaps ("Must be a valid UUID."):
the project's catalogue (``locale/pt_PT``) takes precedence with its own (cases probe 3).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation
from rest_framework import serializers
from rest_framework.test import APIClient

from applicants.models import PropertyType
from tests.helpers import form_request_create


def test_a_refusal_and_field_errors_read_in_european_portuguese(alice_api: APIClient, outsider: Any) -> None:
    outsiders = APIClient()
    outsiders.force_authenticate(outsider)
    refused = outsiders.get("/api/v1/applicants")
    assert refused.status_code == 403
    assert refused.json() == {"detail": "Não tem permissão para realizar esta ação.", "code": "permission_denied"}

    created = alice_api.post(
        "/api/v1/applicants/intake-form-requests",
        {"property_title": "T2", "property_type": "NAVE", "listing_type": "ARRENDAMENTO", "property_price": -5},
        format="json",
    )
    assert created.status_code == 400
    errors = created.json()
    assert errors["property_type"] == [
        '"NAVE" não é uma opção válida: use ' + ", ".join(PropertyType.values[:-1]) + f" ou {PropertyType.values[-1]}."
    ]
    assert errors["property_price"] == ["Indique um valor igual ou superior a 0,01 €."]


def test_the_messages_the_framework_has_no_portuguese_for_are_translated_too(db: object) -> None:
    with translation.override("pt-pt"), pytest.raises(serializers.ValidationError) as raised:
        serializers.UUIDField().run_validation("not-a-uuid")
    assert raised.value.detail == ["Tem de ser um UUID válido."]
    with translation.override("pt-pt"), pytest.raises(serializers.ValidationError) as raised:
        serializers.IntegerField(min_value=1).run_validation(0)
    assert raised.value.detail == ["Garanta que este valor é maior ou igual a 1."]


def test_an_applicant_reading_in_english_gets_the_errors_in_english(alice_api: APIClient) -> None:
    """The intake page in English asks with ``?lang=en``: the business errors and field errors follow it (cases
    probe 3: only ``Accept-Language`` switched them); without it they stay in European Portuguese."""
    token = form_request_create(alice_api)["token"]
    slot = {"filename": "a.exe", "content_type": "application/x-msdownload", "size": 10, "document_type": "ID_DOCUMENT"}

    portuguese = APIClient().post(f"/api/v1/intake/{token}/uploads", slot, format="json").json()
    english = APIClient().post(f"/api/v1/intake/{token}/uploads?lang=en", slot, format="json").json()
    assert portuguese == {
        "detail": "Tipo de ficheiro não permitido: use PDF, JPEG ou PNG.",
        "code": "file_type_not_allowed",
    }
    assert english == {"detail": "File type not allowed: use PDF, JPEG or PNG.", "code": "file_type_not_allowed"}

    submission = {"nif": "123456780", "name": "A", "date_of_birth": "2020-01-01", "email": "x"}
    errors = APIClient().post(f"/api/v1/intake/{token}/submissions?lang=en", submission, format="json").json()
    assert errors["nif"] == ["The NIF is not valid (wrong check digit)."]
    assert errors["email"] == ["Enter a valid email address."]
    assert errors["documents"] == ["This field is required."]
    # The next request in Portuguese is in Portuguese again (the language is the request's, not the thread's).
    again = APIClient().post(f"/api/v1/intake/{token}/submissions", submission, format="json").json()
    assert again["nif"] == ["O NIF não é válido (dígito de controlo errado)."]


@pytest.mark.parametrize(
    ("language", "unknown_token", "malformed_json"),
    [
        ("pt-PT", "Token inválido.", "O corpo do pedido não é JSON válido."),
        ("en", "Invalid token.", "The request body is not valid JSON."),
    ],
)
def test_an_unknown_token_and_a_malformed_body_answer_in_the_callers_language(
    alice_api: APIClient, language: str, unknown_token: str, malformed_json: str
) -> None:
    """A revoked or mistyped token and a body that is not JSON answered in English whatever the language
    (cases probe 9): the token's message was not marked for translation, and DRF writes the JSON
    decoder's English text into its own."""
    stranger = APIClient(HTTP_ACCEPT_LANGUAGE=language, HTTP_AUTHORIZATION="Token " + "f" * 40)
    refused = stranger.get("/api/v1/applicants")
    assert refused.status_code == 401
    assert refused.json() == {"detail": unknown_token, "code": "authentication_failed"}

    broken = alice_api.post(
        "/api/v1/applicants/intake-form-requests",
        b"{bad",
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert broken.status_code == 400
    assert broken.json() == {"detail": malformed_json, "code": "parse_error"}
