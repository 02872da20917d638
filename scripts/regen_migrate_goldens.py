"""Regenerate the expected SQL of the migrate tests with Prisma's own schema engine.

Runs ``prisma-oracle sql`` (the script ``prisma migrate diff --script`` prints,
Prisma 6's engine compiled to WebAssembly) and writes its output byte for byte:

* ``tests/fixtures/migrate/cases/NAME/expected.sql`` for every own case
  (``to.prisma``, and ``from.prisma`` unless the case starts from empty), and
  likewise for the CockroachDB ones under ``cockroach_cases/``;
* ``tests/fixtures/migrate/nonadditive/``: the non-additive pairs of
  ``tests/migrate_changes.py`` (each additive case reversed, and every change in
  both directions), ``ENTRY/DIRECTION-SLUG.sql`` and their ``cases.json``;
* ``tests/fixtures/migrate/sqlite/``: the SQLite pairs of ``tests/migrate_sqlite_corpus.py``
  (the corpus's SQLite schemas and its PostgreSQL schemas made SQLite, from and to
  empty, additive cases both ways, changes made and undone), ``ENTRY/NAME.sql`` and
  ``.summary``, and their ``cases.json`` (an entry or pair the engine rejects is left out);
* ``tests/fixtures/migrate/corpus/``: for every PostgreSQL schema of
  ``../shared/corpus`` that Prisma 6 validates, ``ENTRY/empty.sql`` (from empty)
  and ``ENTRY/SLUG.sql`` for each additive diff derived from it (see
  ``tests/migrate_corpus.py``), ``edpsych-acceptance.sql`` for the EdPsych
  FROM/TO pair, and ``cases.json``, the list of cases the engine accepted
  (a derived FROM the engine rejects as invalid is left out and counted);
* ``tests/fixtures/migrate/cockroach/``: the same kinds of pairs for CockroachDB
  (``tests/migrate_cockroach_cases.py``: the corpus's CockroachDB schemas and its
  PostgreSQL schemas switched to ``cockroachdb``; from empty, additions, drops,
  changes and reverts), ``ENTRY/NAME.sql`` and ``.summary``, and ``cases.json``
  (pairs the engine rejects are left out and counted).

Usage::

    python scripts/regen_migrate_goldens.py            # write everything
    python scripts/regen_migrate_goldens.py --check    # write nothing; exit 1 if anything is stale
    python scripts/regen_migrate_goldens.py --report   # also compare prisma-tools with the engine: N of M
    python scripts/regen_migrate_goldens.py --sqlite   # only the SQLite pairs
    python scripts/regen_migrate_goldens.py --sqlite --engine 7 --report   # Prisma 7's engine (compare only)
    python scripts/regen_migrate_goldens.py --cockroach --report   # only the CockroachDB pairs

Node.js and the oracle (``../shared/tools/prisma-oracle``, or ``PRISMA_ORACLE``)
are needed here, not by the tests, which read only the committed files. The jobs
run in ``-j`` Node processes (``scripts/oracle_batch.js``, which compiles the
engine once), each printing exactly what ``prisma-oracle sql`` prints.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from migrate_changes import Change, apply_all, changes_for  # noqa: E402
from migrate_cockroach_cases import ADAPTED, cockroach_entries, pairs_for, switched  # noqa: E402
from migrate_corpus import (  # noqa: E402
    EDPSYCH_MIGRATION,
    Removal,
    derived_cases,
    edpsych_from_to,
    postgres_entries,
    remove,
)
from migrate_sqlite_corpus import entries as sqlite_entries  # noqa: E402
from migrate_sqlite_corpus import pairs as sqlite_pairs  # noqa: E402

from prisma_tools import load, parse  # noqa: E402
from prisma_tools.migrate import diff_sql, diff_summary  # noqa: E402
from prisma_tools.nodes import Datasource, Schema  # noqa: E402
from prisma_tools.printer import print_files  # noqa: E402

CASES = REPO / "tests" / "fixtures" / "migrate" / "cases"
COCKROACH_CASES = REPO / "tests" / "fixtures" / "migrate" / "cockroach_cases"
CORPUS_OUT = REPO / "tests" / "fixtures" / "migrate" / "corpus"
NONADDITIVE_OUT = REPO / "tests" / "fixtures" / "migrate" / "nonadditive"
SQLITE_OUT = REPO / "tests" / "fixtures" / "migrate" / "sqlite"
COCKROACH_OUT = REPO / "tests" / "fixtures" / "migrate" / "cockroach"
SHARED = Path(os.environ.get("PRISMA_TOOLS_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"


def oracle_path() -> Path:
    return Path(os.environ.get("PRISMA_ORACLE", SHARED / "tools" / "prisma-oracle" / "prisma-oracle"))


@dataclass
class Job:
    """One oracle run: ``out`` gets the SQL for FROM (None: empty) -> TO."""

    out: Path
    from_path: Path | None
    to_path: Path | None
    kind: str
    ours: Callable[[], str]
    case: dict[str, object] | None = None
    result: bytes | None = None
    error: str | None = None
    summary: bool = False
    """Run with ``--summary`` (``migrate diff`` without ``--script``)."""


def summary_job(job: Job, ours: Callable[[], str]) -> Job:
    """The ``--summary`` twin of a script job, written beside it as ``*.summary``."""
    out = job.out.with_suffix(".summary")
    return Job(out, job.from_path, job.to_path, kind=job.kind + "-summary", ours=ours, summary=True)


def run_batch(jobs: list[Job], engine: str = "6") -> None:
    """Run ``jobs`` in one Node process (scripts/oracle_batch.js: the engine is compiled once)."""
    if not jobs:
        return
    listing = [
        {
            "from": str(j.from_path) if j.from_path else None,
            "to": str(j.to_path) if j.to_path else None,
            "summary": j.summary,
        }
        for j in jobs
    ]
    oracle_dir = oracle_path().parent
    proc = subprocess.run(
        ["node", str(REPO / "scripts" / "oracle_batch.js"), str(oracle_dir), engine],
        input=json.dumps(listing).encode("utf-8"),
        capture_output=True,
        check=False,
    )
    lines = proc.stdout.decode("utf-8").splitlines()
    if proc.returncode != 0 or len(lines) != len(jobs):
        # Fall back to one oracle process per job.
        for job in jobs:
            run_oracle(job, engine)
        return
    for job, line in zip(jobs, lines, strict=True):
        answer = json.loads(line)
        if "stdout" in answer:
            job.result = answer["stdout"].encode("utf-8")
        else:
            job.error = answer["error"]


def run_oracle(job: Job, engine: str = "6") -> Job:
    args = [str(oracle_path()), "sql", "--engine", engine, *(["--summary"] if job.summary else [])]
    args += [str(p) if p else "--empty" for p in (job.from_path, job.to_path)]
    proc = subprocess.run(args, capture_output=True, check=False)
    if proc.returncode == 0:
        job.result = proc.stdout
    else:
        job.error = proc.stderr.decode("utf-8", "replace").strip()
    return job


def without_url(schema: Schema) -> Schema:
    """``schema`` without the datasource's ``url`` (Prisma 7 reads it from prisma.config.ts)."""
    files = []
    for file in schema.files:
        blocks = tuple(
            b.model_copy(update={"members": tuple(m for m in b.members if getattr(m, "key", None) != "url")})
            if isinstance(b, Datasource)
            else b
            for b in file.blocks
        )
        files.append(file.model_copy(update={"blocks": blocks}))
    return Schema(files=tuple(files))


