"""Every place a schema names a model, view, composite type, enum, field or enum value.

>>> import prisma_tools
>>> from prisma_tools.edit.references import references
>>> db = prisma_tools.analyze(prisma_tools.parse(
...     "model User {\\n  id Int @id\\n  posts Post[]\\n}\\n"
...     "model Post {\\n  id Int @id\\n  authorId Int\\n"
...     "  author User @relation(fields: [authorId], references: [id])\\n  @@index([authorId])\\n}\\n"))
>>> [(r.role, r.block, r.span.start.line) for r in references(db, "Post.authorId")]
[('declaration', 'Post', 7), ('relation-fields', 'Post', 8), ('index-fields', 'Post', 9)]
>>> [(r.role, r.block, r.member) for r in references(db, "User")]
[('declaration', 'User', None), ('field-type', 'Post', 'author')]

A target is written as in Prisma's messages: ``"User"`` (a model, view,
composite type or enum), ``"User.email"`` (a field), ``"Role.ADMIN"`` (an enum
value). Each :class:`Reference` is the exact characters of the name (one
segment of a dotted path such as ``address.street``), so replacing them renames
that occurrence. What is found:

* a block: its declaration and every field type naming it;
* a field: its declaration; ``@relation(fields: [...])`` in its block and
  ``@relation(references: [...])`` of the relation fields pointing at its
  block; the field lists of ``@@id``, ``@@unique``, ``@@index``,
  ``@@fulltext`` and ``@@shardKey`` (``fields:`` or positional, with their
  ``sort:``/``length:`` arguments), through composite-type paths too;
* an enum value: its declaration and the ``@default`` values (single or list)
  of the fields of that enum type.

Relation names (``@relation("name")``) are free strings and refer to none of
these; an implicit many-to-many relation's *default* name and join table do
derive from the two model names, which :mod:`~prisma_tools.edit.rename` handles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from ..nodes import (
    ArrayValue,
    BlockAttribute,
    CompositeType,
    ConstantValue,
    FieldAttribute,
    FunctionCall,
    LineIndex,
    Model,
    Node,
    Span,
    Value,
    View,
)
from ..resolve import EnumInfo, FieldBlockInfo, ResolvedSchema, SourceFile

__all__ = ["INDEX_ATTRIBUTES", "Reference", "Role", "Symbol", "references", "resolve_target"]

Role = Literal["declaration", "field-type", "relation-fields", "relation-references", "index-fields", "default-value"]

# Block attributes whose first positional (or ``fields:``) argument lists fields.
INDEX_ATTRIBUTES = frozenset(("id", "unique", "index", "fulltext", "shardKey"))

FieldBlock = Model | View | CompositeType


@dataclass(frozen=True)
class Symbol:
    """What a target names: ``kind`` and the block, plus the member for a field or an enum value."""

    kind: Literal["model", "view", "type", "enum", "field", "value"]
    block: str
    member: str | None = None

    @property
    def label(self) -> str:
        return self.block if self.member is None else f"{self.block}.{self.member}"


@dataclass(frozen=True)
class Reference:
    """One occurrence of a name: where (``path``, ``start``/``end`` offsets, ``span``), in what, and how.

    ``block``/``member`` say which block (and field or value) the occurrence is
    written in; ``attribute`` is the attribute holding it (``"@@index"``,
    ``"@relation"``, ``"@default"``), None for declarations and field types.
    """

    path: str
    start: int
    end: int
    span: Span
    role: Role
    block: str
    member: str | None = None
    attribute: str | None = None

    @property
    def location(self) -> str:
        return f"{self.path}:{self.span.start.line}:{self.span.start.column}"


def resolve_target(db: ResolvedSchema, target: str) -> Symbol:
    """The symbol ``target`` names; ``KeyError`` with a message when there is none."""
    block, _, member = target.partition(".")
    top = db.names.get(block)
    if top is None:
        raise KeyError(f"no model, view, composite type or enum called {block!r}")
    if not member:
        return Symbol(top.kind, block)
    if "." in member:
        raise KeyError(f"{target!r}: write Block.member")
    if isinstance(top, EnumInfo):
        if not any(v.name == member for v in top.values):
            raise KeyError(f"enum {block} has no value {member!r}")
        return Symbol("value", block, member)
    if top.field(member) is None:
        raise KeyError(f"{top.kind} {block} has no field {member!r}")
    return Symbol("field", block, member)


class _Finder:
    def __init__(self, db: ResolvedSchema) -> None:
        self.db = db
        self.out: list[Reference] = []
        self.lines: dict[str, LineIndex] = {}

    def add(
        self, sf: SourceFile, start: int, name: str, role: Role, block: str, member: str | None, attr: str | None
    ) -> None:
        end = start + len(name)
        assert sf.text[start:end] == name, (sf.path, start, name)
        lines = self.lines.get(sf.path)
        if lines is None:
            lines = self.lines[sf.path] = LineIndex(sf.text)
        self.out.append(Reference(sf.path, start, end, Span.at(lines, start, end), role, block, member, attr))

    def tops(self) -> Iterator[FieldBlockInfo | EnumInfo]:
        return (t for t in self.db.tops if self.db.names.get(t.name) is t)

    def field_blocks(self) -> Iterator[FieldBlockInfo]:
        return (t for t in self.tops() if isinstance(t, FieldBlockInfo))

    def composite(self, name: str) -> FieldBlockInfo | None:
        t = self.db.names.get(name)
        return t if isinstance(t, FieldBlockInfo) and t.kind == "type" else None


def _header_name_offset(sf: SourceFile, node: Node, name: str) -> int:
    assert node.span is not None
    m = re.compile(r"\w+\s+").match(sf.text, node.span.start_offset)
    assert m is not None
    assert sf.text.startswith(name, m.end()), (sf.path, name)
    return m.end()


def _offset(node: Node | None) -> int | None:
    return None if node is None or node.span is None else node.span.start_offset


def _list_items(value: Value | None) -> list[Value]:
    if isinstance(value, ArrayValue):
        return list(value.items)
    return [] if value is None else [value]


def _field_list(attr: FieldAttribute, key: str | None) -> list[Value]:
    for a in attr.arguments or ():
        if a.name == key:
            return _list_items(a.value)
    return []


def _index_list(attr: FieldAttribute) -> list[Value]:
    return _field_list(attr, "fields") or _field_list(attr, None)


def _item_name(item: Value) -> str | None:
    if isinstance(item, (ConstantValue, FunctionCall)):
        return item.name
    return None


def references(db: ResolvedSchema, target: str | Symbol) -> list[Reference]:
    """Every occurrence of ``target``'s name, declaration first, then in source order."""
    sym = target if isinstance(target, Symbol) else resolve_target(db, target)
    f = _Finder(db)
    if sym.member is None:
        _block_refs(f, sym)
    elif sym.kind == "value":
        _value_refs(f, sym)
    else:
        _field_refs(f, sym)
    files = {sf.path: sf.index for sf in db.files}
    first = [r for r in f.out if r.role == "declaration"]
    rest = sorted((r for r in f.out if r.role != "declaration"), key=lambda r: (files[r.path], r.start))
    return first + rest


