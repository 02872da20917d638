"""Column types and defaults, written the way Prisma's PostgreSQL renderer writes them.

A field's SQL type comes from its ``@db.*`` native type when it has one, else
from its Prisma scalar (``String`` is ``TEXT``, ``DateTime`` is
``TIMESTAMP(3)``...), an enum (the quoted type name) or ``Unsupported("...")``
(the text verbatim). Defaults follow Prisma's rules: ``autoincrement()`` makes
the column SERIAL, ``now()`` is ``CURRENT_TIMESTAMP``, ``dbgenerated("x")`` is
``x``, literals are SQL literals, lists are ``ARRAY[...]::TYPE[]``, and the
client-side generators (``cuid()``, ``uuid()``...) leave no default at all.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

from ..nodes import ArrayValue, ConstantValue, FieldAttribute, FunctionCall, NumberValue, StringValue, Value
from .ast_util import decode_string
from .errors import UnsupportedSchema

__all__ = ["SCALAR_TYPES", "ColumnType", "native_type", "render_default"]

# Prisma scalar -> the PostgreSQL type used when the field has no @db attribute.
SCALAR_TYPES = {
    "String": "TEXT",
    "Int": "INTEGER",
    "BigInt": "BIGINT",
    "Float": "DOUBLE PRECISION",
    "Decimal": "DECIMAL(65,30)",
    "Boolean": "BOOLEAN",
    "DateTime": "TIMESTAMP(3)",
    "Json": "JSONB",
    "Bytes": "BYTEA",
}

# @db.Name -> SQL type name; arguments are appended as "(a,b)".
NATIVE_TYPES = {
    "Text": "TEXT",
    "Char": "CHAR",
    "VarChar": "VARCHAR",
    "Bit": "BIT",
    "VarBit": "VARBIT",
    "Uuid": "UUID",
    "Xml": "XML",
    "Inet": "INET",
    "Citext": "CITEXT",
    "Boolean": "BOOLEAN",
    "Integer": "INTEGER",
    "SmallInt": "SMALLINT",
    "Oid": "OID",
    "BigInt": "BIGINT",
    "Real": "REAL",
    "DoublePrecision": "DOUBLE PRECISION",
    "Decimal": "DECIMAL",
    "Money": "MONEY",
    "Timestamp": "TIMESTAMP",
    "Timestamptz": "TIMESTAMPTZ",
    "Date": "DATE",
    "Time": "TIME",
    "Timetz": "TIMETZ",
    "Json": "JSON",
    "JsonB": "JSONB",
    "ByteA": "BYTEA",
}

# Default functions evaluated by Prisma Client, not by the database: no SQL default.
CLIENT_SIDE_DEFAULTS = frozenset({"uuid", "cuid", "nanoid", "ulid"})


@dataclass(frozen=True)
class ColumnType:
    """What default rendering needs to know about a column's type.

    ``family`` is the Prisma scalar (``String``...), ``"Enum"`` or ``"Unsupported"``;
    ``sql`` is the element type as written (``TEXT``, ``"Role"``); ``enum_values``
    maps an enum's Prisma value names to their database names.
    """

    family: str
    sql: str
    enum_values: dict[str, str] | None = None


def native_type(
    attr: FieldAttribute, prefix: str = "db.", types: Mapping[str, str] = NATIVE_TYPES, database: str = "PostgreSQL"
) -> str:
    """``@db.VarChar(200)`` -> ``VARCHAR(200)`` (``prefix`` is the datasource name and a dot; ``types``
    the database's names for Prisma's native types)."""
    name = attr.name[len(prefix) :]
    base = types.get(name)
    if base is None:
        raise UnsupportedSchema(f"native type @{attr.name} is not a {database} type prisma-tools knows")
    args = []
    for arg in attr.arguments or ():
        if not isinstance(arg.value, NumberValue):
            raise UnsupportedSchema(f"@{attr.name}: arguments must be numbers")
        args.append(arg.value.text)
    return base + (f"({','.join(args)})" if args else "")


def _quote_literal(text: str) -> str:
    # Prisma doubles single quotes and nothing else (standard_conforming_strings).
    return "'" + text.replace("'", "''") + "'"


def _format_datetime(text: str, where: str) -> str:
    """An RFC 3339 default as chrono's ``DateTime<FixedOffset>`` prints it: ``2020-01-01 10:00:00.123 +02:00``."""
    match = re.fullmatch(
        r"(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))", text
    )
    if match is None:
        raise UnsupportedSchema(f"{where}: {text!r} is not an RFC 3339 date-time")
    date, time, fraction, zulu, sign, hours, minutes = match.groups()
    try:
        datetime.fromisoformat(f"{date}T{time}")
    except ValueError:
        raise UnsupportedSchema(f"{where}: {text!r} is not a valid date-time") from None
    out = f"{date} {time}"
    nanos = int((fraction or "").ljust(9, "0") or "0")
    # chrono prints the shortest of 3, 6 or 9 digits that keeps every non-zero digit.
    if nanos:
        if nanos % 1_000_000 == 0:
            out += f".{nanos // 1_000_000:03d}"
        elif nanos % 1000 == 0:
            out += f".{nanos // 1000:06d}"
        else:
            out += f".{nanos:09d}"
    offset = "+00:00" if zulu else f"{sign}{hours}:{minutes}"
    return f"{out} {offset}"


