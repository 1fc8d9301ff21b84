"""The event publisher port: SQS in production, a JSONL file embedded, or nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Protocol

from django.conf import settings


class EventPublisher(Protocol):
    def publish(self, event: dict[str, Any]) -> None: ...


class FileEventPublisher:
    """Appends one JSON line per event (the embedded default: visible, no server)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def publish(self, event: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(event, sort_keys=True) + "\n")


class SqsEventPublisher:
    def __init__(self, queue_url: str, region: str, endpoint_url: str | None) -> None:
        import boto3

        self.queue_url = queue_url
        self.client = boto3.client("sqs", region_name=region, endpoint_url=endpoint_url)

    def publish(self, event: dict[str, Any]) -> None:
        self.client.send_message(
            QueueUrl=self.queue_url,
            MessageBody=json.dumps(event, sort_keys=True),
            MessageAttributes={"event_type": {"DataType": "String", "StringValue": str(event["event_type"])}},
        )


class NullEventPublisher:
    def publish(self, event: dict[str, Any]) -> None:
        return None


def sqs_endpoint_for(queue_url: str) -> str | None:
    """AWS resolves its own endpoint; an emulator's comes from the queue URL."""
    from urllib.parse import urlparse

    parsed = urlparse(queue_url)
    if parsed.hostname and parsed.hostname.endswith("amazonaws.com"):
        return None
    return f"{parsed.scheme}://{parsed.netloc}"


def event_publisher() -> EventPublisher:
    if settings.EVENTS_BACKEND == "sqs":
        return SqsEventPublisher(
            settings.EVENTS_QUEUE_URL, settings.AWS_REGION, sqs_endpoint_for(settings.EVENTS_QUEUE_URL)
        )
    if settings.EVENTS_BACKEND == "none":
        return NullEventPublisher()
    return FileEventPublisher(Path(settings.EVENTS_FILE))
