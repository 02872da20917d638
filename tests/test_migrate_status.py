"""``migrate status``: Prisma's categories, texts and exit codes, on the diagnosis and on the private PostgreSQL."""

from __future__ import annotations

import hashlib
import json
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from pg_server import PostgresServer, database_url, free_port, postgres  # noqa: F401 (fixtures)
from status_cases import EXPECTED, load_cases, local_of, rows_of

from prisma_tools.cli.migrate import migrate
from prisma_tools.migrate.deploy import Row
from prisma_tools.migrate.errors import MigrateError
from prisma_tools.migrate.history import Local
from prisma_tools.migrate.status import diagnose, lock_provider_error, notes, render

NOW = datetime(2024, 1, 5, tzinfo=UTC)
A = b'CREATE TABLE "A" ("id" INTEGER NOT NULL);\n'
B = b'CREATE TABLE "B" ("id" INTEGER NOT NULL);\n'
C = b'CREATE TABLE "C" ("id" INTEGER NOT NULL);\n'
INIT, SECOND, THIRD = "20240101000000_init", "20240102000000_b", "20240103000000_c"


def row(name: str, script: bytes, *, failed: bool = False, rolled_back: bool = False) -> Row:
    return Row(
        id=name,
        checksum=hashlib.sha256(script).hexdigest(),
        finished_at=None if failed or rolled_back else NOW,
        migration_name=name,
        logs="boom" if failed else None,
        rolled_back_at=NOW if rolled_back else None,
        started_at=NOW,
        applied_steps_count=0 if failed else 1,
    )


# ------------------------------------------------------------------ the diagnosis (the engine's rules)


def test_categories_of_the_diagnosis() -> None:
    local = [Local(INIT, A.replace(b"\n", b"\r\n")), Local(SECOND, B + b"-- edited\n"), Local(THIRD, C)]
    rows = [
        row(INIT, A),
        row(SECOND, B),
        row("20231231000000_gone", b"x"),
        row("20240104000000_bad", b"y", failed=True),
    ]
    status = diagnose(local, rows)
    assert status.applied == (INIT, SECOND)
    assert status.unapplied == (THIRD,)
    assert status.edited == (SECOND,)  # the CRLF copy of INIT is the same script
    assert status.unpersisted == ("20231231000000_gone", "20240104000000_bad")
    assert status.failed == ("20240104000000_bad",)
    assert status.history == "historiesDiverge"
    assert status.last_common == SECOND
    assert status.exit_code == 1


def test_a_rolled_back_row_is_neither_unapplied_nor_failed() -> None:
    # as the engine reads it: any row with the name counts, so Prisma does not list it as pending
    status = diagnose([Local(INIT, A)], [row(INIT, A, rolled_back=True)])
    assert (status.unapplied, status.failed, status.applied, status.history) == ((), (), (), None)
    assert status.exit_code == 0
    # ... though deploy applies it again: said as a warning
    assert status.rolled_back == (INIT,)
    assert notes(status, "m") == [
        f"migration `{INIT}` was rolled back: Prisma's status does not count it as pending, but deploy applies it again"
    ]
    assert diagnose([Local(INIT, A)], [row(INIT, A, rolled_back=True), row(INIT, A)]).rolled_back == ()


def test_the_first_row_of_a_name_holds_the_checksum_compared() -> None:
    rows = [row(INIT, A, rolled_back=True), row(INIT, A + b"-- fixed\n")]
    assert diagnose([Local(INIT, A + b"-- fixed\n")], rows).edited == (INIT,)


def test_exit_codes_and_texts_of_each_report() -> None:
    behind = diagnose([Local(INIT, A)], [])
    assert behind.history == "databaseIsBehind"
    assert [(x.stream, x.text) for x in render(behind, "m")] == [
        ("out", "1 migration found in m"),
        (
            "out",
            "Following migration have not yet been applied:\n20240101000000_init\n\n"
            "To apply migrations in development run prisma migrate dev.\n"
            "To apply migrations in production run prisma-tools migrate deploy.",
        ),
    ]
    assert behind.exit_code == 1
    # no history table at all, nothing local: not managed
    unmanaged = diagnose([], None)
    assert unmanaged.exit_code == 1
    assert render(unmanaged, "m")[0].text == "No migration found in m"
    assert render(unmanaged, "m")[1].text.startswith("The current database is not managed by Prisma Migrate.\n")
    # no history table, migrations in the folder: Prisma reports them as not applied
    assert diagnose([Local(INIT, A)], None).history == "databaseIsBehind"
    # in sync
    synced = diagnose([Local(INIT, A), Local(SECOND, B)], [row(INIT, A), row(SECOND, B)])
    assert synced.exit_code == 0
    assert render(synced, "m")[-1].text == "\nDatabase schema is up to date!"
    # histories diverging from the first folder: JavaScript prints the missing name as null
    diverged = diagnose([Local(SECOND, B)], [row(INIT, A)])
    assert "The last common migration is: null\n" in render(diverged, "m")[1].text


