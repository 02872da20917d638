"""Golden tests: the printer writes exactly what ``prisma format`` writes.

Each ``tests/fixtures/format/NAME.input.prisma`` has a ``NAME.output.prisma``
holding Prisma's own output for it, byte for byte (``scripts/regen_goldens.py``
made it with the oracle; these tests need only the committed files). Files are
read as bytes, so line endings are compared as they are.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES

from prisma_tools.parser import parse_file_text
from prisma_tools.printer import print_file

FORMAT = FIXTURES / "format"
INPUT = ".input.prisma"
OUTPUT = ".output.prisma"
NOT_IDEMPOTENT_FILE = FORMAT / "NOT_IDEMPOTENT.txt"


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")  # never universal newlines: CR and CRLF matter


def _fmt(text: str) -> str:
    return print_file(parse_file_text(text, strict=False))


CASES = sorted(p.name[: -len(INPUT)] for p in FORMAT.glob("*" + INPUT))
NOT_IDEMPOTENT = frozenset(
    line.strip() for line in _read(NOT_IDEMPOTENT_FILE).splitlines() if line.strip() and not line.startswith("#")
)


def test_fixtures_are_complete() -> None:
    assert len(CASES) >= 60
    missing = [name for name in CASES if not (FORMAT / (name + OUTPUT)).is_file()]
    assert not missing, f"inputs without an output (run scripts/regen_goldens.py): {missing}"
    orphans = sorted(p.name for p in FORMAT.glob("*" + OUTPUT) if p.name[: -len(OUTPUT)] not in CASES)
    assert not orphans, f"outputs without an input: {orphans}"
    unknown = sorted(NOT_IDEMPOTENT - set(CASES))
    assert not unknown, f"unknown cases in {NOT_IDEMPOTENT_FILE.name}: {unknown}"


@pytest.mark.parametrize("name", CASES)
def test_prints_as_prisma_format(name: str) -> None:
    source = _read(FORMAT / (name + INPUT))
    expected = _read(FORMAT / (name + OUTPUT))
    assert _fmt(source) == expected


@pytest.mark.parametrize("name", CASES)
def test_formatting_the_output_again_keeps_it(name: str) -> None:
    if name in NOT_IDEMPOTENT:
        pytest.skip("prisma format itself changes this output when run on it again (NOT_IDEMPOTENT.txt)")
    expected = _read(FORMAT / (name + OUTPUT))
    assert _fmt(expected) == expected
