"""Primary keys, unique constraints, indexes and shard keys as Prisma's parser database reads them.

``@id``, ``@unique``, ``@shardKey`` on fields and ``@@id``, ``@@unique``,
``@@index``, ``@@fulltext``, ``@@shardKey`` on models and views: their
arguments are read (and checked) here, their field lists resolved against the
model (following composite types where Prisma does). What is read is kept as
:class:`ModelKeys` for the validations of :mod:`.key_rules`.

This module reports the arguments its attributes do not take (``No such
argument.``); whether an attribute is known or repeated is the generic
attribute check's concern.
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

ATTRIBUTE_PASS = False
"""Off: the attribute pass (:mod:`.attributes`) reports the shape of these attributes (unknown, missing and
ambiguous arguments, the values of ``map``/``name``/``type``/``clustered``/``sort``/``where``, one ``@id``
per model, relation fields marked ``@id``/``@unique``, shard keys, keys in composite types), and this
module only what that pass leaves to the index validations (the field lists of ids and indexes and the
arguments of their fields). The reports behind this flag are the same messages at the same spans; they
are due to be deleted once nothing reads them."""
GENERIC_ARGUMENT_CHECKS = ATTRIBUTE_PASS

ATTRIBUTE_ERROR = rule("E501", "key-attribute", 'Error parsing attribute "{attribute}": {detail}')
MODEL_ERROR = rule("E502", "key-model", 'Error validating model "{model}": {detail}')
VALUE_MISMATCH = rule("E503", "key-argument-type", "Expected a {expected} value, but received {actual} value `{text}`.")
NO_SUCH_ARGUMENT = rule("E504", "key-unknown-argument", "No such argument.")
MISSING_ARGUMENT = rule("E505", "key-missing-argument", 'Argument "{name}" is missing.')
PARSER_ERROR = rule("E506", "key-argument-value", "Unexpected token. Expected one of: {expected}")
DUPLICATE_ARGUMENT = rule("E508", "key-argument-twice", 'Argument "{name}" is already specified as unnamed argument.')
COMPOSITE_KEY = rule("E507", "key-in-composite-type", "Error validating: {detail}")

# What Prisma says of a key attribute in a composite type (the model holding the embed defines keys).
_COMPOSITE_FIELD_MESSAGES = {
    "id": "Defining `@id` attribute for a field in a composite type is not allowed.",
    "unique": "Defining `@unique` attribute for a field in a composite type is not allowed.",
}
_COMPOSITE_BLOCK_MESSAGES = {
    "id": "A composite type cannot define an id.",
    "index": "An index should be defined in the model containing the embed.",
    "unique": "A unique constraint should be defined in the model containing the embed.",
    "fulltext": "A fulltext index should be defined in the model containing the embed.",
    "shardKey": "A composite type cannot have block-level attributes.",
}

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

    def attr_error(self, attr: FieldAttribute, message: str, where: tuple[int, int] | None = None) -> None:
        """Prisma's attribute validation error from the parser database (``@name`` with one ``@``)."""
        if not ATTRIBUTE_PASS:
            return
        self.error(
            ATTRIBUTE_ERROR,
            where or attribute_span(self.text, attr),
            attribute="@" + attr.name,
            detail=message,
        )

    def model_error(self, where: tuple[int, int], message: str, *, shape: bool = False) -> None:
        if shape and not ATTRIBUTE_PASS:
            return
        self.error(MODEL_ERROR, where, model=self.block.name, detail=message)

    def mismatch(self, expected: str, value: Value, *, shape: bool = True) -> None:
        if shape and not ATTRIBUTE_PASS:
            return
        start, end = _offsets(value)
        self.error(
            VALUE_MISMATCH,
            (start, end),
            expected=expected,
            actual=_VALUE_KINDS.get(value.kind, value.kind),
            text=self.text[start:end],
        )

    def parser_error(self, where: tuple[int, int], expected: str) -> None:
        """An index field's argument Prisma cannot read (the attribute pass reports it when it runs)."""
        if ATTRIBUTE_PASS:
            self.error(PARSER_ERROR, where, expected=expected)

    # -- argument helpers

    def unknown_arguments(self, attr: FieldAttribute, known: frozenset[str], default: Argument | None) -> None:
        if not GENERIC_ARGUMENT_CHECKS:
            return
        for a in attr.arguments or ():
            if a is default or (a.name is None and "fields" in known):
                continue  # unnamed arguments besides the default one are left alone, as Prisma does
            if a.name is None or a.name not in known:
                self.error(NO_SUCH_ARGUMENT, _offsets(a))

    def default_argument(self, attr: FieldAttribute, name: str) -> Argument | None:
        """The named argument ``name`` or the unnamed one; reports what Prisma reports when missing or ambiguous."""
        args = attr.arguments or ()
        unnamed = [a for a in args if a.name is None]
        for a in args:
            if a.name == name:
                if unnamed and GENERIC_ARGUMENT_CHECKS:
                    self.error(DUPLICATE_ARGUMENT, _offsets(a), name=name)
                    return unnamed[0]
                return a
        if len(unnamed) > 1:
            if not GENERIC_ARGUMENT_CHECKS:
                return unnamed[-1]
            texts = ", ".join(self.text[slice(*_offsets(a))] for a in unnamed)
            self.attr_error(
                attr,
                "You provided multiple unnamed arguments. This is not possible. "
                f"Did you forget the brackets? Did you mean `[{texts}]`?",
            )
            return unnamed[-1]
        if unnamed:
            return unnamed[0]
        if GENERIC_ARGUMENT_CHECKS:
            self.error(MISSING_ARGUMENT, attribute_span(self.text, attr), name=name)
        return None

    def string_arg(self, attr: FieldAttribute, name: str, empty_message: str | None = None) -> str | None:
        a = _named(attr, name)
        if a is None or a.value is None:
            return None
        if not isinstance(a.value, StringValue):
            self.mismatch("string", a.value)
            return None
        value = a.value.value
        if value == "" and empty_message is not None:
            self.attr_error(attr, empty_message)
            return None
        return value

    def map_arg(self, attr: FieldAttribute) -> str | None:
        return self.string_arg(attr, "map", "The `map` argument cannot be an empty string.")

    def name_arg(self, attr: FieldAttribute) -> str | None:
        return self.string_arg(attr, "name", "The `name` argument cannot be an empty string.")

    def bool_arg(self, attr: FieldAttribute, name: str) -> bool | None:
        a = _named(attr, name)
        if a is None or a.value is None:
            return None
        if isinstance(a.value, ConstantValue) and a.value.name in ("true", "false"):
            return a.value.name == "true"
        self.mismatch("boolean", a.value)
        return None

    def constant_arg(self, attr: FieldAttribute, name: str) -> str | None:
        a = _named(attr, name)
        if a is None or a.value is None:
            return None
        if isinstance(a.value, ConstantValue):
            return a.value.name
        self.mismatch("constant", a.value)
        return None

    def integer_arg(self, attr: FieldAttribute, name: str) -> int | None:
        a = _named(attr, name)
        if a is None or a.value is None:
            return None
        return self.integer(a.value, shape=True)

    def integer(self, value: Value, *, shape: bool = False) -> int | None:
        if isinstance(value, NumberValue):
            try:
                return int(value.text)
            except ValueError:
                pass
        self.mismatch("numeric", value, shape=shape)
        return None

    def sort_arg(self, attr: FieldAttribute) -> str | None:
        sort = self.constant_arg(attr, "sort")
        if sort is None or sort in ("Asc", "Desc"):
            return sort
        self.attr_error(attr, f"The `sort` argument can only be `Asc` or `Desc` you provided: {sort}.")
        return None

    def where_arg(self, attr: FieldAttribute) -> Argument | None:
        """``where:`` (Prisma 7): a ``raw("...")`` call or an object literal over the model's fields."""
        a = _named(attr, "where")
        if a is None or a.value is None:
            return None
        value = a.value
        if isinstance(value, FunctionCall) and value.name == "raw":
            args = value.arguments
            if len(args) == 1 and isinstance(args[0].value, StringValue):
                return a
            if len(args) == 1 and args[0].value is not None:
                self.mismatch("string", args[0].value)
            self.attr_error(
                attr,
                "The `where` argument must be a raw() function with a string argument, "
                "e.g. `where: raw(\"status = 'active'\")`.",
            )
            return None
        if isinstance(value, ObjectValue):
            for m in value.members:
                if m.key not in self.fields:
                    self.attr_error(attr, f"Field '{m.key}' does not exist in model '{self.block.name}'.")
                    return None
            return a
        self.mismatch("function", value)
        self.attr_error(
            attr,
            "The `where` argument must be either a raw() function call or an object literal, "
            "e.g. `where: raw(\"status = 'active'\")` or `where: { active: true }`.",
        )
        return None

    # -- field lists

    def field_items(self, value: Value, with_args: bool) -> list[tuple[str, FunctionCall | None, Value]] | None:
        """The items of a field list (a single value counts as a list of one); None when one is not a field."""
        items = value.items if isinstance(value, ArrayValue) else (value,)
        out: list[tuple[str, FunctionCall | None, Value]] = []
        ok = True
        for item in items:
            if isinstance(item, ConstantValue):
                out.append((item.name, None, item))
            elif isinstance(item, FunctionCall) and with_args:
                out.append((item.name, item, item))
            else:
                self.mismatch("constant literal" if with_args else "constant", item)
                ok = False
        return out if ok else None

    def field_arguments(self, call: FunctionCall) -> tuple[str | None, int | None, str | None]:
        sort = length = ops = None
        args = call.arguments
        sort_arg = next((a for a in args if a.name == "sort"), None)
        if sort_arg is not None and sort_arg.value is not None:
            if isinstance(sort_arg.value, ConstantValue):
                if sort_arg.value.name in ("Asc", "Desc"):
                    sort = sort_arg.value.name
                else:
                    self.parser_error(_offsets(sort_arg), expected="Asc, Desc")
            else:
                self.mismatch("constant", sort_arg.value)  # the attribute pass reports it otherwise
        length_arg = next((a for a in args if a.name == "length"), None)
        if length_arg is not None and length_arg.value is not None:
            n = self.integer(length_arg.value)
            length = n if n is not None and n >= 0 else None
        ops_arg = next((a for a in args if a.name == "ops"), None)
        if ops_arg is not None and ops_arg.value is not None:
            v = ops_arg.value
            if isinstance(v, ConstantValue):
                if v.name in _OPERATOR_CLASSES:
                    ops = v.name
                else:
                    self.parser_error(_offsets(v), expected=f"Invalid operator class: {v.name}")
            elif isinstance(v, FunctionCall) and v.name == "raw":
                if len(v.arguments) != 1:
                    self.parser_error(
                        _offsets(v),
                        expected=f"Wrong number of arguments. Expected: 1, got: {len(v.arguments)}",
                    )
                elif isinstance(v.arguments[0].value, StringValue):
                    ops = "raw"
                else:
                    self.parser_error(_offsets(v), expected="Invalid parameter type: expected string")
            else:
                self.parser_error(_offsets(ops_arg), expected="operator class")
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
        relation = f.is_relation
        names = [a.name for a in attrs]  # a few: counting in a list beats a Counter
        for attr in attrs:
            if attr.name not in HANDLED_ATTRIBUTES or names.count(attr.name) > 1:
                continue  # a repeated attribute is reported by the attribute pass and read by no one
            if relation:
                self.relation_field_attribute(f, attr)
            elif attr.name == "id":
                self.field_id(f, attr)
            elif attr.name == "unique":
                self.field_unique(f, attr)
            elif attr.name == "shardKey":
                self.field_shard_key(f, attr)

    def relation_field_attribute(self, f: FieldInfo, attr: FieldAttribute) -> None:
        if attr.name == "id":
            self.attr_error(
                attr,
                f"The field `{f.name}` is a relation field and cannot be marked with `@id`. "
                "Only scalar fields can be declared as id.",
            )
        elif attr.name == "unique":
            underlying = self.relation_fields_of(f)
            if len(underlying) == 1:
                hint = f" Did you mean to put it on `{underlying[0]}`?"
            elif underlying:
                hint = f" Did you mean to provide `@@unique([{', '.join(underlying)}])`?"
            else:
                hint = ""
            self.attr_error(
                attr,
                f"The field `{f.name}` is a relation field and cannot be marked with `unique`. "
                f"Only scalar fields can be made unique.{hint}",
            )

    def relation_fields_of(self, f: FieldInfo) -> list[str]:
        for rf in self.ctx.db.relation_fields:
            if rf.field is f:
                return [n for n in rf.fields or () if n in self.fields and not self.fields[n].is_relation]
        return []

    def field_id(self, f: FieldInfo, attr: FieldAttribute) -> None:
        if self.keys.primary_key is not None:
            self.model_error(
                _offsets(self.block.node),
                "At most one field must be marked as the id field with the `@id` attribute.",
                shape=True,
            )
            self.unknown_arguments(attr, frozenset(), None)  # the second @id's arguments are not read
            return
        mapped = self.map_arg(attr)
        length = self.integer_arg(attr, "length")
        sort = self.sort_arg(attr)
        clustered = self.bool_arg(attr, "clustered")
        self.unknown_arguments(attr, frozenset({"map", "length", "sort", "clustered"}), None)
        self.keys.primary_key = Key(
            "id", self.block, attr, f, [KeyField((f,), sort, length)], map=mapped, clustered=clustered
        )

    def field_unique(self, f: FieldInfo, attr: FieldAttribute) -> None:
        mapped = self.map_arg(attr)
        length = self.integer_arg(attr, "length")
        sort = self.sort_arg(attr)
        clustered = self.bool_arg(attr, "clustered")
        known = {"map", "length", "sort", "clustered"}
        where = None
        if self.v7:
            known.add("where")
            where = self.where_arg(attr)
        self.unknown_arguments(attr, frozenset(known), None)
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
        self.unknown_arguments(attr, frozenset(), None)
        if self.keys.shard_key is not None:
            self.model_error(
                _offsets(self.block.node),
                "At most one field must be marked as the shard key with the `@shardKey` attribute.",
                shape=True,
            )
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
        resolved = False
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
                resolved = True
        known = {"fields", "map"}
        if kind in ("index", "unique"):
            known |= {"name", "clustered"}
            key.name = self.name_arg(attr)
        key.map = self.map_arg(attr)
        if kind == "index":
            known.add("type")
            if key.name is not None and key.map is not None:
                self.attr_error(
                    attr,
                    "The `@@index` attribute accepts the `name` argument as an alias for the `map` argument for "
                    "legacy reasons. It does not accept both though. Please use the `map` argument to specify "
                    "the database name of the index.",
                )
                key.map = None
            elif key.name is not None:
                key.map, key.name = key.name, None
            algorithm = self.constant_arg(attr, "type")
            if algorithm is not None and algorithm not in _INDEX_TYPES:
                self.attr_error(attr, f"Unknown index type: {algorithm}.")
                algorithm = None
            key.algorithm = algorithm
        if kind == "unique" and key.name is not None:
            self.client_name(attr, key.name, "@@unique")
        if kind in ("index", "unique"):
            key.clustered = self.bool_arg(attr, "clustered")
            if self.v7:
                known.add("where")
                key.where = self.where_arg(attr)
        self.unknown_arguments(attr, frozenset(known), fields_arg)
        if resolved or fields_arg is None:
            self.keys.indexes.append(key)
        else:
            # Prisma keeps an index whose fields did not resolve, with no fields
            self.keys.indexes.append(key)

    def client_name(self, attr: FieldAttribute, name: str, attribute: str) -> None:
        if all(c == "_" or (c.isascii() and c.isalnum()) for c in name):
            return
        self.model_error(
            attribute_span(self.text, attr),
            f"The `name` property within the `{attribute}` attribute only allows for the following characters: "
            "`_a-zA-Z0-9`.",
            shape=True,
        )

    def block_id(self, attr: FieldAttribute) -> None:
        fields_arg = self.default_argument(attr, "fields")
        if fields_arg is None or fields_arg.value is None:
            self.unknown_arguments(attr, frozenset({"fields", "name", "map", "clustered"}), fields_arg)
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
            self.unknown_arguments(attr, frozenset({"fields", "name", "map", "clustered"}), fields_arg)
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
        if name is not None:
            self.client_name(attr, name, "@@id")
        clustered = self.bool_arg(attr, "clustered")
        self.unknown_arguments(attr, frozenset({"fields", "name", "map", "clustered"}), fields_arg)
        self.keys.primary_key = Key("id", self.block, attr, None, fields, name=name, map=mapped, clustered=clustered)

    def block_shard_key(self, attr: FieldAttribute) -> None:
        self.keys.shard_key_attributes.append(attr)
        fields_arg = self.default_argument(attr, "fields")
        self.unknown_arguments(attr, frozenset({"fields"}), fields_arg)
        if fields_arg is None or fields_arg.value is None:
            return
        items = self.field_items(fields_arg.value, with_args=False)
        if items is None:
            return
        resolved: list[FieldInfo] = []
        unknown: list[str] = []
        relations: list[FieldInfo] = []
        seen: set[str] = set()
        for name, _, _ in items:
            f = self.fields.get(name) if "." not in name else None
            if f is None or f.type.kind == "unknown":
                unknown.append(name)
                continue
            if f.is_relation:
                relations.append(f)
                continue
            if name in seen:
                self.model_error(
                    attribute_span(self.text, attr),
                    f"The unique index definition refers to the field {name} multiple times.",
                    shape=True,
                )
                return
            seen.add(name)
            resolved.append(f)
        if unknown or relations:
            if unknown:
                self.model_error(
                    _offsets(fields_arg.value),
                    f"The multi field shard key declaration refers to the unknown {_fields_words(unknown)}.",
                    shape=True,
                )
            if relations:
                self.model_error(
                    attribute_span(self.text, attr),
                    f"The shard key definition refers to the relation {_fields_words([r.name for r in relations])}. "
                    "Shard key definitions must reference only scalar fields.",
                    shape=True,
                )
            return
        optional = [f.name for f in resolved if not f.is_required]
        if optional and not self.block.is_ignored:
            self.model_error(
                attribute_span(self.text, attr),
                f"The shard key definition refers to the optional {_fields_words(optional)}. "
                "Shard key definitions must reference only required fields.",
                shape=True,
            )
        if self.keys.shard_key is not None:
            self.model_error(
                _offsets(self.block.node),
                "Each model must have at most one shard key. "
                "You can't have `@shardKey` and `@@shardKey` at the same time.",
                shape=True,
            )
        self.keys.shard_key = ShardKey(attr, resolved, None)

    # -- after the attributes

    def arities(self) -> None:
        if self.block.is_ignored or not ATTRIBUTE_PASS:
            return
        pk = self.keys.primary_key
        if pk is not None and pk.source_field is not None and not pk.source_field.is_required:
            self.error(
                ATTRIBUTE_ERROR,
                attribute_span(self.text, pk.attribute),
                attribute="@id",
                detail="Fields that are marked as id must be required.",
            )
        sk = self.keys.shard_key
        if sk is not None and sk.source_field is not None and not sk.source_field.is_required:
            self.error(
                ATTRIBUTE_ERROR,
                attribute_span(self.text, sk.attribute),
                attribute="@shardKey",
                detail="Fields that are marked as shard keys must be required.",
            )

    def read(self) -> ModelKeys:
        for f in self.block.fields:
            self.field_attributes(f)
        self.block_attributes()
        self.arities()
        return self.keys


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


def _composite_types(ctx: Context) -> None:
    for ct in ctx.db.composite_types:
        for f in ct.fields:
            for a in f.node.attributes:
                message = _COMPOSITE_FIELD_MESSAGES.get(a.name)
                if message is not None:
                    ctx.report(COMPOSITE_KEY, ct.file, ctx.line_span(ct.file, f.node), detail=message)
        for a in ct.node.attributes:
            message = _COMPOSITE_BLOCK_MESSAGES.get(a.name)
            if message is not None:
                ctx.report(COMPOSITE_KEY, ct.file, attribute_span(ct.file.text, a), detail=message)


def check(ctx: Context) -> None:
    _read_all(ctx, report=True)
    if ATTRIBUTE_PASS:
        _composite_types(ctx)
