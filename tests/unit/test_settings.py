"""Settings: strict booleans, *_FILE secrets, production refuses development secrets, deploy checks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_float, env_secret

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "t8#Vq2!mZr5@Lp9wXe3^Kd7&Hs1*Ny6%Bc4(Ju0)Ga8+Fi2=Ol5?Rw",
    "FIELD_ENCRYPTION_KEYS": "0XJ7i0Wn3Sv3Jw1y7WQ7kzRXK6VqY6o0k8yD0QGv2Dk=",
    "BLIND_INDEX_KEY": "b" * 40,
    "STORAGE_ENCRYPTION_KEYS": "c2NyZWVuaW5nLXN0b3JhZ2Uta2V5LWZvci10ZXN0cyE=",
    "ALLOWED_HOSTS": "screening.example.pt",
    "DEBUG": "false",
    # Production names its database; check --deploy opens none.
    "DATABASE_URL": "sqlite:////nonexistent/screening-settings-check.sqlite3",
}


@pytest.mark.parametrize(("raw", "expected"), [("true", True), ("FALSE", False), ("", True)])
def test_booleans_accept_only_true_or_false(monkeypatch: pytest.MonkeyPatch, raw: str, expected: bool) -> None:
    monkeypatch.setenv("FLAG", raw)
    assert env_bool("FLAG", default=True) is expected


@pytest.mark.parametrize("raw", ["yes", "1", "on", "ture"])
def test_anything_else_is_an_error(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv("FLAG", raw)
    with pytest.raises(ImproperlyConfigured):
        env_bool("FLAG", default=False)


@pytest.mark.parametrize(("raw", "expected"), [("0.002", 0.002), ("1", 1.0), ("", 0.5)])
def test_intervals_read_as_numbers(monkeypatch: pytest.MonkeyPatch, raw: str, expected: float) -> None:
    monkeypatch.setenv("INTERVAL", raw)
    assert env_float("INTERVAL", 0.5) == expected


@pytest.mark.parametrize("raw", ["fast", "-1", "nan", "inf", "0,01"])
def test_an_interval_that_is_not_a_finite_positive_number_is_an_error(
    monkeypatch: pytest.MonkeyPatch, raw: str
) -> None:
    monkeypatch.setenv("INTERVAL", raw)
    with pytest.raises(ImproperlyConfigured, match="INTERVAL"):
        env_float("INTERVAL", 0.5)


def test_secret_from_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.write_text("from-a-file\n")
    monkeypatch.setenv("API_KEY_FILE", str(secret))
    assert env_secret("API_KEY", "default") == "from-a-file"


def manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "SECRET_KEY", "FIELD_", "BLIND_", "STORAGE_"))
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_deploy_checks_pass_under_production_settings(tmp_path: Path) -> None:
    done = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION, DATA_DIR=str(tmp_path))
    assert done.returncode == 0, done.stderr + done.stdout


@pytest.mark.parametrize(
    "missing", ["SECRET_KEY", "FIELD_ENCRYPTION_KEYS", "BLIND_INDEX_KEY", "STORAGE_ENCRYPTION_KEYS"]
)
def test_production_refuses_development_secrets(tmp_path: Path, missing: str) -> None:
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    done = manage("check", **env, DATA_DIR=str(tmp_path))
    assert done.returncode != 0
    assert missing in done.stderr


@pytest.mark.parametrize(
    ("setting", "dev_key"),
    [
        ("FIELD_ENCRYPTION_KEYS", "ZGV2LWluc2VjdXJlLWZpZWxkLWtleS0wMDAwMDAwMDA="),
        ("STORAGE_ENCRYPTION_KEYS", "ZGV2LWluc2VjdXJlLXN0b3JhZ2Uta2V5LTAwMDAwMDA="),
    ],
)
def test_production_refuses_a_development_key_listed_after_a_new_one_and_says_how_to_leave_it(
    tmp_path: Path, setting: str, dev_key: str
) -> None:
    """Blind probe r63b: the README told to list the dev key after a new one, which production refused with "Set
    FIELD_ENCRYPTION_KEYS", a variable already set."""
    done = manage("check", **{**PRODUCTION, setting: f"{PRODUCTION[setting]},{dev_key}"}, DATA_DIR=str(tmp_path))
    assert done.returncode != 0
    assert f"{setting} holds the development key" in done.stderr and "rotate off it first" in done.stderr


def test_production_refuses_debug(tmp_path: Path) -> None:
    done = manage("check", **{**PRODUCTION, "DEBUG": "true"}, DATA_DIR=str(tmp_path))
    assert done.returncode != 0 and "DEBUG" in done.stderr


def test_production_refuses_to_guess_its_database(tmp_path: Path) -> None:
    env = {k: v for k, v in PRODUCTION.items() if k != "DATABASE_URL"}
    done = manage("check", **env, DATA_DIR=str(tmp_path))
    assert done.returncode != 0 and "Set DATABASE_URL in production" in done.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        # Blind operations probe c26: each of these started, then failed at the first request or document.
        ({"DATABASE_URL": "notaurl"}, "DATABASE_URL is not a database URL"),
        ({"FIELD_ENCRYPTION_KEYS": "notakey"}, "FIELD_ENCRYPTION_KEYS holds a key that is not a Fernet key"),
        ({"SCREENING_BACKEND": "openai"}, "SCREENING_BACKEND=openai needs OPENAI_API_KEY"),
        ({"EXTRACTION_BACKEND": "reducto"}, "EXTRACTION_BACKEND=reducto needs REDUCTO_API_KEY"),
    ],
)
def test_a_setting_that_cannot_work_stops_the_start_with_what_to_set(
    tmp_path: Path, env: dict[str, str], message: str
) -> None:
    done = manage("check", **env, DATA_DIR=str(tmp_path), OPENAI_API_KEY="", REDUCTO_API_KEY="")
    assert done.returncode != 0 and message in done.stderr


def test_an_empty_field_keys_file_stops_the_start(tmp_path: Path) -> None:
    empty = tmp_path / "field_keys"
    empty.write_text("")
    done = manage("check", **{k: v for k, v in PRODUCTION.items() if k != "FIELD_ENCRYPTION_KEYS"},
                  FIELD_ENCRYPTION_KEYS_FILE=str(empty), DATA_DIR=str(tmp_path))  # fmt: skip
    assert done.returncode != 0 and "FIELD_ENCRYPTION_KEYS is empty" in done.stderr


@pytest.mark.parametrize(
    ("url", "backend"),
    [
        ("pymemcache://127.0.0.1:11211", "django.core.cache.backends.memcached.PyMemcacheCache"),
        ("redis://127.0.0.1:6379/1", "django.core.cache.backends.redis.RedisCache"),
    ],
)
def test_the_documented_cache_urls_load_their_backends(tmp_path: Path, url: str, backend: str) -> None:
    # Blind operations probe c26: pymemcache:// named the pylibmc backend, and neither client library was installed.
    # Loading the backend (no server here) imports its client.
    code = "from django.core.cache import cache; from django.conf import settings; print(settings.CACHES['default']['BACKEND']); cache._class"
    done = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "CACHE_URL": url, "DATA_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [backend]


def test_the_documented_redis_broker_loads_its_transport() -> None:
    # The worker died with "'NoneType' object has no attribute 'Redis'": the transport's client was missing.
    from kombu.transport import redis as redis_transport

    assert redis_transport.redis is not None
