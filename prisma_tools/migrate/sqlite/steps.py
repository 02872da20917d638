"""The steps of a SQLite migration, as the engine's differ produces them for SQLite.

SQLite alters almost nothing in place: a table whose primary key, foreign keys or
existing columns change, that loses a column or gains a required one, is *redefined*
(created anew as ``new_<name>``, its rows copied, the old table dropped, the new one
renamed, its indexes created again). Only nullable columns are added with ``ALTER
TABLE``, and an index whose name alone changes is dropped and created again
(:class:`RedefineIndex`). All redefined tables share one :class:`RedefineTables` step.

Every step derives from :class:`SqliteStep`, which is how the shared renderers
(:func:`~prisma_tools.migrate.sql.render_script`...) tell a SQLite migration apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeGuard

from ..column_changes import ColumnChanges
from ..model import Column, Index, Table
from ..steps import Step

__all__ = [
    "AddColumns",
    "ColumnPair",
    "CreateIndex",
    "CreateTable",
    "DropIndex",
    "DropTable",
    "RedefineIndex",
    "RedefineTable",
    "RedefineTables",
    "SqliteStep",
    "postgres_steps",
    "sqlite_steps",
]


class SqliteStep:
    """Base of every SQLite step."""

    __slots__ = ()


@dataclass(frozen=True)
class CreateTable(SqliteStep):
    table: Table


@dataclass(frozen=True)
class DropTable(SqliteStep):
    table: Table


@dataclass(frozen=True)
class CreateIndex(SqliteStep):
    table: Table
    index: Index
    existing_table: bool = False
    """On a table that already exists (a unique index there gets a warning)."""


@dataclass(frozen=True)
class DropIndex(SqliteStep):
    table: Table
    index: Index


@dataclass(frozen=True)
class RedefineIndex(SqliteStep):
    """An index whose name alone changed: SQLite cannot rename one, so it is dropped and created."""

    table: Table
    old: Index
    new: Index


@dataclass(frozen=True)
class AddColumns(SqliteStep):
    """Nullable columns added to a table that is not redefined (``ALTER TABLE ... ADD COLUMN``)."""

    table: Table
    columns: tuple[Column, ...]


@dataclass(frozen=True)
class ColumnPair:
    """A column kept by a redefined table, with what changed in it."""

    old: Column
    new: Column
    changes: ColumnChanges


@dataclass(frozen=True)
class RedefineTable:
    """One table created again; columns are listed by name (the engine keeps them in a sorted map)."""

    previous: Table
    table: Table
    column_pairs: tuple[ColumnPair, ...]
    added: tuple[Column, ...]
    dropped: tuple[Column, ...]
    dropped_primary_key: bool


@dataclass(frozen=True)
class RedefineTables(SqliteStep):
    tables: tuple[RedefineTable, ...]


def sqlite_steps(steps: Sequence[object]) -> TypeGuard[Sequence[SqliteStep]]:
    """Whether ``steps`` are a SQLite migration's (an empty list renders the same either way)."""
    return bool(steps) and isinstance(steps[0], SqliteStep)


def postgres_steps(steps: Sequence[object]) -> TypeGuard[Sequence[Step]]:
    """Whether ``steps`` are not SQLite's (the other branch of :func:`sqlite_steps`, for the type checker)."""
    return not sqlite_steps(steps)
