"""Relations as wholes: keys, arities and referential actions of one-to-one, one-to-many and many-to-many relations.

Called by :mod:`.relations` (after the per-field checks), one relation after
another in Prisma's order. Cascade cycles live in :mod:`.relation_cycles`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..resolve import arg
from . import relation_cycles
from .relation_view import container, unique_criteria
from .rules import rule

if TYPE_CHECKING:
    from ..resolve import FieldInfo, Relation, RelationFieldInfo
    from .relation_view import RelationView

_ATTR = 'Error parsing attribute "@relation": '

MISSING_OPPOSITE = rule(
    "E430",
    "missing-opposite-relation-field",
    "Error validating field `{field}` in {container} `{model}`: The relation field `{field}` on {container} `{model}` "
    "is missing an opposite relation field on the model `{target}`. Either run `prisma format` or add it manually.",
)
REFERENCES_NOT_UNIQUE = rule(
    "E431",
    "references-not-unique",
    _ATTR + "The argument `references` must refer to a unique criterion in the related model. Consider adding "
    "{suggestion} attribute to {place}.",
)
REFERENCES_ORDER = rule(
    "E432",
    "references-order",
    "Error validating: The argument `references` must refer to a unique criterion in the related model `{model}` "
    "using the same order of fields. Please check the ordering in the following fields: `{fields}`.",
)
LENGTH_MISMATCH = rule(
    "E433",
    "fields-references-length",
    "Error validating: You must specify the same number of fields in `fields` and `references`.",
)
OPTIONAL_KEYS_REQUIRED_FIELD = rule(
    "E434",
    "relation-arity",
    "Error validating: The relation field `{field}` uses the scalar fields {fields}. At least one of those fields "
    "is optional. Hence the relation field must be optional as well.",
)
TYPE_MISMATCH = rule(
    "E435",
    "relation-type-mismatch",
    _ATTR + "The type of the field `{field}` in the model `{model}` is not matching the type of the referenced field "
    "`{ref}` in model `{ref_model}`.",
)
SET_NULL_REQUIRED = rule(
    "E436",
    "set-null-on-required",
    _ATTR + "The `{key}` referential action of a relation must not be set to `SetNull` when a referenced field is "
    "required.\nEither choose another referential action, or make the referenced fields optional.\n",
)
SET_NULL_REQUIRED_WARNING = rule(
    "W404",
    "set-null-on-required-warning",
    "The `{key}` referential action of a relation should not be set to `SetNull` when a referenced field is "
    "required. We recommend either to choose another referential action, or to make the referenced fields "
    "optional. Read more at https://pris.ly/d/postgres-set-null ",
    "warning",
)
NO_FIELDS_EITHER_SIDE = rule(
    "E437",
    "one-to-one-no-keys",
    _ATTR + "The relation fields `{a}` on Model `{a_model}` and `{b}` on Model `{b_model}` do not provide the "
    "`{arg}` argument in the @relation attribute. You have to provide it on one of the two fields.",
)
KEYS_BOTH_SIDES = rule(
    "E438",
    "one-to-one-keys-both-sides",
    _ATTR + "The relation fields `{a}` on Model `{a_model}` and `{b}` on Model `{b_model}` both provide the `{arg}` "
    "argument in the @relation attribute. You have to provide it only on one of the two fields.",
)
ACTIONS_BOTH_SIDES = rule(
    "E439",
    "one-to-one-actions-both-sides",
    _ATTR + "The relation fields `{a}` on Model `{a_model}` and `{b}` on Model `{b_model}` both provide the "
    "`onDelete` or `onUpdate` argument in the @relation attribute. You have to provide it only on one of the two "
    "fields.",
)
ACTIONS_ON_BACK_SIDE = rule(
    "E440",
    "actions-on-back-side",
    _ATTR + "The relation field `{field}` on Model `{model}` must not specify the `onDelete` or `onUpdate` argument "
    "in the @relation attribute. You must only specify it on the opposite field `{other}` on model `{other_model}`"
    "{tail}.",
)
ONE_TO_ONE_NOT_UNIQUE = rule(
    "E441",
    "one-to-one-not-unique",
    _ATTR + "A one-to-one relation must use unique fields on the defining side. Either add {suggestion}, or change "
    "the relation to one-to-many.",
)
KEYS_SPLIT = rule(
    "E442",
    "fields-references-split",
    _ATTR + "The relation field `{a}` on Model `{a_model}` provides the `{a_arg}` argument in the @relation "
    "attribute. And the related field `{b}` on Model `{b_model}` provides the `{b_arg}` argument. You must provide "
    "both arguments on the same side.",
)
REQUIRED_BACK_SIDE = rule(
    "E443",
    "one-to-one-required-back-side",
    _ATTR + "The relation field `{field}` on Model `{model}` is required. This is not valid because it's not "
    "possible to enforce this constraint on the database level. Please change the field type from `{target}` to "
    "`{target}?` to fix this.",
)
KEYS_ON_OPTIONAL_SIDE = rule(
    "E444",
    "keys-on-wrong-side",
    _ATTR + "The relation field `{back_model}.{back}` defines the `fields` and/or `references` argument. You must "
    "set them on the required side of the relation (`{model}.{field}`) in order for the constraints to be "
    "enforced. Alternatively, you can change this field to be required and the opposite optional, or make both "
    "sides of the relation optional.",
)
MISSING_FIELDS = rule(
    "E445",
    "missing-fields-argument",
    _ATTR + "The relation field `{field}` on Model `{model}` must specify the `fields` argument in the @relation "
    "attribute. You can run `prisma format` to fix this automatically.",
)
MISSING_REFERENCES = rule(
    "E446",
    "missing-references-argument",
    _ATTR + "The relation field `{field}` on Model `{model}` must specify the `references` argument in the "
    "@relation attribute.",
)
KEYS_ON_LIST_SIDE = rule(
    "E447",
    "keys-on-list-side",
    _ATTR + "The relation field `{field}` on Model `{model}` must not specify the `fields` or `references` argument "
    "in the @relation attribute. You must only specify it on the opposite field `{other}` on model `{other_model}`.",
)
IMPLICIT_M2M_UNSUPPORTED = rule(
    "E448",
    "implicit-many-to-many-unsupported",
    "Error validating: Implicit many-to-many relations are not supported on {connector}. Please use the syntax "
    "defined in https://pris.ly/d/document-database-many-to-many",
)
IMPLICIT_M2M_VIEW = rule(
    "E449",
    "implicit-many-to-many-view",
    "Error validating: Implicit many-to-many relations are not supported for views.",
)
M2M_WITHOUT_ID = rule(
    "E450",
    "many-to-many-without-id",
    "Error validating field `{field}` in {container} `{model}`: The relation field `{field}` on {container} `{model}` "
    "references `{target}` which does not have an `@id` field. Models without `@id` cannot be part of a many to "
    "many relation. Use an explicit intermediate Model to represent this relationship.",
)
M2M_NOT_ID = rule(
    "E451",
    "many-to-many-references-not-id",
    "Error validating: Implicit many-to-many relations must always reference the id field of the related model. "
    "Change the argument `references` to use the id field of the related model `{target}`. But it is referencing "
    "the following fields that are not the id: {fields}",
)
M2M_ACTIONS = rule(
    "E452",
    "many-to-many-referential-actions",
    "Error validating: Referential actions on {kind} many-to-many relations are not supported",
)
M2M_REFERENCES = rule(
    "E453",
    "many-to-many-references",
    _ATTR + "Implicit many-to-many relation should not have references argument defined. Either remove it, or "
    "change the relation to one-to-many.",
)
EMBEDDED_UNSUPPORTED = rule(
    "E454",
    "embedded-many-to-many-unsupported",
    "Error validating: Embedded many-to-many relations are not supported on {connector}. Please use the syntax "
    "defined in https://pris.ly/d/relational-database-many-to-many",
)
EMBEDDED_ONE_KEY = rule(
    "E455",
    "embedded-many-to-many-keys",
    _ATTR + "The `{arg}` argument must be defined and must point to exactly one scalar field. "
    "https://pris.ly/d/many-to-many-relations",
)
EMBEDDED_NOT_ID = rule(
    "E456", "embedded-many-to-many-not-id", _ATTR + "The `references` argument must point to a singular `id` field"
)
EMBEDDED_TYPES = rule(
    "E457",
    "embedded-many-to-many-types",
    _ATTR + "The scalar field defined in `fields` argument must be an array of the same type defined in `references`",
)


def check(view: RelationView) -> None:
    for relation in view.db.relations:
        if relation.is_inline:
            _inline(view, relation)
        elif relation.shape == "implicit-many-to-many":
            _implicit_many_to_many(view, relation)
        else:
            _embedded_many_to_many(view, relation)


def _has(fields: tuple[str, ...] | None) -> bool:
    return bool(fields)


def _has_actions(rf: RelationFieldInfo) -> bool:
    return rf.on_delete is not None or rf.on_update is not None


# ----------------------------------------------------------------- one-to-one and one-to-many


def _inline(view: RelationView, relation: Relation) -> None:
    forward = relation.referencing_field
    back = relation.referenced_field
    if forward is not None and back is not None:
        relation_cycles.check(view, relation)
    if forward is not None:
        _references_unique(view, relation, forward)
        _same_length(view, forward)
        _arity(view, forward)
        _types(view, relation, forward)
        _set_null(view, forward)
    if relation.shape == "one-to-one":
        _one_to_one(view, relation, forward, back)
    else:
        _one_to_many(view, forward, back)


def _references_unique(view: RelationView, relation: Relation, forward: RelationFieldInfo) -> None:
    refs = view.referenced(forward)
    if not refs:
        return
    names = [f.name for f in refs]
    criteria = [c.field_names for c in unique_criteria(relation.referenced_model)]
    if any(sorted(c) == sorted(names) for c in criteria):
        if (
            len(names) > 1
            and not view.support.arbitrary_reference_order
            and not any(list(c) == names for c in criteria)
        ):
            view.ctx.report(
                REFERENCES_ORDER, forward.field.file, view.field_span(forward.field),
                model=relation.referenced_model.name if relation.referenced_model else "", fields=", ".join(names),
            )  # fmt: skip
        return
    model = relation.referenced_model.name if relation.referenced_model else ""
    if len(names) == 1:
        suggestion, place = "an `@unique`", f"the field `{names[0]}` in the model `{model}`"
    else:
        suggestion, place = f"an `@@unique([{', '.join(names)}])`", f"the model `{model}`"
    view.ctx.report(
        REFERENCES_NOT_UNIQUE, forward.field.file, view.field_span(forward.field), suggestion=suggestion, place=place
    )


def _same_length(view: RelationView, forward: RelationFieldInfo) -> None:
    if forward.fields is not None and forward.references is not None and len(forward.fields) != len(forward.references):
        view.ctx.report(LENGTH_MISMATCH, forward.field.file, view.attribute_span(forward))


def _arity(view: RelationView, forward: RelationFieldInfo) -> None:
    fields = view.referencing(forward)
    if not forward.field.is_required or fields is None or all(not f.is_optional for f in fields):
        return
    view.ctx.report(
        OPTIONAL_KEYS_REQUIRED_FIELD, forward.field.file, view.field_span(forward.field), field=forward.field.name,
        fields=", ".join(f.name for f in fields),
    )  # fmt: skip


def _types(view: RelationView, relation: Relation, forward: RelationFieldInfo) -> None:
    fields = view.referencing(forward)
    if fields is None:
        return
    for a, b in zip(fields, view.inferred_references(relation), strict=False):
        if a.type != b.type:
            view.ctx.report(
                TYPE_MISMATCH, forward.field.file, view.field_span(forward.field), field=a.name, model=a.parent.name,
                ref=b.name, ref_model=b.parent.name,
            )  # fmt: skip


def _set_null(view: RelationView, forward: RelationFieldInfo) -> None:
    fields = view.referencing(forward)
    if not fields or not any(f.is_required for f in fields):
        return
    warn = view.db.provider == "postgresql" and view.mode == "foreignKeys"
    for key, action in (("onDelete", forward.on_delete), ("onUpdate", forward.on_update)):
        if action == "SetNull":
            chosen = SET_NULL_REQUIRED_WARNING if warn else SET_NULL_REQUIRED
            view.ctx.report(chosen, forward.field.file, view.field_span(forward.field), key=key)


def _missing_opposite(view: RelationView, rf: RelationFieldInfo) -> None:
    kind = container(rf.model)
    view.ctx.report(
        MISSING_OPPOSITE, rf.field.file, view.field_span(rf.field), field=rf.field.name, container=kind,
        model=rf.model.name, target=rf.target,
    )  # fmt: skip


def _one_to_one(
    view: RelationView, relation: Relation, forward: RelationFieldInfo | None, back: RelationFieldInfo | None
) -> None:
    ctx = view.ctx
    if forward is None:
        return
    if back is None:
        _missing_opposite(view, forward)
    else:
        pairs = ((forward, back), (back, forward))
        for arg, attr in (("fields", "fields"), ("references", "references")):
            if not _has(getattr(forward, attr)) and not _has(getattr(back, attr)):
                for a, b in pairs:
                    ctx.report(
                        NO_FIELDS_EITHER_SIDE, a.field.file, view.field_span(a.field), a=a.field.name,
                        a_model=a.model.name, b=b.field.name, b_model=b.model.name, arg=arg,
                    )  # fmt: skip
        for arg, attr in (("references", "references"), ("fields", "fields")):
            if _has(getattr(forward, attr)) and _has(getattr(back, attr)):
                for a in (forward, back):
                    ctx.report(
                        KEYS_BOTH_SIDES, a.field.file, view.field_span(a.field), a=forward.field.name,
                        a_model=forward.model.name, b=back.field.name, b_model=back.model.name, arg=arg,
                    )  # fmt: skip
        if _has_actions(forward) and _has_actions(back):
            for a, b in ((back, forward), (forward, back)):
                ctx.report(
                    ACTIONS_BOTH_SIDES, a.field.file, view.field_span(a.field), a=a.field.name, a_model=a.model.name,
                    b=b.field.name, b_model=b.model.name,
                )  # fmt: skip
        elif _has_actions(back):
            _actions_on_back(view, back, forward, "")
    _one_to_one_unique(view, relation, forward)
    if back is None:
        return
    if not ctx.has_errors:
        if _has(forward.fields) and _has(back.references):
            for a in (forward, back):
                ctx.report(
                    KEYS_SPLIT, a.field.file, view.field_span(a.field), a=forward.field.name,
                    a_model=forward.model.name, a_arg="fields", b=back.field.name, b_model=back.model.name,
                    b_arg="references",
                )  # fmt: skip
        if _has(forward.references) and _has(back.fields):
            ctx.report(
                KEYS_SPLIT, forward.field.file, view.field_span(forward.field), a=forward.field.name,
                a_model=forward.model.name, a_arg="references", b=back.field.name, b_model=back.model.name,
                b_arg="fields",
            )  # fmt: skip
    if not ctx.has_errors and back.field.is_required:
        ctx.report(
            REQUIRED_BACK_SIDE, back.field.file, view.field_span(back.field), field=back.field.name,
            model=back.model.name, target=forward.model.name,
        )  # fmt: skip
    if not ctx.has_errors and forward.field.is_required and back.defines_keys:
        ctx.report(
            KEYS_ON_OPTIONAL_SIDE, back.field.file, view.field_span(back.field), back_model=back.model.name,
            back=back.field.name, model=forward.model.name, field=forward.field.name,
        )  # fmt: skip


def _one_to_one_unique(view: RelationView, relation: Relation, forward: RelationFieldInfo) -> None:
    fields = view.referencing(forward)
    if fields is None:
        return
    names = sorted(f.name for f in fields)
    if any(sorted(c.field_names) == names for c in unique_criteria(relation.referencing_model)):
        return
    if len(fields) == 1:
        suggestion = f"an `@unique` attribute to the field `{fields[0].name}`"
    else:
        suggestion = f"an `@@unique([{', '.join(f.name for f in fields)}])` attribute to the model"
    view.ctx.report(ONE_TO_ONE_NOT_UNIQUE, forward.field.file, view.field_span(forward.field), suggestion=suggestion)


def _actions_on_back(view: RelationView, back: RelationFieldInfo, forward: RelationFieldInfo, tail: str) -> None:
    view.ctx.report(
        ACTIONS_ON_BACK_SIDE, back.field.file, view.field_span(back.field), field=back.field.name,
        model=back.model.name, other=forward.field.name, other_model=forward.model.name, tail=tail,
    )  # fmt: skip


def _one_to_many(view: RelationView, forward: RelationFieldInfo | None, back: RelationFieldInfo | None) -> None:
    if forward is None or back is None:
        present = forward or back
        if present is not None:
            _missing_opposite(view, present)
        return
    ctx = view.ctx
    if not _has(forward.fields):
        ctx.report(
            MISSING_FIELDS, forward.field.file, view.field_span(forward.field), field=forward.field.name,
            model=forward.model.name,
        )  # fmt: skip
    if not _has(forward.references):
        ctx.report(
            MISSING_REFERENCES, forward.field.file, view.field_span(forward.field), field=forward.field.name,
            model=forward.model.name,
        )  # fmt: skip
    if _has(back.fields) or _has(back.references):
        ctx.report(
            KEYS_ON_LIST_SIDE, back.field.file, view.field_span(back.field), field=back.field.name,
            model=back.model.name, other=forward.field.name, other_model=forward.model.name,
        )  # fmt: skip
    if _has_actions(back):
        _actions_on_back(view, back, forward, ", or in case of a many to many relation, in an explicit join table")


# ----------------------------------------------------------------- many-to-many


def _sides(relation: Relation) -> list[RelationFieldInfo]:
    return [relation.forward] + ([relation.back] if relation.back is not None else [])


def _action_spans(view: RelationView, rf: RelationFieldInfo) -> list[tuple[int, int]]:
    """The values of the field's explicit ``onDelete`` and ``onUpdate``."""
    out = []
    for key, action in (("onDelete", rf.on_delete), ("onUpdate", rf.on_update)):
        a = arg(rf.attribute, key, positional=None) if rf.attribute is not None and action is not None else None
        if a is not None and a.value is not None:
            out.append(view.ctx.offsets(a.value))
    return out


