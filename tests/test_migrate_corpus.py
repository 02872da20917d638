"""Migration SQL over ../shared/corpus, against Prisma's own engine (committed golden files).

* every PostgreSQL schema of the corpus that Prisma 6 validates, from an empty database;
* additive diffs derived from them (a model, fields, indexes, ``@unique``s or enum
  values removed from FROM; see tests/migrate_corpus.py);
* the EdPsych acceptance case: the migration stored in the EdPsych repository.

The expected SQL is what ``prisma-oracle sql`` printed for the same pair
(``scripts/regen_migrate_goldens.py`` writes it); Node is not needed here.
"""

from __future__ import annotations

import json
from functools import cache

import pytest
from conftest import CORPUS, FIXTURES, require_shared
from migrate_corpus import EDPSYCH_MIGRATION, Removal, edpsych_from_to, postgres_entries, remove

from prisma_tools import load, parse
from prisma_tools.migrate import Database, build, diff, diff_sql, render_script
from prisma_tools.nodes import Schema

pytestmark = pytest.mark.corpus

GOLDEN = FIXTURES / "migrate" / "corpus"
CASES = json.loads((GOLDEN / "cases.json").read_text(encoding="utf-8"))


def _case_id(case: dict[str, object]) -> str:
    return str(case["sql"])[: -len(".sql")]


@cache
def _schema(entry: str) -> Schema:
    path = CORPUS / entry
    require_shared(path, "corpus schema")
    return load(path)


@cache
def _database(entry: str) -> Database:
    return build(_schema(entry))


def test_cases_cover_every_validated_postgresql_schema() -> None:
    require_shared(CORPUS / "realworld" / "MANIFEST.tsv", "corpus manifest")
    entries = {e.id for e in postgres_entries(CORPUS)}
    assert entries == {c["entry"] for c in CASES if c["removals"] is None}
    assert len(entries) >= 25


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_corpus_migration_matches_prisma(case: dict[str, object]) -> None:
    entry = str(case["entry"])
    expected = (GOLDEN / str(case["sql"])).read_text(encoding="utf-8")
    removals = case["removals"]
    if removals is None:
        old = None
    else:
        assert isinstance(removals, list)
        old = build(remove(_schema(entry), [Removal(kind, target) for kind, target in removals]))
    assert render_script(diff(old, _database(entry))) == expected


def _edpsych() -> tuple[Schema, Schema]:
    path = CORPUS / "edpsych" / "schema.prisma.backup.fix"
    require_shared(path, "EdPsych schema")
    from_text, to_text = edpsych_from_to(path.read_bytes().decode("utf-8"))
    return parse(from_text, "FROM.prisma"), parse(to_text, "TO.prisma")


def test_edpsych_migration_is_the_one_in_the_repository() -> None:
    """Acceptance: the stored migration (CRLF -> LF, with a final newline), byte for byte."""
    migration = CORPUS / EDPSYCH_MIGRATION
    require_shared(migration, "EdPsych migration")
    from_schema, to_schema = _edpsych()
    stored = migration.read_bytes().decode("utf-8").replace("\r\n", "\n") + "\n"
    ours = diff_sql(from_schema, to_schema)
    assert ours == stored
    assert ours == (GOLDEN / "edpsych-acceptance.sql").read_text(encoding="utf-8")
    assert ours.count("-- CreateTable\n") == 15


def test_edpsych_to_from_empty_equals_from_plus_migration() -> None:
    """Building TO directly creates what FROM plus the migration creates (as sets of statements)."""
    from_schema, to_schema = _edpsych()

    def sections(script: str) -> set[str]:
        return set(script.strip("\n").split("\n\n"))

    combined = sections(diff_sql(None, from_schema)) | sections(diff_sql(from_schema, to_schema))
    assert sections(diff_sql(None, to_schema)) == combined


def test_golden_files_are_all_listed() -> None:
    listed = {str(c["sql"]) for c in CASES}
    on_disk = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.sql") if p.parent != GOLDEN}
    assert on_disk == listed
