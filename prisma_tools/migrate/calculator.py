"""AST -> :class:`~prisma_tools.migrate.model.Database`, as Prisma's schema engine computes it.

The order of everything follows the engine (``sql_schema_calculator``), since
the SQL it writes follows it: enums in declaration order; one table per model
in model order (files in folder order), then one join table per implicit
many-to-many relation; in each table the columns in field order, then indexes
in three groups (field ``@unique``s, then every ``@@index``, then every
``@@unique``), and foreign keys in the order of their relation fields.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from ..nodes import EnumBlock, FieldDecl, FunctionCall, Model, Schema, Value
from . import cockroach
from .ast_util import argument, field_refs, string_arg
from .datasource import DatasourceInfo, datasource_of
from .errors import UnsupportedSchema
from .indexes import opclass, sort_order, using
from .model import Column, Database, Enum, ForeignKey, Index, IndexColumn, PrimaryKey, Table, qualified
from .names import cut_identifier, foreign_key_name, index_name, primary_key_name, unique_name
from .relations import ManyToMany, forward_fields, is_forward, many_to_many, referential_action
from .types import SCALAR_TYPES, ColumnType, Default, native_type, render_default

__all__ = ["build"]

_UNSUPPORTED = re.compile(r'Unsupported\(\s*(".*")\s*\)', re.DOTALL)


def _block_string(block: Model | EnumBlock, name: str) -> str | None:
    for attr in block.attributes:
        if attr.name == name:
            return string_arg(attr, "name", positional=True)
    return None


@dataclass
class _Context:
    schema: Schema
    datasource: DatasourceInfo
    models: dict[str, Model] = field(default_factory=dict)
    enums: dict[str, EnumBlock] = field(default_factory=dict)
    composite: set[str] = field(default_factory=set)
    tables: dict[str, Table] = field(default_factory=dict)

    @property
    def cockroach(self) -> bool:
        return self.datasource.provider == "cockroachdb"

    def namespace(self, block: Model | EnumBlock) -> str | None:
        ns = _block_string(block, "schema")
        if ns is None and self.datasource.schemas:
            raise UnsupportedSchema(f"{block.name} has no @@schema, but the datasource lists schemas")
        return ns

    def table_name(self, model: Model) -> str:
        return _block_string(model, "map") or model.name

    def enum_name(self, enum: EnumBlock) -> str:
        return _block_string(enum, "map") or enum.name

    def column_name(self, model: Model, field_name: str) -> str:
        decl = model.field(field_name)
        if decl is None:
            raise UnsupportedSchema(f"model {model.name} has no field {field_name}")
        return string_arg(decl.attribute("map"), "name", positional=True) or decl.name


def _enum(ctx: _Context, block: EnumBlock) -> Enum:
    values = tuple(
        string_arg(next((a for a in v.attributes if a.name == "map"), None), "name", positional=True) or v.name
        for v in block.values
    )
    return Enum(namespace=ctx.namespace(block), name=ctx.enum_name(block), values=values)


def _column_type(ctx: _Context, model: Model, decl: FieldDecl) -> ColumnType:
    assert decl.type is not None
    type_name = decl.type.name
    where = f"{model.name}.{decl.name}"
    # Native type attributes are prefixed with the datasource's name: @db.VarChar for `datasource db`.
    prefix = ctx.datasource.name + "."
    native = next((a for a in decl.attributes if a.name.startswith(prefix)), None)
    if type_name in SCALAR_TYPES:
        if ctx.cockroach:
            sql = cockroach.native_type(native, prefix) if native is not None else cockroach.SCALAR_TYPES[type_name]
        else:
            sql = native_type(native, prefix) if native is not None else SCALAR_TYPES[type_name]
        return ColumnType(family=type_name, sql=sql)
    if type_name in ctx.enums:
        enum = ctx.enums[type_name]
        mapped = {v.name: m for v, m in zip(enum.values, _enum(ctx, enum).values, strict=True)}
        return ColumnType(family="Enum", sql=qualified(ctx.namespace(enum), ctx.enum_name(enum)), enum_values=mapped)
    match = _UNSUPPORTED.fullmatch(type_name)
    if match is not None:
        return ColumnType(family="Unsupported", sql=json.loads(match.group(1), strict=False))
    if type_name in ctx.composite:
        raise UnsupportedSchema(f"{where}: composite types exist only on MongoDB")
    raise UnsupportedSchema(f"{where}: unknown type {type_name}")


def _column(ctx: _Context, model: Model, decl: FieldDecl) -> Column:
    assert decl.type is not None
    ctype = _column_type(ctx, model, decl)
    default_attr = decl.attribute("default")
    value = argument(default_attr, "value", positional=True) if default_attr is not None else None
    where = f"{model.name}.{decl.name}"
    name = ctx.column_name(model, decl.name)
    sequence = None
    if ctx.cockroach and isinstance(value, FunctionCall) and value.name == "autoincrement":
        default = Default(sql="unique_rowid()", kind="rowid", debug="UniqueRowid")
    elif ctx.cockroach and isinstance(value, FunctionCall) and value.name == "sequence":
        sequence = cockroach.sequence_of(value, ctx.table_name(model), name, where)
        default = Default(autoincrement=True, debug=f'Sequence("{sequence.name}")')
    else:
        default = render_default(value, ctype, is_list=decl.type.list, where=where)
    return Column(
        name=name,
        type=ctype.sql,
        nullable=decl.type.optional or decl.type.list,
        array=decl.type.list,
        default=default.sql,
        autoincrement=default.autoincrement,
        family=ctype.family,
        default_kind=default.kind,
        default_debug=default.debug,
        sequence=sequence,
    )


def _index_columns(ctx: _Context, model: Model, refs: list[tuple[str, dict[str, Value]]]) -> tuple[IndexColumn, ...]:
    out = []
    for name, args in refs:
        out.append(
            IndexColumn(
                name=ctx.column_name(model, name),
                sort=sort_order(args.get("sort")),
                opclass=opclass(args.get("ops")),
            )
        )
    return tuple(out)


def _primary_key(ctx: _Context, model: Model, table: str) -> PrimaryKey | None:
    for decl in model.fields:
        attr = decl.attribute("id")
        if attr is not None:
            name = string_arg(attr, "map") or primary_key_name(table)
            return PrimaryKey(name=name, columns=(ctx.column_name(model, decl.name),))
    for attr in model.attributes:
        if attr.name == "id":
            refs = field_refs(argument(attr, "fields", positional=True), f"{model.name} @@id")
            name = string_arg(attr, "map") or primary_key_name(table)
            return PrimaryKey(name=name, columns=tuple(ctx.column_name(model, n) for n, _ in refs))
    return None


def _indexes(ctx: _Context, model: Model, table: str) -> tuple[Index, ...]:
    out: list[Index] = []
    for decl in model.fields:
        attr = decl.attribute("unique")
        if attr is not None:
            column = ctx.column_name(model, decl.name)
            out.append(
                Index(
                    name=string_arg(attr, "map") or unique_name(table, [column]),
                    columns=(IndexColumn(column, sort=sort_order(argument(attr, "sort"))),),
                    unique=True,
                )
            )
    for kind in ("index", "unique"):
        for attr in model.attributes:
            if attr.name != kind:
                continue
            refs = field_refs(argument(attr, "fields", positional=True), f"{model.name} @@{kind}")
            columns = _index_columns(ctx, model, refs)
            names = [c.name for c in columns]
            # On @@index, `name:` is the old spelling of `map:`; on @@unique it names the client field.
            explicit = string_arg(attr, "map") or (string_arg(attr, "name") if kind == "index" else None)
            default = index_name(table, names) if kind == "index" else unique_name(table, names)
            out.append(
                Index(
                    name=explicit or default,
                    columns=columns,
                    unique=kind == "unique",
                    using=using(argument(attr, "type")),
                )
            )
    if any(a.name == "fulltext" for a in model.attributes):
        raise UnsupportedSchema(f"model {model.name}: @@fulltext indexes exist only on MySQL and MongoDB")
    return tuple(out)


def _foreign_keys(ctx: _Context, model: Model, table: Table) -> tuple[ForeignKey, ...]:
    if not ctx.datasource.foreign_keys:
        return ()
    out = []
    for decl in model.fields:
        if decl.type is None or decl.type.name not in ctx.models or not is_forward(decl):
            continue
        target = ctx.models[decl.type.name]
        target_table = ctx.tables[target.name]
        fields, refs = forward_fields(decl)
        columns = tuple(ctx.column_name(model, f) for f in fields)
        # Prisma's default: RESTRICT when a foreign key field is required, else SET NULL.
        required = any((d := model.field(f)) is not None and d.type is not None and not d.type.optional for f in fields)
        attr = decl.attribute("relation")
        out.append(
            ForeignKey(
                name=string_arg(attr, "map") or foreign_key_name(table.name, columns),
                columns=columns,
                referenced_namespace=target_table.namespace,
                referenced_table=target_table.name,
                referenced_columns=tuple(ctx.column_name(target, r) for r in refs),
                on_delete=referential_action(decl, "onDelete") or ("RESTRICT" if required else "SET NULL"),
                on_update=referential_action(decl, "onUpdate") or "CASCADE",
            )
        )
    return tuple(out)


def _model_table(ctx: _Context, model: Model) -> Table:
    name = ctx.table_name(model)
    columns = tuple(
        _column(ctx, model, d) for d in model.fields if d.type is not None and d.type.name not in ctx.models
    )
    return Table(
        namespace=ctx.namespace(model),
        name=name,
        columns=columns,
        primary_key=_primary_key(ctx, model, name),
        indexes=_indexes(ctx, model, name),
        model=model.name,
    )


def _id_column(ctx: _Context, model: Model) -> Column:
    table = ctx.tables[model.name]
    if table.primary_key is None or len(table.primary_key.columns) != 1:
        raise UnsupportedSchema(f"model {model.name}: an implicit many-to-many relation needs a single-field @id")
    column = table.column(table.primary_key.columns[0])
    assert column is not None
    return column


def _join_table(ctx: _Context, relation: ManyToMany) -> Table:
    a_table, b_table = ctx.tables[relation.model_a.name], ctx.tables[relation.model_b.name]
    a_id, b_id = _id_column(ctx, relation.model_a), _id_column(ctx, relation.model_b)
    # Every name of a join table is cut to 63 bytes, keeping its suffix.
    name = cut_identifier(relation.table_name)
    fks: tuple[ForeignKey, ...] = ()
    if ctx.datasource.foreign_keys:
        fks = tuple(
            ForeignKey(
                name=cut_identifier(name, f"_{col}_fkey"),
                columns=(col,),
                referenced_namespace=target.namespace,
                referenced_table=target.name,
                referenced_columns=(target_id.name,),
                on_delete="CASCADE",
                on_update="CASCADE",
            )
            for col, target, target_id in (("A", a_table, a_id), ("B", b_table, b_id))
        )
    b_index = Index(name=cut_identifier(name, "_B_index"), columns=(IndexColumn("B"),))
    columns = (
        Column(name="A", type=a_id.type, nullable=False, family=a_id.family),
        Column(name="B", type=b_id.type, nullable=False, family=b_id.family),
    )
    if ctx.cockroach:
        # CockroachDB's join tables keep the older shape: a unique index on (A, B), no primary key.
        ab = Index(name=cut_identifier(name, "_AB_unique"), columns=(IndexColumn("A"), IndexColumn("B")), unique=True)
        return Table(namespace=a_table.namespace, name=name, columns=columns, indexes=(ab, b_index), foreign_keys=fks)
    return Table(
        namespace=a_table.namespace,
        name=name,
        columns=columns,
        primary_key=PrimaryKey(name=cut_identifier(name, "_AB_pkey"), columns=("A", "B")),
        indexes=(b_index,),
        foreign_keys=fks,
    )


def build(schema: Schema) -> Database:
    """The database a (valid, PostgreSQL) Prisma schema describes."""
    ctx = _Context(schema=schema, datasource=datasource_of(schema))
    for block in schema.blocks:
        if isinstance(block, Model):
            ctx.models[block.name] = block
        elif isinstance(block, EnumBlock):
            ctx.enums[block.name] = block
        elif block.kind == "type":
            ctx.composite.add(block.name)
    models = list(ctx.models.values())
    for model in models:
        ctx.tables[model.name] = _model_table(ctx, model)
    tables = [
        Table(
            namespace=t.namespace,
            name=t.name,
            columns=t.columns,
            primary_key=t.primary_key,
            indexes=t.indexes,
            foreign_keys=_foreign_keys(ctx, m, t),
            model=t.model,
        )
        for m, t in ((m, ctx.tables[m.name]) for m in models)
    ]
    tables += [_join_table(ctx, r) for r in many_to_many(models)]
    return Database(
        tables=tuple(tables),
        enums=tuple(_enum(ctx, e) for e in ctx.enums.values()),
        extensions=ctx.datasource.extensions,
        declared_schemas=ctx.datasource.schemas,
        provider="cockroachdb" if ctx.cockroach else "postgresql",
    )
