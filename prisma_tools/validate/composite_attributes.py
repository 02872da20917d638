"""Attributes a composite type (``type X { ... }``) cannot have.

Prisma's parser rejects block attributes in a composite type and the field
attributes that only make sense on a model (``@id``, ``@unique``,
``@relation``); a ``@default`` cannot be named. The attributes are reported
again as unknown by the attribute validation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nodes import CompositeType, FieldDecl
from .rules import rule

if TYPE_CHECKING:
    from .context import Context

COMPOSITE_BLOCK_ATTRIBUTE = rule("E901", "composite-type-block-attribute", "Error validating: {detail}")
COMPOSITE_FIELD_ATTRIBUTE = rule(
    "E902",
    "composite-type-field-attribute",
    "Error validating: Defining `@{name}` attribute for a field in a composite type is not allowed.",
)
COMPOSITE_DEFAULT_MAP = rule(
    "E903",
    "composite-type-default-map",
    'Error parsing attribute "@default": The `map` argument is not allowed on a composite type field.',
)

_BLOCK_ATTRIBUTE_DETAILS = {
    "map": "The name of a composite type is not persisted in the database, "
    "therefore it does not need a mapped database name.",
    "unique": "A unique constraint should be defined in the model containing the embed.",
    "index": "An index should be defined in the model containing the embed.",
    "fulltext": "A fulltext index should be defined in the model containing the embed.",
    "id": "A composite type cannot define an id.",
}
_OTHER_BLOCK_ATTRIBUTE = "A composite type cannot have block-level attributes."


PHASE = "database"
ORDER = 15


def check(ctx: Context) -> None:
    for file in ctx.db.files:
        for block in file.ast.blocks:
            if not isinstance(block, CompositeType):
                continue
            for attr in block.attributes:
                detail = _BLOCK_ATTRIBUTE_DETAILS.get(attr.name, _OTHER_BLOCK_ATTRIBUTE)
                ctx.report(COMPOSITE_BLOCK_ATTRIBUTE, file, attr, detail=detail)
            for member in block.members:
                if not isinstance(member, FieldDecl) or member.type is None:
                    continue
                for fattr in member.attributes:
                    if fattr.name in ("relation", "unique", "id"):
                        ctx.report(COMPOSITE_FIELD_ATTRIBUTE, file, ctx.line_span(file, member), name=fattr.name)
                    elif fattr.name == "default" and any(a.name == "map" for a in fattr.arguments or ()):
                        ctx.report(COMPOSITE_DEFAULT_MAP, file, fattr)
