"""The parser's fused loop builds exactly what Lark's own parser builds, spans included."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from conftest import REPO

from prisma_tools import parser
from prisma_tools.parser import parse_file_text

FILES = sorted(p for p in (Path(REPO) / "tests" / "fixtures").rglob("*.prisma") if p.is_file())


def _with_lark_only(monkeypatch: pytest.MonkeyPatch) -> None:
    def fallback(self: object, text: str) -> object:
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
