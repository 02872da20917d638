"""``migrate check``, ``deploy`` and ``resolve`` against a real PostgreSQL (tests/pg_server.py).

The server is private to the test session, on 127.0.0.1 only; nothing here
connects anywhere else. Without PostgreSQL or psycopg these tests skip, except
under CI=true, where they fail.
"""

from __future__ import annotations

import hashlib
import socket
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from conftest import CORPUS, FIXTURES, require_shared
from migrate_corpus import EDPSYCH_MIGRATION, edpsych_from_to
from pg_server import PostgresServer, database_url, free_port, postgres  # noqa: F401 (fixtures)

from prisma_tools import load, parse
from prisma_tools.cli.migrate import migrate
from prisma_tools.migrate import diff_sql

CASES = FIXTURES / "migrate" / "cases"
ADDITIVE = CASES / "additive_changes"


def run(*args: str) -> Result:
    return CliRunner().invoke(migrate, list(args), catch_exceptions=False)


def query(url: str, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.execute(sql, params)
        return cur.fetchall() if cur.description else []


def write_migration(folder: Path, name: str, sql: str) -> Path:
    path = folder / name / "migration.sql"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(sql.encode("utf-8"))
    return path


def rows(url: str) -> list[tuple[Any, ...]]:
    return query(
        url,
        "SELECT migration_name, checksum, finished_at IS NOT NULL, logs, rolled_back_at IS NOT NULL,"
        ' applied_steps_count FROM "_prisma_migrations" ORDER BY started_at',
    )


def tables(url: str) -> set[str]:
    return {r[0] for r in query(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A migrations folder with two migrations: the additive case's FROM from empty, then its diff."""
    folder = tmp_path / "migrations"
    write_migration(folder, "20240101000000_init", diff_sql(None, load(ADDITIVE / "from.prisma")))
    write_migration(folder, "20240102000000_add", (ADDITIVE / "expected.sql").read_text(encoding="utf-8"))
    return folder


# ------------------------------------------------------------------ connection problems


def test_connection_refused_is_one_line() -> None:
    result = run("deploy", "--url", f"postgresql://u:secret@127.0.0.1:{free_port()}/db", "--migrations-dir", ".")
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("error: cannot connect to the database at 127.0.0.1:")
    assert "refused" in line
    assert "secret" not in result.output


def test_connection_timeout_is_one_line() -> None:
    with socket.socket() as silent:  # accepts connections and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        result = run(
            "deploy", "--url", f"postgresql://u@127.0.0.1:{port}/db?connect_timeout=1", "--migrations-dir", "."
        )
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert "timeout" in line


def test_wrong_password_and_unknown_database(postgres: PostgresServer) -> None:  # noqa: F811
    result = run("deploy", "--url", postgres.url(password="wrong"), "--migrations-dir", ".")
    assert result.exit_code == 2
    assert 'password authentication failed for user "postgres"' in result.stderr
    assert len(result.stderr.splitlines()) == 1
    result = run("deploy", "--url", postgres.url("nope"), "--migrations-dir", ".")
    assert result.exit_code == 2
    assert 'database "nope" does not exist' in result.stderr


def test_other_url_schemes_are_not_supported_yet() -> None:
    result = run("deploy", "--url", "mysql://u@127.0.0.1/db", "--migrations-dir", ".")
    assert result.exit_code == 2
    assert result.stderr == "error: database URL scheme 'mysql' is not supported yet (only postgresql://)\n"


def test_missing_psycopg_is_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)
    result = run("deploy", "--url", "postgresql://u@127.0.0.1:1/db", "--migrations-dir", ".")
    assert result.exit_code == 2
    assert "pip install 'prisma-tools[postgres]'" in result.stderr


# ------------------------------------------------------------------ deploy


def test_deploy_applies_in_order_and_records_like_prisma(database_url: str, project: Path) -> None:  # noqa: F811
    result = run("deploy", "--url", database_url, "--migrations-dir", str(project))
    assert result.exit_code == 0, result.output
    assert "All migrations have been successfully applied." in result.stdout
    assert tables(database_url) == {"_prisma_migrations", "User", "Post", "Tag", "_PostToTag", "_TagToUser"}
    recorded = rows(database_url)
    assert [r[0] for r in recorded] == ["20240101000000_init", "20240102000000_add"]
    for (_, checksum, finished, logs, rolled_back, steps), folder in zip(
        recorded, sorted(project.iterdir()), strict=True
    ):
        assert checksum == hashlib.sha256((folder / "migration.sql").read_bytes()).hexdigest()
        assert (finished, logs, rolled_back, steps) == (True, None, False, 1)
    # The table is Prisma's, column for column.
    columns = query(
        database_url,
        "SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns"
        " WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position",
    )
    assert [c[0] for c in columns] == [
        "id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at",
        "applied_steps_count",
    ]  # fmt: skip


def test_deploying_twice_applies_once(database_url: str, project: Path) -> None:  # noqa: F811
    assert run("deploy", "--url", database_url, "--migrations-dir", str(project)).exit_code == 0
    result = run("deploy", "--url", database_url, "--migrations-dir", str(project))
    assert result.exit_code == 0, result.output
    assert "No pending migrations to apply." in result.stdout
    assert len(rows(database_url)) == 2


def test_failed_migration_rolls_back_and_blocks_until_resolved(database_url: str, project: Path) -> None:  # noqa: F811
    assert run("deploy", "--url", database_url, "--migrations-dir", str(project)).exit_code == 0
    before = tables(database_url)
    bad = write_migration(
        project, "20240103000000_bad", 'CREATE TABLE "Fine" (x INTEGER);\nCREATE TABLE "User" (x INTEGER);\n'
    )
    result = run("deploy", "--url", database_url, "--migrations-dir", str(project))
    assert result.exit_code == 2
    assert "P3018" in result.stderr
    assert 'relation "User" already exists' in result.stderr
    assert tables(database_url) == before  # all or nothing
    name, _, finished, logs, rolled_back, steps = rows(database_url)[-1]
    assert (name, finished, rolled_back, steps) == ("20240103000000_bad", False, False, 0)
    assert logs is not None
    assert 'relation "User" already exists' in logs
    # The next deploy refuses, even with a new good migration.
    write_migration(project, "20240104000000_more", 'CREATE TABLE "More" (x INTEGER);\n')
    result = run("deploy", "--url", database_url, "--migrations-dir", str(project))
    assert result.exit_code == 2
    assert "P3009" in result.stderr
    assert "20240103000000_bad" in result.stderr
    assert "More" not in tables(database_url)
    # Resolve: rolled back, fix the script, deploy again (a new row for the same migration).
    result = run(
        "resolve", "--rolled-back", "20240103000000_bad", "--url", database_url, "--migrations-dir", str(project)
    )
    assert result.exit_code == 0, result.output
    bad.write_text('CREATE TABLE "Fine" (x INTEGER);\n', encoding="utf-8")
    result = run("deploy", "--url", database_url, "--migrations-dir", str(project))
    assert result.exit_code == 0, result.output
    assert {"Fine", "More"} <= tables(database_url)
    recorded = rows(database_url)
    assert [r[0] for r in recorded].count("20240103000000_bad") == 2
    assert recorded[2][4] is True  # the failed row, rolled back
    assert recorded[3][2] is True  # the new row, finished


def test_resolve_applied_records_without_running(database_url: str, project: Path) -> None:  # noqa: F811
    query(database_url, 'CREATE TABLE "Existing" (x INTEGER)')
    result = run("deploy", "--url", database_url, "--migrations-dir", str(project))
    assert result.exit_code == 2
    assert "P3005" in result.stderr  # a non-empty schema needs a baseline
    result = run("resolve", "--applied", "20240101000000_init", "--url", database_url, "--migrations-dir", str(project))
    assert result.exit_code == 0, result.output
    assert "User" not in tables(database_url)  # not run
    [row] = rows(database_url)
    assert row[0] == "20240101000000_init"
    assert (row[2], row[3], row[5]) == (True, "", 0)
    result = run("resolve", "--applied", "20240101000000_init", "--url", database_url, "--migrations-dir", str(project))
    assert result.exit_code == 2
    assert "P3008" in result.stderr
    result = run("resolve", "--applied", "nope", "--url", database_url, "--migrations-dir", str(project))
    assert result.exit_code == 2
    assert "P3017" in result.stderr
    result = run(
        "resolve", "--rolled-back", "20240101000000_init", "--url", database_url, "--migrations-dir", str(project)
    )
    assert result.exit_code == 2
    assert "P3012" in result.stderr


# ------------------------------------------------------------------ check


def test_check_respects_map_and_schemas(database_url: str, tmp_path: Path) -> None:  # noqa: F811
    schema = CASES / "multi_schema_extensions_join_tables" / "to.prisma"
    text = schema.read_text(encoding="utf-8").replace(
        '  extensions = [pg_trgm, citext(schema: "auth"), postgis(version: "3.1"), uuid_ossp(map: "uuid-ossp")]\n',
        "",
    )
    schema = tmp_path / "schema.prisma"
    schema.write_text(text, encoding="utf-8")
    folder = tmp_path / "migrations"
    write_migration(folder, "0_init", diff_sql(None, parse(text)))
    assert run("deploy", "--url", database_url, "--migrations-dir", str(folder)).exit_code == 0
    result = run("check", "--schema", str(schema), "--url", database_url)
    assert result.exit_code == 0, result.output
    query(database_url, 'ALTER TABLE "auth"."users" DROP COLUMN "kinds"')
    query(database_url, 'DROP INDEX "zbase"."Profile_userId_key"')
    query(database_url, 'DROP TABLE "zbase"."_GroupToUser"')
    result = run("check", "--schema", str(schema), "--url", database_url)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        'missing column "auth"."users"."kinds"',
        'missing index "Profile_userId_key" on "zbase"."Profile"',
        'missing table "zbase"."_GroupToUser"',
        '  index "_GroupToUser_B_index"',
        '  foreign key "_GroupToUser_A_fkey"',
        '  foreign key "_GroupToUser_B_fkey"',
    ]
    result = run(
        "check",
        "--schema",
        str(schema),
        "--url",
        database_url,
        "--write-missing",
        "repair",
        "--migrations-dir",
        str(folder),
    )
    assert result.exit_code == 0, result.output
    assert run("deploy", "--url", database_url, "--migrations-dir", str(folder)).exit_code == 0
    assert run("check", "--schema", str(schema), "--url", database_url).exit_code == 0


