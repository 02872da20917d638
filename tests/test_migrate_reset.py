"""``migrate reset``: what Prisma's engine drops on PostgreSQL, then every migration applied, on the private server."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from conftest import FIXTURES
from pg_server import PostgresServer, database_url, postgres  # noqa: F401 (fixtures)
from status_cases import RESET_CASES, RESET_EXPECTED

from prisma_tools import load, parse
from prisma_tools.cli.migrate import migrate
from prisma_tools.migrate import diff_sql
from prisma_tools.migrate.datasource import datasource_of
from prisma_tools.migrate.db import connect, parse_url
from prisma_tools.migrate.reset import reset_schemas, schemas_to_reset

CASES = FIXTURES / "migrate" / "cases"
ADDITIVE = CASES / "additive_changes"
MULTI = CASES / "create_schemas_sorted"


def run(*args: str) -> Result:
    return CliRunner().invoke(migrate, list(args), catch_exceptions=False)


def query(url: str, sql: str) -> list[tuple[Any, ...]]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.execute(sql)
        return cur.fetchall() if cur.description else []


def write(folder: Path, name: str, sql: str) -> None:
    (folder / name).mkdir(parents=True, exist_ok=True)
    (folder / name / "migration.sql").write_bytes(sql.encode("utf-8"))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two migrations: the additive case's FROM from empty (enums, indexes, foreign keys), then its diff."""
    out = tmp_path / "migrations"
    write(out, "20240101000000_init", diff_sql(None, load(ADDITIVE / "from.prisma")))
    write(out, "20240102000000_add", (ADDITIVE / "expected.sql").read_text(encoding="utf-8"))
    return out


