"""Migrations for SQLite: the script Prisma's schema engine writes for ``provider = "sqlite"``.

The pipeline is PostgreSQL's (:mod:`prisma_tools.migrate`) with SQLite's own
model, differ and renderer: :func:`~.calculator.build` (types by Prisma scalar,
no enum types, unnamed primary keys), :func:`~.diff.diff` (tables redefined rather
than altered) and :func:`~.sql.render_script`.
:func:`prisma_tools.migrate.diff_steps` sends a SQLite schema here, and the shared
renderers send SQLite steps here, so callers need not know the provider.

>>> from prisma_tools import parse
>>> from prisma_tools.migrate import diff_sql
>>> ds = 'datasource db {\\n  provider = "sqlite"\\n  url = "file:dev.db"\\n}\\n'
>>> print(diff_sql(None, parse(ds + "model A {\\n  id Int @id\\n}\\n")), end="")
-- CreateTable
CREATE TABLE "A" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT
);
"""

from __future__ import annotations

from ...nodes import Schema
from .calculator import build, is_sqlite
from .diff import diff
from .steps import SqliteStep, sqlite_steps

__all__ = ["SqliteStep", "build", "diff", "diff_steps", "is_sqlite", "sqlite_steps"]


def diff_steps(from_schema: Schema | None, to_schema: Schema | None) -> list[SqliteStep]:
    """The steps from FROM to TO (None: an empty database), in Prisma's order."""
    from ..model import Database

    old = build(from_schema) if from_schema is not None else None
    return diff(old, build(to_schema) if to_schema is not None else Database())
