"""``migrate diff`` and ``migrate create`` for SQLite schemas, and what the other commands say about them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import FIXTURES

from prisma_tools import parse
from prisma_tools.cli.migrate import migrate
from prisma_tools.migrate import diff_sql, diff_steps
from prisma_tools.migrate.errors import UnsupportedSchema
from prisma_tools.migrate.migrations import lock_text, migration_warnings
from prisma_tools.nodes import Schema

REDEFINE = FIXTURES / "migrate" / "cases" / "sqlite_redefine_tables"
DS = 'datasource db {\n  provider = "sqlite"\n  url      = "file:./dev.db"\n}\n\n'


def run(*args: str) -> Result:
    return CliRunner().invoke(migrate, list(args), catch_exceptions=False)


def schema(body: str) -> Schema:
    return parse(DS + body)


def test_diff_prints_the_engines_script_and_summary() -> None:
    result = run("diff", str(REDEFINE / "from.prisma"), str(REDEFINE / "to.prisma"))
    assert result.exit_code == 0, result.output
    assert result.stdout == (REDEFINE / "expected.sql").read_text(encoding="utf-8")
    result = run("diff", "--from-schema", str(REDEFINE / "from.prisma"), "--to-schema", str(REDEFINE / "to.prisma"))
    assert result.stdout == (REDEFINE / "expected.summary").read_text(encoding="utf-8")


def test_create_writes_warnings_and_a_sqlite_lock(tmp_path: Path) -> None:
    target = tmp_path / "schema.prisma"
    shutil.copy(REDEFINE / "to.prisma", target)
    result = run("create", "next", "--schema", str(target), "--from", str(REDEFINE / "from.prisma"))
    assert result.exit_code == 0, result.output
    [folder] = (tmp_path / "migrations").glob("*_next")
    text = (folder / "migration.sql").read_text(encoding="utf-8")
    assert text.startswith("/*\n  Warnings:\n\n  - You are about to drop the column `s` on the `User` table.")
    assert text.endswith("*/\n" + (REDEFINE / "expected.sql").read_text(encoding="utf-8"))
    assert (tmp_path / "migrations" / "migration_lock.toml").read_text(encoding="utf-8") == lock_text("sqlite")


def test_create_refuses_a_history_of_another_provider(tmp_path: Path) -> None:
    target = tmp_path / "schema.prisma"
    shutil.copy(REDEFINE / "to.prisma", target)
    (tmp_path / "migrations").mkdir()
    (tmp_path / "migrations" / "migration_lock.toml").write_text(lock_text("postgresql"), encoding="utf-8")
    result = run("create", "init", "--schema", str(target), "--from-empty")
    assert result.exit_code == 2
    assert "The datasource provider `sqlite` specified in your schema does not match" in result.output
    assert [p.name for p in (tmp_path / "migrations").iterdir()] == ["migration_lock.toml"]


def test_database_commands_refuse_sqlite(tmp_path: Path) -> None:
    target = tmp_path / "schema.prisma"
    shutil.copy(REDEFINE / "to.prisma", target)
    result = run("check", "--schema", str(target))
    assert result.exit_code == 2
    assert "the database commands work with PostgreSQL only" in result.output


def test_warnings_of_a_redefined_table() -> None:
    old = schema("model A {\n  id Int @id\n  a  Int?\n  b  String\n  c  Int\n}\n")
    new = schema("model A {\n  id String @id\n  a  Int\n  b  Int\n  d  Int\n  e  Bytes?\n}\n")
    assert migration_warnings(diff_steps(old, new)) == [
        "The primary key for the `A` table will be changed. If it partially fails, the table could be left"
        " without primary key constraint.",
        "You are about to drop the column `c` on the `A` table. All the data in the column will be lost.",
        "You are about to alter the column `b` on the `A` table. The data in that column could be lost."
        " The data in that column will be cast from `String` to `Int`.",
        "Added the required column `d` to the `A` table without a default value. This is not possible if the"
        " table is not empty.",
        "Made the column `a` on table `A` required. This step will fail if there are existing NULL values in"
        " that column.",
    ]


def test_warnings_of_drops_and_unique_indexes() -> None:
    old = schema("model A {\n  id Int @id\n  u  Int\n}\n\nmodel B {\n  id Int @id\n}\n")
    new = schema("model A {\n  id Int @id\n  u  Int @unique\n}\n")
    assert migration_warnings(diff_steps(old, new)) == [
        "You are about to drop the `B` table. If the table is not empty, all the data it contains will be lost.",
        "A unique constraint covering the columns `[u]` on the table `A` will be added. If there are existing"
        " duplicate values, this will fail.",
    ]


def test_mixed_providers_are_refused() -> None:
    pg = parse('datasource db {\n  provider = "postgresql"\n  url = env("X")\n}\n\nmodel A {\n  id Int @id\n}\n')
    with pytest.raises(UnsupportedSchema, match="different providers"):
        diff_steps(pg, schema("model A {\n  id Int @id\n}\n"))


def test_native_types_and_lists_are_refused() -> None:
    with pytest.raises(UnsupportedSchema, match="does not exist on SQLite"):
        diff_sql(None, schema("model A {\n  id Int @id\n  s String @db.VarChar(3)\n}\n"))
    with pytest.raises(UnsupportedSchema, match="no list columns"):
        diff_sql(None, schema("model A {\n  id Int @id\n  s String[]\n}\n"))


def test_doctests() -> None:
    import doctest

    import prisma_tools.migrate.sqlite

    result = doctest.testmod(prisma_tools.migrate.sqlite)
    assert result.attempted > 0
    assert result.failed == 0
