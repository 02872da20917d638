"""files: path spelling without pathlib, reading, atomic writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prisma_tools.files import SchemaReadError, clean_path, read_text, write_atomic


@given(st.text(alphabet="/.a", max_size=12))
def test_clean_path_spells_paths_as_pathlib_does(path: str) -> None:
    assert clean_path(path) == str(Path(path))


def test_clean_path_examples() -> None:
    assert clean_path("./a//b.prisma") == "a/b.prisma"
    assert clean_path(Path("x") / "y") == str(Path("x/y"))


def test_read_errors_name_the_cleaned_path(tmp_path: Path) -> None:
    with pytest.raises(SchemaReadError, match=r"no such file or directory"):
        read_text(str(tmp_path / "missing.prisma"))
    with pytest.raises(SchemaReadError, match=r"is a directory"):
        read_text(str(tmp_path) + "/./")


def test_write_atomic_keeps_mode_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "s.prisma"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(str(target), "new\n")
    assert target.read_text() == "new\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert os.listdir(tmp_path) == ["s.prisma"]
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        write_atomic("here.prisma", "x")  # a bare name: the temporary file goes in the working directory
    finally:
        os.chdir(cwd)
    assert (tmp_path / "here.prisma").read_text() == "x"
    assert sorted(os.listdir(tmp_path)) == ["here.prisma", "s.prisma"]
