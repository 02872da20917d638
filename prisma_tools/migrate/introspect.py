"""Read a live PostgreSQL database back into a :class:`~prisma_tools.migrate.model.Database`.

This is the counterpart of :func:`~prisma_tools.migrate.calculator.build`: what the
calculator would have produced for a schema whose migrations made this database,
so that :func:`~prisma_tools.migrate.diff.diff` can compare a database with a
schema (``migrate diff --from-url``), a replayed migration history with a schema
(``migrate create`` without ``--from``) or with another database (drift).

What is read, and how it maps to the model (as Prisma's schema describer reads it):

* tables (``_prisma_migrations`` and PostGIS's own tables are skipped, as the
  engine's differ skips them) with their columns in column order; the type from
  ``pg_type`` (``int4`` is ``INTEGER``, ``numeric(p,s)`` is ``DECIMAL(p,s)``, an enum
  is its quoted name), arrays as lists, ``NOT NULL`` as arity;
* defaults parsed back into the calculator's text and kinds: ``nextval(...)`` is
  ``autoincrement()``, ``CURRENT_TIMESTAMP``/``now()`` is ``now()``, a literal
  (``'x'::text``, ``42``, ``true``, ``ARRAY[...]``) is a value, anything else is
  ``dbgenerated("...")`` with PostgreSQL's text of the expression;
* primary keys, indexes (unique or not; sort order; access method; operator
  classes, with whether each is the type's default) and foreign keys (columns,
  target, referential actions), with their names; partial and expression
  indexes are left out (a Prisma schema cannot describe them);
* enums with their values in order, extensions (except ``plpgsql``), and the
  schemas that exist.

Objects come in creation order (by OID; columns by position). The differ sorts
its steps by the positions of what they touch, and a migration creates things in
the order of the schema it was written from, so a diff from a database read back
is the diff from the schema that made it, byte for byte (for a database built
from empty, and for a replayed history whose later migrations add models the
way the schema lists them). Prisma's engine reads tables back in name order
instead: the same statements, sorted otherwise; creation order is what makes
``migrate create`` equal ``migrate diff --from-schema`` on the schema history.

``default_schema`` is the schema whose objects get no namespace (``namespace``
None), as the calculator leaves them when the datasource lists no ``schemas``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .model import Column, Database, Enum, Extension, ForeignKey, Index, IndexColumn, PrimaryKey, Table, qualified
from .types import rust_debug

__all__ = ["IGNORED_TABLES", "introspect"]

# Tables the engine's differ never looks at: its own migrations table and PostGIS's catalogs.
IGNORED_TABLES = re.compile(
    r"_prisma_migrations|spatial_ref_sys|geometry_columns|geography_columns|raster_columns|raster_overviews",
    re.IGNORECASE,
)

_ACTIONS = {"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}

# pg_type.typname -> (SQL type as the calculator writes it, the Prisma scalar family).
_BASE_TYPES = {
    "text": ("TEXT", "String"),
    "varchar": ("VARCHAR", "String"),
    "bpchar": ("CHAR", "String"),
    "bit": ("BIT", "String"),
    "varbit": ("VARBIT", "String"),
    "uuid": ("UUID", "String"),
    "xml": ("XML", "String"),
    "inet": ("INET", "String"),
    "citext": ("CITEXT", "String"),
    "bool": ("BOOLEAN", "Boolean"),
    "int4": ("INTEGER", "Int"),
    "int2": ("SMALLINT", "Int"),
    "oid": ("OID", "Int"),
    "int8": ("BIGINT", "BigInt"),
    "float4": ("REAL", "Float"),
    "float8": ("DOUBLE PRECISION", "Float"),
    "numeric": ("DECIMAL", "Decimal"),
    "money": ("MONEY", "Decimal"),
    "timestamp": ("TIMESTAMP", "DateTime"),
    "timestamptz": ("TIMESTAMPTZ", "DateTime"),
    "date": ("DATE", "DateTime"),
    "time": ("TIME", "DateTime"),
    "timetz": ("TIMETZ", "DateTime"),
    "json": ("JSON", "Json"),
    "jsonb": ("JSONB", "Json"),
    "bytea": ("BYTEA", "Bytes"),
}
_LENGTH_TYPES = {"varchar", "bpchar"}  # typmod is length + 4
_BIT_TYPES = {"bit", "varbit"}  # typmod is the length
_PRECISION_TYPES = {"timestamp", "timestamptz", "time", "timetz"}  # typmod is the precision

_TABLES = """
SELECT c.oid, n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY(%s) ORDER BY c.oid
"""
_COLUMNS = """
SELECT a.attrelid, a.attname, a.attnotnull, t.typcategory = 'A', e.typname, e.typtype, en.nspname,
       a.atttypmod, format_type(a.atttypid, a.atttypmod), pg_get_expr(d.adbin, d.adrelid), a.attidentity <> ''
