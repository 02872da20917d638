"""Additive diffs between two databases, in Prisma's step order; anything else is refused.

Supported: new schemas, extensions, enums, enum values, tables (with their
indexes and foreign keys), columns, indexes and foreign keys. Every other
difference (a drop, a changed type, default or nullability, a changed index,
key or constraint, which Prisma would render as drops, renames or ALTERs) is
collected and raised as one :class:`UnsupportedChange` naming each of them:
a partial script would be wrong.

Prisma orders steps by kind, then by the ids of the objects involved, and the
id of an existing table or enum is its position in the *old* schema: that is
why altered tables and enums and the new indexes of existing tables follow
the FROM order below, while created objects follow the TO order.
"""

from __future__ import annotations

from .errors import UnsupportedChange
from .model import Column, Database, Enum, Table
from .steps import (
    AddForeignKey,
    AlterEnum,
    AlterTable,
    CreateEnum,
    CreateExtension,
    CreateIndex,
    CreateSchema,
    CreateTable,
    Step,
)

__all__ = ["diff"]


def _label(namespace: str | None, name: str) -> str:
    return name if namespace is None else f"{namespace}.{name}"


def _column_changes(table: str, old: Column, new: Column) -> list[str]:
    where = f"column {table}.{old.name}"
    out = []
    if (old.type, old.array) != (new.type, new.array):
        out.append(f"change the type of {where} from {old.sql_type} to {new.sql_type}")
    elif old.autoincrement != new.autoincrement:
        verb = "make" if new.autoincrement else "stop making"
        out.append(f"{verb} {where} autoincrementing")
    if old.nullable != new.nullable:
        out.append(f"make {where} {'optional (DROP NOT NULL)' if new.nullable else 'required (SET NOT NULL)'}")
    if old.default != new.default:
        before = "no default" if old.default is None else f"DEFAULT {old.default}"
        after = "no default" if new.default is None else f"DEFAULT {new.default}"
        out.append(f"change the default of {where} from {before} to {after}")
    return out


def _table_refusals(old: Table, new: Table) -> list[str]:
    label = _label(old.namespace, old.name)
    out = []
    for column in old.columns:
        match = new.column(column.name)
        if match is None:
            out.append(f"drop column {label}.{column.name}")
        else:
            out.extend(_column_changes(label, column, match))
    if old.primary_key != new.primary_key:
        if old.primary_key is None:
            out.append(f"add a primary key to existing table {label}")
        elif new.primary_key is None:
            out.append(f"drop the primary key {old.primary_key.name} of table {label}")
        else:
            out.append(f"change the primary key of table {label}")
    new_indexes = {i.name: i for i in new.indexes}
    for index in old.indexes:
        if index.name not in new_indexes:
            out.append(f"drop or rename index {index.name} on table {label}")
        elif new_indexes[index.name] != index:
            out.append(f"change index {index.name} on table {label}")
    new_fks = {fk.name: fk for fk in new.foreign_keys}
    for fk in old.foreign_keys:
        if fk.name not in new_fks:
            out.append(f"drop or rename foreign key {fk.name} on table {label}")
        elif new_fks[fk.name] != fk:
            out.append(f"change foreign key {fk.name} on table {label}")
    return out


def _enum_refusals(old: Enum, new: Enum | None) -> list[str]:
    label = _label(old.namespace, old.name)
    if new is None:
        return [f"drop or rename enum {label}"]
    return [f"remove value {v} from enum {label}" for v in old.values if v not in new.values]


def _refusals(old: Database, new: Database) -> list[str]:
    out = []
    new_ext = {e.name: e for e in new.extensions}
    for ext in old.extensions:
        if ext.name not in new_ext:
            out.append(f"drop extension {ext.name}")
        elif new_ext[ext.name] != ext:
            out.append(f"change extension {ext.name} (schema or version)")
    for enum in old.enums:
        out.extend(_enum_refusals(enum, new.enum(*enum.key)))
    for table in old.tables:
        match = new.table(*table.key)
        if match is None:
            out.append(f"drop or rename table {_label(*table.key)}")
        else:
            out.extend(_table_refusals(table, match))
    return out


def diff(old: Database | None, new: Database) -> list[Step]:
    """The steps from ``old`` (None: an empty database) to ``new``; raises :class:`UnsupportedChange`."""
    old = old or Database()
    refusals = _refusals(old, new)
    if refusals:
        raise UnsupportedChange(refusals)
    # The engine creates a schema that tables or enums now use, unless the old datasource already
    # listed it (used or not): it then assumes the schema exists.
    known = set(old.namespaces) | set(old.declared_schemas)
    steps: list[Step] = [CreateSchema(n) for n in new.namespaces if n not in known]
    old_ext = {e.name for e in old.extensions}
    steps += [CreateExtension(e) for e in sorted(new.extensions, key=lambda e: e.name) if e.name not in old_ext]
    steps += [CreateEnum(e) for e in new.enums if old.enum(*e.key) is None]
    for enum in old.enums:
        new_enum = new.enum(*enum.key)
        assert new_enum is not None
        added = tuple(v for v in new_enum.values if v not in enum.values)
        if added:
            steps.append(AlterEnum(new_enum, added))
    altered: list[tuple[Table, Table]] = []
    for table in old.tables:
        new_table = new.table(*table.key)
        assert new_table is not None
        altered.append((table, new_table))
        added_columns = tuple(
            sorted((c for c in new_table.columns if table.column(c.name) is None), key=lambda c: c.name)
        )
        if added_columns:
            steps.append(AlterTable(new_table, added_columns))
    created = [t for t in new.tables if old.table(*t.key) is None]
    steps += [CreateTable(t) for t in created]
    steps += [CreateIndex(t, i) for t in created for i in t.indexes]
    for table, new_table in altered:
        old_names = {i.name for i in table.indexes}
        steps += [CreateIndex(new_table, i) for i in new_table.indexes if i.name not in old_names]
    for new_table in new.tables:
        old_table = old.table(*new_table.key)
        old_fks = {fk.name for fk in old_table.foreign_keys} if old_table is not None else set()
        steps += [AddForeignKey(new_table, fk) for fk in new_table.foreign_keys if fk.name not in old_fks]
    return steps
