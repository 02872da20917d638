"""PT004 add-one-to-one-unique: make the foreign key of a one-to-one relation unique."""

from __future__ import annotations

from ..edit.schema_edit import SchemaEdit, resolve_first_definitions
from ..nodes import Model, Schema
from ..resolve import RelationFieldInfo, group_relation_fields
from ._ast import ensure_unique, field_list, is_unique_over, relation_attribute, relation_name, where
from .base import PassContext, register

__all__ = ["add_one_to_one_unique"]


@register(code="PT004", name="add-one-to-one-unique", runs_after=("add-back-relations",))
def add_one_to_one_unique(schema: Schema, ctx: PassContext) -> Schema:
    """Add ``@unique`` (or ``@@unique``) to the foreign key of each one-to-one relation lacking it.

    A relation is one-to-one when the field opposite the one holding
    ``@relation(fields: [...])`` is singular (``Profile?`` or ``Profile``,
    not ``Profile[]``). Prisma then requires the foreign key to be unique:
    ``@id`` or ``@unique`` on the one field, or ``@@id``/``@@unique`` over
    exactly those fields in that order. One field gets ``@unique``, several
    get ``@@unique([a, b])``. Opposite fields are matched as Prisma matches
    them: by model pair and relation name, self-relations included.

    Runs after add-back-relations, which can complete one-to-one relations.

    Never touches: relations without an opposite field or with several
    candidates (ambiguous), one-to-many and many-to-many relations, and foreign
    keys naming fields that do not exist (a warning).

    Before::

        model Mentorship {
          id        String             @id
          requestId String?
          request   MentorshipRequest? @relation(fields: [requestId], references: [id])
        }

        model MentorshipRequest {
          id         String      @id
          mentorship Mentorship?
        }

    After: ``requestId String? @unique``.
    """
    edit = SchemaEdit(schema)
    resolved = resolve_first_definitions(schema, ctx)
    # a model with two fields of one name is left alone (add-back-relations says so)
    skipped = {m.name for m in resolved.models if m.duplicate_field_names}
    candidates = [
        rf
        for rf in resolved.relation_fields
        if rf.model.kind == "model"
        and rf.related is not None
        and rf.related.kind == "model"
        and rf.model.name not in skipped
        and rf.target not in skipped
    ]
    for group in group_relation_fields(candidates, name=lambda rf: relation_name(rf.field.node)):
        pair = group.pair()
        if pair is None:
            continue
        keyed = [f for f in pair if _defines_keys(f)]
        if len(keyed) != 1:
            continue
        key = keyed[0]
        opposite = pair[1] if key is pair[0] else pair[0]
        fields = field_list(key.field.node, "fields")
        if opposite.field.is_list or not fields:
            continue
        label, model_name, span = key.field.label, key.model.name, key.field.node.span
        model = edit.get(model_name)
        assert isinstance(model, Model)
        if is_unique_over(model, fields):
            continue
        missing = [n for n in fields if model.field(n) is None]
        if missing:
            ctx.warn(
                f"{label} is one side of a one-to-one relation, but its foreign key "
                f"{', '.join(missing)} does not exist in {model_name}; left alone",
                path=edit.path(model_name),
                span=span,
            )
            continue
        edit.replace(model_name, ensure_unique(model, fields))
        what = (
            f"@unique to {model_name}.{fields[0]}"
            if len(fields) == 1
            else (f"@@unique([{', '.join(fields)}]) to {model_name}")
        )
        ctx.report(
            f"added {what}: {label} and {opposite.field.label} form a one-to-one relation "
            f"(at {where(edit.path(opposite.model.name), opposite.field.node.span)})",
            path=edit.path(model_name),
            span=span,
        )
    return edit.result()


def _defines_keys(rf: RelationFieldInfo) -> bool:
    """Whether the field's (first) ``@relation`` has ``fields`` or ``references``, however written."""
    attr = relation_attribute(rf.field.node)
    return attr is not None and (attr.argument("fields") is not None or attr.argument("references") is not None)
