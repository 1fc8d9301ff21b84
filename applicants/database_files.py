"""What a deletion leaves in the database's own files (blind probe r76a, F1; ADR 032, "In the database's files")."""

from __future__ import annotations

import structlog
from django.db import DEFAULT_DB_ALIAS, connections

logger = structlog.get_logger(__name__)


def wal_truncate(*, using: str = DEFAULT_DB_ALIAS) -> bool:
    """On SQLite, write the write-ahead log into the database file and truncate the log to nothing.

    ``PRAGMA secure_delete`` (config/settings.py) zeroes a deleted or overwritten row in the page it leaves, but in
    WAL mode the page as it was before stays in ``db.sqlite3-wal`` until the log is overwritten, which may be never:
    an erased person's encrypted name and NIF still decrypted from it (r76a). Called once an erasure, a retention
    purge or a rectification has committed. It waits, as any write does, for the writers and readers of the moment;
    one it cannot finish (``busy``) is logged and done by the next purge (beat, every 6 hours). Returns whether the
    log was emptied; on PostgreSQL nothing is done (its deleted rows go by (auto)vacuum: README, ADR 032).
    """
    connection = connections[using]
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        return False
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        busy, _log_frames, _checkpointed = cursor.fetchone()
    if busy:
        logger.warning("database.wal_truncate_busy", database=using)
    return not busy
