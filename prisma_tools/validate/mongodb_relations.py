"""MongoDB joins on exact types: the fields of a relation should have the same native type (a warning)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .native_types import native_type_attribute
from .rules import rule

if TYPE_CHECKING:
    from ..resolve import FieldInfo
    from .context import Context

MONGO_RELATION_NATIVE_TYPES = rule(
    "W602",
    "mongodb-relation-native-types",
    "Warning validating field `{field}` in model `{model}`: Field {a} and {b} must have the same native type for "
    "MongoDB to join those collections correctly. {advice} Beware that this will become an error in the future.",
    "warning",
)


PHASE = "validations"
ORDER = 60


def _native(f: FieldInfo | None) -> str | None:
    attr = native_type_attribute(f) if f is not None else None
    return None if attr is None else attr.name


def check(ctx: Context) -> None:
    ds = ctx.db.datasource
    if ds is None or ds.active_provider != "mongodb":
        return
    for rf in ctx.db.relation_fields:
        target = ctx.db.model(rf.target)
        if rf.fields is None or rf.references is None or target is None:
            continue
        for a_name, b_name in zip(rf.fields, rf.references, strict=False):  # Prisma pairs as far as both go
            a, b = rf.model.field(a_name), target.field(b_name)
            if a is None or b is None:
                continue
            an, bn = _native(a), _native(b)
            if an == bn:
                continue
            a_label, b_label = f"{rf.model.name}.{a.name}", f"{target.name}.{b.name}"
            if an is not None and bn is not None:
                advice = f"Consider updating those fields to either use '@{an}' or '@{bn}'."
            elif bn is not None:
                advice = f"Consider either removing {b_label}'s native type attribute or adding '@{bn}' to {a_label}."
            else:
                advice = f"Consider either removing {a_label}'s native type attribute or adding '@{an}' to {b_label}."
            ctx.report(
                MONGO_RELATION_NATIVE_TYPES,
                a.file,
                ctx.line_span(a.file, a.node),
                field=rf.field.name,
                model=rf.model.name,
                a=a_label,
                b=b_label,
                advice=advice,
            )
