"""Re-encrypt every encrypted column under the first key of ``FIELD_ENCRYPTION_KEYS``.

Run after putting a new key first; afterwards the old key can be removed.
Works in primary-key batches, each in its own transaction, on raw column
values so nothing is decrypted into Python objects it does not need. Each
batch locks its rows (``SELECT ... FOR UPDATE`` where the database has it;
SQLite's IMMEDIATE transactions serialise writers anyway) and writes only
the encrypted columns, so a worker updating a row meanwhile is waited for,
never overwritten.

``--reindex-nif`` re-keys the NIF blind index after ``BLIND_INDEX_KEY``
changed: the NIF is decrypted and its index recomputed under the new key
(NIF lookups miss until it has run). Both are audited (``KEYS_ROTATED``,
counts only).
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import CommandError, CommandParser
from django.db import connection, transaction

from applicants.crypto import DecryptionError, nif_index_for, rotate_token
from applicants.fields import EncryptedFieldMixin
from applicants.management.arguments import positive_int
from applicants.management.database import DatabaseCommand
from applicants.models import Applicant, AuditAction
from applicants.services import audit_record, name_index_refresh


def encrypted_columns() -> list[tuple[Any, list[str]]]:
    found = []
    for model in apps.get_models():
        columns = [f.column for f in model._meta.concrete_fields if isinstance(f, EncryptedFieldMixin)]
        if columns:
            found.append((model, columns))
    return found


def rotate_table(model: Any, columns: list[str], *, batch_size: int) -> int:
    """Re-encrypt one table's encrypted columns, batch by batch; returns the rows done."""
    quote = connection.ops.quote_name
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    select_columns = ", ".join(quote(c) for c in columns)
    assignments = ", ".join(f"{quote(c)} = %s" for c in columns)
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    last_pk: Any = None
    rows_done = 0
    while True:
        with transaction.atomic(), connection.cursor() as cursor:
            where = f"WHERE {pk} > %s " if last_pk is not None else ""
            params = [last_pk] if last_pk is not None else []
            cursor.execute(
                f"SELECT {pk}, {select_columns} FROM {table} {where}ORDER BY {pk} LIMIT %s{lock}",  # noqa: S608
                [*params, batch_size],
            )
            rows = cursor.fetchall()
            for row in rows:
                new_values = [rotate_token(value) if value is not None else None for value in row[1:]]
                cursor.execute(f"UPDATE {table} SET {assignments} WHERE {pk} = %s", [*new_values, row[0]])  # noqa: S608
        if not rows:
            return rows_done
        last_pk = rows[-1][0]
        rows_done += len(rows)


def nif_reindex(*, batch_size: int) -> int:
    """Recompute every applicant's blind indexes under the current ``BLIND_INDEX_KEY``: the NIF's
    (``nif_index``) and their name words' (ADR 046)."""
    done = 0
    last_pk: Any = None
    while True:
        with transaction.atomic():
            batch = Applicant.objects.select_for_update().order_by("pk").only("pk", "nif", "nif_index", "name")
            if last_pk is not None:
                batch = batch.filter(pk__gt=last_pk)
            rows = list(batch[:batch_size])
            for applicant in rows:
                Applicant.objects.filter(pk=applicant.pk).update(nif_index=nif_index_for(applicant.nif))
                name_index_refresh(applicant=applicant)
        if not rows:
            return done
        last_pk = rows[-1].pk
        done += len(rows)


class Command(DatabaseCommand):
    help = "Re-encrypt all personal data with the current (first) field encryption key; re-key the NIF index."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=positive_int, default=500)
        parser.add_argument(
            "--reindex-nif",
            action="store_true",
            help="Also recompute the blind indexes (NIF, name words) under the current BLIND_INDEX_KEY (after changing it).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        batch_size = options["batch_size"]
        total = 0
        per_table = {}
        for model, columns in encrypted_columns():
            try:
                rows_done = rotate_table(model, columns, batch_size=batch_size)
            except DecryptionError as exc:
                # Blind probe c26: run without the old key it ended in a DecryptionError traceback, where
                # rotate_storage_keys says it in a line. Batches already done stay re-encrypted (each is its own
                # transaction, and a value under the new key rotates again harmlessly): re-run with both keys.
                raise CommandError(
                    f"a value in {model._meta.label} cannot be decrypted with the configured keys: keep the old key "
                    f"after the new one in FIELD_ENCRYPTION_KEYS and run this again ({total} rows re-encrypted so far)"
                ) from exc
            per_table[model._meta.label] = rows_done
            total += rows_done
            self.stdout.write(f"{model._meta.label}: {rows_done} rows re-encrypted")
        details: dict[str, Any] = {"rows": total, "tables": per_table, "blind_index": False}
        if options["reindex_nif"]:
            details["blind_index"] = True
            details["nif_reindexed"] = nif_reindex(batch_size=batch_size)
            self.stdout.write(f"blind index: {details['nif_reindexed']} applicants re-indexed")
        audit_record(action=AuditAction.KEYS_ROTATED, target_type="keys", target_id="-", details=details)
        self.stdout.write(f"done: {total} rows")
