"""Defaults, as the validations proper (psl-core) and the connectors judge them.

Literals must parse (JSON, RFC 3339, base64, decimals, 64-bit integers);
functions the attribute pass left alone must be known to the connector;
``auto()``, ``autoincrement()`` and named defaults need connector support.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nodes import ArrayValue, FunctionCall, NumberValue, StringValue
from ..resolve import EnumInfo, arg
from . import literals, values
from .attribute_args import ATTRIBUTE_ERROR, TYPE_MISMATCH, attribute_span, value_span
from .defaults import KNOWN_FUNCTIONS, UNKNOWN_FUNCTION
from .rules import rule

if TYPE_CHECKING:
    from ..nodes import FieldAttribute, Node, Value
    from ..resolve import FieldBlockInfo, FieldInfo, SourceFile
    from .context import Context

UNEXPECTED_SEQUENCE_ARGUMENT = rule(
    "E322", "unexpected-sequence-argument", "Unexpected argument in `sequence()` function call"
)

FIELD_ERROR = rule("E323", "invalid-field-default", "Error validating field `{field}` in {kind} `{model}`: {detail}")

PHASE = "validations"
ORDER = 30

# What each provider allows of autoincrement(): (at all, several per model, on a non-id field, on a non-indexed field).
_AUTOINCREMENT = {
    "postgresql": (True, True, True, True),
    "cockroachdb": (True, True, True, True),
    "sqlserver": (True, True, True, True),
    "mysql": (True, False, True, False),
    "sqlite": (True, False, False, False),
    "mongodb": (False, False, False, False),
}
_PARSERS = {
    "Json": ("JSON string", StringValue, literals.json_error),
    "Bytes": ("base64 string", StringValue, literals.bytes_error),
    "DateTime": ("rfc3339 datetime string", StringValue, literals.datetime_error),
    "Int": ("integer", NumberValue, literals.integer_error),
    "BigInt": ("integer", NumberValue, literals.integer_error),
    "Decimal": ("decimal", StringValue, literals.decimal_error),
}


def check(ctx: Context) -> None:
    db = ctx.db
    provider = db.provider
    for top in db.tops:
        if db.names.get(top.name) is not top or isinstance(top, EnumInfo):
            continue
        if top.kind in ("model", "view"):
            _model(ctx, top, provider)
        elif top.kind == "type":
            for f in top.fields:
                value = _default_value(f)
                if value is not None and f.type.kind == "scalar":
                    _literal(ctx, f.file, f.type.name, value)


def _default_value(f: FieldInfo) -> Value | None:
    attr = f.attribute("default")
    if attr is None:
        return None
    a = arg(attr, "value")
    return None if a is None else a.value


def _model(ctx: Context, model: FieldBlockInfo, provider: str | None) -> None:
    autoincrement: list[tuple[FieldInfo, FieldAttribute]] = []
    for f in model.fields:
        attr = f.attribute("default")
        if attr is None or f.type.kind not in ("scalar", "enum", "unsupported", "composite"):
            continue
        value = _default_value(f)
        if value is None:
            continue
        if isinstance(value, FunctionCall) and f.type.kind == "scalar":
            name = value.name
            if name == "sequence" and provider == "cockroachdb":
                _sequence_arguments(ctx, f.file, value)
            elif name not in KNOWN_FUNCTIONS:
                ctx.report(UNKNOWN_FUNCTION, f.file, value, name=name)
            if name == "auto" and provider != "mongodb":
                _error(ctx, f.file, value, "The current connector does not support the `auto()` function.")
            if name == "autoincrement":
                autoincrement.append((f, attr))
                if provider == "cockroachdb" and f.type.name != "BigInt":
                    _error(
                        ctx,
                        f.file,
                        attribute_span(f.file, attr),
                        "The `autoincrement()` default function is defined only on BigInt fields on CockroachDB. "
                        "Use sequence() if you want an autoincrementing Int field.",
                        attribute="default",
                    )
        if provider == "mongodb" and isinstance(value, FunctionCall):
            _mongodb_default(ctx, model, f, value.name)
        if arg(attr, "map", positional=None) is not None and provider != "sqlserver":
            _error(
                ctx,
                f.file,
                attribute_span(f.file, attr),
                "You defined a database name for the default value of a field on the model. "
                "This is not supported by the provider.",
            )
        if f.type.kind == "scalar":
            _literal(ctx, f.file, f.type.name, value)
    if autoincrement and provider in _AUTOINCREMENT and model.kind == "model":  # views are not checked
        _autoincrement(ctx, model, autoincrement, _AUTOINCREMENT[provider])


def _mongodb_default(ctx: Context, model: FieldBlockInfo, f: FieldInfo, function: str) -> None:
    """MongoDB generates ids with ``auto()`` (an ``@id`` ObjectId), and knows no ``dbgenerated()``."""
    messages = []
    if function == "dbgenerated":
        messages.append("The `dbgenerated()` function is not allowed with MongoDB. Please use `auto()` instead.")
    elif function == "auto":
        if not any(a.name.endswith(".ObjectId") for a in f.node.attributes):
            messages.append("MongoDB `@default(auto())` fields must have `ObjectId` native type.")
        pk = model.primary_key
        if f.attribute("id") is None and not (pk is not None and pk.field_names == (f.name,)):
            messages.append("MongoDB `@default(auto())` fields must have the `@id` attribute.")
    for message in messages:
        ctx.report(
            FIELD_ERROR,
            f.file,
            ctx.line_span(f.file, f.node),
            field=f.name,
            kind=model.kind,
            model=model.name,
            detail=message,
        )


_SEQUENCE_NUMBERS = ("cache", "increment", "minValue", "maxValue", "start")


def _sequence_arguments(ctx: Context, file: SourceFile, call: FunctionCall) -> None:
    """CockroachDB's ``sequence(virtual: Boolean, cache/increment/minValue/maxValue/start: Int)``."""
    for a in call.arguments:
        if a.value is None:
            continue
        if a.name in _SEQUENCE_NUMBERS:
            if values.integer(a.value) is None:
                _mismatch(ctx, file, "numeric", a.value)
        elif a.name == "virtual":
            if not values.is_boolean(a.value):
                _mismatch(ctx, file, "boolean", a.value)
        else:
            ctx.report(UNEXPECTED_SEQUENCE_ARGUMENT, file, a)


