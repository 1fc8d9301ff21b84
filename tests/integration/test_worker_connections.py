"""A worker keeps its database connection between tasks and drops it when Django's rules say so."""

from __future__ import annotations

import time
from collections.abc import Iterator
from types import SimpleNamespace

import pytest
from celery.fixups.django import DjangoWorkerFixup
from celery.signals import task_postrun, task_prerun
from django.db import connection

from config.celery import app

pytestmark = pytest.mark.django_db(transaction=True)


class Task:
    """What the signal handlers read of a task: its request."""

    def __init__(self, *, eager: bool = False) -> None:
        self.request = SimpleNamespace(is_eager=eager)


def task_finished(*, eager: bool = False) -> None:
    task = Task(eager=eager)
    task_postrun.send(sender=task, task=task, task_id="t", args=(), kwargs={}, retval=None, state="SUCCESS")


@pytest.fixture(autouse=True)
def young_connection() -> Iterator[None]:
    """Each test starts, and leaves the next one, a connection that is young and in autocommit.

    Django's ``close()`` keeps an in-memory SQLite connection, so an age or a transaction a test
    set would otherwise reach whichever test of this worker runs next (random order).
    """

    def rejuvenate() -> None:
        connection.ensure_connection()
        connection.set_autocommit(True)
        connection.close_at = time.monotonic() + 60

    rejuvenate()
    yield
    rejuvenate()


@pytest.fixture
def closes(monkeypatch: pytest.MonkeyPatch) -> list[None]:
    """Each time the connection is closed. (The SQLite test database is in memory, where
    Django's ``close()`` keeps the connection, so the test watches the call.)"""
    calls: list[None] = []
    close = connection.close

    def watched() -> None:
        calls.append(None)
        close()

    monkeypatch.setattr(connection, "close", watched)
    return calls


def test_celerys_fixup_no_longer_closes_the_connection_around_every_task(closes: list[None]) -> None:
    fixup = DjangoWorkerFixup(app)
    connection.ensure_connection()
    for _ in range(10):  # before and after five tasks
        fixup.close_database()
    assert closes == []


def test_the_connection_is_kept_between_tasks_while_it_is_young(closes: list[None]) -> None:
    connection.ensure_connection()
    opened = connection.connection
    task = Task()
    task_prerun.send(sender=task, task=task, task_id="t", args=(), kwargs={})
    task_finished()
    assert connection.connection is opened
    assert closes == []


def test_an_old_connection_is_closed_after_the_task(closes: list[None]) -> None:
    connection.ensure_connection()
    task_finished()
    assert closes == []
    connection.close_at = time.monotonic() - 1  # past DB_CONN_MAX_AGE
    task_finished()
    assert closes == [None]


def test_a_task_that_left_a_transaction_open_does_not_hand_it_to_the_next(closes: list[None]) -> None:
    connection.ensure_connection()
    connection.set_autocommit(False)
    task_finished()
    assert closes == [None]
    connection.set_autocommit(True)


def test_an_eager_task_leaves_its_callers_connection_alone(closes: list[None]) -> None:
    connection.ensure_connection()
    connection.close_at = time.monotonic() - 1
    task_finished(eager=True)
    assert closes == []
