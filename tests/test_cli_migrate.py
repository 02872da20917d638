"""``prisma-tools migrate diff`` and ``migrate create`` (the click group, run with CliRunner)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import FIXTURES

from prisma_tools.cli.migrate import migrate
from prisma_tools.migrate.migrations import lock_text, slug

CASES = FIXTURES / "migrate" / "cases"
ADDITIVE = CASES / "additive_changes"


def run(*args: str) -> Result:
    return CliRunner().invoke(migrate, list(args), catch_exceptions=False)


def test_diff_prints_prismas_script() -> None:
    result = run("diff", str(ADDITIVE / "from.prisma"), str(ADDITIVE / "to.prisma"))
    assert result.exit_code == 0, result.output
    assert result.stdout == (ADDITIVE / "expected.sql").read_text(encoding="utf-8")


def test_diff_from_empty() -> None:
    case = CASES / "multi_schema_extensions_join_tables"
    result = run("diff", "--from-empty", str(case / "to.prisma"))
    assert result.exit_code == 0, result.output
    assert result.stdout == (case / "expected.sql").read_text(encoding="utf-8")


def test_diff_prints_drops_as_prisma_does() -> None:
    result = run("diff", str(ADDITIVE / "to.prisma"), str(ADDITIVE / "from.prisma"))
    assert result.exit_code == 0, result.output
    assert result.stdout == (CASES / "additive_changes_reversed" / "expected.sql").read_text(encoding="utf-8")
    assert "DROP TABLE" in result.stdout


def test_diff_other_provider_is_not_supported_yet(tmp_path: Path) -> None:
    schema = tmp_path / "schema.prisma"
    schema.write_text('datasource db {\n  provider = "mysql"\n  url = env("X")\n}\n', encoding="utf-8")
    result = run("diff", "--from-empty", str(schema))
    assert result.exit_code == 2
    assert result.stderr == (
        'error: provider "mysql" is not supported yet by prisma-tools migrate '
        '(only "postgresql", "cockroachdb" and "sqlite")\n'
    )


COCKROACH = (
    'datasource db {\n  provider = "cockroachdb"\n  url = env("X")\n}\n\n'
    "model A {\n  id BigInt @id @default(autoincrement())\n}\n"
)


def test_cockroach_diff_create_and_database_commands(tmp_path: Path) -> None:
    schema = tmp_path / "schema.prisma"
    schema.write_text(COCKROACH, encoding="utf-8")
    result = run("diff", "--from-empty", str(schema))
    assert result.exit_code == 0
    assert '"id" INT8 NOT NULL DEFAULT unique_rowid(),' in result.stdout
    result = run("create", "init", "--schema", str(schema))
    assert result.exit_code == 0, result.stderr
    assert 'provider = "cockroachdb"' in (tmp_path / "migrations" / "migration_lock.toml").read_text(encoding="utf-8")
    result = run("check", "--schema", str(schema), "--url", "postgresql://u@127.0.0.1:1/db")
    assert result.exit_code == 2
    assert "support PostgreSQL only, not CockroachDB" in result.stderr


def test_diff_reports_parse_errors_and_missing_files(tmp_path: Path) -> None:
    broken = tmp_path / "broken.prisma"
    broken.write_text("model A {\n  id Int @id +\n}\n", encoding="utf-8")
    result = run("diff", "--from-empty", str(broken))
    assert result.exit_code == 2
    assert "broken.prisma:2:3" in result.stderr
    result = run("diff", "--from-empty", str(tmp_path / "missing.prisma"))
    assert result.exit_code == 2
    assert "no such file" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["diff", str(ADDITIVE / "to.prisma")],
        ["diff", "--from-empty", str(ADDITIVE / "from.prisma"), str(ADDITIVE / "to.prisma")],
        ["diff", "a", "b", "c"],
    ],
)
def test_diff_usage_errors(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert "Usage" in result.output


# ------------------------------------------------------------------ git


def git(cwd: Path, *args: str) -> None:
    env = os.environ | {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_SYSTEM": os.devnull,
    }
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:  # pragma: no cover - git is part of the test environment
        pytest.skip("git is not installed")
    git(tmp_path, "init", "-q", "-b", "main")
    prisma = tmp_path / "prisma"
    prisma.mkdir()
    shutil.copy(ADDITIVE / "from.prisma", prisma / "schema.prisma")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "v1")
    shutil.copy(ADDITIVE / "to.prisma", prisma / "schema.prisma")
    return tmp_path


def test_diff_from_git_reads_from_the_revision(repo: Path) -> None:
    result = run("diff", "--from-git", "HEAD", str(repo / "prisma" / "schema.prisma"))
    assert result.exit_code == 0, result.output
    assert result.stdout == (ADDITIVE / "expected.sql").read_text(encoding="utf-8")


def test_diff_from_git_reads_a_schema_folder(repo: Path) -> None:
    folder = repo / "prisma" / "schema"
    folder.mkdir()
    text = (ADDITIVE / "from.prisma").read_text(encoding="utf-8")
    head, _, models = text.partition("model User")
    (folder / "a.prisma").write_text(head, encoding="utf-8")
    (folder / "b.prisma").write_text("model User" + models, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "folder")
    to_text = (ADDITIVE / "to.prisma").read_text(encoding="utf-8")
    head, _, models = to_text.partition("model User")
    (folder / "b.prisma").write_text("model User" + models, encoding="utf-8")
    (folder / "a.prisma").write_text(head, encoding="utf-8")
    result = run("diff", "--from-git", "HEAD", str(folder))
    assert result.exit_code == 0, result.output
    assert result.stdout == (ADDITIVE / "expected.sql").read_text(encoding="utf-8")


def test_diff_from_git_errors(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    schema = str(repo / "prisma" / "schema.prisma")
    result = run("diff", "--from-git", "no-such-rev", schema)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: git rev-parse failed")
    (repo / "prisma" / "new.prisma").write_text("", encoding="utf-8")
    result = run("diff", "--from-git", "HEAD", str(repo / "prisma" / "new.prisma"))
    assert result.exit_code == 2
    assert result.stderr == "error: prisma/new.prisma does not exist at revision HEAD\n"
    outside = tmp_path_factory.mktemp("nogit") / "schema.prisma"
    shutil.copy(ADDITIVE / "to.prisma", outside)
    result = run("diff", "--from-git", "HEAD", str(outside))
    assert result.exit_code == 2
    assert "git rev-parse failed" in result.stderr


# ------------------------------------------------------------------ create


def test_create_first_migration_from_empty(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    result = run("create", "Init")
    assert result.exit_code == 0, result.output
    [folder] = [p for p in (repo / "prisma" / "migrations").iterdir() if p.is_dir()]
    assert re.fullmatch(r"\d{14}_init", folder.name)
    assert result.stdout == f"Created {Path('prisma/migrations') / folder.name / 'migration.sql'}\n"
    script = (folder / "migration.sql").read_bytes().decode("utf-8")
    expected = run("diff", "--from-empty", "prisma/schema.prisma").stdout
    assert script == expected
    assert (repo / "prisma" / "migrations" / "migration_lock.toml").read_text(encoding="utf-8") == lock_text()


def test_create_replays_migrations_only_with_a_server(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once migrations exist, FROM is their replay (tests/test_migrate_replay.py); that needs a database server."""
    monkeypatch.chdir(repo)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert run("create", "init").exit_code == 0
    result = run("create", "second")
    assert result.exit_code == 2
    assert "has migrations: replaying them needs a database server" in result.stderr


