"""Small readers over the AST: attribute arguments as Python values.

The migrate package reads a schema the way Prisma's validator does after it
has accepted it; these helpers turn argument nodes into strings, names and
lists and raise :class:`UnsupportedSchema` when a value has a shape a valid
schema cannot have, so that nothing is silently guessed.
"""

from __future__ import annotations

import json

from ..nodes import (
    Argument,
    ArrayValue,
    ConstantValue,
    FieldAttribute,
    FieldDecl,
    FunctionCall,
    NumberValue,
    StringValue,
    Value,
)
from .errors import UnsupportedSchema

__all__ = [
    "argument",
    "constant",
    "decode_string",
    "field_refs",
    "string_arg",
]


def decode_string(value: StringValue) -> str:
    """The string a literal stands for: Prisma's escapes are JSON's (control characters allowed)."""
    try:
        decoded = json.loads(value.text, strict=False)
    except ValueError:
        return value.text[1:-1]
    return decoded if isinstance(decoded, str) else value.text[1:-1]


def argument(attr: FieldAttribute, name: str, *, positional: bool = False) -> Value | None:
    """The value of argument ``name`` of ``attr``; also the first positional one when ``positional``."""
    args: tuple[Argument, ...] = attr.arguments or ()
    for arg in args:
        if arg.name == name:
            return arg.value
    if positional:
        for arg in args:
            if arg.name is None:
                return arg.value
    return None


def string_arg(attr: FieldAttribute | None, name: str, *, positional: bool = False) -> str | None:
    """A string argument (``map: "x"``), or None when absent."""
    if attr is None:
        return None
    value = argument(attr, name, positional=positional)
    if value is None:
        return None
    if not isinstance(value, StringValue):
        raise UnsupportedSchema(f"@{attr.name}: argument {name!r} must be a string")
    return decode_string(value)


def constant(value: Value | None, what: str) -> str:
    """A bare identifier value (``Cascade``, ``Gin``, ``Desc``)."""
    if isinstance(value, ConstantValue):
        return value.name
    raise UnsupportedSchema(f"{what} must be a name")


def field_refs(value: Value | None, what: str) -> list[tuple[str, dict[str, Value]]]:
    """``[a, b(sort: Desc)]`` as ``[("a", {}), ("b", {"sort": Desc})]``."""
    if value is None:
        raise UnsupportedSchema(f"{what} needs a list of fields")
    items = value.items if isinstance(value, ArrayValue) else (value,)
    out: list[tuple[str, dict[str, Value]]] = []
    for item in items:
        if isinstance(item, ConstantValue):
            out.append((item.name, {}))
        elif isinstance(item, FunctionCall):
            args = {a.name: a.value for a in item.arguments if a.name is not None and a.value is not None}
            out.append((item.name, args))
        else:
            raise UnsupportedSchema(f"{what}: {item!r} is not a field reference")
    return out


def number_text(value: Value | None) -> str | None:
    """The source text of a number literal."""
    return value.text if isinstance(value, NumberValue) else None


def attributes(field: FieldDecl, name: str) -> list[FieldAttribute]:
    """Every attribute of ``field`` called ``name``."""
    return [a for a in field.attributes if a.name == name]
