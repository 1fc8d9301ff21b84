"""A read-only command's first question: is there a migrated database where the settings point?

Blind probe c26: ``DATA_DIR=/nonexistent/dir manage.py pipeline_status``
created an empty ``db.sqlite3`` (SQLite makes the file it is asked to open)
and printed a ``no such table: applicants_applicant`` traceback. Settings
still create ``DATA_DIR`` itself (the lead's); the database file is no longer
made by a command that only reads.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError
from django.db import connection

MARKER_TABLE = "applicants_applicant"


def database_ready() -> None:
    """Raise a ``CommandError`` naming the database when it is missing or holds no tables; else nothing."""
    settings_dict = connection.settings_dict
    name = str(settings_dict.get("NAME") or "")
    is_sqlite = connection.vendor == "sqlite"
    if is_sqlite and name and name != ":memory:" and not name.startswith("file:") and not Path(name).exists():
        raise CommandError(f"there is no database at {name}: run migrate, or check DATA_DIR")
    if MARKER_TABLE not in connection.introspection.table_names():
        where = name if is_sqlite else f"{settings_dict.get('HOST') or 'localhost'}/{name}"
        raise CommandError(f"the database at {where} has no tables: run migrate, or check DATA_DIR / DATABASE_URL")
