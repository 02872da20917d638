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

from .cockroach import identity
from .model import Column, ForeignKey, Index, Table, qualified, quote
from .sqlite.steps import SqliteStep, postgres_steps, sqlite_steps
from .steps import (
    AddColumn,
    AddForeignKey,
    AddPrimaryKey,
    AlterColumn,
    AlterEnum,
    AlterPrimaryKey,
    AlterSequence,
    AlterTable,
    CreateEnum,
    CreateExtension,
    CreateIndex,
    CreateSchema,
    CreateTable,
    DropAndRecreateColumn,
    DropColumn,
    DropEnum,
    DropExtension,
    DropForeignKey,
    DropIndex,
    DropPrimaryKey,
    DropTable,
    RedefineTables,
    RenameForeignKey,
    RenameIndex,
    RenamePrimaryKey,
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
    if column.sequence is not None:
        out += identity(column.sequence)
    return out


def create_table(table: Table, name: str | None = None) -> str:
    """``CREATE TABLE`` (``name``: the quoted name to create it under instead of its own)."""
    lines = [f"    {column_definition(c)}" for c in table.columns]
    body = ",\n".join(lines)
    if table.primary_key is not None:
        columns = ",".join(quote(c) for c in table.primary_key.columns)
        body += f",\n\n    CONSTRAINT {quote(table.primary_key.name)} PRIMARY KEY ({columns})"
    return f"CREATE TABLE {name or table.qualified_name} (\n{body}\n)"


def create_index(table: Table, index: Index) -> str:
    parts = []
    for c in index.columns:
        part = quote(c.name)
        if c.opclass is not None and not c.opclass_default:  # a database's default class goes unsaid
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
        case DropExtension(ext):
            return "DropExtension", [f"DROP EXTENSION {quote(ext.name)}"]
        case CreateEnum(enum):
            # Prisma writes '{value}' without doubling quotes: a quote would end the literal and the
            # rest run as SQL. Escaped here; identical to Prisma's text for every value without one.
            values = ", ".join(_literal(v) for v in enum.values)
            return "CreateEnum", [f"CREATE TYPE {enum.qualified_name} AS ENUM ({values})"]
        case AlterEnum():
            return "AlterEnum", alter_enum(step)
        case AlterTable():
            return "AlterTable", alter_table(step)
        case DropForeignKey(table, fk):
            return "DropForeignKey", [f"ALTER TABLE {table.qualified_name} DROP CONSTRAINT {quote(fk.name)}"]
        case DropIndex(table, index):
            return "DropIndex", [f"DROP INDEX {qualified(table.namespace, index.name)}"]
        case DropTable(table):
            return "DropTable", [f"DROP TABLE {table.qualified_name}"]
        case DropEnum(enum):
            return "DropEnum", [f"DROP TYPE {enum.qualified_name}"]
        case RenameIndex(table, old, new):
            return "RenameIndex", [f"ALTER INDEX {qualified(table.namespace, old.name)} RENAME TO {quote(new.name)}"]
        case RenameForeignKey(table, old_fk, new_fk):
            return "RenameForeignKey", [
                f"ALTER TABLE {table.qualified_name} RENAME CONSTRAINT {quote(old_fk.name)} TO {quote(new_fk.name)}"
            ]
        case CreateTable(table):
            return "CreateTable", [create_table(table)]
        case CreateIndex(table, index):
            return "CreateIndex", [create_index(table, index)]
        case AddForeignKey(table, fk):
            return "AddForeignKey", [add_foreign_key(table, fk)]
        case AlterSequence() | AlterPrimaryKey() | RedefineTables():
            from . import cockroach_sql  # imported here: it imports this module

            return cockroach_sql.render_step(step)
    raise AssertionError(f"unknown step {step!r}")  # pragma: no cover


def alter_enum(step: AlterEnum) -> list[str]:
    """Values added with ``ADD VALUE``; values removed by replacing the type (Prisma's sequence)."""
    enum = step.enum
    if step.in_place:
        from . import cockroach_sql  # imported here: it imports this module

        return cockroach_sql.alter_enum(step)
    if not step.dropped:
        statements = [f"ALTER TYPE {enum.qualified_name} ADD VALUE {_literal(v)}" for v in step.added]
        if len(statements) > 1:
            statements[0] = _ENUM_WARNING + statements[0]
        return statements
    previous = step.previous or enum
    new_type = qualified(enum.namespace, enum.name + "_new")
    old_name = previous.name + "_old"
    values = ", ".join(_literal(v) for v in enum.values)
    out = ["BEGIN", f"CREATE TYPE {new_type} AS ENUM ({values})"]
    for d in step.defaults:
        out.append(f"ALTER TABLE {d.table.qualified_name} ALTER COLUMN {quote(d.column.name)} DROP DEFAULT")
    for table, column in step.retyped:
        array = "[]" if column.array else ""
        name = quote(column.name)
        out.append(
            f"ALTER TABLE {table.qualified_name} ALTER COLUMN {name} TYPE {new_type}{array}"
            f" USING ({name}::text::{new_type}{array})"
        )
    out.append(f"ALTER TYPE {previous.qualified_name} RENAME TO {quote(old_name)}")
    out.append(f"ALTER TYPE {new_type} RENAME TO {quote(enum.name)}")
    out.append(f"DROP TYPE {qualified(previous.namespace, old_name)}")
    for d in step.defaults:
        if d.reinstall is not None:
            out.append(
                f"ALTER TABLE {d.table.qualified_name} ALTER COLUMN {quote(d.column.name)} SET DEFAULT {d.reinstall}"
            )
    out.append("COMMIT")
    return out


def _sequence_name(table: Table, column: Column) -> str:
    # The engine imitates the sequence of a SERIAL column, lower-cased and (but for the schema) unquoted.
    prefix = quote(table.namespace) + "." if table.namespace is not None else ""
    return f"{prefix}{table.name}_{column.name}_seq".lower()


def _alter_column(table: Table, old_table: Table, change: AlterColumn) -> tuple[list[str], list[str], list[str]]:
    """The statements before, the clauses, and the statements after for one altered column."""
    before: list[str] = []
    clauses: list[str] = []
    after: list[str] = []
    old, new, cc = change.old, change.new, change.changes
    prefix = f"ALTER COLUMN {quote(old.name)}"
    set_type = cc.type
    if cc.arity:
        old_arity = "List" if old.array else "Nullable" if old.nullable else "Required"
        new_arity = "List" if new.array else "Nullable" if new.nullable else "Required"
        set_type = set_type or "List" in (old_arity, new_arity)
        if new_arity == "Nullable" and old_arity != "Nullable":
            clauses.append(f"{prefix} DROP NOT NULL")
        elif new_arity == "Required":
            clauses.append(f"{prefix} SET NOT NULL")

    def drop_default() -> None:
        clauses.append(f"{prefix} DROP DEFAULT")
        if old.autoincrement and change.drop_sequence:
            after.append('DROP SEQUENCE ""')

    if cc.default:
        if new.default is not None or new.sequence is not None:
            # A CockroachDB sequence default is written as nothing at all: "SET DEFAULT ", as the engine does.
            clauses.append(f"{prefix} SET DEFAULT {new.default or ''}")
        else:
            drop_default()
    if cc.autoincrement:
        if old.autoincrement:
            drop_default()
        else:
            sequence = _sequence_name(table, new)
            before.append(f"CREATE SEQUENCE {sequence}")
            clauses.append(f"{prefix} SET DEFAULT nextval({_literal(sequence)})")
            after.append(f"ALTER SEQUENCE {sequence} OWNED BY {old_table.qualified_name}.{quote(old.name)}")
    if set_type:
        clauses.append(f"{prefix} SET DATA TYPE {new.sql_type}")
    return before, clauses, after


def alter_table(step: AlterTable) -> list[str]:
    """One ``ALTER TABLE`` with every clause, between the statements some clauses need."""
    old_table = step.previous or step.table
    before: list[str] = []
    lines: list[str] = []
    after: list[str] = []
    for change in step.changes:
        match change:
            case DropPrimaryKey(name):
                lines.append(f"DROP CONSTRAINT {quote(name)}")
            case RenamePrimaryKey(old_name, new_name):
                # Prisma 6 writes it as one more clause (a table whose key is dropped and added again
                # then fails on PostgreSQL: that is the engine's script).
                lines.append(f"RENAME CONSTRAINT {quote(old_name)} TO {quote(new_name)}")
            case AddPrimaryKey(pk):
                columns = ", ".join(quote(c) for c in pk.columns)
                lines.append(f"ADD CONSTRAINT {quote(pk.name)} PRIMARY KEY ({columns})")
            case AddColumn(column):
                lines.append(f"ADD COLUMN     {column_definition(column)}")
            case DropColumn(column):
                lines.append(f"DROP COLUMN {quote(column.name)}")
            case AlterColumn():
                b, c, a = _alter_column(step.table, old_table, change)
                before += b
                lines += c
                after += a
            case DropAndRecreateColumn(old, new):
                lines.append(f"DROP COLUMN {quote(old.name)}")
                lines.append(f"ADD COLUMN     {column_definition(new)}")
    if step.separate:
        main = [f"ALTER TABLE {old_table.qualified_name} {line}" for line in lines]
    else:
        main = [f"ALTER TABLE {old_table.qualified_name} " + ",\n".join(lines)] if lines else []
    return before + main + after


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


def render_script(steps: Sequence[Step] | Sequence[SqliteStep], warnings: Sequence[str] = ()) -> str:
    """The whole script, as ``prisma migrate diff --script`` prints it (ending with a line break)."""
    if sqlite_steps(steps):
        from .sqlite.sql import render_script as render_sqlite

        return render_sqlite(steps, warnings)
    assert postgres_steps(steps)
    return join_script([render_step(step) for step in steps], warnings)


def join_script(sections: Sequence[tuple[str, Sequence[str]]], warnings: Sequence[str] = ()) -> str:
    """The script of ``(title, statements)`` sections: the warnings comment, then each section under its
    ``-- title`` with a blank line between sections (or Prisma's empty-migration comment)."""
    head = render_warnings(warnings)
    if not sections:
        return head + EMPTY_MIGRATION + "\n"
    return head + "\n".join(f"-- {title}\n" + "".join(s + ";\n" for s in statements) for title, statements in sections)
