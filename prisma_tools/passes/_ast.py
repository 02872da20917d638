"""Small readers and builders over AST nodes that several passes share."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from ..edit.members import add_attribute, update_member
from ..layout import without_layout
from ..nodes import (
    Argument,
    ArrayValue,
    BlockAttribute,
    CompositeType,
    ConstantValue,
    EnumBlock,
    FieldAttribute,
    FieldDecl,
    FunctionCall,
    Model,
    Node,
    Span,
    StringValue,
    View,
    field_items,
)
from ..printer import print_value

__all__ = [
    "DATA_BLOCKS",
    "SCALAR_TYPES",
    "DataBlock",
    "FieldBlock",
    "attribute_fields",
    "bare",
    "complete_relation",
    "ensure_unique",
    "field_list",
    "has_attribute",
    "is_unique_over",
    "make_relation",
    "name_array",
    "relation_attribute",
    "relation_name",
    "render_attribute",
    "render_field",
    "strip_comments",
    "unique_criterion",
    "with_relation_name",
    "where",
]

N = TypeVar("N", bound=Node)

FieldBlock = Model | View | CompositeType
DataBlock = Model | View | CompositeType | EnumBlock
DATA_BLOCKS = (Model, View, CompositeType, EnumBlock)

SCALAR_TYPES = frozenset(("String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes"))

_KIND_WORDS = {"model": "model", "view": "view", "type": "composite type", "enum": "enum"}


def kind_word(kind: str) -> str:
    """How Prisma's messages name a block kind: ``type`` is a "composite type"."""
    return _KIND_WORDS.get(kind, kind)


def where(path: str, span: Span | None) -> str:
    """``path:line`` (or ``path`` without a span), for messages that point elsewhere."""
    return path if span is None else f"{path}:{span.start.line}"


# ----------------------------------------------------------------- comparing


def _strip(value: Any) -> Any:
    if isinstance(value, tuple):
        return tuple(_strip(v) for v in value)
    if not isinstance(value, Node):
        return value
    update: dict[str, Any] = {}
    for name, v in field_items(value):
        if name in ("leading_comments", "footer_comments"):
            update[name] = ()
        elif name == "trailing_comment":
            update[name] = None
        elif isinstance(v, (Node, tuple)):
            update[name] = _strip(v)
    return value.model_copy(update=update) if update else value


def strip_comments(node: N) -> N:
    """``node`` without any comment (leading, trailing or footer), at any depth."""
    result: N = _strip(node)
    return result


def bare(node: N) -> N:
    """What a node means: layout and comments erased, for "same definition" comparisons."""
    return strip_comments(without_layout(node))


# ----------------------------------------------------------------- rendering


def _argument(a: Argument) -> str:
    value = "" if a.value is None else print_value(a.value)
    return value if a.name is None else f"{a.name}: {value}"


def render_attribute(a: FieldAttribute) -> str:
    """``@name(args)`` (``@@`` for a block attribute) in canonical spacing."""
    sigil = "@@" if isinstance(a, BlockAttribute) else "@"
    args = "" if a.arguments is None else "(" + ", ".join(_argument(x) for x in a.arguments) + ")"
    return sigil + a.name + args


def render_type(f: FieldDecl) -> str:
    t = f.type
    if t is None:
        return ""
    return t.name + ("[]" if t.list else "") + ("?" if t.optional else "")


def render_field(f: FieldDecl) -> str:
    """A field on one line, e.g. ``email String? @unique``."""
    return " ".join(x for x in (f.name, render_type(f), *(render_attribute(a) for a in f.attributes)) if x)


# ----------------------------------------------------------------- attributes


def has_attribute(attrs: Sequence[FieldAttribute], name: str) -> bool:
    return any(a.name == name for a in attrs)


def name_array(value: Any) -> tuple[str, ...] | None:
    """The names in ``[a, b]`` (``a(sort: Desc)`` counts as ``a``); None if it is not such a list."""
    if isinstance(value, ConstantValue):
        return (value.name,)
    if not isinstance(value, ArrayValue):
        return None
    names: list[str] = []
    for item in value.items:
        if isinstance(item, (ConstantValue, FunctionCall)):
            names.append(item.name)
        else:
            return None
    return tuple(names)


def attribute_fields(a: FieldAttribute) -> tuple[str, ...] | None:
    """The field list of ``@@id``/``@@unique``/``@@index``: the first positional or ``fields:`` argument."""
    arg = a.argument("fields") or a.argument(None)
    return None if arg is None or arg.value is None else name_array(arg.value)


def relation_attribute(f: FieldDecl) -> FieldAttribute | None:
    return f.attribute("relation")


