"""``migrate status``: the migrations folder against ``_prisma_migrations``, as ``prisma migrate status`` reports it.

What Prisma 6.19 does (its CLI's ``MigrateStatus`` and the schema engine's
``diagnoseMigrationHistory``, read in their sources; the diagnosis is checked
against the engine's own answers in ``tests/test_migrate_status.py``):

- every row of ``_prisma_migrations`` counts, rolled back or not: a folder is
  *unapplied* when no row has its name, a row is *unpersisted* when no folder
  has its name, a row is *failed* when it has neither ``finished_at`` nor
  ``rolled_back_at``, and a folder is *edited* when the first row with its name
  (rows in ``started_at`` order) holds another checksum, compared as ``migrate
  dev`` compares (:func:`history.same_script`);
- the history is in sync when nothing is unapplied or unpersisted; only
  unapplied folders: the database is behind; only unpersisted rows: the folder
  is behind; both: the histories diverge, and the last common migration is the
  folder just before the first unapplied one;
- the report goes through these in order and stops at the first that holds:
  the database is behind (exit 1), the histories diverge (exit 1), no
  ``_prisma_migrations`` table (exit 1), failed migrations (exit 1), else
  "Database schema is up to date!" (exit 0). So a database without the table
  but with migrations in the folder is reported as behind, and migrations
  edited after they were applied, applied but missing from the folder
  (without any unapplied one), or rolled back (which deploy applies again),
  still give exit 0: Prisma's status says nothing about them. prisma-tools
  keeps Prisma's text and exit status and adds one ``warning:`` line on
  standard error for each of these (:func:`notes`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .deploy import Row
from .errors import MigrateError
from .history import Local, read_rows, same_script
from .migrations import LOCK_FILE

__all__ = ["Line", "Status", "as_json", "diagnose", "lock_provider_error", "notes", "read_history", "render"]

PROVIDER = "postgresql"

History = Literal["databaseIsBehind", "migrationsDirectoryIsBehind", "historiesDiverge"]
Stream = Literal["out", "err"]


@dataclass(frozen=True)
class Status:
    """What ``diagnoseMigrationHistory`` finds, plus the migrations the database has applied."""

    local: tuple[str, ...]
    has_migrations_table: bool
    applied: tuple[str, ...]
    unapplied: tuple[str, ...]
    unpersisted: tuple[str, ...]
    failed: tuple[str, ...]
    edited: tuple[str, ...]
    last_common: str | None
    tables_without_history: bool = False
    # folders whose rows are all rolled back: not pending for Prisma's status, yet deploy applies them again
    rolled_back: tuple[str, ...] = ()

    @property
    def history(self) -> History | None:
        if self.unapplied and self.unpersisted:
            return "historiesDiverge"
        if self.unapplied:
            return "databaseIsBehind"
        if self.unpersisted:
            return "migrationsDirectoryIsBehind"
        return None

    @property
    def exit_code(self) -> int:
        """Prisma's: 1 when the database is behind, diverges, has no history table or a failed migration."""
        if self.history in ("databaseIsBehind", "historiesDiverge"):
            return 1
        return 1 if not self.has_migrations_table or self.failed else 0


def diagnose(local: list[Local], rows: list[Row] | None, *, tables_without_history: bool = False) -> Status:
    """Compare the folders (``local``, in name order) with the rows (None: no ``_prisma_migrations``)."""
    db = rows or []
    by_name: dict[str, Row] = {}
    for r in db:
        by_name.setdefault(r.migration_name, r)  # the engine compares with the first row of a name
    names = {m.name for m in local}
    unapplied: list[str] = []
    edited: list[str] = []
    last_common: str | None = None
    for index, m in enumerate(local):
        row = by_name.get(m.name)
        if row is None:
            if not unapplied and index > 0:
                last_common = local[index - 1].name
            unapplied.append(m.name)
        elif not same_script(row.checksum, m.script):
            edited.append(m.name)
    done = {r.migration_name for r in db if r.finished_at is not None and r.rolled_back_at is None}
    active = {r.migration_name for r in db if r.rolled_back_at is None}
    return Status(
        local=tuple(m.name for m in local),
        has_migrations_table=rows is not None,
        applied=tuple(m.name for m in local if m.name in done),
        unapplied=tuple(unapplied),
        unpersisted=tuple(r.migration_name for r in db if r.migration_name not in names),
        failed=tuple(r.migration_name for r in db if r.failed),
        edited=tuple(edited),
        last_common=last_common,
        tables_without_history=rows is None and tables_without_history,
        rolled_back=tuple(m.name for m in local if m.name in by_name and m.name not in active),
    )


def read_history(conn: Any) -> tuple[list[Row] | None, bool]:
    """``_prisma_migrations`` (None without it) and whether the schema has other tables.

    A schema that does not exist has neither (Prisma reports it as a database without history).
    """
    if conn.execute("SELECT current_schema()").fetchone()[0] is None:
        return None, False
    return read_rows(conn)


