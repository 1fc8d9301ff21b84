"""SQS plumbing for ops: queue names, DLQs with redrive policies, depths, redrive.

moto does not implement ``StartMessageMoveTask``, and not every SQS-compatible
emulator does, so redrive is receive -> send raw body -> delete.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

import boto3
from django.conf import settings

TASK_QUEUES = ("extraction", "screening")


def sqs_client(endpoint_url: str | None = None) -> Any:
    return boto3.client("sqs", region_name=settings.AWS_REGION, endpoint_url=endpoint_url or sqs_endpoint())


def sqs_endpoint() -> str | None:
    """The broker URL's host (an emulator) or None for AWS itself."""
    broker = urlparse(settings.CELERY_BROKER_URL)
    if broker.scheme != "sqs" or not broker.hostname:
        return None
    secure = settings.CELERY_BROKER_TRANSPORT_OPTIONS.get("is_secure", True)
    port = f":{broker.port}" if broker.port else ""
    return f"{'https' if secure else 'http'}://{broker.hostname}{port}"


def queue_name(queue: str) -> str:
    return f"{settings.SQS_QUEUE_PREFIX}{queue}"


def queue_url(client: Any, queue: str) -> str:
    configured = {"extraction": settings.SQS_EXTRACTION_QUEUE_URL, "screening": settings.SQS_SCREENING_QUEUE_URL}.get(
        queue
    )
    if configured:
        return str(configured)
    if queue == "events" and settings.EVENTS_QUEUE_URL:
        return str(settings.EVENTS_QUEUE_URL)
    return str(client.get_queue_url(QueueName=queue_name(queue))["QueueUrl"])


def dlq_url(client: Any, queue: str) -> str:
    return str(client.get_queue_url(QueueName=queue_name(f"{queue}-dlq"))["QueueUrl"])


@dataclass(frozen=True)
class BootstrappedQueue:
    name: str
    url: str
    dlq_url: str | None


def sqs_bootstrap(client: Any | None = None) -> list[BootstrappedQueue]:
    """Create task queues (each with a DLQ and redrive policy) and the events queue. Idempotent."""
    client = client or sqs_client()
    created = []
    for queue in (*TASK_QUEUES, "events"):
        dlq = client.create_queue(
            QueueName=queue_name(f"{queue}-dlq"), Attributes={"MessageRetentionPeriod": "1209600"}
        )["QueueUrl"]
        dlq_arn = client.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        attributes = {
            "VisibilityTimeout": str(settings.SQS_VISIBILITY_TIMEOUT),
            "RedrivePolicy": json.dumps(
                {"deadLetterTargetArn": dlq_arn, "maxReceiveCount": str(settings.SQS_MAX_RECEIVE_COUNT)}
            ),
        }
        url = client.create_queue(QueueName=queue_name(queue))["QueueUrl"]
        client.set_queue_attributes(QueueUrl=url, Attributes=attributes)
        created.append(BootstrappedQueue(queue_name(queue), url, dlq))
    return created


def queue_depths(client: Any | None = None) -> dict[str, dict[str, int]]:
    client = client or sqs_client()
    depths = {}
    for queue in (*TASK_QUEUES, "events"):
        for name, url_of in ((queue, queue_url), (f"{queue}-dlq", dlq_url)):
            try:
                url = url_of(client, queue)
            except client.exceptions.QueueDoesNotExist:
                continue
            attributes = client.get_queue_attributes(
                QueueUrl=url, AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]
            )["Attributes"]
            depths[name] = {
                "visible": int(attributes.get("ApproximateNumberOfMessages", 0)),
                "in_flight": int(attributes.get("ApproximateNumberOfMessagesNotVisible", 0)),
            }
    return depths


def redrive(queue: str, *, limit: int | None = None, client: Any | None = None) -> int:
    """Move messages from ``<queue>-dlq`` back to ``<queue>``, raw bodies and attributes intact."""
    client = client or sqs_client()
    source, target = dlq_url(client, queue), queue_url(client, queue)
    moved = 0
    while limit is None or moved < limit:
        batch = min(10, limit - moved) if limit is not None else 10
        received = client.receive_message(
            QueueUrl=source,
            MaxNumberOfMessages=batch,
            WaitTimeSeconds=1,
            MessageAttributeNames=["All"],
            AttributeNames=["All"],
        )
        messages = received.get("Messages", [])
        if not messages:
            break
        for message in messages:
            send: dict[str, Any] = {"QueueUrl": target, "MessageBody": message["Body"]}
            if message.get("MessageAttributes"):
                send["MessageAttributes"] = message["MessageAttributes"]
            client.send_message(**send)
            client.delete_message(QueueUrl=source, ReceiptHandle=message["ReceiptHandle"])
            moved += 1
    return moved