def _format_number(text: str, family: str, where: str) -> str:
    """A number as Prisma's value types print it: integers normalised, decimals keep their scale."""
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise UnsupportedSchema(f"{where}: {text!r} is not a number") from None
    if family in ("Int", "BigInt"):
        if number != number.to_integral_value():
            raise UnsupportedSchema(f"{where}: {text!r} is not an integer")
        return str(int(number))
    if "e" in text.lower():
        raise UnsupportedSchema(f"{where}: numbers in exponent notation are not supported yet ({text})")
    return format(number, "f")


def _scalar_literal(value: Value, ctype: ColumnType, where: str) -> str:
    """One literal value (not a list) as SQL."""
    family = ctype.family
    if isinstance(value, StringValue):
        text = decode_string(value)
        if family == "DateTime":
            return _quote_literal(_format_datetime(text, where))
        if family == "Decimal":
            # The engine reads a quoted Decimal default as a number: "2.00" is written 2.00.
            return _format_number(text, family, where)
        if family == "Bytes":
            try:
                raw = base64.b64decode(text, validate=True)
            except (binascii.Error, ValueError):
                raise UnsupportedSchema(f"{where}: {text!r} is not base64") from None
            return "'\\x" + raw.hex() + "'"
        return _quote_literal(text)
    if isinstance(value, NumberValue):
        return _format_number(value.text, family, where)
    if isinstance(value, ConstantValue):
        if family == "Enum":
            assert ctype.enum_values is not None
            mapped = ctype.enum_values.get(value.name)
            if mapped is None:
                raise UnsupportedSchema(f"{where}: {value.name} is not a value of the enum")
            return _quote_literal(mapped)
        if family == "Boolean" and value.name in ("true", "false"):
            return value.name
    raise UnsupportedSchema(f"{where}: this default value is not supported yet")


def rust_debug(text: str) -> str:
    """A string as Rust's ``{:?}`` writes it (the engine's summary prints defaults that way)."""
    out = []
    for ch in text:
        if ch in ('"', "\\"):
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{{{ord(ch):x}}}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _scalar_debug(value: Value, ctype: ColumnType, where: str) -> str:
    """One literal value as the engine's ``PrismaValue`` prints with ``{:?}``."""
    family = ctype.family
    if isinstance(value, StringValue):
        text = decode_string(value)
        if family == "DateTime":
            date, time, offset = _format_datetime(text, where).split(" ")
            return f"DateTime({date}T{time}{offset})"
        if family == "Decimal":
            return f'Float(BigDecimal("{_format_number(text, family, where)}"))'
        if family == "Bytes":
            return "Bytes([" + ", ".join(str(b) for b in base64.b64decode(text)) + "])"
        if family == "Json":
            return f"Json({rust_debug(text)})"
        return f"String({rust_debug(text)})"
    if isinstance(value, NumberValue):
        number = _format_number(value.text, family, where)
        if family in ("Int", "BigInt"):
            return f"{family}({number})"
        return f'Float(BigDecimal("{number}"))'
    if isinstance(value, ConstantValue):
        if family == "Enum":
            assert ctype.enum_values is not None
            return f"Enum({rust_debug(ctype.enum_values.get(value.name, value.name))})"
        return f"Boolean({value.name})"
    raise UnsupportedSchema(f"{where}: this default value is not supported yet")  # pragma: no cover


@dataclass(frozen=True)
class Default:
    """A field's default as the database sees it: SQL text, or autoincrement, or nothing."""

    sql: str | None = None
    autoincrement: bool = False
    kind: str | None = None
    """How the engine compares it (see :class:`~prisma_tools.migrate.model.Column`)."""
    debug: str | None = None
    """The engine's ``DefaultKind`` as ``{:?}`` prints it (``Value(Int(3))``, ``Now``), for summaries."""


def render_default(value: Value | None, ctype: ColumnType, *, is_list: bool, where: str) -> Default:
    """The SQL default for ``@default(value)`` on a column of ``ctype``."""
    if value is None:
        return Default()
    if isinstance(value, FunctionCall):
        name = value.name
        if name == "autoincrement":
            return Default(autoincrement=True, debug='Sequence("")')
        if name == "now":
            return Default(sql="CURRENT_TIMESTAMP", kind="now", debug="Now")
        if name == "dbgenerated":
            if not value.arguments:
                return Default(kind="dbgenerated-empty", debug="DbGenerated(None)")
            arg = value.arguments[0].value
            if not isinstance(arg, StringValue):
                raise UnsupportedSchema(f"{where}: dbgenerated() takes a string")
            sql = decode_string(arg)
            return Default(sql=sql, kind="dbgenerated", debug=f"DbGenerated(Some({rust_debug(sql)}))")
        if name in CLIENT_SIDE_DEFAULTS:
            return Default(kind="prisma-level")
        raise UnsupportedSchema(f"{where}: @default({name}()) is not supported on PostgreSQL by prisma-tools")
    if isinstance(value, ArrayValue):
        if not is_list:
            raise UnsupportedSchema(f"{where}: a list default on a field that is not a list")
        items = ", ".join(_scalar_literal(v, ctype, where) for v in value.items)
        debug = "Value(List([" + ", ".join(_scalar_debug(v, ctype, where) for v in value.items) + "]))"
        return Default(sql=f"ARRAY[{items}]::{ctype.sql}[]", kind="list", debug=debug)
    kind = {"DateTime": "datetime", "Json": "json"}.get(ctype.family, "value")
    sql = _scalar_literal(value, ctype, where)
    return Default(sql=sql, kind=kind, debug=f"Value({_scalar_debug(value, ctype, where)})")
