"""Whether a column type change is a safe cast, a risky cast, or needs the column recreated.

Prisma's engine decides per pair of PostgreSQL types (``postgres_column_type_change``
in its schema differ): a *safe* or *risky* cast becomes ``ALTER COLUMN ... SET DATA
TYPE`` (a risky one is also warned about by ``migrate dev``); a change that cannot be
cast drops the column and adds it again. The table below restates those decisions
over the types as they are written in SQL (``VARCHAR(20)``, ``DECIMAL(65,30)``...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from .model import Column

__all__ = ["Cast", "NativeType", "column_type_change", "parse_native"]


class Cast(Enum):
    SAFE = "safe"
    RISKY = "risky"
    NOT_CASTABLE = "not castable"


SAFE, RISKY, NOT_CASTABLE = Cast.SAFE, Cast.RISKY, Cast.NOT_CASTABLE


@dataclass(frozen=True)
class NativeType:
    """A known PostgreSQL type: its SQL name and its arguments (``DECIMAL(10,2)`` -> ``(10, 2)``)."""

    name: str
    args: tuple[int, ...] = ()

    @property
    def length(self) -> int | None:
        return self.args[0] if self.args else None


_KNOWN = {
    "TEXT",
    "VARCHAR",
    "CHAR",
    "BIT",
    "VARBIT",
    "UUID",
    "XML",
    "INET",
    "CITEXT",
    "BOOLEAN",
    "INTEGER",
    "SMALLINT",
    "OID",
    "BIGINT",
    "REAL",
    "DOUBLE PRECISION",
    "DECIMAL",
    "MONEY",
    "TIMESTAMP",
    "TIMESTAMPTZ",
    "DATE",
    "TIME",
    "TIMETZ",
    "JSON",
    "JSONB",
    "BYTEA",
}
_TYPE = re.compile(r"([A-Z ]+?)(?:\((\d+)(?:,(\d+))?\))?")


def parse_native(sql: str) -> NativeType | None:
    """The known type a column's SQL type stands for; None for enums and ``Unsupported`` types."""
    match = _TYPE.fullmatch(sql)
    if match is None or match.group(1) not in _KNOWN:
        return None
    args = tuple(int(a) for a in match.group(2, 3) if a is not None)
    return NativeType(match.group(1), args)


_STRINGS = ("TEXT", "VARCHAR", "CHAR")


def _int_to(next_: NativeType, digits: int, width: int, wider: tuple[str, ...], narrower: tuple[str, ...]) -> Cast:
    """SMALLINT/INTEGER/BIGINT to ``next_``: ``digits`` is the most digits, ``width`` the longest text."""
    n = next_.name
    if n in wider or n in ("REAL", "DOUBLE PRECISION", "TEXT"):
        return SAFE
    if n in narrower:
        return RISKY
    if n == "DECIMAL":
        if len(next_.args) == 2 and next_.args[0] - next_.args[1] < digits:
            return RISKY
        return SAFE
    if n in ("VARCHAR", "CHAR"):
        if next_.length is not None and next_.length < width:
            return RISKY
        if next_.length is None and n == "CHAR":
            return RISKY
        return SAFE
    return NOT_CASTABLE


def _decimal_to(old: tuple[int, ...], next_: NativeType) -> Cast:
    n = next_.name
    for target, most in (("SMALLINT", 2), ("INTEGER", 9), ("BIGINT", 18)):
        if n == target:
            if not old or old[1] > 0 or old[0] > most:
                return RISKY
            return SAFE
    if n == "DECIMAL":
        new = next_.args
        if old and not new:
            return SAFE
        if not old and new:
            return RISKY if new[0] < 131072 or new[1] < 16383 else SAFE
        if old and new and (old[0] - old[1] > new[0] - new[1] or old[1] > new[1]):
            return RISKY
        return SAFE
    if n in ("REAL", "DOUBLE PRECISION"):
        return RISKY
    if n in ("VARCHAR", "CHAR"):
        length = next_.length
        if length is not None and old and old[1] == 0 and old[0] + 1 > length:
            return RISKY
        if length is not None and old and old[1] > 0 and old[0] + 2 > length:
            return RISKY
        if length is not None and not old and length < 131073:
            return RISKY
        if length is None and n == "CHAR":
            return RISKY
        return SAFE
    if n == "TEXT":
        return SAFE
    return NOT_CASTABLE