def write_schema(schema: Schema, source: Path, dest: Path) -> Path:
    """Print ``schema`` (read from ``source``) into ``dest``, keeping a folder's layout."""
    texts = print_files(schema)
    if not source.is_dir():
        target = dest / "schema.prisma"
        target.write_text(next(iter(texts.values())), encoding="utf-8")
        return target
    for path, text in texts.items():
        target = dest / Path(path).relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return dest


def own_jobs() -> list[Job]:
    jobs = []
    for case in sorted(p for folder in (CASES, COCKROACH_CASES) for p in folder.iterdir() if p.is_dir()):
        from_path: Path | None = case / "from.prisma"
        assert from_path is not None
        if not from_path.exists():
            from_path = None
        to_path = case / "to.prisma"
        job = Job(
            case / "expected.sql",
            from_path,
            to_path,
            kind="own",
            ours=lambda f=from_path, t=to_path: diff_sql(load(f) if f else None, load(t)),
        )
        jobs += [job, summary_job(job, lambda f=from_path, t=to_path: diff_summary(load(f) if f else None, load(t)))]
    return jobs


def corpus_jobs(tmp: Path) -> list[Job]:
    jobs = []
    for entry in postgres_entries(CORPUS):
        folder = CORPUS_OUT / entry.id
        to_schema = load(entry.path)
        jobs.append(
            Job(
                folder / "empty.sql",
                None,
                entry.path,
                kind="empty",
                ours=lambda s=to_schema: diff_sql(None, s),
                case={"entry": entry.id, "removals": None},
            )
        )
        for removals in derived_cases(to_schema):
            slug = "+".join(r.slug for r in removals)
            work = tmp / entry.id / slug
            work.mkdir(parents=True)
            from_schema = remove(to_schema, removals)
            from_path = write_schema(from_schema, entry.path, work)
            jobs.append(
                Job(
                    folder / f"{slug}.sql",
                    from_path,
                    entry.path,
                    kind="derived",
                    ours=lambda f=from_schema, t=to_schema: diff_sql(f, t),
                    case={"entry": entry.id, "removals": [r.to_json() for r in removals]},
                )
            )
    backup_fix = (CORPUS / "edpsych" / "schema.prisma.backup.fix").read_bytes().decode("utf-8")
    from_text, to_text = edpsych_from_to(backup_fix)
    (tmp / "FROM.prisma").write_bytes(from_text.encode("utf-8"))
    (tmp / "TO.prisma").write_bytes(to_text.encode("utf-8"))
    jobs.append(
        Job(
            CORPUS_OUT / "edpsych-acceptance.sql",
            tmp / "FROM.prisma",
            tmp / "TO.prisma",
            kind="edpsych",
            ours=lambda: diff_sql(parse(from_text, "FROM.prisma"), parse(to_text, "TO.prisma")),
        )
    )
    return jobs


