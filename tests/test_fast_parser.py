"""The parser's table-driven loop builds exactly what Lark's own parser builds, spans included;
its tables are the ones Lark builds from the grammar now; a valid parse does not import Lark."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from prisma_tools import _tables, parser
from prisma_tools.parser import parse_file_text

FILES = sorted(p for p in (Path(REPO) / "tests" / "fixtures").rglob("*.prisma") if p.is_file())


def _with_lark_only(monkeypatch: pytest.MonkeyPatch) -> None:
    def fallback(self: object, text: str, trail: object = None) -> object:
        raise parser._Fallback

    monkeypatch.setattr(parser._FastParser, "parse", fallback)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_fast_loop_matches_lark(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_text(encoding="utf-8")
    fast = parse_file_text(text, str(path), strict=False).model_dump()
    with monkeypatch.context() as m:
        _with_lark_only(m)
        slow = parse_file_text(text, str(path), strict=False).model_dump()
    assert fast == slow


def test_parse_keeps_frozen_objects_frozen() -> None:
    """The GC promotion after a parse (freeze + unfreeze) leaves an application's frozen objects alone."""
    gc.freeze()
    try:
        assert gc.get_freeze_count() > 0
        parse_file_text("model A {\n  id Int @id\n}\n")
        assert gc.get_freeze_count() > 0  # an unfreeze would have emptied the permanent generation
    finally:
        gc.unfreeze()


def test_parse_restores_gc_state() -> None:
    assert gc.isenabled()
    parse_file_text("model A {\n  id Int @id\n}\n")
    assert gc.isenabled()
    gc.disable()
    try:
        parse_file_text("model A {\n  id Int @id\n}\n")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_fast_loop_is_in_use() -> None:
    """The engine falls back to Lark's loop silently when the fused one cannot be built;
    with the pinned Lark release it must be built (each rule's generated reducer included)."""
    assert parser._engine().fast is not None


def test_tables_are_current() -> None:
    """``_tables.py`` is what the generator writes for the grammar and builder as they are now
    (when this fails: ``python scripts/gen_parser_tables.py``, and commit the file)."""
    from prisma_tools import _tablegen

    committed = Path(_tables.__file__).read_text(encoding="utf-8")
    generated = _tablegen.render(parser._new_lark(parser._Builder()))
    assert _tablegen.comparable(committed) == _tablegen.comparable(generated)
    assert parser.grammar_digest() == _tables.GRAMMAR_DIGEST


def test_stale_tables_are_built_from_lark(monkeypatch: pytest.MonkeyPatch) -> None:
    """With tables of another grammar, the engine builds its tables from Lark, and parses the same."""
    path = REPO / "tests" / "fixtures" / "bench" / "models-20.input.prisma"
    text = path.read_text(encoding="utf-8")
    expected = parse_file_text(text, strict=False).model_dump()
    monkeypatch.setattr(_tables, "GRAMMAR_DIGEST", "0:00000000")
    engine = parser._Engine()
    assert engine._lark is not None  # built at once, to analyse the grammar
    assert engine.fast is not None
    monkeypatch.setattr(parser, "_engine", lambda: engine)
    assert parse_file_text(text, strict=False).model_dump() == expected


def _run(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_valid_schema_parses_without_lark() -> None:
    """Start-up: parsing (and formatting) valid input loads the generated tables, not Lark."""
    code = (
        "import sys, prisma_tools.parser as p, prisma_tools.api as api\n"
        "f = p.parse_file_text('model A {\\n  id Int @id @default(autoincrement())\\n  n String? // x\\n}\\n')\n"
        "assert f.blocks[0].members[0].name == 'id'\n"
        "api.format_text('enum E {\\n  A\\n}\\n')\n"
        "print(sorted(m for m in sys.modules if m == 'lark' or m.startswith('lark.')))\n"
    )
    assert _run(code).strip() == "[]"


def test_invalid_line_is_found_without_lark() -> None:
    """The fast loop reports where the error is as Lark's parser would (test_fast_loop_matches_lark)."""
    code = (
        "import sys, prisma_tools.parser as p\n"
        "f = p.parse_file_text('model A {\\n  id Int @id\\n  ???\\n}\\n', strict=False)\n"
        "print(type(f.blocks[0].members[1]).__name__, 'lark' in sys.modules)\n"
    )
    assert _run(code).split() == ["CatchAll", "False"]
