"""Rename every model and up to 50 fields of every valid realworld corpus schema, and ask Prisma about each result.

For each rename of ``tests/rename_cases.py`` (the same renames the test suite
checks natively), with ``--keep-db-name`` semantics:

* ``prisma-oracle validate`` must accept the renamed schema;
* the database must not change: ``prisma-oracle sql BEFORE AFTER`` must be an
  empty migration (PostgreSQL, CockroachDB, SQLite: the providers the oracle's
  SQL engine has), else the DMMF's database names (``dbName`` of models, enums,
  fields and values) must be the same before and after;
* renaming back must give the original text byte for byte (no oracle needed).

The renames are made natively first; then every question to Prisma goes, as one
list, to ``--jobs`` Node processes of ``scripts/oracle_batch.js`` (each engine
compiled once per process instead of once per question).

Usage::

    python scripts/rename_corpus.py [--fields 50] [--jobs 2] [--only SUBSTRING] [--out results.tsv]

Prints one line per failure and the figures at the end.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from conftest import ORACLE  # noqa: E402
from rename_cases import Entry, Rename, renames, valid_entries  # noqa: E402

from prisma_tools.edit.rename import RenameError, rename  # noqa: E402
from prisma_tools.files import load  # noqa: E402
from prisma_tools.resolve import source_texts  # noqa: E402

SQL_PROVIDERS = {"postgresql", "postgres", "cockroachdb", "sqlite"}
EMPTY = "-- This is an empty migration."
SELF_MAP = "rename back drops a self-map written where a rename writes one"


def _batch(jobs: list[dict[str, object]], processes: int, size: int = 100) -> list[dict[str, str]]:
    """Answers to ``jobs`` in order: scripts/oracle_batch.js over slices of ``size`` jobs, ``processes`` at once.

    A run that dies (the engines' memory only grows) is retried in slices of ten, then job by job.
    """

    def run(chunk: list[dict[str, object]]) -> list[dict[str, str]]:
        out = subprocess.run(
            ["node", str(REPO / "scripts" / "oracle_batch.js"), str(ORACLE.parent)],
            input=json.dumps(chunk),
            capture_output=True,
            text=True,
            check=False,
        )
        answers = [json.loads(line) for line in out.stdout.splitlines()]
        if out.returncode == 0 and len(answers) == len(chunk):
            return answers
        if len(chunk) == 1:
            return [{"error": f"oracle_batch.js died ({out.returncode}): {out.stderr.strip()[-300:]}"}]
        smaller = max(1, len(chunk) // 10)
        return [a for i in range(0, len(chunk), smaller) for a in run(chunk[i : i + smaller])]

    chunks = [jobs[i : i + size] for i in range(0, len(jobs), size)]
    with ThreadPoolExecutor(max(1, processes)) as pool:
        return [a for answers in pool.map(run, chunks) for a in answers]


def _write(texts: dict[str, str], base: Path, into: Path) -> list[str]:
    """Write the files of a schema below ``into`` (paths relative to the entry), returning their paths."""
    out = []
    for path, text in texts.items():
        rel = Path(path).relative_to(base) if base.is_dir() else Path(Path(path).name)
        target = into / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        out.append(str(target))
    return sorted(out)


def _db_names(dmmf_json: str) -> object:
    """What the database sees in a DMMF: models, enums, fields and values by their database names."""
    dm = json.loads(dmmf_json)["datamodel"]
    models = sorted(
        (
            m.get("dbName") or m["name"],
            sorted(f.get("dbName") or f["name"] for f in m["fields"] if f["kind"] != "object"),
        )
        for m in dm["models"]
    )
    enums = sorted(
        (e.get("dbName") or e["name"], sorted(v.get("dbName") or v["name"] for v in e["values"])) for e in dm["enums"]
    )
    return models, enums


def _prepare(entry: Entry, r: Rename, tmp: Path) -> tuple[str, list[str], list[str]] | tuple[str, str]:
    """The rename and the rename back, in this thread (the library is not made for threads).

    Returns ``(work folder, renamed files, problems)``, or ``("refused", why)``.
    """
    schema = load(entry.path)
    sources = source_texts(schema) or {}
    try:
        result = rename(schema, r.target, r.new_name)
    except RenameError as e:
        return "refused", str(e)
    back = rename(result.schema, r.back.target, r.back.new_name, sources=result.texts, check=False)
    problems = []
    if back.texts != sources:
        # the one text no rename can restore: the original mapped the item to its own name where a
        # rename writes the map, so the unmapped original renames to the same text (see edit/rename.py)
        again = rename(back.schema, r.target, r.new_name, sources=back.texts, check=False)
        ambiguous = again.texts == result.texts and [c.drops_map for c in back.changes].count(True) == 1
        problems.append(SELF_MAP if ambiguous else "rename back differs from the original")
    work = Path(tempfile.mkdtemp(dir=tmp))
    return str(work), _write(result.texts, entry.path, work), problems


def _judge(entry: Entry, answers: list[dict[str, str]], before_names: object | None) -> list[str]:
    """What Prisma's answers (validate, then sql or dmmf) say about one renamed schema."""
    v, d = answers
    if v.get("stdout") != "VALID":
        return ["oracle rejects: " + v.get("error", "").strip().replace("\n", " ")[:300]]
    if "error" in d:
        return ["oracle failed: " + d["error"].strip()[:200]]
    if entry.provider in SQL_PROVIDERS:
        if d["stdout"].strip() not in ("", EMPTY):
            return ["sql not empty: " + d["stdout"].strip().replace("\n", " ")[:300]]
        return []
    if _db_names(d["stdout"]) != before_names:
        return ["database names differ in the DMMF"]
    return []


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fields", type=int, default=50)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", default="")
    ap.add_argument("--out", default="")
    args = ap.parse_args()
    if not ORACLE.exists():
        print(f"no oracle at {ORACLE}", file=sys.stderr)
        return 2
    started = time.time()
    rows: list[tuple[str, str, str, str]] = []
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        plans: list[tuple[Entry, list[Rename], list[tuple[str, list[str], list[str]] | tuple[str, str]], int]] = []
        jobs: list[dict[str, object]] = []
        for entry in valid_entries():
            if args.only not in entry.name:
                continue
            schema = load(entry.path)
            plan = renames(schema, entry.name, args.fields)
            first_job = len(jobs)
            if entry.provider not in SQL_PROVIDERS:  # the database names before, from the DMMF
                jobs.append({"cmd": "dmmf", "files": _write(source_texts(schema) or {}, entry.path, tmp / "0")})
            prepared = [_prepare(entry, r, tmp) for r in plan]
            for p in prepared:
                if len(p) == 3:
                    jobs.append({"cmd": "validate", "files": p[1]})
                    after = p[0] if entry.path.is_dir() else p[1][0]
                    if entry.provider in SQL_PROVIDERS:
                        jobs.append({"from": str(entry.path), "to": after})
                    else:
                        jobs.append({"cmd": "dmmf", "files": p[1]})
            plans.append((entry, plan, prepared, first_job))
            print(f"# {entry.name}: {len(plan)} renames made, {time.time() - started:.0f}s", flush=True)
        answers = _batch(jobs, args.jobs)
        print(f"# {len(jobs)} questions answered by Prisma, {time.time() - started:.0f}s", flush=True)
        for entry, plan, prepared, at in plans:
            before_names = None
            if entry.provider not in SQL_PROVIDERS:
                before_names = _db_names(answers[at]["stdout"])
                at += 1
            results: list[tuple[str, str]] = []
            for p in prepared:
                if len(p) == 2:
                    results.append(("refused", str(p[1])))
                    continue
                problems = [*p[2], *_judge(entry, answers[at : at + 2], before_names)]
                at += 2
                results.append(("fail", "; ".join(problems)) if problems else ("ok", ""))
            for r, (status, why) in zip(plan, results, strict=True):
                rows.append((entry.name, f"{r.target}->{r.new_name}", status, why))
                if status != "ok":
                    print(f"{status}: {entry.name}: {r.target} -> {r.new_name}: {why}", flush=True)
            ok = sum(1 for s, _ in results if s == "ok")
            print(f"# {entry.name} ({entry.provider}): {ok}/{len(plan)} ok", flush=True)
    if args.out:
        Path(args.out).write_text("".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    total = len(rows)
    counts = {s: sum(1 for row in rows if row[2] == s) for s in ("ok", "fail", "refused")}
    self_maps = sum(1 for row in rows if row[3] == SELF_MAP)
    print(f"renames: {total}; ok {counts['ok']}, failed {counts['fail']}, refused {counts['refused']}")
    print(f"of the failures, {self_maps} only differ by a self-map written where a rename writes one", flush=True)
    return 0 if counts["fail"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
