"""Blind probe r58a's operations findings: a stopped beat shows, readiness tells the truth, commands check first."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.cache.backends.db import DatabaseCache
from django.core.management import CommandError, call_command, get_commands, load_command_class
from django.db import connection
from django.db.utils import ConnectionHandler
from django.test import Client
from django.utils import timezone

from applicants.management import database
from applicants.management.database import DatabaseCommand
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
    # What the warning goes on to say depends on whether the embedded broker's file can be read (r74b, F4).
    text = run("pipeline_status")
    assert "no run recorded: WARNING, " in text and "is celery beat running" in text
    assert json.loads(run("pipeline_status", "--json"))["recovery_sweep"]["late"] is True

    from config.celery import app

    app.loader.import_default_modules()
    app.tasks["screening.tasks.pipeline_sweep_task"]()  # as beat runs it
    text = run("pipeline_status")
    assert "recovery sweep (every 60s): last ran " in text and "WARNING" not in text
    assert json.loads(run("pipeline_status", "--json"))["recovery_sweep"]["late"] is False

    sweep_mark_ran(now=timezone.now() - dt.timedelta(seconds=200))  # beat killed three sweeps ago
    text = run("pipeline_status")
    assert "s ago: WARNING, late: " in text and "is celery beat running" in text


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


# --- F8: readiness creates nothing it checks ---------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_ready_says_a_missing_storage_folder_is_unavailable_and_does_not_make_it(
    settings: Any, broker_file: Path
) -> None:
    shutil.rmtree(settings.LOCAL_STORAGE_DIR)  # an unmounted volume, a folder moved away
    assert ready()["DocumentStorage()"] == "Unavailable: storage unavailable"
    assert not settings.LOCAL_STORAGE_DIR.exists()


@pytest.mark.django_db
def test_migrate_makes_the_local_storage_folder(settings: Any) -> None:
    shutil.rmtree(settings.LOCAL_STORAGE_DIR)
    call_command("migrate", verbosity=0)
    assert settings.LOCAL_STORAGE_DIR.is_dir()


@pytest.mark.django_db(transaction=True)
def test_ready_says_a_missing_sqlite_database_is_unavailable_and_does_not_create_it(
    broker_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The embedded default's file moved away (also in the PostgreSQL run: an SQLite connection of its own).
    missing = tmp_path / "moved-away" / "db.sqlite3"
    missing.parent.mkdir()
    sqlite_only = ConnectionHandler({"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(missing)}})
    monkeypatch.setattr(health, "connections", sqlite_only)
    check = health.Database()
    with pytest.raises(health.ServiceUnavailable, match="database unavailable"):
        check.run()
    assert not missing.exists()
    sqlite3.connect(missing).close()  # an empty file, as a connection elsewhere would have made
    with pytest.raises(health.ServiceUnavailable, match="database unavailable"):
        check.run()
    sqlite_only.close_all()
    monkeypatch.undo()
    assert ready()["Database(alias='default')"] == "OK"


# --- F6: every command that reads the database checks it first ----------------------------------------------------


def manage(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env["DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, str(Path(django_settings.BASE_DIR) / "manage.py"), *args],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


@pytest.mark.parametrize(
    "command",
    [
        ["requeue_stuck"],
        ["rescreen", "00000000-0000-4000-8000-000000000001"],
        ["outbox_relay"],
        ["cleanup_storage"],
    ],
)
def test_a_command_on_a_mistyped_data_dir_says_so_and_makes_no_database(command: list[str], tmp_path: Path) -> None:
    data_dir = tmp_path / "nonexistent"
    result = manage(*command, data_dir=data_dir)
    assert result.returncode == 1, result.stderr
    assert f"there is no database at {data_dir / 'db.sqlite3'}: run migrate, or check DATA_DIR" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (data_dir / "db.sqlite3").exists()


# Commands that touch only files or SQS; every other command of the project reads the database.
NO_DATABASE = {"extract_file", "redrive_dlq", "sqs_bootstrap", "rotate_storage_keys"}


def test_every_project_command_that_reads_the_database_checks_it_first() -> None:
    project = {"applicants", "documents", "screening", "workspace", "intake"}
    commands = {name: app for name, app in get_commands().items() if app in project}
    assert set(commands) >= NO_DATABASE
    unguarded = [
        name
        for name, app in commands.items()
        if name not in NO_DATABASE and not isinstance(load_command_class(app, name), DatabaseCommand)
    ]
    assert unguarded == []


@pytest.mark.django_db
def test_a_command_on_a_database_without_tables_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "MARKER_TABLE", "not_a_table_of_this_project")
    with pytest.raises(CommandError, match="has no tables: run migrate, or check DATA_DIR / DATABASE_URL"):
        run("outbox_relay")


# --- F7: a count argument below 1 is an argument error ------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "option"),
    [("cleanup_storage", "--limit"), ("rotate_encryption_keys", "--batch-size"), ("redrive_dlq", "--limit")],
)
@pytest.mark.parametrize("value", ["-1", "0", "ten"])
def test_a_count_below_one_or_not_a_number_is_refused_by_the_argument_parser(
    command: str, option: str, value: str
) -> None:
    extra = ["--queue", "screening"] if command == "redrive_dlq" else []
    with pytest.raises(CommandError, match=f"argument {option}: .*(not a positive number|not a whole number)"):
        call_command(command, option, value, *extra)


def test_cleanup_storage_with_a_negative_limit_exits_with_a_usage_error_not_a_traceback(tmp_path: Path) -> None:
    result = manage("cleanup_storage", "--limit", "-1", data_dir=tmp_path)
    assert result.returncode == 2
    assert "argument --limit: -1 is not a positive number: give 1 or more" in result.stderr
    assert "Traceback" not in result.stderr


# --- F9: readiness answers within its budget under a database write lock ------------------------------------------


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's busy timeout; PostgreSQL waits on row locks")
@pytest.mark.django_db(transaction=True)
def test_the_cache_check_waits_on_a_locked_sqlite_database_only_as_long_as_the_probe_timeout(
    settings: Any, broker_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Blind probe r58a: under another process's write lock the cache's write waited out the connection's 20 s
    # busy timeout, and /health/ready answered after 9-20 s. What the write waits is the busy timeout in force.
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "django_cache"}
    }
    settings.HEALTH_CHECK_TIMEOUT_SECONDS = 2
    waits: list[int] = []
    original_set = DatabaseCache.set

    def observed_set(self: DatabaseCache, *args: Any, **kwargs: Any) -> None:
        waits.append(busy_timeout())
        original_set(self, *args, **kwargs)

    def busy_timeout() -> int:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA busy_timeout")
            return int(cursor.fetchone()[0])

    monkeypatch.setattr(DatabaseCache, "set", observed_set)
    before = busy_timeout()
    assert ready()["Cache(alias='default')"] == "OK"
    assert waits == [2000]
    assert busy_timeout() == before  # the request's own writes wait as long as before