def _block_refs(f: _Finder, sym: Symbol) -> None:
    top = f.db.names[sym.block]
    f.add(top.file, _header_name_offset(top.file, top.node, sym.block), sym.block, "declaration", sym.block, None, None)
    for t in f.field_blocks():
        for fi in t.fields:
            ft = fi.node.type
            if ft is not None and ft.name == sym.block and (start := _offset(ft)) is not None:
                start += ft.legacy == "brackets"  # `[Type]`, the pre-2.0 list
                f.add(t.file, start, sym.block, "field-type", t.name, fi.name, None)


def _value_refs(f: _Finder, sym: Symbol) -> None:
    top = f.db.names[sym.block]
    assert isinstance(top, EnumInfo)
    assert sym.member is not None
    for v in top.values:
        if v.name == sym.member and (start := _offset(v.node)) is not None:
            f.add(top.file, start, v.name, "declaration", sym.block, v.name, None)
    for t in f.field_blocks():
        for fi in t.fields:
            if fi.node.type is None or fi.node.type.name != sym.block:
                continue
            for attr in fi.node.attributes:
                if attr.name != "default":
                    continue
                for item in _field_list(attr, None):
                    if isinstance(item, ConstantValue) and item.name == sym.member and (s := _offset(item)) is not None:
                        f.add(t.file, s, sym.member, "default-value", t.name, fi.name, "@default")


def _field_refs(f: _Finder, sym: Symbol) -> None:
    owner = f.db.names[sym.block]
    assert isinstance(owner, FieldBlockInfo)
    assert sym.member is not None
    name = sym.member
    decl = owner.field(name)
    assert decl is not None
    if (start := _offset(decl.node)) is not None:
        f.add(owner.file, start, name, "declaration", owner.name, name, None)
    for t in f.field_blocks():
        for fi in t.fields:
            rel = fi.node.attribute("relation")
            if rel is None or fi.node.type is None:
                continue
            if t.name == owner.name:
                _names_in(f, t, fi.name, _field_list(rel, "fields"), name, "relation-fields", "@relation")
            if fi.node.type.name == owner.name:
                _names_in(f, t, fi.name, _field_list(rel, "references"), name, "relation-references", "@relation")
        for attr in t.node.attributes:
            if attr.name in INDEX_ATTRIBUTES:
                _paths_in(f, t, attr, sym)


def _names_in(f: _Finder, t: FieldBlockInfo, member: str, items: list[Value], name: str, role: Role, attr: str) -> None:
    for item in items:
        if _item_name(item) == name and (s := _offset(item)) is not None:
            f.add(t.file, s, name, role, t.name, member, attr)


def _paths_in(f: _Finder, t: FieldBlockInfo, attr: BlockAttribute, sym: Symbol) -> None:
    """Index field paths (``a``, ``a.b.c``) of ``t`` whose segments resolve to the target field."""
    for item in _index_list(attr):
        path = _item_name(item)
        start = _offset(item)
        if path is None or start is None:
            continue
        block: FieldBlockInfo | None = t
        offset = start
        for segment in path.split("."):
            if block is None:
                break
            if block.name == sym.block and segment == sym.member:
                f.add(t.file, offset, segment, "index-fields", t.name, None, "@@" + attr.name)
            fi = block.field(segment)
            block = None if fi is None or fi.node.type is None else f.composite(fi.node.type.name)
            offset += len(segment) + 1