def _single_id(rf: RelationFieldInfo) -> FieldInfo | None:
    """The related model's single-field ``@id``/``@@id`` field, if it has one."""
    related = rf.related
    pk = related.primary_key if related is not None else None
    if pk is None or len(pk.field_names) != 1 or related is None:
        return None
    return related.field(pk.field_names[0])


def _implicit_many_to_many(view: RelationView, relation: Relation) -> None:
    ctx = view.ctx
    sides = _sides(relation)
    if not view.support.implicit_many_to_many:
        for rf in sides:
            ctx.report(IMPLICIT_M2M_UNSUPPORTED, rf.field.file, view.field_span(rf.field), connector=view.support.name)
    if any(rf.model.kind == "view" for rf in sides):
        for rf in sides:
            ctx.report(IMPLICIT_M2M_VIEW, rf.field.file, view.field_span(rf.field))
    for rf in sides:
        id_field = _single_id(rf)
        if id_field is None:
            kind = container(rf.related)
            ctx.report(
                M2M_WITHOUT_ID, rf.field.file, view.field_span(rf.field), field=rf.field.name, container=kind,
                model=rf.model.name, target=rf.target,
            )  # fmt: skip
            continue
        if rf.references is not None and rf.references != (id_field.name,):
            ctx.report(
                M2M_NOT_ID, rf.field.file, view.field_span(rf.field), target=rf.target,
                fields=", ".join(rf.references),
            )  # fmt: skip
    for rf in sides:
        for span in _action_spans(view, rf):
            ctx.report(M2M_ACTIONS, rf.field.file, span, kind="implicit")
    for rf in sides:
        if rf.references is not None:
            ctx.report(M2M_REFERENCES, rf.field.file, view.field_span(rf.field))


