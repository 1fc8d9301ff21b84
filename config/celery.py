"""The Celery app: ``celery -A config worker -Q extraction,screening``."""

from __future__ import annotations

import os
import threading
from typing import Any

import structlog
from celery import Celery
from celery.signals import task_postrun, task_prerun, worker_process_init
from kombu.common import maybe_declare

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("config")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def _our_broker_transports() -> None:
    """The ``sqla+`` broker URLs use our adaptive-polling subclass of kombu's SQLAlchemy transport,
    the ``sqs://`` ones our subclass of kombu's SQS transport woken by acknowledgements.

    Registered before any connection is made (this module is imported by
    ``config/__init__.py``), in web processes and workers alike
    (docs/adr/017-adaptive-broker-polling.md).
    """
    from kombu.transport import TRANSPORT_ALIASES  # type: ignore[attr-defined]

    TRANSPORT_ALIASES["sqla"] = TRANSPORT_ALIASES["sqlalchemy"] = "config.embedded_broker:Transport"
    TRANSPORT_ALIASES["sqs"] = "config.sqs_broker:Transport"


_our_broker_transports()


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


def producer_warm(celery_app: Celery = app) -> None:
    """Open this process's publishing connection now, not when it sends its first message.

    The first message a process sent paid for kombu's transport imports, the
    connection and the queue declarations (0.1-0.3 s measured on the embedded
    broker; boto3 on SQS): the first applicant after a web process or a pool
    child started waited for it. Called once a web process has loaded its
    WSGI application and in every pool child after the fork (a connection
    must not cross a fork), on a thread of its own so that a broker that is
    slow or down now delays nothing: the first send handles it as before.
    """
    if not celery_app.conf.task_always_eager:
        threading.Thread(target=producer_warm_now, args=(celery_app,), name="broker-warm", daemon=True).start()


def producer_warm_now(celery_app: Celery) -> None:
    try:
        celery_app.finalize(auto=True)  # the task registry, built on the first send otherwise (~10 ms)
        # Both typed loosely by celery's stubs (no ``queues``, no ``acquire``).
        amqp: Any = celery_app.amqp
        pool: Any = celery_app.producer_pool
        producer = pool.acquire(block=True)
        try:
            for name in sorted({route["queue"] for route in celery_app.conf.task_routes.values()}):
                maybe_declare(amqp.queues[name], producer.channel)
        finally:
            producer.release()
    except Exception as exc:
        structlog.get_logger(__name__).warning("broker.warm_failed", error=exc.__class__.__name__)


@worker_process_init.connect
def _pool_child_producer_warm(**kwargs: Any) -> None:
    producer_warm()


@task_prerun.connect
def _log_context_of_this_task(task_id: str | None = None, task: Any = None, **kwargs: Any) -> None:
    """Every task logs under its own name and id, and no other's applicant.

    The log context lives in the worker process between tasks: a beat task (the sweep, the outbox relay) run
    after a document's extraction logged that task's name, id and applicant (cases probe 6: 53 of 194 lines).
    A pipeline task binds its applicant next (``PipelineTask.before_start``, called after this signal).
    """
    structlog.contextvars.clear_contextvars()
    if task is not None:
        structlog.contextvars.bind_contextvars(task_id=task_id, task=task.name)


@task_prerun.connect
@task_postrun.connect
def _stale_connections_close(task: Any = None, **kwargs: Any) -> None:
    """Between tasks, Django's request rules for connections (settings ``CELERY_DB_REUSE_MAX``).

    An eager task runs inside its caller's transaction, which must stay open.
    """
    if task is not None and not getattr(task.request, "is_eager", False):
        from django.db import close_old_connections

        close_old_connections()
