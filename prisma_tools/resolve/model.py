"""The resolved schema: what a schema's names, types, relations and indexes mean.

This is the layer above the AST, as Prisma's ``parser-database`` is above its
syntax tree. Every item keeps the AST node it was read from (``node``) and the
file it is in (``file``), so a validation or a rule can point at the source.
Nothing here changes the AST; an invalid schema resolves as far as it can
(an unknown type resolves to ``kind="unknown"``, every definition of a name is
kept in :attr:`ResolvedSchema.tops`; the name table holds the last one, as Prisma's does).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from ..nodes import (
    BlockAttribute,
    CompositeType,
    Datasource,
    EnumBlock,
    EnumValue,
    FieldAttribute,
    FieldDecl,
    Generator,
    Model,
    SchemaFile,
    View,
)

if TYPE_CHECKING:
    from ..nodes import Schema

__all__ = [
    "SCALAR_TYPES",
    "Arity",
    "CompositeInfo",
    "DatasourceInfo",
    "EnumInfo",
    "EnumValueInfo",
    "FieldInfo",
    "GeneratorInfo",
    "IndexField",
    "IndexInfo",
    "ModelInfo",
    "Relation",
    "RelationFieldInfo",
    "RelationGroup",
    "RelationShape",
    "ResolvedSchema",
    "SourceFile",
    "TypeKind",
    "TypeRef",
    "group_relation_fields",
]

SCALAR_TYPES = ("String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes")

TypeKind = Literal["scalar", "enum", "model", "view", "composite", "unsupported", "unknown"]
Arity = Literal["required", "optional", "list"]


@dataclass(eq=False, slots=True)
class SourceFile:
    """One file of the schema: its path, its text and its AST."""

    index: int
    path: str
    text: str
    ast: SchemaFile = field(repr=False)


@dataclass(frozen=True, slots=True)
class TypeRef:
    """What a field's type names: ``kind`` and the name (``Unsupported("x")`` keeps its argument)."""

    kind: TypeKind
    name: str

    @property
    def is_relation(self) -> bool:
        return self.kind in ("model", "view")


@dataclass(eq=False, slots=True)
class FieldInfo:
    """A field of a model, view or composite type."""

    name: str
    node: FieldDecl = field(repr=False)
    parent: FieldBlockInfo = field(repr=False)
    type: TypeRef
    arity: Arity
    db_name: str
    """``@map("...")`` when given, else the field's name."""

    @property
    def file(self) -> SourceFile:
        return self.parent.file

    @property
    def is_relation(self) -> bool:
        return self.type.is_relation

    @property
    def is_optional(self) -> bool:
        return self.arity == "optional"

    @property
    def is_list(self) -> bool:
        return self.arity == "list"

    @property
    def is_required(self) -> bool:
        return self.arity == "required"

    def attributes(self, name: str) -> list[FieldAttribute]:
        """Every ``@name`` on the field, in source order."""
        return [a for a in self.node.attributes if a.name == name]

    def attribute(self, name: str) -> FieldAttribute | None:
        return self.node.attribute(name)

    @property
    def native_type(self) -> FieldAttribute | None:
        """The ``@db.X`` attribute (its name is ``db.X``), if any."""
        for a in self.node.attributes:
            if a.name.startswith("db."):
                return a
        return None

    @property
    def label(self) -> str:
        return f"{self.parent.name}.{self.name}"


@dataclass(frozen=True, slots=True)
class IndexField:
    """A field of an index, with the arguments Prisma allows on it."""

    name: str
    """The field name as written (``a.b`` for a composite path)."""
    sort: str | None = None
    length: int | None = None
    ops: str | None = None


@dataclass(eq=False, slots=True)
class IndexInfo:
    """``@id``/``@@id``, ``@unique``/``@@unique``, ``@@index`` or ``@@fulltext``."""

    kind: Literal["id", "unique", "index", "fulltext"]
    model: FieldBlockInfo = field(repr=False)
    attribute: FieldAttribute
    fields: tuple[IndexField, ...]
    field_level: bool
    """Written on a field (``@id``, ``@unique``) rather than on the block."""
    name: str | None = None
    map: str | None = None
    clustered: bool | None = None
    index_type: str | None = None
    where: object | None = None

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


@dataclass(eq=False, slots=True)
class FieldBlockInfo:
    """A model, view or composite type."""

    name: str
    kind: Literal["model", "view", "type"]
    node: Model | View | CompositeType = field(repr=False)
    file: SourceFile = field(repr=False)
    fields: list[FieldInfo] = field(default_factory=list)
    indexes: list[IndexInfo] = field(default_factory=list)
    db_name: str = ""
    schema: str | None = None
    """``@@schema("...")``."""

    def field(self, name: str) -> FieldInfo | None:
        for f in self.fields:
            if f.name == name:
                return f
        return None

    @property
    def primary_key(self) -> IndexInfo | None:
        for i in self.indexes:
            if i.kind == "id":
                return i
        return None

    @property
    def unique_criteria(self) -> list[IndexInfo]:
        """The primary key, then the unique constraints, in Prisma's order."""
        ids = [i for i in self.indexes if i.kind == "id"]
        return ids + [i for i in self.indexes if i.kind == "unique"]

    def block_attributes(self, name: str) -> list[BlockAttribute]:
        return [a for a in self.node.attributes if a.name == name]

    @property
    def is_ignored(self) -> bool:
        return any(a.name == "ignore" for a in self.node.attributes)

    @property
    def duplicate_field_names(self) -> list[str]:
        """The field names declared more than once (Prisma rejects them), in the order they repeat."""
        seen: set[str] = set()
        out: list[str] = []
        for f in self.fields:
            if f.name in seen and f.name not in out:
                out.append(f.name)
            seen.add(f.name)
        return out


