"""Migration steps: what a diff produces and :mod:`~prisma_tools.migrate.sql` renders.

Each step renders to one ``-- Title`` section. Their order in a migration is
Prisma's (``SqlMigrationStep`` is ordered by kind, then by the ids of what
it touches); :func:`~prisma_tools.migrate.diff.diff` emits them in that order.
"""

from __future__ import annotations

from dataclasses import dataclass

from .column_changes import ColumnChanges
from .model import Column, Enum, Extension, ForeignKey, Index, PrimaryKey, Sequence, Table

__all__ = [
    "AddColumn",
    "AddForeignKey",
    "AddPrimaryKey",
    "AlterColumn",
    "AlterEnum",
    "AlterPrimaryKey",
    "AlterSequence",
    "AlterTable",
    "CreateEnum",
    "CreateExtension",
    "CreateIndex",
    "CreateSchema",
    "CreateTable",
    "DropAndRecreateColumn",
    "DropColumn",
    "DropEnum",
    "DropExtension",
    "DropForeignKey",
    "DropIndex",
    "DropPrimaryKey",
    "DropTable",
    "EnumDefault",
    "RedefineTable",
    "RedefineTables",
    "RenameForeignKey",
    "RenameIndex",
    "RenamePrimaryKey",
    "Step",
    "TableChange",
]


@dataclass(frozen=True)
class CreateSchema:
    name: str


@dataclass(frozen=True)
class CreateExtension:
    extension: Extension


@dataclass(frozen=True)
class DropExtension:
    extension: Extension


@dataclass(frozen=True)
class CreateEnum:
    enum: Enum


@dataclass(frozen=True)
class EnumDefault:
    """A column whose enum default is dropped while the enum is replaced (and set again after)."""

    table: Table
    column: Column
    reinstall: str | None = None
    """The default to set again (SQL), None when the column no longer has one."""


@dataclass(frozen=True)
class AlterEnum:
    """Values added to an existing enum (in the order the schema lists them), or removed.

    With values removed, PostgreSQL cannot alter the type: Prisma creates the new
    type as ``<name>_new``, moves every column of the new schema using it with a
    cast through text (``retyped``), swaps the names and drops the old type; enum
    defaults (``defaults``) are dropped before and set again after.
    """

    enum: Enum
    added: tuple[str, ...]
    dropped: tuple[str, ...] = ()
    previous: Enum | None = None
    defaults: tuple[EnumDefault, ...] = ()
    retyped: tuple[tuple[Table, Column], ...] = ()
    in_place: bool = False
    """CockroachDB: values are added and dropped in place (``defaults``: those dropped first)."""


@dataclass(frozen=True)
class DropEnum:
    enum: Enum


@dataclass(frozen=True)
class DropPrimaryKey:
    name: str


@dataclass(frozen=True)
class RenamePrimaryKey:
    old: str
    new: str


@dataclass(frozen=True)
class AddPrimaryKey:
    primary_key: PrimaryKey


@dataclass(frozen=True)
class DropColumn:
    column: Column


@dataclass(frozen=True)
class AddColumn:
    column: Column


@dataclass(frozen=True)
class AlterColumn:
    """``ALTER COLUMN`` clauses; ``drop_sequence``: no column of the new schema autoincrements any more."""

    old: Column
    new: Column
    changes: ColumnChanges
    drop_sequence: bool = False


@dataclass(frozen=True)
class DropAndRecreateColumn:
    """A type change that cannot be cast: the column is dropped and added again."""

    old: Column
    new: Column
    changes: ColumnChanges


TableChange = (
    DropPrimaryKey | RenamePrimaryKey | DropColumn | AddColumn | AlterColumn | DropAndRecreateColumn | AddPrimaryKey
)


@dataclass(frozen=True)
class AlterTable:
    """Changes to an existing table, in Prisma's order (primary key dropped or renamed, columns
    dropped then added (by name), columns altered (in FROM order), primary key added)."""

    table: Table
    changes: tuple[TableChange, ...]
    previous: Table | None = None
    """The table as it was (its name is the one the statement uses); None: same as ``table``."""
    separate: bool = False
    """CockroachDB: one ``ALTER TABLE`` statement per change instead of one with every clause."""

    @property
    def added(self) -> tuple[Column, ...]:
        return tuple(c.column for c in self.changes if isinstance(c, AddColumn))


@dataclass(frozen=True)
class AlterSequence:
    """CockroachDB: the options of a ``sequence()`` identity changed."""

    old: Sequence
    new: Sequence


@dataclass(frozen=True)
class AlterPrimaryKey:
    """CockroachDB: ``ALTER PRIMARY KEY USING COLUMNS`` (a key kept, on other columns)."""

    table: Table
    previous: Table


@dataclass(frozen=True)
class RedefineTable:
    old: Table
    new: Table


@dataclass(frozen=True)
class RedefineTables:
    """CockroachDB: tables whose single-column primary key is dropped or cannot be cast, copied into new ones."""

    tables: tuple[RedefineTable, ...]


@dataclass(frozen=True)
class DropTable:
    table: Table


@dataclass(frozen=True)
class DropForeignKey:
    table: Table
    foreign_key: ForeignKey


@dataclass(frozen=True)
class DropIndex:
    table: Table
    index: Index


@dataclass(frozen=True)
class RenameIndex:
    table: Table
    old: Index
    new: Index


@dataclass(frozen=True)
class RenameForeignKey:
    table: Table
    old: ForeignKey
    new: ForeignKey


@dataclass(frozen=True)
class CreateTable:
    table: Table


@dataclass(frozen=True)
class CreateIndex:
    table: Table
    index: Index
    recreated: bool = False
    """Created again because a column it covers is dropped and recreated."""


@dataclass(frozen=True)
class AddForeignKey:
    table: Table
    foreign_key: ForeignKey


Step = (
    CreateSchema
    | DropExtension
    | CreateExtension
    | AlterSequence
    | CreateEnum
    | AlterEnum
    | DropForeignKey
    | DropIndex
    | AlterTable
    | AlterPrimaryKey
    | DropTable
    | DropEnum
    | CreateTable
    | RedefineTables
    | CreateIndex
    | RenameForeignKey
    | AddForeignKey
    | RenameIndex
)
