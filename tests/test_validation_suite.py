"""Prisma's own validation test suite: `check` must report exactly what Prisma reports.

For each schema of ../shared/prisma-tests/validation, our diagnostics (byte
ranges, texts, severities) must equal Prisma's (``X.prisma.lint6.json`` /
``lint7.json``), except for the files listed in
``tests/validation/known-failures-<engine>.txt``: those must still disagree,
so that the list shrinks as agreement grows (regenerate it with
``scripts/validation_agreement.py --engine N --update``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SHARED, require_shared

from prisma_tools.validation.conformance import compare, load_answer, our_answer

SUITE = SHARED / "prisma-tests" / "validation"
HERE = Path(__file__).resolve().parent / "validation"


def _files() -> list[str]:
    if not SUITE.is_dir():
        return ["<missing>"]
    return sorted(
        str(p.relative_to(SUITE))
        for p in SUITE.rglob("*")
        if p.is_file() and not p.name.endswith((".json", ".tsv", ".md"))
    )


def _known(engine: int) -> set[str]:
    path = HERE / f"known-failures-{engine}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


@pytest.mark.parametrize("engine", [6, 7])
@pytest.mark.parametrize("rel", _files())
def test_agrees_with_prisma(rel: str, engine: int) -> None:
    require_shared(SUITE, "Prisma's validation suite")
    path = SUITE / rel
    theirs = load_answer(path.parent / f"{path.name}.lint{engine}.json")
    ours = our_answer([path], prisma_version=engine)
    missing, extra = compare(ours, theirs)
    if rel in _known(engine):
        assert missing or extra, f"{rel} now agrees with Prisma {engine}: remove it from known-failures-{engine}.txt"
        return
    assert not missing, f"missing: {missing}\nextra: {extra}"
    assert not extra, f"extra: {extra}"


def test_known_failures_are_suite_files() -> None:
    require_shared(SUITE, "Prisma's validation suite")
    files = set(_files())
    for engine in (6, 7):
        assert _known(engine) <= files
