"""Screening and maintenance tasks: thin, id-only, idempotent.

Task names are pinned: a message queued before a deploy that moves this
module is still understood after it. The recovery sweep's task,
``screening.tasks.pipeline_sweep_task``, lives in ``workspace.tasks`` (it
sends the pipeline chain, which sits above this module).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

import structlog
from celery import shared_task
from celery.signals import celeryd_after_setup, task_retry
from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings
from django.utils import timezone

from applicants.task_base import (
    PIPELINE_TRANSIENT_ERRORS,
    PipelineTask,
    TransientDatabaseError,
    database_errors_retried,
)
from screening.assessors import AssessorError, TransientAssessorError
from screening.outbox import outbox_prune, outbox_relay
from screening.services import DocumentsNotReady, pipeline_run_expect, screen_applicant

logger = structlog.get_logger(__name__)


class ScreeningTask(PipelineTask):
    abstract = True
    failure_reasons = {
        **PipelineTask.failure_reasons,
        AssessorError: (
            "A análise automática falhou: o serviço recusou o pedido ou a resposta não era válida. "
            "Pode reprocessar a candidatura."
        ),
    }
    # The model provider's outage outlasting the graph's own retries (a timeout, a 5xx, a connection refused)
    # is the machine's, like a storage or database outage: retried with backoff, then left to the sweep. It had
    # failed the applicant for a person to re-run, though the provider came back minutes later.
    transient_errors = (TransientDatabaseError, TransientAssessorError)
    autoretry_for = transient_errors
    # As many as extraction's outage retries; the task's own ``max_retries`` counts its waits for documents.
    retry_kwargs: ClassVar[dict[str, Any]] = {"max_retries": settings.PIPELINE_MAX_RETRIES}


@shared_task(name="screening.tasks.screen_applicant_task", bind=True, base=ScreeningTask, max_retries=10)
def screen_applicant_task(
    self: Any, applicant_id: str, force: bool = False, supersedes: str | None = None
) -> str | None:
    """Screen one applicant; skipped when a report exists unless forced (see ``screen_applicant``).

    ``force`` and ``supersedes`` are a re-run's own (``applicant_rerun``): a forced run replaces exactly the
    report named by ``supersedes``, so a duplicate delivery replaces nothing twice. ``force`` sent alone by hand
    (``celery call``) replaces nothing: a person re-screens with ``manage.py rescreen <id> --force``, which
    records the run, keeps the old report in the history and writes the audit row (blind probe r74b, F2).

    While documents are still being read it waits (retries with backoff).
    When the waits run out it stops without failing the applicant: the worker
    holding the documents' claims finishes them and its own chain screens, and
    if that worker died the recovery sweep sends the run again. A transient
    database error is retried too (``PipelineTask``), then left to the sweep.
    """
    try:
        with database_errors_retried():
            report = screen_applicant(applicant_id=applicant_id, force=force, supersedes=supersedes)
    except DocumentsNotReady as exc:
        if self.request.retries >= self.max_retries:
            logger.info("screening.left_to_recovery", applicant_id=applicant_id)
            return None
        countdown = get_exponential_backoff_interval(
            factor=5, retries=self.request.retries, maximum=120, full_jitter=True
        )
        raise self.retry(exc=exc, countdown=countdown) from exc
    return str(report.id) if report else None


@shared_task(name="screening.tasks.outbox_relay_task", ignore_result=True)
def outbox_relay_task() -> dict[str, int]:
    """Send due outbox events to the events queue, then prune old sent ones (beat)."""
    return {"sent": outbox_relay(), "pruned": outbox_prune()}


@task_retry.connect
def pipeline_retry_is_a_sign_of_life(sender: Any = None, request: Any = None, reason: Any = None, **_: Any) -> None:
    """A pipeline step waiting to retry is alive: the sweep leaves its applicant alone until it is due.

    Connected here because both task families retry (extraction's module sits
    below screening); it only records when the retry is due.
    """
    if not isinstance(sender, PipelineTask) or request is None or not getattr(request, "args", None):
        return
    error = getattr(reason, "exc", None)
    if isinstance(error, sender.transient_errors):
        PIPELINE_TRANSIENT_ERRORS.labels(task=sender.name, error=type(error).__name__, then="retried").inc()
    options = getattr(getattr(reason, "sig", None), "options", None) or {}
    when = options.get("delay_seconds") or getattr(reason, "when", None) or 0
    due = when if isinstance(when, dt.datetime) else timezone.now() + dt.timedelta(seconds=float(when))
    pipeline_run_expect(applicant_id=request.args[0], at=due)


@celeryd_after_setup.connect
def screening_graph_preload(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A worker that takes the screening queue imports the graph (LangGraph, ~0.6 s) as it starts, not
    while its first applicant waits. Before the pool starts, so prefork children inherit it.
    """
    queues = instance.app.amqp.queues.consume_from
    if queues is None or "screening" in queues:
        # Local on purpose: this module is imported by every process (task autodiscovery), and web
        # processes never run the graph.
        import screening.graph  # noqa: F401

        logger.info("screening.graph_preloaded")
