"""PostgreSQL and CockroachDB index types (GiST, GIN, SP-GiST, BRIN) against the fields they index.

Each index type takes some column types by default and others only with an
operator class (``ops:``); an operator class belongs to one or two index
types and to some native types. The tables below say which, as Prisma's
PostgreSQL connector does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .capabilities import connector
from .keys import ATTRIBUTE_ERROR, Key, KeyField, attribute_span, model_keys

if TYPE_CHECKING:
    from .context import Context

PHASE = "validations"
ORDER = 41

_KNOWN_NATIVE = frozenset(
    (
        "Text", "Char", "VarChar", "Bit", "VarBit", "Uuid", "Xml", "Inet", "Citext", "Boolean", "SmallInt",
        "Integer", "Oid", "BigInt", "Real", "DoublePrecision", "Decimal", "Money", "Timestamp", "Timestamptz",
        "Date", "Time", "Timetz", "Json", "JsonB", "ByteA",
    )
)  # fmt: skip

# The index types an operator class can be used with.
_OPCLASS_TYPES: dict[str, frozenset[str]] = {
    "InetOps": frozenset({"Gist", "SpGist"}),
    "JsonbOps": frozenset({"Gin"}),
    "JsonbPathOps": frozenset({"Gin"}),
    "ArrayOps": frozenset({"Gin"}),
    "TextOps": frozenset({"SpGist"}),
}


def _family(prefix: str, kinds: str = "Bloom MinMax MinMaxMulti") -> tuple[str, ...]:
    return tuple(f"{prefix}{k}Ops" for k in kinds.split())


# BRIN: the operator classes each native type accepts (None: the default one).
_BRIN_NATIVE: dict[str, tuple[str | None, ...]] = {
    "Bit": (None, "BitMinMaxOps"),
    "VarBit": (None, "VarBitMinMaxOps"),
    "Char": (None, "BpcharBloomOps", "BpcharMinMaxOps"),
    "Date": (None, *_family("Date")),
    "Real": (None, *_family("Float4")),
    "DoublePrecision": (None, *_family("Float8")),
    "Inet": (None, "InetInclusionOps", *_family("Inet")),
    "SmallInt": (None, *_family("Int2")),
    "Integer": (None, *_family("Int4")),
    "BigInt": (None, *_family("Int8")),
    "Decimal": (None, *_family("Numeric")),
    "Oid": (None, *_family("Oid")),
    "ByteA": (None, *_family("Bytea", "Bloom MinMax")),
    "Text": (None, *_family("Text", "Bloom MinMax")),
    "VarChar": (None, *_family("Text", "Bloom MinMax")),
    "Timestamp": (None, *_family("Timestamp")),
    "Timestamptz": (None, *_family("TimestampTz")),
    "Time": (None, *_family("Time")),
    "Timetz": (None, *_family("TimeTz")),
    "Uuid": (None, *_family("Uuid")),
}

# BRIN without a native type: the scalar type an operator class wants.
_BRIN_SCALAR: dict[str, str] = {
    **dict.fromkeys(_family("Float8"), "Float"),
    **dict.fromkeys(_family("Int4"), "Int"),
    **dict.fromkeys(_family("Int8"), "BigInt"),
    **dict.fromkeys(_family("Numeric"), "Decimal"),
    **dict.fromkeys(_family("Bytea", "Bloom MinMax"), "Bytes"),
    **dict.fromkeys(_family("Text", "Bloom MinMax"), "String"),
    **dict.fromkeys(_family("Timestamp"), "DateTime"),
}

# The scalar types each index type takes without native type nor operator class.
_DEFAULT_SCALARS = {
    "Gist": frozenset({"String"}),
    "SpGist": frozenset({"String"}),
    "Brin": frozenset({"String", "Bytes", "DateTime", "Float", "Int", "BigInt", "Decimal"}),
}

for _ops in _BRIN_NATIVE.values():
    for _op in _ops:
        if _op is not None:
            _OPCLASS_TYPES.setdefault(_op, frozenset({"Brin"}))


def _native(kf: KeyField) -> str | None:
    for a in kf.field.node.attributes:
        if "." in a.name:
            return a.name.split(".", 1)[1]
    return None


class _Index:
    def __init__(self, ctx: Context, index: Key) -> None:
        self.ctx = ctx
        self.index = index
        self.algo = index.algorithm or "BTree"

    def error(self, message: str) -> None:
        block = self.index.block
        self.ctx.report(
            ATTRIBUTE_ERROR,
            block.file,
            attribute_span(block.file.text, self.index.attribute),
            attribute=self.index.attribute_name,
            detail=message,
        )

    def check(self) -> None:
        algo = self.algo
        for kf in self.index.fields:
            if kf.ops == "raw":
                continue
            op = kf.ops
            if op is not None and algo not in _OPCLASS_TYPES.get(op, frozenset()):
                self.error(f"The given operator class `{op}` is not supported with the `{algo}` index type.")
                continue
            if algo in ("BTree", "Hash"):
                continue
            getattr(self, algo.lower())(kf, op)

    def scalar(self, kf: KeyField) -> str:
        t = kf.field.type
        return t.name if t.kind == "scalar" else t.kind

    def fallback(self, kf: KeyField, op: str | None) -> None:
        """What is left: a native type or operator class the index type does not take, or the wrong field type."""
        native, name = _native(kf), kf.name
        if native is not None and op is not None:
            self.error(f"The given operator class `{op}` does not support native type `{native}` of field `{name}`.")
        elif native is not None:
            self.error(f"The {self.algo} index field type `{native}` has no default operator class.")
        elif op is not None:
            self.error(f"The given operator class `{op}` expects the field `{name}` to define a valid native type.")
        elif kf.field.type.kind != "unsupported" and not self.takes(kf):
            self.error(f"The {self.algo} index type does not support the type of the field `{name}`.")

    def takes(self, kf: KeyField) -> bool:
        if self.algo == "Gin":
            return self.scalar(kf) == "Json" or kf.field.is_list
        return self.scalar(kf) in _DEFAULT_SCALARS.get(self.algo, frozenset())

    def not_of(self, kf: KeyField, op: str, wanted: str) -> None:
        self.error(f"The given operator class `{op}` points to the field `{kf.name}` that is not of {wanted} type.")

    def known(self, kf: KeyField) -> str | None:
        native = _native(kf)
        return native if native in _KNOWN_NATIVE else None

    def gist(self, kf: KeyField, op: str | None) -> None:
        if not (self.known(kf) == "Inet" and op == "InetOps"):
            self.fallback(kf, op)

    def gin(self, kf: KeyField, op: str | None) -> None:
        native, is_json = self.known(kf), self.scalar(kf) == "Json"
        if (native is None and op is None and is_json) or (op is None and kf.field.is_list):
            return
        if native == "JsonB" and op in ("JsonbOps", "JsonbPathOps", None):
            return
        if native is None and op in ("JsonbOps", "JsonbPathOps"):
            if not is_json:
                self.not_of(kf, op, "Json")
            return
        if op == "ArrayOps":
            if not kf.field.is_list and len(kf.path) == 1:
                self.error(f"The given operator class `ArrayOps` expects the type of field `{kf.name}` to be an array.")
            return
        self.fallback(kf, op)

    def spgist(self, kf: KeyField, op: str | None) -> None:
        native, is_string = self.known(kf), self.scalar(kf) == "String"
        if native == "Inet" and op in ("InetOps", None):
            return
        if native is None and op is None and is_string:
            return
        if native is None and op == "TextOps":
            if not is_string:
                self.not_of(kf, op, "String")
            return
        if native in ("Text", "VarChar", "Char") and op in ("TextOps", None):
            return
        self.fallback(kf, op)

    def brin(self, kf: KeyField, op: str | None) -> None:
        native = self.known(kf)
        if native is not None and op in _BRIN_NATIVE.get(native, ()):
            return
        if native is None and op is None and self.takes(kf):
            return
        if native is None and op in _BRIN_SCALAR:
            if self.scalar(kf) != _BRIN_SCALAR[op]:
                self.not_of(kf, op, _BRIN_SCALAR[op])
            return
        self.fallback(kf, op)


def _xml(ctx: Context, index: Key) -> None:
    """PostgreSQL cannot index an XML column."""
    for kf in index.fields:
        if _native(kf) == "Xml":
            block = index.block
            message = (
                "Native type `Xml` cannot be unique in Postgres."
                if index.kind == "unique"
                else "You cannot define an index on fields with native type `Xml` of Postgres."
            )
            ctx.report(ATTRIBUTE_ERROR, block.file, ctx.line_span(block.file, kf.field.node), message=message)
            return


def _cockroach_inverted(ctx: Context, index: Key) -> None:
    """CockroachDB's GIN (inverted) indexes: no operator classes, JSON or list columns, JSON only last."""
    gin = _Index(ctx, index)
    for i, kf in enumerate(index.fields):
        if kf.ops is not None:
            gin.error("Custom operator classes are not supported with the current connector.")
            return
        if kf.field.type.kind != "unsupported" and not gin.takes(kf):
            gin.error(f"The Gin index type does not support the type of the field `{kf.name}`.")
        if gin.scalar(kf) == "Json" and i < len(index.fields) - 1:
            gin.error("A `Json` column is only allowed as the last column of an inverted index.")


def check(ctx: Context) -> None:
    conn = connector(ctx.db)
    if conn is not None and conn.provider == "cockroachdb":
        for keys in model_keys(ctx).values():
            for index in keys.indexes:
                if index.algorithm == "Gin":
                    _cockroach_inverted(ctx, index)
        return
    if conn is None or conn.provider != "postgresql":
        return
    for keys in model_keys(ctx).values():
        for index in keys.indexes:
            _xml(ctx, index)
            _Index(ctx, index).check()
            if index.algorithm == "SpGist" and len(index.fields) != 1:
                _Index(ctx, index).error("SpGist does not support multi-column indices.")
