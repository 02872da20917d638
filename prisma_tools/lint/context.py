"""What a rule sees: the resolved schema, the edit builder, the ignore comments."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..edits import Fix
from .ignore import BlockIgnores, block_ignores
from .rewrite import Rewriter

if TYPE_CHECKING:
    from typing import Literal

    from ..edits import TextEdit
    from ..resolve import EnumInfo, FieldBlockInfo, ResolvedSchema

__all__ = ["LintContext"]


class LintContext:
    """One schema being linted (all its files)."""

    def __init__(self, db: ResolvedSchema) -> None:
        self.db = db
        self.rewrite = Rewriter(db)
        self._ignores: dict[int, BlockIgnores] = {}

    def ignores(self, block: FieldBlockInfo | EnumInfo) -> BlockIgnores:
        found = self._ignores.get(id(block))
        if found is None:
            found = self._ignores[id(block)] = block_ignores(block.node)  # type: ignore[arg-type]
        return found

    def ignored_names(self, block: FieldBlockInfo | EnumInfo, rule: str) -> list[str]:
        """The names ``/// prisma-lint-ignore-model RULE a,b`` lists in ``block``."""
        return self.ignores(block).names(rule)

    @staticmethod
    def fix(
        message: str, applicability: Literal["safe", "unsafe", "display"], edits: Sequence[TextEdit] | None
    ) -> Fix | None:
        """A fix of ``edits``; None when there are none (the rewrite gave up)."""
        if not edits:
            return None
        return Fix(message=message, applicability=applicability, edits=tuple(edits))
