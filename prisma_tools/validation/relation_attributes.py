"""``@relation`` arguments, read as Prisma's parser-database reads them (before relations are inferred).

On a relation field, ``fields`` must name scalar fields of the model and
``references`` scalar fields of the related model. The shape of the arguments
(value kinds, an empty name or ``map``, referential actions, ``@relation`` on
a scalar field) is the attribute pass's (:mod:`.attributes`); here a value of
the wrong kind is only not read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nodes import ArrayValue, ConstantValue
from ..resolve import arg
from .rules import rule

if TYPE_CHECKING:
    from ..nodes import Argument, FieldAttribute, Value
    from ..resolve import FieldBlockInfo, FieldInfo, SourceFile
    from .context import Context

UNKNOWN_FIELDS = rule(
    "E405",
    "relation-unknown-fields",
    "Error validating: The argument fields must refer only to existing fields. "
    "The following fields do not exist in this model: {names}",
)
RELATION_FIELDS_IN_FIELDS = rule(
    "E406",
    "relation-fields-not-scalar",
    "Error validating: The argument fields must refer only to scalar fields. "
    "But it is referencing the following relation fields: {names}",
)
UNKNOWN_REFERENCES = rule(
    "E407",
    "relation-unknown-references",
    "Error validating: The argument `references` must refer only to existing fields in the related model `{model}`. "
    "The following fields do not exist in the related model: {names}",
)
RELATION_FIELDS_IN_REFERENCES = rule(
    "E408",
    "relation-references-not-scalar",
    "Error validating: The argument `references` must refer only to scalar fields in the related model `{model}`. "
    "But it is referencing the following relation fields: {names}",
)
REPEATED_FIELD = rule(
    "E409",
    "relation-repeated-field",
    'Error validating model "{model}": The unique index definition refers to the field {name} multiple times.',
)

PHASE = "database"
ORDER = 40


def check(ctx: Context) -> None:
    # `@relation` in a composite type is reported by composite_attributes, with the other attributes
    for top in ctx.db.models + ctx.db.views:
        for f in top.fields:
            attrs = f.attributes("relation")
            if len(attrs) != 1:
                continue  # a repeated attribute is reported (and not read) elsewhere
            if f.is_relation:
                _relation(ctx, f, attrs[0])


def _relation(ctx: Context, f: FieldInfo, attr: FieldAttribute) -> None:
    file = f.file
    model = f.parent
    related = ctx.db.model(f.type.name)
    fields_arg = arg(attr, "fields", positional=None)
    if fields_arg is not None:
        names = _constants(fields_arg)
        if names is not None:
            unknown, relations = _resolve(ctx, file, attr, model, names)
            if unknown:
                ctx.report(UNKNOWN_FIELDS, file, fields_arg.value, names=", ".join(unknown))
            if relations:
                ctx.report(RELATION_FIELDS_IN_FIELDS, file, fields_arg.value, names=", ".join(relations))
    refs_arg = arg(attr, "references", positional=None)
    if refs_arg is not None and related is not None:
        names = _constants(refs_arg)
        if names is not None:
            unknown, relations = _resolve(ctx, file, attr, related, names)
            if unknown:
                ctx.report(UNKNOWN_REFERENCES, file, attr, model=related.name, names=", ".join(unknown))
            if relations:
                ctx.report(RELATION_FIELDS_IN_REFERENCES, file, attr, model=related.name, names=", ".join(relations))


def _resolve(
    ctx: Context, file: SourceFile, attr: FieldAttribute, model: FieldBlockInfo, names: list[str]
) -> tuple[list[str], list[str]]:
    """``(unknown names, names of relation fields)``; a name given twice is reported and ends the reading."""
    unknown: list[str] = []
    relations: list[str] = []
    seen: set[str] = set()
    for name in names:
        target = None if "." in name else model.field(name)
        if target is None or target.node.type is None:  # a field without a type is no field for Prisma
            unknown.append(name)
        elif target.is_relation or target.type.kind == "unknown":  # not a scalar field, for Prisma
            relations.append(name)
        elif name in seen:
            ctx.report(REPEATED_FIELD, file, attr, model=model.name, name=name)
            return [], []
        else:
            seen.add(name)
    return unknown, relations


# ----------------------------------------------------------------- reading constants


def _constant(value: Value | None) -> str | None:
    return value.name if isinstance(value, ConstantValue) else None


def _constants(a: Argument) -> list[str] | None:
    """An array of constants (a single constant counts as one); None when any item is not one."""
    value = a.value
    if not isinstance(value, ArrayValue):
        one = _constant(value)
        return None if one is None else [one]
    out = [_constant(item) for item in value.items]
    return None if None in out else [n for n in out if n is not None]
