"""The migration history after a merge: the folders against git's main branch and ``_prisma_migrations``.

Two branches that each add a migration folder are where ``prisma migrate``
histories go wrong: the folders share a timestamp, or the branch's folder
sorts before one main (or the database) already has, so a fresh database
(``migrate reset``, the shadow database of ``migrate dev``) runs them in
another order than production did. :func:`analyse` lists these and the
database-side problems (a failed migration blocks every deploy; an applied
script edited or deleted afterwards), each with the Prisma error it leads
to and what to do; :func:`plan_renames` gives the post-merge repair: move a
folder nothing has applied to a timestamp after the newest one.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from .deploy import Row

__all__ = ["Finding", "Local", "analyse", "plan_renames", "read_rows", "same_script", "timestamp"]

_STAMP = re.compile(r"^(\d{14})_")


def timestamp(name: str) -> str | None:
    """The ``YYYYMMDDHHMMSS`` a migration folder's name starts with, if it does."""
    m = _STAMP.match(name)
    return m.group(1) if m else None


@dataclass(frozen=True)
class Local:
    """A migration folder on disk: its name and its script's bytes."""

    name: str
    script: bytes


@dataclass(frozen=True)
class Finding:
    """One problem: what, which migration, the Prisma error it leads to, what to do; whether ``--fix`` repairs it."""

    kind: Literal["same-timestamp", "before-applied", "before-main", "edited", "missing", "failed", "not-baselined"]
    migration: str
    message: str
    advice: str
    severity: Literal["error", "warning"] = "error"
    fixable: bool = False

    def render(self) -> str:
        return f"{self.severity}[{self.kind}]: {self.migration}: {self.message}\n    {self.advice}"


def same_script(row_checksum: str, script: bytes) -> bool:
    """Whether a ``_prisma_migrations`` checksum is the script's, compared as ``migrate dev``/``status`` compare.

    As the engine does (``script_matches_checksum``): the SHA-256 of the script as
    is, with CRLF -> LF, and with LF -> CRLF (of the script as is: a file mixing
    both never matches the checksum of its all-CRLF copy); a stored checksum that is not 64 characters
    long (and not empty) is compared in the format early engines wrote, each byte in
    hex without zero padding. ``tests/test_migrate_status.py`` checks these against
    the engine's own answers.
    """
    variants = (script, script.replace(b"\r\n", b"\n"), script.replace(b"\n", b"\r\n"))
    legacy = bool(row_checksum) and len(row_checksum) != 64
    for digest in (hashlib.sha256(v).digest() for v in variants):
        text = "".join(f"{b:x}" for b in digest) if legacy else digest.hex()
        if text == row_checksum:
            return True
    return False


