"""Every non-additive golden script, applied to a real PostgreSQL, reaches TO's database.

For each case of tests/test_migrate_nonadditive.py (and each own case with a FROM
schema): the database is built from FROM (prisma-tools' script from empty, which
equals Prisma's), Prisma's script for FROM -> TO (the golden) is applied, and what
the catalog then holds must equal a database built from TO directly.

The catalog is compared, not ``pg_dump`` text: a column dropped and added again,
or added to an existing table, comes last in PostgreSQL's column order, which
``pg_dump`` prints. So columns are compared by name (type, nullability, default),
with constraints (``pg_get_constraintdef``), indexes (``pg_get_indexdef``), enum
types (values in order) and sequences. A sequence Prisma creates for a new
``autoincrement()`` is named in lower case (``user_id_seq``) where ``SERIAL`` names
it ``User_id_seq``: sequence names are compared case-insensitively.

Prisma's own script is not always valid on PostgreSQL (docs/migrate.md lists why:
``DROP SEQUENCE "";``, a primary key renamed while it is recreated, an old enum type
dropped while a column still uses it, a new enum value used in its transaction,
``SET DATA TYPE BIGSERIAL``, a cast PostgreSQL makes only with ``USING``, an index
recreated with its column and also renamed). Such
a case is an expected failure (xfail) when the error is exactly one of these.

Enum values are compared as sets (``ADD VALUE`` appends; the script cannot place a
value where TO declares it), and a string default without the cast of the type it was
set on (``'x'::character varying`` survives ``SET DATA TYPE TEXT``). Schemas that need
an extension the server lacks (``vector``, PostGIS) are skipped, saying which;
``pg_trgm``, ``uuid-ossp`` and ``citext`` are installed in a schema of their own. By default one
case in sixteen runs; ``PRISMA_TOOLS_APPLY_ALL=1`` runs all of them. A removed
``autoincrement()`` whose sequence Prisma keeps (another column still autoincrements)
may leave that sequence behind.

One database serves every case: between cases its schemas are dropped and
``public`` created again.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import FIXTURES
from pg_server import PostgresServer, postgres  # noqa: F401 (fixture)
from test_migrate_nonadditive import CASES, GOLDEN, from_to

from prisma_tools import load
from prisma_tools.migrate import diff_sql
from prisma_tools.nodes import Schema

pytestmark = pytest.mark.corpus

# The PostgreSQL cases (the SQLite ones are applied by tests/test_migrate_sqlite.py).
OWN = sorted(
    p
    for p in (FIXTURES / "migrate" / "cases").iterdir()
    if (p / "from.prisma").exists() and '"sqlite"' not in (p / "from.prisma").read_text(encoding="utf-8")
)
EMPTY_SEQUENCE = 'DROP SEQUENCE "";'
EXTENSIONS = "ext"

_SNAPSHOT = {
    "columns": """
        SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
               pg_get_expr(d.adbin, d.adrelid)
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
          AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'ext') AND n.nspname NOT LIKE 'pg_toast%'
    """,
    "constraints": """
        SELECT n.nspname, c.relname, k.conname, pg_get_constraintdef(k.oid)
        FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
    """,
    "indexes": """
        SELECT schemaname, indexname, indexdef FROM pg_indexes
        WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
    """,
    "enums": """
        SELECT n.nspname, t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        GROUP BY 1, 2
    """,
    "sequences": """
        SELECT schemaname, lower(sequencename) FROM pg_sequences
        WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
    """,
}

_NEXTVAL = re.compile(r"nextval\('[^']*'::regclass\)")
# A default keeps the cast of the type it was set on: 'x'::character varying after SET DATA TYPE TEXT.
_LITERAL_CAST = re.compile(r"^('(?:[^']|'')*')::[a-z ]+(?:\(\d+\))?$")


def _normal(row: tuple[Any, ...]) -> tuple[Any, ...]:
    def one(v: Any) -> Any:
        if isinstance(v, list):
            return tuple(sorted(v))  # ADD VALUE appends: Prisma cannot place a new value where TO has it
        if isinstance(v, str):
            return _LITERAL_CAST.sub(r"\1", _NEXTVAL.sub("nextval(<sequence>)", v))
        return v

    return tuple(one(v) for v in row)


class Database:
    """One connection to a scratch database, reset between cases."""

    def __init__(self, url: str) -> None:
        import psycopg

        self.conn = psycopg.connect(url, autocommit=True)

    def reset(self) -> None:
        self.conn.execute(b"ROLLBACK")  # a failed script with its own BEGIN leaves a transaction open
        rows = self.conn.execute(
            "SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema')"
            " AND nspname NOT LIKE 'pg_toast%' AND nspname NOT LIKE 'pg_temp%'"
        ).fetchall()
        statements = [f'DROP SCHEMA "{name}" CASCADE' for (name,) in rows if name != EXTENSIONS]
        statements.append("CREATE SCHEMA public")
        self.conn.execute("; ".join(statements).encode("utf-8"))

    def install_extensions(self) -> None:
        """Extensions corpus schemas use without declaring them, in a schema that resets keep."""
        self.conn.execute(f"CREATE SCHEMA IF NOT EXISTS {EXTENSIONS}".encode())
        for name in ("pg_trgm", "uuid-ossp", "citext"):
            with contextlib.suppress(Exception):
                self.conn.execute(f'CREATE EXTENSION IF NOT EXISTS "{name}" SCHEMA {EXTENSIONS}'.encode())
        self.conn.execute(f"SET search_path = public, {EXTENSIONS}".encode())

    def run(self, script: str) -> None:
        if script.strip() != "-- This is an empty migration.":
            # One simple query, all or nothing, as Prisma's engine sends a migration.
            self.conn.execute(script.encode("utf-8"))

    def snapshot(self) -> dict[str, set[tuple[Any, ...]]]:
        return {
            name: {_normal(tuple(r)) for r in self.conn.execute(sql.encode("utf-8")).fetchall()}
            for name, sql in _SNAPSHOT.items()
        }


@pytest.fixture(scope="module")
def scratch(postgres: PostgresServer) -> Iterator[Database]:  # noqa: F811
    db = Database(postgres.create_database())
    db.install_extensions()
    yield db
    db.conn.close()


def _build(db: Database, schema: Schema) -> None:
    """The database of ``schema``, from empty; skip when it needs an extension this server lacks."""
    import psycopg

    db.reset()
    try:
        db.run(diff_sql(None, schema))
    except psycopg.errors.UndefinedObject as e:
        if "type" in str(e) and "does not exist" in str(e):
            pytest.skip(f"the schema needs an extension this PostgreSQL does not have: {str(e).splitlines()[0]}")
        raise


def _prisma_failure(error: Exception, script: str) -> str | None:
    """Why Prisma's own script fails on PostgreSQL, when it is one of the known reasons (docs/migrate.md)."""
    kind, text = type(error).__name__, str(error)
    if kind == "SyntaxError" and "zero-length delimited identifier" in text and EMPTY_SEQUENCE in script:
        return 'DROP SEQUENCE "" after the last autoincrement() is removed'
    if kind == "SyntaxError" and 'at or near "RENAME"' in text:
        return "a primary key dropped, renamed and added again in one ALTER TABLE"
    if kind == "DependentObjectsStillExist" and re.search(r'drop type "[^"]*_old"', text):
        return "the old enum type is dropped while a column leaving the enum still uses it"
    if kind == "UnsafeNewEnumValueUsage":
        return "an enum value used in the transaction that adds it"
    if kind == "UndefinedObject" and re.search(r'type "(small|big)?serial" does not exist', text):
        return "SET DATA TYPE SERIAL on an autoincrementing column whose type changes"
    if kind == "UndefinedTable" and re.search(r'ALTER INDEX "[^"]*" RENAME', script):
        return "an index recreated with its column is also renamed (the old name is gone)"
    if kind == "DatatypeMismatch" and "cannot be cast automatically" in text:
        return "a cast Prisma calls safe or risky that PostgreSQL does not make without USING"
    return None


