"""Primary keys, unique constraints, indexes and shard keys as Prisma's parser database reads them.

``@id``, ``@unique``, ``@shardKey`` on fields and ``@@id``, ``@@unique``,
``@@index``, ``@@fulltext``, ``@@shardKey`` on models and views: their
arguments are read (and checked) here, their field lists resolved against the
model (following composite types where Prisma does). What is read is kept as
:class:`ModelKeys` for the validations of :mod:`.key_rules`.

The shape of these attributes (unknown, missing, repeated or ambiguous
arguments, the type of each value, one ``@id`` per model, keys on relation
fields or in composite types) is the attribute pass's concern
(:mod:`.attributes`); this module reports only what that pass leaves to the
index validations: field lists that do not resolve, optional id fields, a
second id, client names, and a ``length`` that is not a number.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from ..nodes import ArrayValue, ConstantValue, FunctionCall, NumberValue, ObjectValue, StringValue
from .rules import Rule, rule

if TYPE_CHECKING:
    from ..nodes import Argument, FieldAttribute, Node, Value
    from ..resolve import FieldBlockInfo, FieldInfo, ResolvedSchema, SourceFile
    from .context import Context

__all__ = ["HANDLED_ATTRIBUTES", "Key", "KeyField", "ModelKeys", "attribute_span", "model_keys"]

PHASE = "database"
ORDER = 60

HANDLED_ATTRIBUTES = frozenset({"id", "unique", "index", "fulltext", "shardKey"})
"""The attributes (without ``@``) whose arguments this module checks."""


ATTRIBUTE_ERROR = rule("E501", "key-attribute", 'Error parsing attribute "{attribute}": {detail}')
MODEL_ERROR = rule("E502", "key-model", 'Error validating model "{model}": {detail}')
VALUE_MISMATCH = rule("E503", "key-argument-type", "Expected a {expected} value, but received {actual} value `{text}`.")

KeyKind = Literal["id", "unique", "index", "fulltext"]

_OPERATOR_CLASS_NAMES = (
    "InetOps JsonbOps JsonbPathOps ArrayOps TextOps BitMinMaxOps VarBitMinMaxOps BpcharBloomOps BpcharMinMaxOps "
    "ByteaBloomOps ByteaMinMaxOps DateBloomOps DateMinMaxOps DateMinMaxMultiOps Float4BloomOps Float4MinMaxOps "
    "Float4MinMaxMultiOps Float8BloomOps Float8MinMaxOps Float8MinMaxMultiOps InetInclusionOps InetBloomOps "
    "InetMinMaxOps InetMinMaxMultiOps Int2BloomOps Int2MinMaxOps Int2MinMaxMultiOps Int4BloomOps Int4MinMaxOps "
    "Int4MinMaxMultiOps Int8BloomOps Int8MinMaxOps Int8MinMaxMultiOps NumericBloomOps NumericMinMaxOps "
    "NumericMinMaxMultiOps OidBloomOps OidMinMaxOps OidMinMaxMultiOps TextBloomOps TextMinMaxOps "
    "TimestampBloomOps TimestampMinMaxOps TimestampMinMaxMultiOps TimestampTzBloomOps TimestampTzMinMaxOps "
    "TimestampTzMinMaxMultiOps TimeBloomOps TimeMinMaxOps TimeMinMaxMultiOps TimeTzBloomOps TimeTzMinMaxOps "
    "TimeTzMinMaxMultiOps UuidBloomOps UuidMinMaxOps UuidMinMaxMultiOps"
)
_OPERATOR_CLASSES = frozenset(_OPERATOR_CLASS_NAMES.split())
_INDEX_TYPES = ("BTree", "Hash", "Gist", "Gin", "SpGist", "Brin")


@dataclass(eq=False)
class KeyField:
    """A field of a key: the path from the model's field through composite types, and its arguments."""

    path: tuple[FieldInfo, ...]
    sort: str | None = None
    length: int | None = None
    ops: str | None = None
    """An operator class name, or ``raw`` for ``raw("...")``."""

    @property
    def field(self) -> FieldInfo:
        """The indexed field itself (the last of the path)."""
        return self.path[-1]

    @property
    def name(self) -> str:
        return self.path[-1].name


