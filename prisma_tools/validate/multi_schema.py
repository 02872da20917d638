"""Multi-schema: ``@@schema`` against the datasource's ``schemas``, and database names unique per schema.

With a connector that supports several schemas, every ``@@schema`` must name
one of the datasource's ``schemas`` and, once ``schemas`` is given, every
model, view and enum needs a ``@@schema``; other connectors take no
``@@schema`` at all. Two models (or views) may share a table name only in
different schemas, and so may two enums.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nodes import StringValue
from .config_values import items_of
from .datasource_checks import MULTI_SCHEMA_CONNECTORS, connector, last_setting
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
DUPLICATE_TABLE_NAME = rule(
    "E854",
    "duplicate-table-name",
    'The model with database name "{db_name}" could not be defined because another model or view '
    'with this name exists: "{other}"',
)
DUPLICATE_ENUM_NAME = rule(
    "E855", "duplicate-enum-database-name", "An enum with the same database name is already defined."
)

# connectors without enums (their enums are rejected elsewhere)
_NO_ENUMS = frozenset({"sqlserver"})


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
    _table_names(ctx)
    if conn not in _NO_ENUMS:
        _enum_names(ctx)


def _schema_attribute(attributes: tuple[BlockAttribute, ...]) -> BlockAttribute | None:
    for a in attributes:
        if a.name == "schema":
            return a
    return None


def _table_names(ctx: Context) -> None:
    # Prisma keeps the last block per (schema, name) and puts the error on a @@map
    seen: dict[tuple[str | None, str], FieldBlockInfo] = {}
    for block in (*ctx.db.models, *ctx.db.views):
        key = (block.schema, block.db_name)
        existing = seen.get(key)
        seen[key] = block
        if existing is None:
            continue
        own_map = block.block_attributes("map")
        if own_map:
            ctx.report(DUPLICATE_TABLE_NAME, block.file, own_map[0], db_name=block.db_name, other=existing.name)
            continue
        other_map = existing.block_attributes("map")
        if other_map:
            ctx.report(DUPLICATE_TABLE_NAME, existing.file, other_map[0], db_name=block.db_name, other=block.name)


def _enum_names(ctx: Context) -> None:
    seen: set[tuple[str | None, str]] = set()
    for enum in ctx.db.enums:
        key = (enum.schema, enum.db_name)
        if key in seen:
            ctx.report(DUPLICATE_ENUM_NAME, enum.file, enum.node)
        seen.add(key)
