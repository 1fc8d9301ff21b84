"""kombu's SQS transport, woken by this worker's acknowledgements.

While every prefetch slot of a worker is taken (its task is running), kombu's
SQS channel cannot receive, and looks again whether a slot is free every
``polling_interval``: once the task is acknowledged, the next receive waits
for the next of those looks (half the interval on average), then pays the
receive itself. At 0.01 s that was ~5 ms of the ~15 ms between two documents
of an applicant on moto, and 100 local checks a second while busy.

This channel parks a queue while no slot is free and resumes it as soon as
this worker acknowledges or rejects a message (the slot is free then), so
the receive starts right after the delete, and a busy worker does not poll.
Parking keeps one receive loop per queue, as kombu's own: a queue is
resumed only if it is still parked. A slot freed any other way (kombu has
none today) is still noticed within ``parked_recheck_interval``.

The empty-queue path is kombu's: long polling (``wait_time_seconds``) does
the waiting there. Registered for ``sqs://`` broker URLs by ``config.celery``
(docs/adr/017-adaptive-broker-polling.md).
"""

from __future__ import annotations

from typing import Any

from kombu.transport import SQS as kombu_sqs


class QoS(kombu_sqs.QoS):  # type: ignore[misc]
    """Prefetch accounting that resumes the channel's parked queues when a slot frees up."""

    def ack(self, delivery_tag: Any) -> None:
        super().ack(delivery_tag)
        self.channel.slot_freed()

    def reject(self, delivery_tag: Any, requeue: bool = False) -> None:
        super().reject(delivery_tag, requeue=requeue)
        self.channel.slot_freed()


class Channel(kombu_sqs.Channel):  # type: ignore[misc]
    QoS = QoS

    #: While a queue is parked, look again this often anyway (seconds).
    parked_recheck_interval = 1.0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._parked: set[str] = set()
        super().__init__(*args, **kwargs)

    def _schedule_queue(self, queue: str) -> None:
        hub = self.hub
        if hub is not None and queue in self._active_queues and not self.qos.can_consume():
            self._parked.add(queue)
            hub.call_later(self.parked_recheck_interval, self._resume, queue)
            return
        super()._schedule_queue(queue)

    def _resume(self, queue: str) -> None:
        """Go on with a parked queue's receive loop; a queue not parked (any more) already has its loop."""
        if queue in self._parked:
            self._parked.discard(queue)
            self._schedule_queue(queue)

    def slot_freed(self) -> None:
        """Resume the parked queues on the event loop, right after the acknowledgement in progress.

        A timer, not ``call_soon``: Celery acknowledges from a ``call_soon`` callback, and kombu's
        loop runs what those add only after its next wait for events (up to a second, measured);
        a timer due now fires in the same turn of the loop, after the callback.
        """
        hub = self.hub
        if hub is None:
            return
        for queue in tuple(self._parked):
            hub.call_later(0, self._resume, queue)


class Transport(kombu_sqs.Transport):  # type: ignore[misc]
    Channel = Channel
