"""The Celery app: ``celery -A config worker -Q extraction,screening``."""

from __future__ import annotations

import os

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("config")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
def _tune_embedded_broker(**_: object) -> None:
    """Poll the SQLite broker every 0.05 s instead of kombu's 1 s.

    An idle poll is one small SELECT; with prefetch 1 every task hop waits
    for the next poll, so the interval is per-task latency (see bench/).

    kombu's SQLAlchemy channel passes every transport option to
    ``create_engine()``, so the usual ``polling_interval`` option cannot be
    used with it; the transport's class attribute is the one knob left.
    """
    from django.conf import settings

    if str(settings.CELERY_BROKER_URL).startswith("sqla+"):
        from kombu.transport import sqlalchemy as kombu_sqlalchemy

        kombu_sqlalchemy.Transport.polling_interval = settings.SQLA_POLLING_INTERVAL


def _embedded_broker_wal() -> None:
    """WAL and synchronous=NORMAL on the SQLite broker, as on the main database.

    kombu opens the broker through SQLAlchemy with default pragmas, so every
    publish (one per submission) waited for a journal fsync.
    """
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    @event.listens_for(Engine, "connect")
    def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
        import sqlite3

        if isinstance(dbapi_connection, sqlite3.Connection):
            cursor = dbapi_connection.cursor()
            try:
                cursor.execute("PRAGMA synchronous=NORMAL")
                # WAL persists in the file: once any connection set it, a busy
                # database refusing the switch again changes nothing.
                cursor.execute("PRAGMA journal_mode=WAL")
            except sqlite3.OperationalError:
                pass
            finally:
                cursor.close()


_embedded_broker_wal()
