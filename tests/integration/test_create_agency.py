from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from rest_framework.authtoken.models import Token

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
