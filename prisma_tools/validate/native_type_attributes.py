"""A field takes one datasource-scoped attribute (``@db.X``): the others are reported as repeated.

Prisma reads native types while it resolves attributes (so this is reported
with the schema's other attribute errors); it keeps the last one and checks
it later (:mod:`.native_types`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .native_types import attribute_span
from .rules import rule

if TYPE_CHECKING:
    from .context import Context

REPEATED_NATIVE_TYPE = rule("E609", "repeated-native-type", 'Attribute "@{scope}" can only be defined once.')


PHASE = "database"
ORDER = 45


def check(ctx: Context) -> None:
    for top in ctx.db.tops:
        if top.kind == "enum" or ctx.db.names.get(top.name) is not top:
            continue
        for f in top.fields:
            if f.type.kind != "scalar":
                continue
            seen = False
            for a in f.node.attributes:
                if "." not in a.name:
                    continue
                if seen:
                    ctx.report(REPEATED_NATIVE_TYPE, f.file, attribute_span(f.file, a), scope=a.name.split(".")[0])
                seen = True