def check_applies(db: Database, old: Schema, new: Schema, script: str) -> str | None:
    """FROM + ``script`` has the catalog of TO built directly; returns why Prisma's script fails, if it does."""
    import psycopg

    _build(db, new)
    expected = db.snapshot()
    _build(db, old)
    try:
        db.run(script)
    except psycopg.Error as e:
        reason = _prisma_failure(e, script)
        if reason is None:
            raise
        return reason
    got = db.snapshot()
    if "DROP DEFAULT" in script and "DROP SEQUENCE" not in script:
        # An autoincrement() removed keeps its SERIAL sequence (still owned by the column): Prisma drops
        # it only when no column autoincrements any more. TO's sequences must all be there.
        assert expected["sequences"] <= got["sequences"]
        got["sequences"] = expected["sequences"]
    for name in _SNAPSHOT:
        assert got[name] == expected[name], (
            f"{name}: only after the migration {sorted(got[name] - expected[name])};"
            f" only in TO {sorted(expected[name] - got[name])}"
        )
    return None


def _case_id(case: dict[str, object]) -> str:
    return str(case["sql"])[: -len(".sql")]


# Every case when PRISMA_TOOLS_APPLY_ALL=1 (about 15 minutes on a busy machine); else one in sixteen.
SAMPLED = CASES if os.environ.get("PRISMA_TOOLS_APPLY_ALL") == "1" else CASES[::16]
# Own cases whose script cannot run here for a reason outside Prisma's text.
OWN_ENVIRONMENT = {
    "extension_moved": 'CREATE EXTENSION ... WITH SCHEMA "other": Prisma does not create that schema',
    "schema_listed_before_is_not_created": "the old datasource listed the schema, so Prisma assumes it exists",
}


@pytest.mark.parametrize("case", SAMPLED, ids=_case_id)
def test_corpus_script_reaches_to(scratch: Database, case: dict[str, object]) -> None:
    old, new = from_to(case)
    reason = check_applies(scratch, old, new, (GOLDEN / str(case["sql"])).read_text(encoding="utf-8"))
    if reason is not None:
        pytest.xfail(f"Prisma's script fails on PostgreSQL: {reason}")


@pytest.mark.parametrize("case", OWN, ids=lambda p: p.name)
def test_own_script_reaches_to(scratch: Database, case: Any) -> None:
    if case.name in OWN_ENVIRONMENT:
        pytest.skip(OWN_ENVIRONMENT[case.name])
    # Where Prisma's text is wrong on purpose-built input (an unescaped quote), ours.sql is what runs.
    script = case / "ours.sql" if (case / "ours.sql").exists() else case / "expected.sql"
    reason = check_applies(scratch, load(case / "from.prisma"), load(case / "to.prisma"), script.read_text("utf-8"))
    if reason is not None:
        pytest.xfail(f"Prisma's script fails on PostgreSQL: {reason}")


def test_cases_are_listed() -> None:
    assert json.loads((GOLDEN / "cases.json").read_text(encoding="utf-8")) == CASES