def test_edpsych_check_write_missing_and_deploy_reach_to(postgres: PostgresServer, tmp_path: Path) -> None:  # noqa: F811
    """Acceptance: FROM's database lacks exactly the 15 tables; the repair equals building TO directly."""
    source = CORPUS / "edpsych" / "schema.prisma.backup.fix"
    require_shared(source, "EdPsych schema")
    from_text, to_text = edpsych_from_to(source.read_bytes().decode("utf-8"))
    to_path = tmp_path / "TO.prisma"
    to_path.write_bytes(to_text.encode("utf-8"))
    from_db, to_db = postgres.create_database(), postgres.create_database()
    folder, direct = tmp_path / "migrations", tmp_path / "direct"
    write_migration(folder, "0_init", diff_sql(None, parse(from_text)))
    write_migration(direct, "0_init", diff_sql(None, parse(to_text)))
    assert run("deploy", "--url", from_db, "--migrations-dir", str(folder)).exit_code == 0
    assert run("deploy", "--url", to_db, "--migrations-dir", str(direct)).exit_code == 0

    result = run("check", "--schema", str(to_path), "--url", from_db)
    assert result.exit_code == 1
    missing = [line for line in result.stdout.splitlines() if not line.startswith("  ")]
    assert len(missing) == 15
    assert all(line.startswith("missing table ") for line in missing)
    assert '  foreign key "MentorshipMeeting_mentorshipId_fkey"' in result.stdout

    result = run(
        "check",
        "--schema",
        str(to_path),
        "--url",
        from_db,
        "--write-missing",
        "add_mentorship",
        "--migrations-dir",
        str(folder),
    )
    assert result.exit_code == 0, result.output
    [written] = [p for p in folder.iterdir() if p.name.endswith("_add_mentorship")]
    stored = (CORPUS / EDPSYCH_MIGRATION).read_bytes().decode("utf-8").replace("\r\n", "\n") + "\n"
    assert (written / "migration.sql").read_text(encoding="utf-8") == stored
    assert run("deploy", "--url", from_db, "--migrations-dir", str(folder)).exit_code == 0
    assert run("check", "--schema", str(to_path), "--url", from_db).exit_code == 0
    assert postgres.pg_dump(from_db) == postgres.pg_dump(to_db)


