"""The ``Warnings:`` comment ``prisma migrate dev`` writes at the top of a migration.

The engine's destructive change checker, in the wording it uses when it cannot
count rows (``migrate dev --create-only`` checks the migration without the
database): warnings (a table or column dropped, a risky cast, a column dropped
and recreated, a primary key changed, a unique index added to an existing
table, enum values removed) in step order, then the steps that fail on a table
with rows (a required column added without default, an optional column made
required, a scalar made a list, a required column recreated).

The texts follow the engine's source (``sql_destructive_change_checker``); the
engine's ``createMigration`` needs a database, so unlike the scripts they are not
compared with the engine's own output by the tests.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import cockroach
from .casts import Cast
from .cockroach_diff import indexed as cockroach_indexed
from .column_changes import arity
from .model import Column
from .sqlite.steps import SqliteStep, postgres_steps, sqlite_steps
from .steps import (
    AddColumn,
    AlterColumn,
    AlterEnum,
    AlterTable,
    CreateIndex,
    CreateTable,
    DropAndRecreateColumn,
    DropColumn,
    DropPrimaryKey,
    DropTable,
    RedefineTables,
    Step,
)
from .types import NATIVE_TYPES, rust_debug

__all__ = ["migration_warnings"]

_PSL_NAME = {sql: name for name, sql in NATIVE_TYPES.items()}
_PSL_NAME.update({"TEXT": "Text", "BOOLEAN": "Boolean", "DECIMAL": "Decimal", "BYTEA": "ByteA", "JSONB": "JsonB"})
# CockroachDB's own names (INT4 -> Int4...); the names both connectors share read the same.
_PSL_NAME.update({sql: name for name, sql in cockroach.NATIVE_TYPES.items() if sql not in _PSL_NAME})


def display_type(column: Column) -> str:
    """A column's type as the engine names it in warnings: ``VarChar(100)``, ``Integer``..."""
    if column.family == "Unsupported":
        return f"Unsupported({rust_debug(column.type)})"
    match = re.fullmatch(r'([A-Z0-9 ]+?|"char")(\(.*\))?', column.type)
    if match is None or match.group(1) not in _PSL_NAME:
        return column.type
    return _PSL_NAME[match.group(1)] + (match.group(2) or "")


def _alter_column(table: str, change: AlterColumn, warnings: list[str], unexecutable: list[str]) -> None:
    old, new = change.old, change.new
    if change.changes.arity and arity(old) == "Nullable" and arity(new) == "Required":
        unexecutable.append(made_required(table, old.name))
    if change.changes.arity and arity(old) != "List" and arity(new) == "List":
        unexecutable.append(
            f"Changed the column `{old.name}` on the `{table}` table from a scalar field to a list field."
            " If there are non-null values in that column, this step will fail."
        )
    if change.changes.cast is Cast.RISKY:
        warnings.append(risky_cast(table, old.name, display_type(old), display_type(new)))


def _recreated_column(table: str, change: DropAndRecreateColumn, warnings: list[str], unexecutable: list[str]) -> None:
    old, new = change.old, change.new
    if change.changes.arity and arity(old) == "Nullable" and arity(new) == "Required" and not new.has_database_default:
        unexecutable.append(required_added(table, old.name))
    elif arity(new) == "Required" and not new.has_database_default:
        unexecutable.append(
            f"Changed the type of `{old.name}` on the `{table}` table. No cast exists, the column would be dropped"
            " and recreated, which cannot be done if there is data, since the column is required."
        )
    else:
        warnings.append(
            f"The `{old.name}` column on the `{table}` table would be dropped and recreated."
            " This will lead to data loss if there is data in the column."
        )


# The engine's texts, shared by the PostgreSQL, CockroachDB and SQLite checks.


def required_added(table: str, column: str) -> str:
    return (
        f"Added the required column `{column}` to the `{table}` table without a default value."
        " This is not possible if the table is not empty."
    )


def required_added_prisma_default(table: str, column: str) -> str:
    return (
        f"The required column `{column}` was added to the `{table}` table with a prisma-level"
        " default value. This is not possible if the table is not empty. Please add this column as"
        " optional, then populate it before making it required."
    )


def made_required(table: str, column: str) -> str:
    return (
        f"Made the column `{column}` on table `{table}` required."
        " This step will fail if there are existing NULL values in that column."
    )


def column_dropped(table: str, column: str) -> str:
    return (
        f"You are about to drop the column `{column}` on the `{table}` table. All the data in the column will be lost."
    )