def _float_to(next_: NativeType, double: bool) -> Cast:
    n = next_.name
    if n in ("SMALLINT", "INTEGER", "BIGINT", "DECIMAL"):
        return RISKY
    if n == "REAL":
        return RISKY if double else SAFE
    if n in ("DOUBLE PRECISION", "TEXT"):
        return SAFE
    if n in ("VARCHAR", "CHAR"):
        if next_.length is not None and next_.length < (317 if double else 47):
            return RISKY
        if next_.length is None and n == "CHAR":
            return RISKY
        return SAFE
    return NOT_CASTABLE


def _string_to(old_len: int | None, next_: NativeType, *, is_char: bool) -> Cast:
    """VARCHAR/CHAR to ``next_``; ``is_char``: the old type is CHAR (whose default length is 1)."""
    n = next_.name
    if n == "TEXT":
        return SAFE
    if n not in ("VARCHAR", "CHAR"):
        return NOT_CASTABLE
    new_len, next_is_char = next_.length, n == "CHAR"
    if old_len is None:
        if is_char:
            return SAFE
        if new_len is None:
            return RISKY if next_is_char else SAFE
        return RISKY
    if new_len is None:
        if old_len == 1:
            return SAFE
        return RISKY if next_is_char else SAFE
    return RISKY if old_len > new_len else SAFE


def _datetime_to(old: NativeType, next_: NativeType, text_len: int, family: tuple[str, ...]) -> Cast | None:
    """TIMESTAMP(TZ)/TIME(TZ) to ``next_``; None: the engine sees no change (a precision it ignores)."""
    n = next_.name
    if n == "TEXT" or (n == "VARCHAR" and next_.length is None):
        return SAFE
    if n in ("CHAR", "VARCHAR") and next_.length is not None and next_.length > text_len:
        return SAFE
    if n == old.name and (next_.length is None or old.length is None or old.length == next_.length):
        return None
    return SAFE if n in family else NOT_CASTABLE


def _bit_to(old_len: int | None, next_: NativeType) -> Cast:
    n, new_len = next_.name, next_.length
    if old_len is None:
        return SAFE if n in ("TEXT", "VARCHAR", "CHAR", "VARBIT") else NOT_CASTABLE
    if n == "TEXT" or (n in ("VARCHAR", "VARBIT") and new_len is None):
        return SAFE
    if n in ("VARCHAR", "VARBIT", "CHAR") and new_len is not None and new_len >= old_len:
        return SAFE
    return NOT_CASTABLE


def _varbit_to(old_len: int | None, next_: NativeType) -> Cast:
    n, new_len = next_.name, next_.length
    if old_len is None:
        if n == "TEXT" or (n == "VARCHAR" and new_len is None):
            return SAFE
        return RISKY if n in ("VARCHAR", "CHAR", "BIT") else NOT_CASTABLE
    if n == "TEXT" or (n in ("VARCHAR", "VARBIT") and new_len is None):
        return SAFE
    if n == "VARBIT" and new_len is not None and new_len > old_len:
        return SAFE
    if n in ("VARCHAR", "CHAR") and new_len is not None and new_len >= old_len:
        return SAFE
    if n == "BIT" and (new_len is None or new_len <= old_len):
        return RISKY
    return RISKY if n in ("VARCHAR", "CHAR") else NOT_CASTABLE


def _text_like(next_: NativeType, *, long_enough: int | None) -> Cast:
    """UUID/BYTEA-style sources: text and unbounded varchar are safe, long enough strings too."""
    n = next_.name
    if n == "TEXT" or (n == "VARCHAR" and next_.length is None):
        return SAFE
    if long_enough is not None and n in ("VARCHAR", "CHAR") and next_.length is not None:
        return SAFE if next_.length > long_enough else NOT_CASTABLE
    return NOT_CASTABLE


