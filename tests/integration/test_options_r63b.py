"""Blind probe r63b: ``OPTIONS`` on a staff route answered 403 "no permission" to the agency's admin, beside an
``Allow`` header listing it. It answers the route's metadata to staff, and stays closed to anyone else."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_options_on_a_staff_route_answers_its_methods_to_staff(alice_api: APIClient) -> None:
    response = alice_api.options("/api/v1/applicants")
    assert response.status_code == 200, response.content
    assert "OPTIONS" in response["Allow"]


def test_options_without_a_token_is_still_refused() -> None:
    assert APIClient().options("/api/v1/applicants").status_code == 401
