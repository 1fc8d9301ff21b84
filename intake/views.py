"""The applicant's intake page, rendered by the server: the property, the agency and the link's state
are in the HTML; JavaScript only enhances it (uploads, progress) through /api/v1/intake/<token>.

An unknown link answers 404 and an expired one 410, each with a page that says so; too many requests from one
address answer 429 (the API's per-address budget), with a page that says to wait.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from rest_framework.throttling import AnonRateThrottle

from applicants.errors import DataErased, FormLinkReplaced
from applicants.models import FormStatus, IntakeFormRequest
from applicants.notice import notice_text
from applicants.selectors import IntakeLink, intake_link_by_token
from intake.mail import due_words
from intake.status import income_documents, status_of_person
from screening.explanation import texts_for

SUPPORTED = {"pt-pt", "en"}
# A used link whose person was erased or purged: the page says so (the API answers 410 data_erased).
ERASED = "ERASED"
# A re-sent invitation's earlier link: expired because a newer one went to the same person by e-mail.
REPLACED = "REPLACED"
# Too many requests from the client's address: the page says to wait, and looks nothing up.
THROTTLED = "THROTTLED"


class IntakePageThrottle(AnonRateThrottle):
    """The page's requests count in the intake API's own budget per client address (its ``intake`` scope): a
    link tried at the page is a link tried at the API, which the page's own script then calls too. Staff signed
    in are not counted, as in the API."""

    scope = "intake"


def page_language(request: HttpRequest) -> str:
    """The page's language: the one chosen (``?lang``, then the cookie the page sets), else the browser's best
    supported one (``Accept-Language``: "en-GB" reads English, "pt-BR" European Portuguese), else pt-PT. An
    expat's English browser got the whole page in Portuguese until they found the "English" link (blind probe
    r72c, F1)."""
    chosen = chosen_language(request.GET.get("lang") or request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) or "")
    if chosen:
        return chosen
    browser = translation.get_language_from_request(request).lower()
    return browser if browser in SUPPORTED else settings.LANGUAGE_CODE


def chosen_language(code: str) -> str:
    """A language chosen as the API reads ``?lang`` (``intake.api.language_of``): "en..." English, "pt..." European
    Portuguese, else none. "?lang=pt" gave an English browser the page in English (round 72C, r72c F13), while the
    status it polls, and the documents' reasons in it, were in Portuguese."""
    code = code.lower()
    if code.startswith("en"):
        return "en"
    return "pt-pt" if code.startswith("pt") else ""


def intake_page(request: HttpRequest, token: str) -> HttpResponse:
    language = page_language(request)
    translation.activate(language)
    throttle = IntakePageThrottle()
    if not throttle.allow_request(request, None):  # type: ignore[arg-type]
        return too_many_requests(request, language, throttle.wait())
    link: IntakeLink | None
    erased = replaced_by_agency = False
    erased_data_sent = True
    # The form a dead link was of (replaced or erased), so its page names the property and the agency.
    dead_links_form: IntakeFormRequest | None = None
    try:
        link = intake_link_by_token(token=token)
    except Http404:
        link = None
    except DataErased as gone:
        # An invited person's (or a request's) link whose rows went with the erasure: only its hash is left.
        link, erased, erased_data_sent, dead_links_form = None, True, gone.data_sent, gone.form_request
    except FormLinkReplaced as replaced:
        # Staff gave the form a new link: this one names the form, and opens nothing else.
        link, replaced_by_agency, dead_links_form = None, True, replaced.form_request
    state = ERASED if erased else REPLACED if replaced_by_agency else link.effective_status if link else None
    shown_form = dead_links_form or (link.form_request if link else None)
    if link and state == FormStatus.EXPIRED and link.replaced:
        state = REPLACED
    language_code = "en" if language == "en" else "pt-PT"
    person: dict[str, Any] = {}
    if link and state == FormStatus.COMPLETED:
        try:
            person = status_of_person(link, language=language_code)
        except DataErased:
            state = ERASED
        person["explanation_figures"] = explanation_figures(person.get("explanation") or {}, language_code)
        if person.get("due_at"):
            # The request's deadline as its e-mail says it: "20 December 2026" in English, with its hour when it
            # ends before the day does (blind probe r72c: "20/12/2026" on the English page).
            person["due_words"] = due_words(person["due_at"])[1 if language_code == "en" else 0]
    # The full notice (GDPR art. 13) in the page's language; the submission sends its hash back as the one
    # accepted (blind probe r64b, F2 and F11).
    notice = notice_text(organization=link.form_request.organization, language=language_code) if link else None
    context = {
        "token": token,
        "api_base": f"/api/v1/intake/{token}",
        "consent_version": settings.CONSENT_TEXT_VERSION,
        "consent_notice": notice.text if notice else "",
        "consent_notice_sha256": notice.sha256 if notice else "",
        "language": language,
        "state": state or "UNKNOWN",
        "agency_name": shown_form.organization.name if shown_form else "",
        "property_title": shown_form.property_title if shown_form else "",
        # Replaced by staff, not re-sent by e-mail as an invitation is: the page says to ask the agency.
        "replaced_by_agency": replaced_by_agency,
        # An invitation never answered, its application erased: the page says the application went, not their data.
        "erased_nothing_sent": not erased_data_sent,
        # The person's own second round, in the HTML: what is asked of them, the explanation, their comments.
        "person": person,
        "income_documents": income_documents(language_code),
    }
    status = 410 if state in (FormStatus.EXPIRED, REPLACED, ERASED) else 404 if link is None else 200
    return page(request, language, context, status=status)


def explanation_figures(explanation: dict[str, Any], language: str) -> dict[str, str]:
    """The ratio and the agency's limit as the explanation's sentences write them, to the hundredth ("39,76 %",
    "39.76%"): the page rounded them to whole percents, "40%" beside a sentence saying 39.76% (blind probe r72c)."""
    if explanation.get("dti_ratio") is None:
        return {}
    words = texts_for(language)
    return {
        "ratio": words.ratio(Decimal(str(explanation["dti_ratio"]))),
        "limit": words.percent(Decimal(str(explanation["dti_limit"]))),
    }


def too_many_requests(request: HttpRequest, language: str, wait: float | None) -> HttpResponse:
    context = {"token": "", "api_base": "", "language": language, "state": THROTTLED, "person": {}}
    response = page(request, language, context, status=429)
    if wait is not None:
        response["Retry-After"] = str(max(1, round(wait)))
    return response


def page(request: HttpRequest, language: str, context: dict[str, Any], *, status: int) -> HttpResponse:
    response = render(request, "intake/intake.html", context, status=status)
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, samesite="Lax", secure=request.is_secure())
    # The token is a credential: keep it out of other sites' Referer headers.
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "no-store"
    return response
