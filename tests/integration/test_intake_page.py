"""The intake page is rendered by the server: unknown links 404, expired ones 410, the property in the HTML."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from applicants.models import IntakeFormRequest
from tests.helpers import form_request_create

pytestmark = pytest.mark.django_db


def test_an_unknown_link_answers_404_with_a_page_that_says_so() -> None:
    response = Client().get("/intake/not-a-real-token-at-all/")
    assert response.status_code == 404
    assert "Link not found" in response.content.decode() or "Ligação não encontrada" in response.content.decode()


def test_an_open_link_has_the_property_and_the_agency_in_the_html(alice_api: APIClient) -> None:
    form = form_request_create(alice_api, property_title="T2 com terraço em Alvalade")
    page = Client().get(f"/intake/{form['token']}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "T2 com terraço em Alvalade" in html and "Imobiliária Alice" in html
    assert 'data-state="PENDING"' in html


def test_an_expired_link_answers_410_and_explains_it(alice_api: APIClient) -> None:
    form = form_request_create(alice_api, property_title="T1 em Benfica")
    IntakeFormRequest.objects.filter(id=form["id"]).update(expires_at=timezone.now() - dt.timedelta(days=1))
    page = Client().get(f"/intake/{form['token']}/?lang=en")
    assert page.status_code == 410
    html = page.content.decode()
    assert "This link has expired" in html and "T1 em Benfica" in html


def test_the_page_and_the_api_list_the_income_documents_of_each_profile(alice_api: APIClient) -> None:
    form = form_request_create(alice_api)
    info = APIClient().get(f"/api/v1/intake/{form['token']}").json()
    kinds = {profile: [d["kind"] for d in documents] for profile, documents in info["income_documents"].items()}
    assert set(kinds) == {"EMPLOYEE", "INDEPENDENT", "PENSIONER", "MIXED"}
    assert kinds["EMPLOYEE"][0] == "RECIBO_VENCIMENTO" and "DECLARACAO_PENSAO" not in kinds["EMPLOYEE"]
    assert kinds["PENSIONER"][0] == "DECLARACAO_PENSAO"
    assert "FATURA_RECIBO" in kinds["INDEPENDENT"]
    assert set(kinds["MIXED"]) >= set(kinds["EMPLOYEE"]) | set(kinds["INDEPENDENT"]) | set(kinds["PENSIONER"])
    html = Client().get(f"/intake/{form['token']}/").content.decode()
    assert 'name="income_profile"' in html and 'data-profile="PENSIONER"' in html
    assert "Declaração de pensão" in html
    english = Client().get(f"/intake/{form['token']}/?lang=en").content.decode()
    assert "Pension statement" in english


@pytest.mark.parametrize(
    ("accept_language", "query", "cookie", "page_language"),
    [
        ("en-GB,en;q=0.9", "", "", "en"),
        ("en-US,en;q=0.9,pt;q=0.5", "", "", "en"),
        ("pt-BR,pt;q=0.9", "", "", "pt-PT"),
        ("de-DE,de;q=0.9", "", "", "pt-PT"),
        ("", "", "", "pt-PT"),
        ("en-GB,en;q=0.9", "?lang=pt-pt", "", "pt-PT"),
        ("en-GB,en;q=0.9", "", "pt-pt", "pt-PT"),
        ("pt-PT", "", "en", "en"),
    ],
)
def test_the_page_speaks_the_browsers_language_unless_one_was_chosen(
    alice_api: APIClient, accept_language: str, query: str, cookie: str, page_language: str
) -> None:
    """Blind probe r72c, F1: an English browser got the page in Portuguese. The link's "?lang" and the cookie the
    page sets (the person's choice) come first."""
    form = form_request_create(alice_api)
    client = Client(HTTP_ACCEPT_LANGUAGE=accept_language) if accept_language else Client()
    if cookie:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = cookie
    html = client.get(f"/intake/{form['token']}/{query}").content.decode()
    assert f'<html lang="{page_language}"' in html
