"""The field lists of ``@@id``, ``@@index``, ``@@unique`` and ``@@fulltext``, as Prisma's attribute pass reads them.

Each item is a field name (``a``, ``a.b`` for a composite path) or a call
carrying its arguments (``a(sort: Desc, length: 10, ops: JsonbPathOps)``).
Only the kinds of values are checked here; what the fields are is the index
validations' business.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nodes import ArrayValue, ConstantValue, FunctionCall, StringValue
from .rules import rule

if TYPE_CHECKING:
    from ..nodes import Argument, Value
    from .attribute_args import Visit

__all__ = ["check_field_list"]

UNEXPECTED_TOKEN = rule("E347", "index-field-argument", "Unexpected token. Expected one of: {expected}")

OPERATOR_CLASSES = frozenset(
    [
        "InetOps",
        "JsonbOps",
        "JsonbPathOps",
        "ArrayOps",
        "TextOps",
        "BitMinMaxOps",
        "VarBitMinMaxOps",
        "BpcharBloomOps",
        "BpcharMinMaxOps",
        "ByteaBloomOps",
        "ByteaMinMaxOps",
        "DateBloomOps",
        "DateMinMaxOps",
        "DateMinMaxMultiOps",
        "Float4BloomOps",
        "Float4MinMaxOps",
        "Float4MinMaxMultiOps",
        "Float8BloomOps",
        "Float8MinMaxOps",
        "Float8MinMaxMultiOps",
        "InetInclusionOps",
        "InetBloomOps",
        "InetMinMaxOps",
        "InetMinMaxMultiOps",
        "Int2BloomOps",
        "Int2MinMaxOps",
        "Int2MinMaxMultiOps",
        "Int4BloomOps",
        "Int4MinMaxOps",
        "Int4MinMaxMultiOps",
        "Int8BloomOps",
        "Int8MinMaxOps",
        "Int8MinMaxMultiOps",
        "NumericBloomOps",
        "NumericMinMaxOps",
        "NumericMinMaxMultiOps",
        "OidBloomOps",
        "OidMinMaxOps",
        "OidMinMaxMultiOps",
        "TextBloomOps",
        "TextMinMaxOps",
        "TimestampBloomOps",
        "TimestampMinMaxOps",
        "TimestampMinMaxMultiOps",
        "TimestampTzBloomOps",
        "TimestampTzMinMaxOps",
        "TimestampTzMinMaxMultiOps",
        "TimeBloomOps",
        "TimeMinMaxOps",
        "TimeMinMaxMultiOps",
        "TimeTzBloomOps",
        "TimeTzMinMaxOps",
        "TimeTzMinMaxMultiOps",
        "UuidBloomOps",
        "UuidMinMaxOps",
        "UuidMinMaxMultiOps",
    ]
)
"""The operator classes (``ops:``) Prisma names; ``raw("...")`` gives any other."""


def check_field_list(v: Visit, value: Value) -> bool:
    """Check the kinds of a field list's items and arguments; False when an item is no name nor call."""
    ok = True
    for item in value.items if isinstance(value, ArrayValue) else (value,):
        if isinstance(item, FunctionCall):
            _arguments(v, item)
        elif not isinstance(item, ConstantValue):
            v.mismatch("constant literal", item)
            ok = False
    return ok


def _arguments(v: Visit, call: FunctionCall) -> None:
    # Prisma reads the first argument of each name and ignores the others.
    first: dict[str, Argument] = {}
    for a in call.arguments:
        if a.name is not None and a.value is not None:
            first.setdefault(a.name, a)
    sort = first.get("sort")
    if sort is not None:
        name = v.constant(sort.value)
        if name is not None and name not in ("Asc", "Desc"):
            v.ctx.report(UNEXPECTED_TOKEN, v.file, sort, expected="Asc, Desc")
    length = first.get("length")
    if length is not None:
        v.integer(length.value)
    ops = first.get("ops")
    if ops is not None:
        _operator_class(v, ops)


def _operator_class(v: Visit, ops: Argument) -> None:
    value = ops.value
    if isinstance(value, ConstantValue):
        if value.name not in OPERATOR_CLASSES:
            v.ctx.report(UNEXPECTED_TOKEN, v.file, value, expected=f"Invalid operator class: {value.name}")
    elif isinstance(value, FunctionCall):
        if value.name != "raw":
            return  # Prisma stops there (it has no message for it)
        if len(value.arguments) != 1:
            expected = f"Wrong number of arguments. Expected: 1, got: {len(value.arguments)}"
            v.ctx.report(UNEXPECTED_TOKEN, v.file, value, expected=expected)
        elif not isinstance(value.arguments[0].value, StringValue):
            v.ctx.report(UNEXPECTED_TOKEN, v.file, value, expected="Invalid parameter type: expected string")
    else:
        v.ctx.report(UNEXPECTED_TOKEN, v.file, ops, expected="operator class")
