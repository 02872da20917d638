"""`prisma-tools merge-driver` called as git calls it: three files, the result in %A, the exit status."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from prisma_tools.cli.app import cli

BASE = "model User {\n  id Int @id\n}\n"


def run(tmp_path: Path, base: str, ours: str, theirs: str, *extra: str) -> tuple[int, str, str]:
    paths = []
    for name, text in (("O", base), ("A", ours), ("B", theirs)):
        p = tmp_path / name
        p.write_text(text)
        paths.append(str(p))
    result = CliRunner().invoke(cli, ["merge-driver", *paths, "prisma/schema.prisma", *extra])
    return result.exit_code, (tmp_path / "A").read_text(), result.output


def test_clean_merge_is_written_to_ours(tmp_path: Path) -> None:
    code, text, output = run(
        tmp_path, BASE, BASE.replace("}", "  name String\n}"), BASE.replace("}", "  age Int\n}"), "7"
    )
    assert code == 0, output
    assert text == "model User {\n  id   Int    @id\n  name String\n  age  Int\n}\n"


def test_conflict_exits_1_with_labels_and_marker_size(tmp_path: Path) -> None:
    ours, theirs = BASE.replace("Int @id", "String @id"), BASE.replace("Int @id", "BigInt @id")
    code, text, output = run(tmp_path, BASE, ours, theirs, "9", "--ours-label", "HEAD", "--style", "diff3")
    assert code == 1
    assert text == (
        "model User {\n<<<<<<<<< HEAD\n  id String @id\n||||||||| base\n  id Int @id\n=========\n"
        "  id BigInt @id\n>>>>>>>>> theirs\n}\n"
    )
    assert "prisma/schema.prisma:2:1: conflict: model User, field id: changed on both sides, differently" in output


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_versions_that_are_no_schema_fall_back_to_git(tmp_path: Path) -> None:
    committed = BASE + "<<<<<<< HEAD\nmodel A {\n=======\n>>>>>>> x\n"
    code, text, output = run(tmp_path, BASE, committed, BASE.replace("}", "  age Int\n}"))
    assert "merged by git's line merge" in output
    assert code == 0  # git merged the lines: theirs' field and ours' (committed) markers
    assert "  age Int\n" in text
    assert "model A {" in text


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["merge-driver", "a", "b"])
    assert result.exit_code == 2
    assert "expected %O %A %B" in result.output
    result = CliRunner().invoke(cli, ["merge-driver", "a", "b", "c", "p", "x"])
    assert result.exit_code == 2
    assert "%L must be a number" in result.output
