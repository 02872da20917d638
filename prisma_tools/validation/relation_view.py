"""Shared reading of relations for the relation validations: fields by name, keys, defaults, spans."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .relation_support import relation_mode, support

if TYPE_CHECKING:
    from ..resolve import FieldBlockInfo, FieldInfo, IndexInfo, Relation, RelationFieldInfo
    from .context import Context

__all__ = ["RelationView", "triggers_modification"]


def triggers_modification(action: str) -> bool:
    return action not in ("NoAction", "Restrict")


class RelationView:
    """The schema's relations as the validations need them, with lookups built once."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.db = ctx.db
        self.support = support(ctx.db)
        self.mode = relation_mode(ctx.db)
        self._fields: dict[int, dict[str, FieldInfo]] = {}
        self.blocks = self.db.models + self.db.views
        self.order = {id(b): i for i, b in enumerate(t for t in self.db.tops if t.kind in ("model", "view"))}
        self._complete: dict[int, list[Relation]] | None = None

    # ------------------------------------------------------------- lookups

    def field(self, model: FieldBlockInfo | None, name: str) -> FieldInfo | None:
        if model is None:
            return None
        table = self._fields.get(id(model))
        if table is None:
            table = {}
            for f in model.fields:
                table.setdefault(f.name, f)
            self._fields[id(model)] = table
        return table.get(name)

    def scalars(self, model: FieldBlockInfo | None, names: tuple[str, ...] | None) -> list[FieldInfo] | None:
        """The fields ``names`` of ``model`` (None when absent or when one does not resolve)."""
        if names is None:
            return None
        out = []
        for n in names:
            f = self.field(model, n)
            if f is None:
                return None
            out.append(f)
        return out

    def referencing(self, rf: RelationFieldInfo | None) -> list[FieldInfo] | None:
        return None if rf is None else self.scalars(rf.model, rf.fields)

    def referenced(self, rf: RelationFieldInfo | None) -> list[FieldInfo] | None:
        return None if rf is None else self.scalars(rf.related, rf.references)

    def inferred_references(self, relation: Relation) -> list[FieldInfo]:
        """The forward side's ``references``, else the referenced model's first strict unique criterion."""
        explicit = self.referenced(relation.referencing_field)
        if explicit is not None:
            return explicit
        for c in unique_criteria(relation.referenced_model):
            fields = self.scalars(relation.referenced_model, c.field_names)
            if fields is not None and all(f.is_required for f in fields):
                return fields
        return []

    def complete_from(self, model: FieldBlockInfo | None) -> list[Relation]:
        """The one-to-one/one-to-many relations written on both sides whose keys ``model`` holds.

        In Prisma's order: by referenced model, then as inferred.
        """
        if self._complete is None:
            table: dict[int, list[Relation]] = {}
            for r in self.db.relations:
                if r.is_inline and not r.back_only and r.back is not None and r.referenced_model is not None:
                    table.setdefault(id(r.forward.model), []).append(r)
            for rels in table.values():
                rels.sort(key=lambda r: self.order.get(id(r.referenced_model), 0))
            self._complete = table
        return self._complete.get(id(model), [])

    # ------------------------------------------------------------- referential actions

    def on_delete(self, relation: Relation) -> str:
        forward = relation.forward
        if forward.on_delete is not None:
            return forward.on_delete
        fields = self.referencing(forward) or []
        required = forward.field.is_required or any(f.is_required for f in fields)
        if required:
            return "Restrict" if "Restrict" in self.support.actions(self.mode) else "NoAction"
        return "SetNull"

    @staticmethod
    def on_update(relation: Relation) -> str:
        return relation.forward.on_update or "Cascade"

    # ------------------------------------------------------------- spans

    def field_span(self, f: FieldInfo) -> tuple[int, int]:
        """Prisma's span of a field: its line, through the line break."""
        return self.ctx.line_span(f.file, f.node)

    def argument_span(self, rf: RelationFieldInfo, name: str) -> tuple[int, int]:
        """An argument of ``@relation`` (name included), else the field."""
        if rf.attribute is not None:
            for a in rf.attribute.arguments or ():
                if a.name == name and a.span is not None:
                    return a.span.start_offset, a.span.end_offset
        return self.field_span(rf.field)

    def attribute_span(self, rf: RelationFieldInfo) -> tuple[int, int]:
        attr = rf.field.attribute("relation")
        return self.ctx.offsets(attr) if attr is not None else self.field_span(rf.field)


def unique_criteria(model: FieldBlockInfo | None) -> list[IndexInfo]:
    return [] if model is None else model.unique_criteria


def container(model: FieldBlockInfo | None) -> str:
    return "view" if model is not None and model.kind == "view" else "model"
