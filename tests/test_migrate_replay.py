"""The migrations folder replayed into a shadow database: ``migrate create`` without ``--from``,
``migrate diff`` from or to a database or a migrations folder, and ``migrate drift``.

Everything runs against the private PostgreSQL of tests/pg_server.py. The EdPsych
acceptance case compares with Prisma's own answer (tests/fixtures/migrate/replay/,
written by scripts/regen_migrate_replay_goldens.py).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from conftest import CORPUS, FIXTURES, require_shared
from migrate_corpus import EDPSYCH_MIGRATION, edpsych_from_to
from pg_server import PASSWORD, PostgresServer, database_url, postgres  # noqa: F401 (fixtures)

from prisma_tools import load, parse
from prisma_tools.cli.migrate import migrate
from prisma_tools.migrate import diff_sql, diff_summary

CASES = FIXTURES / "migrate" / "cases"
ADDITIVE = CASES / "additive_changes"
REPLAY = FIXTURES / "migrate" / "replay"
EMPTY = "-- This is an empty migration.\n"


def run(*args: str) -> Result:
    return CliRunner().invoke(migrate, list(args), catch_exceptions=False)


def query(url: str, sql: str) -> list[tuple[Any, ...]]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.execute(sql.encode("utf-8"))
        return cur.fetchall() if cur.description else []


def write_migration(folder: Path, name: str, sql: str | bytes) -> None:
    path = folder / name / "migration.sql"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(sql.encode("utf-8") if isinstance(sql, str) else sql)


def shadow_databases(postgres: PostgresServer) -> list[str]:  # noqa: F811
    return [r[0] for r in query(postgres.url(), "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate%'")]


def created(folder: Path, name: str) -> str:
    [path] = folder.glob(f"*_{name}/migration.sql")
    return path.read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A schema (the additive case's TO) and a folder with two migrations reaching it."""
    shutil.copy(ADDITIVE / "to.prisma", tmp_path / "schema.prisma")
    folder = tmp_path / "migrations"
    write_migration(folder, "20240101000000_init", diff_sql(None, load(ADDITIVE / "from.prisma")))
    write_migration(folder, "20240102000000_add", (ADDITIVE / "expected.sql").read_bytes())
    return tmp_path


# ------------------------------------------------------------------ migrate create


