"""The embedded broker's transport: kombu's SQLAlchemy transport, polled adaptively.

kombu's virtual transports sleep a fixed ``polling_interval`` after every empty
poll, and each poll of the SQLAlchemy transport opens a write transaction
(``BEGIN IMMEDIATE`` on SQLite) per queue. A short interval cuts the wait
between chained tasks but burns an idle worker's CPU; a long one does the
opposite. This transport (docs/adr/017-adaptive-broker-polling.md):

- polls every ``polling_interval`` (0.05 s) while messages keep coming, and
  backs off towards ``idle_polling_interval`` (1 s) the longer it finds none;
- wakes at once when this worker acknowledges a message (its prefetch slot is
  free again: the next message, often one the finished task just sent, is
  taken without waiting for a poll), and does not poll while no slot is free;
- looks for a visible message with a plain read before taking the write lock,
  so an empty poll is one indexed SELECT;
- while it waits idle, looks every ``doorbell_interval`` (0.05 s) at the
  broker file's size and time (a ``stat``, no lock, no query): another process
  sending a message writes to it, and the worker polls at once instead of at
  the end of its idle wait. An idle system writes nothing, so it rings only
  with work about;
- bounds a publish's wait for the write lock by ``publish_timeout`` (3 s), not
  the connection's busy timeout (30 s) a worker's poll and acknowledgement keep:
  a request publishes after its commit, and a broker file held locked made
  the applicant wait for the lock (25 s) or past their client's patience
  for a submission already stored (blind probe r74b, docs/adr/009-self-healing-pipeline.md).

Registered for the ``sqla+`` / ``sqlalchemy+`` broker URLs by ``config.celery``;
the two intervals come from the broker transport options, which kombu's own
channel would hand to ``create_engine()``.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from json import dumps
from queue import Empty
from time import monotonic
from typing import Any

from kombu.transport import sqlalchemy as kombu_sqlalchemy
from kombu.transport import virtual
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, OperationalError

# Transport options this module reads; they never reach create_engine().
POLLING_OPTIONS = ("polling_interval", "idle_polling_interval", "publish_timeout")
#: A publish's longest wait for the broker's write lock when the transport options name none (seconds).
DEFAULT_PUBLISH_TIMEOUT = 3.0


class QoS(virtual.QoS):  # type: ignore[misc]
    """Prefetch accounting that wakes the transport when a slot frees up."""

    def ack(self, delivery_tag: Any) -> None:
        super().ack(delivery_tag)
        self.channel.connection.wake()

    def reject(self, delivery_tag: Any, requeue: bool = False) -> None:
        super().reject(delivery_tag, requeue=requeue)
        self.channel.connection.wake()


class Channel(kombu_sqlalchemy.Channel):  # type: ignore[misc]
    QoS = QoS

    def __init__(self, connection: Any, **kwargs: Any) -> None:
        self._queue_ids: dict[str, int] = {}
        super().__init__(connection, **kwargs)

    def _engine_from_config(self) -> Any:
        options = self.connection.client.transport_options
        saved = {name: options.pop(name) for name in POLLING_OPTIONS if name in options}
        try:
            return super()._engine_from_config()
        finally:
            options.update(saved)

    def _get_or_create(self, queue: str) -> Any:
        """kombu's get-or-create of a queue's row, safe when another process inserts it first.

        kombu guards it with a lock of its own process only, and catches OperationalError, not IntegrityError: a
        worker's pool children opening their producers as they start both found no row, both inserted it, and the
        second died of ``UNIQUE constraint failed: kombu_queue.name`` (the worker never became ready: seen in the
        benchmark's idle run). The row the other process made is the queue's.
        """
        try:
            return super()._get_or_create(queue)
        except IntegrityError:
            self.session.rollback()
            return self.session.query(self.queue_cls).filter(self.queue_cls.name == queue).one()

    def _queue_id(self, queue: str) -> int:
        if queue not in self._queue_ids:
            self._queue_ids[queue] = self._get_or_create(queue).id
        return self._queue_ids[queue]

    # kombu's own SQLAlchemy channel renames the base channel's parameter; ours follows it.
    def _put(self, queue: Any, payload: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        """kombu's ``_put`` (one committed row per message) without its per-message queue lookup and
        ORM unit of work: one INSERT into the queue's cached id (a submission sends one per document).

        The wait for the write lock is the publish's own, short one (``busy_timeout_of``)."""
        messages = self.message_cls.__table__
        queue_id = self._queue_id(queue)  # a read once the row exists: WAL lets it past a writer's lock
        try:
            with busy_timeout_of(self.session, seconds=self.publish_timeout):
                # The INSERT takes the write lock; the commit then waits for nobody (WAL).
                self.session.execute(messages.insert().values(payload=dumps(payload), queue_id=queue_id))
            self.session.commit()
        except OperationalError:
            # As kombu: the publish fails (and can be retried) rather than report a message never stored.
            self.session.rollback()
            raise

    @property
    def publish_timeout(self) -> float:
        return float(self.connection.client.transport_options.get("publish_timeout", DEFAULT_PUBLISH_TIMEOUT))

    def _get(self, queue: str, timeout: float | None = None) -> Any:
        table = self.message_cls.__table__.name
        try:
            waiting = self.session.execute(
                text(f"SELECT 1 FROM {table} WHERE queue_id = :queue AND visible = :yes LIMIT 1"),  # noqa: S608
                {"queue": self._queue_id(queue), "yes": True},
            ).first()
        finally:
            self.session.commit()  # hold no read snapshot between polls
        if waiting is None:
            raise Empty()
        return super()._get(queue)


class Transport(kombu_sqlalchemy.Transport):  # type: ignore[misc]
    Channel = Channel

    #: The fastest poll, right after work (seconds).
    polling_interval = 0.05
    #: The slowest poll, after a long idle time (seconds).
    idle_polling_interval = 1.0
    #: Idle for this many times the wait, the poll slows to that wait (0.5 s after 5 s idle).
    backoff_ratio = 10.0
    #: While waiting idle, how often the broker file is looked at for another process's write (seconds).
    doorbell_interval = 0.05

    def __init__(self, client: Any, **kwargs: Any) -> None:
        super().__init__(client, **kwargs)
        idle = client.transport_options.get("idle_polling_interval")
        if idle is not None:
            self.idle_polling_interval = float(idle)
        self._wake = threading.Event()
        self._last_active = monotonic()
        self._doorbell_paths = doorbell_paths(getattr(client, "hostname", None))

    def wake(self) -> None:
        """Poll now (a prefetch slot was freed), and count it as activity."""
        self._last_active = monotonic()
        self._wake.set()

    def poll_interval(self, now: float) -> float:
        """How long to wait before the next poll: short after activity, longer the longer it is idle.

        While no prefetch slot is free a poll cannot take anything; the wait is
        the long one and an acknowledgement ends it early (``wake``).
        """
        if not all(channel.qos.can_consume() for channel in self.channels if channel._consumers):
            return float(self.idle_polling_interval)
        idle_for = now - self._last_active
        return float(min(self.idle_polling_interval, max(self.polling_interval, idle_for / self.backoff_ratio)))

    def drain_events(self, connection: Any, timeout: float | None = None) -> None:
        started = monotonic()
        while True:
            self._wake.clear()  # before the poll: a wake during it is not lost
            try:
                self.cycle.get(self._deliver, timeout=timeout)  # type: ignore[union-attr]
            except Empty:
                now = monotonic()
                wait = self.poll_interval(now)
                if timeout is not None:
                    left = timeout - (now - started)
                    if left <= 0:
                        raise TimeoutError() from None
                    wait = min(wait, left)
                self.idle_wait(wait)
            else:
                self._last_active = monotonic()
                return

    def idle_wait(self, wait: float) -> None:
        """Wait up to ``wait``: cut short by an acknowledgement here or a write to the broker file elsewhere."""
        if not self._doorbell_paths or wait <= self.doorbell_interval:
            self._wake.wait(wait)
            return
        deadline = monotonic() + wait
        ring = file_marks(self._doorbell_paths)
        while (left := deadline - monotonic()) > 0:
            if self._wake.wait(min(left, self.doorbell_interval)):
                return
            if file_marks(self._doorbell_paths) != ring:
                self._last_active = monotonic()  # work is about: poll fast for a while
                return


@contextlib.contextmanager
def busy_timeout_of(session: Any, *, seconds: float) -> Iterator[None]:
    """SQLite waits at most ``seconds`` for another connection's lock in the block, then its own timeout again.

    Set on the session's DBAPI connection, outside SQLAlchemy's transaction, and put back whatever happens
    while the session still holds the connection: in the pool it is a worker's poll's next, which keeps the
    longer wait (``connect_args``).
    Other databases are left alone.
    """
    dbapi = session.connection().connection.dbapi_connection
    if not isinstance(dbapi, sqlite3.Connection):
        yield
        return
    (before,) = dbapi.execute("PRAGMA busy_timeout").fetchone()
    dbapi.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")
    try:
        yield
    finally:
        dbapi.execute(f"PRAGMA busy_timeout = {int(before)}")


def doorbell_paths(url: str | None) -> tuple[str, ...]:
    """The SQLite broker's database and write-ahead log, whose size and time change with every write."""
    if not url:
        return ()
    try:
        parsed = make_url(url)
    except Exception:
        return ()
    if not parsed.drivername.startswith("sqlite") or not parsed.database or parsed.database == ":memory:":
        return ()
    return (parsed.database, parsed.database + "-wal")


def file_marks(paths: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    marks = []
    for path in paths:
        try:
            status = os.stat(path)
        except OSError:
            marks.append((0, 0))
            continue
        marks.append((status.st_mtime_ns, status.st_size))
    return tuple(marks)
