"""The staff workspace speaks European Portuguese unless the staff member chose English.

Django's ``LocaleMiddleware`` follows the browser's ``Accept-Language``, so a
Portuguese agency's staff on an English-language browser got the admin's own
chrome in English around pt-PT content. In the admin, only an explicit choice
(the language cookie, set through Django's ``set_language`` view from the
links in the admin header) switches away from ``LANGUAGE_CODE``.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

ADMIN_PREFIX = "/admin/"


class StaffLanguageMiddleware:
    """After ``LocaleMiddleware``: in the admin, the default language wins over the browser's."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(ADMIN_PREFIX) and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
