"""docs/library.md runs: its Python blocks in order, and every call of its prisma-ast table.

Each table call runs on a fresh copy of the document the first block builds, must
find something or change the text, and must leave text that parses again.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from prisma_tools.parser import parse

DOC = Path(__file__).resolve().parent.parent / "docs" / "library.md"
TEXT = DOC.read_text(encoding="utf-8")
BLOCKS = re.findall(r"```python\n(.*?)```", TEXT, re.S)
ROWS = [
    (m.group(1), m.group(2))
    for m in re.finditer(r"^\| `(.+?)`[^|]*\| `(.+)` \|$", TEXT, re.M)
    if m.group(1) != "prisma-ast"
]


def _setup() -> dict[str, Any]:
    namespace: dict[str, Any] = {}
    exec(compile(BLOCKS[0], f"{DOC}:setup", "exec"), namespace)
    return namespace


def test_the_doc_has_its_parts() -> None:
    assert len(BLOCKS) >= 4
    assert len(ROWS) >= 35


def test_blocks_run_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    namespace: dict[str, Any] = {}
    for i, block in enumerate(BLOCKS):
        exec(compile(block, f"{DOC}:block{i}", "exec"), namespace)
    assert "renamed model Product to Item" in capsys.readouterr().out


@pytest.mark.parametrize(("ours"), [r[1] for r in ROWS], ids=[r[0][:50] for r in ROWS])
def test_table_call_runs(ours: str) -> None:
    namespace = _setup()
    code = ours.replace("`", "")
    try:
        compiled = compile(code, "<table>", "eval")
    except SyntaxError:
        exec(compile(code, "<table>", "exec"), namespace)
    else:
        found = eval(compiled, namespace)
        # a finder finds something; an edit changes the text
        assert found is not None or namespace["doc"].changed, "found nothing and changed nothing"
    for text in namespace["doc"].texts().values():
        parse(text)
