"""CockroachDB migrations over ../shared/corpus, against Prisma's own engine (committed goldens).

The corpus's CockroachDB schemas and its PostgreSQL schemas switched to
``cockroachdb`` give pairs (tests/migrate_cockroach_cases.py): from empty, additions
and drops, and changes made and undone. The expected script and summary are what
``prisma-oracle sql`` printed (``scripts/regen_migrate_goldens.py --cockroach``).
There is no CockroachDB server here: the scripts are compared, not applied.
``python tests/test_migrate_cockroach.py`` prints the figure.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from conftest import CORPUS, FIXTURES, require_shared
from migrate_cockroach_cases import ADAPTED, from_to, switched

from prisma_tools import load, parse
from prisma_tools.migrate import UnsupportedSchema, diff_sql, diff_steps, render_script
from prisma_tools.migrate.steps import Step
from prisma_tools.migrate.summary import render_summary
from prisma_tools.nodes import Schema

GOLDEN = FIXTURES / "migrate" / "cockroach"
CASES: list[dict[str, object]] = json.loads((GOLDEN / "cases.json").read_text(encoding="utf-8"))
OWN = sorted(p for p in (FIXTURES / "migrate" / "cockroach_cases").iterdir() if p.is_dir())


def _case_id(case: dict[str, object]) -> str:
    return str(case["sql"])[: -len(".sql")]


@cache
def _schema(entry: str) -> Schema:
    path = CORPUS / entry.removesuffix(ADAPTED)
    require_shared(path, "corpus schema")
    return switched(path, adapted=entry.endswith(ADAPTED))


@cache
def _steps(case_id: str) -> list[Step] | str:
    """The steps of a case, or the error prisma-tools raised (a crash is a disagreement)."""
    case = next(c for c in CASES if _case_id(c) == case_id)
    try:
        return diff_steps(*from_to(_schema(str(case["entry"])), case))
    except Exception as e:
        return f"error: {type(e).__name__}: {e}"


def ours(case: dict[str, object], render: Callable[[list[Step]], str] = render_script) -> str:
    steps = _steps(_case_id(case))
    return steps if isinstance(steps, str) else render(steps)


def expected(case: dict[str, object], suffix: str = ".sql") -> str:
    return (GOLDEN / str(case["sql"])).with_suffix(suffix).read_text(encoding="utf-8")


@pytest.mark.corpus
@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_cockroach_migration_matches_prisma(case: dict[str, object]) -> None:
    assert ours(case) == expected(case)


@pytest.mark.corpus
@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_cockroach_summary_matches_prisma(case: dict[str, object]) -> None:
    assert ours(case, render_summary) == expected(case, ".summary")


def test_every_direction_is_covered() -> None:
    assert {str(c["direction"]) for c in CASES} == {"empty", "add", "drop", "change", "revert"}
    assert any(str(c["entry"]).startswith("realworld/maximemoreillon") for c in CASES)


def test_golden_files_are_all_listed() -> None:
    listed = {str(c["sql"]) for c in CASES}
    assert {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.sql")} == listed
    summaries = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.summary")}
    assert summaries == {s[: -len(".sql")] + ".summary" for s in listed}


@pytest.mark.parametrize("case", OWN, ids=lambda p: p.name)
def test_own_case_matches_prisma(case: Path) -> None:
    """Small schemas, one CockroachDB construct each (every type, sequences, casts, enums, keys...)."""
    from_path = case / "from.prisma"
    steps = diff_steps(load(from_path) if from_path.exists() else None, load(case / "to.prisma"))
    assert render_script(steps) == (case / "expected.sql").read_text(encoding="utf-8")
    assert render_summary(steps) == (case / "expected.summary").read_text(encoding="utf-8")


_DATASOURCE = 'datasource db {\n  provider = "cockroachdb"\n  url      = env("DATABASE_URL")\n}\n'


def test_postgres_native_type_is_refused_on_cockroach() -> None:
    schema = parse(_DATASOURCE + "model A {\n  id Int @id\n  s String @db.VarChar(3)\n}\n")
    with pytest.raises(UnsupportedSchema, match="not a CockroachDB type"):
        diff_sql(None, schema)


if __name__ == "__main__":
    failing = [
        _case_id(c) for c in CASES if (ours(c), ours(c, render_summary)) != (expected(c), expected(c, ".summary"))
    ]
    print(f"{len(CASES) - len(failing)} of {len(CASES)} CockroachDB cases identical to Prisma's engine")
    print("\n".join(failing))


def test_warnings_of_redefined_tables() -> None:
    """The engine's checks of a redefined table (its source; createMigration needs a database)."""
    from prisma_tools.migrate.destructive import migration_warnings

    case = FIXTURES / "migrate" / "cockroach_cases" / "alter_primary_key_and_redefine_tables"
    warnings = migration_warnings(diff_steps(load(case / "from.prisma"), load(case / "to.prisma")))
    assert warnings == [
        "The values [Z] on the enum `E` will be removed. If these variants are still used in the database,"
        " this will fail.",
        "You are about to alter the column `id` on the `B` table. The data in that column will be cast from `String`"
        " to `Int`. This cast may fail. Please make sure the data in the column can be cast.",
        "You are about to drop the column `id` on the `C` table. All the data in the column will be lost.",
        "A unique constraint covering the columns `[id]` on the table `A` will be added."
        " If there are existing duplicate values, this will fail.",
    ]
