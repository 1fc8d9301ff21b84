"""Blind probe r58a's operations findings: a stopped beat shows, readiness tells the truth, commands check first."""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from workspace import health
from workspace.sweep_clock import sweep_mark_ran


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


# --- F1: a stopped beat is visible -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_pipeline_status_says_when_the_recovery_sweep_last_ran_and_warns_when_beat_is_silent(settings: Any) -> None:
    settings.PIPELINE_SWEEP_INTERVAL_SECONDS = 60
    assert "no run recorded: WARNING, is celery beat running?" in run("pipeline_status")
    assert json.loads(run("pipeline_status", "--json"))["recovery_sweep"]["late"] is True

    from config.celery import app

    app.loader.import_default_modules()
    app.tasks["screening.tasks.pipeline_sweep_task"]()  # as beat runs it
    text = run("pipeline_status")
    assert "recovery sweep (every 60s): last ran " in text and "WARNING" not in text
    assert json.loads(run("pipeline_status", "--json"))["recovery_sweep"]["late"] is False

    sweep_mark_ran(now=timezone.now() - dt.timedelta(seconds=200))  # beat killed three sweeps ago
    assert "s ago: WARNING, late: is celery beat running?" in run("pipeline_status")


@pytest.mark.django_db
def test_metrics_expose_when_the_recovery_sweep_last_ran() -> None:
    assert "pipeline_sweep_last_run_timestamp_seconds" not in Client().get("/metrics").content.decode()
    ran_at = timezone.now() - dt.timedelta(seconds=30)
    sweep_mark_ran(now=ran_at)
    body = Client().get("/metrics").content.decode()
    line = next(line for line in body.splitlines() if line.startswith("pipeline_sweep_last_run_timestamp_seconds "))
    assert float(line.split()[1]) == pytest.approx(ran_at.timestamp())


# --- F5: readiness sees a broker that cannot write ---------------------------------------------------------------


@pytest.fixture
def broker_file(settings: Any, tmp_path: Path) -> Path:
    path = tmp_path / "broker.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE kombu_message (id INTEGER PRIMARY KEY)")
    connection.close()
    settings.CELERY_BROKER_URL = f"sqla+sqlite:///{path}"
    return path


def ready() -> dict[str, str]:
    response = Client().get("/health/ready")
    body: dict[str, str] = response.json()
    assert (response.status_code == 200) == (set(body.values()) == {"OK"}), body
    return body


@pytest.mark.django_db(transaction=True)
def test_ready_says_the_broker_is_unavailable_when_sqlite_opens_its_file_read_only(
    broker_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert ready()["Broker()"] == "OK"
    connect = sqlite3.connect

    def downgraded(database: str, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        # What SQLite does, without a word, to `mode=rw` on a write-protected file (chattr +i, a read-only mount).
        return connect(database.replace("mode=rw", "mode=ro"), *args, **kwargs)

    monkeypatch.setattr(health.sqlite3, "connect", downgraded)
    assert ready()["Broker()"] == "Unavailable: broker unreachable"


@pytest.mark.django_db(transaction=True)
def test_ready_says_the_broker_is_unavailable_when_its_file_is_immutable(broker_file: Path) -> None:
    if subprocess.run(["chattr", "+i", str(broker_file)], capture_output=True, check=False).returncode != 0:
        pytest.skip("chattr +i needs root and a filesystem that supports it")
    try:
        assert ready()["Broker()"] == "Unavailable: broker unreachable"
    finally:
        subprocess.run(["chattr", "-i", str(broker_file)], check=True)
    assert ready()["Broker()"] == "OK"
