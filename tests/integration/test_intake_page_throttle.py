"""The applicant's intake page is throttled per client address in the intake API's own budget: the page looked a
token up with no limit, while the API beside it answered 429 (left open since probe C27)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from unittest import mock

import pytest
from django.test import Client
from rest_framework.settings import api_settings
from rest_framework.test import APIClient

from tests.helpers import form_request_create


@pytest.fixture
def three_a_minute() -> Iterator[None]:
    rates = {**api_settings.DEFAULT_THROTTLE_RATES, "intake": "3/min"}
    with (
        mock.patch.dict(api_settings.DEFAULT_THROTTLE_RATES, rates),
        mock.patch("rest_framework.throttling.SimpleRateThrottle.THROTTLE_RATES", rates),
    ):
        yield


def test_the_page_answers_429_with_a_page_that_says_to_wait(alice_api: APIClient, three_a_minute: None) -> None:
    form = form_request_create(alice_api)
    browser = Client()
    answers = [browser.get(f"/intake/{form['token']}/") for _ in range(5)]
    assert [answer.status_code for answer in answers] == [200, 200, 200, 429, 429]
    throttled = answers[-1]
    assert 1 <= int(throttled["Retry-After"]) <= 60
    page = throttled.content.decode()
    assert "Demasiados pedidos" in page and "Aguarde um minuto" in page
    # Nothing of the link is looked up or shown while throttled.
    assert form["property_title"] not in page and form["token"] not in page
    assert throttled["Cache-Control"] == "no-store"


def test_the_page_and_the_api_share_one_budget_per_address(alice_api: APIClient, three_a_minute: None) -> None:
    form = form_request_create(alice_api)
    codes: list[Any] = [Client().get(f"/intake/{form['token']}/").status_code for _ in range(2)]
    codes += [APIClient().get(f"/api/v1/intake/{form['token']}").status_code for _ in range(2)]
    assert codes == [200, 200, 200, 429]


def test_the_page_in_english_says_so_in_english(alice_api: APIClient, three_a_minute: None) -> None:
    form = form_request_create(alice_api)
    for _ in range(3):
        Client().get(f"/intake/{form['token']}/?lang=en")
    throttled = Client().get(f"/intake/{form['token']}/?lang=en")
    assert throttled.status_code == 429
    assert "Too many requests" in throttled.content.decode()
