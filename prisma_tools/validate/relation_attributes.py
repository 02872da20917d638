"""``@relation`` arguments, read as Prisma's parser-database reads them (before relations are inferred).

On a relation field: ``fields`` must name scalar fields of the model,
``references`` scalar fields of the related model, the name must not be
empty, ``onDelete``/``onUpdate`` must be referential actions and ``map`` a
non-empty string. On a scalar field, ``@relation`` is an error by itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nodes import ArrayValue, ConstantValue, FunctionCall, NumberValue, StringValue
from ..resolve import REFERENTIAL_ACTIONS, arg
from .rules import rule

if TYPE_CHECKING:
    from ..nodes import Argument, FieldAttribute, Value
    from ..resolve import FieldBlockInfo, FieldInfo, SourceFile
    from .context import Context

NOT_A_RELATION = rule(
    "E401", "relation-on-scalar-field", 'Error parsing attribute "@relation": Invalid field type, not a relation.'
)
UNUSED_ARGUMENT = rule("E402", "relation-argument-unused", "No such argument.")
WRONG_VALUE_TYPE = rule(
    "E403", "relation-argument-type", "Expected a {expected} value, but received {kind} value `{raw}`."
)
EMPTY_NAME = rule(
    "E404", "relation-empty-name", 'Error parsing attribute "@relation": A relation cannot have an empty name.'
)
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
INVALID_ACTION = rule(
    "E410", "invalid-referential-action", 'Error parsing attribute "@relation": Invalid referential action: `{action}`'
)
EMPTY_MAP = rule(
    "E411", "relation-empty-map", 'Error parsing attribute "@relation": The `map` argument cannot be an empty string.'
)

PHASE = "database"
ORDER = 40

_SCALAR_KINDS = ("scalar", "enum", "composite", "unsupported")


def check(ctx: Context) -> None:
    # `@relation` in a composite type is reported by composite_attributes, with the other attributes
    for top in ctx.db.models + ctx.db.views:
        for f in top.fields:
            attrs = f.attributes("relation")
            if len(attrs) != 1:
                continue  # a repeated attribute is reported (and not read) elsewhere
            if f.is_relation:
                _relation(ctx, f, attrs[0])
            elif f.type.kind in _SCALAR_KINDS:
                ctx.report(NOT_A_RELATION, f.file, attrs[0])
                for a in attrs[0].arguments or ():
                    ctx.report(UNUSED_ARGUMENT, f.file, a)


def _relation(ctx: Context, f: FieldInfo, attr: FieldAttribute) -> None:
    file = f.file
    model = f.parent
    related = ctx.db.model(f.type.name)
    fields_arg = arg(attr, "fields", positional=None)
    if fields_arg is not None:
        names = _constants(ctx, file, fields_arg)
        if names is not None:
            unknown, relations = _resolve(ctx, file, attr, model, names)
            if unknown:
                ctx.report(UNKNOWN_FIELDS, file, fields_arg.value, names=", ".join(unknown))
            if relations:
                ctx.report(RELATION_FIELDS_IN_FIELDS, file, fields_arg.value, names=", ".join(relations))
    refs_arg = arg(attr, "references", positional=None)
    if refs_arg is not None and related is not None:
        names = _constants(ctx, file, refs_arg)
        if names is not None:
            unknown, relations = _resolve(ctx, file, attr, related, names)
            if unknown:
                ctx.report(UNKNOWN_REFERENCES, file, attr, model=related.name, names=", ".join(unknown))
            if relations:
                ctx.report(RELATION_FIELDS_IN_REFERENCES, file, attr, model=related.name, names=", ".join(relations))
    name_arg = arg(attr, "name")
    if name_arg is not None:
        name = _string(ctx, file, name_arg.value)
        if name == "":
            ctx.report(EMPTY_NAME, file, attr)
    for key in ("onDelete", "onUpdate"):
        action_arg = arg(attr, key, positional=None)
        if action_arg is None:
            continue
        action = _constant(ctx, file, action_arg.value)
        if action is not None and action not in REFERENTIAL_ACTIONS:
            ctx.report(INVALID_ACTION, file, action_arg.value, action=action)
    map_arg = arg(attr, "map", positional=None)
    if map_arg is not None and _string(ctx, file, map_arg.value) == "":
        ctx.report(EMPTY_MAP, file, attr)


def _resolve(
    ctx: Context, file: SourceFile, attr: FieldAttribute, model: FieldBlockInfo, names: list[str]
) -> tuple[list[str], list[str]]:
    """``(unknown names, names of relation fields)``; a name given twice is reported and ends the reading."""
    unknown: list[str] = []
    relations: list[str] = []
    seen: set[str] = set()
    for name in names:
        target = None if "." in name else model.field(name)
        if target is None:
            unknown.append(name)
        elif target.is_relation:
            relations.append(name)
        elif name in seen:
            ctx.report(REPEATED_FIELD, file, attr, model=model.name, name=name)
            return [], []
        else:
            seen.add(name)
    return unknown, relations


# ----------------------------------------------------------------- value coercion (Prisma's messages)


def describe(value: Value) -> str:
    """How Prisma names a value's kind in "Expected a ... value, but received ... value"."""
    if isinstance(value, StringValue):
        return "string"
    if isinstance(value, NumberValue):
        return "numeric"
    if isinstance(value, ConstantValue):
        return "literal"
    if isinstance(value, FunctionCall):
        return "functional"
    if isinstance(value, ArrayValue):
        return "array"
    return "object"


def _mismatch(ctx: Context, file: SourceFile, value: Value, expected: str) -> None:
    start, end = ctx.offsets(value)
    ctx.report(WRONG_VALUE_TYPE, file, value, expected=expected, kind=describe(value), raw=file.text[start:end])


def _string(ctx: Context, file: SourceFile, value: Value | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, StringValue):
        return value.value
    _mismatch(ctx, file, value, "string")
    return None


def _constant(ctx: Context, file: SourceFile, value: Value | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, ConstantValue):
        return value.name
    _mismatch(ctx, file, value, "constant")
    return None


def _constants(ctx: Context, file: SourceFile, a: Argument) -> list[str] | None:
    """An array of constants (a single constant counts as one); None after reporting what is not."""
    value = a.value
    if value is None:
        return None
    if not isinstance(value, ArrayValue):
        one = _constant(ctx, file, value)
        return None if one is None else [one]
    out: list[str] = []
    ok = True
    for item in value.items:
        name = _constant(ctx, file, item)
        if name is None:
            ok = False
        else:
            out.append(name)
    return out if ok else None
