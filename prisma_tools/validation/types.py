"""Field types: every type names a scalar, an enum, a model, a view or a composite type."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .rules import rule

if TYPE_CHECKING:
    from .context import Context

UNKNOWN_TYPE = rule(
    "E201",
    "unknown-type",
    'Type "{name}" is neither a built-in type, nor refers to another model, composite type, or enum.',
)


PHASE = "database"
ORDER = 30


def check(ctx: Context) -> None:
    for top in ctx.db.tops:
        if top.kind == "enum":
            continue
        for f in top.fields:
            t = f.node.type
            if f.type.kind == "unknown" and t is not None and t.legacy is None:
                start, _ = ctx.offsets(t)
                ctx.report(UNKNOWN_TYPE, f.file, (start, start + len(t.name)), name=t.name)
