"""Prometheus metrics: requests, pipeline state, step durations, outbox and queue depth.

Exposed at ``/metrics`` (``metrics_view``). Three kinds of figures:

- **Requests** (``RequestMetricsMiddleware``): one histogram by view name,
  method and status; its ``_count`` is the request count.
- **Step durations**: histograms observed where the work happens
  (``documents.metrics``, ``screening.metrics``), in the worker processes.
- **State** (``PipelineStateCollector``): computed from the database when
  scraped, all agencies, counts only: documents and applicants by state, the
  outbox backlog and parked events; the SQS queue depths when the broker is SQS.

With several processes (gunicorn workers, Celery's prefork pool) set
``PROMETHEUS_MULTIPROC_DIR`` to one empty folder shared by them all:
prometheus-client then writes each process's counters there and this view
adds them up, workers' durations included.
"""

from __future__ import annotations

import hmac
import time
from collections.abc import Callable, Iterator
from typing import Any

import boto3
from django.conf import settings
from django.db import DatabaseError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound
from prometheus_client import REGISTRY, CollectorRegistry, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

from applicants.models import Applicant
from documents.models import Document
from screening.models import OutboxEvent
from workspace.health import aws_client_config
from workspace.sqs import queue_depths, sqs_endpoint
from workspace.sweep_clock import sweep_last_ran

REQUEST_SECONDS = Histogram(
    "http_request_duration_seconds",
    "Time to answer one request, by view name, method and status (_count is the request count).",
    ["view", "method", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)


class RequestMetricsMiddleware:
    """Time every request; the view label is the URL name, never the path (paths carry tokens)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        view = (match.view_name or "unnamed") if match is not None else "unresolved"
        REQUEST_SECONDS.labels(view=view, method=request.method or "", status=str(response.status_code)).observe(
            time.perf_counter() - started
        )
        return response


class PipelineStateCollector(Collector):
    """Gauges read from the database at scrape time: one query per figure, ids and counts only."""

    def collect(self) -> Iterator[Metric]:
        try:
            # Read whole before anything is yielded: a database that fails half-way gives no half a scrape.
            figures = list(_database_figures())
        except DatabaseError:
            # The scrape still answers with what the processes know (requests, durations, queue depth) instead
            # of a 500 that loses them too; readiness names the database, and this gauge tells the gap.
            figures = []
        yield GaugeMetricFamily(
            "pipeline_state_up", "1 when the database answered this scrape's state gauges, 0 when not.",
            value=1 if figures else 0,
        )  # fmt: skip
        yield from figures
        yield from _sweep_last_run()
        if settings.CELERY_BROKER_URL.startswith("sqs://"):
            yield from _queue_depth()


def _database_figures() -> Iterator[Metric]:
    documents = GaugeMetricFamily("documents_by_state", "Documents in each state, all agencies.", labels=["state"])
    for row in Document.objects.order_by().values("status").annotate(n=Count("id")):
        documents.add_metric([row["status"]], row["n"])
    yield documents
    applicants = GaugeMetricFamily("applicants_by_state", "Applicants in each state, all agencies.", labels=["state"])
    for row in Applicant.objects.order_by().values("status").annotate(n=Count("id")):
        applicants.add_metric([row["status"]], row["n"])
    yield applicants
    outbox = OutboxEvent.objects.aggregate(
        backlog=Count("id", filter=Q(sent_at__isnull=True, parked_at__isnull=True)),
        parked=Count("id", filter=Q(sent_at__isnull=True, parked_at__isnull=False)),
    )
    yield GaugeMetricFamily("outbox_backlog", "Events not yet published and not parked.", value=outbox["backlog"])
    yield GaugeMetricFamily("outbox_parked", "Events parked after their last attempt.", value=outbox["parked"])


def _sweep_last_run() -> Iterator[Metric]:
    """When the recovery sweep last ran (a stopped beat shows as an old value; blind probe r58a, F1)."""
    try:
        last_ran = sweep_last_ran()
    except Exception:
        # The cache may live in a database that is down: the scrape still answers, this gauge is left out.
        return
    if last_ran is not None:
        yield GaugeMetricFamily(
            "pipeline_sweep_last_run_timestamp_seconds",
            "Unix time the recovery sweep (beat) last ran; alert when older than a few sweep intervals.",
            value=last_ran.timestamp(),
        )


def _queue_depth() -> Iterator[Metric]:
    """SQS ApproximateNumberOfMessages (visible and in flight) per task queue; nothing if SQS does not answer."""
    depth = GaugeMetricFamily(
        "queue_depth_messages", "Messages in each task queue (SQS, approximate).", labels=["queue", "kind"]
    )
    try:
        client = boto3.client(
            "sqs", region_name=settings.AWS_REGION, endpoint_url=sqs_endpoint(), config=aws_client_config()
        )
        depths = queue_depths(client)
    except Exception:
        # A scrape must not fail on SQS; the gap shows, and readiness reports the broker.
        return
    for queue, counts in depths.items():
        for kind, value in counts.items():
            depth.add_metric([queue, kind], value)
    yield depth


_state_registry = CollectorRegistry(auto_describe=False)
_state_registry.register(PipelineStateCollector())


def _process_registry() -> Any:
    """This process's metrics, or every process's when prometheus-client runs in multiprocess mode."""
    if not settings.PROMETHEUS_MULTIPROC_DIR:
        return REGISTRY
    registry = CollectorRegistry()
    MultiProcessCollector(registry)
    return registry


def metrics_allowed(request: HttpRequest) -> bool:
    """``METRICS_ENABLED``, and the bearer ``METRICS_TOKEN`` whenever one is set (production requires one)."""
    if not settings.METRICS_ENABLED:
        return False
    token = settings.METRICS_TOKEN
    if not token:
        return not settings.IS_PRODUCTION
    sent = request.headers.get("Authorization", "")
    return hmac.compare_digest(sent.encode(), f"Bearer {token}".encode())


def metrics_view(request: HttpRequest) -> HttpResponse:
    """The Prometheus text exposition; 404 when metrics are off or the token is missing or wrong."""
    if not metrics_allowed(request):
        return HttpResponseNotFound("Not found\n", content_type="text/plain")
    body = generate_latest(_process_registry()) + generate_latest(_state_registry)
    return HttpResponse(body, content_type="text/plain; version=0.0.4; charset=utf-8")
