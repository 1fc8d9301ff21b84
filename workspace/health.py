"""Liveness and readiness for load balancers and orchestrators (django-health-check).

``/health/live`` answers from the process alone; ``/health/ready`` also checks
the database, the cache, the broker and the document storage, each with a short
timeout. Answers are JSON (or plain text with ``?format=text``), 200 or 503,
and name only the checks: no URL, bucket, path or error text from a client.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import boto3
from asgiref.sync import sync_to_async
from botocore.config import Config
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import DatabaseError, connections, router
from django.http import HttpRequest, HttpResponse
from health_check.base import HealthCheck
from health_check.checks import Cache as LibraryCache
from health_check.checks import Database as LibraryDatabase
from health_check.exceptions import HealthCheckException, ServiceUnavailable
from health_check.views import HealthCheckView
from kombu import Connection

from applicants.management.database import MARKER_QUERY, missing_sqlite_file
from documents.storage import store_mounted
from workspace.sqs import TASK_QUEUES, queue_url, sqs_endpoint


def _timeout() -> float:
    return float(settings.HEALTH_CHECK_TIMEOUT_SECONDS)


def aws_client_config() -> Config:
    """Short timeouts and no retries: a probe must answer within its budget."""
    return Config(connect_timeout=_timeout(), read_timeout=_timeout(), retries={"max_attempts": 1})


# The library's own database and cache checks answer with their error's text: "Cache key
# djangohealthcheck_test:<uuid> does not match", a driver's message up to its first colon (blind operations probe
# c26). Theirs under the same names (the JSON's labels), with the text fixed as the broker's and the storage's are;
# the library logs the cause.


@dataclasses.dataclass
class Database(LibraryDatabase):
    """One query on a table every migrated database has, on a connection opened only if the SQLite file exists.

    The library's ``SELECT 1`` said OK against the empty SQLite file its own connection had just created, with
    ``db.sqlite3`` moved away (blind probe r58a, F8): a database without the project's tables is not ready, and
    a readiness check creates nothing. ``MARKER_QUERY`` reads no row; it fails only if the table is missing.
    """

    def run(self) -> None:
        connection = connections[self.alias]
        if missing_sqlite_file(connection):
            raise ServiceUnavailable("database unavailable")
        try:
            with connection.temporary_connection() as cursor:
                cursor.execute(MARKER_QUERY)
                cursor.fetchall()
        except DatabaseError as exc:
            raise ServiceUnavailable("database unavailable") from exc


@dataclasses.dataclass
class Cache(LibraryCache):
    async def run(self) -> None:
        previous = await _sqlite_busy_timeout(self.alias, milliseconds=int(_timeout() * 1000))
        try:
            await super().run()
        except HealthCheckException as exc:
            raise type(exc)("cache unavailable") from exc
        finally:
            if previous is not None:
                await _sqlite_busy_timeout(self.alias, milliseconds=previous)


@sync_to_async  # thread-sensitive: the thread, and so the connection, the cache's own calls run on
def _sqlite_busy_timeout(alias: str, *, milliseconds: int) -> int | None:
    """Set SQLite's busy timeout on the connection the database cache uses; the one it had, or None elsewhere.

    Under another process's 30 s write lock the cache's write waited out the connection's 20 s busy timeout, and
    the probe answered after 9-20 s where each check stops after 5 s (blind probe r58a, F9): the library gives up
    waiting at 5 s, but the thread it waited on still holds the request until SQLite returns. The probe's write
    waits ``HEALTH_CHECK_TIMEOUT_SECONDS`` instead, as the broker and S3 calls do; the request's own is restored.
    """
    cache = caches[alias]
    if not isinstance(cache, DatabaseCache):
        return None
    connection = connections[router.db_for_write(cache.cache_model_class)]
    if connection.vendor != "sqlite":
        return None
    with connection.cursor() as cursor:
        (previous,) = cursor.execute("PRAGMA busy_timeout").fetchone()
        cursor.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")
    return int(previous)


@dataclasses.dataclass
class Broker(HealthCheck):
    """The configured CELERY_BROKER_URL is reachable (no message is sent)."""

    timeout = datetime.timedelta(seconds=5)

    def run(self) -> None:
        url = settings.CELERY_BROKER_URL
        scheme = urlparse(url).scheme
        try:
            if scheme == "sqla+sqlite":
                _sqlite_broker_check(url.removeprefix("sqla+sqlite:///"))
            elif scheme == "sqs":
                client = boto3.client(
                    "sqs",
                    region_name=settings.AWS_REGION,
                    endpoint_url=sqs_endpoint(),
                    config=aws_client_config(),
                )
                for queue in TASK_QUEUES:
                    client.get_queue_attributes(QueueUrl=queue_url(client, queue), AttributeNames=["QueueArn"])
            else:
                with Connection(url, connect_timeout=_timeout()) as connection:
                    connection.ensure_connection(max_retries=1)
        except Exception as exc:
            # The message of a client error can quote the URL: only a fixed text leaves.
            raise ServiceUnavailable("broker unreachable") from exc


def _sqlite_broker_check(path: str) -> None:
    """The embedded broker's file is there and takes a write (rolled back).

    A missing file is an outage, as the database's is, and readiness makes none: the file moved away under
    running processes answered ``OK``, only its folder being looked at (blind probe r74b, F3). A process that
    publishes makes it as it starts (``producer_warm``), so a started product has it.
    """
    file = Path(path)
    if not file.is_file():
        raise FileNotFoundError("broker file missing")
    connection = sqlite3.connect(f"file:{file}?mode=rw", uri=True, timeout=_timeout(), isolation_level=None)
    try:
        _sqlite_write_probe(connection)
    finally:
        connection.close()


def _sqlite_write_probe(connection: sqlite3.Connection) -> None:
    """Raise ``sqlite3.OperationalError`` unless the database accepts a write; the write is rolled back.

    SQLite opens a write-protected file read-only without a word, ``mode=rw`` included, and reads (even ``BEGIN
    IMMEDIATE``) still succeed: readiness said the broker was OK while it refused every message (blind probe r58a,
    F5). Rewriting the header's ``user_version`` with its own value is the smallest write there is; under WAL a
    rolled-back write reaches no file.
    """
    connection.execute("BEGIN IMMEDIATE")
    try:
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        connection.execute(f"PRAGMA user_version = {int(version)}")
    finally:
        connection.execute("ROLLBACK")


@dataclasses.dataclass
class DocumentStorage(HealthCheck):
    """The document storage is usable: the local folder is writable, or the S3 bucket answers ``HeadBucket``."""

    timeout = datetime.timedelta(seconds=5)

    def run(self) -> None:
        try:
            if settings.STORAGE_BACKEND == "s3":
                client = boto3.client(
                    "s3",
                    region_name=settings.AWS_REGION,
                    endpoint_url=settings.S3_ENDPOINT_URL,
                    config=aws_client_config(),
                )
                client.head_bucket(Bucket=settings.S3_BUCKET)
            else:
                # Checked, never made: `migrate` makes it (blind probe r58a, F8).
                root = Path(settings.LOCAL_STORAGE_DIR)
                if not root.is_dir():
                    raise OSError("storage folder missing")
                if not store_mounted(root):
                    raise OSError("storage folder is not the store (no marker: a volume not mounted?)")
                if not os.access(root, os.W_OK):
                    raise OSError("storage folder not writable")
        except Exception as exc:
            raise ServiceUnavailable("storage unavailable") from exc


class ProbeView(HealthCheckView):
    """django-health-check's view, answering JSON by default and 503 (not 500) when a check fails."""

    async def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response: HttpResponse = await super().dispatch(request, *args, **kwargs)
        if response.status_code == 500:
            response.status_code = 503
        return response

    def render_to_response(self, context: dict[str, Any], **response_kwargs: Any) -> HttpResponse:
        # The library's HTML page is for people; probes and scripts read JSON.
        return self.render_to_response_json(response_kwargs.get("status", 200))  # type: ignore[no-any-return]


# Process up: no dependency is touched, so a database outage never restarts the pods.
liveness = ProbeView.as_view(checks=())
readiness = ProbeView.as_view(
    checks=(Database, Cache, Broker, DocumentStorage),
)
