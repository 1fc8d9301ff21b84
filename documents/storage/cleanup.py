"""Stored files that must go: scheduled in the transaction that makes them garbage, deleted once due, retried.

``PendingDeletion`` is the outbox of file deletions. Whoever makes an object
garbage records it in the same transaction: a document row deleted (any
cascade: retention, admin, an agency removed), a form submitted (its uploads,
now copied), a slot handed out (its upload, if no submission takes it before
``INTAKE_UPLOAD_RETENTION_DAYS`` after the slot expires). After commit the due
ones are deleted at once; whatever fails stays, with a later ``due_at``, for
the beat task ``documents.tasks.stored_files_cleanup_task``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import structlog
from django.db import transaction
from django.utils import timezone

from documents.models import Document, PendingDeletion
from documents.storage import document_store

logger = structlog.get_logger(__name__)

_FIRST_RETRY = dt.timedelta(minutes=5)
_LAST_RETRY = dt.timedelta(days=1)


@dataclass(frozen=True)
class CleanupResult:
    deleted: int
    failed: int
    # Scheduled, but a document row points at the key: never deleted, the schedule dropped.
    kept: int


def stored_files_schedule_deletion(*, keys: Iterable[str], due_at: dt.datetime) -> None:
    """Record that these objects go at ``due_at`` (an existing schedule moves to it). Call it inside
    the transaction that makes them garbage, so the schedule commits or rolls back with it."""
    rows = [PendingDeletion(key=key, due_at=due_at) for key in sorted(set(keys))]
    if rows:
        PendingDeletion.objects.bulk_create(
            rows, update_conflicts=True, unique_fields=["key"], update_fields=["due_at"]
        )


def stored_files_unschedule(*, keys: Iterable[str]) -> None:
    """Keep these objects after all (a submission took the copies it scheduled as a precaution)."""
    PendingDeletion.objects.filter(key__in=list(keys)).delete()


def stored_files_delete_due(
    *, now: dt.datetime | None = None, keys: Iterable[str] | None = None, limit: int = 500
) -> CleanupResult:
    """Delete the objects whose deletion is due (only ``keys`` when given). Idempotent.

    A key a document row points at is never deleted. A failed delete is
    retried later, backing off from 5 minutes to a day between attempts.
    """
    now = now or timezone.now()
    due = PendingDeletion.objects.filter(due_at__lte=now).order_by("due_at")
    if keys is not None:
        due = due.filter(key__in=list(keys))
    rows = list(due[:limit])
    referenced = set(
        Document.objects.filter(storage_key__in=[row.key for row in rows]).values_list("storage_key", flat=True)
    )
    store = document_store()
    done: list[int] = []  # rows whose key is gone or kept: dropped together, one write for the batch
    failed = kept = 0
    for row in rows:
        if row.key in referenced:
            done.append(row.id)
            kept += 1
            continue
        try:
            store.delete(row.key)
        except Exception as exc:
            # Any failure (storage outage, permissions, a full disk) must leave the row for a retry.
            attempts = row.attempts + 1
            retry_in = min(_FIRST_RETRY * 2 ** (attempts - 1), _LAST_RETRY)
            PendingDeletion.objects.filter(id=row.id).update(
                attempts=attempts, due_at=now + retry_in, last_error=exc.__class__.__name__[:100]
            )
            logger.warning("storage.delete_failed", attempts=attempts, error=exc.__class__.__name__)
            failed += 1
            continue
        done.append(row.id)
    if done:
        PendingDeletion.objects.filter(id__in=done).delete()
    deleted = len(done) - kept
    if rows:
        logger.info("storage.cleanup", deleted=deleted, failed=failed, kept=kept)
    return CleanupResult(deleted=deleted, failed=failed, kept=kept)


def stored_files_delete_now(*, keys: Iterable[str]) -> CleanupResult:
    """Delete these objects now (outside a transaction); what fails stays scheduled for the beat task."""
    wanted = sorted(set(keys))
    stored_files_schedule_deletion(keys=wanted, due_at=timezone.now())
    return stored_files_delete_due(keys=wanted)


def stored_files_delete_after_commit(*, keys: Iterable[str]) -> None:
    """Schedule these objects for deletion now and delete them once the current transaction commits;
    a failure there is logged and left to the beat task (the schedule is already committed)."""
    wanted = sorted(set(keys))
    if not wanted:
        return
    stored_files_schedule_deletion(keys=wanted, due_at=timezone.now())
    transaction.on_commit(lambda: stored_files_delete_due(keys=wanted), robust=True)


def document_files_delete_on_commit(sender: Any, instance: Document, **kwargs: Any) -> None:
    """``post_delete`` of ``Document``: its stored file goes with the row.

    A signal, not a service, because rows also go by cascade where no service
    of ours runs (the admin deleting an applicant, a form or an agency; the
    retention purge's ``QuerySet.delete()``). It runs inside the deleting
    transaction, so the schedule is as durable as the deletion itself.
    """
    stored_files_delete_after_commit(keys=[instance.storage_key])
