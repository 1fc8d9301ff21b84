"""Celery settings, read by ``config.settings`` (the ``CELERY_`` namespace).

Embedded default: kombu's SQLAlchemy transport on a SQLite file under
``DATA_DIR`` (no server). Production: SQS with predefined queues, each with a
redrive policy to its DLQ, late acks and failures left unacked so the redrive
policy can count them.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlparse

from config.env import env_bool, env_float, env_int, env_str
from config.time_budgets import check_time_budgets

_data_dir = Path(os.environ.get("DATA_DIR", Path(__file__).resolve().parent.parent / "var")).resolve()

CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", f"sqla+sqlite:///{_data_dir / 'broker.sqlite3'}")
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_BACKEND = None
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_TIMEZONE = "Europe/Lisbon"
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_WORKER_PREFETCH_MULTIPLIER = env_int("CELERY_WORKER_PREFETCH_MULTIPLIER", 1)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# A failed task stays unacked: on SQS the redrive policy then moves it to the
# DLQ after maxReceiveCount receives instead of it silently vanishing.
CELERY_TASK_ACKS_ON_FAILURE_OR_TIMEOUT = env_bool("CELERY_TASK_ACKS_ON_FAILURE_OR_TIMEOUT", False)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A task message of the wrong shape is rejected (to the DLQ on SQS), not the end of the worker.
CELERY_WORKER_CONSUMER = "config.worker_consumer:Consumer"
# Celery's Django fix-up closes the database connection before and after every task
# (4% of an extraction worker's CPU on SQLite, measured with py-spy) unless this is
# set; then it closes only every this many tasks, and between tasks config.celery
# closes what Django's own rules (DB_CONN_MAX_AGE, health checks, a broken
# transaction) say is stale, as after a web request.
CELERY_DB_REUSE_MAX = env_int("CELERY_DB_REUSE_MAX", 1000)

# The hard limit must stay below the SQS visibility timeout, or a slow task is
# delivered to a second worker while the first still runs (checked below).
SQS_VISIBILITY_TIMEOUT = env_int("SQS_VISIBILITY_TIMEOUT", 900)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 600)
# The soft limit leaves the task time to release its claim and record the failure.
CELERY_TASK_SOFT_TIME_LIMIT = env_int(
    "CELERY_TASK_SOFT_TIME_LIMIT", max(CELERY_TASK_TIME_LIMIT - 30, int(CELERY_TASK_TIME_LIMIT * 0.8))
)
SQS_MAX_RECEIVE_COUNT = env_int("SQS_MAX_RECEIVE_COUNT", 5)
# Per graph node: the timeout of one try and the tries on transient errors. 4 nodes x 3 x 40 s
# plus backoff is 494 s, inside the default soft limit (570 s) with room for the task's writes.
SCREENING_NODE_TIMEOUT_SECONDS = env_int("SCREENING_NODE_TIMEOUT_SECONDS", 40)
SCREENING_NODE_MAX_ATTEMPTS = env_int("SCREENING_NODE_MAX_ATTEMPTS", 3)

# Recovery (docs/adr/009-self-healing-pipeline.md). A worker holding a document
# claim or a screening run beats every PIPELINE_STUCK_AFTER_SECONDS / 4 seconds;
# silent for PIPELINE_STUCK_AFTER_SECONDS, its worker is dead and the beat sweep
# (every PIPELINE_SWEEP_INTERVAL_SECONDS) re-queues the applicant, at most
# PIPELINE_MAX_RECOVERIES times before it fails it for a person to look at.
PIPELINE_STUCK_AFTER_SECONDS = env_int("PIPELINE_STUCK_AFTER_SECONDS", 300)
PIPELINE_HEARTBEAT_SECONDS = PIPELINE_STUCK_AFTER_SECONDS / 4
PIPELINE_SWEEP_INTERVAL_SECONDS = env_int("PIPELINE_SWEEP_INTERVAL_SECONDS", 60)
PIPELINE_MAX_RECOVERIES = env_int("PIPELINE_MAX_RECOVERIES", 3)
# Task-level retries for transient errors (storage, extraction provider).
PIPELINE_MAX_RETRIES = env_int("PIPELINE_MAX_RETRIES", 5)

check_time_budgets(
    time_limit=CELERY_TASK_TIME_LIMIT,
    soft_time_limit=CELERY_TASK_SOFT_TIME_LIMIT,
    visibility_timeout=SQS_VISIBILITY_TIMEOUT,
    prefetch_multiplier=CELERY_WORKER_PREFETCH_MULTIPLIER,
    on_sqs=CELERY_BROKER_URL.startswith("sqs://"),
    node_timeout=SCREENING_NODE_TIMEOUT_SECONDS,
    node_attempts=SCREENING_NODE_MAX_ATTEMPTS,
    stuck_after=PIPELINE_STUCK_AFTER_SECONDS,
)

CELERY_TASK_DEFAULT_QUEUE = "screening"
CELERY_TASK_ROUTES = {
    "documents.tasks.*": {"queue": "extraction"},
    "screening.tasks.*": {"queue": "screening"},
    "applicants.tasks.*": {"queue": "screening"},
}
CELERY_BEAT_SCHEDULE = {
    "relay-outbox-events": {"task": "screening.tasks.outbox_relay_task", "schedule": 30.0},
    "recover-stalled-pipeline-items": {
        "task": "screening.tasks.pipeline_sweep_task",
        "schedule": float(PIPELINE_SWEEP_INTERVAL_SECONDS),
    },
    "purge-expired-applicants": {"task": "applicants.tasks.purge_expired_task", "schedule": 6 * 3600.0},
    "delete-due-stored-files": {"task": "documents.tasks.stored_files_cleanup_task", "schedule": 900.0},
}

# A request publishes after its commit (a submission, a second round's answer, a re-run): the applicant waits
# for it. A broker that is locked, down or slow fails the send within seconds instead; the run is recorded,
# and the recovery sweep queues it (docs/adr/009-self-healing-pipeline.md, blind probe r74b F1). One retry,
# not Celery's three: each try waits up to BROKER_PUBLISH_TIMEOUT_SECONDS (the embedded broker's wait for
# its write lock, SQS's connection timeout).
BROKER_PUBLISH_TIMEOUT_SECONDS = env_float("BROKER_PUBLISH_TIMEOUT_SECONDS", 2.0)
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}

SQS_EXTRACTION_QUEUE_URL = env_str("SQS_EXTRACTION_QUEUE_URL", "")
SQS_SCREENING_QUEUE_URL = env_str("SQS_SCREENING_QUEUE_URL", "")
SQS_QUEUE_PREFIX = env_str("SQS_QUEUE_PREFIX", "screening-")

CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, object] = {}
if CELERY_BROKER_URL.startswith("sqs://"):
    _broker = urlparse(CELERY_BROKER_URL)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "region": env_str("AWS_REGION", env_str("AWS_DEFAULT_REGION", "eu-west-1")),
        # Long polling does the waiting: an empty receive returns after
        # wait_time_seconds, so the pause before the next one can be short.
        "wait_time_seconds": env_int("SQS_WAIT_TIME_SECONDS", 10),
        # While a task runs the queue waits for its acknowledgement instead
        # (config/sqs_broker.py, ADR 017).
        "polling_interval": env_float("SQS_POLLING_INTERVAL", 0.01),
        # kombu takes the endpoint from the broker URL; a loopback emulator is plain HTTP.
        "is_secure": not (_broker.hostname or "").startswith("127.") and _broker.hostname != "localhost",
        # botocore's defaults (60 s to connect, 60 s to read, retried) held a publish, and so the request
        # that sent it, for minutes. A read must outlast a long poll (wait_time_seconds).
        "client-config": {
            "connect_timeout": BROKER_PUBLISH_TIMEOUT_SECONDS,
            "read_timeout": env_int("SQS_WAIT_TIME_SECONDS", 10) + 5,
            "retries": {"mode": "standard", "total_max_attempts": 2},
        },
    }
    _predefined = {
        name: {"url": url}
        for name, url in (("extraction", SQS_EXTRACTION_QUEUE_URL), ("screening", SQS_SCREENING_QUEUE_URL))
        if url
    }
    if _predefined:
        CELERY_BROKER_TRANSPORT_OPTIONS["predefined_queues"] = _predefined
    else:
        CELERY_BROKER_TRANSPORT_OPTIONS["queue_name_prefix"] = SQS_QUEUE_PREFIX
elif CELERY_BROKER_URL.startswith("sqla+"):
    # Adaptive polling (config/embedded_broker.py, docs/adr/017-adaptive-broker-polling.md):
    # every SQLA_POLLING_INTERVAL s while messages keep coming, slowing to
    # SQLA_IDLE_POLLING_INTERVAL s when idle; an acknowledgement wakes the worker at once.
    # The rest goes to SQLAlchemy's create_engine.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        # A worker's poll and acknowledgement wait up to 30 s for the write lock, a publish
        # BROKER_PUBLISH_TIMEOUT_SECONDS (config/embedded_broker.py).
        "connect_args": {"timeout": 30},
        "publish_timeout": BROKER_PUBLISH_TIMEOUT_SECONDS,
        "polling_interval": env_float("SQLA_POLLING_INTERVAL", 0.05),
        "idle_polling_interval": env_float("SQLA_IDLE_POLLING_INTERVAL", 1.0),
    }
