"""Index arguments: access methods, sort orders and operator classes, as PostgreSQL names them."""

from __future__ import annotations

import re

from ..nodes import FunctionCall, StringValue, Value
from .ast_util import constant, decode_string
from .errors import UnsupportedSchema

__all__ = ["OPERATOR_CLASSES", "USING", "opclass", "sort_order", "using"]

# @@index(type: X) -> USING X; B-tree is the default and is not written.
USING = {"BTree": None, "Hash": "HASH", "Gist": "GIST", "Gin": "GIN", "SpGist": "SPGIST", "Brin": "BRIN"}

# The operator classes Prisma names (psl's OperatorClass), without raw("...").
_OPS_NAMES = re.findall(
    r"\w+",
    """
InetOps JsonbOps JsonbPathOps ArrayOps TextOps
BitMinMaxOps VarBitMinMaxOps BpcharBloomOps BpcharMinMaxOps ByteaBloomOps ByteaMinMaxOps
DateBloomOps DateMinMaxOps DateMinMaxMultiOps Float4BloomOps Float4MinMaxOps Float4MinMaxMultiOps
Float8BloomOps Float8MinMaxOps Float8MinMaxMultiOps InetInclusionOps InetBloomOps InetMinMaxOps
InetMinMaxMultiOps Int2BloomOps Int2MinMaxOps Int2MinMaxMultiOps Int4BloomOps Int4MinMaxOps
Int4MinMaxMultiOps Int8BloomOps Int8MinMaxOps Int8MinMaxMultiOps NumericBloomOps NumericMinMaxOps
NumericMinMaxMultiOps OidBloomOps OidMinMaxOps OidMinMaxMultiOps TextBloomOps TextMinMaxOps
TimestampBloomOps TimestampMinMaxOps TimestampMinMaxMultiOps TimestampTzBloomOps TimestampTzMinMaxOps
TimestampTzMinMaxMultiOps TimeBloomOps TimeMinMaxOps TimeMinMaxMultiOps TimeTzBloomOps TimeTzMinMaxOps
TimeTzMinMaxMultiOps UuidBloomOps UuidMinMaxOps UuidMinMaxMultiOps
""",
)


def _sql_opclass(name: str) -> str:
    # PostgreSQL spells some words glued: minmax, timestamptz, timetz, varbit.
    words = re.findall(r"MinMax|TimestampTz|TimeTz|VarBit|[A-Z][a-z0-9]*", name)
    return "_".join(w.lower() for w in words)


OPERATOR_CLASSES = {name: _sql_opclass(name) for name in _OPS_NAMES}


def using(value: Value | None) -> str | None:
    """The ``USING`` method of ``type: X`` (None for B-tree or no type)."""
    if value is None:
        return None
    name = constant(value, "@@index type")
    if name not in USING:
        raise UnsupportedSchema(f"@@index type {name} is not a PostgreSQL index type")
    return USING[name]


def sort_order(value: Value | None) -> str | None:
    """``sort: Desc`` -> ``DESC``; an explicit ``Asc`` is written too, as Prisma does."""
    if value is None:
        return None
    name = constant(value, "sort")
    if name not in ("Asc", "Desc"):
        raise UnsupportedSchema(f"sort order {name} is neither Asc nor Desc")
    return name.upper()


def opclass(value: Value | None) -> str | None:
    """``ops: JsonbPathOps`` -> ``jsonb_path_ops``; ``ops: raw("x")`` -> ``x``."""
    if value is None:
        return None
    if isinstance(value, FunctionCall) and value.name == "raw" and value.arguments:
        arg = value.arguments[0].value
        if isinstance(arg, StringValue):
            return decode_string(arg)
    name = constant(value, "ops")
    if name not in OPERATOR_CLASSES:
        raise UnsupportedSchema(f"operator class {name} is not known to prisma-tools")
    return OPERATOR_CLASSES[name]
