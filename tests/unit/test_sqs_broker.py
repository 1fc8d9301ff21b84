"""The SQS channel parks a busy queue and an acknowledgement resumes it (config/sqs_broker.py).

The receive path itself is kombu's (exercised with real workers on moto by
the e2e tests); these tests drive the scheduling on a recording event loop.
Predefined queues keep the channel off the network.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from kombu import Connection

from config.sqs_broker import Channel, Transport

QUEUE = "extraction"


class RecordingHub:
    def __init__(self) -> None:
        self.later: list[tuple[float, Any, tuple[Any, ...]]] = []

    def call_later(self, delay: float, callback: Any, *args: Any) -> None:
        self.later.append((delay, callback, args))

    def run_due(self) -> None:
        """Fire what is due now (a delay of 0), as kombu's loop does after its ready callbacks."""
        due = [entry for entry in self.later if entry[0] == 0]
        self.later = [entry for entry in self.later if entry[0] != 0]
        for _delay, callback, args in due:
            callback(*args)


@pytest.fixture
def channel(monkeypatch: pytest.MonkeyPatch) -> Iterator[Channel]:
    import config.celery  # noqa: F401  (registers the transport for sqs:// URLs)

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test")
    options = {
        "region": "eu-west-1",
        "is_secure": False,
        "polling_interval": 0.01,
        "predefined_queues": {QUEUE: {"url": "http://127.0.0.1:9/000000000000/extraction"}},
    }
    with Connection("sqs://127.0.0.1:9", transport_options=options) as connection:
        assert isinstance(connection.transport, Transport)
        channel = connection.default_channel
        channel.hub = RecordingHub()
        channel.qos.prefetch_count = 1
        channel._active_queues.append(QUEUE)
        yield channel


@pytest.fixture
def receives(channel: Channel, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    started: list[str] = []
    monkeypatch.setattr(channel, "_get_bulk_async", lambda queue, callback=None: started.append(queue))
    return started


def deliver(channel: Channel, tag: int) -> None:
    channel.qos.append(SimpleNamespace(delivery_info={}), tag)


def test_a_free_slot_receives_at_once(channel: Channel, receives: list[str]) -> None:
    channel._schedule_queue(QUEUE)

    assert receives == [QUEUE]


@pytest.mark.parametrize("free", ["ack", "reject"])
def test_a_busy_queue_waits_without_polling_and_resumes_when_the_task_is_acknowledged(
    channel: Channel, receives: list[str], free: str
) -> None:
    hub: RecordingHub = channel.hub
    deliver(channel, 1)

    channel._schedule_queue(QUEUE)

    assert receives == []
    # Only the fallback look, not kombu's look every polling_interval (0.01 s).
    assert [delay for delay, _callback, _args in hub.later] == [Channel.parked_recheck_interval]

    getattr(channel.qos, free)(1)
    hub.run_due()

    assert receives == [QUEUE]


def test_one_receive_loop_per_queue_however_many_wake_ups(channel: Channel, receives: list[str]) -> None:
    hub: RecordingHub = channel.hub
    deliver(channel, 1)
    deliver(channel, 2)
    channel.qos.prefetch_count = 2
    channel._schedule_queue(QUEUE)
    assert receives == []

    channel.qos.ack(1)  # one slot free: resumed once
    channel.qos.ack(2)  # already resumed (pending on the loop): not twice
    hub.run_due()
    assert receives == [QUEUE]

    # The fallback timer of the first park finds the queue running: nothing more.
    _delay, fallback, args = hub.later[0]
    fallback(*args)
    assert receives == [QUEUE]


def test_a_cancelled_queue_is_not_resumed(channel: Channel, receives: list[str]) -> None:
    hub: RecordingHub = channel.hub
    deliver(channel, 1)
    channel._schedule_queue(QUEUE)
    channel._active_queues.remove(QUEUE)

    channel.qos.ack(1)
    hub.run_due()

    assert receives == []
