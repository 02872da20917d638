"""Non-additive migration cases over ../shared/corpus: schema changes derived from the corpus.

Shared by ``tests/test_migrate_nonadditive.py`` and ``scripts/regen_migrate_goldens.py``
(which runs the oracle on exactly these pairs). Each valid PostgreSQL corpus schema
gives, deterministically:

* the reverse of every additive case of :mod:`migrate_corpus` (models, fields,
  indexes, ``@unique``s and enum values removed): FROM is the corpus schema;
* :class:`Change` recipes (a field made optional or required, a type or native type
  changed, a default added or removed, a referential action changed, ``@map`` /
  ``@@map`` names, a primary key renamed or widened, an index renamed or re-sorted,
  an enum renamed), each in both directions, and all of them at once.

A change the engine rejects as invalid (a type that no longer matches its relation,
say) is left out by the regeneration script and counted there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from migrate_corpus import _referenced_fields, _spread

from prisma_tools import parse
from prisma_tools.nodes import (
    BlockAttribute,
    Datasource,
    EnumBlock,
    FieldAttribute,
    FieldDecl,
    Model,
    Schema,
    SchemaFile,
)

__all__ = ["Change", "apply", "apply_all", "changes_for"]

SCALARS = ("String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes")
# A type change per source type: casts the engine calls safe (Int -> BigInt), risky
# (BigInt -> Int, Float -> Decimal) and impossible (String -> Int, an enum -> String).
NEW_TYPE = {
    "Int": "BigInt",
    "BigInt": "Int",
    "String": "Int",
    "Float": "Decimal",
    "Decimal": "Float",
    "Boolean": "String",
    "DateTime": "String",
    "Json": "String",
    "Bytes": "String",
}
NEW_DEFAULT = {
    "Int": "42",
    "BigInt": "7",
    "String": '"x"',
    "Float": "1.5",
    "Boolean": "true",
    "DateTime": "now()",
    "Decimal": "2.5",
}


@dataclass(frozen=True)
class Change:
    """One change to a schema: ``kind`` and its ``target`` (``Model.field``, ``Model``, ``Model#N``, ``Enum``)."""

    kind: str
    target: str

    @property
    def slug(self) -> str:
        return f"{self.kind}-{re.sub(r'[^A-Za-z0-9_]+', '_', self.target)}"

    def to_json(self) -> list[str]:
        return [self.kind, self.target]


def _block_attr(model: Model, name: str) -> BlockAttribute | None:
    return next((a for a in model.attributes if a.name == name), None)


def _field_attributes(text: str) -> tuple[FieldAttribute, ...]:
    """Attribute nodes parsed from their text (``@map("x")``)."""
    model = parse(f"model X {{\n  f Int {text}\n}}\n").models[0]
    decl = model.fields[0]
    return decl.attributes


def _block_attribute(text: str) -> BlockAttribute:
    model = parse(f"model X {{\n  f Int\n  {text}\n}}\n").models[0]
    return model.attributes[0]


def _scalar_candidates(schema: Schema) -> list[tuple[Model, FieldDecl]]:
    """Scalar fields that no attribute or relation names, that are no list and no ``@id``."""
    enums = {e.name for e in schema.enums}
    referenced = _referenced_fields(schema)
    out = []
    for model in schema.models:
        for decl in model.fields:
            t = decl.type
            if t is None or t.list or (t.name not in SCALARS and t.name not in enums):
                continue
            if decl.attribute("id") is not None or decl.name in referenced[model.name]:
                continue
            out.append((model, decl))
    return out


def _pick(items: Sequence[Change], count: int) -> list[Change]:
    """Up to ``count`` items spread over ``items`` (one: the middle one)."""
    if count == 1:
        return [items[len(items) // 2]] if items else []
    return _spread(items, count)  # type: ignore[arg-type,return-value]


def changes_for(schema: Schema) -> list[Change]:
    """The changes derived from ``schema``, chosen deterministically."""
    candidates = _scalar_candidates(schema)
    label = [f"{m.name}.{d.name}" for m, d in candidates]
    by_type: dict[str, str] = {}
    for (_, decl), name in zip(candidates, label, strict=True):
        assert decl.type is not None
        by_type.setdefault(decl.type.name if decl.type.name in SCALARS else "enum", name)
    strings = [n for (_, d), n in zip(candidates, label, strict=True) if d.type is not None and d.type.name == "String"]
    defaults = [n for (_, d), n in zip(candidates, label, strict=True) if d.type and d.type.name in NEW_DEFAULT]
    relations = [
        f"{m.name}.{d.name}"
        for m in schema.models
        for d in m.fields
        if (rel := d.attribute("relation")) is not None and any(a.name == "fields" for a in rel.arguments or ())
    ]
    id_models = [m for m in schema.models if any(d.attribute("id") for d in m.fields) or _block_attr(m, "id")]
    indexed = [
        f"{m.name}#{n}"
        for m in schema.models
        for n, _ in enumerate(a for a in m.attributes if a.name in ("index", "unique"))
    ]
    groups = [
        _pick([Change("optional", n) for n in label], 3),
        [Change("type", n) for n in list(by_type.values())[:4]],
        _pick([Change("native", n) for n in strings], 2),
        _pick([Change("default", n) for n in defaults], 3),
        _pick([Change("action", n) for n in relations], 2),
        _pick([Change("map", n) for n in label], 2),
        _pick([Change("tablemap", m.name) for m in schema.models], 1),
        _pick([Change("pkname", m.name) for m in id_models], 1),
        _pick([Change("pk", m.name) for m in id_models if _widen_target(schema, m) is not None], 1),
        _pick([Change("indexmap", n) for n in indexed], 2),
        _pick([Change("indexsort", n) for n in indexed], 1),
        _pick([Change("enummap", e.name) for e in schema.enums], 1),
    ]
    return [c for group in groups for c in group]


def _widen_target(schema: Schema, model: Model) -> str | None:
    """For a single-field ``@id``: a required scalar field to add to the key (None: no such field)."""
    if _block_attr(model, "id") is not None:
        return None
    for model_, decl in _scalar_candidates(schema):
        if model_.name == model.name and decl.type is not None and not decl.type.optional:
            return decl.name
    return None


# ------------------------------------------------------------------ applying


def _without(attrs: Sequence[FieldAttribute], *names: str, prefix: str | None = None) -> tuple[FieldAttribute, ...]:
    return tuple(a for a in attrs if a.name not in names and not (prefix and a.name.startswith(prefix)))


def _field_change(change: Change, decl: FieldDecl, enums: dict[str, EnumBlock], native: str) -> FieldDecl:
    t = decl.type
    assert t is not None
    attrs = decl.attributes
    match change.kind:
        case "optional":
            return decl.model_copy(update={"type": t.model_copy(update={"optional": not t.optional})})
        case "type":
            new_type = NEW_TYPE.get(t.name, "String")
            attrs = _without(attrs, "default", "updatedAt", prefix="db.")
            return decl.model_copy(update={"type": t.model_copy(update={"name": new_type}), "attributes": attrs})
        case "native":
            if any(a.name.startswith("db.") for a in attrs):
                return decl.model_copy(update={"attributes": _without(attrs, prefix="db.")})
            return decl.model_copy(update={"attributes": attrs + _field_attributes(native)})
        case "default":
            if decl.attribute("default") is not None:
                return decl.model_copy(update={"attributes": _without(attrs, "default")})
            return decl.model_copy(update={"attributes": attrs + _field_attributes(f"@default({NEW_DEFAULT[t.name]})")})
        case "map":
            renamed = _field_attributes(f'@map("{decl.name}_renamed")')
            return decl.model_copy(update={"attributes": _without(attrs, "map") + renamed})
        case "action":
            rel = decl.attribute("relation")
            assert rel is not None
            current = next((a for a in rel.arguments or () if a.name == "onDelete"), None)
            action = (
                "NoAction" if current is not None and getattr(current.value, "name", "") == "Cascade" else "Cascade"
            )
            args = tuple(a for a in rel.arguments or () if a.name != "onDelete")
            extra = _field_attributes(f"@relation(onDelete: {action})")[0].arguments or ()
            new_rel = rel.model_copy(update={"arguments": args + extra})
            return decl.model_copy(update={"attributes": tuple(new_rel if a is rel else a for a in attrs)})
    return decl


def _rename_key(attr: FieldAttribute | BlockAttribute, name: str) -> FieldAttribute | BlockAttribute:
    args = tuple(a for a in attr.arguments or () if a.name != "map")
    extra = _field_attributes(f'@id(map: "{name}")')[0].arguments or ()
    return attr.model_copy(update={"arguments": args + extra})


def _model_change(change: Change, model: Model, schema: Schema) -> Model:
    kind = change.kind
    if kind == "tablemap":
        attrs = tuple(a for a in model.attributes if a.name != "map")
        return model.model_copy(update={"attributes": (*attrs, _block_attribute(f'@@map("{model.name}_renamed")'))})
    if kind == "pkname":
        block = _block_attr(model, "id")
        if block is not None:
            attrs = tuple(_rename_key(a, f"{model.name}_renamed_pkey") if a is block else a for a in model.attributes)
            return model.model_copy(update={"attributes": attrs})
        members = []
        for m in model.members:
            if isinstance(m, FieldDecl) and (key := m.attribute("id")) is not None:
                renamed = _rename_key(key, f"{model.name}_renamed_pkey")
                m = m.model_copy(update={"attributes": tuple(renamed if a is key else a for a in m.attributes)})
            members.append(m)
        return model.model_copy(update={"members": tuple(members)})
    if kind == "pk":
        other = _widen_target(schema, model)
        id_field = next(d for d in model.fields if d.attribute("id") is not None)
        members = tuple(
            m.model_copy(update={"attributes": _without(m.attributes, "id")}) if m is id_field else m
            for m in model.members
        )
        key = _block_attribute(f"@@id([{id_field.name}, {other}])")
        return model.model_copy(update={"members": members, "attributes": (*model.attributes, key)})
    if kind in ("indexmap", "indexsort"):
        wanted = int(change.target.split("#")[1])
        attrs, n = [], 0
        for attr in model.attributes:
            if attr.name in ("index", "unique"):
                if n == wanted:
                    attr = _index_change(kind, attr, model.name, n)
                n += 1
            attrs.append(attr)
        return model.model_copy(update={"attributes": tuple(attrs)})
    return model


def _index_change(kind: str, attr: BlockAttribute, model: str, n: int) -> BlockAttribute:
    args = list(attr.arguments or ())
    if kind == "indexmap":
        args = [a for a in args if a.name not in ("map", "name" if attr.name == "index" else "")]
        extra = _field_attributes(f'@id(map: "{model}_{n}_renamed")')[0].arguments or ()
        return attr.model_copy(update={"arguments": (*args, *extra)})
    fields = args[0].value
    items = getattr(fields, "items", None)
    if not items:
        return attr
    first = items[0]
    name = getattr(first, "name", None)
    if not isinstance(name, str) or getattr(first, "arguments", None):
        return attr  # already has arguments (sort, ops...): leave it
    desc = _block_attribute(f"@@index([{name}(sort: Desc)])").arguments
    assert desc is not None
    new_items = (desc[0].value.items[0], *items[1:])  # type: ignore[union-attr]
    new_fields = fields.model_copy(update={"items": new_items})  # type: ignore[union-attr]
    return attr.model_copy(update={"arguments": (args[0].model_copy(update={"value": new_fields}), *args[1:])})


def _native_attribute(schema: Schema) -> str:
    """A bounded string type of the schema's provider (CockroachDB has no VarChar)."""
    for block in schema.blocks:
        setting = block.setting("provider") if isinstance(block, Datasource) else None
        if setting is not None and getattr(setting.value, "value", None) == "cockroachdb":
            return "@db.String(100)"
    return "@db.VarChar(100)"


def _apply_to_file(file: SchemaFile, change: Change, schema: Schema) -> SchemaFile:
    enums = {e.name: e for e in schema.enums}
    native = _native_attribute(schema)
    owner, _, member = change.target.replace("#", ".").partition(".")
    blocks = []
    for block in file.blocks:
        if isinstance(block, Model) and block.name == owner:
            if change.kind in ("optional", "type", "native", "default", "map", "action"):
                fields = tuple(
                    _field_change(change, m, enums, native) if isinstance(m, FieldDecl) and m.name == member else m
                    for m in block.members
                )
                block = block.model_copy(update={"members": fields})
            else:
                block = _model_change(change, block, schema)
        elif isinstance(block, EnumBlock) and block.name == owner and change.kind == "enummap":
            attrs = tuple(a for a in block.attributes if a.name != "map")
            block = block.model_copy(update={"attributes": (*attrs, _block_attribute(f'@@map("{owner}_renamed")'))})
        blocks.append(block)
    return file.model_copy(update={"blocks": tuple(blocks)})


def apply(schema: Schema, change: Change) -> Schema:
    """``schema`` with ``change`` made."""
    return Schema(files=tuple(_apply_to_file(f, change, schema) for f in schema.files))


def apply_all(schema: Schema, changes: Sequence[Change]) -> Schema:
    for change in changes:
        schema = apply(schema, change)
    return schema
