"""SQLite migrations against Prisma's own engine (committed goldens), and applied to real SQLite databases.

The cases are those of ``tests/migrate_sqlite_corpus.py``: the corpus's SQLite
schemas and its PostgreSQL schemas made SQLite, from and to empty, additive cases
in both directions, changes made and undone. ``scripts/regen_migrate_goldens.py
--sqlite`` writes the engine's script (``.sql``) and summary (``.summary``) for each.

The apply test runs every golden script with Python's ``sqlite3`` on a database
built from FROM (``diff(empty, FROM)``) and compares the result with a database
built from TO directly: tables (columns by name with type, NOT NULL, default and
primary-key position; foreign keys; AUTOINCREMENT) and indexes (their SQL). A pair
whose FROM or TO cannot be built at all (a ``Json`` default, which the engine writes
unquoted, or a PostgreSQL function in ``dbgenerated``) is not applicable and counted
apart. ``python tests/test_migrate_sqlite.py`` prints both figures.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from functools import cache
from pathlib import Path

import pytest
from conftest import CORPUS, FIXTURES, require_shared
from migrate_sqlite_corpus import entries, from_to

from prisma_tools import load
from prisma_tools.migrate import diff_sql, diff_steps, render_script
from prisma_tools.migrate.sqlite import SqliteStep
from prisma_tools.migrate.steps import Step
from prisma_tools.migrate.summary import render_summary
from prisma_tools.nodes import Schema

pytestmark = pytest.mark.corpus

GOLDEN = FIXTURES / "migrate" / "sqlite"
CASES: list[dict[str, object]] = json.loads((GOLDEN / "cases.json").read_text(encoding="utf-8"))


def _case_id(case: dict[str, object]) -> str:
    return str(case["sql"])[: -len(".sql")]


@cache
def _full(entry_id: str) -> Schema:
    entry = next(e for e in entries(CORPUS) if e.id == entry_id)
    require_shared(entry.path, "corpus schema")
    return entry.schema()


def _pair(case: dict[str, object]) -> tuple[Schema | None, Schema | None]:
    return _pair_of(_case_id(case))


@cache
def _pair_of(case_id: str) -> tuple[Schema | None, Schema | None]:
    case = next(c for c in CASES if _case_id(c) == case_id)
    full = _full(str(case["entry"]))
    if case["direction"] == "empty":
        return None, full
    if case["direction"] == "to-empty":
        return full, None
    return from_to(full, case)


@cache
def _steps(case_id: str) -> list[Step] | list[SqliteStep]:
    return diff_steps(*_pair_of(case_id))


def ours(case: dict[str, object], summary: bool = False) -> str:
    steps = _steps(_case_id(case))
    return render_summary(steps) if summary else render_script(steps)


def expected(case: dict[str, object], suffix: str = ".sql") -> str:
    return (GOLDEN / str(case["sql"])).with_suffix(suffix).read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_sqlite_migration_matches_prisma(case: dict[str, object]) -> None:
    assert ours(case) == expected(case)


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_sqlite_summary_matches_prisma(case: dict[str, object]) -> None:
    assert ours(case, summary=True) == expected(case, ".summary")


def test_every_direction_and_kind_is_covered() -> None:
    assert {str(c["direction"]) for c in CASES} == {"empty", "to-empty", "drop", "add", "change", "revert"}
    kinds = {kind for c in CASES for kind, _ in c.get("changes", [])}  # type: ignore[attr-defined]
    assert {"optional", "type", "default", "action", "map", "tablemap", "pk", "indexmap", "indexsort"} <= kinds
    assert {str(c["entry"]).split("/")[0] for c in CASES} == {"native", "converted"}
    assert len(CASES) >= 1500


def test_golden_files_are_all_listed() -> None:
    listed = {str(c["sql"]) for c in CASES}
    assert {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.sql")} == listed
    summaries = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.summary")}
    assert summaries == {s[: -len(".sql")] + ".summary" for s in listed}


# ------------------------------------------------------------------ applied to SQLite


def _catalog(db: sqlite3.Connection) -> dict[str, object]:
    """What a SQLite database has, independent of how it got there (column order, statement text)."""
    out: dict[str, object] = {}
    rows = db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall()
    for kind, name, table, sql in rows:
        if kind == "index":
            out[f"index {name}"] = (table, sql)
            continue
        quoted = '"' + name.replace('"', '""') + '"'
        columns = {r[1]: r[2:] for r in db.execute(f"PRAGMA table_info({quoted})")}
        fks = sorted(tuple(r[2:]) for r in db.execute(f"PRAGMA foreign_key_list({quoted})"))
        out[f"table {name}"] = (columns, fks, "AUTOINCREMENT" in (sql or ""))
    return out


_CREATED: dict[int, str] = {}


def _creation(schema: Schema | None) -> str:
    """The script creating ``schema`` from empty (kept per schema object: an entry's is reused by its pairs)."""
    if schema is None:
        return ""
    if id(schema) not in _CREATED:
        _CREATED[id(schema)] = diff_sql(None, schema)
    return _CREATED[id(schema)]


def _built(script: str) -> sqlite3.Connection | None:
    db = sqlite3.connect(":memory:")
    try:
        db.executescript(script)
    except sqlite3.Error:
        db.close()
        return None
    return db


def apply_case(case: dict[str, object]) -> str:
    """``ok``, ``not applicable`` (FROM or TO cannot be built) or what differs."""
    old, new = _pair(case)
    before, after = _built(_creation(old)), _built(_creation(new))
    if before is None or after is None:
        return "not applicable"
    try:
        before.executescript(expected(case))
    except sqlite3.Error as e:
        return f"the script fails: {e}"
    ours, theirs = _catalog(before), _catalog(after)
    if ours == theirs:
        return "ok"
    differing = sorted(k for k in ours.keys() | theirs.keys() if ours.get(k) != theirs.get(k))
    return f"differs: {', '.join(differing[:5])}"


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_sqlite_script_applies(case: dict[str, object]) -> None:
    outcome = apply_case(case)
    if outcome == "not applicable":
        pytest.skip("FROM or TO cannot be created on SQLite (a Json default or a PostgreSQL function)")
    assert outcome == "ok"


OWN = sorted(
    p
    for p in (FIXTURES / "migrate" / "cases").iterdir()
    if p.name.startswith("sqlite_") and (p / "from.prisma").exists()
)


@pytest.mark.parametrize("case", OWN, ids=lambda p: p.name)
def test_own_sqlite_script_applies(case: Path) -> None:
    old, new = load(case / "from.prisma"), load(case / "to.prisma")
    before, after = _built(diff_sql(None, old)), _built(diff_sql(None, new))
    assert before is not None
    assert after is not None
    before.executescript((case / "expected.sql").read_text(encoding="utf-8"))
    assert _catalog(before) == _catalog(after)


if __name__ == "__main__":
    scripts = sum(ours(c) == expected(c) for c in CASES)
    summaries = sum(ours(c, summary=True) == expected(c, ".summary") for c in CASES)
    print(f"{scripts} of {len(CASES)} SQLite scripts and {summaries} summaries identical to Prisma's engine")
    outcomes: dict[str, list[str]] = {}
    for c in CASES:
        outcomes.setdefault(apply_case(c).split(":")[0], []).append(_case_id(c))
    for outcome, ids in sorted(outcomes.items()):
        print(f"applied: {outcome}: {len(ids)}")
        if outcome not in ("ok", "not applicable") or "-v" in sys.argv:
            print("\n".join(f"  {i}" for i in ids[:20]))