class Recording:
    """A connection that notes the statements sent through it."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.sent: list[str] = []

    def execute(self, query: Any, *args: Any, **kwargs: Any) -> Any:
        self.sent.append(query if isinstance(query, str) else query.as_string(self.conn))
        return self.conn.execute(query, *args, **kwargs)

    def transaction(self) -> Any:
        return self.conn.transaction()


def test_reset_drops_what_prismas_engine_drops(postgres: PostgresServer) -> None:  # noqa: F811
    """The schemas of each case of reset_cases.json and the statements dropping them, as the engine sends them."""
    import psycopg

    answers = {a["name"]: a["engine"] for a in json.loads(RESET_EXPECTED.read_text(encoding="utf-8"))}
    for case in json.loads(RESET_CASES.read_text(encoding="utf-8")):
        schema = parse(case["schema"], "schema.prisma")
        ds = datasource_of(schema)
        url = postgres.create_database() + (f"?schema={case['schemaName']}" if case["schemaName"] != "public" else "")
        assert ds.url is not None
        assert parse_url(ds.url).schema == parse_url(url).schema == case["schemaName"]
        schemas = schemas_to_reset(schema, parse_url(url).schema)
        with psycopg.connect(url.split("?")[0], autocommit=True) as setup:
            for name in [*schemas, case["schemaName"]]:
                setup.execute(f'CREATE SCHEMA IF NOT EXISTS "{name}"')
            setup.execute(f'CREATE TABLE "{case["schemaName"]}"."_prisma_migrations" ("id" TEXT)')
        conn = connect(url)
        try:
            recording = Recording(conn)
            reset_schemas(recording, schemas)
        finally:
            conn.close()
        ours = [
            statement.replace(" IF EXISTS", "")
            for statement in recording.sent
            if statement.startswith(("DROP SCHEMA", "CREATE SCHEMA", "DROP TABLE"))
        ]
        assert ours == answers[case["name"]]["statements"], case["name"]


def test_reset_refuses_without_force(database_url: str, folder: Path) -> None:  # noqa: F811
    assert run("deploy", "--url", database_url, "--migrations-dir", str(folder)).exit_code == 0
    before = query(database_url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
    result = run("reset", "--url", database_url, "--migrations-dir", str(folder))
    assert result.exit_code == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    masked = database_url.replace(":prisma-tools-test@", ":****@")
    assert line == (
        f'error: migrate reset would drop all data in the database {masked} (schema "public"): pass --force to reset it'
    )
    assert "prisma-tools-test" not in result.output
    assert query(database_url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == before


def test_reset_after_manual_changes_equals_a_fresh_deploy(
    postgres: PostgresServer,  # noqa: F811
    folder: Path,
) -> None:
    fresh, used = postgres.create_database(), postgres.create_database()
    assert run("deploy", "--url", fresh, "--migrations-dir", str(folder)).exit_code == 0
    assert run("deploy", "--url", used, "--migrations-dir", str(folder)).exit_code == 0
    # what a developer does by hand, and a failed migration recorded after them
    query(
        used,
        'CREATE TABLE "Scratch" ("id" SERIAL PRIMARY KEY, "note" TEXT);'
        ' INSERT INTO "Scratch" ("note") VALUES (\'data\');'
        " CREATE TYPE \"Mood\" AS ENUM ('ok');"
        ' CREATE VIEW "ScratchView" AS SELECT * FROM "Scratch";'
        " CREATE SEQUENCE counter;"
        " CREATE FUNCTION one() RETURNS integer LANGUAGE sql AS 'SELECT 1';"
        " CREATE DOMAIN positive AS integer CHECK (VALUE > 0);",
    )
    write(folder, "20240103000000_broken", "CREATE TABLE oops (;\n")
    assert run("deploy", "--url", used, "--migrations-dir", str(folder)).exit_code == 2
    shutil.rmtree(folder / "20240103000000_broken")
    assert postgres.pg_dump(used) != postgres.pg_dump(fresh)

    result = run("reset", "--force", "--url", used, "--migrations-dir", str(folder))
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout.startswith('Dropped schema "public" with everything in it, and created it again\n')
    assert result.stdout.endswith(
        "\nDatabase reset successful\n\nThe following migration(s) have been applied:\n\n"
        f"{folder}/\n"
        "  └─ 20240101000000_init/\n    └─ migration.sql\n"
        "  └─ 20240102000000_add/\n    └─ migration.sql\n"
    )
    # the schema's owner, privileges and comment too (Prisma's re-created public loses them)
    assert postgres.pg_dump(used) == postgres.pg_dump(fresh)
    names = [r[0] for r in query(used, 'SELECT migration_name FROM "_prisma_migrations" ORDER BY started_at')]
    assert names == ["20240101000000_init", "20240102000000_add"]
    assert run("status", "--url", used, "--migrations-dir", str(folder)).exit_code == 0


def test_reset_keeps_grants_other_roles_had(postgres: PostgresServer, folder: Path) -> None:  # noqa: F811
    url = postgres.create_database()
    role = f"reader_{os.getpid()}_{url.rsplit('/', 1)[1]}"
    query(
        url,
        f'CREATE ROLE "{role}"; GRANT USAGE, CREATE ON SCHEMA public TO "{role}";'
        f' ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO "{role}"',
    )
    try:
        result = run("reset", "--force", "--url", url, "--migrations-dir", str(folder))
        assert (result.exit_code, result.stderr) == (0, "")
        assert query(url, f"SELECT has_schema_privilege('{role}', 'public', 'USAGE,CREATE')") == [(True,)]
        # the default privilege is back before the migrations create the tables again
        assert query(url, f"SELECT has_table_privilege('{role}', 'public.\"User\"', 'SELECT')") == [(True,)]
        assert query(url, "SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'public'") == [
            ("pg_database_owner",)
        ]
    finally:
        query(url, f'DROP OWNED BY "{role}"; DROP ROLE "{role}"')


def test_reset_of_an_empty_folder_and_an_unknown_schema(database_url: str, tmp_path: Path) -> None:  # noqa: F811
    query(database_url, 'CREATE TABLE "Legacy" ("id" INTEGER)')
    result = run("reset", "--force", "--url", database_url, "--migrations-dir", str(tmp_path / "none"))
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("Database reset successful\n")
    assert query(database_url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'") == [
        ("_prisma_migrations",)
    ]
    # a ?schema= that does not exist yet is created (Prisma's DROP SCHEMA fails on it)
    result = run("reset", "--force", "--url", database_url + "?schema=fresh", "--migrations-dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert query(database_url, "SELECT 1 FROM pg_namespace WHERE nspname = 'fresh'") == [(1,)]


def test_reset_drops_the_datasources_schemas_and_no_other(database_url: str, tmp_path: Path) -> None:  # noqa: F811
    folder = tmp_path / "migrations"
    write(folder, "20240101000000_init", (MULTI / "expected.sql").read_text(encoding="utf-8"))
    assert run("deploy", "--url", database_url, "--migrations-dir", str(folder)).exit_code == 0
    query(
        database_url,
        'CREATE TABLE "zz"."Extra" ("id" INTEGER); CREATE TABLE "aa"."Extra" ("id" INTEGER);'
        ' CREATE SCHEMA "other"; CREATE TABLE "other"."Kept" ("id" INTEGER)',
    )
    result = run(
        "reset", "--force", "--url", database_url, "--schema", str(MULTI / "to.prisma"), "--migrations-dir", str(folder)
    )
    assert result.exit_code == 0, result.output
    assert 'Dropped schema "zz"' in result.stdout
    assert 'Dropped schema "aa"' in result.stdout
    tables = query(
        database_url,
        "SELECT schemaname || '.' || tablename FROM pg_tables"
        " WHERE schemaname IN ('aa', 'zz', 'other', 'public') ORDER BY 1",
    )
    assert [t[0] for t in tables] == ["aa.N", "other.Kept", "public._prisma_migrations", "zz.M"]
    refused = run("reset", "--url", database_url, "--schema", str(MULTI / "to.prisma"), "--migrations-dir", str(folder))
    assert refused.exit_code == 2
    assert '(schemas "zz", "aa")' in refused.stderr


def test_reset_that_the_database_refuses_changes_nothing(postgres: PostgresServer, folder: Path) -> None:  # noqa: F811
    url = postgres.create_database()
    assert run("deploy", "--url", url, "--migrations-dir", str(folder)).exit_code == 0
    role = f"guest_{os.getpid()}_{url.rsplit('/', 1)[1]}"
    query(url, f"CREATE ROLE \"{role}\" LOGIN PASSWORD 'pw'")
    try:
        guest = url.replace("postgres:prisma-tools-test@", f"{role}:pw@")
        before = postgres.pg_dump(url)
        result = run("reset", "--force", "--url", guest, "--migrations-dir", str(folder))
        assert result.exit_code == 2
        [line] = result.stderr.splitlines()
        assert line.startswith("error: P3016: The fallback method for database resets failed, meaning Migrate could")
        assert line.endswith("(dropping the schema: must be owner of schema public)")
        assert postgres.pg_dump(url) == before
    finally:
        query(url, f'DROP ROLE "{role}"')


def test_reset_by_the_database_owner_warns_about_what_it_cannot_restore(
    postgres: PostgresServer,  # noqa: F811
    folder: Path,
) -> None:
    url = postgres.create_database()
    database = url.rsplit("/", 1)[1]
    role = f"owner_{os.getpid()}_{database}"
    query(
        url,
        f'CREATE ROLE "{role}" LOGIN PASSWORD \'pw\'; ALTER DATABASE "{database}" OWNER TO "{role}";'
        f' ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT SELECT ON TABLES TO "{role}"',
    )
    try:
        owner = url.replace("postgres:prisma-tools-test@", f"{role}:pw@")
        result = run("reset", "--force", "--url", owner, "--migrations-dir", str(folder))
        assert result.exit_code == 0, result.output
        # not a superuser: it cannot give postgres's default privilege back, and says so; the rest is restored
        [warning] = result.stderr.splitlines()
        assert warning.startswith(
            'warning: schema "public": could not restore the default privilege SELECT on tables of postgres'
            f" for {role}:"
        )
        assert query(url, "SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'public'") == [
            ("pg_database_owner",)
        ]
        assert "Database reset successful" in result.stdout
    finally:
        query(url, f'ALTER DATABASE "{database}" OWNER TO postgres; DROP OWNED BY "{role}"')
        query(postgres.url(), f'DROP ROLE "{role}"')


def test_reset_creates_a_missing_database(postgres: PostgresServer, folder: Path) -> None:  # noqa: F811
    name = f"missing_{os.getpid()}_{postgres.create_database().rsplit('/', 1)[1]}"
    url = postgres.url(name)
    wrong = postgres.url(name, password="wrong")
    result = run("reset", "--force", "--url", wrong, "--migrations-dir", str(folder))
    assert result.exit_code == 2
    assert "password authentication failed" in result.stderr
    assert not query(postgres.url(), f"SELECT 1 FROM pg_database WHERE datname = '{name}'")
    result = run("reset", "--force", "--url", url, "--migrations-dir", str(folder))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"PostgreSQL database {name} created at 127.0.0.1:{postgres.port}\n")
    assert query(url, 'SELECT count(*) FROM "_prisma_migrations"') == [(2,)]


def test_reset_without_owning_the_schema_drops_its_objects_one_by_one(
    postgres: PostgresServer,  # noqa: F811
    folder: Path,
) -> None:
    fresh, used = postgres.create_database(), postgres.create_database()
    role = f"tenant_{os.getpid()}_{used.rsplit('/', 1)[1]}"
    query(postgres.url(), f"CREATE ROLE \"{role}\" LOGIN PASSWORD 'pw'")
    as_role = {url: url.replace("postgres:prisma-tools-test@", f"{role}:pw@") for url in (fresh, used)}
    try:
        for url in (fresh, used):
            query(url, f'GRANT CREATE ON SCHEMA public TO "{role}"')
            assert run("deploy", "--url", as_role[url], "--migrations-dir", str(folder)).exit_code == 0
        query(
            as_role[used],
            'CREATE TABLE "Scratch" ("id" SERIAL PRIMARY KEY); CREATE TYPE "Mood" AS ENUM (\'ok\');'
            " CREATE VIEW \"V\" AS SELECT 1 AS one; CREATE FUNCTION one() RETURNS integer LANGUAGE sql AS 'SELECT 1';"
            " CREATE DOMAIN positive AS integer CHECK (VALUE > 0); CREATE SEQUENCE counter",
        )
        result = run("reset", "--force", "--url", as_role[used], "--migrations-dir", str(folder))
        assert result.exit_code == 0, result.output
        [warning] = result.stderr.splitlines()
        assert warning.startswith("warning: could not drop the schema (must be owner of schema public): dropped the")
        assert postgres.pg_dump(used) == postgres.pg_dump(fresh)
    finally:
        for url in (fresh, used):
            query(url, f'DROP OWNED BY "{role}"')
        query(postgres.url(), f'DROP ROLE "{role}"')
