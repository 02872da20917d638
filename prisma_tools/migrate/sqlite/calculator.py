"""AST -> :class:`~prisma_tools.migrate.model.Database` for SQLite, as Prisma's schema engine computes it.

The shape is PostgreSQL's (see :mod:`~prisma_tools.migrate.calculator`: tables in model
order then join tables, columns in field order, field ``@unique``s then ``@@index``es then
``@@unique``s, foreign keys in relation-field order), with SQLite's differences:

* a column's type comes from its Prisma scalar only (SQLite has no native types):
  ``TEXT``, ``INTEGER``, ``BIGINT``, ``REAL``, ``DECIMAL``, ``BOOLEAN``, ``DATETIME``,
  ``JSONB``, ``BLOB``; an enum is ``TEXT`` and the database has no enum type;
* primary keys have no name; the engine never compares them by name;
* default names are not cut (SQLite's identifiers have no 63-byte limit);
* a join table has no primary key but a unique index ``_X_AB_unique`` on (A, B);
* a ``Bytes`` default is written as bare hexadecimal and a ``Json`` default unquoted,
  as the engine's SQLite renderer writes them.
"""

from __future__ import annotations

import json
import re

from ...nodes import EnumBlock, FieldDecl, Model, Schema
from ..ast_util import argument, field_refs, string_arg
from ..datasource import DatasourceInfo, datasource_of, provider_of
from ..errors import UnsupportedSchema
from ..indexes import sort_order
from ..model import Column, Database, ForeignKey, Index, IndexColumn, PrimaryKey, Table
from ..relations import ManyToMany, forward_fields, is_forward, many_to_many, referential_action
from ..types import ColumnType, render_default

__all__ = ["PROVIDERS", "SQLITE_TYPES", "build", "is_sqlite"]

PROVIDERS = ("sqlite",)

# Prisma scalar -> the column type the SQLite renderer writes (``render_column_type``).
SQLITE_TYPES = {
    "String": "TEXT",
    "Int": "INTEGER",
    "BigInt": "BIGINT",
    "Float": "REAL",
    "Decimal": "DECIMAL",
    "Boolean": "BOOLEAN",
    "DateTime": "DATETIME",
    "Json": "JSONB",
    "Bytes": "BLOB",
}

_UNSUPPORTED = re.compile(r'Unsupported\(\s*(".*")\s*\)', re.DOTALL)


def is_sqlite(schema: Schema) -> bool:
    """Whether the schema's datasource names the SQLite provider."""
    return provider_of(schema) in PROVIDERS


def _block_string(block: Model | EnumBlock, name: str) -> str | None:
    for attr in block.attributes:
        if attr.name == name:
            return string_arg(attr, "name", positional=True)
    return None


def _column_name(model: Model, field_name: str) -> str:
    decl = model.field(field_name)
    if decl is None:
        raise UnsupportedSchema(f"model {model.name} has no field {field_name}")
    return string_arg(decl.attribute("map"), "name", positional=True) or decl.name


def _enum_values(enum: EnumBlock) -> dict[str, str]:
    return {
        v.name: string_arg(next((a for a in v.attributes if a.name == "map"), None), "name", positional=True) or v.name
        for v in enum.values
    }


