"""Building the resolved schema from the AST (:func:`analyze`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nodes import (
    Argument,
    ArrayValue,
    CompositeType,
    ConstantValue,
    Datasource,
    EnumBlock,
    FieldAttribute,
    FieldDecl,
    FunctionCall,
    Generator,
    Model,
    NumberValue,
    StringValue,
    View,
)
from .model import (
    SCALAR_TYPES,
    Arity,
    DatasourceInfo,
    EnumInfo,
    EnumValueInfo,
    FieldBlockInfo,
    FieldInfo,
    GeneratorInfo,
    IndexField,
    IndexInfo,
    Relation,
    RelationFieldInfo,
    ResolvedSchema,
    SourceFile,
    TypeRef,
)

if TYPE_CHECKING:
    from ..nodes import Schema, Value

__all__ = ["REFERENTIAL_ACTIONS", "analyze", "arg", "as_string", "as_constant", "name_list", "source_texts"]


# ----------------------------------------------------------------- value readers


def arg(attr: FieldAttribute, name: str | None, *, positional: int | None = 0) -> Argument | None:
    """The argument ``name`` of ``attr``; with ``positional``, the n-th unnamed one stands for it."""
    unnamed = 0
    found: Argument | None = None
    for a in attr.arguments or ():
        if a.name is not None and a.name == name:
            return a
        if a.name is None:
            if positional is not None and unnamed == positional and found is None:
                found = a
            unnamed += 1
    return found


def as_string(value: Value | None) -> str | None:
    return value.value if isinstance(value, StringValue) else None


def as_constant(value: Value | None) -> str | None:
    return value.name if isinstance(value, ConstantValue) else None


def name_list(value: Value | None) -> tuple[str, ...] | None:
    """``[a, b(sort: Desc)]`` -> ``("a", "b")``; a bare ``a`` -> ``("a",)``; None otherwise."""
    if isinstance(value, (ConstantValue, FunctionCall)):
        return (value.name,)
    if not isinstance(value, ArrayValue):
        return None
    names: list[str] = []
    for item in value.items:
        if isinstance(item, (ConstantValue, FunctionCall)):
            names.append(item.name)
        else:
            return None
    return tuple(names)


def _index_fields(value: Value | None) -> tuple[IndexField, ...]:
    if value is None:
        return ()
    items = value.items if isinstance(value, ArrayValue) else (value,)
    out: list[IndexField] = []
    for item in items:
        if isinstance(item, ConstantValue):
            out.append(IndexField(item.name))
        elif isinstance(item, FunctionCall):
            sort = length = ops = None
            for a in item.arguments:
                if a.name == "sort":
                    sort = as_constant(a.value)
                elif a.name == "length" and isinstance(a.value, NumberValue) and a.value.text.isdigit():
                    length = int(a.value.text)
                elif a.name == "ops":
                    ops = as_constant(a.value) or (a.value.name if isinstance(a.value, FunctionCall) else None)
            out.append(IndexField(item.name, sort, length, ops))
    return tuple(out)


def _text_of(file_ast: object) -> str | None:
    """The source text a parsed file came from (kept by its nodes' spans), if known."""
    for b in getattr(file_ast, "blocks", ()):
        where = getattr(b.span, "_where", None) if b.span is not None else None
        text = getattr(where, "text", None)
        if isinstance(text, str):
            return text
    return None


def source_texts(schema: Schema) -> dict[str, str] | None:
    """The text of every file of a parsed schema, or None when some file has no recorded text."""
    out: dict[str, str] = {}
    for f in schema.files:
        text = _text_of(f)
        if text is None:
            if not f.blocks and not f.footer_comments:
                out[f.path] = ""
                continue
            return None
        out[f.path] = text
    return out


# ----------------------------------------------------------------- analysis


_TYPE_KINDS = {"model": "model", "view": "view", "type": "composite", "enum": "enum"}


def _type_ref(decl: FieldDecl, names: dict[str, FieldBlockInfo | EnumInfo], refs: dict[str, TypeRef]) -> TypeRef:
    """``decl``'s type; ``refs`` shares one (immutable) :class:`TypeRef` per type name within a resolution."""
    t = decl.type
    if t is None:
        return TypeRef("unknown", "")
    name = t.name
    ref = refs.get(name)
    if ref is not None:
        return ref
    if name.startswith("Unsupported("):
        ref = TypeRef("unsupported", name)
    elif name in SCALAR_TYPES:
        ref = TypeRef("scalar", name)
    else:
        target = names.get(name)
        ref = TypeRef("unknown", name) if target is None else TypeRef(_TYPE_KINDS[target.kind], name)  # type: ignore[arg-type]
    refs[name] = ref
    return ref


def _arity(decl: FieldDecl) -> Arity:
    t = decl.type
    if t is None:
        return "required"
    return "list" if t.list else "optional" if t.optional else "required"


def _map_name(attrs: tuple[FieldAttribute, ...], default: str) -> str:
    for a in attrs:
        if a.name == "map":
            value = arg(a, "name")
            mapped = as_string(value.value if value else None)
            if mapped is not None:
                return mapped
    return default


def _indexes(block: FieldBlockInfo) -> list[IndexInfo]:
    out: list[IndexInfo] = []
    for f in block.fields:
        for a in f.node.attributes:
            if a.name in ("id", "unique"):
                out.append(
                    IndexInfo(
                        kind=a.name,  # type: ignore[arg-type]
                        model=block,
                        attribute=a,
                        fields=(_field_level_index_field(f, a),),
                        field_level=True,
                        map=as_string(_value(arg(a, "map", positional=None))),
                        clustered=_bool(arg(a, "clustered", positional=None)),
                    )
                )
    kinds = {"id": "id", "unique": "unique", "index": "index", "fulltext": "fulltext"}
    for a in block.node.attributes:
        kind = kinds.get(a.name)
        if kind is None:
            continue
        fields_arg = arg(a, "fields")
        out.append(
            IndexInfo(
                kind=kind,  # type: ignore[arg-type]
                model=block,
                attribute=a,
                fields=_index_fields(fields_arg.value if fields_arg else None),
                field_level=False,
                name=as_string(_value(arg(a, "name", positional=None))),
                map=as_string(_value(arg(a, "map", positional=None))),
                clustered=_bool(arg(a, "clustered", positional=None)),
                index_type=as_constant(_value(arg(a, "type", positional=None))),
                where=_value(arg(a, "where", positional=None)),
            )
        )
    return out


def _field_level_index_field(f: FieldInfo, a: FieldAttribute) -> IndexField:
    sort = as_constant(_value(arg(a, "sort", positional=None)))
    length_arg = _value(arg(a, "length", positional=None))
    length = int(length_arg.text) if isinstance(length_arg, NumberValue) and length_arg.text.isdigit() else None
    return IndexField(f.name, sort, length)


def _value(a: Argument | None) -> Value | None:
    return None if a is None else a.value


def _bool(a: Argument | None) -> bool | None:
    c = as_constant(_value(a))
    return True if c == "true" else False if c == "false" else None


def _schema_name(attrs: tuple[FieldAttribute, ...]) -> str | None:
    for a in attrs:
        if a.name == "schema":
            return as_string(_value(arg(a, None)))
    return None


def _strings(value: Value | None) -> tuple[str, ...]:
    if isinstance(value, ArrayValue):
        out = []
        for item in value.items:
            if isinstance(item, StringValue):
                out.append(item.value)
            elif isinstance(item, (ConstantValue, FunctionCall)):
                out.append(item.name)
        return tuple(out)
    return ()


def _datasource(node: Datasource, file: SourceFile) -> DatasourceInfo:
    provider = node.setting("provider")
    mode = node.setting("relationMode") or node.setting("referentialIntegrity")
    schemas = node.setting("schemas")
    extensions = node.setting("extensions")
    return DatasourceInfo(
        name=node.name,
        node=node,
        file=file,
        provider=as_string(provider.value) if provider else None,
        relation_mode=as_string(mode.value) if mode else None,
        schemas=_strings(schemas.value) if schemas else (),
        extensions=_strings(extensions.value) if extensions else (),
    )


def _generator(node: Generator, file: SourceFile) -> GeneratorInfo:
    provider = node.setting("provider")
    preview = node.setting("previewFeatures")
    features: tuple[str, ...] = ()
    if preview is not None:
        if isinstance(preview.value, ArrayValue):
            features = tuple(i.value for i in preview.value.items if isinstance(i, StringValue))
        elif isinstance(preview.value, StringValue):
            features = (preview.value.value,)
    return GeneratorInfo(
        name=node.name,
        node=node,
        file=file,
        provider=as_string(provider.value) if provider else None,
        preview_features=features,
    )


def _key_list(a: Argument | None) -> tuple[str, ...] | None:
    """``fields``/``references``: None when absent, ``()`` when present but unreadable (Prisma's empty list)."""
    if a is None:
        return None
    return name_list(a.value) or ()


REFERENTIAL_ACTIONS = ("Cascade", "Restrict", "NoAction", "SetNull", "SetDefault")
"""Prisma's referential actions, in its order (the order of its "Allowed values" lists)."""


def _action(a: Argument | None) -> str | None:
    """A valid referential action, else None (Prisma drops an invalid one after reporting it)."""
    action = as_constant(_value(a))
    return action if action in REFERENTIAL_ACTIONS else None


def _relation_field(f: FieldInfo, names: dict[str, FieldBlockInfo | EnumInfo]) -> RelationFieldInfo:
    target = names.get(f.type.name)
    related = target if isinstance(target, FieldBlockInfo) else None
    attrs = f.attributes("relation")
    # A repeated @relation is an error Prisma reports before reading either one.
    attr = attrs[0] if len(attrs) == 1 else None
    if attr is None:
        return RelationFieldInfo(field=f, relation_name=None, fields=None, references=None, related=related)
    name = as_string(_value(arg(attr, "name")))
    return RelationFieldInfo(
        field=f,
        relation_name=name or None,
        fields=_key_list(arg(attr, "fields", positional=None)),
        references=_key_list(arg(attr, "references", positional=None)),
        on_delete=_action(arg(attr, "onDelete", positional=None)),
        on_update=_action(arg(attr, "onUpdate", positional=None)),
        map=as_string(_value(arg(attr, "map", positional=None))),
        attribute=attr,
        related=related,
    )


def _fields_are_unique(rf: RelationFieldInfo) -> bool:
    """Whether ``fields`` is exactly a ``@unique``/``@@unique`` of the model (Prisma's 1:1 test)."""
    return any(i.kind == "unique" and i.field_names == rf.fields for i in rf.model.indexes)


def _pair_relations(fields: list[RelationFieldInfo]) -> list[Relation]:
    """Pair relation fields into relations exactly as Prisma infers them.

    Each field looks for its opposite: the first relation field of the target
    model that points back with the same relation name (not itself, in a
    self-relation). The arities of the two decide the relation's shape and
    which field is the forward (key-holding) one; every relation is made once,
    from the field Prisma makes it from, so the list is in Prisma's order.
    """
    by_pair: dict[tuple[str, str, str | None], list[RelationFieldInfo]] = {}
    for rf in fields:
        by_pair.setdefault((rf.model.name, rf.target, rf.relation_name), []).append(rf)
    out: list[Relation] = []
    for rf in fields:
        opp = next(
            (o for o in by_pair.get((rf.target, rf.model.name, rf.relation_name), ()) if o is not rf),
            None,
        )
        relation = _infer(rf, opp)
        if relation is not None:
            out.append(relation)
    return out


def _infer(rf: RelationFieldInfo, opp: RelationFieldInfo | None) -> Relation | None:
    """The relation ``rf`` makes with its opposite ``opp``, or None when the opposite makes it."""
    name = rf.relation_name
    arity = rf.field.arity
    mine = (rf.model.name, rf.field.name)
    if opp is None:
        if arity == "list":
            return Relation(rf, None, name, "one-to-many", back_only=True)
        shape = "one-to-one" if rf.fields is not None and _fields_are_unique(rf) else "one-to-many"
        return Relation(rf, None, name, shape)  # type: ignore[arg-type]
    theirs = (opp.model.name, opp.field.name)
    other = opp.field.arity
    if arity == "list" and other == "list":
        if rf.model.name > opp.model.name or (rf.is_self and rf.field.name > opp.field.name):
            return None
        embedded = rf.fields is not None or opp.fields is not None
        return Relation(rf, opp, name, "embedded-many-to-many" if embedded else "implicit-many-to-many")
    if arity == "required" and other == "optional":
        return Relation(rf, opp, name, "one-to-one")
    if arity == "required" and other == "required":
        return None if mine > theirs else Relation(rf, opp, name, "one-to-one")
    if arity == "optional" and other == "required":
        return None
    if arity == "optional" and other == "optional":
        if rf.fields is not None:
            return Relation(rf, opp, name, "one-to-one")
        if opp.fields is None and mine < theirs:
            return Relation(rf, opp, name, "one-to-one")
        return None
    if arity == "list":
        return None  # the single side makes this one-to-many
    return Relation(rf, opp, name, "one-to-many")


def analyze(schema: Schema, sources: dict[str, str] | None = None) -> ResolvedSchema:
    """Resolve ``schema``: names, field types, indexes, relations, datasource and generators.

    ``sources`` maps each file's path to its text (for positions); by default
    the texts recorded by the parser are used, and files built by hand get the
    printer's text.
    """
    if sources is None:
        sources = source_texts(schema) or {}
    files: list[SourceFile] = []
    tops: list[FieldBlockInfo | EnumInfo] = []
    names: dict[str, FieldBlockInfo | EnumInfo] = {}
    datasources: list[DatasourceInfo] = []
    generators: list[GeneratorInfo] = []
    for i, f in enumerate(schema.files):
        sf = SourceFile(index=i, path=f.path, text=sources.get(f.path, ""), ast=f)
        files.append(sf)
        for b in f.blocks:
            top: FieldBlockInfo | EnumInfo
            if isinstance(b, (Model, View, CompositeType)):
                top = FieldBlockInfo(name=b.name, kind=b.kind, node=b, file=sf)
            elif isinstance(b, EnumBlock):
                top = EnumInfo(name=b.name, node=b, file=sf)
            elif isinstance(b, Datasource):
                datasources.append(_datasource(b, sf))
                continue
            elif isinstance(b, Generator):
                generators.append(_generator(b, sf))
                continue
            else:
                continue
            tops.append(top)
            names[top.name] = top  # as Prisma's name table: a later definition replaces an earlier one
    relation_fields: list[RelationFieldInfo] = []
    refs: dict[str, TypeRef] = {}
    for top in tops:
        if isinstance(top, EnumInfo):
            top.db_name = _map_name(top.node.attributes, top.name)
            top.schema = _schema_name(top.node.attributes)
            top.values = [EnumValueInfo(v.name, v, _map_name(v.attributes, v.name)) for v in top.node.values]
            continue
        top.db_name = _map_name(top.node.attributes, top.name)
        top.schema = _schema_name(top.node.attributes)
        for decl in top.node.fields:
            fi = FieldInfo(
                name=decl.name,
                node=decl,
                parent=top,
                type=_type_ref(decl, names, refs),
                arity=_arity(decl),
                db_name=_map_name(decl.attributes, decl.name),
            )
            top.fields.append(fi)
            if fi.is_relation and names.get(top.name) is top and top.kind != "type":
                relation_fields.append(_relation_field(fi, names))
        top.indexes = _indexes(top)
    resolved = ResolvedSchema(
        ast=schema,
        files=files,
        tops=tops,
        names=names,
        datasources=datasources,
        generators=generators,
        relation_fields=relation_fields,
        relations=_pair_relations(relation_fields),
    )
    return resolved