def test_what_prisma_leaves_unsaid_is_a_warning_with_prismas_exit_code() -> None:
    # applied but missing locally, nothing pending: Prisma says "up to date" and exits 0
    behind = diagnose([Local(INIT, A)], [row(INIT, A), row(SECOND, B)])
    assert behind.history == "migrationsDirectoryIsBehind"
    assert behind.exit_code == 0
    assert render(behind, "m")[-1].text == "\nDatabase schema is up to date!"
    assert notes(behind, "m") == [f"migration `{SECOND}` is applied to the database but not found locally in m"]
    # a failed migration hidden behind pending ones
    hidden = diagnose([Local(INIT, A), Local(SECOND, B)], [row(INIT, A, failed=True)])
    assert hidden.history == "databaseIsBehind"
    assert any("P3009" in n for n in notes(hidden, "m"))
    # tables without history
    unbaselined = diagnose([Local(INIT, A)], None, tables_without_history=True)
    assert any("P3005" in n and INIT in n for n in notes(unbaselined, "m"))


def test_the_diagnosis_agrees_with_prismas_engine() -> None:
    """Every case of tests/fixtures/migrate/status/cases.json, against diagnoseMigrationHistory's own answer."""
    answers = {a["name"]: a["engine"] for a in json.loads(EXPECTED.read_text(encoding="utf-8"))}
    cases = load_cases()
    assert set(answers) == {c["name"] for c in cases}, "expected.json is stale: run scripts/regen_status_goldens.py"
    for case in cases:
        engine = answers[case["name"]]
        with tempfile.TemporaryDirectory() as tmp:
            if case.get("lock") is not None:
                (Path(tmp) / "migration_lock.toml").write_text(case["lock"], encoding="utf-8")
            if "error" in engine:
                with pytest.raises(MigrateError) as raised:
                    lock_provider_error(Path(tmp))
                assert str(raised.value) == f"P3019: {engine['error']}", case["name"]
                continue
            lock_provider_error(Path(tmp))
        status = diagnose(local_of(case), rows_of(case))
        history = engine["history"] or {}
        assert {
            "history": status.history,
            "unapplied": list(status.unapplied) if status.history in ("databaseIsBehind", "historiesDiverge") else None,
            "unpersisted": list(status.unpersisted)
            if status.history != "databaseIsBehind" and status.history
            else None,
            "lastCommon": status.last_common if status.history == "historiesDiverge" else "-",
            "failed": list(status.failed),
            "edited": list(status.edited),
            "hasMigrationsTable": status.has_migrations_table,
        } == {
            "history": history.get("diagnostic"),
            "unapplied": history.get("unappliedMigrationNames"),
            "unpersisted": history.get("unpersistedMigrationNames"),
            "lastCommon": history.get("lastCommonMigrationName", "-"),
            "failed": engine["failedMigrationNames"],
            "edited": engine["editedMigrationNames"],
            "hasMigrationsTable": engine["hasMigrationsTable"],
        }, case["name"]


# ------------------------------------------------------------------ the command, on PostgreSQL


def run(*args: str) -> Result:
    return CliRunner().invoke(migrate, list(args), catch_exceptions=False)


def write(folder: Path, name: str, script: bytes) -> None:
    (folder / name).mkdir(parents=True, exist_ok=True)
    (folder / name / "migration.sql").write_bytes(script)


def query(url: str, sql: str) -> list[tuple[Any, ...]]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.execute(sql)
        return cur.fetchall() if cur.description else []


def status(url: str, folder: Path, *extra: str) -> Result:
    return run("status", "--url", url, "--migrations-dir", str(folder), *extra)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "migrations"
    write(out, INIT, A)
    write(out, SECOND, B)
    return out


def test_status_of_a_database_without_history(database_url: str, tmp_path: Path) -> None:  # noqa: F811
    empty = tmp_path / "none"
    result = status(database_url, empty)
    assert result.exit_code == 1
    assert result.stdout == f"No migration found in {empty}\n"
    assert result.stderr.startswith("The current database is not managed by Prisma Migrate.\n\n")
    # tables but no _prisma_migrations, and migrations in the folder: pending (Prisma), and why deploy will fail
    query(database_url, 'CREATE TABLE "Legacy" ("id" INTEGER)')
    write(empty, INIT, A)
    result = status(database_url, empty)
    assert result.exit_code == 1
    assert "Following migration have not yet been applied:\n20240101000000_init\n" in result.stdout
    assert "warning: the database has tables but no _prisma_migrations table: deploy stops with P3005" in result.stderr
    assert "Legacy" in {r[0] for r in query(database_url, "SELECT tablename FROM pg_tables")}  # read-only


def test_status_pending_then_up_to_date(database_url: str, folder: Path) -> None:  # noqa: F811
    result = status(database_url, folder)
    assert result.exit_code == 1
    assert result.stdout.startswith(
        f"2 migrations found in {folder}\nFollowing migrations have not yet been applied:\n"
    )
    assert run("deploy", "--url", database_url, "--migrations-dir", str(folder)).exit_code == 0
    result = status(database_url, folder)
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        f"2 migrations found in {folder}\n\nDatabase schema is up to date!\n",
        "",
    )
    write(folder, THIRD, C)
    result = status(database_url, folder)
    assert result.exit_code == 1
    assert "Following migration have not yet been applied:\n20240103000000_c\n\n" in result.stdout


