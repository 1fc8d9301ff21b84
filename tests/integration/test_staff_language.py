"""The staff workspace speaks pt-PT by default, whatever the browser's language; English by choice."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(alice: Any) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    alice.user.is_staff = True
    alice.user.save()
    client.force_login(alice.user)
    return client


def test_an_english_browser_still_gets_the_admin_in_portuguese(staff_client: Client) -> None:
    page = staff_client.get("/admin/").content.decode()
    assert "Administração do site" in page
    assert "Site administration" not in page


def test_the_admin_applicant_list_reads_in_portuguese(staff_client: Client) -> None:
    page = staff_client.get("/admin/applicants/applicant/").content.decode()
    assert "Sair" in page and "Log out" not in page


def test_a_staff_member_who_chooses_english_gets_english(staff_client: Client) -> None:
    chosen = staff_client.post("/i18n/setlang/", {"language": "en", "next": "/admin/"})
    assert chosen.status_code == 302
    page = staff_client.get("/admin/").content.decode()
    assert "Site administration" in page


def test_the_intake_page_still_follows_its_own_language_choice(alice_api: Any) -> None:
    from tests.helpers import form_request_create

    form = form_request_create(alice_api)
    english = Client().get(f"/intake/{form['token']}/?lang=en").content.decode()
    assert 'lang="en"' in english
