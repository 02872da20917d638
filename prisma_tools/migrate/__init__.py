"""Migrations: the SQL Prisma Migrate would write for a schema change, for PostgreSQL and CockroachDB.

>>> from prisma_tools import parse
>>> from prisma_tools.migrate import diff_sql
>>> ds = 'datasource db {\\n  provider = "postgresql"\\n  url = env("DATABASE_URL")\\n}\\n'
>>> print(diff_sql(None, parse(ds + "model A {\\n  id Int @id\\n}\\n")), end="")
-- CreateTable
CREATE TABLE "A" (
    "id" INTEGER NOT NULL,
<BLANKLINE>
    CONSTRAINT "A_pkey" PRIMARY KEY ("id")
);

The pipeline: :func:`~prisma_tools.migrate.calculator.build` turns a schema's AST
into a :class:`~prisma_tools.migrate.model.Database`;
:func:`~prisma_tools.migrate.diff.diff` compares two of them into steps (only
in Prisma's order);
:func:`~prisma_tools.migrate.sql.render_script` writes the steps as Prisma does.
"""

from __future__ import annotations

from ..nodes import Schema
from .calculator import build
from .diff import diff
from .errors import MigrateError, UnsupportedChange, UnsupportedSchema
from .model import Database, in_namespace
from .sql import render_script
from .sqlite import SqliteStep, is_sqlite
from .sqlite import diff_steps as sqlite_diff_steps
from .steps import Step
from .summary import render_summary

__all__ = [
    "Database",
    "MigrateError",
    "UnsupportedChange",
    "UnsupportedSchema",
    "build",
    "diff",
    "diff_sql",
    "diff_steps",
    "diff_summary",
    "in_namespace",
    "render_script",
]


def diff_sql(from_schema: Schema | None, to_schema: Schema | None) -> str:
    """The script ``prisma migrate diff --from-schema FROM --to-schema TO --script`` prints.

    ``from_schema`` None means an empty database (``--from-empty``), ``to_schema``
    None likewise (``--to-empty``: Prisma then names every dropped object with its
    schema, ``public`` by default). Raises :class:`UnsupportedSchema` for schemas
    this implementation cannot model.
    """
    return render_script(diff_steps(from_schema, to_schema))


def diff_summary(from_schema: Schema | None, to_schema: Schema | None) -> str:
    """The summary ``prisma migrate diff --from-schema FROM --to-schema TO`` (no ``--script``) prints."""
    return render_summary(diff_steps(from_schema, to_schema))


def diff_steps(from_schema: Schema | None, to_schema: Schema | None) -> list[Step] | list[SqliteStep]:
    """The steps from FROM to TO (None: an empty database), in Prisma's order.

    The provider of the schemas decides which engine's steps: PostgreSQL's, or SQLite's
    (:mod:`~prisma_tools.migrate.sqlite`); FROM and TO must have the same one.
    """
    sqlite = [is_sqlite(s) for s in (from_schema, to_schema) if s is not None]
    if any(sqlite):
        if not all(sqlite):
            raise UnsupportedSchema("FROM and TO have different providers: a migration stays with one database")
        return sqlite_diff_steps(from_schema, to_schema)
    old = build(from_schema) if from_schema is not None else None
    if to_schema is None:
        return diff(
            in_namespace(old, "public") if old else None, Database(provider=old.provider if old else "postgresql")
        )
    return diff(old, build(to_schema))