FROM pg_attribute a
JOIN pg_type t ON t.oid = a.atttypid
JOIN pg_type e ON e.oid = CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END
JOIN pg_namespace en ON en.oid = e.typnamespace
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attrelid = ANY(%s) AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum
"""
_PRIMARY_KEYS = """
SELECT con.conrelid, con.conname,
       ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, o)
             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o)
FROM pg_constraint con WHERE con.contype = 'p' AND con.conrelid = ANY(%s)
"""
_INDEXES = """
SELECT x.indexrelid, x.indrelid, i.relname, x.indisunique, am.amname, k.o, a.attname,
       (x.indoption[k.o - 1] & 1) = 1, oc.opcname, oc.opcdefault,
       x.indpred IS NOT NULL OR x.indexprs IS NOT NULL OR x.indisexclusion
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_am am ON am.oid = i.relam
CROSS JOIN LATERAL unnest(x.indkey::int2[], x.indclass::oid[]) WITH ORDINALITY k(attnum, opclass, o)
LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum AND k.attnum > 0
LEFT JOIN pg_opclass oc ON oc.oid = k.opclass
WHERE x.indrelid = ANY(%s) AND NOT x.indisprimary AND k.o <= x.indnkeyatts
ORDER BY x.indexrelid, k.o
"""
_FOREIGN_KEYS = """
SELECT con.conrelid, con.conname, rn.nspname, rc.relname, con.confdeltype, con.confupdtype,
       ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, o)
             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o),
       ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, o)
             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o)
