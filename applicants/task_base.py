"""The base of every pipeline task: structured log context, and failure as a readable state.

Each task class names the exceptions it can end with and the fixed text staff
read for each (``failure_reasons``, keyed by exception class); raw error
messages may hold personal data, so they never become a failure reason.
The machine's passing troubles (``transient_errors``: a locked or dropped
database, a storage or provider outage) are retried with backoff and, when the
retries run out, left to the recovery sweep: they never fail an applicant
(docs/adr/009-self-healing-pipeline.md, amended after blind probe r58a).
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
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from kombu.exceptions import OperationalError as BrokerUnavailable
from prometheus_client import Counter

from applicants.retry_after import SQS_MAX_DELAY_SECONDS
from applicants.selectors import applicant_known
from applicants.services import applicant_fail

# What an operator sees of an outage while it lasts (blind probe r59b: a provider down 10 minutes showed only
# applicants PROCESSING rising). Labels: the pinned task name, the error's class (a small fixed set of ours) and what
# followed it; never ids or text.
PIPELINE_TRANSIENT_ERRORS = Counter(
    "pipeline_transient_errors_total",
    "Transient errors pipeline tasks met (storage, database, a provider), by task, error class and what followed.",
    ["task", "error", "then"],
)

TIME_LIMIT_REASON = "O processamento excedeu o tempo máximo. Pode reprocessar a candidatura."


# SQLite's result codes (``sqlite3.Error.sqlite_errorname``, extended codes included by prefix) for a lock held
# past the busy timeout, a disk or file that failed under it, a read-only file: the machine's, and they pass.
# SQLITE_ERROR ("no such table", a syntax error) is a programming error and is not among them.
_TRANSIENT_SQLITE_ERRORS = ("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_FULL",
                            "SQLITE_NOMEM", "SQLITE_PROTOCOL", "SQLITE_READONLY")  # fmt: skip
# PostgreSQL's SQLSTATEs: serialization failure, deadlock, lock not available; and whole classes:
# 08 connection, 53 insufficient resources, 57 operator intervention (shutdown, cancel), 58 system error.
_TRANSIENT_SQLSTATES = {"40001", "40P01", "55P03"}
_TRANSIENT_SQLSTATE_CLASSES = {"08", "53", "57", "58"}


class TransientDatabaseError(Exception):
    """A database error that passes by itself (a lock, a serialization failure, a dropped connection).

    Its message is the driver error's class name only: a driver's message may quote the row.
    """


def database_error_is_transient(exc: BaseException) -> bool:
    """Whether ``exc`` is a database error worth retrying: never a programming or integrity error."""
    if isinstance(exc, InterfaceError):  # the connection was closed under us
        return True
    if not isinstance(exc, OperationalError):
        return False
    cause = exc.__cause__ or exc
    sqlite_name = getattr(cause, "sqlite_errorname", None)
    if isinstance(sqlite_name, str):
        return sqlite_name.startswith(_TRANSIENT_SQLITE_ERRORS)
    if hasattr(cause, "sqlstate"):  # psycopg: no SQLSTATE at all is a connection lost before an answer
        sqlstate = cause.sqlstate
        return sqlstate is None or sqlstate in _TRANSIENT_SQLSTATES or sqlstate[:2] in _TRANSIENT_SQLSTATE_CLASSES
    return False


@contextmanager
def database_errors_retried() -> Iterator[None]:
    """Raise a transient database error of the block as ``TransientDatabaseError``, which pipeline tasks retry.

    Celery's ``autoretry_for`` matches classes, and Django raises one ``OperationalError`` for a lock
    ("database is locked" after SQLite's busy timeout) and for "no such table"; this tells them apart.
    A 30 s lock on the database had failed the applicant in flight for a person (blind probe r58a, F3).
    """
    try:
        yield
    except DatabaseError as exc:
        if database_error_is_transient(exc):
            raise TransientDatabaseError(type(exc.__cause__ or exc).__name__) from exc
        raise


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
    # Retried by Celery's autoretry with backoff and jitter, then left to the recovery sweep (``on_failure``).
    transient_errors: ClassVar[tuple[type[BaseException], ...]] = (TransientDatabaseError,)
    autoretry_for = transient_errors
    retry_backoff = 5
    retry_backoff_max = 300
    retry_jitter = True

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
        wait = getattr(exc, "retry_after", None)
        if wait and eta is None and (countdown or 0) < wait:
            # The provider said how long to wait (``Retry-After``): asked sooner, it only answers 429 again (blind
            # probe r59b: retried every 0-3 s against "Retry-After: 30").
            countdown = float(wait)
        if countdown and eta is None and str(settings.CELERY_BROKER_URL).startswith("sqs://"):
            options["delay_seconds"] = min(int(countdown), SQS_MAX_DELAY_SECONDS)
            countdown = 0
        return super().retry(args, kwargs, exc, throw, eta, countdown, max_retries, **options)

    def on_failure(
        self, exc: BaseException, task_id: str, args: tuple[Any, ...], kwargs: dict[str, Any], einfo: Any
    ) -> None:
        """Fail the applicant with a readable reason, unless the machine is to blame: then the sweep takes it.

        An applicant whose retries ran out on an outage is left ``PROCESSING``, silent, so the recovery
        sweep sends its run again once the outage has had ``PIPELINE_STUCK_AFTER_SECONDS`` to pass, up to
        ``PIPELINE_MAX_RECOVERIES`` times (ADR 009). Failed here, nothing took it up again (blind probe r58a).
        """
        log = structlog.get_logger(__name__)
        # A broker that refused the step's next message (kombu's OperationalError, once the publish's own short
        # timeout and retry are spent: blind probe r74b) is the machine's too; the work done is kept.
        if isinstance(exc, (*self.transient_errors, BrokerUnavailable)) or database_error_is_transient(exc):
            log.warning("pipeline.left_to_recovery", task_id=task_id, error=exc.__class__.__name__)
            PIPELINE_TRANSIENT_ERRORS.labels(task=self.name, error=exc.__class__.__name__, then="left_to_sweep").inc()
            return
        if args:
            applicant_fail(applicant_id=args[0], reason=failure_reason(exc, self.failure_reasons))
        log.error("pipeline.task_failed", task_id=task_id, error=exc.__class__.__name__)


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
