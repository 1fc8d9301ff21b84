"""Worker time budgets: the worst case fits the visibility timeout and the soft limit, or settings refuse to load."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.time_budgets import check_time_budgets, graph_worst_case_seconds

DEFAULTS: dict[str, Any] = {
    "time_limit": 600,
    "soft_time_limit": 570,
    "visibility_timeout": 900,
    "prefetch_multiplier": 1,
    "on_sqs": True,
    "node_timeout": 40,
    "node_attempts": 3,
    "stuck_after": 300,
}


def test_the_defaults_fit() -> None:
    check_time_budgets(**DEFAULTS)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"time_limit": 900}, "SQS_VISIBILITY_TIMEOUT"),
        ({"prefetch_multiplier": 2}, "PREFETCH_MULTIPLIER"),
        ({"soft_time_limit": 600}, "CELERY_TASK_SOFT_TIME_LIMIT"),
        # The old defaults: 4 nodes x 3 attempts x 60 s is past a 570 s soft limit.
        ({"node_timeout": 60}, "SCREENING_NODE_TIMEOUT_SECONDS"),
        ({"node_attempts": 5}, "SCREENING_NODE_MAX_ATTEMPTS"),
        ({"stuck_after": 2}, "PIPELINE_STUCK_AFTER_SECONDS"),
    ],
)
def test_a_combination_that_cannot_fit_is_refused(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(ImproperlyConfigured, match=message):
        check_time_budgets(**{**DEFAULTS, **overrides})


def test_reserved_messages_only_count_against_the_visibility_timeout_on_sqs() -> None:
    check_time_budgets(**{**DEFAULTS, "prefetch_multiplier": 4, "on_sqs": False})


def test_the_graph_worst_case_counts_every_attempt_and_langgraphs_backoff() -> None:
    # Per node: 3 x 40 s, then waits of 0.5 and 1 s plus up to 1 s of jitter each.
    assert graph_worst_case_seconds(node_timeout=40, node_attempts=3) == 4 * (120 + 0.5 + 1 + 2)


def test_the_graph_uses_the_retry_policy_the_budget_assumes() -> None:
    from config import time_budgets
    from screening.assessors import RulesAssessor
    from screening.graph import NODE_ORDER, build_graph

    graph = build_graph(RulesAssessor(), timeout=1, max_attempts=3)
    policy = graph.nodes[NODE_ORDER[0]].retry_policy[0]
    assert len(NODE_ORDER) == time_budgets.GRAPH_NODES
    assert policy.initial_interval == time_budgets.GRAPH_RETRY_INITIAL_INTERVAL
    assert policy.backoff_factor == time_budgets.GRAPH_RETRY_BACKOFF_FACTOR
    assert policy.max_interval == time_budgets.GRAPH_RETRY_MAX_INTERVAL
    assert policy.jitter


def test_settings_refuse_to_load_when_the_graph_cannot_fit(tmp_path: Any) -> None:
    from tests.unit.test_settings import manage

    done = manage("check", DATA_DIR=str(tmp_path), SCREENING_NODE_TIMEOUT_SECONDS="60")
    assert done.returncode != 0
    assert "SCREENING_NODE_TIMEOUT_SECONDS" in done.stderr


def test_a_retry_on_sqs_waits_on_the_broker_not_in_the_worker(settings: Any) -> None:
    from celery.canvas import Signature

    from screening.tasks import screen_applicant_task

    settings.CELERY_BROKER_URL = "sqs://127.0.0.1:1"
    screen_applicant_task.push_request(
        id="t-1", args=["a-1"], kwargs={}, retries=0, is_eager=False, called_directly=False
    )
    try:
        with mock.patch.object(Signature, "apply_async", autospec=True) as apply_async:
            screen_applicant_task.retry(countdown=42, throw=False)
    finally:
        screen_applicant_task.pop_request()
    options = apply_async.call_args.args[0].options
    assert options["delay_seconds"] == 42
    assert not options.get("countdown") and not options.get("eta")


def test_a_retry_on_the_embedded_broker_keeps_its_countdown(settings: Any) -> None:
    from celery.canvas import Signature

    from screening.tasks import screen_applicant_task

    settings.CELERY_BROKER_URL = "sqla+sqlite:///x.sqlite3"
    screen_applicant_task.push_request(
        id="t-1", args=["a-1"], kwargs={}, retries=0, is_eager=False, called_directly=False
    )
    try:
        with mock.patch.object(Signature, "apply_async", autospec=True) as apply_async:
            screen_applicant_task.retry(countdown=42, throw=False)
    finally:
        screen_applicant_task.pop_request()
    options = apply_async.call_args.args[0].options
    assert options["countdown"] == 42 and "delay_seconds" not in options
