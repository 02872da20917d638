"""Text edits the lint rules' fixes are made of: renames that keep database names, added attributes.

Everything is computed from the AST's spans over the files' own text, so a fix
touches only the characters it must (the rest of the file, comments and
alignment included, stays as written).

A rename updates every reference Prisma resolves by that name: field types,
``@relation(fields/references)``, the field lists of ``@@id``, ``@@unique``,
``@@index``, ``@@fulltext`` and ``@@shardKey``, enum values in ``@default``. It
adds ``@map``/``@@map`` with the old database name when there is none, so the
database keeps its tables, columns, enum types and values. It gives up (returns
None) when the new name is taken or is not a valid identifier, and for a model in
an implicit many-to-many relation, whose join table and column order Prisma
derives from the model names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..edits import TextEdit
from ..nodes import ArrayValue, ConstantValue, FieldAttribute, FunctionCall, LineIndex, Span, StringValue

if TYPE_CHECKING:
    from ..nodes import EnumValue, FieldDecl, Node, Value
    from ..resolve import EnumInfo, EnumValueInfo, FieldBlockInfo, FieldInfo, ResolvedSchema

__all__ = ["Rewriter", "is_identifier"]

_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_FIELD_LIST_ATTRIBUTES = ("id", "unique", "index", "fulltext", "shardKey")


def is_identifier(name: str) -> bool:
    return _IDENTIFIER.fullmatch(name) is not None


def _start(node: Node) -> int:
    assert node.span is not None  # parsed nodes have spans
    return node.span.start_offset


def _end(node: Node) -> int:
    assert node.span is not None
    return node.span.end_offset


class Rewriter:
    """Builds edits over the texts of one resolved schema."""

    def __init__(self, db: ResolvedSchema) -> None:
        self.db = db
        self.texts = {f.path: f.text for f in db.files}
        self._lines: dict[str, LineIndex] = {}

    # ---------------------------------------------------------------- positions

    def span(self, path: str, start: int, end: int) -> Span:
        lines = self._lines.get(path)
        if lines is None:
            lines = self._lines[path] = LineIndex(self.texts[path])
        return Span.at(lines, start, end)

    def block_name_offset(self, block: FieldBlockInfo | EnumInfo) -> int:
        """Where the block's name starts (after ``model``, ``enum``, ...)."""
        text = self.texts[block.file.path]
        start = _start(block.node)
        i = text.find(block.name, start + len(block.node.kind))  # the keyword is the kind: model, enum, ...
        return i if i >= 0 else start

    def block_name_span(self, block: FieldBlockInfo | EnumInfo) -> Span:
        i = self.block_name_offset(block)
        return self.span(block.file.path, i, i + len(block.name))

    def member_span(self, path: str, member: FieldDecl | EnumValue) -> Span:
        return self.span(path, _start(member), _start(member) + len(member.name))

    # ---------------------------------------------------------------- insertions

    def add_field_attribute(self, path: str, decl: FieldDecl, attribute: str) -> TextEdit | None:
        """Insert `` @attribute`` after the field's type and attributes (before a trailing comment)."""
        if decl.type is None:
            return None
        at = max([_end(decl.type), *(_end(a) for a in decl.attributes)])
        return TextEdit(path=path, start=at, end=at, content=" " + attribute)

    def add_enum_value_attribute(self, path: str, value: EnumValue, attribute: str) -> TextEdit:
        at = max([_start(value) + len(value.name), *(_end(a) for a in value.attributes)])
        return TextEdit(path=path, start=at, end=at, content=" " + attribute)

    def add_block_attribute(self, block: FieldBlockInfo | EnumInfo, attribute: str) -> TextEdit:
        """A line ``@@attribute`` before the block's closing brace."""
        path = block.file.path
        text = self.texts[path]
        brace = _end(block.node) - 1
        line_start = text.rfind("\n", 0, brace) + 1
        indent = self._indent(block)
        nl = "\r\n" if "\r\n" in text else "\n"  # the file's own line break
        if text[line_start:brace].strip() == "":
            return TextEdit(path=path, start=line_start, end=line_start, content=f"{indent}{attribute}{nl}")
        return TextEdit(path=path, start=brace, end=brace, content=f"{nl}{indent}{attribute}{nl}")

    def _indent(self, block: FieldBlockInfo | EnumInfo) -> str:
        text = self.texts[block.file.path]
        for m in block.node.members:
            if m.span is not None:
                line_start = text.rfind("\n", 0, m.span.start_offset) + 1
                prefix = text[line_start : m.span.start_offset]
                if prefix.strip() == "":
                    return prefix
        return "  "

    # ---------------------------------------------------------------- renames

    def _taken(self, name: str) -> bool:
        return name in self.db.names or not is_identifier(name)

    def _field_blocks(self) -> Iterator[FieldBlockInfo]:
        from ..resolve import FieldBlockInfo

        for t in self.db.tops:
            if isinstance(t, FieldBlockInfo):
                yield t

    def _type_edits(self, old: str, new: str) -> list[TextEdit]:
        edits = []
        for block in self._field_blocks():
            for f in block.fields:
                t = f.node.type
                if t is None or t.name != old or t.span is None:
                    continue
                at = t.span.start_offset + (1 if t.legacy == "brackets" else 0)
                edits.append(TextEdit(path=block.file.path, start=at, end=at + len(old), content=new))
        return edits

    def _has_block_map(self, block: FieldBlockInfo | EnumInfo) -> bool:
        return any(a.name == "map" for a in block.node.attributes)

    def _map(self, name: str, *, block: bool) -> str:
        return ("@@map(" if block else "@map(") + StringValue.of(name).text + ")"

    def rename_model(self, model: FieldBlockInfo, new: str) -> list[TextEdit] | None:
        if self._taken(new):
            return None
        for r in self.db.relations:
            if r.shape == "implicit-many-to-many" and model in (r.forward.model, r.forward.related):
                return None
        at = self.block_name_offset(model)
        edits = [TextEdit(path=model.file.path, start=at, end=at + len(model.name), content=new)]
        edits += self._type_edits(model.name, new)
        if not self._has_block_map(model):
            edits.append(self.add_block_attribute(model, self._map(model.db_name or model.name, block=True)))
        return edits

    def rename_enum(self, enum: EnumInfo, new: str) -> list[TextEdit] | None:
        if self._taken(new):
            return None
        at = self.block_name_offset(enum)
        edits = [TextEdit(path=enum.file.path, start=at, end=at + len(enum.name), content=new)]
        edits += self._type_edits(enum.name, new)
        if not self._has_block_map(enum):
            edits.append(self.add_block_attribute(enum, self._map(enum.db_name or enum.name, block=True)))
        return edits

    def rename_field(self, model: FieldBlockInfo, f: FieldInfo, new: str) -> list[TextEdit] | None:
        if not is_identifier(new) or model.field(new) is not None:
            return None
        old = f.name
        path = model.file.path
        edits = [TextEdit(path=path, start=_start(f.node), end=_start(f.node) + len(old), content=new)]
        if not f.is_relation and f.attribute("map") is None:
            edit = self.add_field_attribute(path, f.node, self._map(f.db_name, block=False))
            if edit is None:
                return None
            edits.append(edit)
        for a in model.node.attributes:
            if a.name in _FIELD_LIST_ATTRIBUTES:
                edits += self._name_refs(path, _field_list(a), old, new)
        for other in model.fields:
            relation = other.attribute("relation")
            if other.is_relation and relation is not None:
                edits += self._name_refs(path, _named(relation, "fields"), old, new)
        for block in self._field_blocks():
            for other in block.fields:
                relation = other.attribute("relation")
                if relation is not None and other.type.name == model.name and other.type.is_relation:
                    edits += self._name_refs(block.file.path, _named(relation, "references"), old, new)
        return edits

    def rename_enum_value(self, enum: EnumInfo, value: EnumValueInfo, new: str) -> list[TextEdit] | None:
        if not is_identifier(new) or any(v.name == new for v in enum.values):
            return None
        old = value.name
        path = enum.file.path
        edits = [TextEdit(path=path, start=_start(value.node), end=_start(value.node) + len(old), content=new)]
        if not any(a.name == "map" for a in value.node.attributes):
            edits.append(self.add_enum_value_attribute(path, value.node, self._map(value.db_name, block=False)))
        for block in self._field_blocks():
            for f in block.fields:
                default = f.attribute("default")
                if default is None or f.type.name != enum.name or f.type.kind != "enum":
                    continue
                edits += self._name_refs(block.file.path, _positional(default), old, new, paths=False)
        return edits

    def _name_refs(self, path: str, value: Value | None, old: str, new: str, *, paths: bool = True) -> list[TextEdit]:
        """Edits renaming ``old`` among the names of a field list (``a``, ``[a, b(sort: Desc)]``, ``a.b``)."""
        if value is None:
            return []
        items = value.items if isinstance(value, ArrayValue) else (value,)
        edits = []
        for item in items:
            if not isinstance(item, ConstantValue | FunctionCall) or item.span is None:
                continue
            if item.name == old or (paths and item.name.startswith(old + ".")):
                at = item.span.start_offset
                edits.append(TextEdit(path=path, start=at, end=at + len(old), content=new))
        return edits


def _named(attribute: FieldAttribute, name: str) -> Value | None:
    for a in attribute.arguments or ():
        if a.name == name:
            return a.value
    return None


def _positional(attribute: FieldAttribute) -> Value | None:
    for a in attribute.arguments or ():
        if a.name is None:
            return a.value
    return None


def _field_list(attribute: FieldAttribute) -> Value | None:
    """The field list of ``@@id``/``@@unique``/``@@index``: ``fields:`` or the first positional argument."""
    value = _named(attribute, "fields")
    return value if value is not None else _positional(attribute)
