"""Re-encrypt every encrypted column under the first key of ``FIELD_ENCRYPTION_KEYS``.

Run after putting a new key first; afterwards the old key can be removed.
Works in primary-key batches, each in its own transaction, on raw column
values so nothing is decrypted into Python objects it does not need.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection, transaction

from applicants.crypto import rotate_token
from applicants.fields import EncryptedFieldMixin


def encrypted_columns() -> list[tuple[Any, list[str]]]:
    found = []
    for model in apps.get_models():
        columns = [f.column for f in model._meta.concrete_fields if isinstance(f, EncryptedFieldMixin)]
        if columns:
            found.append((model, columns))
    return found


class Command(BaseCommand):
    help = "Re-encrypt all personal data with the current (first) field encryption key."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args: Any, **options: Any) -> None:
        batch_size = options["batch_size"]
        quote = connection.ops.quote_name
        total = 0
        for model, columns in encrypted_columns():
            table = quote(model._meta.db_table)
            pk = quote(model._meta.pk.column)
            select_columns = ", ".join(quote(c) for c in columns)
            last_pk: Any = None
            rows_done = 0
            while True:
                with transaction.atomic(), connection.cursor() as cursor:
                    where = f"WHERE {pk} > %s " if last_pk is not None else ""
                    params = [last_pk] if last_pk is not None else []
                    cursor.execute(
                        f"SELECT {pk}, {select_columns} FROM {table} {where}ORDER BY {pk} LIMIT %s",  # noqa: S608
                        [*params, batch_size],
                    )
                    rows = cursor.fetchall()
                    for row in rows:
                        new_values = [rotate_token(value) if value is not None else None for value in row[1:]]
                        assignments = ", ".join(f"{quote(c)} = %s" for c in columns)
                        cursor.execute(f"UPDATE {table} SET {assignments} WHERE {pk} = %s", [*new_values, row[0]])  # noqa: S608
                if not rows:
                    break
                last_pk = rows[-1][0]
                rows_done += len(rows)
            total += rows_done
            self.stdout.write(f"{model._meta.label}: {rows_done} rows re-encrypted")
        self.stdout.write(f"done: {total} rows")
