"""Where a fix writes: finding a finding's block and field, and the text conventions of a file.

Prisma's quick fixes write in the file's own style: its line ending (``\\r\\n``
when the block uses it) and the indentation of the block's first member.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..edits import TextEdit

if TYPE_CHECKING:
    from ..nodes import Node
    from ..resolve import ResolvedSchema
    from ..resolve.model import EnumInfo, FieldBlockInfo, FieldInfo, SourceFile
    from ..validation.context import Finding

__all__ = [
    "after",
    "block_at",
    "block_attribute_edit",
    "closing_brace",
    "field_at",
    "indentation",
    "newline",
    "offsets",
]


def offsets(node: Node) -> tuple[int, int]:
    span = node.span
    return (0, 0) if span is None else (span.start_offset, span.end_offset)


def block_at(db: ResolvedSchema, file: SourceFile, offset: int) -> FieldBlockInfo | EnumInfo | None:
    """The model, view, composite type or enum of ``file`` whose text holds ``offset``."""
    for top in db.tops:
        if top.file is file or top.file.path == file.path:
            start, end = offsets(top.node)
            if start <= offset < end:
                return top
    return None


def field_at(db: ResolvedSchema, finding: Finding) -> FieldInfo | None:
    """The field whose declaration holds the finding's start."""
    block = block_at(db, finding.file, finding.start)
    if block is None or block.kind == "enum":
        return None
    for f in block.fields:
        start, end = offsets(f.node)
        if start <= finding.start <= end:
            return f
    return None


def newline(text: str, start: int = 0, end: int | None = None) -> str:
    return "\r\n" if "\r\n" in text[start:end] else "\n"


def indentation(text: str, block: Node) -> str:
    """The white space before the block's first member (two spaces when it has none)."""
    members = getattr(block, "members", ())
    for m in members:
        start, _ = offsets(m)
        line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
        prefix = text[line_start:start]
        if prefix.strip() == "":
            return prefix
    return "  "


def closing_brace(text: str, block: Node) -> int:
    """The offset of the block's closing ``}``."""
    start, end = offsets(block)
    return end - 1 if text[end - 1 : end] == "}" else text.rfind("}", start, end)


def after(node: Node) -> int:
    """The offset just after a member's text (before any comment and the line break)."""
    return offsets(node)[1]


def block_attribute_edit(path: str, text: str, block: Node, attribute: str) -> TextEdit:
    """Prisma's way to add ``@@attribute``: replace the closing ``}`` by the attribute line and ``}``.

    A blank line separates it from the fields when the block has no block attribute yet.
    Prisma indents it as the block's fields, or by two spaces in an enum (whose
    values it does not measure).
    """
    start, end = offsets(block)
    nl = newline(text, start, end)
    brace = closing_brace(text, block)
    separator = "" if getattr(block, "attributes", ()) else nl
    indent = "  " if getattr(block, "kind", "") == "enum" else indentation(text, block)
    return TextEdit(path=path, start=brace, end=brace + 1, content=f"{separator}{indent}@@{attribute}{nl}}}")
