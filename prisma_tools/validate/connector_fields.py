"""What a connector cannot store: Json, Decimal, scalar lists, enums, ``autoincrement()`` and MongoDB's rules.

Also the ``Unsupported("...")`` types that the connector does support as a
native type (Prisma suggests the ``@db.X`` notation instead).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..nodes import FunctionCall
from ..resolve import arg
from .connectors import Connector, connector_for
from .native_types import instance_name, native_type_attribute, parse_arguments
from .rules import rule

if TYPE_CHECKING:
    from ..resolve import FieldBlockInfo, FieldInfo
    from .context import Context

FIELD_TYPE_UNSUPPORTED = rule(
    "E610",
    "field-type-unsupported",
    "Error validating field `{field}` in {container} `{model}`: Field `{field}` in {container} `{model}` "
    "can't be of type {type}. The current connector does not support the {what} type.",
)
SCALAR_LIST_UNSUPPORTED = rule(
    "E611",
    "scalar-list-unsupported",
    'Field "{field}" in {container} "{model}" can\'t be a list. '
    "The current connector does not support lists of primitive types.",
)
ENUM_UNSUPPORTED = rule(
    "E612",
    "enum-unsupported",
    "Error validating: You defined the enum `{name}`. But the current connector does not support enums.",
)
UNSUPPORTED_IS_NATIVE = rule(
    "E613",
    "unsupported-is-native-type",
    'Error validating: The type `Unsupported("{literal}")` you specified in the type definition for the field '
    "`{field}` is supported as a native type by Prisma. Please use the native type notation "
    "`{scalar} @{datasource}.{native}` for full support.",
)
AUTOINCREMENT = rule("E614", "autoincrement-unsupported", 'Error parsing attribute "@default": {detail}')
COCKROACH_AUTOINCREMENT = rule(
    "E615",
    "cockroach-autoincrement-int",
    'Error parsing attribute "default": The `autoincrement()` default function is defined only on BigInt fields '
    "on CockroachDB. Use sequence() if you want an autoincrementing Int field.",
)
MONGO_NO_ID = rule(
    "E616",
    "mongodb-id-required",
    "Invalid model: MongoDB models require exactly one identity field annotated with @id",
)
MONGO_FIELD = rule("E617", "mongodb-field", "Error validating field `{field}` in {container} `{model}`: {detail}")
MONGO_MAP_NAME = rule("E618", "mongodb-field-name", 'Error parsing attribute "@map": {detail}')

_UNSUPPORTED_LITERAL = re.compile(r"^(?P<prefix>[^(]+)(?:\((?P<params>.*?)\))?(?P<suffix>.+)?$", re.DOTALL)

_NO_AUTOINCREMENT = "The `autoincrement()` default value is used with a datasource that does not support it."
_MULTIPLE_AUTOINCREMENT = (
    "The `autoincrement()` default value is used multiple times on this model even though the underlying "
    "datasource only supports one instance per table."
)
_NON_ID_AUTOINCREMENT = (
    "The `autoincrement()` default value is used on a non-id field even though the datasource does not support this."
)
_NON_INDEXED_AUTOINCREMENT = (
    "The `autoincrement()` default value is used on a non-indexed field even though the datasource "
    "does not support this."
)


PHASE = "validations"
ORDER = 30


def check(ctx: Context) -> None:
    ds = ctx.db.datasource
    connector = connector_for(ds.active_provider if ds is not None else None)
    if connector is None:
        return
    for model in ctx.db.models + ctx.db.views:
        _autoincrement(ctx, connector, model)
        if connector.provider == "mongodb":
            _mongo_model(ctx, model)
        for f in model.fields:
            if f.type.kind in ("scalar", "enum", "unsupported"):
                _field(ctx, connector, f)
    if not connector.enums:
        for e in ctx.db.enums:
            ctx.report(ENUM_UNSUPPORTED, e.file, e.node, name=e.name)


def _container(model: FieldBlockInfo) -> str:
    return "view" if model.kind == "view" else "model"


def _field(ctx: Context, connector: Connector, f: FieldInfo) -> None:
    where = ctx.line_span(f.file, f.node)
    names = {"field": f.name, "container": _container(f.parent), "model": f.parent.name}
    if f.type == _JSON:
        if not connector.json:
            ctx.report(FIELD_TYPE_UNSUPPORTED, f.file, where, type="Json", what="Json", **names)
        if f.is_list and not connector.json_lists:
            ctx.report(FIELD_TYPE_UNSUPPORTED, f.file, where, type="Json[]", what="Json List", **names)
    elif f.type == _DECIMAL and not connector.decimal:
        ctx.report(FIELD_TYPE_UNSUPPORTED, f.file, where, type="Decimal", what="Decimal", **names)
    if f.is_list and not connector.scalar_lists:
        ctx.report(SCALAR_LIST_UNSUPPORTED, f.file, where, **names)
    if f.type.kind == "unsupported":
        _unsupported(ctx, connector, f, where)


def _unsupported(ctx: Context, connector: Connector, f: FieldInfo, where: tuple[int, int]) -> None:
    ds = ctx.db.datasource
    if ds is None or connector.provider == "mongodb":
        return
    literal = _literal(f.type.name)
    m = _UNSUPPORTED_LITERAL.match(literal)
    if m is None:
        return
    nt = connector.native_types.get(m.group("prefix").strip())
    if nt is None:
        return
    params = m.group("params")
    args = [] if params is None else [p.strip() for p in params.split(",")]
    values = parse_arguments(nt, args)
    if values is None:
        return
    ctx.report(
        UNSUPPORTED_IS_NATIVE,
        f.file,
        where,
        literal=literal,
        field=f.name,
        scalar=connector.suggested_scalar(nt),
        datasource=ds.name,
        native=instance_name(nt, values),
    )


def _literal(type_name: str) -> str:
    """``Unsupported("circle")`` -> ``circle`` (the decoded string)."""
    import json

    inner = type_name[type_name.find("(") + 1 : type_name.rfind(")")].strip()
    try:
        value = json.loads(inner)
    except ValueError:
        return inner.strip('"')
    return value if isinstance(value, str) else inner


def _default_function(f: FieldInfo) -> str | None:
    attr = f.attribute("default")
    value = arg(attr, "value") if attr is not None else None
    return value.value.name if value is not None and isinstance(value.value, FunctionCall) else None


def _autoincrement(ctx: Context, connector: Connector, model: FieldBlockInfo) -> None:
    fields = [f for f in model.fields if f.type.kind == "scalar" and _default_function(f) == "autoincrement"]
    if not fields:
        return
    if connector.provider == "cockroachdb":
        for f in fields:
            if f.type.name == "Int":
                ctx.report(COCKROACH_AUTOINCREMENT, f.file, f.attribute("default"))
    if not connector.autoincrement:
        for f in fields:
            ctx.report(AUTOINCREMENT, f.file, f.attribute("default"), detail=_NO_AUTOINCREMENT)
        return
    if not connector.autoincrement_multiple and len(fields) > 1:
        ctx.report(AUTOINCREMENT, model.file, model.node, detail=_MULTIPLE_AUTOINCREMENT)
    pk = model.primary_key
    firsts = {i.fields[0].name for i in model.indexes if i.fields}
    for f in fields:
        where = ctx.line_span(f.file, f.node)
        if not connector.autoincrement_non_id and (pk is None or pk.field_names != (f.name,)):
            ctx.report(AUTOINCREMENT, f.file, where, detail=_NON_ID_AUTOINCREMENT)
        if not connector.autoincrement_non_indexed and f.name not in firsts:
            ctx.report(AUTOINCREMENT, f.file, where, detail=_NON_INDEXED_AUTOINCREMENT)


def _mapped_name(f: FieldInfo) -> str | None:
    return f.db_name if f.attribute("map") is not None else None


def _mongo_model(ctx: Context, model: FieldBlockInfo) -> None:
    container = _container(model)
    pk = model.primary_key
    if pk is None:
        ctx.report(MONGO_NO_ID, model.file, model.node)
    elif len(pk.fields) == 1:
        f = model.field(pk.fields[0].name)
        mapped = _mapped_name(f) if f is not None else None
        if f is not None and f.name != "_id" and mapped != "_id":
            detail = 'MongoDB model IDs must have an @map("_id") annotation'
            detail += "." if mapped is None else f', found @map("{mapped}").'
            _mongo_field(ctx, f, container, detail)
    pk_fields = set(pk.field_names) if pk is not None else set()
    for f in model.fields:
        if f.type.kind not in ("scalar", "enum", "unsupported"):
            continue
        function = _default_function(f)
        if function == "auto":
            nt = native_type_attribute(f)
            if nt is None or nt.name.partition(".")[2] != "ObjectId":
                _mongo_field(ctx, f, container, "MongoDB `@default(auto())` fields must have `ObjectId` native type.")
            if f.name not in pk_fields:
                _mongo_field(ctx, f, container, "MongoDB `@default(auto())` fields must have the `@id` attribute.")
        elif function == "dbgenerated":
            _mongo_field(
                ctx,
                f,
                container,
                "The `dbgenerated()` function is not allowed with MongoDB. Please use `auto()` instead.",
            )
        mapped = _mapped_name(f)
        if mapped is not None:
            where = f.attribute("map")
            if mapped.startswith("$"):
                ctx.report(MONGO_MAP_NAME, f.file, where, detail="The field name cannot start with a `$` character")
            if "." in mapped:
                ctx.report(MONGO_MAP_NAME, f.file, where, detail="The field name cannot contain a `.` character")


def _mongo_field(ctx: Context, f: FieldInfo, container: str, detail: str) -> None:
    where = ctx.line_span(f.file, f.node)
    ctx.report(MONGO_FIELD, f.file, where, field=f.name, container=container, model=f.parent.name, detail=detail)


from ..resolve import TypeRef  # noqa: E402

_JSON = TypeRef("scalar", "Json")
_DECIMAL = TypeRef("scalar", "Decimal")
