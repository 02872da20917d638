"""Relation fields and how they pair up, as Prisma's validator sees them.

A relation field is a model field whose type is another (or the same) model.
Prisma pairs the two sides of a relation by model pair and relation name:
the fields of ``A`` pointing to ``B`` and those of ``B`` pointing to ``A`` with
the same name (``@relation("Name")``, or none) form one :class:`RelationGroup`.
One field on each side is a relation; one field alone is missing its opposite;
more than one on a side is ambiguous. A self-relation's fields are all on one
side, and Prisma 6 requires every self-relation to be named.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import count

from ..nodes import FieldDecl, Model
from ._ast import FieldBlock, attribute_fields, field_list, relation_attribute, relation_name
from ._edit import SchemaEdit

__all__ = ["RelationField", "RelationGroup", "duplicate_field_names", "relation_groups", "unique_criterion"]


@dataclass(frozen=True)
class RelationField:
    """One relation field: where it is, what it points to and its ``@relation`` arguments."""

    model: str
    field: FieldDecl
    target: str
    name: str | None
    fields: tuple[str, ...] | None
    references: tuple[str, ...] | None
    order: int
    """Declaration order over the whole schema."""

    @property
    def is_list(self) -> bool:
        return self.field.type is not None and self.field.type.list

    @property
    def is_optional(self) -> bool:
        return self.field.type is not None and self.field.type.optional

    @property
    def defines_keys(self) -> bool:
        """Whether this is the side that holds the foreign key (``fields:`` or ``references:`` given)."""
        attr = relation_attribute(self.field)
        return attr is not None and (attr.argument("fields") is not None or attr.argument("references") is not None)

    @property
    def label(self) -> str:
        return f"{self.model}.{self.field.name}"


@dataclass
class RelationGroup:
    """The relation fields between two models (or of one self-related model) sharing a relation name."""

    first: str
    second: str
    name: str | None
    sides: dict[str, list[RelationField]] = field(default_factory=dict)

    @property
    def is_self(self) -> bool:
        return self.first == self.second

    def side(self, model: str) -> list[RelationField]:
        return self.sides.get(model, [])

    @property
    def fields(self) -> list[RelationField]:
        """Every field of the group, in declaration order."""
        return sorted((f for side in self.sides.values() for f in side), key=lambda f: f.order)

    def pair(self) -> tuple[RelationField, RelationField] | None:
        """The two sides of the relation, when the group is exactly one relation."""
        fs = self.fields
        if len(fs) != 2:
            return None
        if self.is_self or fs[0].model != fs[1].model:
            return fs[0], fs[1]
        return None


def duplicate_field_names(edit: SchemaEdit) -> dict[str, list[str]]:
    """Models that declare a field name twice (Prisma rejects them), with those names.

    Edits address fields by name, so a pass must leave such a model alone: it
    cannot tell which of the two fields a change is meant for.
    """
    out: dict[str, list[str]] = {}
    for model_name in edit.names():
        model = edit.get(model_name)
        if not isinstance(model, Model):
            continue
        seen: set[str] = set()
        for f in model.fields:
            if f.name in seen and f.name not in out.get(model_name, ()):
                out.setdefault(model_name, []).append(f.name)
            seen.add(f.name)
    return out


def relation_groups(edit: SchemaEdit, exclude: frozenset[str] | set[str] = frozenset()) -> list[RelationGroup]:
    """The relation groups of the schema's models, in the order their first field is declared.

    Groups with a side in a model of ``exclude`` are left out.
    """
    groups: dict[tuple[str, str, str | None], RelationGroup] = {}
    order = count()
    for model_name in edit.names():
        model = edit.get(model_name)
        if not isinstance(model, Model):
            continue
        for f in model.fields:
            if f.type is None or not isinstance(edit.get(f.type.name), Model):
                continue
            target = f.type.name
            rf = RelationField(
                model=model_name,
                field=f,
                target=target,
                name=relation_name(f),
                fields=field_list(f, "fields"),
                references=field_list(f, "references"),
                order=next(order),
            )
            a, b = sorted((model_name, target))
            key = (a, b, rf.name)
            if a in exclude or b in exclude:
                continue
            group = groups.get(key)
            if group is None:
                group = groups[key] = RelationGroup(first=model_name, second=target, name=rf.name)
            group.sides.setdefault(model_name, []).append(rf)
    return list(groups.values())


def unique_criterion(block: FieldBlock) -> tuple[str, ...] | None:
    """The fields a relation to ``block`` references by default: its first unique criterion of required fields.

    Prisma's order: ``@id``, ``@@id``, then ``@unique`` fields in field order,
    then ``@@unique`` in order.
    """

    def required(names: tuple[str, ...]) -> bool:
        for n in names:
            f = block.field(n)
            if f is None or f.type is None or f.type.optional or f.type.list:
                return False
        return True

    candidates: list[tuple[str, ...]] = []
    candidates.extend((f.name,) for f in block.fields if f.attribute("id") is not None)
    candidates.extend(attribute_fields(a) or () for a in block.attributes if a.name == "id")
    candidates.extend((f.name,) for f in block.fields if f.attribute("unique") is not None)
    candidates.extend(attribute_fields(a) or () for a in block.attributes if a.name == "unique")
    for c in candidates:
        if c and required(c):
            return c
    return None
