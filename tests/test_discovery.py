"""Schema discovery in directories, with real git repositories (issue: a directory is not one schema)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from prisma_tools.cli.app import cli
from prisma_tools.discovery import discover_schemas

DS = 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n'
USER = "model User {\n  id    Int    @id\n  email String @unique\n}\n"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    r = tmp_path / "repo"
    r.mkdir()
    git(r, "init", "-q")
    return r


def test_gitignored_generated_copy_is_not_part_of_the_schema(repo: Path) -> None:
    schema = write(repo / "prisma" / "schema.prisma", DS + "\n" + USER)
    copy = write(repo / "generated" / "schema.prisma", DS + "\n" + USER)
    write(repo / ".gitignore", "generated/\n")
    r = run("fix", str(repo))
    assert r.exit_code == 0, r.output
    assert "PT001" not in r.output
    assert schema.read_text() == DS + "\n" + USER
    assert copy.read_text() == DS + "\n" + USER
    assert [d.root for d in discover_schemas(repo)] == [repo / "prisma"]


def test_generated_copy_outside_git_is_a_schema_of_its_own(tmp_path: Path) -> None:
    schema = write(tmp_path / "prisma" / "schema.prisma", DS + "\n" + USER)
    write(tmp_path / "generated" / "schema.prisma", DS + "\n" + USER)
    r = run("fix", str(tmp_path))
    assert r.exit_code == 0, r.output
    assert "removed" not in r.output
    assert "User" in schema.read_text()
    assert [d.root for d in discover_schemas(tmp_path)] == [tmp_path / "generated", tmp_path / "prisma"]


def test_monorepo_with_two_schemas(repo: Path) -> None:
    a = write(repo / "apps" / "a" / "prisma" / "schema.prisma", DS + "\n" + USER)
    b = write(repo / "apps" / "b" / "prisma" / "schema.prisma", DS + "\n" + USER)
    git(repo, "add", ".")
    r = run("fix", str(repo))
    assert r.exit_code == 0, r.output
    assert "model User" in a.read_text()
    assert "model User" in b.read_text()
    r = run("check", str(repo))
    assert r.exit_code == 0, r.output  # not "two datasources": two schemas


def test_schema_folder_with_migrations_and_node_modules(repo: Path) -> None:
    main = write(repo / "prisma" / "schema" / "main.prisma", DS)
    user = write(repo / "prisma" / "schema" / "models" / "user.prisma", USER)
    post = write(repo / "prisma" / "schema" / "models" / "post.prisma", "model Post {\n  id Int @id\n}\n")
    write(repo / "prisma" / "schema" / "migrations" / "0_init" / "old.prisma", USER)
    write(repo / "node_modules" / ".prisma" / "client" / "schema.prisma", DS + USER)
    write(repo / "node_modules" / "pkg" / "node_modules" / "x" / "schema.prisma", DS + USER)
    [found] = discover_schemas(repo)
    assert found.root == repo / "prisma" / "schema"
    assert found.files == [main, post, user]
    r = run("fix", str(repo))
    assert r.exit_code == 0, r.output
    assert "PT001" not in r.output
    assert user.read_text() == USER


def test_files_below_no_datasource_stand_alone(tmp_path: Path) -> None:
    a = write(tmp_path / "snippets" / "a.prisma", "model Tag {\n  id Int @id\n}\n")
    b = write(tmp_path / "snippets" / "b.prisma", "model Tag {\n  id Int @id\n}\n")
    found = discover_schemas(tmp_path)
    assert [d.files for d in found] == [[a], [b]]
    r = run("fix", str(tmp_path))
    assert r.exit_code == 0, r.output
    assert "model Tag" in a.read_text()
    assert "model Tag" in b.read_text()


def test_exclude_from_configuration(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.prisma-tools]\nextend-exclude = ["legacy"]\n')
    write(tmp_path / "prisma" / "schema.prisma", DS + "\n" + USER)
    write(tmp_path / "legacy" / "schema.prisma", "model Broken {\n  id Int @id +\n}\n")
    r = run("format", "--check", str(tmp_path))
    assert r.exit_code == 0, r.output
    assert [d.root for d in discover_schemas(tmp_path, ("legacy",))] == [tmp_path / "prisma"]


def test_explicit_folder_argument_still_reads_one_schema_folder(repo: Path) -> None:
    # pointing at the schema folder itself finds it as the one root
    write(repo / "prisma" / "schema" / "main.prisma", DS)
    write(repo / "prisma" / "schema" / "a.prisma", USER)
    dup = write(repo / "prisma" / "schema" / "b.prisma", "// pasted again\n" + USER)
    r = run("fix", str(repo / "prisma" / "schema"))
    assert r.exit_code == 0, r.output
    assert "PT001 removed duplicate model User" in r.output
    assert "model User" not in dup.read_text()


def test_first_copy_is_the_one_prisma_reads_first(tmp_path: Path) -> None:
    # Prisma reads a folder depth first, each folder's names in byte order: a/x.prisma comes before
    # a.prisma ("a" < "a.prisma"), although the path string "a.prisma" sorts before "a/x.prisma".
    folder = tmp_path / "prisma" / "schema"
    write(folder / "main.prisma", DS)
    nested = write(folder / "a" / "x.prisma", USER)
    beside = write(folder / "a.prisma", USER)
    checked = run("check", str(folder))
    assert checked.exit_code == 1, checked.output
    assert f"{beside}:1:7: error[E101]" in checked.output  # Prisma's "already defined" is on the later copy
    assert str(nested) not in checked.output
    r = run("fix", str(folder))
    assert r.exit_code == 0, r.output
    assert f"identical to the copy kept at {nested}:1" in r.output
    assert nested.read_text() == USER
    assert "model User" not in beside.read_text()
