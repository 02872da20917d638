"""What changed between two versions of a column, as Prisma's schema differ sees it.

Four things can change (in the engine's order, which is also the order of the
``ALTER COLUMN`` clauses): the arity (required, nullable, list), the default,
the type (with the cast decision of :mod:`~prisma_tools.migrate.casts`) and
``autoincrement``. Defaults are compared with the engine's rules, not as text:
a date-time literal never counts as changed, ``dbgenerated()`` without an
argument matches any default, and ``dbgenerated("...")`` compares ignoring case.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from . import cockroach as crdb
from .casts import Cast, column_type_change
from .model import Column

__all__ = ["ColumnChanges", "arity", "column_changes", "defaults_match"]


def arity(column: Column) -> str:
    """``List``, ``Nullable`` or ``Required``, as the engine names them."""
    if column.array:
        return "List"
    return "Nullable" if column.nullable else "Required"


@dataclass(frozen=True)
class ColumnChanges:
    arity: bool = False
    default: bool = False
    type: bool = False
    autoincrement: bool = False
    cast: Cast | None = None

    @property
    def any(self) -> bool:
        return self.arity or self.default or self.type or self.autoincrement


def _kind(column: Column) -> str | None:
    if column.autoincrement:
        return "sequence"
    # A default Prisma Client fills in (uuid(), cuid()...) is no database default.
    return None if column.default_kind == "prisma-level" else column.default_kind


def _string_value(sql: str) -> str:
    """The text of a SQL string literal (``'a''b'`` -> ``a'b``)."""
    return sql[1:-1].replace("''", "'") if sql.startswith("'") and sql.endswith("'") else sql


def _json_equal(old: str, new: str) -> bool:
    try:
        return bool(json.loads(_string_value(old)) == json.loads(_string_value(new)))
    except ValueError:
        return True  # the engine treats JSON it cannot read as unchanged


_NUMERIC = ("Float", "Decimal")


def _numbers_equal(old: str, new: str) -> bool:
    """Float and Decimal defaults are compared as numbers (``1`` and ``1.0`` are the same value)."""
    try:
        return Decimal(old) == Decimal(new)
    except InvalidOperation:
        return old == new


def _list_items(sql: str) -> list[str]:
    return sql[len("ARRAY[") : sql.rindex("]::")].split(", ") if sql.startswith("ARRAY[") else [sql]


def _values_equal(old: Column, new: Column, *, is_list: bool = False) -> bool:
    a, b = old.default or "", new.default or ""
    if old.family in _NUMERIC and new.family in _NUMERIC:
        xs, ys = (_list_items(a), _list_items(b)) if is_list else ([a], [b])
        return len(xs) == len(ys) and all(_numbers_equal(x, y) for x, y in zip(xs, ys, strict=True))
    return a == b


def defaults_match(old: Column, new: Column) -> bool:
    """Whether the engine sees the same default on both columns (``defaults_match``)."""
    a, b = _kind(old), _kind(new)
    values = ("value", "json", "datetime", "list")
    if {a, b} == {"dbgenerated", "list"} and "DateTime" in (old.family, new.family):
        return True
    if a == b == "list":
        if "DateTime" in (old.family, new.family):
            return True  # date-time elements always match
        return _values_equal(old, new, is_list=True)
    if a == b == "json" or {a, b} == {"json", "value"}:
        return _json_equal(old.default or "", new.default or "")
    if (a == "datetime" and b is not None) or (b == "datetime" and a is not None):
        return True  # the engine cannot compare date-time literals
    if "rowid" in (a, b):
        return a == b or b == "dbgenerated-empty"  # unique_rowid() (CockroachDB) matches only itself
    if a in values and b in values:
        return _values_equal(old, new)
    if a in values or a == "now":
        return b in ("sequence", "dbgenerated-empty") or a == b == "now"
    if a in ("dbgenerated", "dbgenerated-empty") and b in (*values, "now", None):
        return False
    if b == "dbgenerated-empty":
        return True
    if a == "sequence" and b in (*values, "now"):
        return False
    if a == "sequence" and b is None:
        return True  # the sequence is dropped as an autoincrement change
    if a is None and b is None:
        return True
    if a is None and b in (*values, "now"):
        return False
    if a == b == "dbgenerated":
        return (old.default or "").lower() == (new.default or "").lower()
    return b != "dbgenerated"


def column_changes(old: Column, new: Column, *, cockroach: bool = False, covered: bool = False) -> ColumnChanges:
    """``cockroach``: with CockroachDB's cast rules (``covered``: the column is indexed on both sides),
    where a sequence coming or going is no change of its own."""
    cast = crdb.column_type_change(old, new, covered=covered) if cockroach else column_type_change(old, new)
    return ColumnChanges(
        arity=arity(old) != arity(new),
        default=not defaults_match(old, new),
        type=cast is not None,
        autoincrement=old.autoincrement != new.autoincrement and not cockroach,
        cast=cast,
    )
