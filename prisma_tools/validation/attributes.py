"""Attributes: which attributes each field, model, enum and composite type accepts, and their arguments.

This is Prisma's attribute pass (parser-database): every container's
attributes go through :class:`~.attribute_args.AttributeSet`, in Prisma's
order (relation fields first, then each model's scalar fields and model
attributes, enums, composite types). It checks the shape of every known
attribute (arguments known, present, not repeated, of the right kind) and
the meaning of the scalar-field ones (``@default``, ``@map``, ``@id``,
``@updatedAt``, ``@ignore``). The meaning of ``fields:``/``references:``,
referential actions, index fields and native types belongs to the relation,
index and native-type validations; :data:`ARGUMENTS` lists what each
attribute accepts so that those can rely on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nodes import ArrayValue, ConstantValue, FunctionCall, View
from . import defaults
from .attribute_args import ATTRIBUTE_ERROR, AttributeSet, Visit
from .index_fields import check_field_list
from .names import DUPLICATE_FIELD
from .partial_indexes import where_argument
from .rules import rule
from .shard_keys import model_shard_key
from .values import attributes_hold_object

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..nodes import BlockAttribute, FieldAttribute, Value
    from ..resolve import EnumInfo, FieldBlockInfo, FieldInfo
    from .context import Context

__all__ = ["ARGUMENTS", "check"]

AT_MOST_ONE_ID_FIELD = rule(
    "E315",
    "multiple-id-fields",
    'Error validating model "{model}": At most one field must be marked as the id field with the `@id` attribute.',
)
AT_MOST_ONE_SHARD_KEY_FIELD = rule(
    "E316",
    "multiple-shard-key-fields",
    'Error validating model "{model}": At most one field must be marked as the shard key with the `@shardKey` '
    "attribute.",
)
DUPLICATE_COMPOSITE_FIELD = rule(
    "E317", "duplicate-composite-field", 'Field "{name}" is already defined on composite type "{block}".'
)
INVALID_CLIENT_NAME = rule(
    "E318",
    "invalid-client-name",
    'Error validating model "{model}": The `name` property within the `{attribute}` attribute only allows for '
    "the following characters: `_a-zA-Z0-9`.",
)

ARGUMENTS: dict[str, dict[str, tuple[str, ...]]] = {
    "field": {
        "id": ("map", "length", "sort", "clustered"),
        "unique": ("map", "length", "sort", "clustered"),
        "default": ("value*", "map"),
        "map": ("name*",),
        "relation": ("name*", "fields", "references", "onDelete", "onUpdate", "map"),
        "updatedAt": (),
        "ignore": (),
        "shardKey": (),
    },
    "model": {
        "id": ("fields*", "name", "map", "clustered"),
        "unique": ("fields*", "name", "map", "clustered"),
        "index": ("fields*", "name", "map", "type", "clustered"),
        "fulltext": ("fields*", "map"),
        "map": ("name*",),
        "schema": ("map*",),
        "ignore": (),
        "shardKey": ("fields*",),
    },
    "enum": {"map": ("name*",), "schema": ("map*",)},
    "enum value": {"map": ("name*",)},
    "composite field": {"map": ("name*",), "default": ("value*", "map")},
}
"""The attributes each kind of container knows, and their arguments (``*``: the one that may go unnamed).

