"""``migrate deploy`` and ``migrate resolve``, recording in ``_prisma_migrations`` as Prisma does.

The sequence is Prisma's (``apply_migrations`` of the schema engine, native
PostgreSQL connector; see docs/prisma-migrations.md in ../shared):

1. take the advisory lock 72707369 (unless ``PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK``
   is set to something other than empty or ``0``); it ends with the session;
2. create ``_prisma_migrations`` (exact DDL) when missing, but only in an empty
   schema (P3005 otherwise);
3. refuse to go on while a migration has failed (P3009);
4. apply each migration folder that has no row (not rolled back) in name order:
   insert its row, run the whole script as one simple query (PostgreSQL runs
   it as one implicit transaction: all or nothing), then count the step and
   set ``finished_at``; on error store the message in ``logs`` and stop.

Deploy never compares checksums (Prisma does not either).
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from .db import database_error, require_psycopg
from .errors import MigrateError
from .migrations import Migration

__all__ = [
    "ADVISORY_LOCK_ID",
    "MIGRATIONS_TABLE_DDL",
    "DeployResult",
    "checksum",
    "deploy",
    "resolve_applied",
    "resolve_rolled_back",
]

ADVISORY_LOCK_ID = 72707369

# Sent exactly like this by Prisma: unquoted, so it lands in the connection's default schema.
MIGRATIONS_TABLE_DDL = """CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);"""

_COLUMNS = (
    '"id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at", "applied_steps_count"'
)


def checksum(script: bytes) -> str:
    """Lowercase hex SHA-256 of the file's bytes exactly as read (CRLF stays CRLF)."""
    return hashlib.sha256(script).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Row:
    """A row of ``_prisma_migrations``."""

    id: str
    checksum: str
    finished_at: datetime | None
    migration_name: str
    logs: str | None
    rolled_back_at: datetime | None
    started_at: datetime
    applied_steps_count: int

    @property
    def failed(self) -> bool:
        return self.finished_at is None and self.rolled_back_at is None


def _lock(conn: Any) -> None:
    if os.environ.get("PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK", "") in ("", "0"):
        conn.execute(f"SELECT pg_advisory_lock({ADVISORY_LOCK_ID})")


def _tables(conn: Any) -> list[str]:
    schema = conn.execute("SELECT current_schema()").fetchone()[0]
    if schema is None:
        wanted = conn.execute("SHOW search_path").fetchone()[0]
        raise MigrateError(f"the database has no schema {wanted} (the URL's ?schema=, default public)")
    rows = conn.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE c.relkind = 'r' AND n.nspname = ANY(%s)",
        ([schema],),
    ).fetchall()
    return [r[0] for r in rows]


def _ensure_table(conn: Any, *, require_empty: bool) -> None:
    tables = _tables(conn)
    if "_prisma_migrations" in tables:
        return
    if require_empty and tables:
        raise MigrateError(
            "P3005: The database schema is not empty. Read more about how to baseline an existing production"
            " database: https://pris.ly/d/migrate-baseline"
        )
    conn.execute(MIGRATIONS_TABLE_DDL)


def _rows(conn: Any) -> list[Row]:
    cur = conn.execute(f'SELECT {_COLUMNS} FROM "_prisma_migrations" ORDER BY "started_at" ASC')
    return [Row(*r) for r in cur.fetchall()]


def _refuse_failed(rows: list[Row]) -> None:
    failed = [r for r in rows if r.failed]
    if failed:
        first = failed[0]
        raise MigrateError(
            "P3009: migrate found failed migrations in the target database, new migrations will not be applied."
            f" The `{first.migration_name}` migration started at {first.started_at} failed."
            " Resolve it with `prisma-tools migrate resolve --rolled-back NAME` (after undoing what it did)"
            " or `--applied NAME`."
        )


@dataclass
class DeployResult:
    """What deploy did: the migrations applied, in order."""

    applied: list[str]
    found: int


