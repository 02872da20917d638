"""Drift: whether a live database differs from what its migrations produce.

``prisma migrate dev`` checks this before it writes a migration: the folder is
replayed into a shadow database (:mod:`~prisma_tools.migrate.shadow`), both
databases are introspected the same way, and the diff from the replayed one to
the live one is the drift (empty: none). Both sides being read by the same
introspection, only what differs in the catalogs shows: a deployed database
that nobody touched has no drift, and ``_prisma_migrations`` is never part of
it (the engine's differ skips that table too).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .db import connect, parse_url
from .diff import diff
from .introspect import introspect
from .migrations import Migration
from .model import Database
from .shadow import replayed_database
from .sql import render_script
from .steps import Step
from .summary import render_summary

__all__ = ["Drift", "detect_drift"]


@dataclass(frozen=True)
class Drift:
    """The steps that turn what the migrations produce into what the database has."""

    expected: Database
    live: Database
    steps: tuple[Step, ...]

    @property
    def script(self) -> str:
        return render_script(list(self.steps))

    @property
    def summary(self) -> str:
        return render_summary(list(self.steps))


def detect_drift(
    url: str,
    migrations: list[Migration],
    *,
    shadow_url: str | None,
    namespaces: list[str] | None = None,
    extensions: bool = False,
) -> Drift:
    """Replay ``migrations`` into a shadow database and compare it with the database at ``url``.

    ``namespaces``: the schemas to compare (default: the URL's schema).
    ``extensions``: compare extensions too (the schema manages them, with
    ``postgresqlExtensions``); else they are left out, as Prisma's engine leaves
    them out then: a hosted database often has extensions no migration created.
    """
    default = parse_url(url).schema
    wanted = namespaces or [default]
    expected = replayed_database(
        migrations, main_url=url, shadow_url=shadow_url, namespaces=wanted, default_schema=default
    )
    conn = connect(url)
    try:
        live = introspect(conn, wanted, default)
    finally:
        conn.close()
    if not extensions:
        expected, live = replace(expected, extensions=()), replace(live, extensions=())
    return Drift(expected, live, tuple(diff(expected, live)))
