"""Cascading referential actions that loop (a self-relation, a cycle) or reach a model by several paths.

Prisma checks cycles on SQL Server and whenever ``relationMode = "prisma"``,
and multiple cascade paths on SQL Server with foreign keys. Only relations
written on both sides count; an action other than ``NoAction``/``Restrict``
(explicit, or the default) cascades.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .relation_view import triggers_modification
from .rules import rule

if TYPE_CHECKING:
    from ..resolve import FieldBlockInfo, Relation
    from .relation_view import RelationView

_TAIL = " Read more at https://pris.ly/d/cyclic-referential-actions"

SELF_RELATION_CYCLE = rule(
    "E460",
    "self-relation-cascade",
    "Error validating: A self-relation must have `onDelete` and `onUpdate` referential actions set to `NoAction` "
    "in one of the @relation attributes.{defaults}" + _TAIL,
)
CASCADE_CYCLE = rule(
    "E461",
    "cascade-cycle",
    "Error validating: Reference causes a cycle. One of the @relation attributes in this cycle must have "
    "`onDelete` and `onUpdate` referential actions set to `NoAction`. Cycle path: {path}.{defaults}" + _TAIL,
)
MULTIPLE_CASCADE_PATHS = rule(
    "E462",
    "multiple-cascade-paths",
    "Error validating: When any of the records in {models} {verb} updated or deleted, the referential actions on "
    "the relations cascade to model `{model}` through multiple paths. Please break one of these paths by setting "
    "the `onUpdate` and `onDelete` to `NoAction`.{defaults}" + _TAIL,
)


def _triggers(view: RelationView, r: Relation) -> bool:
    return triggers_modification(view.on_delete(r)) or triggers_modification(view.on_update(r))


def _defaults(view: RelationView, r: Relation) -> str:
    """The implicit (default) actions that cascade, as Prisma appends them to the message."""
    on_delete = view.on_delete(r) if r.forward.on_delete is None else None
    on_update = view.on_update(r) if r.forward.on_update is None else None
    on_delete = on_delete if on_delete is not None and triggers_modification(on_delete) else None
    on_update = on_update if on_update is not None and triggers_modification(on_update) else None
    if on_delete and on_update:
        return f" (Implicit default `onDelete`: `{on_delete}`, and `onUpdate`: `{on_update}`)"
    if on_delete:
        return f" (Implicit default `onDelete`: `{on_delete}`)"
    if on_update:
        return f" (Implicit default `onUpdate`: `{on_update}`)"
    return ""


def _path(relations: list[Relation]) -> str:
    return " → ".join(f"{r.forward.model.name}.{r.forward.field.name}" for r in relations)


def check(view: RelationView, relation: Relation) -> None:
    if view.support.cycle_detection or view.mode == "prisma":
        _cycles(view, relation)
    if view.support.cycle_detection and view.mode != "prisma":
        _multiple_paths(view, relation)


def _report(view: RelationView, relation: Relation, chosen: object, **values: str) -> None:
    f = relation.forward.field
    view.ctx.report(chosen, f.file, view.field_span(f), defaults=_defaults(view, relation), **values)  # type: ignore[arg-type]


def _cycles(view: RelationView, relation: Relation) -> None:
    parent = relation.forward.model
    visited: set[int] = set()
    stack: list[tuple[Relation, list[Relation]]] = [(relation, [relation])]
    while stack:
        current, path = stack.pop()
        visited.add(id(current.forward))
        related = current.referenced_model
        if not _triggers(view, current):
            continue
        if current.forward.model is related:
            _report(view, relation, SELF_RELATION_CYCLE)
            return
        if related is parent:
            _report(view, relation, CASCADE_CYCLE, path=_path(path))
            return
        for r in view.complete_from(related):
            if id(r.forward) not in visited:
                stack.append((r, [*path, r]))


def _multiple_paths(view: RelationView, relation: Relation) -> None:
    if not _triggers(view, relation):
        return
    parent = relation.forward.model
    paths: list[list[Relation]] = []
    stack: list[tuple[Relation, list[Relation], set[int]]] = [
        (r, [r], set()) for r in view.complete_from(parent) if _triggers(view, r)
    ]
    while stack:
        current, path, seen_fields = stack.pop()
        related = current.referenced_model
        seen_fields.add(id(current.forward))
        if current.forward.model is related or related is parent:
            continue
        onward = [r for r in view.complete_from(related) if _triggers(view, r) and id(r.forward) not in seen_fields]
        if not onward:
            paths.append([*path, current])
            continue
        stack.extend((r, [*path, r], set(seen_fields)) for r in onward)
    seen: dict[str, set[str]] = {}
    for p in paths:
        models = seen.setdefault(p[0].forward.field.name, set())
        models.update(_name(r.referenced_model) for r in p)
    reachable: set[str] = set()
    mine = seen.pop(relation.forward.field.name, None)
    if mine is not None:
        for other in seen.values():
            reachable |= mine & other
    if not reachable:
        return
    names = ", ".join(f"`{m}`" for m in sorted(reachable))
    one = len(reachable) == 1
    _report(
        view, relation, MULTIPLE_CASCADE_PATHS, models=("model " if one else "models ") + names,
        verb="is" if one else "are", model=parent.name,
    )  # fmt: skip


def _name(model: FieldBlockInfo | None) -> str:
    return model.name if model is not None else ""