def test_edpsych_create_replays_the_history(tmp_path: Path, postgres: PostgresServer) -> None:  # noqa: F811
    """Acceptance: the folder (FROM from empty, then the stored migration) replayed, against the next schema.

    The state after the stored migration is its TO schema (``schema.prisma.backup`` is the same
    database, the oracle says: edpsych-backup-is-after.sql); the next schema is the repository's
    ``schema.prisma``. ``create`` must write Prisma's migration between the two.
    """
    edpsych = CORPUS / "edpsych"
    require_shared(edpsych / "schema.prisma.backup.fix", "EdPsych schemas")
    from_text, to_text = edpsych_from_to((edpsych / "schema.prisma.backup.fix").read_bytes().decode("utf-8"))
    folder = tmp_path / "migrations"
    write_migration(folder, "20250101000000_init", diff_sql(None, parse(from_text, "FROM.prisma")))
    write_migration(folder, EDPSYCH_MIGRATION.parent.name, (CORPUS / EDPSYCH_MIGRATION).read_bytes())
    shutil.copy(edpsych / "schema.prisma", tmp_path / "schema.prisma")
    (tmp_path / "after.prisma").write_bytes(to_text.encode("utf-8"))
    assert (REPLAY / "edpsych-backup-is-after.sql").read_text(encoding="utf-8") == EMPTY
    other = tmp_path / "other"
    shutil.copytree(folder, other)

    result = run("create", "next", "--schema", str(tmp_path / "schema.prisma"), "--url", postgres.url())
    assert result.exit_code == 0, result.output
    ours = created(folder, "next")
    body = ours.split("*/\n", 1)[1] if ours.startswith("/*") else ours
    assert body == (REPLAY / "edpsych-next.sql").read_text(encoding="utf-8")
    # With its Warnings: comment, what `create --from <state after>` writes.
    result = run(
        "create", "next", "--schema", str(tmp_path / "schema.prisma"), "--from", str(tmp_path / "after.prisma"),
        "--migrations-dir", str(other),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert created(other, "next") == ours
    assert shadow_databases(postgres) == []
    assert PASSWORD not in result.output


def test_edpsych_status_sees_the_created_migration_pending(tmp_path: Path, database_url: str) -> None:  # noqa: F811
    """Acceptance: a database deployed with the EdPsych history, then `create` without --from: `status`
    gives Prisma's category for it (the new migration pending, exit 1); deployed, up to date (exit 0)."""
    edpsych = CORPUS / "edpsych"
    require_shared(edpsych / "schema.prisma.backup.fix", "EdPsych schemas")
    from_text, _ = edpsych_from_to((edpsych / "schema.prisma.backup.fix").read_bytes().decode("utf-8"))
    folder = tmp_path / "migrations"
    write_migration(folder, "20250101000000_init", diff_sql(None, parse(from_text, "FROM.prisma")))
    write_migration(folder, EDPSYCH_MIGRATION.parent.name, (CORPUS / EDPSYCH_MIGRATION).read_bytes())
    schema = tmp_path / "schema.prisma"
    shutil.copy(edpsych / "schema.prisma", schema)
    assert run("deploy", "--url", database_url, "--migrations-dir", str(folder)).exit_code == 0
    up_to_date = run("status", "--url", database_url, "--migrations-dir", str(folder), "--schema", str(schema))
    assert (up_to_date.exit_code, up_to_date.stdout.splitlines()[-1]) == (0, "Database schema is up to date!")

    assert run("create", "next", "--schema", str(schema), "--url", database_url).exit_code == 0
    [new] = [p.parent.name for p in folder.glob("*_next/migration.sql")]
    pending = run("status", "--url", database_url, "--migrations-dir", str(folder), "--schema", str(schema))
    assert pending.exit_code == 1
    assert pending.stdout.startswith(
        f"3 migrations found in {folder}\nFollowing migration have not yet been applied:\n{new}\n\n"
    )
    assert run("deploy", "--url", database_url, "--migrations-dir", str(folder)).exit_code == 0
    assert run("status", "--url", database_url, "--migrations-dir", str(folder), "--schema", str(schema)).exit_code == 0
    assert run("drift", "--url", database_url, "--migrations-dir", str(folder), "--schema", str(schema)).exit_code == 0


def test_create_in_sync_writes_an_empty_migration(project: Path, postgres: PostgresServer) -> None:  # noqa: F811
    """As `migrate dev --create-only` does (the engine's createMigration with draft: true)."""
    result = run("create", "again", "--schema", str(project / "schema.prisma"), "--url", postgres.url())
    assert result.exit_code == 0, result.output
    assert created(project / "migrations", "again") == EMPTY
    assert "the migration is empty" in result.stderr


def test_create_replays_then_diffs(project: Path, postgres: PostgresServer) -> None:  # noqa: F811
    schema = project / "schema.prisma"
    schema.write_text(schema.read_text(encoding="utf-8").replace("  req   String\n", "  req   String\n  bio String?\n"))
    result = run("create", "bio", "--schema", str(schema), "--url", postgres.url())
    assert result.exit_code == 0, result.output
    assert created(project / "migrations", "bio") == diff_sql(load(ADDITIVE / "to.prisma"), load(schema))
    assert 'ADD COLUMN     "bio" TEXT' in created(project / "migrations", "bio")


def test_failing_migration_is_named_and_the_shadow_database_dropped(
    project: Path,
    postgres: PostgresServer,  # noqa: F811
) -> None:
    write_migration(project / "migrations", "20240103000000_broken", 'ALTER TABLE "Nope" ADD COLUMN "x" INTEGER;\n')
    result = run("create", "next", "--schema", str(project / "schema.prisma"), "--url", postgres.url())
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("error: P3006: Migration `20240103000000_broken` failed to apply cleanly")
    assert 'relation "Nope" does not exist' in line
    assert PASSWORD not in result.output
    assert shadow_databases(postgres) == []
    assert not list((project / "migrations").glob("*_next"))


def test_configured_shadow_database_is_emptied_before_and_after(
    project: Path,
    postgres: PostgresServer,  # noqa: F811
) -> None:
    shadow = postgres.create_database()
    query(shadow, 'CREATE TABLE "leftover" (x INTEGER)')
    schema = project / "schema.prisma"
    text = schema.read_text(encoding="utf-8").replace(
        'url      = env("DATABASE_URL")', f'url      = env("DATABASE_URL")\n  shadowDatabaseUrl = "{shadow}"'
    )
    schema.write_text(text, encoding="utf-8")
    result = run("create", "again", "--schema", str(schema))
    assert result.exit_code == 0, result.output
    assert created(project / "migrations", "again") == EMPTY
    assert query(shadow, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'") == []
    assert shadow_databases(postgres) == []


def test_shadow_database_must_not_be_the_main_one(project: Path, database_url: str) -> None:  # noqa: F811
    result = run(
        "create", "x", "--schema", str(project / "schema.prisma"), "--url", database_url,
        "--shadow-database-url", database_url,
    )  # fmt: skip
    assert result.exit_code == 2
    assert "appears to be the same as the main database" in result.stderr
    assert PASSWORD not in result.output


def test_create_without_a_server_says_what_to_do(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    result = run("create", "x", "--schema", str(project / "schema.prisma"))
    assert result.exit_code == 2
    assert "--from PATH" in result.stderr


# ------------------------------------------------------------------ migrate diff with databases


def test_diff_from_migrations_to_schema(project: Path, postgres: PostgresServer) -> None:  # noqa: F811
    schema = project / "schema.prisma"
    folder = str(project / "migrations")
    result = run("diff", "--from-migrations", folder, "--to-schema", str(schema), "--script",
                 "--shadow-database-url", postgres.create_database())  # fmt: skip
    assert (result.exit_code, result.output) == (0, EMPTY)
    result = run("diff", "--from-migrations", folder, "--to-empty", "--script", "--shadow-database-url",
                 postgres.create_database(), "--exit-code")  # fmt: skip
    assert result.exit_code == 2
    assert result.output == diff_sql(load(schema), None)


def test_diff_from_and_to_a_database(project: Path, database_url: str) -> None:  # noqa: F811
    assert run("deploy", "--url", database_url, "--migrations-dir", str(project / "migrations")).exit_code == 0
    schema, before = project / "schema.prisma", ADDITIVE / "from.prisma"
    result = run("diff", "--from-url", database_url, "--to-schema", str(before), "--script")
    assert (result.exit_code, result.output) == (0, diff_sql(load(schema), load(before)))
    result = run("diff", "--from-schema", str(before), "--to-url", database_url)
    assert (result.exit_code, result.output) == (0, diff_summary(load(before), load(schema)))
    result = run("diff", "--from-url", database_url, "--to-empty", "--script")
    assert (result.exit_code, result.output) == (0, diff_sql(load(schema), None))
    result = run("diff", "--from-url", database_url, "--to-url", database_url, "--exit-code")
    assert result.exit_code == 0
    result = run("diff", "--from-url", database_url, "--to-schema", str(before), "--output-format", "json")
    assert json.loads(result.output) == {
        "sql": diff_sql(load(schema), load(before)),
        "summary": diff_summary(load(schema), load(before)),
        "diagnostics": [],
    }
    assert PASSWORD not in result.output


def test_diff_needs_one_from_and_one_to(project: Path, database_url: str) -> None:  # noqa: F811
    result = run("diff", "--from-url", database_url, "--from-empty", "--to-schema", str(project / "schema.prisma"))
    assert result.exit_code == 2
    assert "exactly one FROM" in result.output


def test_diff_connection_error_is_one_line_without_password(project: Path) -> None:
    from pg_server import free_port

    url = f"postgresql://u:{PASSWORD}@127.0.0.1:{free_port()}/db"
    result = run("diff", "--from-url", url, "--to-schema", str(project / "schema.prisma"), "--exit-code")
    assert result.exit_code == 1  # Prisma's --exit-code: 1 is an error
    assert len(result.stderr.splitlines()) == 1
    assert PASSWORD not in result.output


# ------------------------------------------------------------------ migrate drift


def test_untouched_deployed_database_has_no_drift(project: Path, database_url: str) -> None:  # noqa: F811
    folder = str(project / "migrations")
    assert run("deploy", "--url", database_url, "--migrations-dir", folder).exit_code == 0
    result = run("drift", "--url", database_url, "--migrations-dir", folder)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("No drift")
    assert PASSWORD not in result.output
    # Also `migrate diff --from-migrations DIR --to-url URL`.
    result = run("diff", "--from-migrations", folder, "--to-url", database_url, "--exit-code", "--script")
    assert (result.exit_code, result.output) == (0, EMPTY)


def test_hand_made_changes_are_the_drift(project: Path, database_url: str, postgres: PostgresServer) -> None:  # noqa: F811
    folder = str(project / "migrations")
    assert run("deploy", "--url", database_url, "--migrations-dir", folder).exit_code == 0
    query(database_url, 'ALTER TABLE "Post" ADD COLUMN "slug" VARCHAR(80)')
    query(database_url, 'DROP INDEX "User_name_idx"')
    query(database_url, "ALTER TYPE \"Color\" ADD VALUE 'BLUE'")
    result = run("drift", "--url", database_url, "--migrations-dir", folder)
    assert result.exit_code == 1
    script, summary = result.output.split("\nDrift detected: ", 1)
    assert script == (
        "-- AlterEnum\n"
        "ALTER TYPE \"Color\" ADD VALUE 'BLUE';\n"
        "\n"
        "-- DropIndex\n"
        'DROP INDEX "User_name_idx";\n'
        "\n"
        "-- AlterTable\n"
        'ALTER TABLE "Post" ADD COLUMN     "slug" VARCHAR(80);\n'
    )
    assert summary.split("\n\n", 1)[1] == (
        "\n[*] Changed the `Color` enum\n"
        "  [+] Added variant `BLUE`\n"
        "\n[*] Changed the `Post` table\n"
        "  [+] Added column `slug`\n"
        "\n[*] Changed the `User` table\n"
        "  [-] Removed index on columns (name)\n"
    )
    assert PASSWORD not in result.output
    assert shadow_databases(postgres) == []


def test_drift_of_a_missing_folder_is_an_error(database_url: str, tmp_path: Path) -> None:  # noqa: F811
    result = run("drift", "--url", database_url, "--migrations-dir", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert "no such migrations folder" in result.stderr


def test_extensions_count_only_when_the_schema_declares_some(project: Path, database_url: str) -> None:  # noqa: F811
    """As Prisma's engine: without `extensions` in the datasource, a database's extensions are not compared."""
    folder = str(project / "migrations")
    assert run("deploy", "--url", database_url, "--migrations-dir", folder).exit_code == 0
    query(database_url, "CREATE EXTENSION pg_trgm")
    assert run("drift", "--url", database_url, "--migrations-dir", folder).exit_code == 0
    result = run("diff", "--from-schema", str(project / "schema.prisma"), "--to-url", database_url, "--script")
    assert (result.exit_code, result.output) == (0, EMPTY)


def test_diff_to_migrations_and_json_errors(project: Path, postgres: PostgresServer) -> None:  # noqa: F811
    folder = project / "migrations"
    before = ADDITIVE / "from.prisma"
    result = run("diff", "--from-schema", str(before), "--to-migrations", str(folder), "--script",
                 "--shadow-database-url", postgres.create_database())  # fmt: skip
    assert (result.exit_code, result.output) == (0, diff_sql(load(before), load(project / "schema.prisma")))
    write_migration(folder, "20240103000000_broken", "SELECT 1/0;\n")
    result = run("diff", "--from-migrations", str(folder), "--to-empty", "--output-format", "json",
                 "--shadow-database-url", postgres.create_database())  # fmt: skip
    assert result.exit_code == 2
    answer = json.loads(result.output)
    assert answer["sql"] is None
    [diagnostic] = answer["diagnostics"]
    assert diagnostic["code"] == "migrate"
    assert diagnostic["message"].startswith("P3006: Migration `20240103000000_broken` failed")
    assert "division by zero" in diagnostic["message"]
    assert PASSWORD not in result.output
    assert shadow_databases(postgres) == []


def test_with_database_keeps_credentials_and_parameters() -> None:
    from prisma_tools.migrate.shadow import with_database

    url = "postgresql://u:p%40ss@h:5/db?schema=s&sslmode=disable"
    assert with_database(url, "x y") == "postgresql://u:p%40ss@h:5/x%20y?schema=s&sslmode=disable"
    assert with_database("postgres://h", "d") == "postgres://h/d"


def test_shadow_url_of_reads_the_datasource(monkeypatch: pytest.MonkeyPatch) -> None:
    from prisma_tools.migrate.shadow import shadow_url_of

    head = 'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n'
    assert shadow_url_of(parse(head + '  shadowDatabaseUrl = "postgresql://h/s"\n}\n')) == "postgresql://h/s"
    monkeypatch.setenv("SHADOW_X", "postgresql://h/x")
    assert shadow_url_of(parse(head + '  shadowDatabaseUrl = env("SHADOW_X")\n}\n')) == "postgresql://h/x"
    assert shadow_url_of(parse(head + "}\n")) is None
