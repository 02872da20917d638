"""Introspection: a database built from a schema reads back as that schema's database.

For every PostgreSQL corpus schema Prisma 6 validates, and for the TO state of
the non-additive pairs (tests/test_migrate_nonadditive.py; one in sixteen by
default, all with ``PRISMA_TOOLS_APPLY_ALL=1``): the script from empty is applied
to the private PostgreSQL, the database is read back
(:func:`prisma_tools.migrate.introspect.introspect`), and the diff from what was
read to the schema's own database must be empty. Where a database cannot say
what the schema says, the comparison does what Prisma's engine does (see
docs/migrate.md, "Reading a database back"): operator classes that are the
type's default match none, date-time and UUID defaults are read as
``dbgenerated``, ``uuid()``-style defaults exist only in the schema.

Also: a diff *from* a database read back is byte for byte the diff from the
schema that built it (``migrate diff --from-url`` against Prisma's golden
scripts for the sampled non-additive pairs). ``python tests/test_migrate_introspect.py``
prints the figures over every case.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CORPUS, FIXTURES
from migrate_corpus import postgres_entries
from pg_server import PostgresServer, postgres  # noqa: F401 (fixture)
from test_migrate_apply import Database as Scratch
from test_migrate_nonadditive import CASES, GOLDEN, from_to

from prisma_tools import load
from prisma_tools.migrate import build, diff, render_script
from prisma_tools.migrate.introspect import _default, _Type, introspect
from prisma_tools.migrate.model import Database
from prisma_tools.nodes import Schema

pytestmark = pytest.mark.corpus

SAMPLED = CASES if os.environ.get("PRISMA_TOOLS_APPLY_ALL") == "1" else CASES[::16]


def _corpus_ids() -> list[str]:
    manifest = CORPUS / "realworld" / "MANIFEST.tsv"
    return [e.id for e in postgres_entries(CORPUS)] if manifest.exists() else []


@pytest.fixture(scope="module")
def scratch(postgres: PostgresServer) -> Iterator[Scratch]:  # noqa: F811
    db = Scratch(postgres.create_database())
    db.install_extensions()
    yield db
    db.conn.close()


def read_back(db: Scratch, target: Database) -> Database:
    namespaces = sorted(
        {t.namespace or "public" for t in target.tables} | {e.namespace or "public" for e in target.enums} | {"public"}
    )
    return introspect(db.conn, namespaces, None if target.declared_schemas else "public")


def built(db: Scratch, schema: Schema) -> Database:
    """The database of ``schema`` from empty, read back; skip when the server lacks an extension it needs."""
    import psycopg

    target = build(schema)
    db.reset()
    try:
        db.run(render_script(diff(None, target)))
    except (psycopg.errors.UndefinedObject, psycopg.errors.FeatureNotSupported) as e:
        pytest.skip(f"the schema needs an extension this PostgreSQL does not have: {str(e).splitlines()[0]}")
    return read_back(db, target)


@pytest.mark.parametrize("entry", _corpus_ids())
def test_corpus_schema_reads_back_as_itself(scratch: Scratch, entry: str) -> None:
    schema = load(CORPUS / entry)
    steps = diff(built(scratch, schema), build(schema))
    assert render_script(steps) == "-- This is an empty migration.\n"


# The PostgreSQL cases (a database is read back from PostgreSQL only).
OWN = sorted(
    p
    for p in (FIXTURES / "migrate" / "cases").glob("*/*.prisma")
    if p.stem in ("from", "to") and '"sqlite"' not in p.read_text(encoding="utf-8")
)
# Own cases written to probe edges where a database cannot hold what the schema says. Prisma's engine
# compares them the same way (its differ and describer, read for this), so `migrate dev` finds the same
# difference on every run; they are expected to differ, and the test fails if one stops differing.
_CHAR = "@db.Char/@db.Bit without length: PostgreSQL stores length 1, the engine sees Char(1) -> Char"
_LITERAL = "dbgenerated(\"'b'\") is read back as the literal 'b', which the engine never matches with dbgenerated"
_LONG = "a table name over 63 bytes: PostgreSQL cuts it, the engine does not cut model table names"
OWN_DIFFERENT = {
    "cast_matrix": _CHAR,
    "column_changes_matrix": _LITERAL,
    "datetimes_quotes_long_names/to": _LONG,
    "enum_value_added_unescaped": _LONG,
}
OWN_ENVIRONMENT = {"extension_moved": "the scratch database has its own citext, in another schema"}


@pytest.mark.parametrize("path", OWN, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_own_case_reads_back_as_itself(scratch: Scratch, path: Path) -> None:
    """The small cases pin one rule each: types, defaults, operator classes, schemas, extensions..."""
    case = path.parent.name
    if case in OWN_ENVIRONMENT:
        pytest.skip(OWN_ENVIRONMENT[case])
    schema = load(path)
    script = render_script(diff(built(scratch, schema), build(schema)))
    reason = OWN_DIFFERENT.get(case) or OWN_DIFFERENT.get(f"{case}/{path.stem}")
    if reason is None:
        assert script == "-- This is an empty migration.\n"
    else:
        assert script != "-- This is an empty migration.\n", f"no longer differs: {reason}"


@pytest.mark.parametrize("case", SAMPLED, ids=lambda c: str(c["sql"])[: -len(".sql")])
def test_nonadditive_to_state_reads_back_as_itself(scratch: Scratch, case: dict[str, object]) -> None:
    _, new = from_to(case)
    steps = diff(built(scratch, new), build(new))
    assert render_script(steps) == "-- This is an empty migration.\n"


@pytest.mark.parametrize("case", SAMPLED, ids=lambda c: str(c["sql"])[: -len(".sql")])
def test_diff_from_a_database_is_the_schema_diff(scratch: Scratch, case: dict[str, object]) -> None:
    """``--from-url`` of a database built from FROM prints Prisma's script for FROM -> TO."""
    old, new = from_to(case)
    expected = (GOLDEN / str(case["sql"])).read_text(encoding="utf-8")
    assert render_script(diff(built(scratch, old), build(new))) == expected


