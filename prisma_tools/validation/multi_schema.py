"""Multi-schema: ``@@schema`` against the datasource's ``schemas``.

With a connector that supports several schemas, every ``@@schema`` must name
one of the datasource's ``schemas`` and, once ``schemas`` is given, every
model, view and enum needs a ``@@schema``; other connectors take no
``@@schema`` at all. (Database names unique per schema: database_names.py.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nodes import StringValue
from .config_values import items_of
from .configuration import MULTI_SCHEMA_CONNECTORS, last_setting
from .datasource_checks import connector
from .rules import rule

if TYPE_CHECKING:
    from ..nodes import BlockAttribute
    from ..resolve import EnumInfo, FieldBlockInfo
    from .context import Context

SCHEMA_NOT_DEFINED = rule(
    "E850",
    "schema-not-in-datasource",
    "This schema is not defined in the datasource. Read more on `@@schema` at https://pris.ly/d/multi-schema",
)
SCHEMA_NOT_SUPPORTED = rule(
    "E851", "schema-attribute-not-supported", "@@schema is not supported on the current datasource provider"
)
MODEL_SCHEMA_MISSING = rule(
    "E852",
    "schema-attribute-missing",
    'Error validating {kind} "{name}": This {kind} is missing an `@@schema` attribute.',
)
ENUM_SCHEMA_MISSING = rule("E853", "enum-schema-attribute-missing", "This enum is missing an `@@schema` attribute.")


PHASE = "validations"
ORDER = 40


def check(ctx: Context) -> None:
    conn = connector(ctx)
    ds = ctx.db.datasource
    schemas_setting = None if ds is None or conn is None else last_setting(ds.node, "schemas")
    declared: set[str] | None = None
    if schemas_setting is not None and schemas_setting.value is not None:
        declared = {i.value for i in items_of(schemas_setting.value) if isinstance(i, StringValue)}
    multi = conn in MULTI_SCHEMA_CONNECTORS
    blocks: list[FieldBlockInfo | EnumInfo] = [*ctx.db.models, *ctx.db.views, *ctx.db.enums]
    for block in blocks:
        attr = _schema_attribute(block.node.attributes)
        arg = attr.arguments[0].value if attr is not None and attr.arguments else None
        if isinstance(arg, StringValue):
            if not multi:
                ctx.report(SCHEMA_NOT_SUPPORTED, block.file, arg)
            elif ds is not None and arg.value not in (declared or ()):
                ctx.report(SCHEMA_NOT_DEFINED, block.file, arg)
        elif attr is None and multi and declared is not None:
            if block.kind == "enum":
                ctx.report(ENUM_SCHEMA_MISSING, block.file, block.node)
            else:
                ctx.report(MODEL_SCHEMA_MISSING, block.file, block.node, kind=block.kind, name=block.name)


def _schema_attribute(attributes: tuple[BlockAttribute, ...]) -> BlockAttribute | None:
    for a in attributes:
        if a.name == "schema":
            return a
    return None
