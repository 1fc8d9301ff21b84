"""The screening graph: verify_identity -> verify_income -> assess_affordability -> generate_report.

Four async LangGraph nodes over a typed state of plain dicts (no pickling,
reproducible). Each node comes from the configured assessor (rules or
OpenAI). Retries live here, once: a node that raises ``TransientAssessorError``
(or times out) is retried with backoff by LangGraph's ``RetryPolicy``; the
OpenAI client itself is built with ``max_retries=0``.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Awaitable, Callable
from typing import Any, TypedDict

from django.conf import settings
from langgraph.graph import END, START, StateGraph
from langgraph.types import RetryPolicy

from screening.assessors import Assessor, TransientAssessorError, assessor_from_settings

NODE_ORDER = ("verify_identity", "verify_income", "assess_affordability", "generate_report")
STATE_KEY = {
    "verify_identity": "identity",
    "verify_income": "income",
    "assess_affordability": "affordability",
    "generate_report": "report",
}


class ScreeningState(TypedDict, total=False):
    applicant: dict[str, Any]
    property: dict[str, Any]
    thresholds: dict[str, Any]
    today: str
    documents: list[dict[str, Any]]
    members: list[dict[str, Any]]
    # The roles of the people invited who did not submit (a forced screening went on without them); no PII.
    not_submitted: list[str]
    identity: dict[str, Any]
    income: dict[str, Any]
    affordability: dict[str, Any]
    report: dict[str, Any]


NodeFunction = Callable[[dict[str, Any]], Awaitable[dict[str, Any]]]


def node(
    name: str, implementation: NodeFunction, timeout: float
) -> Callable[[ScreeningState], Awaitable[dict[str, Any]]]:
    async def run(state: ScreeningState) -> dict[str, Any]:
        try:
            result = await asyncio.wait_for(implementation(dict(state)), timeout=timeout)
        except TimeoutError as exc:
            raise TransientAssessorError(f"{name} timed out after {timeout}s") from exc
        return {STATE_KEY[name]: result}

    run.__name__ = name
    return run


# The longest wait the graph's own retries take (``RetryPolicy``'s ``max_interval``).
GRAPH_RETRY_MAX_INTERVAL = 10.0


def retried_in_the_graph(exc: Exception) -> bool:
    """A transient error the graph retries at once; one whose provider asked for a longer wait (``Retry-After``)
    goes to the task's retry, which waits that long (blind probe r59b: asked again within a second of a 429 that
    said 30)."""
    if not isinstance(exc, TransientAssessorError):
        return False
    return exc.retry_after is None or exc.retry_after <= GRAPH_RETRY_MAX_INTERVAL


def build_graph(assessor: Assessor, *, timeout: float | None = None, max_attempts: int | None = None) -> Any:
    timeout = timeout if timeout is not None else float(settings.SCREENING_NODE_TIMEOUT_SECONDS)
    attempts = max_attempts if max_attempts is not None else settings.SCREENING_NODE_MAX_ATTEMPTS
    retry = RetryPolicy(
        max_attempts=attempts,
        initial_interval=0.5,
        max_interval=GRAPH_RETRY_MAX_INTERVAL,
        retry_on=retried_in_the_graph,
    )
    graph = StateGraph(ScreeningState)
    for name in NODE_ORDER:
        graph.add_node(name, node(name, getattr(assessor, name), timeout), retry_policy=retry)  # type: ignore[call-overload]
    graph.add_edge(START, NODE_ORDER[0])
    for current, following in itertools.pairwise(NODE_ORDER):
        graph.add_edge(current, following)
    graph.add_edge(NODE_ORDER[-1], END)
    return graph.compile()


def run_screening(state: ScreeningState, assessor: Assessor | None = None, **graph_options: Any) -> ScreeningState:
    """Run the graph in an event loop of its own; what the assessor holds open for it is closed with it."""
    assessor = assessor or assessor_from_settings()
    graph = build_graph(assessor, **graph_options)

    async def invoke() -> ScreeningState:
        async with assessor.session():
            result: ScreeningState = await graph.ainvoke(state)
            return result

    return asyncio.run(invoke())
