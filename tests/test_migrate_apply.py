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

Prisma's own script is not always valid: when the last ``autoincrement()`` of a
schema goes, it ends with ``DROP SEQUENCE "";``, which PostgreSQL rejects (a
zero-length identifier). Such cases are checked to fail with exactly that error.

One database serves every case: between cases its schemas are dropped and
``public`` created again.
"""

from __future__ import annotations

import json
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

OWN = sorted(p for p in (FIXTURES / "migrate" / "cases").iterdir() if (p / "from.prisma").exists())
EMPTY_SEQUENCE = 'DROP SEQUENCE "";'

_SNAPSHOT = {
    "columns": """
        SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
               pg_get_expr(d.adbin, d.adrelid)
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
          AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
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


def _normal(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(_NEXTVAL.sub("nextval(<sequence>)", v) if isinstance(v, str) else v for v in row)


class Database:
    """One connection to a scratch database, reset between cases."""

    def __init__(self, url: str) -> None:
        import psycopg

        self.conn = psycopg.connect(url, autocommit=True)

    def reset(self) -> None:
        rows = self.conn.execute(
            "SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema')"
            " AND nspname NOT LIKE 'pg_toast%' AND nspname NOT LIKE 'pg_temp%'"
        ).fetchall()
        statements = [f'DROP SCHEMA "{name}" CASCADE' for (name,) in rows]
        statements.append("CREATE SCHEMA public")
        self.conn.execute("; ".join(statements).encode("utf-8"))

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
    yield db
    db.conn.close()


def check_applies(db: Database, old: Schema, new: Schema, script: str) -> None:
    """FROM + ``script`` has the catalog of TO built directly (or Prisma's script fails as it must)."""
    import psycopg

    db.reset()
    db.run(diff_sql(None, new))
    expected = db.snapshot()
    db.reset()
    db.run(diff_sql(None, old))
    if EMPTY_SEQUENCE in script:
        with pytest.raises(psycopg.errors.SyntaxError, match="zero-length delimited identifier"):
            db.run(script)
        return
    db.run(script)
    got = db.snapshot()
    for name in _SNAPSHOT:
        assert got[name] == expected[name], (
            f"{name}: only after the migration {sorted(got[name] - expected[name])};"
            f" only in TO {sorted(expected[name] - got[name])}"
        )


def _case_id(case: dict[str, object]) -> str:
    return str(case["sql"])[: -len(".sql")]


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_corpus_script_reaches_to(scratch: Database, case: dict[str, object]) -> None:
    old, new = from_to(case)
    check_applies(scratch, old, new, (GOLDEN / str(case["sql"])).read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", OWN, ids=lambda p: p.name)
def test_own_script_reaches_to(scratch: Database, case: Any) -> None:
    check_applies(
        scratch, load(case / "from.prisma"), load(case / "to.prisma"), (case / "expected.sql").read_text("utf-8")
    )


def test_cases_are_listed() -> None:
    assert json.loads((GOLDEN / "cases.json").read_text(encoding="utf-8")) == CASES
