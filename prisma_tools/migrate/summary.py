"""The human-readable summary ``prisma migrate diff`` prints without ``--script``.

The engine files every step under a heading (added enums, added tables,
removed enums, removed tables, then one heading per changed enum or table,
by name), keeps the steps' order within a heading, and writes one line per
change. Its quirks are kept: an added primary key is followed by a stray
``)`` line, every added extension repeats its heading, a removed extension
heading ends with a backquote, and defaults are printed as the engine's Rust
values (``Some(Value(Int(3)))``).
"""

from __future__ import annotations

from collections.abc import Sequence

from .column_changes import ColumnChanges, arity
from .model import Column
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

__all__ = ["NO_DIFFERENCE", "render_summary"]

NO_DIFFERENCE = "No difference detected."

# Headings in the engine's order (its DriftType).
_DROPPED_EXTENSION, _CREATED_EXTENSION, _ADDED_ENUM, _ADDED_TABLE = 1, 2, 3, 4
_REMOVED_ENUM, _REMOVED_TABLE, _REDEFINED_TABLE, _CHANGED_ENUM, _CHANGED_TABLE = 5, 6, 9, 10, 11


def _heading(kind: int, name: str) -> str:
    match kind:
        case 1:
            return "\n[-] Removed extensions\n`"
        case 2:
            return "\n[+] Added extensions\n"
        case 3:
            return "\n[+] Added enums\n"
        case 4:
            return "\n[+] Added tables\n"
        case 5:
            return "\n[-] Removed enums\n"
        case 6:
            return "\n[-] Removed tables\n"
        case 9:
            return f"\n[*] Redefined table `{name}`\n"
        case 10:
            return f"\n[*] Changed the `{name}` enum\n"
    return f"\n[*] Changed the `{name}` table\n"


def _filed(step: Step) -> list[tuple[int, str]]:
    """Under which headings a step is listed (none, or one per redefined table)."""
    match step:
        case RedefineTables(tables):
            return [(_REDEFINED_TABLE, t.old.name) for t in tables]
    key = _filed_once(step)
    return [] if key is None else [key]


def _filed_once(step: Step) -> tuple[int, str] | None:
    match step:
        case CreateSchema() | AlterSequence():
            return None
        case AlterPrimaryKey(_, previous):
            return _CHANGED_TABLE, previous.name
        case DropExtension(ext):
            return _DROPPED_EXTENSION, ext.name
        case CreateExtension(ext):
            return _CREATED_EXTENSION, ext.name
        case CreateEnum():
            return _ADDED_ENUM, ""
        case CreateTable():
            return _ADDED_TABLE, ""
        case DropEnum():
            return _REMOVED_ENUM, ""
        case DropTable():
            return _REMOVED_TABLE, ""
        case AlterEnum(enum, _, _, previous):
            return _CHANGED_ENUM, (previous or enum).name
        case AlterTable(table, _, previous):
            return _CHANGED_TABLE, (previous or table).name
        case DropForeignKey(table) | DropIndex(table) | RenameIndex(table):
            return _CHANGED_TABLE, table.name
        case CreateIndex(table) | AddForeignKey(table) | RenameForeignKey(table):
            return _CHANGED_TABLE, table.name
    raise AssertionError(f"unknown step {step!r}")  # pragma: no cover


def _column_changes(old: Column, new: Column, changes: ColumnChanges) -> str:
    parts = []
    if changes.arity:
        parts.append(f"changed from {arity(old)} to {arity(new)}")
    if changes.default:
        before = f"Some({old.default_debug})" if old.default_debug else "None"
        after = f"Some({new.default_debug})" if new.default_debug else "None"
        parts.append(f"default changed from `{before}` to `{after}`")
    if changes.type:
        parts.append("type changed")
    if changes.autoincrement:
        parts.append("column is no longer autoincrementing" if old.autoincrement else "column became autoincrementing")
    return "(" + ", ".join(parts) + ")"


def _lines(step: Step) -> str:
    match step:
        case CreateEnum(enum):
            return f"  - {enum.name}\n"
        case CreateTable(table) | DropTable(table):
            return f"  - {table.name}\n"
        case DropEnum(enum):
            return f"  - {enum.name}\n"
        case CreateExtension(ext):
            return f"  - {ext.name}\n"
        case AlterEnum(_, added, dropped):
            return "".join(f"  [+] Added variant `{v}`\n" for v in added) + "".join(
                f"  [-] Removed variant `{v}`\n" for v in dropped
            )
        case DropForeignKey(_, fk) | AddForeignKey(_, fk):
            verb = "[-] Removed" if isinstance(step, DropForeignKey) else "[+] Added"
            return f"  {verb} foreign key on columns ({', '.join(fk.columns)})\n"
        case DropIndex(_, index) | CreateIndex(_, index):
            verb = "[-] Removed" if isinstance(step, DropIndex) else "[+] Added"
            unique = "unique " if index.unique else ""
            return f"  {verb} {unique}index on columns ({', '.join(index.column_names)})\n"
        case RenameForeignKey(_, old, new):
            return f'  [*] Renamed the foreign key "{old.name}" to "{new.name}"\n'
        case RenameIndex(_, old, new):
            return f"  [*] Renamed index `{old.name}` to `{new.name}`\n"
        case AlterTable():
            return _table_lines(step)
        case AlterPrimaryKey(_, previous):
            return f"   [*] Changed the primary key for `{previous.name}`\n"
    return ""


def _table_lines(step: AlterTable) -> str:
    old_table = step.previous or step.table
    out = []
    for change in step.changes:
        match change:
            case AddColumn(column):
                out.append(f"  [+] Added column `{column.name}`\n")
            case AlterColumn(old, new, changes):
                out.append(f"  [*] Altered column `{new.name}` {_column_changes(old, new, changes)}\n")
            case DropColumn(column):
                out.append(f"  [-] Removed column `{column.name}`\n")
            case DropAndRecreateColumn(old, new, changes):
                detail = _column_changes(old, new, changes)
                out.append(f"  [*] Column `{new.name}` would be dropped and recreated {detail}\n")
            case DropPrimaryKey():
                columns = old_table.primary_key.columns if old_table.primary_key else ()
                out.append(f"  [-] Dropped the primary key on columns ({', '.join(columns)})\n")
            case RenamePrimaryKey():
                columns = old_table.primary_key.columns if old_table.primary_key else ()
                out.append(f"  [*] Renamed the primary key on columns ({', '.join(columns)})\n")
            case AddPrimaryKey(pk):
                out.append(f"  [+] Added primary key on columns ({', '.join(pk.columns)})\n)\n")
    return "".join(out)


def render_summary(steps: Sequence[Step] | Sequence[SqliteStep]) -> str:
    """The summary of ``steps`` (in migration order), as the engine prints it, ending with a line break."""
    if sqlite_steps(steps):
        from .sqlite.summary import render_summary as render_sqlite

        return render_sqlite(steps)
    assert postgres_steps(steps)
    if not steps:
        return NO_DIFFERENCE + "\n"
    filed = sorted((kind, name.encode("utf-8"), i) for i, step in enumerate(steps) for kind, name in _filed(step))
    out = []
    state: tuple[int, bytes] | None = None
    for kind, name, i in filed:
        if state != (kind, name):
            out.append(_heading(kind, name.decode("utf-8")))
        state = (kind, name)
        out.append(_lines(steps[i]))
    # Steps listed under no heading (CockroachDB's ALTER SEQUENCE alone) leave an empty summary: one line break.
    return "".join(out) or "\n"
