"""Shard keys: ``@@shardKey``'s field list (read in the attribute pass), then the preview feature and provider.

:func:`model_shard_key` is called by :mod:`.attributes`; :func:`check` is
part of the validations proper.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nodes import ArrayValue, ConstantValue
from ..resolve import arg
from .attribute_args import ATTRIBUTE_ERROR, attribute_span
from .rules import rule

if TYPE_CHECKING:
    from ..nodes import FieldAttribute
    from ..resolve import FieldBlockInfo
    from .attribute_args import Visit
    from .context import Context

SHARD_KEY_UNKNOWN_FIELDS = rule(
    "E340",
    "shard-key-unknown-fields",
    'Error validating model "{model}": The multi field shard key declaration refers to the unknown {fields}.',
)
SHARD_KEY_RELATION_FIELDS = rule(
    "E341",
    "shard-key-relation-fields",
    'Error validating model "{model}": The shard key definition refers to the relation {fields}. '
    "Shard key definitions must reference only scalar fields.",
)
SHARD_KEY_OPTIONAL_FIELDS = rule(
    "E342",
    "shard-key-optional-fields",
    'Error validating model "{model}": The shard key definition refers to the optional {fields}. '
    "Shard key definitions must reference only required fields.",
)
SHARD_KEY_TWICE = rule(
    "E343",
    "multiple-shard-keys",
    'Error validating model "{model}": Each model must have at most one shard key. '
    "You can't have `@shardKey` and `@@shardKey` at the same time.",
)
DUPLICATE_INDEX_FIELD = rule(
    "E344",
    "field-listed-twice",
    'Error validating model "{model}": The unique index definition refers to the field {field} multiple times.',
)

_SCALAR_KINDS = ("scalar", "enum", "composite", "unsupported")

PHASE = "validations"
ORDER = 45

_SUPPORTED = ("mysql",)


def check(ctx: Context) -> None:
    db = ctx.db
    enabled = "shardKeys" in db.preview_features
    provider = db.datasource.provider if db.datasource is not None else None
    for model in db.models:
        # The model's shard key: its @@shardKey, else its @shardKey field.
        attrs: list[FieldAttribute] = list(model.block_attributes("shardKey"))
        prefix = "@@"
        if not attrs:
            attrs = [a for f in model.fields for a in f.attributes("shardKey")]
            prefix = "@"
        if not attrs:
            continue
        a = attrs[0]
        where = attribute_span(model.file, a)
        messages = []
        if not enabled:
            messages.append("Defining shard keys requires enabling the `shardKeys` preview feature")
        elif db.provider not in _SUPPORTED:
            messages.append(f"Shard keys are not currently supported for provider {provider}")
        fields = arg(a, "fields")
        if prefix == "@@" and fields is not None and isinstance(fields.value, ArrayValue) and not fields.value.items:
            messages.append(
                "The list of fields in a `@@shardKey()` attribute cannot be empty. Please specify at least one field."
            )
        for message in messages:
            ctx.report(ATTRIBUTE_ERROR, model.file, where, attribute=prefix + a.name, detail=message)


def model_shard_key(ctx: Context, v: Visit, model: FieldBlockInfo, ignored: bool, *, has_shard_key: bool) -> bool:
    """Read ``@@shardKey``'s field list; True when it defines the model's shard key."""
    value = v.default("fields")
    if value is None:
        return False
    items = value.items if isinstance(value, ArrayValue) else (value,)
    names: list[str] = []
    for item in items:
        if isinstance(item, ConstantValue):
            names.append(item.name)
        else:
            v.mismatch("constant", item)
    if len(names) != len(items):
        return False
    unknown: list[str] = []
    relations: list[str] = []
    optional: list[str] = []
    for name in names:
        f = None if "." in name else model.field(name)
        if f is None:
            unknown.append(name)
        elif f.type.kind not in _SCALAR_KINDS:
            relations.append(name)
        elif names.count(name) > 1:
            ctx.report(DUPLICATE_INDEX_FIELD, model.file, v.span, model=model.name, field=name)
            return False
        elif not f.is_required:
            optional.append(name)
    if unknown:
        ctx.report(SHARD_KEY_UNKNOWN_FIELDS, model.file, value, model=model.name, fields=_fields_with_word(unknown))
    if relations:
        ctx.report(SHARD_KEY_RELATION_FIELDS, model.file, v.span, model=model.name, fields=_fields_with_word(relations))
    if unknown or relations:
        return False
    if optional and not ignored:
        ctx.report(SHARD_KEY_OPTIONAL_FIELDS, model.file, v.span, model=model.name, fields=_fields_with_word(optional))
    if has_shard_key:
        ctx.report(SHARD_KEY_TWICE, model.file, model.node, model=model.name)
    return True


def _fields_with_word(names: list[str]) -> str:
    """``field `a``` or ``fields `a`, `b```."""
    quoted = ", ".join(f"`{n}`" for n in names)
    return f"field {quoted}" if len(names) == 1 else f"fields {quoted}"