def relation_name(f: FieldDecl) -> str | None:
    """The relation name: ``@relation("Name", ...)`` or ``@relation(name: "Name")``."""
    attr = relation_attribute(f)
    if attr is None:
        return None
    arg = attr.argument(None) or attr.argument("name")
    if arg is not None and isinstance(arg.value, StringValue):
        return arg.value.value
    return None


def field_list(f: FieldDecl, key: str) -> tuple[str, ...] | None:
    """``fields:`` or ``references:`` of the field's ``@relation``; None when absent."""
    attr = relation_attribute(f)
    arg = None if attr is None else attr.argument(key)
    if arg is None or arg.value is None:
        return None
    return name_array(arg.value)


def is_unique_over(block: FieldBlock, names: Sequence[str], *, include_id: bool = True) -> bool:
    """Whether ``@unique`` (or ``@id``), ``@@unique`` (or ``@@id``) covers exactly ``names``, in order.

    Prisma compares the list in order: ``@@unique([b, a])`` does not make ``[a, b]`` unique.
    """
    kinds = ("unique", "id") if include_id else ("unique",)
    target = tuple(names)
    if len(target) == 1:
        f = block.field(target[0])
        if f is not None and any(a.name in kinds for a in f.attributes):
            return True
    return any(a.name in kinds and attribute_fields(a) == target for a in block.attributes)


# ----------------------------------------------------------------- building


def names_value(names: Sequence[str]) -> ArrayValue:
    return ArrayValue(items=tuple(ConstantValue(name=n) for n in names))


def make_relation(
    name: str | None = None,
    fields: Sequence[str] | None = None,
    references: Sequence[str] | None = None,
) -> FieldAttribute:
    """``@relation("name", fields: [...], references: [...])`` with the parts given."""
    args: list[Argument] = []
    if name is not None:
        args.append(Argument(value=StringValue.of(name)))
    if fields is not None:
        args.append(Argument(name="fields", value=names_value(fields)))
    if references is not None:
        args.append(Argument(name="references", value=names_value(references)))
    return FieldAttribute(name="relation", arguments=tuple(args))


def with_relation_name(f: FieldDecl, name: str) -> FieldDecl:
    """``f`` with ``name`` as the first argument of its ``@relation`` (added if missing)."""
    arg = Argument(value=StringValue.of(name))
    attr = relation_attribute(f)
    if attr is None:
        return f.model_copy(update={"attributes": (*f.attributes, FieldAttribute(name="relation", arguments=(arg,)))})
    named = attr.model_copy(update={"arguments": (arg, *(attr.arguments or ()))})
    return f.model_copy(update={"attributes": tuple(named if a is attr else a for a in f.attributes)})


def complete_relation(f: FieldDecl, fields: Sequence[str] | None, references: Sequence[str] | None) -> FieldDecl:
    """``f`` with ``fields:``/``references:`` appended to its ``@relation`` (added if missing), as Prisma does."""
    extra: list[Argument] = []
    if fields is not None:
        extra.append(Argument(name="fields", value=names_value(fields)))
    if references is not None:
        extra.append(Argument(name="references", value=names_value(references)))
    attr = relation_attribute(f)
    if attr is None:
        relation = FieldAttribute(name="relation", arguments=tuple(extra))
        return f.model_copy(update={"attributes": (*f.attributes, relation)})
    done = attr.model_copy(update={"arguments": (*(attr.arguments or ()), *extra)})
    return f.model_copy(update={"attributes": tuple(done if a is attr else a for a in f.attributes)})


def ensure_unique(model: Model, names: Sequence[str]) -> Model:
    """``model`` with ``names`` made unique: ``@unique`` on one field, else ``@@unique([...])``."""
    if is_unique_over(model, names):
        return model
    if len(names) == 1:
        return update_member(model, names[0], lambda f: add_attribute(f, FieldAttribute(name="unique")))
    return add_attribute(model, BlockAttribute(name="unique", arguments=(Argument(value=names_value(names)),)))


def unique_criterion(block: FieldBlock) -> tuple[str, ...] | None:
    """The fields a relation to ``block`` references by default: its first unique criterion of required fields.

    Prisma's order: ``@id``, ``@@id``, then ``@unique`` fields in field order,
    then ``@@unique`` in order.
    """

    def required(names: tuple[str, ...]) -> bool:
        for n in names:
            f = block.field(n)
            if f is None or f.type is None or f.type.optional or f.type.list:
                return False
        return True

    candidates: list[tuple[str, ...]] = []
    candidates.extend((f.name,) for f in block.fields if f.attribute("id") is not None)
    candidates.extend(attribute_fields(a) or () for a in block.attributes if a.name == "id")
    candidates.extend((f.name,) for f in block.fields if f.attribute("unique") is not None)
    candidates.extend(attribute_fields(a) or () for a in block.attributes if a.name == "unique")
    for c in candidates:
        if c and required(c):
            return c
    return None
