"""Native types (``@db.VarChar(191)``): the datasource prefix, the name, the arguments and the scalar type.

Prisma checks a native type in this order, stopping at the first failure
after the prefix: the type is known to the connector, the number of arguments
fits, the field's scalar type is one the native type can hold, the arguments
parse, and finally the connector's own limits (lengths, precisions). The
catalogue is :mod:`.connectors`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..nodes import ArrayValue, ConstantValue, FunctionCall, NumberValue, StringValue
from .connectors import Connector, NativeType, connector_for
from .rules import rule

if TYPE_CHECKING:
    from ..nodes import FieldAttribute, Value
    from ..resolve import FieldInfo, SourceFile
    from .context import Context

INVALID_PREFIX = rule(
    "E601",
    "native-type-prefix",
    "The prefix {given} is invalid. It must be equal to the name of an existing datasource e.g. {expected}. "
    "Did you mean to use {expected}.{name}?",
)
UNKNOWN_NATIVE_TYPE = rule(
    "E602", "unknown-native-type", "Native type {name} is not supported for {connector} connector."
)
NATIVE_TYPE_ARGUMENT_COUNT = rule(
    "E603", "native-type-argument-count", 'Function "{name}" takes {required} arguments, but received {given}.'
)
NATIVE_TYPE_OPTIONAL_ARGUMENT_COUNT = rule(
    "E604",
    "native-type-optional-argument-count",
    "Native type {name} takes {optional} optional arguments, but received {given}.",
)
INCOMPATIBLE_NATIVE_TYPE = rule(
    "E605",
    "incompatible-native-type",
    "Native type {name} is not compatible with declared field type {scalar}, expected field type {expected}.",
)
NATIVE_TYPE_ARGUMENT_VALUE = rule("E606", "native-type-argument-value", "Expected {description}, but found ({found}).")
SCALE_LARGER_THAN_PRECISION = rule(
    "E607",
    "native-type-scale",
    "The scale must not be larger than the precision for the {native} native type in {connector}.",
)
NATIVE_TYPE_ARGUMENT_RANGE = rule(
    "E608",
    "native-type-argument-range",
    "Argument M is out of range for native type `{native}` of {connector}: {detail}",
)

_U32 = re.compile(r"\+?[0-9]+")


PHASE = "validations"
ORDER = 40


def check(ctx: Context) -> None:
    for model in ctx.db.models + ctx.db.views:
        for f in model.fields:
            if f.type.kind == "scalar":
                check_field(ctx, f)


def native_type_attribute(f: FieldInfo) -> FieldAttribute | None:
    """The datasource-scoped attribute (``@db.X``) Prisma keeps for ``f``: the last one."""
    found = None
    for a in f.node.attributes:
        if "." in a.name:
            found = a
    return found


def attribute_span(file: SourceFile, attr: FieldAttribute) -> tuple[int, int]:
    """Prisma's span of an attribute: without parentheses it runs over the spaces that follow."""
    span = attr.span
    if span is None:
        return 0, 0
    start, end = span.start_offset, span.end_offset
    if attr.arguments is None:
        text = file.text
        while end < len(text) and text[end] in " \t":
            end += 1
    return start, end


def render(value: Value | None) -> str:
    """An argument as Prisma prints it back in messages."""
    if isinstance(value, NumberValue):
        return value.text
    if isinstance(value, StringValue):
        return value.text
    if isinstance(value, ConstantValue):
        return value.name
    if isinstance(value, FunctionCall):
        inner = ", ".join(render(a.value) for a in value.arguments)
        return f"{value.name}({inner})"
    if isinstance(value, ArrayValue):
        return "[" + ", ".join(render(v) for v in value.items) + "]"
    return ""


def check_field(ctx: Context, f: FieldInfo) -> None:
    """Every check of the native type of ``f`` (a scalar field of a model, view or composite type)."""
    attr = native_type_attribute(f)
    if attr is None:
        return
    file = f.file
    where = attribute_span(file, attr)
    scope, _, name = attr.name.partition(".")
    ds = ctx.db.datasource
    if ds is not None and ds.name != scope:
        ctx.report(INVALID_PREFIX, file, where, given=scope, expected=ds.name, name=name)
    connector = connector_for(ds.active_provider if ds is not None else None)
    if connector is None:
        return
    nt = connector.native_types.get(name)
    if nt is None:
        ctx.report(UNKNOWN_NATIVE_TYPE, file, where, name=name, connector=connector.provider)
        return
    args = [render(a.value) for a in attr.arguments or () if a.value is not None]
    given = len(args)
    if given < nt.required_args or (given > nt.required_args and nt.optional_args == 0):
        ctx.report(NATIVE_TYPE_ARGUMENT_COUNT, file, where, name=name, required=nt.required_args, given=given)
        return
    if given > nt.required_args + nt.optional_args:
        ctx.report(NATIVE_TYPE_OPTIONAL_ARGUMENT_COUNT, file, where, name=name, optional=nt.optional_args, given=given)
        return
    scalar = f.type.name
    if scalar not in nt.scalars:
        ctx.report(INCOMPATIBLE_NATIVE_TYPE, file, where, name=name, scalar=scalar, expected=" or ".join(nt.scalars))
        return
    values = parse_arguments(nt, args)
    if values is None:
        ctx.report(NATIVE_TYPE_ARGUMENT_VALUE, file, where, description=nt.description, found=", ".join(args))
        return
    problem = _limits(connector, nt, values, scalar)
    if problem is not None:
        native = instance_name(nt, values)
        if problem == "scale":
            ctx.report(SCALE_LARGER_THAN_PRECISION, file, where, native=native, connector=connector.name)
        else:
            ctx.report(NATIVE_TYPE_ARGUMENT_RANGE, file, where, native=native, connector=connector.name, detail=problem)