ModelInfo = FieldBlockInfo
CompositeInfo = FieldBlockInfo


@dataclass(eq=False, slots=True)
class EnumValueInfo:
    name: str
    node: EnumValue = field(repr=False)
    db_name: str


@dataclass(eq=False, slots=True)
class EnumInfo:
    name: str
    node: EnumBlock = field(repr=False)
    file: SourceFile = field(repr=False)
    values: list[EnumValueInfo] = field(default_factory=list)
    db_name: str = ""
    schema: str | None = None
    kind: Literal["enum"] = "enum"


@dataclass(eq=False, slots=True)
class DatasourceInfo:
    """A ``datasource`` block, read as far as its settings are literal."""

    name: str
    node: Datasource = field(repr=False)
    file: SourceFile = field(repr=False)
    provider: str | None
    """The provider string (``postgresql``, ``mysql``, ...), None when missing or not a string."""
    relation_mode: str | None = None
    schemas: tuple[str, ...] = ()
    extensions: tuple[str, ...] = ()

    @property
    def active_provider(self) -> str | None:
        """The connector behind the provider: ``postgres`` is ``postgresql``, ``mongo`` is not a thing."""
        return {"postgres": "postgresql"}.get(self.provider or "", self.provider)


@dataclass(eq=False, slots=True)
class GeneratorInfo:
    name: str
    node: Generator = field(repr=False)
    file: SourceFile = field(repr=False)
    provider: str | None
    preview_features: tuple[str, ...] = ()


@dataclass(eq=False, slots=True)
class RelationFieldInfo:
    """A relation field with its ``@relation`` arguments read."""

    field: FieldInfo
    relation_name: str | None
    fields: tuple[str, ...] | None
    references: tuple[str, ...] | None
    on_delete: str | None = None
    on_update: str | None = None
    map: str | None = None
    attribute: FieldAttribute | None = None
    related: FieldBlockInfo | None = dataclasses.field(default=None, repr=False)
    """The model or view the field points to."""

    @property
    def model(self) -> FieldBlockInfo:
        return self.field.parent

    @property
    def target(self) -> str:
        return self.field.type.name

    @property
    def defines_keys(self) -> bool:
        return self.fields is not None or self.references is not None

    @property
    def is_self(self) -> bool:
        return self.target == self.model.name


RelationShape = Literal["one-to-one", "one-to-many", "implicit-many-to-many", "embedded-many-to-many"]


@dataclass(eq=False, slots=True)
class Relation:
    """Two relation fields that are the sides of one relation, paired as Prisma pairs them.

    ``forward`` is the side that holds the keys (Prisma's "model A" side: the
    field with ``fields``/``references``, or the one Prisma picks when neither
    has them); ``back`` is the opposite field, None when it is missing. A
    one-to-many relation written only on its list side has that list field as
    ``forward`` and ``back_only`` set: Prisma counts it as a relation whose
    referencing side is missing. In an implicit or embedded many-to-many
    relation, ``forward`` and ``back`` are Prisma's field A and field B.

    ``kind`` is ``one-to-one``, ``one-to-many`` or ``many-to-many``; ``shape``
    tells implicit and embedded many-to-many relations apart.
    """

    forward: RelationFieldInfo
    back: RelationFieldInfo | None
    name: str | None
    shape: RelationShape = "one-to-many"
    back_only: bool = False

    @property
    def kind(self) -> Literal["one-to-one", "one-to-many", "many-to-many"]:
        if self.shape in ("implicit-many-to-many", "embedded-many-to-many"):
            return "many-to-many"
        return self.shape  # type: ignore[return-value]

    @property
    def is_inline(self) -> bool:
        """One-to-one or one-to-many: the keys live in one of the two models."""
        return self.shape in ("one-to-one", "one-to-many")

    @property
    def referencing_field(self) -> RelationFieldInfo | None:
        """The field on the side holding the keys (None in a one-to-many written only on its list side)."""
        return None if self.back_only else self.forward

    @property
    def referenced_field(self) -> RelationFieldInfo | None:
        """The back-relation field on the referenced side, if written."""
        return self.forward if self.back_only else self.back

    @property
    def referencing_model(self) -> FieldBlockInfo | None:
        """The model holding the keys (None when it does not resolve)."""
        return self.forward.related if self.back_only else self.forward.model

    @property
    def referenced_model(self) -> FieldBlockInfo | None:
        return self.forward.model if self.back_only else self.forward.related

    @property
    def is_self(self) -> bool:
        return self.forward.is_self


