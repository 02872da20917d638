"""Attributes a composite type may not have: Prisma's parser refuses them whatever else is wrong.

A composite type keeps none of its block attributes (each gets its own
message); its fields keep their attributes, but ``@id``, ``@unique`` and
``@relation`` there are errors (and unknown attributes later, for the
attribute pass).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nodes import CompositeType
from .attribute_args import attribute_span
from .rules import rule

if TYPE_CHECKING:
    from .context import Context

COMPOSITE_BLOCK_ATTRIBUTE = rule("E345", "composite-type-block-attribute", "Error validating: {detail}")
COMPOSITE_FIELD_ATTRIBUTE = rule(
    "E346",
    "composite-type-field-attribute",
    "Error validating: Defining `@{name}` attribute for a field in a composite type is not allowed.",
)

_BLOCK_MESSAGES = {
    "map": "The name of a composite type is not persisted in the database, therefore it does not need a mapped "
    "database name.",
    "unique": "A unique constraint should be defined in the model containing the embed.",
    "index": "An index should be defined in the model containing the embed.",
    "fulltext": "A fulltext index should be defined in the model containing the embed.",
    "id": "A composite type cannot define an id.",
}

PHASE = "database"
ORDER = 13


def check(ctx: Context) -> None:
    for file in ctx.db.files:
        for block in file.ast.blocks:
            if not isinstance(block, CompositeType):
                continue
            for a in block.attributes:
                detail = _BLOCK_MESSAGES.get(a.name, "A composite type cannot have block-level attributes.")
                ctx.report(COMPOSITE_BLOCK_ATTRIBUTE, file, attribute_span(file, a), detail=detail)
            for f in block.fields:
                for fa in f.attributes:
                    if fa.name in ("relation", "unique", "id"):
                        ctx.report(COMPOSITE_FIELD_ATTRIBUTE, file, ctx.line_span(file, f), name=fa.name)