Native types (``@db.X``) take positional arguments only, and only on scalar
fields of built-in types. In Prisma 7, ``@@index`` and ``@@unique`` also take ``where``.
"""

_SORT_ORDERS = ("Asc", "Desc")
_REFERENTIAL_ACTIONS = ("Cascade", "Restrict", "NoAction", "SetNull", "SetDefault")
_INDEX_TYPES = ("BTree", "Hash", "Gist", "Gin", "SpGist", "Brin")


PHASE = "database"
ORDER = 40


class _ModelState:
    """What the field attributes of a model established, for its model attributes."""

    def __init__(self) -> None:
        self.has_id = False
        self.id_field: FieldInfo | None = None
        self.id_span: tuple[int, int] = (0, 0)
        self.has_shard_key = False
        self.shard_key_field: FieldInfo | None = None
        self.shard_key_span: tuple[int, int] = (0, 0)
        self.ignored_fields: list[FieldInfo] = []
        self.mapped: dict[str, FieldInfo] = {}
        """Mapped name -> the field mapped to it, as visited."""
        self.mapped_of: dict[str, str] = {}
        """Field name -> its mapped name, for the fields visited so far."""


def check(ctx: Context) -> None:
    tops = ctx.db.tops
    for top in tops:
        if top.kind in ("model", "view"):
            for f in top.fields:
                if _is_relation_field(f) and _readable(ctx, f.node.attributes):
                    _relation_field(ctx, f)
    for top in tops:
        if top.kind == "enum":
            _enum(ctx, top)
        elif top.kind == "type":
            _composite(ctx, top)
        else:
            _model(ctx, top)


def _readable(ctx: Context, attrs: Sequence[FieldAttribute]) -> bool:
    """Prisma 6 reads no object values: a field or attribute with one is an invalid line (see :mod:`.syntax`)."""
    return ctx.prisma_version >= 7 or not ctx.objects_possible or not attributes_hold_object(attrs)


def _readable_block_attributes(ctx: Context, attrs: Sequence[BlockAttribute]) -> tuple[BlockAttribute, ...]:
    return tuple(a for a in attrs if _readable(ctx, (a,)))


def _offsets(node: Value) -> tuple[int, int]:
    span = node.span
    return (0, 0) if span is None else (span.start_offset, span.end_offset)


def _is_relation_field(f: FieldInfo) -> bool:
    return f.type.kind in ("model", "view")


def _is_scalar_field(f: FieldInfo) -> bool:
    return f.type.kind in ("scalar", "enum", "composite", "unsupported")


# ----------------------------------------------------------------- models


def _model(ctx: Context, model: FieldBlockInfo) -> None:
    state = _ModelState()
    scalar_fields = [f for f in model.fields if _is_scalar_field(f) and _readable(ctx, f.node.attributes)]
    mapped_names = {f.name: f for f in scalar_fields}
    for f in scalar_fields:
        _scalar_field(ctx, model, f, state, mapped_names)
    attrs = AttributeSet(ctx, model.file, _readable_block_attributes(ctx, model.node.attributes))
    v = attrs.single("ignore")
    if v is not None:
        for f in state.ignored_fields:
            v.error(
                "Fields on an already ignored Model do not need an `@ignore` annotation.",
                ctx.line_span(model.file, f.node),
            )
        v.done()
    ignored = v is not None
    v = attrs.single("id")
    if v is not None:
        _model_id(v, model, ctx, state)
        v.done()
    v = attrs.single("map")
    if v is not None:
        v.string(v.default("name"))
        v.done()
    v = attrs.single("schema")
    if v is not None:
        v.string(v.default("map"))
        v.done()
    for v in attrs.repeated("index"):
        _field_list(v, v.default("fields"))
        name = v.name_string(v.optional("name"), "name")
        mapped = v.name_string(v.optional("map"), "map")
        if name is not None and mapped is not None:
            v.error(
                "The `@@index` attribute accepts the `name` argument as an alias for the `map` argument for "
                "legacy reasons. It does not accept both though. Please use the `map` argument to specify the "
                "database name of the index."
            )
        algo = v.constant(v.optional("type"))
        if algo is not None and algo not in _INDEX_TYPES:
            v.error(f"Unknown index type: {algo}.")
        v.boolean(v.optional("clustered"))
        where_argument(v, ctx, model)
        v.done()
    for v in attrs.repeated("unique"):
        _field_list(v, v.default("fields"))
        name = v.name_string(v.optional("name"), "name")
        v.name_string(v.optional("map"), "map")
        if name is not None:
            _client_name(ctx, v, model, name, "@@unique")
        v.boolean(v.optional("clustered"))
        where_argument(v, ctx, model)
        v.done()
    for v in attrs.repeated("fulltext"):
        _field_list(v, v.default("fields"))
        v.name_string(v.optional("map"), "map")
        v.done()
    v = attrs.single("shardKey")
    if v is not None:
        if model_shard_key(ctx, v, model, ignored, has_shard_key=state.has_shard_key):
            state.has_shard_key = True
            state.shard_key_field = None  # the model's shard key replaces a field's
        v.done()
    if not ignored:
        if state.id_field is not None and not state.id_field.is_required:
            ctx.report(
                ATTRIBUTE_ERROR,
                model.file,
                state.id_span,
                attribute="@id",
                detail="Fields that are marked as id must be required.",
            )
        if state.shard_key_field is not None and not state.shard_key_field.is_required:
            ctx.report(
                ATTRIBUTE_ERROR,
                model.file,
                state.shard_key_span,
                attribute="@shardKey",
                detail="Fields that are marked as shard keys must be required.",
            )
    attrs.done()


def _constant_list(v: Visit, value: Value | None) -> None:
    """``fields:``/``references:`` of ``@relation``: names only (their meaning is the relation validations')."""
    if value is None:
        return
    for item in value.items if isinstance(value, ArrayValue) else (value,):
        v.constant(item)


def _field_list(v: Visit, value: Value | None) -> bool:
    return value is not None and check_field_list(v, value)


def _model_id(v: Visit, model: FieldBlockInfo, ctx: Context, state: _ModelState) -> None:
    fields = v.default("fields")
    if fields is None or not _field_list(v, fields) or not _resolves(model, fields, with_args=True, top_level=True):
        return  # the index validations say why; Prisma looks at no other argument then
    state.id_field = None  # the model's primary key replaces a field's
    v.name_string(v.optional("map"), "map")
    name = v.name_string(v.optional("name"), "name")
    if name is not None:
        _client_name(ctx, v, model, name, "@@id")
    v.boolean(v.optional("clustered"))


def _client_name(ctx: Context, v: Visit, model: FieldBlockInfo, name: str, attribute: str) -> None:
    if all(c == "_" or (c.isascii() and c.isalnum()) for c in name):
        return
    ctx.report(INVALID_CLIENT_NAME, model.file, v.span, model=model.name, attribute=attribute)


def _resolves(model: FieldBlockInfo, value: Value, *, with_args: bool, top_level: bool = False) -> bool:
    """Whether a field list names existing scalar fields, each once (else Prisma skips the other arguments)."""
    items = value.items if isinstance(value, ArrayValue) else (value,)
    seen: set[str] = set()
    for item in items:
        if not (isinstance(item, ConstantValue) or (with_args and isinstance(item, FunctionCall))):
            return False
        name = item.name
        head = name.split(".", 1)[0]
        f = model.field(head)
        if f is None or not _is_scalar_field(f):
            return False
        if "." in name and (top_level or not with_args or f.type.kind != "composite"):
            return False
        if name in seen:
            return False
        seen.add(name)
    return True


# ----------------------------------------------------------------- fields


def _scalar_field(
    ctx: Context, model: FieldBlockInfo, f: FieldInfo, state: _ModelState, fields: dict[str, FieldInfo]
) -> None:
    if not f.node.attributes:
        return
    attrs = AttributeSet(ctx, model.file, f.node.attributes)
    present = attrs.by_name  # most fields have one or two attributes: ask only for those
    v = attrs.single("map") if "map" in present else None
    if v is not None:
        mapped = v.string(v.default("name"))
        if mapped is not None:
            _mapped_field_name(ctx, model, f, mapped, state, fields)
        v.done()
    v = attrs.single("ignore") if "ignore" in present else None
    if v is not None:
        if f.type.kind == "unsupported":
            v.error(
                "Fields of type `Unsupported` cannot take an `@ignore` attribute. "
                "They are already treated as ignored by the client due to their type."
            )
        else:
            state.ignored_fields.append(f)
        v.done()
    v = attrs.single("relation") if "relation" in present else None
    if v is not None:
        v.error("Invalid field type, not a relation.")
        v.done()
    v = attrs.single("id") if "id" in present else None
    if v is not None:
        if state.has_id:
            ctx.report(AT_MOST_ONE_ID_FIELD, model.file, model.node, model=model.name)
        else:
            _index_field_arguments(v)
            state.has_id = True
            state.id_field = f
            state.id_span = v.span
        v.done()
    v = attrs.single("updatedAt") if "updatedAt" in present else None
    if v is not None:
        if f.type != defaults.DATETIME:
            v.error("Fields that are marked with @updatedAt must be of type DateTime.")
        if f.is_list:
            v.error("Fields that are marked with @updatedAt cannot be lists.")
        v.done()
    v = attrs.single("default") if "default" in present else None
    if v is not None:
        defaults.model_field_default(v, f)
        v.done()
    if f.type.kind == "scalar":
        attrs.native()
    v = attrs.single("unique") if "unique" in present else None
    if v is not None:
        _index_field_arguments(v)
        v.done()
    v = attrs.single("shardKey") if "shardKey" in present else None
    if v is not None:
        if state.has_shard_key:
            ctx.report(AT_MOST_ONE_SHARD_KEY_FIELD, model.file, model.node, model=model.name)
        else:
            state.has_shard_key = True
            state.shard_key_field = f
            state.shard_key_span = v.span
        v.done()
    attrs.done()


def _index_field_arguments(v: Visit) -> None:
    """The arguments of ``@id`` and ``@unique``."""
    v.name_string(v.optional("map"), "map")
    v.integer(v.optional("length"))
    sort = v.constant(v.optional("sort"))
    if sort is not None and sort not in _SORT_ORDERS:
        v.error(f"The `sort` argument can only be `Asc` or `Desc` you provided: {sort}.")
    v.boolean(v.optional("clustered"))


def _mapped_field_name(
    ctx: Context,
    model: FieldBlockInfo,
    f: FieldInfo,
    mapped: str,
    state: _ModelState,
    fields: dict[str, FieldInfo],
) -> None:
    """``@map`` may not give a field the database name of another scalar field (as far as visited)."""
    where = ctx.line_span(model.file, f.node)
    kind = "view" if isinstance(model.node, View) else "model"
    if mapped in state.mapped:
        ctx.report(DUPLICATE_FIELD, model.file, where, name=f.name, kind=kind, block=model.name)
    state.mapped[mapped] = f
    state.mapped_of[f.name] = mapped
    other = fields.get(mapped)
    if other is None or other is f:
        return
    other_map = state.mapped_of.get(other.name)
    if other_map is not None and other_map != mapped:
        return
    ctx.report(DUPLICATE_FIELD, model.file, where, name=f.name, kind=kind, block=model.name)


def _relation_field(ctx: Context, f: FieldInfo) -> None:
    if not f.node.attributes:
        return
    model = f.parent
    attrs = AttributeSet(ctx, model.file, f.node.attributes)
    v = attrs.single("relation")
    if v is not None:
        for key in ("fields", "references"):
            _constant_list(v, v.optional(key))
        name = v.string(v.default("name", report=False))
        if name == "":
            v.error("A relation cannot have an empty name.")
        for action in ("onDelete", "onUpdate"):
            value = v.optional(action)
            name = v.constant(value)
            if value is not None and name is not None and name not in _REFERENTIAL_ACTIONS:
                v.error(f"Invalid referential action: `{name}`", _offsets(value))
        v.name_string(v.optional("map"), "map")
        v.done()
    v = attrs.single("id")
    if v is not None:
        v.error(
            f"The field `{f.name}` is a relation field and cannot be marked with `@id`. "
            "Only scalar fields can be declared as id."
        )
        v.discard()
    v = attrs.single("ignore")
    if v is not None:
        v.done()
    v = attrs.single("default")
    if v is not None:
        v.error("Cannot set a default value on a relation field.")
        v.discard()
    v = attrs.single("map")
    if v is not None:
        v.error("The attribute `@map` cannot be used on relation fields.")
        v.default("name")
        v.discard()
    v = attrs.single("unique")
    if v is not None:
        suggested = _relation_scalar_fields(f)
        if len(suggested) == 1:
            hint = f" Did you mean to put it on `{suggested[0]}`?"
        elif suggested:
            hint = f" Did you mean to provide `@@unique([{', '.join(suggested)}])`?"
        else:
            hint = ""
        v.error(
            f"The field `{f.name}` is a relation field and cannot be marked with `unique`. "
            f"Only scalar fields can be made unique.{hint}"
        )
        v.discard()
    attrs.done()


def _relation_scalar_fields(f: FieldInfo) -> list[str]:
    """The ``fields:`` of the field's ``@relation``, when they all name scalar fields of its model."""
    from ..resolve import arg

    relations = f.attributes("relation")
    if len(relations) != 1:
        return []
    a = arg(relations[0], "fields", positional=None)
    if a is None or a.value is None:
        return []
    items = a.value.items if isinstance(a.value, ArrayValue) else (a.value,)
    names: list[str] = []
    for item in items:
        if not isinstance(item, ConstantValue):
            return []
        target = f.parent.field(item.name)
        if target is None or not _is_scalar_field(target) or item.name in names:
            return []
        names.append(item.name)
    return names


# ----------------------------------------------------------------- enums and composite types


def _enum(ctx: Context, enum: EnumInfo) -> None:
    for value in enum.node.values:
        if not value.attributes or not _readable(ctx, value.attributes):
            continue
        attrs = AttributeSet(ctx, enum.file, value.attributes)
        v = attrs.single("map")
        if v is not None:
            v.string(v.default("name"))
            v.done()
        attrs.done()
    attrs = AttributeSet(ctx, enum.file, _readable_block_attributes(ctx, enum.node.attributes))
    for name, arg_name in (("map", "name"), ("schema", "map")):
        v = attrs.single(name)
        if v is not None:
            v.string(v.default(arg_name))
            v.done()
    attrs.done()


def _composite(ctx: Context, ct: FieldBlockInfo) -> None:
    mapped: dict[str, FieldInfo] = {}
    mapped_of: dict[str, str] = {}
    own_names = {f.name: f for f in ct.fields}
    for f in ct.fields:
        if not f.node.attributes or not _is_scalar_field(f) or not _readable(ctx, f.node.attributes):
            continue
        attrs = AttributeSet(ctx, ct.file, f.node.attributes)
        if f.type.kind == "scalar":
            attrs.native()
        v = attrs.single("map")
        if v is not None:
            name = v.string(v.default("name"))
            if name is not None:
                where = ctx.line_span(ct.file, f.node)
                if name in mapped:
                    ctx.report(DUPLICATE_COMPOSITE_FIELD, ct.file, where, name=name, block=ct.name)
                mapped[name] = f
                mapped_of[f.name] = name
                other = own_names.get(name)
                if other is not None and other.name not in mapped_of:
                    ctx.report(DUPLICATE_COMPOSITE_FIELD, ct.file, where, name=f.name, block=ct.name)
            v.done()
        v = attrs.single("default")
        if v is not None:
            defaults.composite_field_default(v, f)
            v.done()
        attrs.done()