def _embedded_many_to_many(view: RelationView, relation: Relation) -> None:
    ctx = view.ctx
    sides = _sides(relation)
    if not view.support.embedded_many_to_many:
        for rf in sides:
            ctx.report(EMBEDDED_UNSUPPORTED, rf.field.file, view.field_span(rf.field), connector=view.support.name)
        return
    for key in ("references", "fields"):
        for rf in sides:
            keys = rf.references if key == "references" else rf.fields
            if keys is None or len(keys) != 1:
                span = view.argument_span(rf, key) if _has_arg(rf, key) else view.attribute_span(rf)
                ctx.report(EMBEDDED_ONE_KEY, rf.field.file, span, arg=key)
    for rf in sides:
        refs = view.referenced(rf)
        if refs:
            id_field = _single_id(rf)
            if id_field is None or refs[0] is not id_field:
                ctx.report(EMBEDDED_NOT_ID, rf.field.file, view.argument_span(rf, "references"))
    for rf in sides:
        fields, refs = view.referencing(rf), view.referenced(rf)
        if not fields or not refs:
            continue
        a, b = fields[0], refs[0]
        native = (a.native_type.name if a.native_type else None) == (b.native_type.name if b.native_type else None)
        if a.is_list and a.type == b.type and native and not b.is_list:
            continue
        ctx.report(EMBEDDED_TYPES, rf.field.file, view.attribute_span(rf))
    for rf in sides:
        for span in _action_spans(view, rf):
            ctx.report(M2M_ACTIONS, rf.field.file, span, kind="two-way embedded")


def _has_arg(rf: RelationFieldInfo, name: str) -> bool:
    return rf.attribute is not None and any(a.name == name for a in rf.attribute.arguments or ())
