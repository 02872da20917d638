"""A model of the PostgreSQL schema a Prisma schema stands for.

This is the database side of the AST: tables with their columns, primary
keys, indexes and foreign keys, enums, schemas (namespaces) and extensions,
with every name already mapped (``@map``/``@@map``) and every constraint name
already chosen, as Prisma's schema engine computes them. It is what
:mod:`~prisma_tools.migrate.diff` compares and :mod:`~prisma_tools.migrate.sql`
renders, and what ``migrate check`` looks for in a live database.

Everything is a frozen dataclass of tuples, so two models compare with ``==``.
Order matters and is Prisma's: tables in model order then the implicit
many-to-many join tables, indexes and foreign keys in the order the engine
creates them. :func:`build` (in :mod:`~prisma_tools.migrate.calculator`) makes one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

__all__ = [
    "Column",
    "Database",
    "Enum",
    "Extension",
    "ForeignKey",
    "Index",
    "IndexColumn",
    "PrimaryKey",
    "Sequence",
    "Table",
    "in_namespace",
    "qualified",
    "quote",
]

# The serial pseudo-types Prisma writes for ``@default(autoincrement())``.
SERIAL_OF = {"INTEGER": "SERIAL", "BIGINT": "BIGSERIAL", "SMALLINT": "SMALLSERIAL"}


def quote(name: str) -> str:
    """A PostgreSQL quoted identifier (Prisma quotes every name it writes)."""
    return '"' + name.replace('"', '""') + '"'


def qualified(namespace: str | None, name: str) -> str:
    """``"schema"."name"`` with ``@@schema``, ``"name"`` without."""
    return quote(name) if namespace is None else f"{quote(namespace)}.{quote(name)}"


@dataclass(frozen=True)
class Sequence:
    """A CockroachDB ``@default(sequence(...))``: the identity's options (the engine's defaults when unset)."""

    name: str
    start: int = 1
    increment: int = 1
    cache: int = 1
    min_value: int = 1
    max_value: int = 2**63 - 1
    virtual: bool = False


@dataclass(frozen=True)
class Column:
    """A column. ``type`` is the SQL type as Prisma writes it, without ``[]`` and serial.

    ``default`` is the SQL text after ``DEFAULT`` (None for no default);
    ``autoincrement`` turns INTEGER/BIGINT/SMALLINT into their SERIAL forms.
    List columns are arrays and, as Prisma makes them, nullable.

    ``family`` (the Prisma scalar, ``Enum`` or ``Unsupported``) and ``default_kind``
    (``value``, ``now``, ``dbgenerated``, ``datetime``, ``json``, ``list``, or
    ``dbgenerated-empty`` for ``dbgenerated()``, ``prisma-level`` for a default Prisma
    Client fills in, such as ``uuid()``) are what the engine looks at to decide
    whether a type or default changed; they take no part in ``==``.
    """

    name: str
    type: str
    nullable: bool
    array: bool = False
    default: str | None = None
    autoincrement: bool = False
    family: str = field(default="", compare=False)
    default_kind: str | None = field(default=None, compare=False)
    default_debug: str | None = field(default=None, compare=False)
    """The engine's default as its summary prints it (``Value(Int(3))``...)."""
    sequence: Sequence | None = None
    """CockroachDB only: the identity sequence of ``@default(sequence())`` (``autoincrement`` is then set too)."""

    @property
    def has_database_default(self) -> bool:
        """Whether the engine sees a default (autoincrement's sequence and ``dbgenerated()`` count)."""
        return self.default is not None or self.autoincrement or self.default_kind == "dbgenerated-empty"

    @property
    def sql_type(self) -> str:
        """The type as written in ``CREATE TABLE``: ``SERIAL``, ``TEXT[]``, ``"Role"``..."""
        if self.autoincrement and not self.array and self.type in SERIAL_OF:
            return SERIAL_OF[self.type]
        return self.type + ("[]" if self.array else "")