def _mismatch(ctx: Context, file: SourceFile, expected: str, value: Value) -> None:
    ctx.report(
        TYPE_MISMATCH,
        file,
        value_span(file, value),
        expected=expected,
        kind=values.describe(value),
        raw=values.display(value),
    )


def _literal(ctx: Context, file: SourceFile, scalar: str, value: Value) -> None:
    if isinstance(value, ArrayValue):
        for item in value.items:
            _literal(ctx, file, scalar, item)
        return
    parser = _PARSERS.get(scalar)
    if parser is None:
        return
    what, kind, parse = parser
    if not isinstance(value, kind):
        return
    text = value.value if isinstance(value, StringValue) else value.text
    details = parse(text)
    if details is None:
        return
    _error(
        ctx,
        file,
        value,
        f'Parse error: "{text}" is not a valid {what}. ({details})',
        attribute="default" if scalar == "Decimal" else "@default",
    )


def _autoincrement(
    ctx: Context,
    model: FieldBlockInfo,
    fields: list[tuple[FieldInfo, FieldAttribute]],
    allowed: tuple[bool, bool, bool, bool],
) -> None:
    supported, several, non_id, non_indexed = allowed
    if not supported:
        for f, attr in fields:
            _error(
                ctx,
                f.file,
                attribute_span(f.file, attr),
                "The `autoincrement()` default value is used with a datasource that does not support it.",
            )
        return
    if not several and len(fields) > 1:
        _error(
            ctx,
            model.file,
            model.node,
            "The `autoincrement()` default value is used multiple times on this model even though the underlying "
            "datasource only supports one instance per table.",
        )
    pk = model.primary_key
    firsts = {i.fields[0].name for i in model.indexes if i.fields}
    for f, _attr in fields:
        where = ctx.line_span(f.file, f.node)
        if not non_id and not (pk is not None and pk.field_names == (f.name,)):
            _error(
                ctx,
                f.file,
                where,
                "The `autoincrement()` default value is used on a non-id field even though the datasource does not "
                "support this.",
            )
        if not non_indexed and f.name not in firsts:
            _error(
                ctx,
                f.file,
                where,
                "The `autoincrement()` default value is used on a non-indexed field even though the datasource does "
                "not support this.",
            )


def _error(
    ctx: Context,
    file: SourceFile,
    where: Node | tuple[int, int],
    message: str,
    attribute: str = "@default",
) -> None:
    ctx.report(ATTRIBUTE_ERROR, file, where, attribute=attribute, detail=message)
