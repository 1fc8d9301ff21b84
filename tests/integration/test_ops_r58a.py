"""Blind probe r58a's operations findings: a stopped beat shows, readiness tells the truth, commands check first."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

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
