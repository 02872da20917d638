"""What a connector cannot store: Json, Decimal and scalar lists per provider.

Also the ``Unsupported("...")`` types that the connector does support as a
native type (Prisma suggests the ``@db.X`` notation instead).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .connectors import Connector, connector_for
from .native_types import instance_name, parse_arguments
from .rules import rule

if TYPE_CHECKING:
    from ..resolve import FieldBlockInfo, FieldInfo
    from .context import Context
    from .rules import Rule

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
UNSUPPORTED_IS_NATIVE = rule(
    "E613",
    "unsupported-is-native-type",
    'Error validating: The type `Unsupported("{literal}")` you specified in the type definition for the field '
    "`{field}` is supported as a native type by Prisma. Please use the native type notation "
    "`{scalar} @{datasource}.{native}` for full support.",
)

_UNSUPPORTED_LITERAL = re.compile(r"^(?P<prefix>[^(]+)(?:\((?P<params>.*?)\))?(?P<suffix>.+)?$", re.DOTALL)

PHASE = "validations"
ORDER = 30


def check(ctx: Context) -> None:
    ds = ctx.db.datasource
    connector = connector_for(ds.active_provider if ds is not None else None)
    if connector is None:
        return
    # autoincrement() and MongoDB's defaults, ids and field names are default_values', database_names' and
    # key_rules' concern; enums enum_support's
    for model in ctx.db.models + ctx.db.views:
        for f in model.fields:
            if f.type.kind in ("scalar", "enum", "unsupported"):
                _field(ctx, connector, f)


def _container(model: FieldBlockInfo) -> str:
    return "view" if model.kind == "view" else "model"


def _field(ctx: Context, connector: Connector, f: FieldInfo) -> None:
    t = f.type
    found: list[tuple[Rule, dict[str, str]]] = []
    if t == _JSON:
        if not connector.json:
            found.append((FIELD_TYPE_UNSUPPORTED, {"type": "Json", "what": "Json"}))
        if f.is_list and not connector.json_lists:
            found.append((FIELD_TYPE_UNSUPPORTED, {"type": "Json[]", "what": "Json List"}))
    elif t == _DECIMAL and not connector.decimal:
        found.append((FIELD_TYPE_UNSUPPORTED, {"type": "Decimal", "what": "Decimal"}))
    if f.is_list and not connector.scalar_lists:
        found.append((SCALAR_LIST_UNSUPPORTED, {}))
    unsupported = t.kind == "unsupported"
    if not found and not unsupported:
        return  # most fields: their position and names are needed only to report
    where = ctx.line_span(f.file, f.node)
    names = {"field": f.name, "container": _container(f.parent), "model": f.parent.name}
    for rule_, values in found:
        ctx.report(rule_, f.file, where, **values, **names)
    if unsupported:
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


from ..resolve import TypeRef  # noqa: E402

_JSON = TypeRef("scalar", "Json")
_DECIMAL = TypeRef("scalar", "Decimal")
