"""Composite types: required embeddings that never end, connector support, empty types, native types.

Prisma validates composite types first. After a composite type with an error
(or an endless cycle anywhere) it skips the remaining checks of the following
composite types, so only the first problem of that kind shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .connectors import connector_for
from .native_types import check_field
from .rules import rule

if TYPE_CHECKING:
    from ..resolve import FieldBlockInfo, FieldInfo
    from .context import Context

COMPOSITE_SELF_CYCLE = rule(
    "E904",
    "composite-type-self-cycle",
    "Error validating field `{field}` in composite type `{type}`: The type is the same as the parent and causes "
    "an endless cycle. Please change the field to be either optional or a list.",
)
COMPOSITE_CYCLE = rule(
    "E905",
    "composite-type-cycle",
    "Error validating field `{field}` in composite type `{type}`: The types cause an endless cycle in the path "
    "{path}. Please change one of the fields to be either optional or a list to break the cycle.",
)
COMPOSITE_TYPES_UNSUPPORTED = rule(
    "E906", "composite-types-unsupported", "Error validating: Composite types are not supported on {connector}."
)
EMPTY_COMPOSITE_TYPE = rule(
    "E907", "empty-composite-type", "Error validating: A type must have at least one field defined."
)


PHASE = "validations"
ORDER = 1


def check(ctx: Context) -> None:
    types = ctx.db.composite_types
    _cycles(ctx, types)
    ds = ctx.db.datasource
    connector = connector_for(ds.active_provider if ds is not None else None)
    for ct in types:
        if connector is not None and not connector.composite_types:
            ctx.report(COMPOSITE_TYPES_UNSUPPORTED, ct.file, ct.node, connector=connector.name)
        if ctx.has_errors:
            continue
        if not ct.fields:
            ctx.report(EMPTY_COMPOSITE_TYPE, ct.file, ct.node)
        for f in ct.fields:
            if f.type.kind == "scalar":
                check_field(ctx, f)


def _required_embeds(ct: FieldBlockInfo) -> list[FieldInfo]:
    return [f for f in ct.fields if f.is_required]


def _cycles(ctx: Context, types: list[FieldBlockInfo]) -> None:
    """Prisma's walk over required composite fields, reproduced step for step (same errors, same paths).

    A path is a chain of composite types from the root field's type outwards;
    the walk remembers the types entered since the last root and reports a
    field leading back to the first of them.
    """
    by_name = {ct.name: ct for ct in types}
    Path = tuple[str, ...]  # newest first
    stack: list[tuple[FieldInfo, Path | None]] = [(f, None) for ct in types for f in _required_embeds(ct)]
    visited: list[str] = []
    errors: list[tuple[int, FieldInfo, str | None]] = []
    order = {ct.name: i for i, ct in enumerate(types)}
    while stack:
        field, path = stack.pop()
        if path is None:
            visited.clear()
            path = (field.parent.name,)
        target = by_name.get(field.type.name) if field.type.kind == "composite" else None
        if target is None:
            continue
        if target is field.parent:
            errors.append((order[target.name], field, None))
        elif visited and visited[0] == target.name:
            errors.append((order[target.name], field, " → ".join(f"`{n}`" for n in path)))
        elif target.name in path[:-2]:
            # Back into a type entered on this path other than the first: Prisma's walk never ends
            # here (the engine hangs); stop this branch instead.
            continue
        else:
            visited.append(target.name)
            for f in _required_embeds(target):
                stack.append((f, (target.name, *path)))
    errors.sort(key=lambda e: e[0])
    for _, field, path_text in errors:
        where = ctx.line_span(field.file, field.node)
        if path_text is None:
            ctx.report(COMPOSITE_SELF_CYCLE, field.file, where, field=field.name, type=field.parent.name)
        else:
            ctx.report(COMPOSITE_CYCLE, field.file, where, field=field.name, type=field.parent.name, path=path_text)
