"""The base of every pipeline task: structured log context, and failure as a readable state.

Each task class names the exceptions it can end with and the fixed text staff
read for each (``failure_reasons``, keyed by exception class); raw error
messages may hold personal data, so they never become a failure reason.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, ClassVar

import structlog
from celery import Task
from celery.exceptions import SoftTimeLimitExceeded, TimeLimitExceeded
from django.conf import settings
from django.db import connections

from applicants.selectors import applicant_known
from applicants.services import applicant_fail

# SQS holds a message back at most 15 minutes.
SQS_MAX_DELAY_SECONDS = 900

TIME_LIMIT_REASON = "O processamento excedeu o tempo máximo. Pode reprocessar a candidatura."


def failure_reason(exc: BaseException, reasons: dict[type[BaseException], str]) -> str:
    """The text for the most specific class of ``exc`` that has one; a generic text otherwise."""
    for cls in type(exc).__mro__:
        if cls in reasons:
            return reasons[cls]
    return f"Erro interno no processamento ({type(exc).__name__}). Pode reprocessar a candidatura."


class PipelineTask(Task):  # type: ignore[misc]
    """A pipeline step whose first argument is an applicant id."""

    abstract = True
    failure_reasons: ClassVar[dict[type[BaseException], str]] = {
        SoftTimeLimitExceeded: TIME_LIMIT_REASON,
        TimeLimitExceeded: TIME_LIMIT_REASON,
    }

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Run the step for an applicant that exists; a message naming none is logged and dropped.

        ``celery -A config call ...`` with a mistyped id, or a message from another system, had ended in a
        ForeignKeyViolation or a ValidationError traceback, and in ``on_failure`` failing an applicant that is not
        there (blind operations probe c26). Nothing to do is what it is: one line, no retry, no failure state.
        """
        applicant_id = args[0] if args else kwargs.get("applicant_id")
        if not applicant_known(applicant_id):
            structlog.get_logger(__name__).warning("pipeline.unknown_applicant", task=self.name)
            return None
        return super().__call__(*args, **kwargs)

    def before_start(self, task_id: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(
            task_id=task_id, task=self.name, applicant_id=str(args[0]) if args else None
        )

    def retry(  # type: ignore[override]
        self,
        args: Any = None,
        kwargs: Any = None,
        exc: Exception | None = None,
        throw: bool = True,
        eta: Any = None,
        countdown: float | None = None,
        max_retries: int | None = None,
        **options: Any,
    ) -> Any:
        """Retry; on SQS the broker holds the new message back instead of this worker.

        A countdown held by the worker runs on the received message's visibility
        clock, and with its wait plus the task's time limit the message could
        come back to a second worker (config/time_budgets.py). SQS's
        ``DelaySeconds`` keeps the retry invisible until it is due.
        """
        if countdown and eta is None and str(settings.CELERY_BROKER_URL).startswith("sqs://"):
            options["delay_seconds"] = min(int(countdown), SQS_MAX_DELAY_SECONDS)
            countdown = 0
        return super().retry(args, kwargs, exc, throw, eta, countdown, max_retries, **options)

    def on_failure(
        self, exc: BaseException, task_id: str, args: tuple[Any, ...], kwargs: dict[str, Any], einfo: Any
    ) -> None:
        if args:
            applicant_fail(applicant_id=args[0], reason=failure_reason(exc, self.failure_reasons))
        structlog.get_logger(__name__).error("pipeline.task_failed", task_id=task_id, error=exc.__class__.__name__)


@contextmanager
def heartbeat(beat: Callable[[], None], *, every: float | None = None) -> Iterator[None]:
    """Call ``beat`` every ``every`` seconds (``PIPELINE_HEARTBEAT_SECONDS``) in a thread while the block runs.

    The recovery sweep takes work as abandoned once its claim is silent for
    ``PIPELINE_STUCK_AFTER_SECONDS``; beating four times in that window keeps
    slow work (a long OCR, a slow model) alive, while a killed worker's claim
    goes stale. The thread has its own database connection and closes it.
    """
    interval = float(settings.PIPELINE_HEARTBEAT_SECONDS if every is None else every)
    stop = threading.Event()

    def run() -> None:
        try:
            while not stop.wait(interval):
                try:
                    beat()
                except Exception as exc:  # a missed beat only risks a harmless duplicate run
                    structlog.get_logger(__name__).warning("pipeline.heartbeat_failed", error=exc.__class__.__name__)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run, name="pipeline-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=30)
