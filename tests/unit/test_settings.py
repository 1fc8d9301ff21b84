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


def test_production_refuses_debug(tmp_path: Path) -> None:
    done = manage("check", **{**PRODUCTION, "DEBUG": "true"}, DATA_DIR=str(tmp_path))
    assert done.returncode != 0 and "DEBUG" in done.stderr