def test_url_schema_parameter_is_the_default_schema(database_url: str, project: Path) -> None:  # noqa: F811
    result = run("deploy", "--url", database_url + "?schema=tenant", "--migrations-dir", str(project))
    assert result.exit_code == 2
    assert result.stderr == "error: the database has no schema tenant (the URL's ?schema=, default public)\n"
    query(database_url, "CREATE SCHEMA tenant")
    result = run("deploy", "--url", database_url + "?schema=tenant", "--migrations-dir", str(project))
    assert result.exit_code == 0, result.output
    assert tables(database_url) == set()
    found = query(database_url, "SELECT tablename FROM pg_tables WHERE schemaname = 'tenant'")
    assert {r[0] for r in found} == {"_prisma_migrations", "User", "Post", "Tag", "_PostToTag", "_TagToUser"}


# ------------------------------------------------------------------ injection


def test_enum_value_with_quotes_is_created_not_run(database_url: str, tmp_path: Path) -> None:  # noqa: F811
    from test_migrate import EVIL_SCHEMA, EVIL_VALUE

    schema = tmp_path / "schema.prisma"
    schema.write_text(EVIL_SCHEMA)
    folder = tmp_path / "migrations"
    assert run("create", "init", "--schema", str(schema), "--migrations-dir", str(folder)).exit_code == 0
    result = run("deploy", "--url", database_url, "--migrations-dir", str(folder))
    assert result.exit_code == 0, result.output
    assert "Evil" in tables(database_url)
    labels = query(database_url, "SELECT enumlabel FROM pg_enum ORDER BY enumsortorder")
    assert labels == [("USER",), (EVIL_VALUE,)]
    # ... and a value added to the existing enum (ALTER TYPE ... ADD VALUE)
    old = tmp_path / "old.prisma"
    old.write_text(EVIL_SCHEMA)
    schema.write_text(EVIL_SCHEMA[: -len("}\n")] + '  MORE @map("z\'); DROP TABLE public.\\"Evil\\"; --")\n}\n')
    result = run("create", "more", "--schema", str(schema), "--from", str(old), "--migrations-dir", str(folder))
    assert result.exit_code == 0, result.output
    assert "ADD VALUE" in next(folder.glob("*_more/migration.sql")).read_text()
    result = run("deploy", "--url", database_url, "--migrations-dir", str(folder))
    assert result.exit_code == 0, result.output
    assert "Evil" in tables(database_url)
    labels = query(database_url, "SELECT enumlabel FROM pg_enum ORDER BY enumsortorder")
    assert labels == [("USER",), (EVIL_VALUE,), ('z\'); DROP TABLE public."Evil"; --',)]


