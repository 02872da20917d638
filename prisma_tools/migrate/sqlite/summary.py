"""The summary ``prisma migrate diff`` prints without ``--script``, for SQLite steps.

Filed as the engine files them (see :mod:`~prisma_tools.migrate.summary`): added
tables, removed tables, then one ``[*] Redefined table `X``` heading per redefined
table (with nothing under it), then one ``[*] Changed the `X` table`` heading per
table whose indexes or columns changed in place.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..summary import NO_DIFFERENCE
from .steps import AddColumns, CreateIndex, CreateTable, DropIndex, DropTable, RedefineIndex, RedefineTables, SqliteStep

__all__ = ["render_summary"]

# The engine's DriftType order.
_ADDED_TABLE, _REMOVED_TABLE, _REDEFINED_TABLE, _CHANGED_TABLE = 4, 6, 9, 11


def _heading(kind: int, name: str) -> str:
    if kind == _ADDED_TABLE:
        return "\n[+] Added tables\n"
    if kind == _REMOVED_TABLE:
        return "\n[-] Removed tables\n"
    if kind == _REDEFINED_TABLE:
        return f"\n[*] Redefined table `{name}`\n"
    return f"\n[*] Changed the `{name}` table\n"


def _index_line(verb: str, step: CreateIndex | DropIndex) -> str:
    unique = "unique " if step.index.unique else ""
    return f"  {verb} {unique}index on columns ({', '.join(step.index.column_names)})\n"


def _items(step: SqliteStep) -> list[tuple[int, str, str]]:
    """(heading kind, heading name, lines) for one step."""
    match step:
        case CreateTable(table):
            return [(_ADDED_TABLE, "", f"  - {table.name}\n")]
        case DropTable(table):
            return [(_REMOVED_TABLE, "", f"  - {table.name}\n")]
        case RedefineTables(tables):
            return [(_REDEFINED_TABLE, r.previous.name, "") for r in tables]
        case CreateIndex(table):
            return [(_CHANGED_TABLE, table.name, _index_line("[+] Added", step))]
        case DropIndex(table):
            return [(_CHANGED_TABLE, table.name, _index_line("[-] Removed", step))]
        case RedefineIndex(table, old):
            return [(_CHANGED_TABLE, table.name, f"  [*] Redefined index `{old.name}`\n")]
        case AddColumns(table, columns):
            return [(_CHANGED_TABLE, table.name, "".join(f"  [+] Added column `{c.name}`\n" for c in columns))]
    raise AssertionError(f"unknown step {step!r}")  # pragma: no cover


def render_summary(steps: Sequence[SqliteStep]) -> str:
    """The summary of ``steps`` (in migration order), as the engine prints it, ending with a line break."""
    if not steps:
        return NO_DIFFERENCE + "\n"
    items = sorted(
        (kind, name.encode("utf-8"), i, lines) for i, step in enumerate(steps) for kind, name, lines in _items(step)
    )
    out = []
    state: tuple[int, bytes] | None = None
    for kind, name, _, lines in items:
        if state != (kind, name):
            out.append(_heading(kind, name.decode("utf-8")))
        state = (kind, name)
        out.append(lines)
    return "".join(out)