def analyse(
    local: list[Local],
    *,
    main: list[str] | None = None,
    main_label: str = "main",
    rows: list[Row] | None = None,
    tables_without_history: bool = False,
) -> list[Finding]:
    """The problems of the migration history.

    ``main``: the folder names on the main branch (None: not compared).
    ``rows``: ``_prisma_migrations`` (None: no database, or it has no such table;
    ``tables_without_history`` then says the database has other tables).
    """
    out: list[Finding] = []
    names = sorted(m.name for m in local)
    by_name = {m.name: m for m in local}
    applied = {r.migration_name for r in rows or () if r.rolled_back_at is None}
    on_main = set(main or ())

    def unapplied(name: str) -> bool:
        return rows is not None and name not in applied

    # a folder main does not have is one this branch added (the one to move)
    stamps: dict[str, list[str]] = {}
    for name in names:
        stamp = timestamp(name)
        if stamp is not None:
            stamps.setdefault(stamp, []).append(name)
    for stamp, group in stamps.items():
        if len(group) < 2:
            continue
        for name in group:
            if main is not None and name in on_main:
                continue
            others = ", ".join(n for n in group if n != name)
            out.append(
                Finding(
                    "same-timestamp",
                    name,
                    f"shares the timestamp {stamp} with {others}: they run in the order of their names, "
                    "whichever branch wrote them",
                    "give it a timestamp after the newest migration (`--fix` does, once nothing has applied it)",
                    severity="warning",
                    fixable=unapplied(name) and (main is None or name not in on_main),
                )
            )
    if rows is not None:
        done = sorted(r.migration_name for r in rows if r.finished_at is not None and r.rolled_back_at is None)
        newest = done[-1] if done else None
        for name in names:
            if name in applied or newest is None or name > newest:
                continue
            out.append(
                Finding(
                    "before-applied",
                    name,
                    f"is not applied but sorts before {newest}, which is: deploy runs it last, while a new"
                    " database (`migrate reset`, the shadow database of `migrate dev`) runs it in folder order;"
                    " where the two orders matter that fails as P3006 in `migrate dev` or P3018 in deploy",
                    "rename it to a timestamp after the newest applied migration (`--fix`)",
                    fixable=True,
                )
            )
    if main is not None and on_main:
        newest_main = max(on_main)
        for name in names:
            if name in on_main or name > newest_main or (rows is not None and name in applied):
                continue
            if any(f.kind == "before-applied" and f.migration == name for f in out):
                continue
            out.append(
                Finding(
                    "before-main",
                    name,
                    f"is not on {main_label} but sorts before {newest_main}, which is: where {main_label}'s"
                    " migrations are applied, deploy runs it after them, and a new database before them"
                    " (P3006 in `migrate dev`, P3018 in deploy where the order matters)",
                    "rename it to a timestamp after the newest migration "
                    + (
                        "(`--fix`)"
                        if rows is not None
                        else "(`--fix --url ...` once the database confirms nothing applied it)"
                    ),
                    fixable=rows is not None,
                )
            )
    if rows is None:
        if tables_without_history:
            out.append(
                Finding(
                    "not-baselined",
                    "(database)",
                    "has tables but no _prisma_migrations: deploy stops with P3005 (the database schema is not empty)",
                    "baseline it: `prisma-tools migrate resolve --applied NAME` for each migration it already has",
                )
            )
        return out
    for r in rows:
        if r.failed:
            out.append(
                Finding(
                    "failed",
                    r.migration_name,
                    f"failed (started {r.started_at:%Y-%m-%d %H:%M:%S}): every deploy stops with P3009"
                    + (f"; its error: {r.logs.strip().splitlines()[0]}" if r.logs and r.logs.strip() else ""),
                    "undo what it did and `prisma-tools migrate resolve --rolled-back "
                    f"{r.migration_name}`, or finish it by hand and `--applied {r.migration_name}`",
                )
            )
        elif r.rolled_back_at is None and r.migration_name not in by_name:
            out.append(
                Finding(
                    "missing",
                    r.migration_name,
                    "is applied to the database but its folder is missing: `migrate dev` reports the history"
                    " as diverged and asks to reset the database",
                    "restore the folder (`git log --all --diff-filter=D -- <migrations>/NAME` finds it)",
                )
            )
        elif r.rolled_back_at is None and not same_script(r.checksum, by_name[r.migration_name].script):
            out.append(
                Finding(
                    "edited",
                    r.migration_name,
                    "was edited after it was applied (its checksum differs): deploy ignores it, `migrate dev`"
                    " reports the migration as modified and asks to reset the database",
                    "restore the applied script (`git log -p -- <migrations>/NAME/migration.sql`) and put the"
                    " change in a new migration",
                )
            )
    return out


def plan_renames(
    findings: list[Finding], local: list[Local], rows: list[Row] | None, main: list[str] | None
) -> dict[str, str]:
    """Old name -> new name for every fixable finding: after the newest migration anywhere, a second apart."""
    movable = sorted({f.migration for f in findings if f.fixable})
    if not movable:
        return {}
    known = [m.name for m in local] + list(main or ()) + [r.migration_name for r in rows or ()]
    stamps = [s for s in (timestamp(n) for n in known if n not in movable) if s is not None]
    newest = max(stamps) if stamps else "19700101000000"
    moment = datetime.strptime(newest, "%Y%m%d%H%M%S")
    taken = {timestamp(n) for n in known}
    out: dict[str, str] = {}
    for name in movable:
        moment += timedelta(seconds=1)
        while moment.strftime("%Y%m%d%H%M%S") in taken:
            moment += timedelta(seconds=1)
        stamp = moment.strftime("%Y%m%d%H%M%S")
        rest = name[15:] if timestamp(name) is not None else name
        out[name] = f"{stamp}_{rest}"
    return out


def read_rows(conn: Any) -> tuple[list[Row] | None, bool]:
    """``_prisma_migrations`` (None when the table is missing), and whether the schema has other tables."""
    from .deploy import _rows, _tables

    tables = _tables(conn)
    if "_prisma_migrations" not in tables:
        return None, bool(tables)
    return _rows(conn), False