def nonadditive_jobs(tmp: Path) -> list[Job]:
    """Drops (each additive case reversed) and changes in both directions, from every corpus schema."""
    jobs = []
    for entry in postgres_entries(CORPUS):
        folder = NONADDITIVE_OUT / entry.id
        full = load(entry.path)
        pairs: list[tuple[str, Schema, Schema, dict[str, object]]] = []
        for removals in derived_cases(full):
            slug = "+".join(r.slug for r in removals)
            case = {"removals": [r.to_json() for r in removals]}
            pairs.append((f"drop-{slug}", full, remove(full, removals), case))
        changes = changes_for(full)
        groups: list[tuple[Change, ...]] = [(c,) for c in changes]
        firsts: dict[str, Change] = {}
        for c in changes:
            firsts.setdefault(c.kind, c)
        if len(firsts) > 1:
            groups.append(tuple(firsts.values()))
        for group in groups:
            slug = "+".join(c.slug for c in group) if len(group) < 4 else "all-kinds"
            changed = apply_all(full, group)
            case = {"changes": [c.to_json() for c in group]}
            pairs.append((f"change-{slug}", full, changed, case))
            pairs.append((f"revert-{slug}", changed, full, case))
        for name, from_schema, to_schema, case in pairs:
            work = tmp / "nonadditive" / entry.id / name
            (work / "from").mkdir(parents=True)
            (work / "to").mkdir(parents=True)
            job = Job(
                folder / f"{name}.sql",
                write_schema(from_schema, entry.path, work / "from"),
                write_schema(to_schema, entry.path, work / "to"),
                kind="nonadditive",
                ours=lambda f=from_schema, t=to_schema: diff_sql(f, t),
                case={"entry": entry.id, "direction": name.split("-", 1)[0], **case},
            )
            jobs += [job, summary_job(job, lambda f=from_schema, t=to_schema: diff_summary(f, t))]
    return jobs


def sqlite_jobs(tmp: Path, engine: str = "6") -> list[Job]:
    """Every SQLite entry from and to empty, and its derived pairs (tests/migrate_sqlite_corpus.py).

    For Prisma 7's engine the schemas are written without ``url`` (which it rejects).
    """
    jobs = []

    def write_case(schema: Schema, source: Path, dest: Path) -> Path:
        return write_schema(without_url(schema) if engine == "7" else schema, source, dest)

    for entry in sqlite_entries(CORPUS):
        folder = SQLITE_OUT / entry.id
        full = entry.schema()
        work = tmp / "sqlite" / entry.id
        full_path = write_case(full, entry.path, _fresh(work / "full"))
        named: list[tuple[str, Path | None, Path | None, Schema | None, Schema | None, dict[str, object]]] = [
            ("empty", None, full_path, None, full, {"direction": "empty"}),
            ("to-empty", full_path, None, full, None, {"direction": "to-empty"}),
        ]
        for name, from_schema, to_schema, case in sqlite_pairs(full):
            from_path = full_path if from_schema is full else write_case(from_schema, entry.path, _fresh(work / name))
            to_path = full_path if to_schema is full else write_case(to_schema, entry.path, _fresh(work / name))
            named.append((name, from_path, to_path, from_schema, to_schema, case))
        for name, from_path, to_path, from_schema, to_schema, case in named:
            job = Job(
                folder / f"{name}.sql",
                from_path,
                to_path,
                kind="sqlite",
                ours=lambda f=from_schema, t=to_schema: diff_sql(f, t),
                case={"entry": entry.id, **case},
            )
            jobs += [job, summary_job(job, lambda f=from_schema, t=to_schema: diff_summary(f, t))]
    return jobs


