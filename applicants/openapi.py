"""The OpenAPI schema as a client generator reads it: every status the API can answer, with its body.

drf-spectacular documents what each view declares; the statuses DRF itself answers for any view
(missing credentials, a role that may not, an ``Accept`` nothing renders, a body in a type nothing
parses, a throttle) are the same for every operation, so they are added here from what the view is
made of instead of being repeated on every ``@extend_schema``. Their body is the ``Error`` shape the
exception handler gives them (``applicants.rest.exception_handler``).
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework.permissions import AllowAny

from applicants.rest import ErrorSerializer

_JSON = ["application/json"]

UNAUTHENTICATED = "Missing, malformed, unknown or revoked credentials (`authentication_failed`, `not_authenticated`)"
FORBIDDEN = "This staff member's role or permissions do not allow it (`permission_denied`)"
NOT_ACCEPTABLE = "No representation matches the `Accept` header (`not_acceptable`)"
UNSUPPORTED_MEDIA = "The body's `Content-Type` is not JSON (`unsupported_media_type`)"
THROTTLED = "Too many requests; wait the seconds in `Retry-After` (`throttled`)"
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
# DRF's field errors: each field's messages, nested as the body is for a list of objects or an object.
FIELD_ERRORS_SCHEMA = {
    "type": "object",
    "description": 'Field errors: {"field": ["message", ...]}, nested as the body is ({"documents": [{}, '
    '{"document_type": ["..."]}]})',
    "additionalProperties": {},
}


class ApiAutoSchema(AutoSchema):
    """drf-spectacular's schema plus the statuses every view of its kind answers, each with the error body."""

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses: dict[str, Any] = super()._get_response_bodies(direction)
        for code, description in self._framework_statuses():
            responses.setdefault(code, self._error(code, description))
        for code, response in list(responses.items()):
            # A declared 4xx without a body (a bare "not found") still answers {"detail", "code"}.
            if code.startswith("4") and "content" not in response:
                responses[code] = self._error(code, response.get("description", ""))
        if self.method in _BODY_METHODS and self.get_request_serializer() is not None and "400" in responses:
            self._field_errors_allowed(responses["400"])
        return responses

    def _field_errors_allowed(self, response: dict[str, Any]) -> None:
        """A 400 declared as the ``Error`` shape, on an operation whose body a serializer validates, may also
        be that serializer's field errors: the body is either (end-to-end probe 17: a client generated from the
        schema failed on every routine field error of five operations)."""
        for media in (response.get("content") or {}).values():
            if media.get("schema") == self._error_reference():
                media["schema"] = {"anyOf": [media["schema"], FIELD_ERRORS_SCHEMA]}

    def _error_reference(self) -> Any:
        return self.resolve_serializer(ErrorSerializer, "response").ref

    def _framework_statuses(self) -> list[tuple[str, str]]:
        statuses = []
        if self._requires_credentials():
            statuses += [("401", UNAUTHENTICATED), ("403", FORBIDDEN)]
        statuses.append(("406", NOT_ACCEPTABLE))
        if self.method in _BODY_METHODS:
            statuses.append(("415", UNSUPPORTED_MEDIA))
        if self.view.get_throttles():
            statuses.append(("429", THROTTLED))
        return statuses

    def _requires_credentials(self) -> bool:
        permissions = self.view.get_permissions()
        return bool(self.view.get_authenticators()) and not all(isinstance(p, AllowAny) for p in permissions)

    def _error(self, code: str, description: str) -> Any:
        return self._get_response_for_code(
            OpenApiResponse(response=ErrorSerializer, description=description), code, _JSON
        )


def nullable_references(result: dict[str, Any], **_: Any) -> dict[str, Any]:
    """A postprocessing hook: ``{"allOf": [$ref], "nullable": true}`` becomes ``{"oneOf": [$ref, null]}``.

    OpenAPI 3.0.3 gives ``nullable`` effect only beside a ``type`` in the same schema object, so the
    form drf-spectacular writes for a nullable nested serializer (its issue 925) lets a strict
    validator or a typed client refuse the ``null`` the API sends (a form without a submission, an
    applicant without a report). A second ``oneOf`` branch that is only ``null`` says it in 3.0 terms.
    """
    for component in result.get("components", {}).get("schemas", {}).values():
        for name, field in (component.get("properties") or {}).items():
            if field.get("nullable") and "allOf" in field and "type" not in field:
                component["properties"][name] = _one_of_or_null(field)
    return result


def _one_of_or_null(field: dict[str, Any]) -> dict[str, Any]:
    rest = {key: value for key, value in field.items() if key not in ("allOf", "nullable")}
    null_only = {"type": "object", "nullable": True, "enum": [None]}
    return {"oneOf": [*field["allOf"], null_only], **rest}
