"""Migrations: the SQL Prisma Migrate would write for a schema change, for PostgreSQL.

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
additive ones; anything else raises :class:`UnsupportedChange`);
:func:`~prisma_tools.migrate.sql.render_script` writes the steps as Prisma does.
"""

from __future__ import annotations

from ..nodes import Schema
from .calculator import build
from .diff import diff
from .errors import MigrateError, UnsupportedChange, UnsupportedSchema
from .model import Database
from .sql import render_script

__all__ = [
    "Database",
    "MigrateError",
    "UnsupportedChange",
    "UnsupportedSchema",
    "build",
    "diff",
    "diff_sql",
    "render_script",
]


def diff_sql(from_schema: Schema | None, to_schema: Schema) -> str:
    """The script ``prisma migrate diff --from-schema FROM --to-schema TO --script`` prints.

    ``from_schema`` None means an empty database (``--from-empty``). Raises
    :class:`UnsupportedChange` for non-additive changes and
    :class:`UnsupportedSchema` for schemas this implementation cannot model.
    """
    old = build(from_schema) if from_schema is not None else None
    return render_script(diff(old, build(to_schema)))
