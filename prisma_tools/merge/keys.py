"""What makes two versions of a schema item "the same item" across a merge, and how messages name it."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from ..nodes import (
    BlockAttribute,
    CatchAll,
    CompositeType,
    EnumBlock,
    EnumValue,
    FieldDecl,
    Model,
    Setting,
    View,
)
from ..passes._ast import attribute_fields, bare, kind_word, render_attribute

__all__ = ["attribute_key", "block_key", "describe_block", "describe_member", "member_key"]

# Block attributes a block has at most once: two versions of one are one attribute changed.
_SINGLE = frozenset(("id", "map", "schema", "ignore", "shardKey"))
# Index-like block attributes are one attribute per field list: `@@index([a])` -> `@@index([a], map: "x")`.
_BY_FIELDS = frozenset(("unique", "index", "fulltext"))
_DATA = (Model, View, CompositeType, EnumBlock)


def block_key(b: Any) -> Hashable:
    """Models, views, composite types and enums share one namespace (a model renamed to a view is one
    block changed); generators and datasources have theirs; verbatim lines are known by their text."""
    if isinstance(b, _DATA):
        return ("type", b.name)
    if isinstance(b, CatchAll):
        return ("line", b.text.strip())
    if b.kind in ("datasource", "generator"):
        return (b.kind, b.name)
    return (b.kind, b.text.strip())  # type aliases, keyword-less blocks: kept verbatim


def member_key(m: Any) -> Hashable:
    if isinstance(m, (FieldDecl, EnumValue)):
        return ("member", m.name)
    if isinstance(m, Setting):
        return ("setting", m.key)
    return ("line", m.text.strip())


def attribute_key(a: BlockAttribute) -> Hashable:
    if a.name in _SINGLE:
        return ("@@", a.name)
    if a.name in _BY_FIELDS:
        fields = attribute_fields(a)
        if fields is not None:
            return ("@@", a.name, fields)
    return ("@@", render_attribute(bare(a)))


def describe_block(b: Any) -> str:
    """``model User``, ``enum Role``, ``datasource db``; a verbatim line by its text."""
    if isinstance(b, CatchAll):
        return f"line `{b.text.strip()}`"
    return f"{kind_word(b.kind)} {b.name}"


def describe_member(m: Any) -> str:
    if isinstance(m, FieldDecl):
        return f"field {m.name}"
    if isinstance(m, EnumValue):
        return f"value {m.name}"
    if isinstance(m, Setting):
        return f"setting {m.key}"
    if isinstance(m, BlockAttribute):
        return render_attribute(bare(m))
    return f"line `{m.text.strip()}`"
