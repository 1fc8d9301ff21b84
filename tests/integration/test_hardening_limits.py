"""Intake throttling: per token first, a generous ceiling per real address, counted in a shared cache (issue 13, item 11).

Offices and mobile carriers put many applicants behind one address, so the
address limit is only a ceiling; each intake token has its own budget. The
address is the one DRF computes with ``NUM_PROXIES`` (``X-Forwarded-For`` is
ignored unless a proxy count is configured), and the consent record stores
that same address.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from django.db import connection
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from applicants.models import Applicant
from tests.factories import make_nif
from tests.helpers import form_request_create, submission_body, upload

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
SLOT = {"filename": "recibo.pdf", "content_type": "application/pdf", "size": 100, "document_type": "PROOF_OF_INCOME"}
ROOT = Path(__file__).resolve().parents[2]


def address(n: int) -> str:
    return f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"


def apply_with_documents(api: APIClient, *, documents: int, seed: int) -> Any:
    """One applicant's whole visit from the intake page: the form, a slot and an upload per file, the submission."""
    token = form_request_create(api)["token"]
    assert APIClient().get(f"/api/v1/intake/{token}").status_code == 200
    entries = []
    for index in range(documents):
        if index == 0:
            name, data, content_type, document_type = "cc.png", PNG, "image/png", "ID_DOCUMENT"
        else:
            name, data, content_type, document_type = f"recibo-{index}.pdf", PDF, "application/pdf", "PROOF_OF_INCOME"
        key = upload(token, (name, data, content_type, document_type))
        entries.append(
            {"key": key, "original_filename": name, "content_type": content_type, "document_type": document_type}
        )
    return APIClient().post(
        f"/api/v1/intake/{token}/submissions", submission_body(make_nif(seed), entries), format="json"
    )


def test_two_applicants_from_the_same_address_in_one_minute_with_ten_documents_each_are_both_accepted(
    alice_api: APIClient,
) -> None:
    responses = [apply_with_documents(alice_api, documents=10, seed=seed) for seed in (1, 2)]
    assert [r.status_code for r in responses] == [201, 201], [r.content for r in responses]
    assert Applicant.objects.count() == 2


def test_a_busy_office_of_six_applicants_with_five_documents_each_in_one_minute_is_not_throttled(
    alice_api: APIClient,
) -> None:
    # The black-box run's case: 36 writes from one address hit the old 30/min on the fourth applicant.
    responses = [apply_with_documents(alice_api, documents=5, seed=seed) for seed in range(1, 7)]
    assert [r.status_code for r in responses] == [201] * 6, [r.content for r in responses]


@pytest.fixture
def shared_cache(settings: Any) -> None:
    """The configured cache (the database's by default), not the suite's per-process one."""
    from config import settings as project_settings

    settings.CACHES = project_settings.CACHES


@pytest.mark.usefixtures("shared_cache")
def test_a_thousand_writes_on_one_token_are_throttled_from_any_number_of_addresses(alice_api: APIClient) -> None:
    token = form_request_create(alice_api)["token"]
    api = APIClient()
    statuses = [
        api.post(f"/api/v1/intake/{token}/uploads", SLOT, format="json", REMOTE_ADDR=address(n)).status_code
        for n in range(1000)
    ]
    assert statuses[0] == 201
    # 60 a minute per token (INTAKE_TOKEN_WRITE_THROTTLE_RATE); the rest are refused before any work.
    assert set(statuses[60:]) == {429}
    assert statuses.count(429) == 940


@pytest.fixture
def clock() -> Iterator[list[float]]:
    now = [1_800_000_000.0]

    def timer(self: SimpleRateThrottle) -> float:
        return now[0]

    with mock.patch.object(SimpleRateThrottle, "timer", timer):
        yield now


@pytest.mark.usefixtures("shared_cache")
def test_one_token_has_a_daily_budget_even_at_a_slow_pace(alice_api: APIClient, clock: list[float]) -> None:
    token = form_request_create(alice_api)["token"]
    api = APIClient()
    statuses = []
    for n in range(400):
        clock[0] += 3.0  # 20 writes a minute: under every per-minute limit
        statuses.append(
            api.post(f"/api/v1/intake/{token}/uploads", SLOT, format="json", REMOTE_ADDR=address(n)).status_code
        )
    assert 429 not in statuses[:300]
    assert set(statuses[300:]) == {429}


