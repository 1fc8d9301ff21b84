"""Shared task behaviour: structured log context, and failure as a readable state."""

from __future__ import annotations

from typing import Any

import structlog
from celery import Task
from celery.exceptions import SoftTimeLimitExceeded, TimeLimitExceeded

FAILURE_REASONS: dict[str, str] = {
    "ExtractionUnavailable": "O serviço de leitura de documentos esteve indisponível. Pode reprocessar a candidatura.",
    "StorageError": "O armazenamento de ficheiros esteve indisponível. Pode reprocessar a candidatura.",
    "DocumentsNotReady": "Os documentos não terminaram de ser lidos a tempo. Pode reprocessar a candidatura.",
    "AssessorError": "A análise automática devolveu uma resposta inválida. Pode reprocessar a candidatura.",
    "TransientAssessorError": "O serviço de análise automática esteve indisponível. Pode reprocessar a candidatura.",
    "TimeLimitExceeded": "O processamento excedeu o tempo máximo. Pode reprocessar a candidatura.",
    "SoftTimeLimitExceeded": "O processamento excedeu o tempo máximo. Pode reprocessar a candidatura.",
}


def failure_reason(exc: BaseException) -> str:
    """Readable, fixed text by error class: raw error messages may hold personal data."""
    name = exc.__class__.__name__
    return FAILURE_REASONS.get(name, f"Erro interno no processamento ({name}). Pode reprocessar a candidatura.")


class PipelineTask(Task):  # type: ignore[misc]
    """A pipeline step whose first argument is an applicant id."""

    abstract = True

    def before_start(self, task_id: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(
            task_id=task_id, task=self.name, applicant_id=str(args[0]) if args else None
        )

    def on_failure(
        self, exc: BaseException, task_id: str, args: tuple[Any, ...], kwargs: dict[str, Any], einfo: Any
    ) -> None:
        from screening.services import applicant_fail

        if args:
            applicant_fail(applicant_id=args[0], reason=failure_reason(exc))
        structlog.get_logger(__name__).error("pipeline.task_failed", task_id=task_id, error=exc.__class__.__name__)


TIME_LIMIT_ERRORS = (SoftTimeLimitExceeded, TimeLimitExceeded)
