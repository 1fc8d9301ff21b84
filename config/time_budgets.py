"""The workers' time budgets, checked when the settings load: the worst case must fit, provably.

**Visibility timeout (SQS).** A message is in flight from its receive to its
ack; past ``SQS_VISIBILITY_TIMEOUT`` SQS hands it to another worker while the
first may still run it. Everything a worker does with one message must end
before that:

- a retry never waits in the worker: on SQS it is a new message that the
  broker holds back (``DelaySeconds``, see ``PipelineTask.retry``), so a
  countdown costs no visibility time;
- a received message waits only behind the others its worker reserved for
  the same pool slot (``prefetch_multiplier - 1`` tasks of at most
  ``time_limit`` each), then runs for at most ``time_limit``.

So ``prefetch_multiplier * time_limit < visibility_timeout``.

**The screening graph** runs inside one task: four nodes, each tried up to
``node_attempts`` times for at most ``node_timeout`` with LangGraph's backoff
(and up to 1 s of jitter) between tries. That worst case, with a tenth of the
soft limit left for the task's own reads and writes, must end before the soft
time limit, so a slow model provider ends as a retry of the graph's node or
a readable failure, never as a task killed mid-write.

**Recovery.** Workers beat every ``stuck_after / 4`` seconds on what they
hold; a claim or run silent for ``stuck_after`` seconds belongs to a dead
worker.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

# screening.graph builds its RetryPolicy from these numbers (a unit test checks they agree).
GRAPH_NODES = 4
GRAPH_RETRY_INITIAL_INTERVAL = 0.5
GRAPH_RETRY_BACKOFF_FACTOR = 2.0
GRAPH_RETRY_MAX_INTERVAL = 10.0
GRAPH_RETRY_JITTER = 1.0  # LangGraph adds uniform(0, 1) s to each wait
# Share of the soft limit kept for the screening task's reads, decryption and report transaction.
SCREENING_TASK_MARGIN = 0.1
HEARTBEATS_PER_STALE_WINDOW = 4
MIN_STALE_WINDOW_SECONDS = 4


def graph_worst_case_seconds(*, node_timeout: float, node_attempts: int, nodes: int = GRAPH_NODES) -> float:
    """Longest the graph can run: every node times out on every attempt and waits the longest backoff."""
    waits = sum(
        min(GRAPH_RETRY_MAX_INTERVAL, GRAPH_RETRY_INITIAL_INTERVAL * GRAPH_RETRY_BACKOFF_FACTOR**retry)
        + GRAPH_RETRY_JITTER
        for retry in range(node_attempts - 1)
    )
    return nodes * (node_attempts * node_timeout + waits)


def check_time_budgets(
    *,
    time_limit: int,
    soft_time_limit: int,
    visibility_timeout: int,
    prefetch_multiplier: int,
    on_sqs: bool,
    node_timeout: float,
    node_attempts: int,
    stuck_after: int,
) -> None:
    """Raise ``ImproperlyConfigured`` naming every budget the settings break."""
    problems: list[str] = []
    if not 0 < soft_time_limit < time_limit:
        problems.append(
            f"need 0 < CELERY_TASK_SOFT_TIME_LIMIT ({soft_time_limit}) < CELERY_TASK_TIME_LIMIT ({time_limit})"
        )
    if time_limit >= visibility_timeout:
        problems.append(
            f"CELERY_TASK_TIME_LIMIT ({time_limit}) must be below SQS_VISIBILITY_TIMEOUT ({visibility_timeout})"
        )
    elif on_sqs and prefetch_multiplier * time_limit >= visibility_timeout:
        problems.append(
            f"CELERY_WORKER_PREFETCH_MULTIPLIER x CELERY_TASK_TIME_LIMIT ({prefetch_multiplier} x {time_limit}) "
            f"must be below SQS_VISIBILITY_TIMEOUT ({visibility_timeout}): a reserved message waits behind the others"
        )
    if node_attempts < 1 or node_timeout <= 0:
        problems.append("SCREENING_NODE_MAX_ATTEMPTS and SCREENING_NODE_TIMEOUT_SECONDS must be positive")
    else:
        worst = graph_worst_case_seconds(node_timeout=node_timeout, node_attempts=node_attempts)
        budget = soft_time_limit * (1 - SCREENING_TASK_MARGIN)
        if worst > budget:
            problems.append(
                f"the screening graph can run {worst:g} s ({GRAPH_NODES} nodes x SCREENING_NODE_MAX_ATTEMPTS "
                f"{node_attempts} x SCREENING_NODE_TIMEOUT_SECONDS {node_timeout:g} + backoff), more than "
                f"{budget:g} s of CELERY_TASK_SOFT_TIME_LIMIT ({soft_time_limit}) less a {SCREENING_TASK_MARGIN:.0%} margin"
            )
    if stuck_after < MIN_STALE_WINDOW_SECONDS:
        problems.append(f"PIPELINE_STUCK_AFTER_SECONDS must be at least {MIN_STALE_WINDOW_SECONDS}")
    if problems:
        raise ImproperlyConfigured("Time budgets do not fit: " + "; ".join(problems) + ".")
