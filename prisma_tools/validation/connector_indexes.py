"""Native types a key cannot hold: MySQL's text and blob types without a length, SQL Server's heap types.

Also SQL Server does not accept ``Bytes`` in a primary key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .connectors import connector_for
from .native_types import attribute_span, instance_name, native_type_attribute, parse_arguments, render
from .rules import rule

if TYPE_CHECKING:
    from ..resolve import FieldBlockInfo, IndexInfo
    from .connectors import Connector
    from .context import Context

NATIVE_TYPE_IN_INDEX = rule(
    "E619",
    "native-type-in-index",
    "You cannot define an index on fields with native type `{native}` of {connector}.{guide}",
)
NATIVE_TYPE_IN_UNIQUE = rule(
    "E620", "native-type-in-unique", "Native type `{native}` cannot be unique in {connector}.{guide}"
)
NATIVE_TYPE_IN_ID = rule(
    "E621",
    "native-type-in-id",
    "Native type `{native}` of {connector} cannot be used on a field that is `@id` or `@@id`.{guide}",
)
BYTES_IN_ID = rule("E622", "bytes-in-id", "Invalid model: Using Bytes type is not allowed in the model's id.")

_LENGTH_GUIDE = " Please use the `length` argument to the field in the index definition to allow this."
_MYSQL_UNKEYABLE = frozenset(
    ["Text", "LongText", "MediumText", "TinyText", "Blob", "TinyBlob", "MediumBlob", "LongBlob"]
)
_MSSQL_HEAP = frozenset(["Text", "NText", "Image", "Xml", "VarBinary(Max)", "VarChar(Max)", "NVarChar(Max)"])


PHASE = "validations"
ORDER = 55


def check(ctx: Context) -> None:
    ds = ctx.db.datasource
    connector = connector_for(ds.active_provider if ds is not None else None)
    if connector is None or connector.provider not in ("mysql", "sqlserver"):
        return
    for model in ctx.db.models:
        for index in model.indexes:
            _index(ctx, connector, model, index)


def _native(connector: Connector, model: FieldBlockInfo, name: str) -> tuple[str | None, str]:
    """The field's native type as Prisma prints it (None if it has none, or an invalid one) and its scalar type."""
    f = model.field(name)
    if f is None or f.type.kind != "scalar":
        return None, ""
    attr = native_type_attribute(f)
    nt = connector.native_types.get(attr.name.partition(".")[2]) if attr is not None else None
    if attr is None or nt is None:
        return None, f.type.name
    values = parse_arguments(nt, [render(a.value) for a in attr.arguments or () if a.value is not None])
    return (None if values is None else instance_name(nt, values)), f.type.name


def _index(ctx: Context, connector: Connector, model: FieldBlockInfo, index: IndexInfo) -> None:
    where = attribute_span(model.file, index.attribute)
    mysql = connector.provider == "mysql"
    if mysql and index.kind == "fulltext":
        return
    guide = _LENGTH_GUIDE if mysql else ""
    for field in index.fields:
        native, scalar = _native(connector, model, field.name)
        bad = native is not None and (
            (mysql and native in _MYSQL_UNKEYABLE and field.length is None) or (not mysql and native in _MSSQL_HEAP)
        )
        if bad:
            rule_ = {"id": NATIVE_TYPE_IN_ID, "unique": NATIVE_TYPE_IN_UNIQUE}.get(index.kind, NATIVE_TYPE_IN_INDEX)
            ctx.report(rule_, model.file, where, native=native, connector=connector.name, guide=guide)
            return
        if not mysql and index.kind == "id" and scalar == "Bytes":
            ctx.report(BYTES_IN_ID, model.file, where)
            return
