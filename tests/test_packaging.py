"""The built wheel ships the grammar and works outside the checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(REPO)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("prisma_tools-*.whl")
    return built


def test_wheel_contains_grammar_and_marker(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "prisma_tools/grammars/prisma.lark" in names
    assert "prisma_tools/py.typed" in names
    grammar = zipfile.ZipFile(wheel).read("prisma_tools/grammars/prisma.lark").decode()
    assert grammar == (REPO / "grammars" / "prisma.lark").read_text()


def test_installed_wheel_finds_its_grammar(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import prisma_tools, prisma_tools.parser as p;"
        "assert p.__file__.startswith(sys.argv[1]), p.__file__;"
        "print(prisma_tools.format_text('model A {\\nid Int @id\\n}'), end='')"
    )
    r = subprocess.run(
        [sys.executable, "-c", code, str(target)], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout == "model A {\n  id Int @id\n}\n"
