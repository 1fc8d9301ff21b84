"""The generated OpenAPI schema: valid, and every operation survives schemathesis."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from schemathesis import checks
from schemathesis.specs.openapi import checks as openapi_checks

from applicants.services import agency_create

pytestmark = pytest.mark.django_db


def test_schema_validates_without_warnings() -> None:
    out = io.StringIO()
    call_command("spectacular", "--validate", "--fail-on-warn", "--format", "openapi-json", stdout=out)
    assert '"/api/v1/applicants/{id}/rescreen"' in out.getvalue()


def test_schema_lists_every_endpoint_of_the_contract() -> None:
    out = io.StringIO()
    call_command("spectacular", "--format", "openapi-json", stdout=out)
    import json

    paths = json.loads(out.getvalue())["paths"]
    assert set(paths) == {
        "/api/v1/applicants/intake-form-requests",
        "/api/v1/applicants/intake-form-requests/{id}",
        "/api/v1/applicants/intake-form-requests/{id}/close",
        "/api/v1/applicants/intake-form-requests/{id}/link",
        "/api/v1/applicants",
        "/api/v1/applicants/{id}",
        "/api/v1/applicants/{id}/status",
        "/api/v1/applicants/{id}/rescreen",
        "/api/v1/applicants/{id}/decision",
        "/api/v1/applicants/{id}/contests/{contest_id}/answer",
        "/api/v1/applicants/{id}/report.pdf",
        "/api/v1/applicants/{id}/export",
        "/api/v1/applicants/{id}/export.pdf",
        "/api/v1/applications",
        "/api/v1/applications/{id}",
        "/api/v1/applications/{id}/invitations",
        "/api/v1/applications/{id}/screen",
        "/api/v1/intake/{token}",
        "/api/v1/intake/{token}/uploads",
        "/api/v1/intake/{token}/submissions",
        "/api/v1/intake/{token}/status",
        "/api/v1/intake/{token}/invitations",
        "/api/v1/intake/{token}/additional-documents",
        "/api/v1/intake/{token}/contest",
    }


def wsgi_schema() -> Any:
    from config.wsgi import application

    return schemathesis.openapi.from_wsgi("/api/v1/schema?format=json", application)


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Iterator[None]:
    """Calling the WSGI app directly fires request_finished, which closes the
    database connection inside the test's transaction (PostgreSQL then fails
    every later query). Django's test client disconnects it the same way."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def staff_token(db: Any) -> str:
    return agency_create(name="Schemathesis", staff_email="st@example.test").token


def test_every_operation_answers_without_5xx_and_within_its_schema(staff_token: str) -> None:
    schema = wsgi_schema()
    failures: list[str] = []
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1

        @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
        @given(case=operation.as_strategy())
        def run(case: Any) -> None:
            case.headers = {**(case.headers or {}), "Authorization": f"Token {staff_token}"}
            response = case.call()
            assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.status_code}"
            case.validate_response(
                response,
                checks=[
                    checks.not_a_server_error,
                    openapi_checks.response_schema_conformance,
                    openapi_checks.status_code_conformance,
                ],
            )

        try:
            run()
        except BaseException as exc:
            failures.append(f"{operation.method.upper()} {operation.path}: {str(exc)[:800]}")
    assert operations == 28
    assert failures == []


def served_schema() -> dict[str, Any]:
    import json

    out = io.StringIO()
    call_command("spectacular", "--format", "openapi-json", stdout=out)
    return dict(json.loads(out.getvalue()))


def test_a_strict_openapi_validator_accepts_the_schema() -> None:
    """drf-spectacular's own ``--validate`` checks structure only; openapi-spec-validator also checks each
    default against its schema (a phone's default ``''`` against its pattern failed it: cases probe 9)."""
    from openapi_spec_validator import validate

    validate(served_schema())


def test_a_nested_object_the_api_may_send_as_null_is_declared_nullable_the_openapi_3_0_3_way() -> None:
    """``{"allOf": [$ref], "nullable": true}`` has no effect under OpenAPI 3.0.3 (``nullable`` needs a ``type``
    beside it): a strict client refused every new form's ``"submission": null`` (cases probe 9)."""
    from openapi_schema_validator import OAS30ReadValidator

    schema = served_schema()
    components = schema["components"]["schemas"]
    form = {"$ref": "#/components/schemas/FormRequest", "components": schema["components"]}
    validator = OAS30ReadValidator(form)
    example = {name: None for name in components["FormRequest"]["properties"]}
    errors = {".".join(map(str, error.path)) for error in validator.iter_errors(example)}
    assert "submission" not in errors
    assert "submission" in {".".join(map(str, e.path)) for e in validator.iter_errors({"submission": 5})}
    still_allof = [
        f"{name}.{field}"
        for name, component in components.items()
        for field, spec in (component.get("properties") or {}).items()
        if spec.get("nullable") and "allOf" in spec and "type" not in spec
    ]
    assert still_allof == []


def test_every_operation_declares_the_statuses_the_framework_answers_with_their_error_body() -> None:
    """Staff operations answer 401 and 403, any operation 406, one with a body 415, a throttled one 429; each
    4xx has a body ({"detail", "code"} or field errors) a generated client can read (cases probe 9: none of the
    staff operations declared 401/403, 406 and 415 were nowhere, 25 4xx had no body)."""
    paths = served_schema()["paths"]
    missing = []
    for path, operations in paths.items():
        for method, operation in operations.items():
            declared = operation["responses"]
            expected = {"406"}
            expected |= {"401", "403"} if operation.get("security") != [{}] else {"429"}
            expected |= {"415"} if method in ("post", "put", "patch") else set()
            missing += [f"{method.upper()} {path} {code}" for code in sorted(expected - set(declared))]
            missing += [
                f"{method.upper()} {path} {code} without a body"
                for code, response in declared.items()
                if code.startswith("4") and "content" not in response
            ]
    assert missing == []
