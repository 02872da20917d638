"""The lexer's regex cache: what it builds is what re.compile builds; any trouble means re.compile."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from prisma_tools import _tables, regex_cache
from prisma_tools.regex_cache import RegexCache, cache_folder

PATTERNS = [(source, flags) for source, flags, _, _ in _tables.LEXERS]
SAMPLE = (
    "// c\nmodel  User {\n  id Int @id @default(autoincrement()) /* b */\n  tags String[] @db.VarChar(20)\n"
    '  x Unsupported("p")?\n  @@index([a, b], map: "m",)\n}\nenum E {\n  A @map("a")\n}\n'
    'datasource db {\n  provider = "postgresql"\n}\ntype T = Int\n  \u3000x\u00a0\u2028 -1.5 2fa() \x00\r\n'
)


def _same_behaviour(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    for i in range(len(SAMPLE)):
        ma, mb = a.match(SAMPLE, i), b.match(SAMPLE, i)
        assert (ma and (ma.lastgroup, ma.span())) == (mb and (mb.lastgroup, mb.span())), (a.pattern, i)


def test_cached_patterns_behave_as_re_compile(tmp_path: Path) -> None:
    first = RegexCache(PATTERNS, "k", str(tmp_path))
    compiled = [first.compile(p, f) for p, f in PATTERNS]  # the first miss writes the file
    assert len(list(tmp_path.glob("lexer-k-*.marshal"))) == 1
    again = RegexCache(PATTERNS, "k", str(tmp_path))
    assert set(again.entries) == set(PATTERNS)
    for (p, f), c in zip(PATTERNS, compiled, strict=True):
        expected = re.compile(p, f)
        _same_behaviour(c, expected)
        _same_behaviour(again.compile(p, f), expected)


def test_a_filled_cache_compiles_nothing_in_python(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    RegexCache(PATTERNS, "k", str(tmp_path)).compile(*PATTERNS[0])

    def fail(*args: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(regex_cache, "_opcodes", fail)
    monkeypatch.setattr(re, "compile", fail)
    cache = RegexCache(PATTERNS, "k", str(tmp_path))
    assert all(cache.compile(p, f).pattern == p for p, f in PATTERNS)


def test_a_corrupt_file_is_ignored_and_replaced(tmp_path: Path) -> None:
    RegexCache(PATTERNS, "k", str(tmp_path)).compile(*PATTERNS[0])
    (path,) = tmp_path.glob("lexer-k-*.marshal")
    path.write_bytes(b"\x00garbage")
    cache = RegexCache(PATTERNS, "k", str(tmp_path))
    assert cache.entries == {}
    _same_behaviour(cache.compile(*PATTERNS[1]), re.compile(*PATTERNS[1]))
    assert RegexCache(PATTERNS, "k", str(tmp_path)).entries  # rewritten


def test_a_bad_entry_falls_back_to_re_compile(tmp_path: Path) -> None:
    cache = RegexCache(PATTERNS, "k", str(tmp_path))
    cache.compile(*PATTERNS[0])
    flags, code, *rest = cache.entries[PATTERNS[2]]
    cache.entries[PATTERNS[2]] = (flags, [999_999, *code[1:]], *rest)  # not valid SRE code
    _same_behaviour(cache.compile(*PATTERNS[2]), re.compile(*PATTERNS[2]))


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    cache = RegexCache(PATTERNS, "k", str(tmp_path))
    _same_behaviour(cache.compile(*PATTERNS[0]), re.compile(*PATTERNS[0]))
    assert list(tmp_path.iterdir()) == []


def test_no_folder_means_plain_compile() -> None:
    cache = RegexCache(PATTERNS, "k", None)
    _same_behaviour(cache.compile(*PATTERNS[0]), re.compile(*PATTERNS[0]))


def test_cache_folder_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRISMA_TOOLS_NO_CACHE", "1")
    assert cache_folder() is None
    monkeypatch.delenv("PRISMA_TOOLS_NO_CACHE")
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
        assert cache_folder() == str(tmp_path / "prisma-tools")
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
        (tmp_path / "file").write_text("")  # not a folder: no cache
        assert cache_folder() is None
