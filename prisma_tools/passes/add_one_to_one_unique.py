"""PT004 add-one-to-one-unique: make the foreign key of a one-to-one relation unique."""

from __future__ import annotations

from ..nodes import Model, Schema
from ._ast import ensure_unique, is_unique_over, where
from ._edit import SchemaEdit
from ._relations import duplicate_field_names, relation_groups
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
    # a model with two fields of one name is left alone (add-back-relations says so)
    for group in relation_groups(edit, exclude=set(duplicate_field_names(edit))):
        pair = group.pair()
        if pair is None:
            continue
        keyed = [f for f in pair if f.defines_keys]
        if len(keyed) != 1:
            continue
        key = keyed[0]
        opposite = pair[1] if key is pair[0] else pair[0]
        if opposite.is_list or not key.fields:
            continue
        model = edit.get(key.model)
        assert isinstance(model, Model)
        if is_unique_over(model, key.fields):
            continue
        missing = [n for n in key.fields if model.field(n) is None]
        if missing:
            ctx.warn(
                f"{key.label} is one side of a one-to-one relation, but its foreign key "
                f"{', '.join(missing)} does not exist in {key.model}; left alone",
                path=edit.path(key.model),
                span=key.field.span,
            )
            continue
        edit.replace(key.model, ensure_unique(model, key.fields))
        what = (
            f"@unique to {key.model}.{key.fields[0]}"
            if len(key.fields) == 1
            else (f"@@unique([{', '.join(key.fields)}]) to {key.model}")
        )
        ctx.report(
            f"added {what}: {key.label} and {opposite.label} form a one-to-one relation "
            f"(at {where(edit.path(opposite.model), opposite.field.span)})",
            path=edit.path(key.model),
            span=key.field.span,
        )
    return edit.result()
