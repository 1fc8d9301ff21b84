"""The applicant's intake page: server-rendered shell; everything else goes through the public API."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

SUPPORTED = {"pt-pt", "en"}


def intake_page(request: HttpRequest, token: str) -> HttpResponse:
    """The page only knows the token; it reads the form and submits through /api/v1/intake/<token>."""
    language = request.GET.get("lang") or request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) or "pt-pt"
    language = language.lower() if language.lower() in SUPPORTED else "pt-pt"
    translation.activate(language)
    response = render(
        request,
        "intake/intake.html",
        {
            "token": token,
            "api_base": f"/api/v1/intake/{token}",
            "consent_version": settings.CONSENT_TEXT_VERSION,
            "language": language,
        },
    )
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, samesite="Lax", secure=request.is_secure())
    # The token is a credential: keep it out of other sites' Referer headers.
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "no-store"
    return response
