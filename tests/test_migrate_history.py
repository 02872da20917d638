"""`migrate history`: the migrations folder after a merge, against git's main branch and the database."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from merge_scenarios import git, git_env
from pg_server import PostgresServer, database_url, postgres  # noqa: F401 (fixtures)

from prisma_tools.cli.migrate import migrate
from prisma_tools.migrate.deploy import Row
from prisma_tools.migrate.history import Local, analyse, plan_renames

NOW = datetime(2024, 1, 5, tzinfo=UTC)
INIT = b'CREATE TABLE "A" ("id" INTEGER NOT NULL);\n'
MAIN = b'CREATE TABLE "B" ("id" INTEGER NOT NULL);\n'
FEATURE = b'CREATE TABLE "C" ("id" INTEGER NOT NULL);\n'


def row(name: str, script: bytes, *, failed: bool = False, rolled_back: bool = False) -> Row:
    return Row(
        id=name,
        checksum=hashlib.sha256(script).hexdigest(),
        finished_at=None if failed else NOW,
        migration_name=name,
        logs="boom\n" if failed else None,
        rolled_back_at=NOW if rolled_back else None,
        started_at=NOW,
        applied_steps_count=0 if failed else 1,
    )


def kinds(findings: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(f.kind, f.migration) for f in findings]


def test_a_branch_folder_sorting_before_main_and_the_database() -> None:
    local = [
        Local("20240101000000_init", INIT),
        Local("20240102000000_feature", FEATURE),
        Local("20240103000000_b", MAIN),
    ]
    main = ["20240101000000_init", "20240103000000_b"]
    found = analyse(local, main=main)
    assert kinds(found) == [("before-main", "20240102000000_feature")]
    assert not found[0].fixable  # without the database nobody knows it is unapplied
    rows = [row("20240101000000_init", INIT), row("20240103000000_b", MAIN)]
    found = analyse(local, main=main, rows=rows)
    assert kinds(found) == [("before-applied", "20240102000000_feature")]
    assert "P3006" in found[0].message
    assert plan_renames(found, local, rows, main) == {"20240102000000_feature": "20240103000001_feature"}


def test_same_timestamp_and_applied_history_problems() -> None:
    local = [
        Local("20240101000000_init", INIT.replace(b"\n", b"\r\n")),  # CRLF copy of the applied script: same
        Local("20240102000000_a", MAIN + b"-- edited\n"),
        Local("20240102000000_b", FEATURE),
    ]
    rows = [
        row("20240101000000_init", INIT),
        row("20240102000000_a", MAIN),
        row("20231231000000_gone", b"x"),
        row("20240104000000_bad", b"y", failed=True),
    ]
    found = analyse(local, rows=rows)
    assert kinds(found) == [
        ("same-timestamp", "20240102000000_a"),
        ("same-timestamp", "20240102000000_b"),
        ("edited", "20240102000000_a"),
        ("missing", "20231231000000_gone"),
        ("failed", "20240104000000_bad"),
    ]
    failed = found[-1]
    assert "P3009" in failed.message
    assert "boom" in failed.message
    assert "--rolled-back 20240104000000_bad" in failed.advice
    assert [f.fixable for f in found[:2]] == [False, True]  # _a is applied: it stays


def test_a_database_with_tables_but_no_history() -> None:
    (finding,) = analyse([Local("20240101000000_init", INIT)], rows=None, tables_without_history=True)
    assert finding.kind == "not-baselined"
    assert "P3005" in finding.message


def run(*args: str) -> Result:
    return CliRunner().invoke(migrate, list(args), catch_exceptions=False)


def _write(folder: Path, name: str, script: bytes) -> None:
    (folder / name).mkdir(parents=True)
    (folder / name / "migration.sql").write_bytes(script)


@pytest.fixture
def merged_repo(tmp_path: Path) -> Path:
    """main adds a migration after the feature branch added one with an earlier timestamp; main is merged in."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    folder = repo / "prisma" / "migrations"
    env = git_env(tmp_path)
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main", env=env)
    _write(folder, "20240101000000_init", INIT)
    git(repo, "add", "-A", env=env)
    git(repo, "commit", "-q", "-m", "init", env=env)
    git(repo, "checkout", "-q", "-b", "feature", env=env)
    _write(folder, "20240102000000_feature", FEATURE)
    git(repo, "add", "-A", env=env)
    git(repo, "commit", "-q", "-m", "feature", env=env)
    git(repo, "checkout", "-q", "main", env=env)
    _write(folder, "20240103000000_b", MAIN)
    git(repo, "add", "-A", env=env)
    git(repo, "commit", "-q", "-m", "b", env=env)
    git(repo, "checkout", "-q", "feature", env=env)
    git(repo, "merge", "-q", "--no-edit", "main", env=env)
    return folder


def test_cli_compares_with_main(merged_repo: Path) -> None:
    result = run("history", "--migrations-dir", str(merged_repo))
    assert result.exit_code == 1, result.output
    assert (
        f"{merged_repo}: error[before-main]: 20240102000000_feature: is not on main but sorts before" in result.output
    )
    result = run("history", "--migrations-dir", str(merged_repo), "--fix")
    assert result.exit_code == 2
    assert "--fix needs --url" in result.output


def test_cli_fix_renames_what_the_database_has_not_applied(
    merged_repo: Path,
    database_url: str,  # noqa: F811
) -> None:
    # production got main's migrations; the feature's is new
    feature = merged_repo / "20240102000000_feature"
    hidden = merged_repo.parent / "feature.tmp"
    feature.rename(hidden)
    assert run("deploy", "--url", database_url, "--migrations-dir", str(merged_repo)).exit_code == 0
    hidden.rename(feature)
    result = run("history", "--url", database_url, "--migrations-dir", str(merged_repo))
    assert result.exit_code == 1
    assert "error[before-applied]: 20240102000000_feature" in result.output
    result = run("history", "--url", database_url, "--migrations-dir", str(merged_repo), "--fix")
    assert result.exit_code == 0, result.output
    assert "renamed to 20240103000001_feature" in result.output
    assert sorted(p.name for p in merged_repo.iterdir()) == [
        "20240101000000_init",
        "20240103000000_b",
        "20240103000001_feature",
    ]
    status = subprocess.run(["git", "status", "--short"], cwd=merged_repo, capture_output=True, text=True).stdout
    assert "20240103000001_feature" in status
    # the renamed folder is not on main: still reported against main until merged there, but deploy now runs in order
    assert run("deploy", "--url", database_url, "--migrations-dir", str(merged_repo)).exit_code == 0
    result = run("history", "--url", database_url, "--migrations-dir", str(merged_repo))
    assert result.exit_code == 0, result.output


def test_cli_reports_a_failed_migration(tmp_path: Path, database_url: str) -> None:  # noqa: F811
    folder = tmp_path / "migrations"
    _write(folder, "20240101000000_init", INIT)
    _write(folder, "20240102000000_bad", b"CREATE TABLE oops (;\n")
    assert run("deploy", "--url", database_url, "--migrations-dir", str(folder)).exit_code == 2
    result = run("history", "--url", database_url, "--migrations-dir", str(folder))
    assert result.exit_code == 1
    assert "error[failed]: 20240102000000_bad: failed (started " in result.output
    assert "P3009" in result.output
