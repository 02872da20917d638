"""`fix --unsafe-fixes` on the mutation corpus: the mutations a rule's fix made valid, Prisma
accepted as they are fixed today (digests in tests/fixtures/fixes/MUTATIONS.json, written with
Prisma's verdicts by scripts/fix_mutations.py --write)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CORPUS, require_shared
from fix_cases import files_digest
from mutations import load_recipes
from validation_corpus_cases import corpus_schemas

from prisma_tools import registry
from prisma_tools.autofix import fix_schema, parse_texts
from prisma_tools.printer import print_file

ACCEPTED = json.loads((Path(__file__).resolve().parent / "fixtures" / "fixes" / "MUTATIONS.json").read_text())


def test_fixed_mutations_are_what_prisma_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    require_shared(CORPUS, "the schema corpus")
    monkeypatch.setattr(registry, "_STRICT", True)
    schemas = {s.id: s for s in corpus_schemas()}
    recipes = {r.id: r for r in load_recipes()}
    changed = []
    for recipe_id, expected in ACCEPTED.items():
        recipe = recipes[recipe_id]
        texts = recipe.apply(schemas[recipe.schema].texts())
        fixed, _ = fix_schema(parse_texts(texts), unsafe=True)
        if files_digest({f.path: print_file(f) for f in fixed.files}) != expected:
            changed.append(recipe_id)
    assert changed == [], "fix output changed: rerun scripts/fix_mutations.py --write (it asks Prisma)"
    assert len(ACCEPTED) >= 90
