"""The Celery app: ``celery -A config worker -Q extraction,screening``."""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("config")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def _adaptive_embedded_broker() -> None:
    """The ``sqla+`` broker URLs use our adaptive-polling subclass of kombu's SQLAlchemy transport.

    Registered before any connection is made (this module is imported by
    ``config/__init__.py``), in web processes and workers alike
    (docs/adr/017-adaptive-broker-polling.md).
    """
    from kombu.transport import TRANSPORT_ALIASES  # type: ignore[attr-defined]

    TRANSPORT_ALIASES["sqla"] = TRANSPORT_ALIASES["sqlalchemy"] = "config.embedded_broker:Transport"


_adaptive_embedded_broker()


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
