"""Safe by default: the image runs production settings, keys are not reused, Swagger needs no CDN,
admin logins are throttled, staff tokens expire and can be revoked."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.unit.test_settings import PRODUCTION, manage

ROOT = Path(__file__).resolve().parents[2]


def test_the_image_runs_production_settings_unless_told_otherwise() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    env_lines = [line for line in dockerfile.splitlines() if line.startswith("ENV ")]
    assert any(re.search(r"\bDJANGO_ENV=production\b", line) for line in env_lines)


@pytest.mark.parametrize("reused", ["SECRET_KEY", "FIELD_ENCRYPTION_KEYS"])
def test_a_blind_index_key_equal_to_another_key_is_refused(tmp_path: Path, reused: str) -> None:
    env = {**PRODUCTION, "BLIND_INDEX_KEY": PRODUCTION[reused]}
    done = manage("check", **env, DATA_DIR=str(tmp_path))
    assert done.returncode != 0
    assert "BLIND_INDEX_KEY" in done.stderr


@pytest.mark.django_db
def test_swagger_ui_loads_its_assets_from_the_app_not_a_cdn() -> None:
    page = Client().get("/api/v1/docs").content.decode()
    assert "cdn.jsdelivr.net" not in page and "unpkg.com" not in page
    assert "/static/drf_spectacular_sidecar/" in page


@pytest.mark.django_db
def test_admin_login_locks_after_repeated_failures(alice: Any, settings: Any) -> None:
    user = alice.user
    user.set_password("the-right-password-123")
    user.is_staff = True
    user.save()
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": user.username, "password": "wrong"})
    response = client.post("/admin/login/", {"username": user.username, "password": "the-right-password-123"})
    assert "_auth_user_id" not in client.session
    assert response.status_code in {403, 429}


@pytest.mark.django_db
def test_a_staff_token_past_its_lifetime_is_refused(alice: Any, settings: Any) -> None:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {alice.token}")
    assert client.get("/api/v1/applicants").status_code == 200
    Token.objects.filter(key=alice.token).update(
        created=timezone.now() - dt.timedelta(days=settings.STAFF_TOKEN_TTL_DAYS + 1)
    )
    assert client.get("/api/v1/applicants").status_code == 401


@pytest.mark.django_db
def test_a_token_deleted_in_admin_stops_working_at_once(alice: Any, admin_client: Client) -> None:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {alice.token}")
    assert client.get("/api/v1/applicants").status_code == 200
    response = admin_client.post(f"/admin/authtoken/tokenproxy/{alice.user.pk}/delete/", {"post": "yes"}, follow=False)
    assert response.status_code == 302
    assert client.get("/api/v1/applicants").status_code == 401