FROM pg_constraint con
JOIN pg_class rc ON rc.oid = con.confrelid JOIN pg_namespace rn ON rn.oid = rc.relnamespace
WHERE con.contype = 'f' AND con.conrelid = ANY(%s) ORDER BY con.oid
"""
_ENUMS = """
SELECT n.nspname, t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)
FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = ANY(%s) GROUP BY t.oid, n.nspname, t.typname ORDER BY t.oid
"""
_EXTENSIONS = """
SELECT e.extname, n.nspname, e.extversion FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname <> 'plpgsql' ORDER BY e.extname
"""


@dataclass(frozen=True)
class _Type:
    sql: str
    family: str


def _type(name: str, kind: str, namespace: str, typmod: int, formatted: str, ns: _Namespaces) -> _Type:
    """The calculator's SQL type and Prisma family of a column's (element) type."""
    if kind == "e":
        return _Type(qualified(ns.of(namespace), name), "Enum")
    base = _BASE_TYPES.get(name)
    if base is None:
        # Unsupported("..."): PostgreSQL's own spelling (the engine compares two of them as equal).
        return _Type(formatted.removesuffix("[]"), "Unsupported")
    sql, family = base
    args: tuple[int, ...] = ()
    if typmod >= 0:
        if name in _LENGTH_TYPES:
            args = (typmod - 4,)
        elif name in _BIT_TYPES or name in _PRECISION_TYPES:
            args = (typmod,)
        elif name == "numeric":
            args = ((typmod - 4) >> 16, (typmod - 4) & 0xFFFF)
    return _Type(sql + (f"({','.join(map(str, args))})" if args else ""), family)


@dataclass(frozen=True)
class _Namespaces:
    default: str | None

    def of(self, namespace: str) -> str | None:
        return None if namespace == self.default else namespace


# ------------------------------------------------------------------ defaults


@dataclass(frozen=True)
class _Default:
    sql: str | None = None
    kind: str | None = None
    debug: str | None = None
    autoincrement: bool = False


_STRING = re.compile(r"'((?:[^']|'')*)'")
# Casts PostgreSQL appends: ::text, ::character varying, ::"Role", ::"s"."Role", ::numeric(65,30), ::text[].
_CASTS = re.compile(
    r'(?:\s*::\s*(?:"(?:[^"]|"")*"|[A-Za-z_][\w ]*?)(?:\.(?:"(?:[^"]|"")*"|\w+))?(?:\(\d+(?:,\d+)?\))?(?:\[\])*)*\s*'
)
_INT = re.compile(r"-?\d+")
_DECIMAL = re.compile(r"-?\d+(?:\.\d+)?")


def _closing(expr: str) -> int | None:
    """The index of the parenthesis closing the one ``expr`` starts with (outside string literals)."""
    depth, quoted = 0, False
    for i, ch in enumerate(expr):
        if ch == "'":
            quoted = not quoted
        elif not quoted and ch == "(":
            depth += 1
        elif not quoted and ch == ")":
            depth -= 1
            if depth == 0:
                return i
    return None


def _unwrap(expr: str) -> str:
    """``('-2'::integer)::numeric`` -> ``'-2'::integer``: parentheses followed only by casts go."""
    expr = expr.strip()
    while expr.startswith("("):
        end = _closing(expr)
        if end is None or not _CASTS.fullmatch(expr[end + 1 :]):
            break
        expr = expr[1:end].strip()
    return expr


def _string_literal(expr: str) -> str | None:
    """The text of ``'...'`` followed only by casts."""
    match = _STRING.match(expr)
    if match is None or not _CASTS.fullmatch(expr[match.end() :]):
        return None
    return match.group(1).replace("''", "'")


def _bare(expr: str, pattern: re.Pattern[str]) -> str | None:
    """A bare token (a number, ``true``...) followed only by casts."""
    match = pattern.match(expr)
    if match is None or not _CASTS.fullmatch(expr[match.end() :]):
        return None
    return match.group(0)


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _scalar(expr: str, family: str) -> tuple[str, str] | None:
    """One literal as the calculator writes it and as the engine's summary prints it; None: not a literal.

    Which literals count follows the engine's describer: per family, a string for
    strings, JSON and enums, a number (bare or quoted) for numbers, ``true``/``false``,
    ``'\\x..'`` for bytes; date-times, UUIDs and other types have no literal defaults.
    """
    expr = _unwrap(expr)
    text: str | None
    if family in ("String", "Json"):
        text = _string_literal(expr)
        if text is None:
            return None
        return _quoted(text), f"{'Json' if family == 'Json' else 'String'}({rust_debug(text)})"
    if family in ("Int", "BigInt"):
        text = _string_literal(expr) or _bare(expr, _INT)
        if text is None or not _INT.fullmatch(text.strip()):
            return None
        return str(int(text)), f"{family}({int(text)})"
    if family in ("Float", "Decimal"):
        text = _string_literal(expr) or _bare(expr, _DECIMAL)
        if text is None or not _DECIMAL.fullmatch(text.strip()):
            return None
        return text.strip(), f'Float(BigDecimal("{text.strip()}"))'
    if family == "Boolean":
        text = _bare(expr, re.compile(r"(?i)true|false|t|f"))
        if text is None:
            return None
        value = "true" if text.lower() in ("t", "true") else "false"
        return value, f"Boolean({value})"
    if family == "Bytes":
        text = _string_literal(expr)
        if text is None or not re.fullmatch(r"\\x(?:[0-9A-Fa-f]{2})*", text):
            return None
        data = bytes.fromhex(text[2:])
        return _quoted(text), "Bytes([" + ", ".join(str(b) for b in data) + "])"
    if family == "Enum":
        text = _string_literal(expr) or _bare(expr, re.compile(r"[A-Za-z_]\w*"))
        if text is None:
            return None
        return _quoted(text), f"Enum({rust_debug(text)})"
    return None


def _array_items(body: str) -> list[str]:
    """The top-level items of ``ARRAY[...]`` (split at commas outside quotes and brackets)."""
    items: list[str] = []
    depth, quoted, current = 0, False, ""
    for ch in body:
        if ch == "'":
            quoted = not quoted
        elif not quoted and ch in "([":
            depth += 1
        elif not quoted and ch in ")]":
            depth -= 1
        if ch == "," and not quoted and depth == 0:
            items.append(current)
            current = ""
            continue
        current += ch
    if current.strip():
        items.append(current)
    return items


def _list_default(expr: str, element: _Type) -> _Default | None:
    """``ARRAY[...]`` (or ``'{}'``) as the calculator's ``ARRAY[a, b]::TYPE[]``; None: not literals."""
    expr = _unwrap(expr)
    match = re.fullmatch(r"ARRAY\s*\[(.*?)\](" + _CASTS.pattern + ")", expr, re.DOTALL | re.IGNORECASE)
    if match is not None:
        raw = _array_items(match.group(1))
    elif _string_literal(expr) == "{}":
        raw = []
    else:
        return None
    items = [_scalar(item, element.family) for item in raw]
    values = [i for i in items if i is not None]
    if len(values) != len(items):
        return None
    return _Default(
        sql=f"ARRAY[{', '.join(v[0] for v in values)}]::{element.sql}[]",
        kind="list",
        debug=f"Value(List([{', '.join(v[1] for v in values)}]))",
    )


_NEXTVAL = re.compile(r"nextval\(\(?'((?:[^']|'')*)'(?:::\w+)?\)?::regclass\)")


