"""DRF pieces both entry apps share: the business-error shape and handler, money fields, common responses."""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import Http404
from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers, status
from rest_framework.exceptions import APIException, NotFound, ParseError, Throttled, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from applicants.errors import BusinessRuleError
from applicants.text import format_eur_for


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Business-rule errors become ``{"detail", "code"}`` with their status (docs/api.md, Errors).

    DRF's own non-field errors (a throttle, malformed JSON, missing credentials, ...) get the same
    shape: their ``detail`` plus DRF's code, so a client can branch on ``code`` for every 4xx that
    is not a field error. A throttle's wait is in ``Retry-After`` and said in Portuguese like every
    other message (DRF's Portuguese catalogue leaves its "Expected available in" in English).
    """
    if isinstance(exc, BusinessRuleError):
        body: dict[str, Any] = {"detail": exc.message, "code": exc.code}
        if exc.document is not None:
            body["document"] = exc.document
        return Response(body, status=exc.status_code)
    if isinstance(exc, Http404):  # the selectors' "not found (or another agency's)": DRF's own, for its code
        exc = NotFound()
    if isinstance(exc, RequestDataTooBig):
        # A JSON body past DATA_UPLOAD_MAX_MEMORY_SIZE: Django's own answer was an HTML 400 and a logged
        # traceback (e2e probe 20). Routine, so a 413 of the API's shape and no error log.
        return Response(
            {"detail": _("O corpo do pedido é demasiado grande."), "code": "request_too_large"},
            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        )
    if isinstance(exc, ValidationError) and body_not_an_object(context):
        # DRF's "Era esperado um dicionário, mas foi recebido list." named Python's type in English, under
        # non_field_errors with no code (blind probe r80b): the body's shape is the client's error, said so.
        return Response(
            {"detail": _("O corpo do pedido tem de ser um objeto JSON ({...})."), "code": "body_not_an_object"},
            status=status.HTTP_400_BAD_REQUEST,
        )
    response = drf_exception_handler(exc, context)
    if response is None or isinstance(exc, ValidationError) or not isinstance(exc, APIException):
        return response
    if isinstance(exc, Throttled):
        seconds = getattr(exc, "wait", None)  # set by DRF, missing from its type stubs
        detail = (
            _("Demasiados pedidos. Tente de novo dentro de %(seconds)s s.") % {"seconds": math.ceil(seconds)}
            if seconds is not None
            else _("Demasiados pedidos.")
        )
        response.data = {"detail": detail, "code": "throttled"}
    elif isinstance(exc, ParseError) and str(exc.detail).startswith("JSON parse error"):
        # DRF writes this one untranslated, with the JSON decoder's English text after it.
        response.data = {"detail": _("O corpo do pedido não é JSON válido."), "code": "parse_error"}
    elif isinstance(response.data, dict) and "detail" in response.data:
        response.data = {"detail": response.data["detail"], "code": exc.get_codes()}
    return response


def body_not_an_object(context: dict[str, Any]) -> bool:
    """A request whose parsed JSON body is a list, a string, a number or null, where every endpoint takes an
    object."""
    request = context.get("request")
    if request is None or request.method in {"GET", "HEAD", "OPTIONS", "DELETE"}:
        return False
    try:
        data = request.data
    except Exception:  # a body that did not parse is answered as the ParseError it raised
        return False
    return not isinstance(data, Mapping)


class JsonBooleanField(serializers.BooleanField):
    """A switch in a body: the JSON values ``true`` and ``false`` only. DRF's own also took "yes", "on", "1" and 1
    (e2e probe 20: ``"force": "yes"`` forced a screening); a string is a field error, as it would be a typo."""

    def to_internal_value(self, data: Any) -> bool:
        if data is True or data is False:
            return data
        self.fail("invalid", input=data)
        raise AssertionError  # unreachable: fail() raises


class UnknownEndpoint(APIView):
    """What no route of the API takes (an id that is not a UUID, a mistyped path): a 404 of the API's shape.

    Django's own page would be HTML, and with ``DEBUG`` on it lists every URL pattern.
    """

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]

    def initial(self, request: Any, *args: Any, **kwargs: Any) -> None:
        raise NotFound()


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField()
    # Only on a refusal of one of the request's files: its index in ``documents``.
    document = serializers.IntegerField(required=False, min_value=0)


def _at_least(amount: Decimal) -> str:
    return _("Indique um valor igual ou superior a {amount}.").format(
        amount=format_eur_for(amount, language=get_language())
    )


def money_field(*, min_value: Decimal | None = None, **kwargs: Any) -> serializers.DecimalField:
    """Euros as JSON numbers (the contract's money), two decimals. A bound is said in euros as the answer's language
    writes them ("0,01 €", "€0.01"): DRF's own message printed the Python number ("maior ou igual a 0.01", blind probe
    r70a, F09), and the English one the Portuguese amount (r72c, F8), so the amount is written when the message is."""
    if min_value is not None:
        kwargs["min_value"] = min_value
        kwargs["error_messages"] = {
            "min_value": lazy(_at_least, str)(min_value),
            **kwargs.get("error_messages", {}),
        }
    return serializers.DecimalField(max_digits=12, decimal_places=2, coerce_to_string=False, **kwargs)


def _not_a_choice(values: tuple[str, ...]) -> str:
    """DRF's "\"arrendamento\" não é uma opção válida." named no value that is (blind probe r76d, F3); ``{input}``
    is left for DRF to fill."""
    named = (
        values[0]
        if len(values) == 1
        else _("%(first)s ou %(last)s")
        % {
            "first": ", ".join(values[:-1]),
            "last": values[-1],
        }
    )
    return _('"{input}" não é uma opção válida: use %(values)s.') % {"values": named}


def choice_field(*, choices: Any, **kwargs: Any) -> serializers.ChoiceField:
    """A choice a client writes: refused, its message names the valid values (the codes the contract has), in the
    answer's language."""
    values = tuple(str(choice[0] if isinstance(choice, tuple | list) else choice) for choice in choices)
    kwargs["error_messages"] = {
        "invalid_choice": lazy(_not_a_choice, str)(values),
        **kwargs.get("error_messages", {}),
    }
    return serializers.ChoiceField(choices=choices, **kwargs)


def error_response(description: str) -> OpenApiResponse:
    return OpenApiResponse(response=ErrorSerializer, description=description)


NOT_FOUND = OpenApiResponse(description="Not found (or another agency's)")
PAGE_NOT_FOUND = OpenApiResponse(description="Page out of range")
FIELD_ERRORS = OpenApiResponse(response=OpenApiTypes.OBJECT, description='Field errors: {"field": ["message", ...]}')
INVALID_FILTER = OpenApiResponse(response=OpenApiTypes.OBJECT, description='Invalid filter: {"parameter": ["message"]}')


def client_address(request: Any) -> str:
    """The client's address as the throttles see it: ``REMOTE_ADDR``, or with ``NUM_PROXIES``
    set, the address that many proxies back in ``X-Forwarded-For``. Recorded with the consent,
    and used by django-axes for admin logins, so every limit trusts the same proxies."""
    ident = BaseThrottle().get_ident(request)
    return str(ident)[:45] if ident else ""


def admin_login_address(request: Any) -> str | None:
    """``client_address`` for django-axes, which wants None (not "") when a request has no address."""
    return client_address(request) or None