def test_status_of_a_failed_migration(database_url: str, folder: Path) -> None:  # noqa: F811
    write(folder, THIRD, b"CREATE TABLE oops (;\n")
    assert run("deploy", "--url", database_url, "--migrations-dir", str(folder)).exit_code == 2
    result = status(database_url, folder)
    assert result.exit_code == 1
    assert result.stderr.startswith("Following migration have failed:\n20240103000000_c\n\nDuring development")
    assert 'prisma-tools migrate resolve --rolled-back "20240103000000_c"' in result.stderr
    assert run("resolve", "--url", database_url, "--migrations-dir", str(folder), "--rolled-back", THIRD).exit_code == 0
    # rolled back: Prisma counts its row, so it is neither failed nor pending; deploy runs it again
    result = status(database_url, folder)
    assert result.exit_code == 0
    assert result.stderr == (
        f"warning: migration `{THIRD}` was rolled back: Prisma's status does not count it as pending,"
        " but deploy applies it again\n"
    )


def test_status_of_edited_and_missing_migrations(database_url: str, folder: Path) -> None:  # noqa: F811
    assert run("deploy", "--url", database_url, "--migrations-dir", str(folder)).exit_code == 0
    (folder / INIT / "migration.sql").write_bytes(A.replace(b"\n", b"\r\n"))  # line endings only: not edited
    assert status(database_url, folder).stderr == ""
    (folder / SECOND / "migration.sql").write_bytes(B + b"-- edited\n")
    result = status(database_url, folder)
    assert result.exit_code == 0  # as Prisma: its status does not look at checksums
    assert "Database schema is up to date!" in result.stdout
    assert result.stderr.startswith(f"warning: migration `{SECOND}` was modified after it was applied")
    # applied, then its folder deleted: Prisma still says up to date
    (folder / SECOND / "migration.sql").unlink()
    (folder / SECOND).rmdir()
    result = status(database_url, folder)
    assert result.exit_code == 0
    assert f"warning: migration `{SECOND}` is applied to the database but not found locally in {folder}" in (
        result.stderr
    )
    # ... and a new one beside it: the histories diverge
    write(folder, THIRD, C)
    result = status(database_url, folder)
    assert result.exit_code == 1
    assert result.stderr == (
        "Your local migration history and the migrations table from your database are different:\n\n"
        f"The last common migration is: {INIT}\n\n"
        f"The migration have not yet been applied:\n{THIRD}\n\n"
        f"The migration from the database are not found locally in {folder}:\n{SECOND}\n"
    )


def test_status_json(database_url: str, folder: Path) -> None:  # noqa: F811
    assert run("deploy", "--url", database_url, "--migrations-dir", str(folder)).exit_code == 0
    write(folder, THIRD, C)
    result = status(database_url, folder, "--output-format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["diagnostics"] == []
    assert report["status"]["applied"] == [INIT, SECOND]
    assert report["status"]["pending"] == [THIRD]
    assert report["status"]["history"] == "databaseIsBehind"
    assert report["status"]["exitCode"] == 1
    refused = run(
        "status", "--url", f"postgresql://u:secret@127.0.0.1:{free_port()}/db", "--migrations-dir", str(folder),
        "--output-format", "json",
    )  # fmt: skip
    assert refused.exit_code == 2
    body = json.loads(refused.stdout)
    assert body["status"] is None
    assert "cannot connect" in body["diagnostics"][0]["message"]
    assert "secret" not in refused.output


def test_status_refuses_a_migration_lock_of_another_provider(database_url: str, folder: Path) -> None:  # noqa: F811
    (folder / "migration_lock.toml").write_text('provider = "sqlite"\n', encoding="utf-8")
    result = status(database_url, folder)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "error: P3019: The datasource provider `postgresql` specified in your schema does not match the one"
        " specified in the migration_lock.toml, `sqlite`."
    )


def test_the_readme_lists_every_migrate_command() -> None:
    from conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Command line", 1)[1].split("```", 2)[1]
    listed = {line.split()[2] for line in block.splitlines() if line.startswith("prisma-tools migrate ")}
    assert listed == set(migrate.commands)


def test_status_finds_the_schema_its_url_and_its_migrations(
    database_url: str,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    prisma = tmp_path / "prisma"
    prisma.mkdir()
    (prisma / "schema.prisma").write_text(
        'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n', encoding="utf-8"
    )
    write(prisma / "migrations", INIT, A)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", database_url)
    result = run("status")
    assert result.exit_code == 1
    assert result.stdout.startswith(f"1 migration found in {Path('prisma') / 'migrations'}\nFollowing migration")
    assert run("deploy").exit_code == 0
    assert run("status").stdout.endswith("\nDatabase schema is up to date!\n")


def test_status_json_without_a_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("status", "--output-format", "json")
    assert result.exit_code == 2
    body = json.loads(result.stdout)
    assert body["status"] is None
    assert body["diagnostics"][0]["message"].startswith("no schema given and none found")
