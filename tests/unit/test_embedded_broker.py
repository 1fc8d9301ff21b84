"""The embedded broker's adaptive polling (config/embedded_broker.py, docs/adr/017-adaptive-broker-polling.md)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from kombu import Connection, Exchange, Queue

from config.embedded_broker import Transport

OPTIONS = {"polling_interval": 0.05, "idle_polling_interval": 1.0, "connect_args": {"timeout": 30}}


@pytest.fixture
def connection(tmp_path: Path) -> Iterator[Connection]:
    import config.celery  # noqa: F401  (registers the transport for sqla+ URLs)

    with Connection(f"sqla+sqlite:///{tmp_path / 'broker.sqlite3'}", transport_options=dict(OPTIONS)) as conn:
        yield conn


def test_sqla_urls_use_the_adaptive_transport_and_its_options_stay_out_of_create_engine(
    connection: Connection,
) -> None:
    assert isinstance(connection.transport, Transport)
    assert connection.transport.idle_polling_interval == 1.0
    channel = connection.default_channel
    channel.session  # noqa: B018  (creates the engine: the polling options would break create_engine)
    assert connection.transport_options["polling_interval"] == 0.05


def test_the_poll_is_fast_after_activity_and_slows_when_idle(connection: Connection) -> None:
    transport = connection.transport
    now = time.monotonic()
    transport._last_active = now
    assert transport.poll_interval(now) == pytest.approx(0.05)
    assert transport.poll_interval(now + 5) == pytest.approx(0.5)
    assert transport.poll_interval(now + 60) == pytest.approx(1.0)


def consume(connection: Connection, queue: Queue, received: list[Any], *, ack: bool) -> Any:
    def on_message(body: Any, message: Any) -> None:
        received.append(body)
        if ack:
            message.ack()

    consumer = connection.Consumer([queue], callbacks=[on_message], accept=["json"])
    consumer.qos(prefetch_count=1)
    consumer.consume()
    return consumer


def test_messages_are_delivered_and_an_empty_queue_times_out(connection: Connection) -> None:
    queue = Queue("extraction", Exchange("extraction", type="direct"), routing_key="extraction")
    producer = connection.Producer()
    for n in range(3):
        producer.publish(
            {"n": n}, exchange=queue.exchange, routing_key="extraction", declare=[queue], serializer="json"
        )
    received: list[Any] = []
    consume(connection, queue, received, ack=True)
    for _ in range(3):
        connection.drain_events(timeout=2)
    assert received == [{"n": 0}, {"n": 1}, {"n": 2}]
    started = time.monotonic()
    with pytest.raises(TimeoutError):
        connection.drain_events(timeout=0.3)
    assert time.monotonic() - started < 1.0  # the idle wait is cut to the caller's timeout


def test_an_ack_frees_the_slot_and_wakes_the_poll_at_once(connection: Connection) -> None:
    """With the prefetch slot taken the worker waits the long interval; the ack ends the wait."""
    queue = Queue("screening", Exchange("screening", type="direct"), routing_key="screening")
    producer = connection.Producer()
    for n in range(2):
        producer.publish({"n": n}, exchange=queue.exchange, routing_key="screening", declare=[queue], serializer="json")
    messages: list[Any] = []

    def keep(body: Any, message: Any) -> None:
        messages.append(message)

    consumer = connection.Consumer([queue], callbacks=[keep], accept=["json"])
    consumer.qos(prefetch_count=1)
    consumer.consume()
    connection.drain_events(timeout=2)
    assert len(messages) == 1
    connection.transport.idle_polling_interval = 5.0
    threading.Timer(0.2, messages[0].ack).start()  # the task finishes in another thread, as prefork's results do
    started = time.monotonic()
    connection.drain_events(timeout=10)
    waited = time.monotonic() - started
    assert len(messages) == 2
    assert 0.15 < waited < 1.0, waited


def test_a_message_sent_by_another_process_ends_the_idle_wait(connection: Connection, tmp_path: Path) -> None:
    """An idle worker waits long between polls, but a write to the broker file (another process sending)
    rings the doorbell: the message is taken within a doorbell interval, not at the end of the wait."""
    queue = Queue("extraction", Exchange("extraction", type="direct"), routing_key="extraction")
    received: list[Any] = []
    consume(connection, queue, received, ack=True)
    transport = connection.transport
    transport.idle_polling_interval = 5.0
    transport._last_active = time.monotonic() - 600  # long idle: the next wait is the full 5 s
    assert transport._doorbell_paths[0] == str(tmp_path / "broker.sqlite3")

    def send_from_elsewhere() -> None:
        with Connection(f"sqla+sqlite:///{tmp_path / 'broker.sqlite3'}", transport_options=dict(OPTIONS)) as other:
            other.Producer().publish(
                {"n": 1}, exchange=queue.exchange, routing_key="extraction", declare=[queue], serializer="json"
            )

    threading.Timer(0.3, send_from_elsewhere).start()
    started = time.monotonic()
    connection.drain_events(timeout=10)
    waited = time.monotonic() - started
    assert received == [{"n": 1}]
    assert 0.25 < waited < 2.0, waited


def test_without_a_broker_file_the_idle_wait_is_a_plain_wait() -> None:
    from config.embedded_broker import doorbell_paths, file_marks

    assert doorbell_paths("postgresql://broker/db") == ()
    assert doorbell_paths("sqlite://") == ()
    assert file_marks(("/nonexistent/broker.sqlite3",)) == ((0, 0),)


def test_a_queue_row_another_process_inserted_first_is_taken_not_fatal(connection: Connection, tmp_path: Path) -> None:
    """Two processes starting at once (a worker's pool children) both looked for the queue's row, found none and
    inserted it: the second died of ``UNIQUE constraint failed: kombu_queue.name`` and the worker never became
    ready (the benchmark's idle run). Here the other process inserts the row between this one's look and insert."""
    import sqlite3

    channel = connection.default_channel
    channel.session  # noqa: B018  (creates the tables)
    real_commit = channel.session.commit

    def commit_after_another_process_inserted() -> None:
        other = sqlite3.connect(tmp_path / "broker.sqlite3", timeout=30)
        other.execute("INSERT INTO kombu_queue (name) VALUES ('raced')")
        other.commit()
        other.close()
        real_commit()

    channel.session.commit = commit_after_another_process_inserted
    try:
        row = channel._get_or_create("raced")
    finally:
        channel.session.commit = real_commit
    assert (row.name, row.id) == ("raced", channel.session.query(channel.queue_cls).filter_by(name="raced").one().id)