def test_a_spoofed_x_forwarded_for_does_not_escape_the_address_ceiling(alice_api: APIClient) -> None:
    tokens = [form_request_create(alice_api)["token"] for _ in range(6)]
    api = APIClient()
    with mock.patch.dict(SimpleRateThrottle.THROTTLE_RATES, {"intake_write": "5/min"}):
        statuses = [
            api.post(
                f"/api/v1/intake/{token}/uploads", SLOT, format="json", HTTP_X_FORWARDED_FOR=address(n)
            ).status_code
            for n, token in enumerate(tokens)
        ]
    assert statuses == [201] * 5 + [429]


def test_behind_a_configured_proxy_the_client_address_is_throttled_and_recorded_in_the_consent(
    alice_api: APIClient, settings: Any
) -> None:
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    token = form_request_create(alice_api)["token"]
    response = APIClient().post(
        f"/api/v1/intake/{token}/submissions",
        submission_body(make_nif(7), []),
        format="json",
        HTTP_X_FORWARDED_FOR="198.51.100.99, 203.0.113.7",
        **proxy,
    )
    assert response.status_code == 201, response.content
    assert Applicant.objects.get().consent_ip == "203.0.113.7"
    # One address behind the proxy is limited; another, through the same proxy, is not.
    with mock.patch.dict(SimpleRateThrottle.THROTTLE_RATES, {"intake_write": "2/min"}):
        tokens = [form_request_create(alice_api)["token"] for _ in range(3)]
        same = [
            APIClient().post(f"/api/v1/intake/{t}/uploads", SLOT, format="json", HTTP_X_FORWARDED_FOR="203.0.113.8", **proxy).status_code
            for t in tokens
        ]  # fmt: skip
        other = APIClient().post(
            f"/api/v1/intake/{tokens[0]}/uploads", SLOT, format="json", HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy
        )
    assert same == [201, 201, 429]
    assert other.status_code == 201


def test_without_a_proxy_count_the_consent_records_the_connecting_address(alice_api: APIClient) -> None:
    token = form_request_create(alice_api)["token"]
    response = APIClient().post(
        f"/api/v1/intake/{token}/submissions",
        submission_body(make_nif(8), []),
        format="json",
        HTTP_X_FORWARDED_FOR="203.0.113.7",
        REMOTE_ADDR="192.0.2.10",
    )
    assert response.status_code == 201, response.content
    assert Applicant.objects.get().consent_ip == "192.0.2.10"


@pytest.mark.usefixtures("shared_cache")
def test_by_default_throttle_counts_live_in_the_database_cache(alice_api: APIClient) -> None:
    from config import settings as project_settings

    assert project_settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    table = project_settings.CACHES["default"]["LOCATION"]
    token = form_request_create(alice_api)["token"]
    assert APIClient().post(f"/api/v1/intake/{token}/uploads", SLOT, format="json").status_code == 201
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cache_key FROM {connection.ops.quote_name(table)}")  # noqa: S608 (a setting)
        keys = [row[0] for row in cursor.fetchall()]
    assert any("intake_token_write" in key for key in keys), keys
    assert any("intake_write" in key for key in keys), keys


def test_migrate_creates_the_cache_table_for_make_run(tmp_path: Path) -> None:
    clean_env = {k: v for k, v in __import__("os").environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    done = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=ROOT,
        env={**clean_env, "DATA_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    tables = {row[0] for row in sqlite3.connect(tmp_path / "db.sqlite3").execute("SELECT name FROM sqlite_master")}
    assert "django_cache" in tables


def test_drf_own_errors_have_the_business_error_shape_and_a_throttle_says_when_in_portuguese(
    alice_api: APIClient,
) -> None:
    """Every 4xx that is not a field error is {"detail", "code"}: a client branches on code alone."""
    token = form_request_create(alice_api)["token"]
    api = APIClient()
    with mock.patch.dict(SimpleRateThrottle.THROTTLE_RATES, {"intake_write": "1/min"}):
        assert api.post(f"/api/v1/intake/{token}/uploads", SLOT, format="json").status_code == 201
        throttled = api.post(f"/api/v1/intake/{token}/uploads", SLOT, format="json")
    assert throttled.status_code == 429
    body = throttled.json()
    assert set(body) == {"detail", "code"} and body["code"] == "throttled"
    wait = int(throttled["Retry-After"])
    assert 0 < wait <= 60
    assert body["detail"] == f"Demasiados pedidos. Tente de novo dentro de {wait} s."
    malformed = api.post(f"/api/v1/intake/{token}/uploads", "{not json", content_type="application/json")
    assert (malformed.status_code, malformed.json()["code"]) == (400, "parse_error")
    anonymous = APIClient().get("/api/v1/applicants")
    assert (anonymous.status_code, anonymous.json()["code"]) == (401, "not_authenticated")
    assert set(anonymous.json()) == {"detail", "code"}
