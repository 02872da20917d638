"""The ``Warnings:`` comment of ``migrate create`` for a SQLite migration.

The engine's destructive change checker as it reads SQLite steps, in the wording it
uses without a database (see :mod:`~prisma_tools.migrate.destructive`): tables
dropped, unique indexes added to existing tables, and for each redefined table its
primary key changed, required columns added without a default, columns dropped,
columns made required without a default and risky casts (any type change not
towards ``String``, named by the engine's type family: ``Int``, ``Binary``...).
Warnings come first, then the steps that fail on a table with rows.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..casts import Cast
from ..destructive import (
    column_dropped,
    made_required,
    primary_key_changed,
    required_added,
    required_added_prisma_default,
    risky_cast,
    table_dropped,
    unique_added,
)
from ..model import Column
from ..types import rust_debug
from .steps import CreateIndex, DropTable, RedefineTable, RedefineTables, SqliteStep

__all__ = ["migration_warnings"]

# Prisma scalar -> the engine's ColumnTypeFamily as {:?} prints it (an enum is a String on SQLite).
_FAMILY = {"Bytes": "Binary", "Enum": "String"}


def _family(column: Column) -> str:
    if column.family == "Unsupported":
        return f"Unsupported({rust_debug(column.type)})"
    return _FAMILY.get(column.family, column.family)


def _redefined(redefine: RedefineTable, warnings: list[str], unexecutable: list[str]) -> None:
    table = redefine.previous.name
    if redefine.dropped_primary_key:
        warnings.append(primary_key_changed(table))
    for column in redefine.added:
        if column.nullable or column.has_database_default:
            continue
        added = required_added_prisma_default if column.default_kind == "prisma-level" else required_added
        unexecutable.append(added(redefine.table.name, column.name))
    for column in redefine.dropped:
        warnings.append(column_dropped(table, column.name))
    for pair in redefine.column_pairs:
        old, new, changes = pair.old, pair.new, pair.changes
        became_required = changes.arity and old.nullable and not new.nullable
        if not changes.type and not became_required:
            continue
        if became_required and not new.has_database_default:
            unexecutable.append(made_required(table, old.name))
        if changes.cast is Cast.RISKY:
            warnings.append(risky_cast(table, old.name, _family(old), _family(new)))


def migration_warnings(steps: Sequence[SqliteStep]) -> list[str]:
    """The lines of the ``Warnings:`` comment for ``steps``: warnings first, then unexecutable steps."""
    warnings: list[str] = []
    unexecutable: list[str] = []
    for step in steps:
        match step:
            case DropTable(table):
                warnings.append(table_dropped(table.name))
            case CreateIndex(table, index, existing_table) if existing_table and index.unique:
                warnings.append(unique_added(table.name, index.column_names))
            case RedefineTables(tables):
                for redefine in tables:
                    _redefined(redefine, warnings, unexecutable)
    return warnings + unexecutable
