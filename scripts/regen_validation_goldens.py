#!/usr/bin/env python3
"""Regenerate Prisma's answers for the corpus schemas and their mutations (tests/validation/corpus/).

usage: python scripts/regen_validation_goldens.py [--only corpus|mutations] [--engines 6,7] [-j N] [--check]

For every schema of ../shared/corpus (a file, or a folder as one multi-file
schema) and each engine (``--engines``), asks ``prisma-oracle lint``
(Prisma's validator, WebAssembly) and writes ``<set>/<name>.lint<engine>.json``.
Then it draws the mutations (tests/mutations.py) of the schemas some engine
finds valid, asks the oracle for each mutated schema (written to a temporary
folder under the same relative paths) under the engine(s) that accept the
base schema, and writes ``mutations.json``: one line per mutation with its
recipe id, its edits, a digest of the file it edits, and Prisma's answers.
The mutations read the corpus answers: regenerate the corpus first.

Needs Node.js and ../shared/tools/prisma-oracle (or PRISMA_ORACLE); the tests
read only the committed files. ``--check`` writes nothing and exits 1 when a
committed answer is stale. Exit 2 when the oracle is missing or fails. After
a regeneration, rewrite the lists of known failures with
``python tests/test_validation_corpus.py --update``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO))

import mutations  # noqa: E402
from conftest import CORPUS  # noqa: E402
from validation_corpus_cases import (  # noqa: E402
    GOLDEN,
    MUTATIONS,
    CorpusSchema,
    corpus_schemas,
    dump_answer,
    keys_of,
    load_golden,
)

T = TypeVar("T")
R = TypeVar("R")


def oracle_path() -> Path:
    return Path(os.environ.get("PRISMA_ORACLE", REPO.parent / "shared" / "tools" / "prisma-oracle" / "prisma-oracle"))


def lint(oracle: Path, cwd: Path, files: Sequence[str], engine: int) -> list[dict[str, Any]]:
    """``prisma-oracle lint FILES`` run in ``cwd`` (so ``file_name`` is the given relative path)."""
    env = dict(os.environ, PRISMA_ORACLE_VERSION=str(engine))
    proc = subprocess.run([str(oracle), "lint", *files], cwd=cwd, env=env, capture_output=True, check=False, text=True)
    try:
        answer: list[dict[str, Any]] = json.loads(proc.stdout)
    except ValueError:
        raise RuntimeError(f"oracle failed on {files[0]} (engine {engine}): {proc.stdout}{proc.stderr}") from None
    return answer


def pmap(fn: Callable[[T], R], items: Sequence[T], jobs: int) -> list[R]:
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(fn, items))


def write_if_changed(path: Path, text: str, check: bool, stale: list[str]) -> None:
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    stale.append(str(path.relative_to(REPO)))
    if not check:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def regen_corpus(oracle: Path, engines: list[int], jobs: int, check: bool, stale: list[str]) -> None:
    schemas = corpus_schemas()
    tasks = [(s, e) for s in schemas for e in engines]

    def run(task: tuple[CorpusSchema, int]) -> str:
        s, e = task
        return dump_answer(lint(oracle, CORPUS / s.set, s.rel_files, e))

    for (s, e), text in zip(tasks, pmap(run, tasks, jobs), strict=True):
        write_if_changed(s.golden(e), text, check, stale)
    wanted = {s.golden(e) for s, e in tasks}
    for path in sorted(GOLDEN.glob("*/*.lint[67].json")):
        if path not in wanted and int(path.name[-6]) in engines:
            stale.append(f"orphan {path.relative_to(REPO)}")
            if not check:
                path.unlink()


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def valid_engines(schema: CorpusSchema) -> list[int]:
    """The engines under which Prisma finds ``schema`` valid (no error; warnings allowed)."""
    return [e for e in (6, 7) if not any(not warn for *_, warn in load_golden(schema.golden(e)))]


def regen_mutations(oracle: Path, jobs: int, check: bool, stale: list[str]) -> None:
    """Mutations of the schemas valid under some engine, each judged by the engines that accept its base.

    (Under the other engine the base schema's own configuration error would hide most
    of what the mutation breaks: Prisma runs its validations only on error-free schemas.)
    """
    schemas = {s.id: s for s in corpus_schemas()}
    engines = {sid: valid_engines(s) for sid, s in schemas.items()}
    recipes = mutations.draw([s for sid, s in schemas.items() if engines[sid]])
    # most valid schemas are valid under engine 6 only: a few more mutations of those engine 7 accepts
    v7 = [s for sid, s in schemas.items() if 7 in engines[sid]]
    recipes += mutations.draw(v7, mutations.PER_KIND_7, tuple(recipes))

    def run(recipe: mutations.Recipe) -> mutations.Recipe:
        s = schemas[recipe.schema]
        texts = s.texts()
        mutated = recipe.apply(texts)
        with tempfile.TemporaryDirectory() as tmp:
            for rel, text in mutated.items():
                path = Path(tmp) / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(text.encode("utf-8"))
            answers = {e: keys_of(lint(oracle, Path(tmp), s.rel_files, e)) for e in engines[recipe.schema]}
        return replace(recipe, sha=digest(texts[recipe.file]), answers=answers)

    done = pmap(run, recipes, jobs)
    rows = [json.dumps(r.as_json(), ensure_ascii=False, separators=(",", ":")) for r in done]
    write_if_changed(MUTATIONS, "[\n" + ",\n".join(rows) + "\n]\n", check, stale)
    per_engine = {e: sum(e in r.answers for r in done) for e in (6, 7)}
    print(
        f"{len(done)} mutations of {len({r.schema for r in done})} schemas, {len({r.kind for r in done})} kinds;"
        f" judged by engine 6: {per_engine[6]}, engine 7: {per_engine[7]}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=["corpus", "mutations"])
    ap.add_argument("--engines", default="6,7")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 4)
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if anything is stale")
    a = ap.parse_args(argv)
    oracle = oracle_path()
    if not oracle.exists():
        print(f"oracle not found at {oracle} (set PRISMA_ORACLE)", file=sys.stderr)
        return 2
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    engines = [int(e) for e in a.engines.split(",")]
    stale: list[str] = []
    try:
        if a.only in (None, "corpus"):
            regen_corpus(oracle, engines, a.jobs, a.check, stale)
        if a.only in (None, "mutations"):
            regen_mutations(oracle, a.jobs, a.check, stale)
    except RuntimeError as e:
        print(e, file=sys.stderr)
        return 2
    for s in stale:
        print(("stale: " if a.check else "wrote: ") + s)
    return 1 if a.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
