"""prisma-lint's ignore comments, with its meaning.

Inside a model (enum)::

    /// prisma-lint-ignore-model                       every rule, for this model
    /// prisma-lint-ignore-model require-field         one rule
    /// prisma-lint-ignore-model require-field a,b     one rule, for the names a and b (rules that take names)

(``prisma-lint-ignore-enum`` in an enum). Directly above a field, a model or an
enum, among ``///`` lines::

    /// prisma-lint-ignore-field                       every rule
    /// prisma-lint-ignore-field rule-a rule-b,rule-c   these rules

``prisma-lint-ignore-line``, the name the per-field comment had while it was
being written, is read the same way.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..nodes import Comment, EnumBlock, Model, View

__all__ = ["BlockIgnores", "block_ignores", "line_ignored"]

_FIELD_MARKERS = ("/// prisma-lint-ignore-field", "/// prisma-lint-ignore-line")


class BlockIgnores:
    """The ``prisma-lint-ignore-model`` (``-enum``) comments inside one block."""

    def __init__(self, marker: str, comments: list[str]) -> None:
        self.marker = marker
        self.comments = comments

    @property
    def everything(self) -> bool:
        return self.marker in self.comments

    def rule(self, name: str) -> bool:
        return f"{self.marker} {name}" in self.comments

    def names(self, rule: str) -> list[str]:
        """The names listed after ``rule`` (prisma-lint reads the last word, split at commas)."""
        prefix = f"{self.marker} {rule} "
        for c in self.comments:
            if c.startswith(prefix):
                return [p.strip() for p in c.split(" ")[-1].split(",")]
        return []


def block_ignores(block: Model | View | EnumBlock) -> BlockIgnores:
    marker = "/// prisma-lint-ignore-enum" if block.kind == "enum" else "/// prisma-lint-ignore-model"
    comments: list[Comment] = []
    for m in block.members:
        comments.extend(m.leading_comments)
    for a in block.attributes:
        comments.extend(a.leading_comments)
    comments.extend(block.footer_comments)
    texts = [c.text.strip() for c in comments]
    return BlockIgnores(marker, [t for t in texts if t.startswith(marker)])


def line_ignored(text: str, offset: int, rule: str) -> bool:
    """Whether a ``prisma-lint-ignore-field`` comment among the ``///`` lines directly above
    the line holding ``offset`` ignores ``rule``."""
    end = text.rfind("\n", 0, offset)  # the line break ending the line above
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if not line.startswith("///"):
            return False
        for marker in _FIELD_MARKERS:
            if line.startswith(marker):
                params = line[len(marker) :].strip()
                if not params or rule in re.split(r"[\s,]+", params):
                    return True
        end = start - 1
    return False