@dataclass(frozen=True)
class PrimaryKey:
    """``CONSTRAINT name PRIMARY KEY (columns)``."""

    name: str
    columns: tuple[str, ...]


@dataclass(frozen=True)
class IndexColumn:
    """One indexed column with its explicit sort order (``ASC``/``DESC``) and operator class.

    ``opclass_default`` says the operator class is its type's default (known only for an
    index read from a database): the engine matches it with an index that names none.
    """

    name: str
    sort: str | None = None
    opclass: str | None = None
    opclass_default: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class Index:
    """A plain or unique index; ``using`` is the access method (``GIN``...), None for B-tree."""

    name: str
    columns: tuple[IndexColumn, ...]
    unique: bool = False
    using: str | None = None

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


@dataclass(frozen=True)
class ForeignKey:
    """A foreign key constraint, with referential actions as SQL (``SET NULL``...)."""

    name: str
    columns: tuple[str, ...]
    referenced_namespace: str | None
    referenced_table: str
    referenced_columns: tuple[str, ...]
    on_delete: str
    on_update: str


@dataclass(frozen=True)
class Table:
    """A table in its schema (``namespace``; None when the datasource lists no schemas)."""

    namespace: str | None
    name: str
    columns: tuple[Column, ...]
    primary_key: PrimaryKey | None = None
    indexes: tuple[Index, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()
    model: str | None = None
    """The Prisma model this table comes from (None for a join table)."""

    @property
    def key(self) -> tuple[str | None, str]:
        """How tables are matched between two schemas: by schema and name, case-sensitively."""
        return (self.namespace, self.name)

    @property
    def qualified_name(self) -> str:
        return qualified(self.namespace, self.name)

    def column(self, name: str) -> Column | None:
        for c in self.columns:
            if c.name == name:
                return c
        return None


@dataclass(frozen=True)
class Enum:
    """A PostgreSQL enum type with its values (mapped names) in declaration order."""

    namespace: str | None
    name: str
    values: tuple[str, ...]

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.namespace, self.name)

    @property
    def qualified_name(self) -> str:
        return qualified(self.namespace, self.name)


@dataclass(frozen=True)
class Extension:
    """A ``postgresqlExtensions`` entry: database name, optional schema and version."""

    name: str
    schema: str | None = None
    version: str | None = None


@dataclass(frozen=True)
class Database:
    """The whole database side of a schema."""

    tables: tuple[Table, ...] = ()
    enums: tuple[Enum, ...] = ()
    extensions: tuple[Extension, ...] = ()
    declared_schemas: tuple[str, ...] = ()
    """The datasource's ``schemas`` list, used or not."""
    provider: str = "postgresql"
    """``postgresql`` or ``cockroachdb``: which flavour of the engine's SQL the diff follows."""

    @property
    def cockroach(self) -> bool:
        return self.provider == "cockroachdb"

    @property
    def namespaces(self) -> tuple[str, ...]:
        """The schemas that tables or enums live in, sorted (the order Prisma creates them)."""
        used = {t.namespace for t in self.tables} | {e.namespace for e in self.enums}
        return tuple(sorted(n for n in used if n is not None))

    def table(self, namespace: str | None, name: str) -> Table | None:
        for t in self.tables:
            if t.key == (namespace, name):
                return t
        return None

    def enum(self, namespace: str | None, name: str) -> Enum | None:
        for e in self.enums:
            if e.key == (namespace, name):
                return e
        return None


def in_namespace(db: Database, namespace: str) -> Database:
    """``db`` with every table and enum that has no schema placed in ``namespace``."""

    def fk(f: ForeignKey) -> ForeignKey:
        return f if f.referenced_namespace is not None else replace(f, referenced_namespace=namespace)

    tables = tuple(
        replace(t, namespace=t.namespace or namespace, foreign_keys=tuple(fk(f) for f in t.foreign_keys))
        for t in db.tables
    )
    enums = tuple(replace(e, namespace=e.namespace or namespace) for e in db.enums)
    return replace(db, tables=tables, enums=enums)
