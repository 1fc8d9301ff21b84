"""The base of every pipeline task: structured log context, and failure as a readable state.

Each task class names the exceptions it can end with and the fixed text staff
read for each (``failure_reasons``, keyed by exception class); raw error
messages may hold personal data, so they never become a failure reason.
"""

from __future__ import annotations

from typing import Any, ClassVar

import structlog
from celery import Task
from celery.exceptions import SoftTimeLimitExceeded, TimeLimitExceeded

from applicants.services import applicant_fail

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

    def before_start(self, task_id: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(
            task_id=task_id, task=self.name, applicant_id=str(args[0]) if args else None
        )

    def on_failure(
        self, exc: BaseException, task_id: str, args: tuple[Any, ...], kwargs: dict[str, Any], einfo: Any
    ) -> None:
        if args:
            applicant_fail(applicant_id=args[0], reason=failure_reason(exc, self.failure_reasons))
        structlog.get_logger(__name__).error("pipeline.task_failed", task_id=task_id, error=exc.__class__.__name__)