@dataclass(eq=False, slots=True)
class RelationGroup:
    """The relation fields between two models (or of one self-related model) that share a relation name.

    Prisma looks for a relation field's opposite among the fields of the
    target model pointing back with the same relation name, so these are the
    candidates for one relation: one field on each side is one relation, a
    field alone is missing its opposite, and more than one on a side is
    ambiguous. A self-relation's fields are all on one side. Unlike
    :class:`Relation`, a group keeps every candidate, however they would pair.
    """

    first: str
    """The model of the group's first field."""
    second: str
    """The model that field points to."""
    name: str | None
    sides: dict[str, list[RelationFieldInfo]] = field(default_factory=dict)
    """The group's fields by the model declaring them, each side in declaration order."""
    fields: list[RelationFieldInfo] = field(default_factory=list)
    """Every field of the group, in declaration order."""

    @property
    def is_self(self) -> bool:
        return self.first == self.second

    def side(self, model: str) -> list[RelationFieldInfo]:
        """The group's fields declared in ``model`` (empty when it has none)."""
        return self.sides.get(model, [])

    def pair(self) -> tuple[RelationFieldInfo, RelationFieldInfo] | None:
        """The two sides of the relation, in declaration order, when the group is exactly one relation."""
        fs = self.fields
        if len(fs) != 2:
            return None
        if self.is_self or fs[0].model.name != fs[1].model.name:
            return fs[0], fs[1]
        return None


def group_relation_fields(
    fields: Iterable[RelationFieldInfo], name: Callable[[RelationFieldInfo], str | None] | None = None
) -> list[RelationGroup]:
    """Group relation fields by model pair and relation name, in the order each group's first field comes.

    ``name`` reads a field's relation name (:attr:`RelationFieldInfo.relation_name`, Prisma's reading,
    by default).
    """
    groups: dict[tuple[str, str, str | None], RelationGroup] = {}
    for rf in fields:
        model, target = rf.model.name, rf.target
        relation_name = rf.relation_name if name is None else name(rf)
        a, b = (model, target) if model <= target else (target, model)
        key = (a, b, relation_name)
        group = groups.get(key)
        if group is None:
            group = groups[key] = RelationGroup(first=model, second=target, name=relation_name)
        group.sides.setdefault(model, []).append(rf)
        group.fields.append(rf)
    return list(groups.values())


@dataclass(eq=False, slots=True, weakref_slot=True)
class ResolvedSchema:
    """A schema with its names, types, relations and indexes resolved. Built by :func:`analyze`."""

    ast: Schema = field(repr=False)
    files: list[SourceFile]
    tops: list[FieldBlockInfo | EnumInfo]
    """Every model, view, composite type and enum, in source order (second definitions included)."""
    names: dict[str, FieldBlockInfo | EnumInfo]
    """The definition each name resolves to: the last one, as in Prisma's name table (an earlier one is the
    one Prisma does not report as "already defined", and is otherwise unreachable by name)."""
    datasources: list[DatasourceInfo]
    generators: list[GeneratorInfo]
    relation_fields: list[RelationFieldInfo] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    _by_field: dict[int, Relation] | None = field(default=None, repr=False)

    @property
    def models(self) -> list[FieldBlockInfo]:
        return [t for t in self.tops if t.kind == "model" and self.names.get(t.name) is t]

    @property
    def views(self) -> list[FieldBlockInfo]:
        return [t for t in self.tops if t.kind == "view" and self.names.get(t.name) is t]

    @property
    def composite_types(self) -> list[FieldBlockInfo]:
        return [t for t in self.tops if t.kind == "type" and self.names.get(t.name) is t]

    @property
    def enums(self) -> list[EnumInfo]:
        return [t for t in self.tops if isinstance(t, EnumInfo) and self.names.get(t.name) is t]

    def model(self, name: str) -> FieldBlockInfo | None:
        t = self.names.get(name)
        return t if isinstance(t, FieldBlockInfo) and t.kind in ("model", "view") else None

    def enum(self, name: str) -> EnumInfo | None:
        t = self.names.get(name)
        return t if isinstance(t, EnumInfo) else None

    @property
    def datasource(self) -> DatasourceInfo | None:
        return self.datasources[0] if self.datasources else None

    @property
    def provider(self) -> str | None:
        ds = self.datasource
        return None if ds is None else ds.active_provider

    @property
    def preview_features(self) -> frozenset[str]:
        return frozenset(p for g in self.generators for p in g.preview_features)

    @property
    def relation_groups(self) -> list[RelationGroup]:
        """The relation fields grouped by model pair and relation name (see :class:`RelationGroup`)."""
        return group_relation_fields(self.relation_fields)

    def relation_of(self, f: FieldInfo) -> Relation | None:
        """The relation ``f`` is a side of (None for a scalar field)."""
        index = self._by_field
        if index is None:
            index = {}
            for r in self.relations:
                index[id(r.forward.field)] = r
                if r.back is not None:
                    index[id(r.back.field)] = r
            self._by_field = index
        return index.get(id(f))