@dataclass(eq=False)
class Key:
    """One ``@id``/``@@id``, ``@unique``/``@@unique``, ``@@index`` or ``@@fulltext``, as read."""

    kind: KeyKind
    block: FieldBlockInfo
    attribute: FieldAttribute
    source_field: FieldInfo | None
    """The field it is written on (``@id``, ``@unique``), None for a block attribute."""
    fields: list[KeyField] = field(default_factory=list)
    name: str | None = None
    map: str | None = None
    clustered: bool | None = None
    algorithm: str | None = None
    where: Argument | None = None

    @property
    def attribute_name(self) -> str:
        return ("@" if self.source_field is not None else "@@") + self.attribute.name

    def argument(self, name: str) -> Argument | None:
        for a in self.attribute.arguments or ():
            if a.name == name:
                return a
        return None


@dataclass(eq=False)
class ShardKey:
    attribute: FieldAttribute
    fields: list[FieldInfo]
    source_field: FieldInfo | None


@dataclass(eq=False)
class ModelKeys:
    """What a model's or view's key attributes say."""

    primary_key: Key | None = None
    indexes: list[Key] = field(default_factory=list)
    """``@unique``, ``@@unique``, ``@@index`` and ``@@fulltext``: field attributes first, as Prisma lists them."""
    shard_key: ShardKey | None = None
    shard_key_attributes: list[FieldAttribute] = field(default_factory=list)
    """Every ``@shardKey`` / ``@@shardKey`` (the validations check each)."""


_CACHE: weakref.WeakKeyDictionary[ResolvedSchema, dict[str, ModelKeys]] = weakref.WeakKeyDictionary()


def model_keys(ctx: Context) -> dict[str, ModelKeys]:
    """The keys of every model and view, by name (read once per schema)."""
    found = _CACHE.get(ctx.db)
    if found is None:
        found = _read_all(ctx, report=False)
    return found


# ------------------------------------------------------------------ spans


def attribute_span(text: str, attr: Node) -> tuple[int, int]:
    """Prisma's range of an attribute.

    A field attribute runs through its closing parenthesis, or, without
    arguments, over the blanks after its name; a block attribute (``@@``) runs
    to the end of its line, blanks and comment included.
    """
    span = attr.span
    if span is None:
        return (0, 0)
    start, end = span.start_offset, span.end_offset
    i = start
    while i < end and text[i] == "@":
        i += 1
    block = i - start == 2
    while i < end and (text[i].isalnum() or text[i] in "_."):
        i += 1
    j = i
    while j < len(text) and text[j] in " \t":
        j += 1
    if j < end and text[j] == "(":
        j = _closing_parenthesis(text, j, end)
    if not block:
        return start, j
    nl = text.find("\n", j)
    line_end = len(text) if nl < 0 else nl
    if line_end > j and text[line_end - 1] == "\r":
        line_end -= 1
    return start, max(line_end, j)


def _closing_parenthesis(text: str, k: int, end: int) -> int:
    """The offset after the parenthesis closing the one at ``k`` (strings skipped); ``end`` if unclosed."""
    depth = 0
    while k < end:
        c = text[k]
        if c == '"':
            k += 1
            while k < end and text[k] != '"':
                k += 2 if text[k] == "\\" else 1
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                return k + 1
        k += 1
    return end


def _offsets(node: Node) -> tuple[int, int]:
    return (0, 0) if node.span is None else (node.span.start_offset, node.span.end_offset)


# ------------------------------------------------------------------ reading


_VALUE_KINDS = {
    "string": "string",
    "number": "numeric",
    "constant": "literal",
    "call": "functional",
    "array": "array",
    "object": "object",
}


