"""Enums: an enum needs at least one value (Prisma's parser says so, whatever else is wrong)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nodes import EnumBlock
from .rules import rule

if TYPE_CHECKING:
    from .context import Context

EMPTY_ENUM = rule("E325", "empty-enum", "Error validating: An enum must have at least one value.")

PHASE = "database"
ORDER = 12


def check(ctx: Context) -> None:
    for file in ctx.db.files:
        for block in file.ast.blocks:
            if isinstance(block, EnumBlock) and not block.values:
                ctx.report(EMPTY_ENUM, file, block)
