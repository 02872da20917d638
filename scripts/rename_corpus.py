"""Rename every model and up to 50 fields of every valid realworld corpus schema, and ask Prisma about each result.

For each rename of ``tests/rename_cases.py`` (the same renames the test suite
checks natively), with ``--keep-db-name`` semantics:

* ``prisma-oracle validate`` must accept the renamed schema;
* the database must not change: ``prisma-oracle sql BEFORE AFTER`` must be an
  empty migration (PostgreSQL, CockroachDB, SQLite: the providers the oracle's
  SQL engine has), else the DMMF's database names (``dbName`` of models, enums,
  fields and values) must be the same before and after;
* renaming back must give the original text byte for byte (no oracle needed).

Usage (slow: two or three Node runs per rename)::

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


def _oracle(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ORACLE), *args], capture_output=True, text=True, check=False)


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
    back = rename(result.schema, r.back.target, r.back.new_name, sources=result.texts)
    problems = [] if back.texts == sources else ["rename back differs from the original"]
    work = Path(tempfile.mkdtemp(dir=tmp))
    return str(work), _write(result.texts, entry.path, work), problems


def _ask_oracle(entry: Entry, work: str, files: list[str], before_names: object | None) -> list[str]:
    """What Prisma says about the renamed schema (runs in a worker thread: subprocesses only)."""
    v = _oracle("validate", *files)
    if v.returncode != 0 or "VALID" not in v.stdout:
        return ["oracle rejects: " + (v.stdout + v.stderr).strip().replace("\n", " ")[:300]]
    if entry.provider in SQL_PROVIDERS:
        after = work if entry.path.is_dir() else files[0]
        s = _oracle("sql", str(entry.path), after)
        if s.returncode != 0:
            return ["oracle sql failed: " + s.stderr.strip()[:200]]
        if s.stdout.strip() not in ("", EMPTY):
            return ["sql not empty: " + s.stdout.strip().replace("\n", " ")[:300]]
        return []
    d = _oracle("dmmf", *files)
    if d.returncode != 0 or _db_names(d.stdout) != before_names:
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
        for entry in valid_entries():
            if args.only not in entry.name:
                continue
            schema = load(entry.path)
            plan = renames(schema, entry.name, args.fields)
            before_names = None
            if entry.provider not in SQL_PROVIDERS:
                files = _write(source_texts(schema) or {}, entry.path, Path(tempfile.mkdtemp(dir=tmp)))
                before_names = _db_names(_oracle("dmmf", *files).stdout)
            prepared = [_prepare(entry, r, tmp) for r in plan]
            asked = [p for p in prepared if len(p) == 3]
            with ThreadPoolExecutor(args.jobs) as pool:
                answers = iter(list(pool.map(lambda p: _ask_oracle(entry, p[0], p[1], before_names), asked)))  # noqa: B023
            results: list[tuple[str, str]] = []
            for p in prepared:
                if len(p) == 2:
                    results.append(("refused", str(p[1])))
                    continue
                problems = [*p[2], *next(answers)]
                results.append(("fail", "; ".join(problems)) if problems else ("ok", ""))
            for r, (status, why) in zip(plan, results, strict=True):
                rows.append((entry.name, f"{r.target}->{r.new_name}", status, why))
                if status != "ok":
                    print(f"{status}: {entry.name}: {r.target} -> {r.new_name}: {why}", flush=True)
            ok = sum(1 for s, _ in results if s == "ok")
            print(f"# {entry.name} ({entry.provider}): {ok}/{len(plan)} ok, {time.time() - started:.0f}s", flush=True)
    if args.out:
        Path(args.out).write_text("".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    total = len(rows)
    counts = {s: sum(1 for row in rows if row[2] == s) for s in ("ok", "fail", "refused")}
    print(f"renames: {total}; ok {counts['ok']}, failed {counts['fail']}, refused {counts['refused']}")
    return 0 if counts["fail"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