def lock_provider_error(folder: Path) -> None:
    """P3019 when ``migration_lock.toml`` names another provider, as the engine checks before diagnosing."""
    try:
        text = (folder / LOCK_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return
    except (OSError, UnicodeDecodeError) as e:
        raise MigrateError(f"cannot read {folder / LOCK_FILE}: {e}") from None
    line = next((x for x in text.splitlines() if x.startswith("provider")), None)
    found = line.removeprefix("provider = ").strip('"') if line is not None else "<PROVIDER NOT FOUND>"
    if found != PROVIDER:
        raise MigrateError(
            f"P3019: The datasource provider `{PROVIDER}` specified in your schema does not match the one"
            f" specified in the migration_lock.toml, `{found}`. Please remove your current migration directory"
            " and start a new migration history with prisma migrate dev."
            " Read more: https://pris.ly/d/migrate-provider-switch"
        )


@dataclass(frozen=True)
class Line:
    """Text for one stream (Prisma writes some parts on standard output, others on standard error)."""

    stream: Stream
    text: str


def _s(names: tuple[str, ...]) -> str:
    return "s" if len(names) > 1 else ""


def render(status: Status, folder: str) -> list[Line]:
    """Prisma's report, part by part; ``folder`` stands where Prisma always writes ``prisma/migrations``."""
    n = len(status.local)
    out = [
        Line(
            "out", f"{n} migration{'s' if n > 1 else ''} found in {folder}" if n else f"No migration found in {folder}"
        )
    ]
    if status.history == "databaseIsBehind":
        return [
            *out,
            Line(
                "out",
                f"Following migration{_s(status.unapplied)} have not yet been applied:\n"
                + "\n".join(status.unapplied)
                + "\n\nTo apply migrations in development run prisma migrate dev.\n"
                "To apply migrations in production run prisma-tools migrate deploy.",
            ),
        ]
    if status.history == "historiesDiverge":
        return [
            *out,
            Line(
                "err",
                "Your local migration history and the migrations table from your database are different:\n\n"
                # JavaScript prints a missing name as "null"
                f"The last common migration is: {status.last_common or 'null'}\n\n"
                f"The migration{_s(status.unapplied)} have not yet been applied:\n"
                + "\n".join(status.unapplied)
                + f"\n\nThe migration{_s(status.unpersisted)} from the database are not found locally in {folder}:\n"
                + "\n".join(status.unpersisted),
            ),
        ]
    if not status.has_migrations_table:
        return [
            *out,
            Line(
                "err",
                "The current database is not managed by Prisma Migrate.\n\n"
                "Read more about how to baseline an existing production database:\n"
                "https://pris.ly/d/migrate-baseline",
            ),
        ]
    if status.failed:
        first = status.failed[0]
        return [
            *out,
            Line(
                "err",
                f"Following migration{_s(status.failed)} have failed:\n"
                + "\n".join(status.failed)
                + "\n\nDuring development if the failed migration(s) have not been deployed to a production database"
                " you can then fix the migration(s) and run prisma migrate dev.\n",
            ),
            Line(
                "err",
                "The failed migration(s) can be marked as rolled back or applied:\n\n"
                "- If you rolled back the migration(s) manually:\n"
                f'prisma-tools migrate resolve --rolled-back "{first}"\n\n'
                "- If you fixed the database manually (hotfix):\n"
                f'prisma-tools migrate resolve --applied "{first}"\n\n'
                "Read more about how to resolve migration issues in a production database:\n"
                "https://pris.ly/d/migrate-resolve",
            ),
        ]
    return [*out, Line("out", "\nDatabase schema is up to date!")]


def notes(status: Status, folder: str) -> list[str]:
    """What Prisma's report leaves unsaid, one line each (prisma-tools prints them as warnings)."""
    out: list[str] = []
    if status.tables_without_history and status.local:
        out.append(
            "the database has tables but no _prisma_migrations table: deploy stops with P3005 (the database"
            " schema is not empty); baseline it with `prisma-tools migrate resolve --applied NAME` for each"
            f' migration it already has, starting with "{status.local[0]}"'
        )
    if status.history in ("databaseIsBehind", "historiesDiverge"):
        out.extend(
            f"migration `{name}` failed: deploy stops with P3009 until it is resolved (`prisma-tools migrate resolve`)"
            for name in status.failed
        )
    if status.history == "migrationsDirectoryIsBehind":
        out.extend(
            f"migration `{name}` is applied to the database but not found locally in {folder}"
            for name in status.unpersisted
        )
    out.extend(
        f"migration `{name}` was rolled back: Prisma's status does not count it as pending, but deploy applies it again"
        for name in status.rolled_back
    )
    out.extend(
        f"migration `{name}` was modified after it was applied (its checksum differs from the database's):"
        " `prisma migrate dev` would ask to reset the database; deploy does not run it again"
        for name in status.edited
    )
    return out


def as_json(status: Status, folder: str) -> dict[str, Any]:
    """Every category at once, for scripts."""
    return {
        "migrationsDirectory": folder,
        "migrations": list(status.local),
        "hasMigrationsTable": status.has_migrations_table,
        "tablesWithoutHistory": status.tables_without_history,
        "history": status.history,
        "applied": list(status.applied),
        "pending": list(status.unapplied),
        "failed": list(status.failed),
        "edited": list(status.edited),
        "missingLocally": list(status.unpersisted),
        "rolledBack": list(status.rolled_back),
        "lastCommonMigration": status.last_common,
        "upToDate": status.exit_code == 0,
        "exitCode": status.exit_code,
        "warnings": notes(status, folder),
    }