def native_change(old: NativeType, next_: NativeType) -> Cast | None:
    """The engine's decision for two known types (None: no change at all)."""
    if old == next_:
        return None
    o, n = old.name, next_.name
    match o:
        case "INET":
            return SAFE if n in ("CITEXT", "TEXT", "VARCHAR") else NOT_CASTABLE
        case "MONEY":
            return SAFE if n in ("CITEXT", "TEXT", "VARCHAR") else RISKY
        case "CITEXT":
            return SAFE if n in ("TEXT", "VARCHAR") else RISKY
        case "OID":
            return SAFE if n in ("TEXT", "VARCHAR", "BIGINT", "INTEGER") else NOT_CASTABLE
        case "SMALLINT":
            return _int_to(next_, 3, 4, ("INTEGER", "BIGINT"), ())
        case "INTEGER":
            return _int_to(next_, 10, 11, ("BIGINT",), ("SMALLINT",))
        case "BIGINT":
            return _int_to(next_, 19, 20, (), ("SMALLINT", "INTEGER"))
        case "DECIMAL":
            return _decimal_to(old.args, next_)
        case "REAL":
            return _float_to(next_, double=False)
        case "DOUBLE PRECISION":
            return _float_to(next_, double=True)
        case "VARCHAR" | "CHAR":
            return _string_to(old.length, next_, is_char=o == "CHAR")
        case "TEXT":
            if n in ("TEXT", "CITEXT") or (n == "VARCHAR" and next_.length is None):
                return SAFE
            return RISKY if n in ("VARCHAR", "CHAR") else NOT_CASTABLE
        case "BYTEA":
            if n == "TEXT" or (n == "VARCHAR" and next_.length is None):
                return SAFE
            if n in ("VARCHAR", "CHAR") and next_.length is not None and next_.length > 2:
                return RISKY
            return NOT_CASTABLE
        case "TIMESTAMP":
            return _datetime_to(old, next_, 22, ("TIMESTAMP", "TIMESTAMPTZ", "DATE", "TIME", "TIMETZ"))
        case "TIMESTAMPTZ":
            return _datetime_to(old, next_, 27, ("TIMESTAMP", "TIMESTAMPTZ", "DATE", "TIME", "TIMETZ"))
        case "TIME":
            return _datetime_to(old, next_, 13, ("TIMETZ",))
        case "TIMETZ":
            return _datetime_to(old, next_, 18, ("TIMETZ", "TIME"))
        case "DATE":
            if n == "TEXT" or (n == "VARCHAR" and next_.length is None) or n in ("TIMESTAMP", "TIMESTAMPTZ"):
                return SAFE
            if n in ("CHAR", "VARCHAR") and next_.length is not None and next_.length > 27:
                return SAFE
            return NOT_CASTABLE
        case "BOOLEAN":
            if n in ("TEXT", "VARCHAR"):
                return SAFE
            if n == "CHAR" and next_.length is not None and next_.length > 4:
                return SAFE
            if n == "CHAR" and next_.length is not None and next_.length > 3:
                return RISKY
            return NOT_CASTABLE
        case "BIT":
            return _bit_to(old.length, next_)
        case "VARBIT":
            return _varbit_to(old.length, next_)
        case "UUID":
            return _text_like(next_, long_enough=31)
        case "XML":
            if n == "TEXT" or (n == "VARCHAR" and next_.length is None):
                return SAFE
            return RISKY if n in ("VARCHAR", "CHAR") else NOT_CASTABLE
        case "JSON" | "JSONB":
            other = "JSONB" if o == "JSON" else "JSON"
            if n in ("TEXT", other) or (n == "VARCHAR" and next_.length is None):
                return SAFE
            return RISKY if n in ("VARCHAR", "CHAR") else NOT_CASTABLE
    return NOT_CASTABLE  # pragma: no cover - every known type is handled above


def column_type_change(old: Column, new: Column) -> Cast | None:
    """How the engine changes ``old``'s type into ``new``'s (None: the type did not change)."""
    old_enum, new_enum = old.family == "Enum", new.family == "Enum"
    if old_enum or new_enum:
        # An enum is matched by its name (and schema); any other change cannot be cast.
        return None if old_enum and new_enum and old.type == new.type else NOT_CASTABLE
    old_native = parse_native(old.type) if old.family != "Unsupported" else None
    new_native = parse_native(new.type) if new.family != "Unsupported" else None
    to_scalar = old.array and not new.array
    if to_scalar and new_native is not None:
        if new_native.name == "TEXT" or (new_native.name == "VARCHAR" and new_native.length is None):
            return SAFE
        if new_native.name in ("VARCHAR", "CHAR"):
            return RISKY
    if old.array != new.array:
        return NOT_CASTABLE
    if old_native is not None and new_native is not None:
        return native_change(old_native, new_native)
    if old_native is None and new_native is None:
        # Two Unsupported types: the engine compares the old type with itself, so never a change.
        return None
    return RISKY