def test_create_from_git_with_warnings(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    result = run("create", "add tags", "--from-git", "HEAD", "--migrations-dir", "db/migrations")
    assert result.exit_code == 0, result.output
    [folder] = [p for p in (repo / "db" / "migrations").iterdir() if p.is_dir()]
    assert folder.name.endswith("_add_tags")
    script = (folder / "migration.sql").read_text(encoding="utf-8")
    diff = (ADDITIVE / "expected.sql").read_text(encoding="utf-8")
    assert script == (
        "/*\n  Warnings:\n\n"
        "  - A unique constraint covering the columns `[email]` on the table `User` will be added."
        " If there are existing duplicate values, this will fail.\n"
        "  - Added the required column `req` to the `User` table without a default value."
        " This is not possible if the table is not empty.\n"
        "\n*/\n" + diff
    )
    assert "warning: Added the required column `req`" in result.stderr


def test_create_refuses_a_schema_it_cannot_model_and_writes_nothing(tmp_path: Path) -> None:
    schema = tmp_path / "schema.prisma"
    schema.write_text('datasource db {\n  provider = "mysql"\n  url = env("X")\n}\n', encoding="utf-8")
    result = run("create", "x", "--from-empty", "--schema", str(schema))
    assert result.exit_code == 2
    assert 'provider "mysql" is not supported yet' in result.stderr
    assert not (tmp_path / "migrations").exists()


@pytest.mark.parametrize(
    ("name", "expected"),
    [("init", "init"), ("Add users", "add_users"), ("addUserTable", "add_user_table"), ("a--b!", "a_b")],
)
def test_slug(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_diff_and_create_refuse_a_schema_prisma_rejects(tmp_path: Path) -> None:
    schema = tmp_path / "schema.prisma"
    schema.write_text(
        'datasource db {\n  provider = "postgresql"\n  url = env("X")\n}\n\n'
        "model User {\n  id    Int   @id\n  email Strin\n}\n",
        encoding="utf-8",
    )
    result = run("diff", "--from-empty", str(schema))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f'{schema}:8:9: error[E201]: Type "Strin" is neither a built-in type' in result.stderr
    assert "the schema has errors Prisma rejects" in result.stderr
    result = run("create", "init", "--schema", str(schema), "--from-empty")
    assert result.exit_code == 2
    assert "the schema has errors Prisma rejects" in result.stderr
    assert not (tmp_path / "migrations").exists()


def test_diff_json_carries_the_sql_or_the_diagnostics(tmp_path: Path) -> None:
    import json

    ok = run("diff", "--output-format", "json", str(ADDITIVE / "from.prisma"), str(ADDITIVE / "to.prisma"))
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout) == {
        "sql": (ADDITIVE / "expected.sql").read_text(encoding="utf-8"),
        "summary": (ADDITIVE / "expected.summary").read_text(encoding="utf-8"),
        "diagnostics": [],
    }

    other = tmp_path / "mysql.prisma"
    other.write_text('datasource db {\n  provider = "mysql"\n  url = env("X")\n}\n', encoding="utf-8")
    refused = run("diff", "--output-format", "json", "--from-empty", str(other))
    assert refused.exit_code == 2
    body = json.loads(refused.stdout)
    assert body["sql"] is None
    assert [d["code"] for d in body["diagnostics"]] == ["migrate"]

    bad = tmp_path / "bad.prisma"
    bad.write_text(
        'datasource db {\n  provider = "postgresql"\n  url = env("X")\n}\nmodel A {\n  id Int @id\n  e Strin\n}\n'
    )
    rejected = run("diff", "--output-format", "json", "--from-empty", str(bad))
    assert rejected.exit_code == 2
    entry = json.loads(rejected.stdout)["diagnostics"][0]
    assert (entry["code"], entry["location"], entry["severity"]) == ("E201", {"row": 7, "column": 5}, "error")

    missing = run("diff", "--output-format", "json", "--from-empty", str(tmp_path / "nowhere.prisma"))
    assert missing.exit_code == 2
    assert json.loads(missing.stdout)["diagnostics"][0]["code"] == "io-error"


def test_prisma_spellings_print_the_summary_or_with_script_the_sql() -> None:
    """`migrate diff --from-schema A --to-schema B [--script]` as Prisma's CLI takes it."""
    args = ["diff", "--from-schema", str(ADDITIVE / "from.prisma"), "--to-schema", str(ADDITIVE / "to.prisma")]
    summary = run(*args)
    assert summary.exit_code == 0, summary.output
    assert summary.stdout == (ADDITIVE / "expected.summary").read_text(encoding="utf-8")
    script = run(*args, "--script")
    assert script.exit_code == 0, script.output
    assert script.stdout == (ADDITIVE / "expected.sql").read_text(encoding="utf-8")
    empty = run("diff", "--from-empty", "--to-schema", str(ADDITIVE / "to.prisma"), "--script")
    assert empty.stdout == run("diff", "--from-empty", str(ADDITIVE / "to.prisma")).stdout


def test_to_empty_drops_everything_with_schema_names() -> None:
    result = run("diff", "--from-schema", str(ADDITIVE / "to.prisma"), "--to-empty", "--script")
    assert result.exit_code == 0, result.output
    assert 'DROP TABLE "public"."Tag";' in result.stdout


def test_exit_code_follows_prisma(tmp_path: Path) -> None:
    same = ["diff", "--from-schema", str(ADDITIVE / "to.prisma"), "--to-schema", str(ADDITIVE / "to.prisma")]
    result = run(*same, "--exit-code")
    assert (result.exit_code, result.stdout) == (0, "No difference detected.\n")
    changed = run("diff", "--from-schema", str(ADDITIVE / "from.prisma"), "--to-schema", str(ADDITIVE / "to.prisma"))
    assert changed.exit_code == 0
    assert run(*changed_args(), "--exit-code").exit_code == 2
    missing = run("diff", "--from-empty", "--to-schema", str(tmp_path / "nope.prisma"), "--exit-code")
    assert missing.exit_code == 1


def changed_args() -> list[str]:
    return ["diff", "--from-schema", str(ADDITIVE / "from.prisma"), "--to-schema", str(ADDITIVE / "to.prisma")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from-url", "postgresql://x/y", "--from-empty", "--to-schema", "a.prisma"], "exactly one FROM"),
        (["--from-migrations", "m", "--to-url", "postgresql://x/y", "--to-empty"], "exactly one TO"),
        (["--from-empty", "--from-schema", "a.prisma", "--to-empty"], "exactly one FROM"),
        (["--from-empty"], "exactly one TO"),
    ],
)
def test_diff_option_errors(args: list[str], message: str) -> None:
    result = run("diff", *args)
    assert result.exit_code == 2
    assert message in result.output


def test_create_writes_the_warnings_of_drops(tmp_path: Path) -> None:
    schema = tmp_path / "schema.prisma"
    shutil.copy(ADDITIVE / "from.prisma", schema)
    result = run("create", "drop_tag", "--schema", str(schema), "--from", str(ADDITIVE / "to.prisma"))
    assert result.exit_code == 0, result.output
    [folder] = (tmp_path / "migrations").glob("*_drop_tag")
    text = (folder / "migration.sql").read_text(encoding="utf-8")
    script = (CASES / "additive_changes_reversed" / "expected.sql").read_text(encoding="utf-8")
    assert text.startswith("/*\n  Warnings:\n\n  - The values [GUEST,MOD,SUPER] on the enum `Role` will be removed.")
    assert "  - You are about to drop the column `age` on the `User` table." in text
    assert "  - You are about to drop the `Tag` table. If the table is not empty" in text
    assert text.endswith("\n*/\n" + script)
    assert "warning: You are about to drop the `Tag` table" in result.stderr
