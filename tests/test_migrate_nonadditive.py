"""Non-additive migrations over ../shared/corpus, against Prisma's own engine (committed goldens).

Every valid PostgreSQL corpus schema gives pairs in both directions (see
tests/migrate_changes.py): each additive case reversed (models, fields, indexes,
``@unique``s, enum values dropped), and changes (nullability, types, native types,
defaults, referential actions, ``@map``/``@@map``, primary keys, index names and sort
orders, enum names) made and undone. The expected SQL is what ``prisma-oracle sql``
printed (``scripts/regen_migrate_goldens.py`` writes it), and its summary
(``--summary``, what ``migrate diff`` prints without ``--script``). Cases listed in
``known-failures.txt`` are expected to differ; the test fails when one of them starts
to agree, so the list only shrinks. ``python tests/test_migrate_nonadditive.py``
prints the figure.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import cache

import pytest
from conftest import CORPUS, FIXTURES, require_shared
from migrate_changes import Change, apply_all
from migrate_corpus import Removal, remove

from prisma_tools import load
from prisma_tools.migrate import diff_steps, render_script
from prisma_tools.migrate.steps import Step
from prisma_tools.migrate.summary import render_summary
from prisma_tools.nodes import Schema

pytestmark = pytest.mark.corpus

GOLDEN = FIXTURES / "migrate" / "nonadditive"
CASES: list[dict[str, object]] = json.loads((GOLDEN / "cases.json").read_text(encoding="utf-8"))
KNOWN_FAILURES = {
    line.strip()
    for line in (GOLDEN / "known-failures.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}


def _case_id(case: dict[str, object]) -> str:
    return str(case["sql"])[: -len(".sql")]


@cache
def _schema(entry: str) -> Schema:
    path = CORPUS / entry
    require_shared(path, "corpus schema")
    return load(path)


def from_to(case: dict[str, object]) -> tuple[Schema, Schema]:
    full = _schema(str(case["entry"]))
    if case["direction"] == "drop":
        removals = case["removals"]
        assert isinstance(removals, list)
        return full, remove(full, [Removal(kind, target) for kind, target in removals])
    changes = case["changes"]
    assert isinstance(changes, list)
    changed = apply_all(full, [Change(kind, target) for kind, target in changes])
    return (full, changed) if case["direction"] == "change" else (changed, full)


@cache
def _steps(case_id: str) -> list[Step] | str:
    """The steps of a case, or the error prisma-tools raised (a crash is a disagreement)."""
    case = next(c for c in CASES if _case_id(c) == case_id)
    try:
        return diff_steps(*from_to(case))
    except Exception as e:
        return f"error: {type(e).__name__}: {e}"


def ours(case: dict[str, object], render: Callable[[list[Step]], str] = render_script) -> str:
    steps = _steps(_case_id(case))
    return steps if isinstance(steps, str) else render(steps)


def expected(case: dict[str, object], suffix: str = ".sql") -> str:
    return (GOLDEN / str(case["sql"])).with_suffix(suffix).read_text(encoding="utf-8")


def _check(case: dict[str, object], agrees: bool) -> None:
    if _case_id(case) in KNOWN_FAILURES:
        assert not agrees, f"{_case_id(case)} agrees with Prisma now: remove it from known-failures.txt"
    else:
        assert agrees


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_nonadditive_migration_matches_prisma(case: dict[str, object]) -> None:
    _check(case, ours(case) == expected(case))


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_nonadditive_summary_matches_prisma(case: dict[str, object]) -> None:
    """The same pair without ``--script``: the engine's summary (``*.summary``)."""
    _check(case, ours(case, render_summary) == expected(case, ".summary"))


def test_every_direction_and_kind_is_covered() -> None:
    directions = {str(c["direction"]) for c in CASES}
    assert directions == {"drop", "change", "revert"}
    kinds = {kind for c in CASES for kind, _ in c.get("changes", [])}  # type: ignore[attr-defined]
    assert {"optional", "type", "native", "default", "action", "map", "tablemap", "pk", "enummap"} <= kinds
    assert len(CASES) >= 1000


def test_golden_files_are_all_listed() -> None:
    listed = {str(c["sql"]) for c in CASES}
    on_disk = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.sql")}
    assert on_disk == listed
    summaries = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.summary")}
    assert summaries == {s[: -len(".sql")] + ".summary" for s in listed}
    assert {_case_id(c) for c in CASES} >= KNOWN_FAILURES


if __name__ == "__main__":
    failing = [
        _case_id(c) for c in CASES if (ours(c), ours(c, render_summary)) != (expected(c), expected(c, ".summary"))
    ]
    print(f"{len(CASES) - len(failing)} of {len(CASES)} non-additive cases identical to Prisma's engine")
    if "--update" in sys.argv:
        text = "# cases whose SQL differs from Prisma's (tests/test_migrate_nonadditive.py --update)\n"
        (GOLDEN / "known-failures.txt").write_text(text + "".join(f"{f}\n" for f in failing), encoding="utf-8")
    else:
        print("\n".join(failing))