# ------------------------------------------------------------------ defaults, without a database


def _t(sql: str, family: str) -> _Type:
    return _Type(sql, family)


@pytest.mark.parametrize(
    ("expr", "element", "array", "sql", "kind"),
    [
        ("'x'::text", _t("TEXT", "String"), False, "'x'", "value"),
        ("'it''s'::character varying", _t("VARCHAR(3)", "String"), False, "'it''s'", "value"),
        ("'-3'::integer", _t("INTEGER", "Int"), False, "-3", "value"),
        ("42", _t("INTEGER", "Int"), False, "42", "value"),
        ("'12345678901234'::bigint", _t("BIGINT", "BigInt"), False, "12345678901234", "value"),
        ("2.00", _t("DECIMAL(65,30)", "Decimal"), False, "2.00", "value"),
        ("'-1.5'::numeric", _t("DOUBLE PRECISION", "Float"), False, "-1.5", "value"),
        ("true", _t("BOOLEAN", "Boolean"), False, "true", "value"),
        ("'A'::\"Role\"", _t('"Role"', "Enum"), False, "'A'", "value"),
        ("'{\"a\": 1}'::jsonb", _t("JSONB", "Json"), False, "'{\"a\": 1}'", "json"),
        ("'\\x0102'::bytea", _t("BYTEA", "Bytes"), False, "'\\x0102'", "value"),
        ("CURRENT_TIMESTAMP", _t("TIMESTAMP(3)", "DateTime"), False, "CURRENT_TIMESTAMP", "now"),
        ("now()", _t("TIMESTAMPTZ", "DateTime"), False, "CURRENT_TIMESTAMP", "now"),
        # The engine reads no date-time or UUID literal back: they compare as dbgenerated.
        (
            "'2020-01-01 00:00:00'::timestamp without time zone",
            _t("TIMESTAMP(3)", "DateTime"),
            False,
            "'2020-01-01 00:00:00'::timestamp without time zone",
            "dbgenerated",
        ),
        ("gen_random_uuid()", _t("UUID", "String"), False, "gen_random_uuid()", "dbgenerated"),
        ("ARRAY[]::text[]", _t("TEXT", "String"), True, "ARRAY[]::TEXT[]", "list"),
        ("ARRAY['x'::text, 'y'::text]", _t("TEXT", "String"), True, "ARRAY['x', 'y']::TEXT[]", "list"),
        ("ARRAY[1, '-2'::integer]", _t("INTEGER", "Int"), True, "ARRAY[1, -2]::INTEGER[]", "list"),
        (
            "ARRAY[1.5::numeric(65,30), ('-2'::integer)::numeric(65,30)]",
            _t("DECIMAL(65,30)", "Decimal"),
            True,
            "ARRAY[1.5, -2]::DECIMAL(65,30)[]",
            "list",
        ),
        ('ARRAY[]::"R"[]', _t('"R"', "Enum"), True, 'ARRAY[]::"R"[]', "list"),
        (
            "(ARRAY[]::character varying[])::character varying(10)[]",
            _t("VARCHAR(10)", "String"),
            True,
            "ARRAY[]::VARCHAR(10)[]",
            "list",
        ),
        ("lower('X'::text)", _t("TEXT", "String"), False, "lower('X'::text)", "dbgenerated"),
    ],
)
def test_default_read_back(expr: str, element: _Type, array: bool, sql: str, kind: str) -> None:
    default = _default(expr, element, array=array, identity=False)
    assert (default.sql, default.kind) == (sql, kind)


def test_sequence_and_identity_are_autoincrement() -> None:
    int_type = _Type("INTEGER", "Int")
    assert _default("nextval('\"User_id_seq\"'::regclass)", int_type, array=False, identity=False).autoincrement
    assert _default(None, int_type, array=False, identity=True).autoincrement
    # nextval on a text column is no autoincrement() (the engine reads it so only for integers).
    assert not _default("nextval('s'::regclass)", _Type("TEXT", "String"), array=False, identity=False).autoincrement


if __name__ == "__main__":  # pragma: no cover - the figure over every case
    from pg_server import running_server

    os.environ["PRISMA_TOOLS_APPLY_ALL"] = "1"
    counts = {"corpus": [0, 0, 0], "to-state": [0, 0, 0], "from-url": [0, 0, 0]}
    with running_server() as server:
        db = Scratch(server.create_database())
        db.install_extensions()

        def attempt(kind: str, check: object) -> None:
            try:
                assert callable(check)
                check()
                counts[kind][0] += 1
            except pytest.skip.Exception:
                counts[kind][2] += 1
            except AssertionError:
                counts[kind][1] += 1

        for entry in _corpus_ids():
            attempt("corpus", lambda e=entry: test_corpus_schema_reads_back_as_itself(db, e))
        for case in CASES:
            attempt("to-state", lambda c=case: test_nonadditive_to_state_reads_back_as_itself(db, c))
            attempt("from-url", lambda c=case: test_diff_from_a_database_is_the_schema_diff(db, c))
    for kind, (ok, bad, skipped) in counts.items():
        print(f"{kind}: {ok} of {ok + bad} agree ({skipped} skipped: extension missing)", file=sys.stderr)
