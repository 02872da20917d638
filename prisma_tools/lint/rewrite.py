"""Text edits the lint rules' fixes are made of: renames that keep database names, added attributes.

Everything is computed from the AST's spans over the files' own text, so a fix
touches only the characters it must (the rest of the file, comments and
alignment included, stays as written).

A rename is :func:`prisma_tools.edit.rename.rename_changes`, the edits of
``prisma-tools rename`` before it reprints: every reference
:mod:`prisma_tools.edit.references` finds (field types, ``@relation(fields/
references)``, the field lists of ``@@id``, ``@@unique``, ``@@index``,
``@@fulltext`` and ``@@shardKey``, enum values in ``@default``), plus
``@map``/``@@map`` with the old database name when there is none, so the
database keeps its tables, columns, enum types and values. It gives up (returns
None) when the rename refuses (a taken or invalid name), and for a model in an
implicit many-to-many relation, whose join table and column order Prisma
derives from the model names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..edits import TextEdit
from ..nodes import LineIndex, Span

if TYPE_CHECKING:
    from ..nodes import EnumValue, FieldDecl, Node
    from ..resolve import EnumInfo, EnumValueInfo, FieldBlockInfo, FieldInfo, ResolvedSchema

__all__ = ["Rewriter"]


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

    def _rename(self, target: str, new: str) -> list[TextEdit] | None:
        """The edits of :func:`~prisma_tools.edit.rename.rename_changes`; None when it refuses.

        A fix keeps every map, even one the new name makes redundant: it is a
        list of edits over the text as it is, applied without reprinting.
        """
        from ..edit.rename import RenameError, rename_changes

        try:
            changes = rename_changes(self.db, target, new, drop_redundant_map=False)
        except RenameError:
            return None
        return [TextEdit(path=c.path, start=c.start, end=c.end, content=c.content) for c in changes]

    def _is_the_block(self, block: FieldBlockInfo | EnumInfo) -> bool:
        return self.db.names.get(block.name) is block  # a duplicate name resolves to the first block

    def rename_model(self, model: FieldBlockInfo, new: str) -> list[TextEdit] | None:
        """Rename a model; None for one in an implicit many-to-many relation (its join table follows the names)."""
        for r in self.db.relations:
            if r.shape == "implicit-many-to-many" and model in (r.forward.model, r.forward.related):
                return None
        return self._rename(model.name, new) if self._is_the_block(model) else None

    def rename_enum(self, enum: EnumInfo, new: str) -> list[TextEdit] | None:
        return self._rename(enum.name, new) if self._is_the_block(enum) else None

    def rename_field(self, model: FieldBlockInfo, f: FieldInfo, new: str) -> list[TextEdit] | None:
        if not self._is_the_block(model) or model.field(f.name) is not f:
            return None
        return self._rename(f"{model.name}.{f.name}", new)

    def rename_enum_value(self, enum: EnumInfo, value: EnumValueInfo, new: str) -> list[TextEdit] | None:
        if not self._is_the_block(enum):
            return None
        return self._rename(f"{enum.name}.{value.name}", new)
