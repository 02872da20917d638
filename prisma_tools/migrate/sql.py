"""Steps -> the SQL script, in the exact text Prisma's PostgreSQL renderer writes.

Every step is a section: ``-- Title`` on its own line, then its statements,
each ending with ``;`` and a line break; sections are separated by one blank
line. A script with no step is ``-- This is an empty migration.``. Quirks kept
on purpose because Prisma has them: five spaces after ``ADD COLUMN``, no space
in ``PRIMARY KEY ("a","b")`` but one in index and foreign key column lists,
no space before the column list of ``CREATE INDEX ... ON "t"(...)`` unless
there is a ``USING`` clause.

Every name is a quoted identifier (``"`` doubled) and every value a string
literal (``'`` doubled), so no text of a schema can end a statement. Prisma's
engine writes enum values without doubling their quotes; here they are
escaped, which changes nothing for a value without ``'`` (docs/migrate.md).
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import Column, ForeignKey, Index, Table, qualified, quote
from .steps import (
    AddForeignKey,
    AlterEnum,
    AlterTable,
    CreateEnum,
    CreateExtension,
    CreateIndex,
    CreateSchema,
    CreateTable,
    Step,
)

__all__ = ["EMPTY_MIGRATION", "render_script", "render_step", "render_warnings"]

EMPTY_MIGRATION = "-- This is an empty migration."

_ENUM_WARNING = (
    "-- This migration adds more than one value to an enum.\n"
    "-- With PostgreSQL versions 11 and earlier, this is not possible\n"
    "-- in a single migration. This can be worked around by creating\n"
    "-- multiple migrations, each migration adding only one value to\n"
    "-- the enum.\n\n\n"
)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def column_definition(column: Column) -> str:
    """``"name" TYPE [NOT NULL] [DEFAULT x]``."""
    out = f"{quote(column.name)} {column.sql_type}"
    if not column.nullable:
        out += " NOT NULL"
    if column.default is not None:
        out += f" DEFAULT {column.default}"
    return out


def create_table(table: Table) -> str:
    lines = [f"    {column_definition(c)}" for c in table.columns]
    body = ",\n".join(lines)
    if table.primary_key is not None:
        columns = ",".join(quote(c) for c in table.primary_key.columns)
        body += f",\n\n    CONSTRAINT {quote(table.primary_key.name)} PRIMARY KEY ({columns})"
    return f"CREATE TABLE {table.qualified_name} (\n{body}\n)"


def create_index(table: Table, index: Index) -> str:
    parts = []
    for c in index.columns:
        part = quote(c.name)
        if c.opclass is not None:
            part += f" {c.opclass}"
        if c.sort is not None:
            part += f" {c.sort}"
        parts.append(part)
    columns = ", ".join(parts)
    unique = "UNIQUE " if index.unique else ""
    target = table.qualified_name + (f" USING {index.using} " if index.using else "")
    return f"CREATE {unique}INDEX {quote(index.name)} ON {target}({columns})"


def _columns(names: Sequence[str]) -> str:
    return ", ".join(quote(n) for n in names)


def add_foreign_key(table: Table, fk: ForeignKey) -> str:
    return (
        f"ALTER TABLE {table.qualified_name} ADD CONSTRAINT {quote(fk.name)} FOREIGN KEY ({_columns(fk.columns)})"
        f" REFERENCES {qualified(fk.referenced_namespace, fk.referenced_table)}({_columns(fk.referenced_columns)})"
        f" ON DELETE {fk.on_delete} ON UPDATE {fk.on_update}"
    )


def render_step(step: Step) -> tuple[str, list[str]]:
    """The section title and the statements (without ``;``) of one step."""
    match step:
        case CreateSchema(name):
            return "CreateSchema", [f"CREATE SCHEMA IF NOT EXISTS {quote(name)}"]
        case CreateExtension(ext):
            sql = f"CREATE EXTENSION IF NOT EXISTS {quote(ext.name)}"
            options = []
            if ext.schema is not None:
                options.append(f"SCHEMA {quote(ext.schema)}")
            if ext.version is not None:
                options.append(f"VERSION {quote(ext.version)}")
            if options:
                sql += " WITH " + " ".join(options)
            return "CreateExtension", [sql]
        case CreateEnum(enum):
            # Prisma writes '{value}' without doubling quotes: a quote would end the literal and the
            # rest run as SQL. Escaped here; identical to Prisma's text for every value without one.
            values = ", ".join(_literal(v) for v in enum.values)
            return "CreateEnum", [f"CREATE TYPE {enum.qualified_name} AS ENUM ({values})"]
        case AlterEnum(enum, added):
            statements = [f"ALTER TYPE {enum.qualified_name} ADD VALUE {_literal(v)}" for v in added]
            if len(added) > 1:
                statements[0] = _ENUM_WARNING + statements[0]
            return "AlterEnum", statements
        case AlterTable(table, added):
            columns = ",\n".join(f"ADD COLUMN     {column_definition(c)}" for c in added)
            return "AlterTable", [f"ALTER TABLE {table.qualified_name} {columns}"]
        case CreateTable(table):
            return "CreateTable", [create_table(table)]
        case CreateIndex(table, index):
            return "CreateIndex", [create_index(table, index)]
        case AddForeignKey(table, fk):
            return "AddForeignKey", [add_foreign_key(table, fk)]
    raise AssertionError(f"unknown step {step!r}")  # pragma: no cover


def _comment_text(text: str) -> str:
    # Warnings name tables and columns; a name holding "*/" would close the comment early and
    # "/*" would open a nested one (PostgreSQL nests them): break both with a space.
    while "*/" in text or "/*" in text:
        text = text.replace("*/", "* /").replace("/*", "/ *")
    return text


def render_warnings(warnings: Sequence[str]) -> str:
    """The comment block ``prisma migrate dev`` puts at the top of a migration with warnings."""
    if not warnings:
        return ""
    return "/*\n  Warnings:\n\n" + "".join(f"  - {_comment_text(w)}\n" for w in warnings) + "\n*/\n"


def render_script(steps: Sequence[Step], warnings: Sequence[str] = ()) -> str:
    """The whole script, as ``prisma migrate diff --script`` prints it (ending with a line break)."""
    head = render_warnings(warnings)
    if not steps:
        return head + EMPTY_MIGRATION + "\n"
    sections = []
    for step in steps:
        title, statements = render_step(step)
        sections.append(f"-- {title}\n" + "".join(s + ";\n" for s in statements))
    return head + "\n".join(sections)