def _fresh(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def cockroach_jobs(tmp: Path) -> list[Job]:
    """Every CockroachDB pair of every corpus schema (tests/migrate_cockroach_cases.py), script and summary."""
    jobs = []
    for entry in cockroach_entries(CORPUS):
        full = switched(entry.path, adapted=entry.id.endswith(ADAPTED))
        folder = COCKROACH_OUT / entry.id
        for name, from_schema, to_schema, case in pairs_for(full):
            work = tmp / "cockroach" / entry.id / name
            (work / "to").mkdir(parents=True)
            from_path = None
            if from_schema is not None:
                (work / "from").mkdir(parents=True)
                from_path = write_schema(from_schema, entry.path, work / "from")
            job = Job(
                folder / f"{name}.sql",
                from_path,
                write_schema(to_schema, entry.path, work / "to"),
                kind="cockroach",
                ours=lambda f=from_schema, t=to_schema: diff_sql(f, t),
                case={"entry": entry.id, **case},
            )
            jobs += [job, summary_job(job, lambda f=from_schema, t=to_schema: diff_summary(f, t))]
    return jobs


def write_cockroach(done: list[Job], check: bool) -> list[str]:
    """Write the CockroachDB goldens the engine answered, and their cases.json; return the stale files."""
    stale: list[str] = []
    accepted = [j for j in done if j.kind == "cockroach" and j.result is not None]
    answered = {j.out for j in accepted}
    for job in done:
        if job.kind in ("cockroach", "cockroach-summary") and job.result is not None:
            if job.kind == "cockroach-summary" and job.out.with_suffix(".sql") not in answered:
                continue
            if not job.out.exists() or job.out.read_bytes() != job.result:
                stale.append(str(job.out.relative_to(REPO)))
                if not check:
                    job.out.parent.mkdir(parents=True, exist_ok=True)
                    job.out.write_bytes(job.result)
    cases = [j.case | {"sql": j.out.relative_to(COCKROACH_OUT).as_posix()} for j in accepted if j.case is not None]
    listing = (json.dumps(cases, indent=1) + "\n").encode("utf-8")
    cases_json = COCKROACH_OUT / "cases.json"
    if not cases_json.exists() or cases_json.read_bytes() != listing:
        stale.append(str(cases_json.relative_to(REPO)))
        if not check:
            cases_json.parent.mkdir(parents=True, exist_ok=True)
            cases_json.write_bytes(listing)
    rejected = sum(1 for j in done if j.kind == "cockroach" and j.result is None)
    print(f"{len(accepted)} CockroachDB cases ({rejected} pairs rejected by the engine as invalid)")
    return stale


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale files and exit 1; write nothing")
    parser.add_argument("--report", action="store_true", help="compare prisma-tools with the engine (N of M)")
    parser.add_argument("--own", action="store_true", help="only the own cases (fast), not the corpus")
    parser.add_argument("--sqlite", action="store_true", help="only the SQLite pairs")
    parser.add_argument(
        "--engine", choices=["6", "7"], default="6", help="7: Prisma 7's engine, with --sqlite only; writes nothing"
    )
    parser.add_argument("--cockroach", action="store_true", help="only the CockroachDB pairs")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 4, help="oracle runs in parallel")
    args = parser.parse_args(argv)
    if args.engine == "7":
        if not args.sqlite:
            parser.error("--engine 7 works with --sqlite only")
        args.check = True  # the goldens are engine 6's: compare with them, write nothing
    if not oracle_path().exists():
        print(f"oracle not found at {oracle_path()} (set PRISMA_ORACLE)", file=sys.stderr)
        return 2
    stale: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        if args.sqlite:
            jobs = sqlite_jobs(Path(tmp), args.engine)
        elif args.cockroach:
            jobs = cockroach_jobs(Path(tmp))
        else:
            jobs = own_jobs() + ([] if args.own else corpus_jobs(Path(tmp)) + nonadditive_jobs(Path(tmp)))
            jobs += [] if args.own else sqlite_jobs(Path(tmp)) + cockroach_jobs(Path(tmp))
        chunks = [jobs[i :: max(1, args.jobs)] for i in range(max(1, args.jobs))]
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            list(pool.map(lambda chunk: run_batch(chunk, args.engine), chunks))
        done = jobs
    accepted: list[dict[str, object]] = []
    accepted_nonadditive: list[dict[str, object]] = []
    accepted_sqlite: list[dict[str, object]] = []
    rejected = rejected_nonadditive = rejected_sqlite = 0
    if not (args.own or args.sqlite):
        stale += write_cockroach(done, args.check)
    for job in done:
        if job.kind in ("cockroach", "cockroach-summary"):
            continue
        if job.result is None:
            if job.kind == "derived":
                rejected += 1  # the derived FROM is not a valid schema: not a case
                continue
            if job.kind == "nonadditive":
                rejected_nonadditive += 1
                continue
            if job.kind == "sqlite":
                rejected_sqlite += 1  # not a schema Prisma accepts on SQLite (or a change it rejects)
                continue
            if job.kind in ("nonadditive-summary", "sqlite-summary"):
                continue
            print(f"oracle failed for {job.out}: {job.error}", file=sys.stderr)
            return 2
        if job.kind == "nonadditive" and job.case is not None:
            accepted_nonadditive.append(job.case | {"sql": job.out.relative_to(NONADDITIVE_OUT).as_posix()})
        elif job.kind == "sqlite" and job.case is not None:
            accepted_sqlite.append(job.case | {"sql": job.out.relative_to(SQLITE_OUT).as_posix()})
        elif job.case is not None:
            accepted.append(job.case | {"sql": job.out.relative_to(CORPUS_OUT).as_posix()})
        if not job.out.exists() or job.out.read_bytes() != job.result:
            stale.append(str(job.out.relative_to(REPO)))
            if not args.check:
                job.out.parent.mkdir(parents=True, exist_ok=True)
                job.out.write_bytes(job.result)
    listing = (json.dumps(accepted, indent=1) + "\n").encode("utf-8")
    listings = [
        (CORPUS_OUT / "cases.json", listing),
        (NONADDITIVE_OUT / "cases.json", (json.dumps(accepted_nonadditive, indent=1) + "\n").encode("utf-8")),
        (SQLITE_OUT / "cases.json", (json.dumps(accepted_sqlite, indent=1) + "\n").encode("utf-8")),
    ]
    for cases_json, listed in listings[2:] if args.sqlite else ([] if args.cockroach else listings):
        if not args.own and (not cases_json.exists() or cases_json.read_bytes() != listed):
            stale.append(str(cases_json.relative_to(REPO)))
            if not args.check:
                cases_json.parent.mkdir(parents=True, exist_ok=True)
                cases_json.write_bytes(listed)
    for name in stale:
        print(("stale: " if args.check else "wrote ") + name)
    if not (args.sqlite or args.cockroach):
        print(f"{len(accepted)} corpus cases ({rejected} derived schemas rejected by the engine as invalid)")
    if not (args.own or args.cockroach):
        print(f"{len(accepted_sqlite)} SQLite cases ({rejected_sqlite} schemas or changes rejected by the engine)")
    if not (args.own or args.sqlite or args.cockroach):
        print(
            f"{len(accepted_nonadditive)} non-additive cases"
            f" ({rejected_nonadditive} changed schemas rejected by the engine as invalid)"
        )
    if args.report:
        report(done)
    return 1 if args.check and stale else 0


def report(done: list[Job]) -> None:
    """How many of the engine's scripts prisma-tools reproduces exactly, per kind of case."""
    groups: dict[str, list[bool]] = {}
    edpsych_text = (CORPUS / EDPSYCH_MIGRATION).read_bytes().decode("utf-8").replace("\r\n", "\n")
    for job in done:
        if job.result is None:
            continue
        kind = job.kind
        try:
            ours = job.ours()
        except Exception as e:  # a refusal is a miss, reported below
            ours = f"error: {e}"
        ok = ours.encode("utf-8") == job.result
        if kind == "edpsych":
            ok = ok and ours == edpsych_text + "\n"
        groups.setdefault(kind, []).append(ok)
        if not ok:
            print(f"MISMATCH {job.out.relative_to(REPO)}")
    for kind, results in groups.items():
        print(f"{kind}: {sum(results)} of {len(results)} identical")


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["Removal", "main"]
