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
        "/api/v1/applicants",
        "/api/v1/applicants/{id}",
        "/api/v1/applicants/{id}/status",
        "/api/v1/applicants/{id}/rescreen",
        "/api/v1/applicants/{id}/decision",
        "/api/v1/applicants/{id}/contests/{contest_id}/answer",
        "/api/v1/applicants/{id}/report.pdf",
        "/api/v1/applicants/{id}/export",
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
    assert operations == 24
    assert failures == []
