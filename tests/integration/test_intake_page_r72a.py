"""The intake page as the server renders it (blind probe r72a, WCAG 2.1 AA): each dead link's title says what
happened, and the agency's own words keep their language on the page in English (WCAG 3.1.2)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.template.loader import render_to_string
from django.utils import translation

STATES = {
    "UNKNOWN": "Ligação não encontrada",
    "EXPIRED": "Esta ligação expirou",
    "REPLACED": "Esta ligação foi substituída",
    "ERASED": "Os seus dados foram apagados",
    "THROTTLED": "Demasiados pedidos",
}


def page(language: str, **context: Any) -> str:
    with translation.override(language):
        return render_to_string(
            "intake/intake.html",
            {"language": language, "state": "PENDING", "person": {}, "api_base": "/api/v1/intake/x", **context},
        )


def title(html: str) -> str:
    match = re.search(r"<title>(.*?)</title>", html, re.S)
    assert match
    return match.group(1).strip()


@pytest.mark.parametrize("state", STATES)
def test_a_dead_link_is_titled_by_its_heading(state: str) -> None:
    html = page("pt-pt", state=state)
    heading = re.search(r'<h1 id="unavailable-title" tabindex="-1">(.*?)</h1>', html)
    assert heading and heading.group(1) == STATES[state]
    assert title(html) == f"{STATES[state]} · Candidatura a imóvel"


def test_an_open_link_keeps_the_pages_title_for_the_script_to_complete() -> None:
    assert title(page("pt-pt")) == "Candidatura a imóvel"
    assert title(page("en", state="EXPIRED")) == "This link has expired · Rental application"


def test_the_agencys_words_are_marked_portuguese_on_the_english_page() -> None:
    person = {
        "requested_documents": [{"document_type": "PROOF_OF_INCOME", "note": "o recibo de outubro"}],
        "message": "Envie, por favor, o recibo de outubro.",
        "due_at": dt.datetime(2026, 12, 20, 18, 0, tzinfo=dt.UTC),
        "explanation": {"checks": [], "dti_ratio": None},
        "contests": [{"message": "I sent it.", "status": "ANSWERED", "answer": "Recebemos, obrigado."}],
    }
    html = page("en", state="COMPLETED", person=person)
    assert '<html lang="en">' in html
    assert '<blockquote id="more-info-message" lang="pt-PT">Envie, por favor, o recibo de outubro.</blockquote>' in html
    assert ': <span lang="pt-PT">o recibo de outubro</span></label>' in html
    assert '<span lang="pt-PT">Recebemos, obrigado.</span>' in html
    # The applicant's own comment is in whatever language they wrote it: not marked.
    assert '<li data-status="ANSWERED">I sent it.<br>' in html