# ------------------------------------------------------------------ URLs: secrets and parameters


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://u:SEC%zzRET2@127.0.0.1:1/db",
        "postgresql://u:SEC/RET2@127.0.0.1:1/db",
        "postgresql://u:SEC?RET2@127.0.0.1/db",
        "postgresql://u:SEC#RET2@127.0.0.1/db",
        "postgresql://u:SECRET2@127.0.0.1:port/db",
    ],
)
def test_bad_url_is_one_line_without_the_password(url: str) -> None:
    result = CliRunner().invoke(migrate, ["deploy", "--url", url, "--migrations-dir", "."])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("error: invalid database URL postgresql://u:****@")
    assert "SEC" not in result.output
    assert "RET2" not in result.output


def test_options_parameter_reaches_the_server_decoded(database_url: str) -> None:  # noqa: F811
    from prisma_tools.migrate.db import connect

    conn = connect(database_url + "?options=-c%20statement_timeout%3D5000&schema=public")
    try:
        assert conn.execute("SHOW statement_timeout").fetchone() == ("5s",)
    finally:
        conn.close()


def test_backslash_in_a_default_stays_in_the_string(postgres: PostgresServer, tmp_path: Path) -> None:  # noqa: F811
    # With standard_conforming_strings off, '\'' would not end where the script means it to.
    url = postgres.create_database()
    query(url, f"ALTER DATABASE {url.rsplit('/', 1)[1]} SET standard_conforming_strings = off")
    value = '\\\'); DROP TABLE "Evil"; --'
    schema = tmp_path / "schema.prisma"
    schema.write_text(
        'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n\n'
        "model Evil {\n  id Int @id\n}\n\n"
        'model A {\n  id Int @id\n  c  String @default("\\\\\'); DROP TABLE \\"Evil\\"; --")\n}\n'
    )
    folder = tmp_path / "migrations"
    assert run("create", "init", "--schema", str(schema), "--migrations-dir", str(folder)).exit_code == 0
    result = run("deploy", "--url", url, "--migrations-dir", str(folder))
    assert result.exit_code == 0, result.output
    assert "Evil" in tables(url)
    query(url, 'INSERT INTO "A" (id) VALUES (1)')
    assert query(url, 'SELECT c FROM "A"') == [(value,)]
