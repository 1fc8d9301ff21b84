"""Every operation whose body a serializer validates declares a 400 a field-errors body fits (end-to-end probe 17:
five household and intake operations declared their 400 as the ``Error`` shape only, and a client generated from
the schema failed on a routine field error)."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.core.management import call_command
from openapi_schema_validator import OAS30Validator
from rest_framework.test import APIClient

from tests.helpers import form_request_create

pytestmark = pytest.mark.django_db


def served_schema() -> dict[str, Any]:
    out = io.StringIO()
    call_command("spectacular", "--format", "openapi-json", stdout=out)
    return dict(json.loads(out.getvalue()))


def fits(schema: dict[str, Any], operation: dict[str, Any], body: Any) -> bool:
    declared = operation["responses"]["400"]["content"]["application/json"]["schema"]
    validator = OAS30Validator({**declared, "components": schema["components"]})
    return not list(validator.iter_errors(body))


def test_every_validated_body_s_400_takes_field_errors_and_the_error_shape() -> None:
    schema = served_schema()
    refusing = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if "requestBody" not in operation or "400" not in operation["responses"]:
                continue
            for body in ({"name": ["Campo obrigatório."]}, {"documents": [{}, {"document_type": ["Inválido."]}]}):
                if not fits(schema, operation, body):
                    refusing.append(f"{method.upper()} {path} {body}")
            if not fits(schema, operation, {"detail": "…", "code": "invalid_role"}):
                refusing.append(f"{method.upper()} {path} the error shape")
    assert refusing == []


def test_the_field_errors_the_intake_operations_answer_fit_their_schema(alice_api: APIClient) -> None:
    schema = served_schema()
    token = form_request_create(alice_api)["token"]
    calls = {
        "/api/v1/intake/{token}/submissions": {"nif": "123", "name": "A"},
        "/api/v1/intake/{token}/uploads": {"filename": "a.pdf"},
        "/api/v1/intake/{token}/additional-documents": {},
    }
    for path, body in calls.items():
        response = APIClient().post(path.replace("{token}", token), body, format="json")
        assert response.status_code == 400, (path, response.content)
        assert "code" not in response.json()  # a field error, not a business error
        assert fits(schema, schema["paths"][path]["post"], response.json()), (path, response.json())
