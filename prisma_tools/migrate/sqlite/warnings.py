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
        warnings.append(
            f"The primary key for the `{table}` table will be changed."
            " If it partially fails, the table could be left without primary key constraint."
        )
    for column in redefine.added:
        if column.nullable or column.has_database_default:
            continue
        if column.default_kind == "prisma-level":
            unexecutable.append(
                f"The required column `{column.name}` was added to the `{redefine.table.name}` table with a"
                " prisma-level default value. This is not possible if the table is not empty. Please add this"
                " column as optional, then populate it before making it required."
            )
        else:
            unexecutable.append(
                f"Added the required column `{column.name}` to the `{redefine.table.name}` table without a default"
                " value. This is not possible if the table is not empty."
            )
    for column in redefine.dropped:
        warnings.append(
            f"You are about to drop the column `{column.name}` on the `{table}` table."
            " All the data in the column will be lost."
        )
    for pair in redefine.column_pairs:
        old, new, changes = pair.old, pair.new, pair.changes
        became_required = changes.arity and old.nullable and not new.nullable
        if not changes.type and not became_required:
            continue
        if became_required and not new.has_database_default:
            unexecutable.append(
                f"Made the column `{old.name}` on table `{table}` required."
                " This step will fail if there are existing NULL values in that column."
            )
        if changes.cast is Cast.RISKY:
            warnings.append(
                f"You are about to alter the column `{old.name}` on the `{table}` table. The data in that column"
                f" could be lost. The data in that column will be cast from `{_family(old)}` to `{_family(new)}`."
            )


def migration_warnings(steps: Sequence[SqliteStep]) -> list[str]:
    """The lines of the ``Warnings:`` comment for ``steps``: warnings first, then unexecutable steps."""
    warnings: list[str] = []
    unexecutable: list[str] = []
    for step in steps:
        match step:
            case DropTable(table):
                warnings.append(
                    f"You are about to drop the `{table.name}` table."
                    " If the table is not empty, all the data it contains will be lost."
                )
            case CreateIndex(table, index, existing_table) if existing_table and index.unique:
                warnings.append(
                    f"A unique constraint covering the columns `[{','.join(index.column_names)}]` on the table"
                    f" `{table.name}` will be added. If there are existing duplicate values, this will fail."
                )
            case RedefineTables(tables):
                for redefine in tables:
                    _redefined(redefine, warnings, unexecutable)
    return warnings + unexecutable