class _Builder:
    def __init__(self, schema: Schema, datasource: DatasourceInfo) -> None:
        self.datasource = datasource
        self.models = {b.name: b for b in schema.blocks if isinstance(b, Model)}
        self.enums = {b.name: b for b in schema.blocks if isinstance(b, EnumBlock)}
        self.composite = {b.name for b in schema.blocks if b.kind == "type"}
        self.tables: dict[str, Table] = {}

    def table_name(self, model: Model) -> str:
        return _block_string(model, "map") or model.name

    def column_type(self, model: Model, decl: FieldDecl) -> ColumnType:
        assert decl.type is not None
        name, where = decl.type.name, f"{model.name}.{decl.name}"
        native = next((a for a in decl.attributes if a.name.startswith(self.datasource.name + ".")), None)
        if native is not None:
            raise UnsupportedSchema(f"{where}: native type @{native.name} does not exist on SQLite")
        if decl.type.list:
            raise UnsupportedSchema(f"{where}: SQLite has no list columns")
        if name in SQLITE_TYPES:
            return ColumnType(family=name, sql=SQLITE_TYPES[name])
        if name in self.enums:
            return ColumnType(family="Enum", sql="TEXT", enum_values=_enum_values(self.enums[name]))
        match = _UNSUPPORTED.fullmatch(name)
        if match is not None:
            return ColumnType(family="Unsupported", sql=json.loads(match.group(1), strict=False))
        if name in self.composite:
            raise UnsupportedSchema(f"{where}: composite types exist only on MongoDB")
        raise UnsupportedSchema(f"{where}: unknown type {name}")

    def column(self, model: Model, decl: FieldDecl) -> Column:
        assert decl.type is not None
        ctype = self.column_type(model, decl)
        attr = decl.attribute("default")
        value = argument(attr, "value", positional=True) if attr is not None else None
        default = render_default(value, ctype, is_list=False, where=f"{model.name}.{decl.name}")
        sql = default.sql
        if sql is not None and default.kind in ("value", "json"):
            if ctype.family == "Bytes":
                sql = "'" + sql[len("'\\x") : -1] + "'"  # bare hexadecimal, no \x
            elif ctype.family == "Json":
                sql = sql[1:-1].replace("''", "'")  # the engine writes the JSON text unquoted
        return Column(
            name=_column_name(model, decl.name),
            type=ctype.sql,
            nullable=decl.type.optional,
            default=sql,
            autoincrement=default.autoincrement,
            family=ctype.family,
            default_kind=default.kind,
            default_debug=default.debug,
        )

    def primary_key(self, model: Model) -> PrimaryKey | None:
        for decl in model.fields:
            if decl.attribute("id") is not None:
                return PrimaryKey(name="", columns=(_column_name(model, decl.name),))
        for attr in model.attributes:
            if attr.name == "id":
                refs = field_refs(argument(attr, "fields", positional=True), f"{model.name} @@id")
                return PrimaryKey(name="", columns=tuple(_column_name(model, n) for n, _ in refs))
        return None

    def indexes(self, model: Model, table: str) -> tuple[Index, ...]:
        out: list[Index] = []
        for decl in model.fields:
            attr = decl.attribute("unique")
            if attr is not None:
                column = _column_name(model, decl.name)
                out.append(
                    Index(
                        name=string_arg(attr, "map") or f"{table}_{column}_key",
                        columns=(IndexColumn(column, sort=sort_order(argument(attr, "sort"))),),
                        unique=True,
                    )
                )
        for kind, suffix in (("index", "idx"), ("unique", "key")):
            for attr in model.attributes:
                if attr.name != kind:
                    continue
                refs = field_refs(argument(attr, "fields", positional=True), f"{model.name} @@{kind}")
                columns = tuple(
                    IndexColumn(_column_name(model, n), sort=sort_order(args.get("sort"))) for n, args in refs
                )
                # On @@index, `name:` is the old spelling of `map:`; on @@unique it names the client field.
                explicit = string_arg(attr, "map") or (string_arg(attr, "name") if kind == "index" else None)
                default = f"{table}_{'_'.join(c.name for c in columns)}_{suffix}"
                out.append(Index(name=explicit or default, columns=columns, unique=kind == "unique"))
        if any(a.name == "fulltext" for a in model.attributes):
            raise UnsupportedSchema(f"model {model.name}: @@fulltext indexes exist only on MySQL and MongoDB")
        return tuple(out)

    def foreign_keys(self, model: Model, table: Table) -> tuple[ForeignKey, ...]:
        if not self.datasource.foreign_keys:
            return ()
        out = []
        for decl in model.fields:
            if decl.type is None or decl.type.name not in self.models or not is_forward(decl):
                continue
            target = self.models[decl.type.name]
            fields, refs = forward_fields(decl)
            columns = tuple(_column_name(model, f) for f in fields)
            # Prisma's default: RESTRICT when a foreign key field is required, else SET NULL.
            required = any(
                (d := model.field(f)) is not None and d.type is not None and not d.type.optional for f in fields
            )
            out.append(
                ForeignKey(
                    name=string_arg(decl.attribute("relation"), "map") or f"{table.name}_{'_'.join(columns)}_fkey",
                    columns=columns,
                    referenced_namespace=None,
                    referenced_table=self.tables[target.name].name,
                    referenced_columns=tuple(_column_name(target, r) for r in refs),
                    on_delete=referential_action(decl, "onDelete") or ("RESTRICT" if required else "SET NULL"),
                    on_update=referential_action(decl, "onUpdate") or "CASCADE",
                )
            )
        return tuple(out)

    def model_table(self, model: Model) -> Table:
        name = self.table_name(model)
        columns = tuple(
            self.column(model, d) for d in model.fields if d.type is not None and d.type.name not in self.models
        )
        return Table(
            namespace=None,
            name=name,
            columns=columns,
            primary_key=self.primary_key(model),
            indexes=self.indexes(model, name),
            model=model.name,
        )

    def id_column(self, model: Model) -> Column:
        table = self.tables[model.name]
        if table.primary_key is None or len(table.primary_key.columns) != 1:
            raise UnsupportedSchema(f"model {model.name}: an implicit many-to-many relation needs a single-field @id")
        column = table.column(table.primary_key.columns[0])
        assert column is not None
        return column

    def join_table(self, relation: ManyToMany) -> Table:
        a_table, b_table = self.tables[relation.model_a.name], self.tables[relation.model_b.name]
        a_id, b_id = self.id_column(relation.model_a), self.id_column(relation.model_b)
        name = relation.table_name
        fks: tuple[ForeignKey, ...] = ()
        if self.datasource.foreign_keys:
            fks = tuple(
                ForeignKey(
                    name=f"{name}_{col}_fkey",
                    columns=(col,),
                    referenced_namespace=None,
                    referenced_table=target.name,
                    referenced_columns=(target_id.name,),
                    on_delete="CASCADE",
                    on_update="CASCADE",
                )
                for col, target, target_id in (("A", a_table, a_id), ("B", b_table, b_id))
            )
        return Table(
            namespace=None,
            name=name,
            columns=(
                Column(name="A", type=a_id.type, nullable=False, family=a_id.family),
                Column(name="B", type=b_id.type, nullable=False, family=b_id.family),
            ),
            indexes=(
                Index(name=f"{name}_AB_unique", columns=(IndexColumn("A"), IndexColumn("B")), unique=True),
                Index(name=f"{name}_B_index", columns=(IndexColumn("B"),)),
            ),
            foreign_keys=fks,
        )


def build(schema: Schema) -> Database:
    """The database a (valid, SQLite) Prisma schema describes."""
    builder = _Builder(schema, datasource_of(schema, PROVIDERS))
    models = list(builder.models.values())
    for model in models:
        builder.tables[model.name] = builder.model_table(model)
    tables = [
        Table(
            namespace=None,
            name=t.name,
            columns=t.columns,
            primary_key=t.primary_key,
            indexes=t.indexes,
            foreign_keys=builder.foreign_keys(m, t),
            model=t.model,
        )
        for m, t in ((m, builder.tables[m.name]) for m in models)
    ]
    tables += [builder.join_table(r) for r in many_to_many(models)]
    return Database(tables=tuple(tables))
