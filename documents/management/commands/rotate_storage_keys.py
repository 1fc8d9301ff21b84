"""``manage.py rotate_storage_keys``: re-encrypt every local object under the first ``STORAGE_ENCRYPTION_KEYS`` key.

Put the new key first, keep the old ones after it, run this, then drop the
old keys. Files written before storage encryption existed are encrypted by
the same pass. Prints ``{"rewritten": n, "current": m}``. Idempotent; safe
to re-run after an interruption (each file is replaced atomically).
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from documents.storage import LocalDocumentStore, StorageError, document_store


class Command(BaseCommand):
    help = "Re-encrypt every object of the local storage under the first STORAGE_ENCRYPTION_KEYS key."

    def handle(self, *args: Any, **options: Any) -> None:
        store = document_store()
        if not isinstance(store, LocalDocumentStore):
            raise CommandError("STORAGE_BACKEND=s3 encrypts server-side (SSE); S3 or KMS rotate those keys")
        rewritten = current = 0
        for key in store.object_keys():
            try:
                changed = store.reseal(key)
            except FileNotFoundError:
                continue  # deleted while the pass ran
            except StorageError as exc:
                raise CommandError(
                    f"an object cannot be decrypted with the configured keys ({rewritten} rewritten so far)"
                ) from exc
            rewritten += changed
            current += not changed
        self.stdout.write(json.dumps({"rewritten": rewritten, "current": current}))
