"""Three-way merge of Prisma schema files at the level of blocks, fields, enum values and attributes.

>>> base = "model User {\\n  id Int @id\\n}\\n"
>>> ours = "model User {\\n  id Int @id\\n  name String\\n}\\n"
>>> theirs = "model User {\\n  id Int @id\\n  email String @unique\\n}\\n"
>>> print(merge_texts(base, ours, theirs).text, end="")
model User {
  id    Int    @id
  name  String
  email String @unique
}

The result is canonical (``prisma format``'s text). What both sides changed
differently is a :class:`Conflict`, written as a conflict region around that
block, field, value or attribute only (see :mod:`.render`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..nodes import SchemaFile
from ..parser import parse_file_text
from .render import Labels, Style, materialize, render
from .tree import Conflict, MergedFile, merge_trees

__all__ = ["Conflict", "Labels", "MergeResult", "merge_files", "merge_texts"]


@dataclass
class MergeResult:
    """The merged text; its conflicts (none: a clean merge); the merged file when clean."""

    text: str
    conflicts: list[Conflict] = field(default_factory=list)
    schema_file: SchemaFile | None = None

    @property
    def clean(self) -> bool:
        return not self.conflicts


def merge_files(
    base: SchemaFile, ours: SchemaFile, theirs: SchemaFile, *, labels: Labels | None = None, style: Style = "merge"
) -> MergeResult:
    """Merge two descendants of ``base``; the result is named after ``ours``."""
    merged: MergedFile = merge_trees(base, ours, theirs)
    text = render(merged, labels, style)
    clean = materialize(merged, "ours") if not merged.conflicts else None
    return MergeResult(text, merged.conflicts, clean)


def merge_texts(
    base: str,
    ours: str,
    theirs: str,
    path: str = "<string>",
    *,
    labels: Labels | None = None,
    style: Style = "merge",
    paths: tuple[str, str, str] | None = None,
) -> MergeResult:
    """Parse the three versions (lines Prisma cannot read are kept verbatim) and merge them.

    ``paths``: the names of base, ours and theirs in the conflicts' positions
    (default: ``path`` for all three). Raises :class:`~prisma_tools.ParseError`
    when a version holds conflict markers.
    """
    names = paths or (path, path, path)
    trees = [parse_file_text(text, name, strict=False) for text, name in zip((base, ours, theirs), names, strict=True)]
    result = merge_files(trees[0], trees[1], trees[2], labels=labels, style=style)
    if result.schema_file is not None:
        result.schema_file = result.schema_file.model_copy(update={"path": path})
    return result