def primary_key_changed(table: str) -> str:
    return (
        f"The primary key for the `{table}` table will be changed."
        " If it partially fails, the table could be left without primary key constraint."
    )


def risky_cast(table: str, column: str, before: str, after: str) -> str:
    return (
        f"You are about to alter the column `{column}` on the `{table}` table. The data in that column could be"
        f" lost. The data in that column will be cast from `{before}` to `{after}`."
    )


def table_dropped(table: str) -> str:
    return (
        f"You are about to drop the `{table}` table. If the table is not empty, all the data it contains will be lost."
    )


def unique_added(table: str, columns: Sequence[str]) -> str:
    return (
        f"A unique constraint covering the columns `[{','.join(columns)}]` on the table `{table}` will be"
        " added. If there are existing duplicate values, this will fail."
    )


def _alter_table(step: AlterTable, warnings: list[str], unexecutable: list[str]) -> None:
    table = (step.previous or step.table).name
    for change in step.changes:
        match change:
            case DropColumn(column):
                warnings.append(column_dropped(table, column.name))
            case AlterColumn():
                _alter_column(table, change, warnings, unexecutable)
            case AddColumn(column) if arity(column) == "Required" and not column.has_database_default:
                if column.default_kind == "prisma-level":
                    unexecutable.append(required_added_prisma_default(table, column.name))
                else:
                    unexecutable.append(required_added(step.table.name, column.name))
            case DropPrimaryKey():
                warnings.append(primary_key_changed(table))
            case DropAndRecreateColumn():
                _recreated_column(table, change, warnings, unexecutable)


def _family(column: Column) -> str:
    """A column's type family as the engine's ``{:?}`` prints it in the warnings of redefined tables."""
    return {"Bytes": "Binary"}.get(column.family, column.family)


def _redefined(step: RedefineTables, warnings: list[str], unexecutable: list[str]) -> None:
    """The engine's checks of a redefined table: its key, added and dropped columns, changed columns."""
    for pair in step.tables:
        old, new, table = pair.old, pair.new, pair.old.name
        if old.primary_key is not None and new.primary_key is None:
            warnings.append(primary_key_changed(table))
        for column in sorted((c for c in new.columns if old.column(c.name) is None), key=lambda c: c.name.encode()):
            if arity(column) == "Required" and not column.has_database_default:
                unexecutable.append(required_added(table, column.name))
        for column in sorted((c for c in old.columns if new.column(c.name) is None), key=lambda c: c.name.encode()):
            warnings.append(column_dropped(table, column.name))
        for before in sorted((c for c in old.columns if new.column(c.name) is not None), key=lambda c: c.name.encode()):
            after = new.column(before.name)
            assert after is not None
            cast = cockroach.column_type_change(
                before, after, covered=cockroach_indexed(old, before.name) and cockroach_indexed(new, before.name)
            )
            required = arity(before) == "Nullable" and arity(after) == "Required"
            if cast is None and not required:
                continue
            if required and after.default is None and after.sequence is None:
                unexecutable.append(made_required(table, before.name))
            if cast is Cast.RISKY:
                warnings.append(risky_cast(table, before.name, _family(before), _family(after)))
            elif cast is Cast.NOT_CASTABLE:
                warnings.append(
                    f"You are about to alter the column `{before.name}` on the `{table}` table. The data in that"
                    f" column will be cast from `{_family(before)}` to `{_family(after)}`. This cast may fail."
                    " Please make sure the data in the column can be cast."
                )


def migration_warnings(steps: Sequence[Step] | Sequence[SqliteStep]) -> list[str]:
    """The lines of the ``Warnings:`` comment for ``steps``: warnings first, then unexecutable steps."""
    if sqlite_steps(steps):
        from .sqlite.warnings import migration_warnings as sqlite_warnings

        return sqlite_warnings(steps)
    assert postgres_steps(steps)
    created = {s.table.key for s in steps if isinstance(s, CreateTable)}
    warnings: list[str] = []
    unexecutable: list[str] = []
    for step in steps:
        match step:
            case AlterTable():
                _alter_table(step, warnings, unexecutable)
            case DropTable(table):
                warnings.append(table_dropped(table.name))
            case CreateIndex(table, index, recreated) if index.unique and not recreated and table.key not in created:
                warnings.append(unique_added(table.name, index.column_names))
            case RedefineTables():
                _redefined(step, warnings, unexecutable)
            case AlterEnum(enum, _, dropped) if dropped:
                warnings.append(
                    f"The values [{','.join(dropped)}] on the enum `{enum.name}` will be removed."
                    " If these variants are still used in the database, this will fail."
                )
    return warnings + unexecutable
