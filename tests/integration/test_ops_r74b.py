"""Blind probe r74b's operations findings: what the README's task call does, what a late sweep can mean."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

import pytest
import structlog
from celery import Celery
from django.core.management import call_command
from django.utils import timezone

from screening.models import ScreeningReport
from screening.services import screen_applicant
from tests.factories import ApplicantFactory
from workspace.sweep_clock import sweep_mark_ran

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


# --- F2: the task's force is a re-run's, and the README says so ---------------------------------------------------


@pytest.mark.django_db
def test_a_hand_sent_force_without_the_report_it_replaces_replaces_nothing_and_says_why() -> None:
    applicant = ApplicantFactory()
    first = screen_applicant(applicant_id=applicant.id)
    assert first is not None

    with structlog.testing.capture_logs() as logs:
        assert screen_applicant(applicant_id=applicant.id, force=True) is None
    assert list(ScreeningReport.objects.filter(applicant=applicant).values_list("id", flat=True)) == [first.id]
    assert [log["reason"] for log in logs if log["event"] == "screening.skipped"] == ["forced run's report not current"]

    # The run a person asks for names the report it replaces: a new report, the old one kept.
    with structlog.testing.capture_logs() as logs:
        second = screen_applicant(applicant_id=applicant.id, force=True, supersedes=str(first.id))
    assert second is not None and second.id != first.id
    assert ScreeningReport.objects.filter(applicant=applicant).count() == 2
    # Without force a report is still simply there.
    with structlog.testing.capture_logs() as logs:
        assert screen_applicant(applicant_id=applicant.id) is None
    assert [log["reason"] for log in logs if log["event"] == "screening.skipped"] == ["report exists"]


def test_the_readme_sends_no_force_by_hand_and_points_to_rescreen_for_a_new_report() -> None:
    readme = (ROOT / "README.md").read_text()
    calls = [
        line for line in readme.splitlines() if "celery -A config call screening.tasks.screen_applicant_task" in line
    ]
    assert calls, "the README's celery call for the screening task"
    assert all('"force"' not in line for line in calls)
    section = readme[readme.index(calls[0]) :]
    assert re.search(r"To screen a screened applicant again use `python manage.py rescreen <id> --force`", section)


# --- F4: a late sweep, beat's or the worker's ---------------------------------------------------------------------


@pytest.fixture
def embedded_broker(settings: Any, tmp_path: Path) -> Celery:
    """The broker file as a running product has it, and an app that sends to it as beat does."""
    import config.celery  # noqa: F401  (registers the adaptive transport for sqla+ URLs)

    url = f"sqla+sqlite:///{tmp_path / 'broker.sqlite3'}"
    settings.CELERY_BROKER_URL = url
    beat = Celery("beat-test", broker=url, set_as_current=False)
    beat.conf.update(task_routes=settings.CELERY_TASK_ROUTES)
    beat.send_task("screening.tasks.outbox_relay_task")  # another task's message is no sweep's
    return beat


@pytest.mark.django_db
def test_a_late_sweep_with_its_messages_waiting_names_the_worker_not_beat(
    settings: Any, embedded_broker: Celery
) -> None:
    settings.PIPELINE_SWEEP_INTERVAL_SECONDS = 15
    sweep_mark_ran(now=timezone.now() - dt.timedelta(seconds=46))
    for _ in range(3):  # beat alive, every worker down
        embedded_broker.send_task("screening.tasks.pipeline_sweep_task")
    embedded_broker.close()

    line = next(line for line in run("pipeline_status").splitlines() if line.startswith("recovery sweep"))
    assert line.endswith(
        "s ago: WARNING, late: 3 sweep message(s) waiting in queue screening: beat sends them, "
        "is a worker taking queue screening running?"
    ), line
    assert "is celery beat running" not in line


@pytest.mark.django_db
def test_a_late_sweep_with_none_waiting_still_asks_for_beat(settings: Any, embedded_broker: Celery) -> None:
    embedded_broker.close()
    text = run("pipeline_status")
    assert "no run recorded: WARNING, no sweep message waiting in queue screening: is celery beat running?" in text


@pytest.mark.django_db
def test_a_late_sweep_on_a_broker_it_cannot_read_names_both(settings: Any, tmp_path: Path) -> None:
    settings.CELERY_BROKER_URL = f"sqla+sqlite:///{tmp_path / 'gone.sqlite3'}"
    text = run("pipeline_status")
    assert "no run recorded: WARNING, is celery beat running, and a worker taking queue screening?" in text
    assert not (tmp_path / "gone.sqlite3").exists()  # a status command makes no broker


@pytest.mark.django_db
def test_a_sweep_on_time_reads_as_before(settings: Any, embedded_broker: Celery) -> None:
    settings.PIPELINE_SWEEP_INTERVAL_SECONDS = 60
    embedded_broker.send_task("screening.tasks.pipeline_sweep_task")  # the next one, due now
    embedded_broker.close()
    sweep_mark_ran(now=timezone.now() - dt.timedelta(seconds=30))
    line = next(line for line in run("pipeline_status").splitlines() if line.startswith("recovery sweep"))
    assert line.endswith("s ago") and "WARNING" not in line
