"""A server error on a machine route is the API's JSON, never Django's HTML page.

``docs/api.md`` promises JSON on every ``/api/v1/`` path and ``{"detail", "code"}`` from the local store's
``/storage/upload``, but an exception no handler knows (the database or the storage failing, a bug) went past DRF's
handler to Django's: a 500 HTML page, and with ``DEBUG`` on (``make run``'s default) the debug page, which printed
the request's body (the applicant's NIF, name and e-mail), the intake token and, in a database outage, the
connection's password (blind operations probe c26). Here such an error becomes a 500 of the API's shape, in the
request's language, and its traceback is logged as Django logs a 500's (``django.request``, at ERROR), with the
request's path redacted by the logging filters; nothing of the exception reaches the client.

A request Django refuses before any view (a ``Host`` header not in ``ALLOWED_HOSTS``) goes to ``handler400``: on a
machine route that is the API's JSON too (blind security probe c27 had an HTML page on ``/api/v1/``). With ``DEBUG``
on, Django shows its debug page instead of calling ``handler400``, so ``MachineRouteHostMiddleware`` asks for the
host first on those routes (blind probe r73a: the page repeated an intake link's token and the settings).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.core.exceptions import BadRequest, DisallowedHost, PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from django.views import defaults

# The routes machines call: the REST API and the local store's signed upload and download.
MACHINE_PREFIXES = ("/api/", "/storage/")

logger = logging.getLogger("django.request")
# Where Django itself reports a refused host (django.core.handlers.exception.response_for_exception).
host_logger = logging.getLogger("django.security.DisallowedHost")
# What Django answers with a 4xx (django.core.handlers.exception.response_for_exception).
CLIENT_ERRORS = (Http404, PermissionDenied, BadRequest, SuspiciousOperation, MultiPartParserError)


class JsonServerErrorMiddleware:
    """The only ``process_exception`` in ``MIDDLEWARE``: the first to see a view's exception."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        # A client's error (a forged download token's 404, a refused permission, a malformed body) keeps Django's
        # answer: only what Django would answer with a 500 is ours.
        if not request.path.startswith(MACHINE_PREFIXES) or isinstance(exception, CLIENT_ERRORS):
            return None
        logger.error("Internal Server Error: %s", request.path, exc_info=exception, extra={"status_code": 500})
        return JsonResponse(
            {"detail": _("Erro interno do serviço. Tente de novo dentro de momentos."), "code": "server_error"},
            status=500,
        )


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """``handler400``: the API's JSON on a machine route, Django's page elsewhere (the admin, the intake page)."""
    if not request.path.startswith(MACHINE_PREFIXES):
        return defaults.bad_request(request, exception)
    return JsonResponse({"detail": _("Pedido inválido."), "code": "bad_request"}, status=400)


class MachineRouteHostMiddleware:
    """Early in ``MIDDLEWARE``: a machine route's refused ``Host`` is ``bad_request``'s JSON whatever ``DEBUG`` says.

    Logged as Django logs it (the refused host's name only; the path with its token is not in the message).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(MACHINE_PREFIXES):
            try:
                request.get_host()
            except DisallowedHost as exc:
                host_logger.error(str(exc))
                return bad_request(request, exc)
        return self.get_response(request)