Parsed = tuple[int | str, ...]
"""Parsed arguments: integers, or ``"Max"`` for SQL Server lengths."""


def _int(text: str, bits: int) -> int | None:
    if not _U32.fullmatch(text):
        return None
    n = int(text)
    return n if n < (1 << bits) else None


def parse_arguments(nt: NativeType, args: list[str]) -> Parsed | None:
    """The arguments' values, or None when Prisma cannot read them (``-1``, ``1.5``, ``"x"``)."""
    if not args:
        return None if nt.required_args else ()
    if nt.args == "none":
        return ()  # Prisma ignores them here (only reachable through Unsupported("X(...)"))
    if nt.args == "opt_u32_pair":
        if len(args) != 2:
            return None
        a, b = _int(args[0], 32), _int(args[1], 32)
        return None if a is None or b is None else (a, b)
    if len(args) != 1:
        return None
    if nt.args == "opt_mssql_len":
        if args[0].lower() == "max":
            return ("Max",)
        n = _int(args[0], 16)
    else:
        n = _int(args[0], 32)
    return None if n is None else (n,)


def instance_name(nt: NativeType, values: Parsed) -> str:
    """The native type as Prisma prints it: ``Decimal(10,2)``, ``VarChar(Max)``."""
    if nt.args == "none" or not values:
        return nt.name
    return f"{nt.name}({','.join(str(v) for v in values)})"


def _limits(connector: Connector, nt: NativeType, values: Parsed, scalar: str) -> str | None:
    """The connector's range checks: "scale", a range message, or None when the arguments are fine."""
    if not values:
        return None
    name, provider = nt.name, connector.provider
    first = values[0]
    if provider in ("postgresql", "cockroachdb"):
        if name == "Decimal":
            p, s = _pair(values)
            if s > p:
                return "scale"
            if p > 1000 or p == 0:
                return "Precision must be positive with a maximum value of 1000."
        elif name in ("Bit", "VarBit") and first == 0:
            return "M must be a positive integer."
        elif name in ("Timestamp", "Timestamptz", "Time", "Timetz") and isinstance(first, int) and first > 6:
            return "M can range from 0 to 6."
        return None
    if provider == "mysql":
        return _mysql_limits(name, values, scalar)
    if provider == "sqlserver":
        return _mssql_limits(name, values)
    return None


def _pair(values: Parsed) -> tuple[int, int]:
    p, s = values
    return (p if isinstance(p, int) else 0), (s if isinstance(s, int) else 0)


def _mysql_limits(name: str, values: Parsed, scalar: str) -> str | None:
    first = values[0] if isinstance(values[0], int) else 0
    if name == "Decimal":
        p, s = _pair(values)
        if s > p:
            return "scale"
        if p > 65:
            return "Precision can range from 1 to 65."
        if s > 30:
            return "Scale can range from 0 to 30."
    elif name == "Bit":
        if first == 0 or first > 64:
            return "M can range from 1 to 64."
        if first > 1 and scalar == "Boolean":
            return "only Bit(1) can be used as Boolean."
    elif name == "Char" and first > 255:
        return "M can range from 0 to 255."
    elif name == "VarChar" and first > 65535:
        return "M can range from 0 to 65,535."
    return None


def _mssql_limits(name: str, values: Parsed) -> str | None:
    first = values[0]
    if name == "Decimal":
        p, s = _pair(values)
        if s > p:
            return "scale"
        if p == 0 or p > 38:
            return "Precision can range from 1 to 38."
        if s > 38:
            return "Scale can range from 0 to 38."
        return None
    if first == "Max" or not isinstance(first, int):
        return None
    if name == "Float" and (first == 0 or first > 53):
        return "Bits can range from 1 to 53."
    if name == "NVarChar" and first > 4000:
        return "Length can range from 1 to 4000. For larger sizes, use the `Max` variant."
    if name in ("VarChar", "VarBinary") and first > 8000:
        return "Length can range from 1 to 8000. For larger sizes, use the `Max` variant."
    if name == "NChar" and first > 4000:
        return "Length can range from 1 to 4000."
    if name in ("Char", "Binary") and first > 8000:
        return "Length can range from 1 to 8000."
    return None
