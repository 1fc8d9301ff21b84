"""The worker's consumer: a task message nobody can read is rejected, not the end of the worker.

Celery hands a message's body to its task's strategy, which unpacks protocol 2's
``[args, kwargs, embed]``; a body that is not that shape (``{}``, a list of two)
raised ``ValueError`` out of the consumer, which Celery treats as unrecoverable:
the worker exited, and on SQS came back to the same message after its visibility
timeout, again and again until the redrive policy took it (cases probe 12).
Celery already survives a body it cannot decode, an unknown task and an invalid
one; this adds a body of the wrong shape.

The message is rejected without requeue: on SQS with a redrive policy kombu
leaves it for the dead-letter queue (where ``redrive_dlq`` can send it back once
understood), elsewhere it is discarded. Only its task name, id and the error's
class are logged, here and for the messages Celery already refused (no task
header, a body it cannot decode, an invalid task), whose bodies Celery's own
handlers wrote to the log: a message that is not ours may carry anything.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import structlog
from celery import signals
from celery.worker.consumer import Consumer as CeleryConsumer
from vine import promise

logger = structlog.get_logger(__name__)
# kombu's reject_log_error formats its own message printf-style, as the standard library's loggers do.
kombu_logger = logging.getLogger(__name__)

# What unpacking or reading a body of the wrong shape raises; anything else (the pool, the broker) is not the
# message's fault and still stops the worker as Celery means it to.
MALFORMED_MESSAGE_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError)


class Consumer(CeleryConsumer):  # type: ignore[misc]
    def create_task_handler(self, promise: Any = promise) -> Callable[[Any], Any]:
        return tolerant_task_handler(super().create_task_handler(promise), self.on_malformed_task)

    def on_malformed_task(self, message: Any, exc: Exception) -> None:
        self._refuse("worker.malformed_task_message", message, exc)

    def on_invalid_task(self, body: Any, message: Any, exc: Exception) -> None:
        self._refuse("worker.invalid_task_message", message, exc)

    def on_unknown_message(self, body: Any, message: Any) -> None:
        self._refuse("worker.unknown_message", message, None)

    def on_decode_error(self, message: Any, exc: Exception) -> None:
        # Acknowledged, as Celery does: a body nobody can decode never will be.
        logger.critical("worker.undecodable_message", **_described(message, exc))
        message.ack()

    def _refuse(self, event: str, message: Any, exc: Exception | None) -> None:
        logger.error(event, **_described(message, exc))
        message.reject_log_error(kombu_logger, self.connection_errors)
        signals.task_rejected.send(sender=self, message=message, exc=exc)


def _described(message: Any, exc: Exception | None) -> dict[str, str]:
    """A refused message as the log may show it: its task's name and id, never its body."""
    headers = message.headers if isinstance(message.headers, dict) else {}
    return {
        "task": str(headers.get("task", ""))[:200],
        "task_id": str(headers.get("id", ""))[:64],
        "error": exc.__class__.__name__ if exc is not None else "",
    }


def tolerant_task_handler(
    handle: Callable[[Any], Any], on_malformed: Callable[[Any, Exception], None]
) -> Callable[[Any], Any]:
    """``handle`` (Celery's per-message callback), with a message of the wrong shape handed to ``on_malformed``."""

    def on_task_received(message: Any) -> Any:
        try:
            return handle(message)
        except MALFORMED_MESSAGE_ERRORS as exc:
            return on_malformed(message, exc)

    return on_task_received