def deploy(conn: Any, migrations: list[Migration], log: Callable[[str], None] = lambda _: None) -> DeployResult:
    """Apply the pending ``migrations`` (sorted by name) exactly as ``prisma migrate deploy``."""
    psycopg = require_psycopg()
    _lock(conn)
    # The scripts write string literals with only ' doubled (as Prisma does): with this off, a
    # backslash in a default would escape the closing quote and run the rest as SQL.
    conn.execute("SET standard_conforming_strings = on")
    _ensure_table(conn, require_empty=True)
    rows = _rows(conn)
    _refuse_failed(rows)
    done = {r.migration_name for r in rows if r.rolled_back_at is None}
    applied = []
    for migration in sorted(migrations, key=lambda m: m.name):
        if migration.name in done:
            continue
        script = migration.script_path.read_bytes()
        row_id = str(uuid.uuid4())
        conn.execute(
            'INSERT INTO "_prisma_migrations" ("id","checksum","started_at","migration_name") VALUES (%s,%s,%s,%s)',
            (row_id, checksum(script), _now(), migration.name),
        )
        log(f"Applying migration `{migration.name}`")
        try:
            # One simple-protocol query without parameters: PostgreSQL runs it as one transaction.
            conn.execute(script.decode("utf-8"), prepare=False)
        except (psycopg.Error, UnicodeDecodeError) as e:
            conn.execute('UPDATE "_prisma_migrations" SET "logs" = %s WHERE "id" = %s', (str(e), row_id))
            raise MigrateError(
                f"P3018: migration `{migration.name}` failed to apply and was rolled back: {database_error(e)}."
                " New migrations cannot be applied before the error is recovered from"
                " (see `prisma-tools migrate resolve`)."
            ) from None
        conn.execute(
            'UPDATE "_prisma_migrations" SET "applied_steps_count" = ("applied_steps_count" + 1) WHERE "id" = %s',
            (row_id,),
        )
        conn.execute('UPDATE "_prisma_migrations" SET "finished_at" = %s WHERE "id" = %s', (_now(), row_id))
        applied.append(migration.name)
    return DeployResult(applied=applied, found=len(migrations))


def resolve_applied(conn: Any, migration: Migration) -> None:
    """Record ``migration`` as applied without running it (``migrate resolve --applied``)."""
    _lock(conn)
    _ensure_table(conn, require_empty=False)
    rows = [r for r in _rows(conn) if r.migration_name == migration.name]
    if any(r.finished_at is not None and r.rolled_back_at is None for r in rows):
        raise MigrateError(f"P3008: The migration `{migration.name}` is already recorded as applied in the database.")
    now = _now()
    for row in rows:
        if row.failed:
            conn.execute('UPDATE "_prisma_migrations" SET "rolled_back_at" = %s WHERE "id" = %s', (now, row.id))
    conn.execute(
        'INSERT INTO "_prisma_migrations" ("id","checksum","logs","started_at","finished_at","migration_name")'
        " VALUES (%s,%s,%s,%s,%s,%s)",
        (str(uuid.uuid4()), checksum(migration.script_path.read_bytes()), "", now, now, migration.name),
    )


def resolve_rolled_back(conn: Any, name: str) -> None:
    """Mark the failed migration ``name`` as rolled back (``migrate resolve --rolled-back``)."""
    _lock(conn)
    _ensure_table(conn, require_empty=False)
    rows = [r for r in _rows(conn) if r.migration_name == name]
    failed = [r for r in rows if r.failed]
    if not rows:
        raise MigrateError(
            f"P3011: Migration `{name}` cannot be rolled back because it was never applied to the database."
        )
    if not failed:
        raise MigrateError(f"P3012: Migration `{name}` cannot be rolled back because it is not in a failed state.")
    now = _now()
    for row in failed:
        conn.execute('UPDATE "_prisma_migrations" SET "rolled_back_at" = %s WHERE "id" = %s', (now, row.id))
