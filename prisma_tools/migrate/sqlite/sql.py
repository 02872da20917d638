"""SQLite steps -> the SQL script, in the exact text Prisma's SQLite renderer writes.

Sections and statements are laid out as for PostgreSQL (``-- Title``, statements
ending with ``;``, one blank line between sections). What differs is SQLite's:
primary keys and foreign keys are written inside ``CREATE TABLE`` (a single-column
``Int`` key as ``INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT``, SQLite's rowid), a
dropped table is wrapped in ``PRAGMA foreign_keys=off``/``on``, and redefined tables
are rebuilt between ``PRAGMA defer_foreign_keys=ON; PRAGMA foreign_keys=OFF`` and
their reverse. An index named ``sqlite_...`` (a prefix SQLite reserves) is created
between ``Pragma writable_schema=1`` and ``=0``, as the engine does.

Names are quoted identifiers with ``"`` doubled and values string literals with
``'`` doubled (the engine doubles neither ``"`` in names nor, in a default, any
character but ``'``); for every name without ``"`` the text is the engine's.
A ``Json`` default is written as the engine writes it: the JSON text, unquoted,
which SQLite does not accept (docs/migrate.md).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Column, Index, Table, quote
from ..sql import join_script
from .steps import (
    AddColumns,
    CreateIndex,
    CreateTable,
    DropIndex,
    DropTable,
    RedefineIndex,
    RedefineTable,
    RedefineTables,
    SqliteStep,
)

__all__ = ["create_index", "create_table", "render_script"]


def _single_key(table: Table) -> str | None:
    pk = table.primary_key
    return pk.columns[0] if pk is not None and len(pk.columns) == 1 else None


def column_definition(table: Table, column: Column) -> str:
    """``"name" TYPE [NOT NULL] [PRIMARY KEY [AUTOINCREMENT]] [DEFAULT x]``."""
    out = f"{quote(column.name)} {column.type}"
    if not column.nullable:
        out += " NOT NULL"
    if _single_key(table) == column.name:
        out += " PRIMARY KEY"
        if column.family == "Int":
            out += " AUTOINCREMENT"
    if column.default is not None:
        out += f" DEFAULT {column.default}"
    return out


def _names(names: Sequence[str]) -> str:
    return ", ".join(quote(n) for n in names)


def create_table(table: Table, name: str | None = None) -> str:
    body = ",\n".join(f"    {column_definition(table, c)}" for c in table.columns)
    if table.primary_key is not None and _single_key(table) is None:
        body += f",\n\n    PRIMARY KEY ({_names(table.primary_key.columns)})"
    for fk in table.foreign_keys:
        body += (
            f",\n    CONSTRAINT {quote(fk.name)} FOREIGN KEY ({_names(fk.columns)})"
            f" REFERENCES {quote(fk.referenced_table)} ({_names(fk.referenced_columns)})"
            f" ON DELETE {fk.on_delete} ON UPDATE {fk.on_update}"
        )
    return f"CREATE TABLE {quote(name or table.name)} (\n{body}\n)"


def create_index(table: Table, index: Index) -> str:
    columns = ", ".join(quote(c.name) + (f" {c.sort}" if c.sort else "") for c in index.columns)
    unique = "UNIQUE " if index.unique else ""
    sql = f"CREATE {unique}INDEX {quote(index.name)} ON {quote(table.name)}({columns})"
    if index.name.startswith("sqlite_"):
        return f"Pragma writable_schema=1;\n{sql};\nPragma writable_schema=0"
    return sql


def _copy_rows(redefine: RedefineTable, temporary: str) -> list[str]:
    """``INSERT INTO new_X (...) SELECT ... FROM X``: kept columns, by name; a column made
    required with a default is filled with it (``coalesce``)."""
    if not redefine.column_pairs:
        return []
    sources = []
    for pair in redefine.column_pairs:
        name = quote(pair.old.name)
        new = pair.new
        if pair.changes.arity and not new.nullable and new.default is not None:
            sources.append(f"coalesce({name}, {new.default}) AS {name}")
        else:
            sources.append(name)
    targets = _names([p.new.name for p in redefine.column_pairs])
    return [
        f"INSERT INTO {quote(temporary)} ({targets}) SELECT {', '.join(sources)} FROM {quote(redefine.previous.name)}"
    ]


def redefine_tables(step: RedefineTables) -> list[str]:
    out = ["PRAGMA defer_foreign_keys=ON", "PRAGMA foreign_keys=OFF"]
    for redefine in step.tables:
        table = redefine.table
        temporary = "new_" + table.name
        out.append(create_table(table, temporary))
        out += _copy_rows(redefine, temporary)
        out.append(f"DROP TABLE {quote(redefine.previous.name)}")
        out.append(f"ALTER TABLE {quote(temporary)} RENAME TO {quote(table.name)}")
        out += [create_index(table, index) for index in table.indexes]
    return [*out, "PRAGMA foreign_keys=ON", "PRAGMA defer_foreign_keys=OFF"]


def render_step(step: SqliteStep) -> tuple[str, list[str]]:
    """The section title and the statements (without ``;``) of one step."""
    match step:
        case CreateTable(table):
            return "CreateTable", [create_table(table)]
        case DropTable(table):
            # The engine turns foreign keys off around each drop, so tables can go in any order.
            return "DropTable", ["PRAGMA foreign_keys=off", f"DROP TABLE {quote(table.name)}", "PRAGMA foreign_keys=on"]
        case CreateIndex(table, index):
            return "CreateIndex", [create_index(table, index)]
        case DropIndex(_, index):
            return "DropIndex", [f"DROP INDEX {quote(index.name)}"]
        case RedefineIndex(table, old, new):
            return "RedefineIndex", [f"DROP INDEX {quote(old.name)}", create_index(table, new)]
        case AddColumns(table, columns):
            return "AlterTable", [
                f"ALTER TABLE {quote(table.name)} ADD COLUMN {column_definition(table, c)}" for c in columns
            ]
        case RedefineTables():
            return "RedefineTables", redefine_tables(step)
    raise AssertionError(f"unknown step {step!r}")  # pragma: no cover


def render_script(steps: Sequence[SqliteStep], warnings: Sequence[str] = ()) -> str:
    """The whole script, as ``prisma migrate diff --script`` prints it (ending with a line break)."""
    return join_script([render_step(step) for step in steps], warnings)
