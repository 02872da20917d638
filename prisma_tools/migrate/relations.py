"""Relation fields as Prisma's engine turns them into foreign keys and join tables.

Only two things matter for the database: a relation field with ``fields:`` (the
side that holds the foreign key) becomes a foreign key on its model's table,
and two list fields pointing at each other with no ``fields:`` form an
implicit many-to-many relation, stored in a join table ``_Name``. The engine
creates join tables in the order it meets their relations: walking the models
in order, at the field of the relation's model "A" (the model whose name sorts
first); see :func:`many_to_many`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..nodes import FieldDecl, Model
from .ast_util import argument, constant, field_refs, string_arg
from .errors import UnsupportedSchema

__all__ = [
    "ACTIONS",
    "ManyToMany",
    "forward_fields",
    "is_forward",
    "many_to_many",
    "referential_action",
    "relation_name",
]

# Prisma's referential actions -> SQL.
ACTIONS = {
    "Cascade": "CASCADE",
    "Restrict": "RESTRICT",
    "NoAction": "NO ACTION",
    "SetNull": "SET NULL",
    "SetDefault": "SET DEFAULT",
}


def relation_name(field: FieldDecl) -> str | None:
    """``@relation("Name")`` or ``@relation(name: "Name")``; None for an unnamed relation."""
    return string_arg(field.attribute("relation"), "name", positional=True)


def is_forward(field: FieldDecl) -> bool:
    """Whether the field holds the foreign key (``@relation(fields: [...])``)."""
    attr = field.attribute("relation")
    return attr is not None and argument(attr, "fields") is not None


def forward_fields(field: FieldDecl) -> tuple[list[str], list[str]]:
    """``fields:`` and ``references:`` of a forward relation field, as field names."""
    attr = field.attribute("relation")
    assert attr is not None
    fields = [name for name, _ in field_refs(argument(attr, "fields"), "@relation fields")]
    refs = [name for name, _ in field_refs(argument(attr, "references"), "@relation references")]
    if len(fields) != len(refs) or not fields:
        raise UnsupportedSchema(f"field {field.name}: @relation needs as many `references` as `fields`")
    return fields, refs


def referential_action(field: FieldDecl, which: str) -> str | None:
    """The SQL of ``onDelete:``/``onUpdate:``, or None when not given."""
    attr = field.attribute("relation")
    value = argument(attr, which) if attr is not None else None
    if value is None:
        return None
    name = constant(value, which)
    if name not in ACTIONS:
        raise UnsupportedSchema(f"field {field.name}: {which}: {name} is not a referential action")
    return ACTIONS[name]


@dataclass(frozen=True)
class ManyToMany:
    """An implicit many-to-many relation: join table ``_name``, column A -> ``model_a``, B -> ``model_b``."""

    name: str
    model_a: Model
    model_b: Model

    @property
    def table_name(self) -> str:
        return "_" + self.name


def _is_m2m_side(field: FieldDecl, models: dict[str, Model]) -> bool:
    return field.type is not None and field.type.list and field.type.name in models and not is_forward(field)


def many_to_many(models: list[Model]) -> list[ManyToMany]:
    """The implicit many-to-many relations, in the order Prisma creates their join tables."""
    by_name = {m.name: m for m in models}
    found: dict[tuple[str, str, str | None], tuple[tuple[int, int], ManyToMany]] = {}
    for model_index, model in enumerate(models):
        for field_index, field in enumerate(model.fields):
            if not _is_m2m_side(field, by_name):
                continue
            assert field.type is not None
            target = by_name[field.type.name]
            name = relation_name(field)
            opposite = [
                f
                for f in target.fields
                if f is not field
                and _is_m2m_side(f, by_name)
                and f.type is not None
                and f.type.name == model.name
                and relation_name(f) == name
            ]
            if not opposite:
                continue  # a one-to-many back-relation field
            a, b = sorted((model.name, target.name))
            key = (a, b, name)
            # The relation is ingested at model A's field; a self-relation at its first field.
            if model.name != a or key in found:
                continue
            relation = ManyToMany(name=name or f"{a}To{b}", model_a=by_name[a], model_b=by_name[b])
            found[key] = ((model_index, field_index), relation)
    return [relation for _, relation in sorted(found.values(), key=lambda item: item[0])]
