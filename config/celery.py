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
