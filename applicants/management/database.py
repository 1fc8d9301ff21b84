"""Every command that reads the database asks first: is there a migrated database where the settings point?

Blind probe c26: ``DATA_DIR=/nonexistent/dir manage.py pipeline_status`` created an empty ``db.sqlite3``
(SQLite makes the file it is asked to open) and printed a ``no such table: applicants_applicant`` traceback.
Blind probe r58a (F6): ``pipeline_status`` alone had the check; ``requeue_stuck``, ``rescreen``,
``outbox_relay``, ``cleanup_storage`` still did both. Every such command now derives from ``DatabaseCommand``,
and readiness (``workspace/health.py``) shares the "no file, no connection" rule. Settings still create
``DATA_DIR`` itself (the lead's); the database file is made by ``migrate`` only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connections
from django.db.backends.base.base import BaseDatabaseWrapper

# One table every migrated database has: its absence means a database that was never migrated.
MARKER_TABLE = "applicants_applicant"
# Readiness's one query: fails only when that table is missing, reads no row.
MARKER_QUERY = "SELECT 1 FROM applicants_applicant WHERE 1 = 0"


def missing_sqlite_file(connection: BaseDatabaseWrapper) -> str | None:
    """The SQLite file's path when the settings name one that does not exist (connecting would create it)."""
    name = str(connection.settings_dict.get("NAME") or "")
    if connection.vendor != "sqlite" or not name or name == ":memory:" or name.startswith("file:"):
        return None
    return None if Path(name).exists() else name


def database_problem(alias: str = "default") -> str | None:
    """What is wrong with the database, in a sentence that says what to do; ``None`` when it is migrated."""
    connection = connections[alias]
    missing = missing_sqlite_file(connection)
    if missing:
        return f"there is no database at {missing}: run migrate, or check DATA_DIR"
    settings_dict = connection.settings_dict
    name = str(settings_dict.get("NAME") or "")
    where = name if connection.vendor == "sqlite" else f"{settings_dict.get('HOST') or 'localhost'}/{name}"
    try:
        tables = connection.introspection.table_names()
    except DatabaseError as exc:
        # The driver's text can quote the password-less DSN; its class is enough to tell refused from locked.
        return f"cannot reach the database at {where} ({type(exc).__name__}): check DATABASE_URL"
    if MARKER_TABLE not in tables:
        return f"the database at {where} has no tables: run migrate, or check DATA_DIR / DATABASE_URL"
    return None


def database_ready() -> None:
    """Raise a ``CommandError`` naming the database when it is missing, unreachable or holds no tables."""
    problem = database_problem()
    if problem:
        raise CommandError(problem)


class DatabaseCommand(BaseCommand):
    """A command that reads or writes the project's tables: it checks the database before anything else.

    A mistyped ``DATA_DIR`` gives one line and exit status 1, and no empty database file is left behind.
    """

    def execute(self, *args: Any, **options: Any) -> str | None:
        database_ready()
        return super().execute(*args, **options)
