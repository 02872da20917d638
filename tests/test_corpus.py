"""Every corpus entry prints exactly as Prisma's own formatter printed it, and round-trips."""

from __future__ import annotations

import pytest
from conftest import CORPUS, require_shared
from corpus_cases import Entry, entries, ids

from prisma_tools.nodes import Position, SchemaFile
from prisma_tools.parser import parse_file_text
from prisma_tools.printer import print_file

ENTRIES = entries()
pytestmark = pytest.mark.corpus


def test_corpus_is_present() -> None:
    require_shared(CORPUS, "the corpus")
    # 47 real-world entries (43 files, 4 folders) and 17 EdPsych files
    assert len(ENTRIES) == 64


@pytest.mark.parametrize("entry", ENTRIES, ids=ids(ENTRIES))
def test_prints_as_prisma_format(entry: Entry) -> None:
    for src, exp in entry.pairs():
        text = src.read_bytes().decode("utf-8")
        ours = print_file(parse_file_text(text, str(src), strict=False))
        assert ours == exp.read_bytes().decode("utf-8"), f"{src} differs from {exp}"


@pytest.mark.parametrize("entry", ENTRIES, ids=ids(ENTRIES))
def test_round_trip_and_idempotence(entry: Entry) -> None:
    for src, _exp in entry.pairs():
        original = parse_file_text(src.read_bytes().decode("utf-8"), str(src), strict=False)
        printed = print_file(original)
        reparsed = parse_file_text(printed, str(src), strict=False)
        assert print_file(reparsed) == printed, "printing is not idempotent"
        assert _canonical(reparsed) == _canonical(original), "the printed text means something else"


def _canonical(f: object) -> object:
    """The AST without layout: what `prisma format` may legitimately change."""
    from prisma_tools.layout import without_layout

    return without_layout(f)  # type: ignore[arg-type]


@pytest.mark.parametrize("entry", ENTRIES, ids=ids(ENTRIES))
def test_parsed_tree_validates(entry: Entry) -> None:
    """The parser builds nodes without validation; every one must still be valid.

    Validating the dumped tree rebuilds it with Pydantic's checks (types,
    discriminators, no unknown fields); it must give back the same tree, spans
    included.
    """
    for src, _exp in entry.pairs():
        text = src.read_bytes().decode("utf-8")
        tree = parse_file_text(text, str(src), strict=False)
        again = SchemaFile.model_validate(tree.model_dump())
        assert again == tree
        assert again.model_dump() == tree.model_dump()
        for node in tree.blocks:
            assert node.span is not None
            assert text[node.span.start.offset : node.span.end.offset]
            assert node.span.start == _position(text, node.span.start.offset)


def _position(text: str, offset: int) -> Position:
    """Line and column of ``offset``, counted directly (the span's line index is under test)."""
    line_start = text.rfind("\n", 0, offset) + 1
    return Position(line=text.count("\n", 0, offset) + 1, column=offset - line_start + 1, offset=offset)