class _Reader:
    """Reads the key attributes of one block, reporting (when asked) what Prisma reports."""

    def __init__(self, ctx: Context, block: FieldBlockInfo, report: bool) -> None:
        self.ctx = ctx
        self.block = block
        self.file: SourceFile = block.file
        self.text = block.file.text
        self.report = report
        self.keys = ModelKeys()
        self.fields = {f.name: f for f in block.fields}
        self.v7 = ctx.prisma_version >= 7

    # -- reporting

    def error(self, r: Rule, where: tuple[int, int], **values: str) -> None:
        if self.report:
            self.ctx.report(r, self.file, where, **values)

    def model_error(self, where: tuple[int, int], message: str) -> None:
        self.error(MODEL_ERROR, where, model=self.block.name, detail=message)

    # -- argument helpers

    def default_argument(self, attr: FieldAttribute, name: str) -> Argument | None:
        """The named argument ``name``, else the last unnamed one (the attribute pass reports ambiguities)."""
        args = attr.arguments or ()
        for a in args:
            if a.name == name:
                return a
        unnamed = [a for a in args if a.name is None]
        return unnamed[-1] if unnamed else None

    def string_arg(self, attr: FieldAttribute, name: str) -> str | None:
        """A string argument; None when absent, empty or not a string."""
        a = _named(attr, name)
        if a is None or not isinstance(a.value, StringValue):
            return None
        return a.value.value or None

    def map_arg(self, attr: FieldAttribute) -> str | None:
        return self.string_arg(attr, "map")

    def name_arg(self, attr: FieldAttribute) -> str | None:
        return self.string_arg(attr, "name")

    def bool_arg(self, attr: FieldAttribute, name: str) -> bool | None:
        a = _named(attr, name)
        if a is None or not isinstance(a.value, ConstantValue) or a.value.name not in ("true", "false"):
            return None
        return a.value.name == "true"

    def constant_arg(self, attr: FieldAttribute, name: str) -> str | None:
        a = _named(attr, name)
        return a.value.name if a is not None and isinstance(a.value, ConstantValue) else None

    def integer_arg(self, attr: FieldAttribute, name: str) -> int | None:
        a = _named(attr, name)
        return _integer(a.value) if a is not None and a.value is not None else None

    def sort_arg(self, attr: FieldAttribute) -> str | None:
        sort = self.constant_arg(attr, "sort")
        return sort if sort in ("Asc", "Desc") else None

    def where_arg(self, attr: FieldAttribute) -> Argument | None:
        """``where:`` (Prisma 7): a ``raw("...")`` call with a string, or an object literal over the model's fields."""
        a = _named(attr, "where")
        if a is None:
            return None
        value = a.value
        if isinstance(value, FunctionCall) and value.name == "raw":
            args = value.arguments
            return a if len(args) == 1 and isinstance(args[0].value, StringValue) else None
        if isinstance(value, ObjectValue) and all(m.key in self.fields for m in value.members):
            return a
        return None

    # -- field lists

    def field_items(self, value: Value, with_args: bool) -> list[tuple[str, FunctionCall | None, Value]] | None:
        """The items of a field list (a single value counts as a list of one); None when one is not a field."""
        items = value.items if isinstance(value, ArrayValue) else (value,)
        out: list[tuple[str, FunctionCall | None, Value]] = []
        for item in items:
            if isinstance(item, ConstantValue):
                out.append((item.name, None, item))
            elif isinstance(item, FunctionCall) and with_args:
                out.append((item.name, item, item))
            else:
                return None
        return out

    def field_arguments(self, call: FunctionCall) -> tuple[str | None, int | None, str | None]:
        """``(sort, length, ops)`` of ``field(sort: ..., length: ..., ops: ...)``; what is invalid is None."""
        first: dict[str | None, Value] = {}
        for a in call.arguments:
            if a.value is not None:
                first.setdefault(a.name, a.value)
        sort_value, length_value, ops_value = first.get("sort"), first.get("length"), first.get("ops")
        sort = sort_value.name if isinstance(sort_value, ConstantValue) and sort_value.name in ("Asc", "Desc") else None
        length = None
        if length_value is not None:
            length = _integer(length_value)
            if length is None:
                start, end = _offsets(length_value)
                kind = _VALUE_KINDS.get(length_value.kind, length_value.kind)
                self.error(VALUE_MISMATCH, (start, end), expected="numeric", actual=kind, text=self.text[start:end])
            elif length < 0:
                length = None
        ops = _operator_class(ops_value) if ops_value is not None else None
        return sort, length, ops

    def resolve(
        self, value: Value, follow_composites: bool
    ) -> tuple[list[KeyField] | None, list[str], list[FieldInfo], str | None]:
        """``(fields, unknown, relation fields, duplicate)``: fields is None when something failed."""
        items = self.field_items(value, with_args=True)
        if items is None:
            return None, [], [], None
        parsed = [
            (name, self.field_arguments(call) if call is not None else (None, None, None)) for name, call, _ in items
        ]
        out: list[KeyField] = []
        unknown: list[str] = []
        relations: list[FieldInfo] = []
        seen: set[tuple[int, ...]] = set()
        for name, (sort, length, ops) in parsed:
            path = self.resolve_path(name, follow_composites, unknown, relations)
            if path is None:
                continue
            ident = tuple(id(f) for f in path)
            if ident in seen:
                last = path[-1]
                shown = name if len(path) == 1 else f"{last.name} in type {last.parent.name}"
                return None, [], [], shown
            seen.add(ident)
            out.append(KeyField(path, sort, length, ops))
        if unknown or relations:
            return None, unknown, relations, None
        return out, unknown, relations, None

    def resolve_path(
        self, name: str, follow: bool, unknown: list[str], relations: list[FieldInfo]
    ) -> tuple[FieldInfo, ...] | None:
        if "." not in name:
            f = self.fields.get(name)
            if f is None or f.node.type is None:  # a field without a type is no field for Prisma
                unknown.append(name)
                return None
            if f.is_relation or f.type.kind == "unknown":
                relations.append(f)  # Prisma: a field that is not a scalar field (unknown types included)
                return None
            return (f,)
        if not follow:
            unknown.append(name)
            return None
        parts = name.split(".")
        first = self.fields.get(parts[0])
        if first is None:
            unknown.append(parts[0])
            return None
        if first.is_relation:
            relations.append(first)
            return None
        if first.type.kind != "composite":
            unknown.append(name)
            return None
        path = [first]
        current = first
        for i, part in enumerate(parts[1:], start=1):
            composite = self.ctx.db.names.get(current.type.name)
            nxt = None
            if composite is not None and composite.kind == "type":
                nxt = next((f for f in composite.fields if f.name == part), None)
            if nxt is None:
                unknown.append(f"{part} in type {current.type.name}")
                return None
            path.append(nxt)
            current = nxt
            if nxt.type.kind != "composite" and i < len(parts) - 1:
                unknown.append(name)
                return None
        return tuple(path)

    # -- field attributes

    def field_attributes(self, f: FieldInfo) -> None:
        attrs = f.node.attributes
        if not attrs or f.type.kind == "unknown":
            return
        if f.is_relation:
            return  # @id/@unique on a relation field is the attribute pass's report
        names = [a.name for a in attrs]  # a few: counting in a list beats a Counter
        for attr in attrs:
            if attr.name not in HANDLED_ATTRIBUTES or names.count(attr.name) > 1:
                continue  # a repeated attribute is reported by the attribute pass and read by no one
            if attr.name == "id":
                self.field_id(f, attr)
            elif attr.name == "unique":
                self.field_unique(f, attr)
            elif attr.name == "shardKey":
                self.field_shard_key(f, attr)

    def relation_fields_of(self, f: FieldInfo) -> list[str]:
        for rf in self.ctx.db.relation_fields:
            if rf.field is f:
                return [n for n in rf.fields or () if n in self.fields and not self.fields[n].is_relation]
        return []

    def field_id(self, f: FieldInfo, attr: FieldAttribute) -> None:
        if self.keys.primary_key is not None:
            return  # a second @id: the attribute pass reports it
        mapped = self.map_arg(attr)
        length = self.integer_arg(attr, "length")
        sort = self.sort_arg(attr)
        clustered = self.bool_arg(attr, "clustered")
        self.keys.primary_key = Key(
            "id", self.block, attr, f, [KeyField((f,), sort, length)], map=mapped, clustered=clustered
        )

    def field_unique(self, f: FieldInfo, attr: FieldAttribute) -> None:
        mapped = self.map_arg(attr)
        length = self.integer_arg(attr, "length")
        sort = self.sort_arg(attr)
        clustered = self.bool_arg(attr, "clustered")
        where = self.where_arg(attr) if self.v7 else None
        self.keys.indexes.append(
            Key(
                "unique",
                self.block,
                attr,
                f,
                [KeyField((f,), sort, length)],
                map=mapped,
                clustered=clustered,
                where=where,
            )
        )

    def field_shard_key(self, f: FieldInfo, attr: FieldAttribute) -> None:
        self.keys.shard_key_attributes.append(attr)
        if self.keys.shard_key is not None:
            return
        self.keys.shard_key = ShardKey(attr, [f], f)

    # -- block attributes

    def block_attributes(self) -> None:
        attrs = self.block.node.attributes
        first_id = next((a for a in attrs if a.name == "id"), None)
        if first_id is not None:
            self.block_id(first_id)
        kinds: tuple[KeyKind, ...] = ("index", "unique", "fulltext")
        for kind in kinds:
            for a in attrs:
                if a.name == kind:
                    self.block_index(a, kind)
        first_shard = next((a for a in attrs if a.name == "shardKey"), None)
        if first_shard is not None:
            self.block_shard_key(first_shard)

    def fields_problems(self, attr: FieldAttribute, kind: str, unknown: list[str], relations: list[FieldInfo]) -> None:
        span = attribute_span(self.text, attr)
        prefix = "unique " if kind == "unique" else ""
        if unknown:
            self.model_error(span, f"The {prefix}index definition refers to the unknown fields: {', '.join(unknown)}.")
        if relations:
            suggested = [n for r in relations for n in self.relation_fields_of(r)]
            hint = (
                f" Did you mean `@@{'unique' if kind == 'unique' else 'index'}([{', '.join(suggested)}])`?"
                if suggested
                else ""
            )
            self.model_error(
                span,
                f"The {prefix}index definition refers to the relation fields {', '.join(r.name for r in relations)}. "
                f"Index definitions must reference only scalar fields.{hint}",
            )

    def block_index(self, attr: FieldAttribute, kind: KeyKind) -> None:
        key = Key(kind, self.block, attr, None)
        fields_arg = self.default_argument(attr, "fields")
        if fields_arg is not None and fields_arg.value is not None:
            fields, unknown, relations, duplicate = self.resolve(fields_arg.value, follow_composites=True)
            if duplicate is not None:
                self.model_error(
                    attribute_span(self.text, attr),
                    f"The unique index definition refers to the field {duplicate} multiple times.",
                )
            elif fields is None:
                self.fields_problems(attr, kind, unknown, relations)
            else:
                key.fields = fields
        if kind in ("index", "unique"):
            key.name = self.name_arg(attr)
        key.map = self.map_arg(attr)
        if kind == "index":
            if key.name is not None and key.map is not None:
                key.map = None  # both: the attribute pass reports it, and Prisma keeps no name
            elif key.name is not None:
                key.map, key.name = key.name, None
            algorithm = self.constant_arg(attr, "type")
            key.algorithm = algorithm if algorithm in _INDEX_TYPES else None
        if kind in ("index", "unique"):
            key.clustered = self.bool_arg(attr, "clustered")
            if self.v7:
                key.where = self.where_arg(attr)
        # Prisma keeps an index whose fields did not resolve, with no fields
        self.keys.indexes.append(key)

    def block_id(self, attr: FieldAttribute) -> None:
        fields_arg = self.default_argument(attr, "fields")
        if fields_arg is None or fields_arg.value is None:
            return
        fields, unknown, relations, duplicate = self.resolve(fields_arg.value, follow_composites=False)
        if duplicate is not None:
            self.model_error(
                attribute_span(self.text, attr),
                f"The unique index definition refers to the field {duplicate} multiple times.",
            )
        if fields is None:
            if unknown:
                self.model_error(
                    _offsets(fields_arg.value),
                    f"The multi field id declaration refers to the unknown {_fields_words(unknown)}.",
                )
            if relations:
                self.model_error(
                    attribute_span(self.text, attr),
                    f"The id definition refers to the relation {_fields_words([r.name for r in relations])}. "
                    "ID definitions must reference only scalar fields.",
                )
            return
        optional = [kf.field.name for kf in fields if not kf.field.is_required]
        if optional:
            self.model_error(
                attribute_span(self.text, attr),
                f"The id definition refers to the optional {_fields_words(optional)}. "
                "ID definitions must reference only required fields.",
            )
        if self.keys.primary_key is not None:
            self.model_error(
                _offsets(self.block.node),
                "Each model must have at most one id criteria. You can't have `@id` and `@@id` at the same time.",
            )
        mapped = self.map_arg(attr)
        name = self.name_arg(attr)
        clustered = self.bool_arg(attr, "clustered")
        self.keys.primary_key = Key("id", self.block, attr, None, fields, name=name, map=mapped, clustered=clustered)

    def block_shard_key(self, attr: FieldAttribute) -> None:
        self.keys.shard_key_attributes.append(attr)
        fields_arg = self.default_argument(attr, "fields")
        if fields_arg is None or fields_arg.value is None:
            return
        items = self.field_items(fields_arg.value, with_args=False)
        if items is None:
            return
        resolved: list[FieldInfo] = []
        for name, _, _ in items:
            f = self.fields.get(name) if "." not in name else None
            if f is None or f.type.kind == "unknown" or f.is_relation or f in resolved:
                return  # the attribute pass's shard-key validations report these
            resolved.append(f)
        self.keys.shard_key = ShardKey(attr, resolved, None)

    def read(self) -> ModelKeys:
        for f in self.block.fields:
            self.field_attributes(f)
        self.block_attributes()
        return self.keys


