"""Real-world schemas and their mutations: `check` must report exactly what Prisma reports.

(a) Every schema of ../shared/corpus, (b) every mutation of ``tests/mutations.py``
(a recipe applied to a valid corpus schema): our diagnostics must equal
Prisma's, committed in ``tests/validation/corpus/`` by
``scripts/regen_validation_goldens.py`` (the oracle is never run here).
Two lists per group and engine, in the style of the suite's known failures,
name the exceptions; each listed schema must still fail, so the lists shrink:
``known-failures-<group>-<engine>.txt`` (any disagreement) and
``false-errors-<group>-<engine>.txt`` (the stricter check: Prisma reports no
error, yet we report one).

Script mode prints the agreement, the first differences and the differences
grouped by message, and ``--update`` rewrites the lists::

    python tests/test_validation_corpus.py [--engine 6|7] [--group corpus|mutations] [--show N] [--update]
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

if __name__ == "__main__":
    sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]

import pytest
from conftest import CORPUS, require_shared
from mutations import Recipe, load_recipes
from validation_corpus_cases import (
    ENGINES,
    GROUPS,
    MUTATIONS,
    CorpusSchema,
    Verdict,
    corpus_schemas,
    judge,
    list_path,
    load_golden,
    our_keys,
    read_list,
    summarize,
    write_list,
)

from prisma_tools.validation.conformance import Key


@cache
def _schemas() -> dict[str, CorpusSchema]:
    return {s.id: s for s in corpus_schemas()}


@cache
def _texts(schema_id: str) -> dict[str, str]:
    return _schemas()[schema_id].texts()


@cache
def _listed(kind: str, group: str, engine: int) -> frozenset[str]:
    return frozenset(read_list(list_path(kind, group, engine)))


@cache
def _recipes() -> dict[str, Recipe]:
    return {r.id: r for r in load_recipes()}


def evaluate(group: str, item: str, engine: int) -> tuple[list[Key], list[Key]]:
    """``(ours, theirs)`` for a corpus schema or a mutation id."""
    if group == "corpus":
        schema = _schemas()[item]
        return our_keys(_texts(item), engine), load_golden(schema.golden(engine))
    recipe = _recipes()[item]
    texts = recipe.apply(_texts(recipe.schema), check_digest=True)
    return our_keys(texts, engine), recipe.answer(engine)


def items(group: str, engine: int | None = None) -> list[str]:
    """Corpus schemas, or the mutations Prisma judged under ``engine`` (any engine when None)."""
    if group == "corpus":
        return sorted(_schemas())
    return [r.id for r in _recipes().values() if engine is None or engine in r.answers]


def _params(group: str) -> list[tuple[str, int]]:
    if not CORPUS.is_dir() or (group == "mutations" and not MUTATIONS.exists()):
        return [("<missing>", 6)]
    return [(item, e) for e in ENGINES for item in items(group, e)]


def _check(group: str, item: str, engine: int) -> None:
    require_shared(CORPUS, "The corpus of real-world schemas")
    if group == "mutations" and not MUTATIONS.exists():
        pytest.fail(f"{MUTATIONS} is missing: run scripts/regen_validation_goldens.py")
    verdict = judge(*evaluate(group, item, engine))
    known = _listed("known-failures", group, engine)
    false_errors = _listed("false-errors", group, engine)
    if item in false_errors:
        assert verdict.false_error, (
            f"{item}: no more false error: remove it from {list_path('false-errors', group, engine).name}"
        )
    else:
        assert not verdict.false_error, f"Prisma finds {item} valid, we report errors: {verdict.extra}"
    if item in known:
        assert not verdict.agrees, (
            f"{item} now agrees with Prisma {engine}: remove it from {list_path('known-failures', group, engine).name}"
        )
        return
    assert verdict.agrees, f"missing: {verdict.missing}\nextra: {verdict.extra}"


@pytest.mark.parametrize(("item", "engine"), _params("corpus"))
def test_corpus_agrees_with_prisma(item: str, engine: int) -> None:
    _check("corpus", item, engine)


@pytest.mark.parametrize(("item", "engine"), _params("mutations"))
def test_mutation_agrees_with_prisma(item: str, engine: int) -> None:
    _check("mutations", item, engine)


def test_lists_name_existing_items() -> None:
    require_shared(CORPUS, "The corpus of real-world schemas")
    for group in GROUPS:
        known = set(items(group))
        for engine in ENGINES:
            for kind in ("known-failures", "false-errors"):
                stray = read_list(list_path(kind, group, engine)) - known
                assert not stray, f"{list_path(kind, group, engine).name} names unknown items: {sorted(stray)}"


def test_mutations_are_reproducible() -> None:
    """The generator still draws exactly the committed edits for every recipe (deterministic targets)."""
    require_shared(CORPUS, "The corpus of real-world schemas")
    for recipe in _recipes().values():
        assert recipe.redraw(_texts(recipe.schema)) == recipe.edits, f"{recipe.id}: the generator draws other edits"


# ------------------------------------------------------------------ script mode


def _report(group: str, engine: int, show: int, update: bool) -> None:
    names = items(group, engine)
    failing: list[str] = []
    false_errors: list[str] = []
    diffs: list[tuple[str, Key]] = []
    crashes = shown = 0
    for item in names:
        ours, theirs = evaluate(group, item, engine)
        v: Verdict = judge(ours, theirs)
        if v.false_error:
            false_errors.append(item)
        if v.agrees:
            continue
        failing.append(item)
        crashes += any(k[0] == "<crash>" for k in ours)
        diffs += [("missing", k) for k in v.missing] + [("extra", k) for k in v.extra]
        if shown < show:
            shown += 1
            print(f"--- {item}")
            for tag, ks in (("missing", v.missing), ("extra  ", v.extra)):
                for f, s, e, text, warn in ks[:6]:
                    print(f"  {tag} {f}:{s}-{e} {'warning' if warn else 'error'}: {text[:200]}")
    print(
        f"== {group} (engine {engine}): {len(names) - len(failing)}/{len(names)} agree; "
        f"{len(false_errors)} false errors on valid schemas; {crashes} crashes"
    )
    for n, tag, template in summarize(diffs)[:25]:
        print(f"  {n:4d} {tag:7s} {template}")
    if group == "mutations":  # which mistakes `check` already catches as Prisma does
        kinds: dict[str, list[int]] = {}
        for item in names:
            kinds.setdefault(_recipes()[item].kind, [0, 0])[item in failing] += 1
        print("  by kind (agree/total): " + ", ".join(f"{k} {a}/{a + f}" for k, (a, f) in sorted(kinds.items())))
    if update:
        write_list("known-failures", group, engine, failing)
        write_list("false-errors", group, engine, false_errors)


def main() -> int:
    import argparse

    ap = argparse.ArgumentParser(description="agreement of `check` with Prisma on the corpus and its mutations")
    ap.add_argument("--engine", type=int, choices=ENGINES, action="append")
    ap.add_argument("--group", choices=GROUPS, action="append")
    ap.add_argument("--show", type=int, default=5)
    ap.add_argument("--update", action="store_true", help="rewrite the known-failures and false-errors lists")
    a = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    for group in a.group or GROUPS:
        for engine in a.engine or ENGINES:
            _report(group, engine, a.show, a.update)
    return 0


if __name__ == "__main__":
    sys.exit(main())