def _default(expr: str | None, element: _Type, *, array: bool, identity: bool) -> _Default:
    """A column default read back into the calculator's text and kind (see :class:`Column`)."""
    if identity:
        return _Default(autoincrement=True, debug='Sequence("")')
    if expr is None or expr.strip().upper().startswith("NULL"):
        return _Default()
    text = expr.strip()
    generated = _Default(sql=text, kind="dbgenerated", debug=f"DbGenerated(Some({rust_debug(text)}))")
    if array:
        return _list_default(text, element) or generated
    sequence = _NEXTVAL.fullmatch(text)
    if sequence is not None and element.family in ("Int", "BigInt"):
        name = sequence.group(1).replace("''", "'").split(".")[-1].strip('"')
        return _Default(autoincrement=True, debug=f"Sequence({rust_debug(name)})")
    if element.family == "DateTime":
        if re.fullmatch(r"(?i)(now\(\)|current_timestamp)" + _CASTS.pattern, text):
            return _Default(sql="CURRENT_TIMESTAMP", kind="now", debug="Now")
        return generated  # the engine reads no date-time literal back
    if element.sql == "UUID":
        return generated  # nor any UUID default
    literal = _scalar(text, element.family)
    if literal is None:
        return generated
    kind = "json" if element.family == "Json" else "value"
    return _Default(sql=literal[0], kind=kind, debug=f"Value({literal[1]})")


# ------------------------------------------------------------------ the database


def introspect(conn: Any, namespaces: list[str], default_schema: str | None) -> Database:
    """The :class:`Database` of ``namespaces`` in the database behind ``conn`` (a psycopg connection).

    Objects of ``default_schema`` get no namespace, as the calculator leaves
    them when the datasource lists no ``schemas`` (pass None when it does).
    """
    ns = _Namespaces(default_schema)
    existing = {r[0] for r in conn.execute("SELECT nspname FROM pg_namespace").fetchall()}
    table_rows = [
        (oid, nspname, relname)
        for oid, nspname, relname in conn.execute(_TABLES, (namespaces,)).fetchall()
        if not IGNORED_TABLES.fullmatch(relname)
    ]
    oids = [r[0] for r in table_rows]
    columns: dict[int, list[Column]] = {}
    for rel, name, notnull, array, tname, tkind, tns, typmod, formatted, expr, identity in conn.execute(
        _COLUMNS, (oids,)
    ).fetchall():
        element = _type(tname, tkind, tns, typmod, formatted, ns)
        default = _default(expr, element, array=array, identity=identity)
        columns.setdefault(rel, []).append(
            Column(
                name=name,
                type=element.sql,
                nullable=not notnull,
                array=array,
                default=default.sql,
                autoincrement=default.autoincrement,
                family=element.family,
                default_kind=default.kind,
                default_debug=default.debug,
            )
        )
    keys = {rel: PrimaryKey(name, tuple(cols)) for rel, name, cols in conn.execute(_PRIMARY_KEYS, (oids,)).fetchall()}
    indexes: dict[int, list[Index]] = {}
    index_rows: dict[int, list[tuple[Any, ...]]] = {}
    for row in conn.execute(_INDEXES, (oids,)).fetchall():
        index_rows.setdefault(row[0], []).append(row)
    for rows in index_rows.values():
        _, rel, name, unique, method, *_ = rows[0]
        if any(r[10] or r[6] is None for r in rows):
            continue  # partial, expression or exclusion: nothing a Prisma schema describes
        index_columns = tuple(
            IndexColumn(r[6], sort="DESC" if r[7] else None, opclass=r[8], opclass_default=bool(r[9])) for r in rows
        )
        using = None if method == "btree" else method.upper()
        indexes.setdefault(rel, []).append(Index(name=name, columns=index_columns, unique=unique, using=using))
    fks: dict[int, list[ForeignKey]] = {}
    for rel, name, ref_ns, ref_table, on_delete, on_update, cols, ref_cols in conn.execute(
        _FOREIGN_KEYS, (oids,)
    ).fetchall():
        fks.setdefault(rel, []).append(
            ForeignKey(
                name=name,
                columns=tuple(cols),
                referenced_namespace=ns.of(ref_ns),
                referenced_table=ref_table,
                referenced_columns=tuple(ref_cols),
                on_delete=_ACTIONS[on_delete],
                on_update=_ACTIONS[on_update],
            )
        )
    tables = tuple(
        Table(
            namespace=ns.of(nspname),
            name=relname,
            columns=tuple(columns.get(oid, ())),
            primary_key=keys.get(oid),
            indexes=tuple(indexes.get(oid, ())),
            foreign_keys=tuple(fks.get(oid, ())),
        )
        for oid, nspname, relname in table_rows
    )
    enums = tuple(
        Enum(namespace=ns.of(nspname), name=name, values=tuple(values))
        for nspname, name, values in conn.execute(_ENUMS, (namespaces,)).fetchall()
    )
    extensions = tuple(
        Extension(name=name, schema=schema, version=version)
        for name, schema, version in conn.execute(_EXTENSIONS).fetchall()
    )
    return Database(
        tables=tables,
        enums=enums,
        extensions=extensions,
        declared_schemas=tuple(sorted(n for n in namespaces if n in existing)),
    )
