"""What a live database already has of a schema, and what it is missing (``migrate check``).

Objects are matched by name only, in the schema they belong to (``@@schema``,
else the URL's default schema); an object that exists with a different type
or definition counts as present. :func:`present_part` turns the answer into
the :class:`Database` the database stands for, so that diffing it with the
schema's gives exactly the steps that create the missing parts, in Prisma's
order (``--write-missing``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .model import Database, Enum, Table

__all__ = ["LiveSchema", "inspect", "missing_report", "present_part"]

Key = tuple[str, str]


@dataclass
class LiveSchema:
    """Names found in the database, per schema."""

    schemas: set[str] = field(default_factory=set)
    tables: set[Key] = field(default_factory=set)
    columns: dict[Key, set[str]] = field(default_factory=dict)
    indexes: dict[Key, set[str]] = field(default_factory=dict)
    foreign_keys: dict[Key, set[str]] = field(default_factory=dict)
    enums: dict[Key, list[str]] = field(default_factory=dict)
    extensions: set[str] = field(default_factory=set)


def inspect(conn: Any, namespaces: list[str]) -> LiveSchema:
    """Read the names of tables, columns, indexes, foreign keys and enums of ``namespaces``."""
    live = LiveSchema()
    live.schemas = {r[0] for r in conn.execute("SELECT nspname FROM pg_namespace").fetchall()}
    live.extensions = {r[0] for r in conn.execute("SELECT extname FROM pg_extension").fetchall()}
    rows = conn.execute(
        "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY(%s)",
        (namespaces,),
    ).fetchall()
    live.tables = {(r[0], r[1]) for r in rows}
    for ns, table, column in conn.execute(
        "SELECT table_schema, table_name, column_name FROM information_schema.columns WHERE table_schema = ANY(%s)",
        (namespaces,),
    ).fetchall():
        live.columns.setdefault((ns, table), set()).add(column)
    for ns, table, index in conn.execute(
        "SELECT n.nspname, t.relname, i.relname FROM pg_index x"
        " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
        " JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = ANY(%s)",
        (namespaces,),
    ).fetchall():
        live.indexes.setdefault((ns, table), set()).add(index)
    for ns, table, name in conn.execute(
        "SELECT n.nspname, t.relname, con.conname FROM pg_constraint con"
        " JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
        " WHERE con.contype = 'f' AND n.nspname = ANY(%s)",
        (namespaces,),
    ).fetchall():
        live.foreign_keys.setdefault((ns, table), set()).add(name)
    for ns, name, label in conn.execute(
        "SELECT n.nspname, t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid"
        " JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ANY(%s)"
        " ORDER BY n.nspname, t.typname, e.enumsortorder",
        (namespaces,),
    ).fetchall():
        live.enums.setdefault((ns, name), []).append(label)
    return live


def _where(namespace: str | None, default: str) -> str:
    return namespace or default


def _present_table(table: Table, live: LiveSchema, key: Key) -> Table:
    columns = live.columns.get(key, set())
    indexes = live.indexes.get(key, set())
    fks = live.foreign_keys.get(key, set())
    pk = table.primary_key if table.primary_key is not None and table.primary_key.name in indexes else None
    return Table(
        namespace=table.namespace,
        name=table.name,
        columns=tuple(c for c in table.columns if c.name in columns),
        primary_key=pk,
        indexes=tuple(i for i in table.indexes if i.name in indexes),
        foreign_keys=tuple(fk for fk in table.foreign_keys if fk.name in fks),
        model=table.model,
    )


def present_part(expected: Database, live: LiveSchema, default_schema: str) -> Database:
    """``expected`` restricted to what exists in the database (by name)."""
    tables = []
    for table in expected.tables:
        key = (_where(table.namespace, default_schema), table.name)
        if key in live.tables:
            tables.append(_present_table(table, live, key))
    enums = []
    for enum in expected.enums:
        values = live.enums.get((_where(enum.namespace, default_schema), enum.name))
        if values is not None:
            enums.append(Enum(enum.namespace, enum.name, tuple(v for v in enum.values if v in values)))
    return Database(
        tables=tuple(tables),
        enums=tuple(enums),
        extensions=tuple(e for e in expected.extensions if e.name in live.extensions),
        declared_schemas=tuple(sorted(live.schemas)),
    )


def missing_report(expected: Database, present: Database) -> list[str]:
    """One line per missing object; a missing table lists its indexes and foreign keys below it."""
    lines: list[str] = []
    for ext in expected.extensions:
        if ext not in present.extensions:
            lines.append(f'missing extension "{ext.name}"')
    for enum in expected.enums:
        have = present.enum(*enum.key)
        if have is None:
            lines.append(f"missing enum {enum.qualified_name}")
            continue
        lines += [f"missing value '{v}' of enum {enum.qualified_name}" for v in enum.values if v not in have.values]
    for table in expected.tables:
        have_table = present.table(*table.key)
        if have_table is None:
            lines.append(f"missing table {table.qualified_name}")
            lines += [f'  {"unique index" if i.unique else "index"} "{i.name}"' for i in table.indexes]
            lines += [f'  foreign key "{fk.name}"' for fk in table.foreign_keys]
            continue
        name = table.qualified_name
        lines += [f'missing column {name}."{c.name}"' for c in table.columns if have_table.column(c.name) is None]
        if table.primary_key is not None and have_table.primary_key is None:
            lines.append(f'missing primary key "{table.primary_key.name}" on {name}')
        have_indexes = {i.name for i in have_table.indexes}
        lines += [f'missing index "{i.name}" on {name}' for i in table.indexes if i.name not in have_indexes]
        have_fks = {fk.name for fk in have_table.foreign_keys}
        lines += [f'missing foreign key "{fk.name}" on {name}' for fk in table.foreign_keys if fk.name not in have_fks]
    return lines
