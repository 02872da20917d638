"""Attribute argument values as Prisma shows and coerces them.

Prisma quotes a value in its messages the way it prints it back
(``foo(x: 1,"a")``, ``[1,2]``), and names its kind (``numeric``, ``string``,
``literal``, ``functional``, ``array``); a coercion that fails says both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nodes import ArrayValue, ConstantValue, FunctionCall, NumberValue, ObjectValue, StringValue

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..nodes import Argument, FieldAttribute, Value

__all__ = ["attributes_hold_object", "describe", "display", "integer", "is_boolean", "string_literal"]

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def string_literal(value: str) -> str:
    """``value`` quoted and escaped as Prisma prints a string (other control characters as ``\\u00XX``)."""
    out = ['"']
    for c in value:
        esc = _ESCAPES.get(c)
        if esc is not None:
            out.append(esc)
        elif ord(c) < 0x20:
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def _argument(a: Argument) -> str:
    value = "" if a.value is None else display(a.value)
    return value if a.name is None else f"{a.name}: {value}"


def display(value: Value) -> str:
    """The value as Prisma writes it in a message (no spaces after commas)."""
    if isinstance(value, StringValue):
        return string_literal(value.value)
    if isinstance(value, NumberValue):
        return value.text
    if isinstance(value, ConstantValue):
        return value.name
    if isinstance(value, FunctionCall):
        return f"{value.name}({','.join(_argument(a) for a in value.arguments)})"
    if isinstance(value, ArrayValue):
        return f"[{','.join(display(v) for v in value.items)}]"
    return "{ " + ", ".join(f"{m.key}: {display(m.value)}" for m in value.members) + " }"


def describe(value: Value) -> str:
    """The kind of value, in Prisma's words."""
    if isinstance(value, NumberValue):
        return "numeric"
    if isinstance(value, StringValue):
        return "string"
    if isinstance(value, ConstantValue):
        return "literal"
    if isinstance(value, FunctionCall):
        return "functional"
    if isinstance(value, ObjectValue):
        return "object"
    return "array"


def integer(value: Value) -> int | None:
    """A number literal that reads as a 64-bit integer (Rust's ``i64`` parse), else None."""
    if not isinstance(value, NumberValue):
        return None
    text = value.text
    digits = text[1:] if text[:1] in "+-" else text
    if not digits.isdigit() or not digits.isascii():
        return None
    n = int(text)
    return n if -(2**63) <= n < 2**63 else None


def is_boolean(value: Value) -> bool:
    return isinstance(value, ConstantValue) and value.name in ("true", "false")


def _holds_object(value: Value | None) -> bool:
    if isinstance(value, ObjectValue):
        return True
    if isinstance(value, ArrayValue):
        return any(_holds_object(v) for v in value.items)
    if isinstance(value, FunctionCall):
        return any(_holds_object(a.value) for a in value.arguments)
    return False


def attributes_hold_object(attrs: Iterable[FieldAttribute]) -> bool:
    """Whether an argument of these attributes is or holds an object (``{ ... }``, which Prisma 6 cannot read)."""
    return any(_holds_object(a.value) for attr in attrs for a in attr.arguments or ())