def _integer(value: Value) -> int | None:
    if isinstance(value, NumberValue):
        try:
            return int(value.text)
        except ValueError:
            pass
    return None


def _operator_class(value: Value) -> str | None:
    """An operator class's name, ``raw`` for ``raw("...")``, None for anything else."""
    if isinstance(value, ConstantValue):
        return value.name if value.name in _OPERATOR_CLASSES else None
    if isinstance(value, FunctionCall) and value.name == "raw":
        args = value.arguments
        return "raw" if len(args) == 1 and isinstance(args[0].value, StringValue) else None
    return None


def _named(attr: FieldAttribute, name: str) -> Argument | None:
    for a in attr.arguments or ():
        if a.name == name:
            return a
    return None


def _fields_words(names: list[str]) -> str:
    """``field `a``` or ``fields `a`, `b``` as Prisma words a list of fields."""
    quoted = ", ".join(f"`{n}`" for n in names)
    return f"field {quoted}" if len(names) == 1 else f"fields {quoted}"


def _read_all(ctx: Context, report: bool) -> dict[str, ModelKeys]:
    out: dict[str, ModelKeys] = {}
    for block in ctx.db.models + ctx.db.views:
        out[block.name] = _Reader(ctx, block, report).read()
    _CACHE[ctx.db] = out
    return out


def check(ctx: Context) -> None:
    _read_all(ctx, report=True)
