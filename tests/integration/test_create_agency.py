from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from applicants.models import Membership

pytestmark = pytest.mark.django_db


def test_create_agency_prints_one_json_line_with_a_working_token() -> None:
    out = io.StringIO()
    call_command("create_agency", "Casa Lusa", "--staff-email", "ana@casalusa.pt", stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert len(lines) == 1
    payload = json.loads(lines[0])
    assert set(payload) == {"organization_id", "user_id", "token"}
    membership = Membership.objects.get(user_id=payload["user_id"])
    assert str(membership.organization_id) == payload["organization_id"]
    assert Token.objects.get(key=payload["token"]).user_id == int(payload["user_id"])


def add_staff(*args: str) -> dict[str, str]:
    out = io.StringIO()
    call_command("add_staff", *args, stdout=out)
    return dict(json.loads(out.getvalue().strip()))


def test_a_colleague_added_by_name_works_with_their_own_token_and_the_staff_role() -> None:
    """Cases probe 4: an agency could not add a colleague (no call, command or page); staff shared a login."""
    out = io.StringIO()
    call_command("create_agency", "Casa Lusa", "--staff-email", "ana@casalusa.pt", stdout=out)
    agency = json.loads(out.getvalue())
    colleague = add_staff("Casa Lusa", "--email", "rui@casalusa.pt")
    assert colleague["organization_id"] == agency["organization_id"] and colleague["role"] == "STAFF"
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {colleague['token']}")
    assert client.get("/api/v1/applicants").status_code == 200
    created = client.post(
        "/api/v1/applicants/intake-form-requests",
        {"listing_type": "ARRENDAMENTO", "property_type": "APARTAMENTO", "property_title": "T2", "property_price": 900},
        format="json",
    )
    assert created.status_code == 201, created.content
    membership = Membership.objects.get(user_id=colleague["user_id"])
    assert membership.role == "STAFF" and not membership.user.has_perm("applicants.change_organization")
    assert membership.user.has_perm("applicants.view_pii")


def test_a_colleague_without_personal_data_and_an_unknown_agency() -> None:
    out = io.StringIO()
    call_command("create_agency", "Casa Lusa", "--staff-email", "ana@casalusa.pt", stdout=out)
    organization_id = json.loads(out.getvalue())["organization_id"]
    trainee = add_staff(organization_id, "--email", "eva@casalusa.pt", "--no-pii")
    user = Membership.objects.get(user_id=trainee["user_id"]).user
    assert user.has_perm("applicants.view_applicant") and not user.has_perm("applicants.view_pii")
    with pytest.raises(CommandError, match="no agency"):
        add_staff("Casa Nenhuma", "--email", "x@y.pt")
    with pytest.raises(CommandError, match="exists"):
        add_staff(organization_id, "--email", "eva@casalusa.pt")
