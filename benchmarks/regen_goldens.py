"""Regenerate the golden files of the benchmark schemas from Prisma's own tools.

For each golden size N (1, 5, 20 models, seed 0) this writes
``tests/fixtures/bench/models-N.input.prisma`` (``generate(N)``) and
``models-N.expected.prisma`` (what ``prisma-oracle format`` prints for it). It
then runs ``prisma-oracle validate`` on every golden schema and on larger ones
(the benchmark's sizes and a few other seeds), requires ``VALID`` for each and
records the evidence in ``tests/fixtures/bench/VALID``: one line per schema
with its size, seed, the SHA-256 of its text and the oracle's verdict, so the
tests can check that the evidence is about the generator as it is now.

It also reports, without failing, whether our printer gives the oracle's
output on the larger schemas (the tests check the golden sizes).

Usage::

    python benchmarks/regen_goldens.py            # write the fixtures
    python benchmarks/regen_goldens.py --check    # write nothing; exit 1 if anything is stale

Node.js is needed here, not by the tests. The oracle is
``../shared/tools/prisma-oracle/prisma-oracle``; set ``PRISMA_ORACLE`` to use
another one.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures" / "bench"
GOLDEN_SIZES = (1, 5, 20)
# (models, seed): schemas validated besides the golden ones
EXTRA = ((50, 0), (500, 0), (5000, 0), (200, 1), (200, 2), (200, 3), (1000, 7))
VALID_HEADER = (
    "# `prisma-oracle validate` (Prisma 6) on benchmarks/generate.py output; written by benchmarks/regen_goldens.py.\n"
    "# models seed sha256-of-text verdict\n"
)


def oracle_path() -> Path:
    return Path(os.environ.get("PRISMA_ORACLE", REPO.parent / "shared" / "tools" / "prisma-oracle" / "prisma-oracle"))


def oracle(cmd: str, text: str) -> tuple[int, bytes]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "schema.prisma"
        path.write_bytes(text.encode("utf-8"))
        proc = subprocess.run([str(oracle_path()), cmd, str(path)], capture_output=True, check=False)
    if proc.returncode not in (0, 1) or (cmd == "format" and proc.returncode != 0):
        detail = (proc.stdout + proc.stderr).decode("utf-8", "replace").strip()
        raise RuntimeError(f"prisma-oracle {cmd} failed (exit {proc.returncode}): {detail}")
    return proc.returncode, proc.stdout


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def ours(text: str) -> str | None:
    try:
        from prisma_tools.parser import parse
        from prisma_tools.printer import print_schema
    except ImportError:
        return None
    return print_schema(parse(text, "schema.prisma"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if a fixture is stale")
    args = ap.parse_args(argv)

    files: dict[Path, bytes] = {}
    valid_lines = []
    failures = []
    for n, seed in [(n, 0) for n in GOLDEN_SIZES] + list(EXTRA):
        text = generate(n, seed)
        rc, out = oracle("validate", text)
        verdict = out.decode("utf-8", "replace").splitlines()[0] if out else "?"
        print(f"{n:>5} models, seed {seed}: {verdict}", flush=True)
        if rc != 0 or verdict != "VALID":
            failures.append(f"{n} models, seed {seed}: {out.decode('utf-8', 'replace').strip()}")
        valid_lines.append(f"{n} {seed} {sha(text)} {verdict}\n")
        _, formatted = oracle("format", text)
        if n in GOLDEN_SIZES and seed == 0:
            files[FIXTURES / f"models-{n}.input.prisma"] = text.encode("utf-8")
            files[FIXTURES / f"models-{n}.expected.prisma"] = formatted
        mine = ours(text)
        if mine is not None:
            same = mine.encode("utf-8") == formatted
            print(f"        our printer {'matches' if same else 'DIFFERS from'} the oracle", flush=True)
    files[FIXTURES / "VALID"] = (VALID_HEADER + "".join(valid_lines)).encode("utf-8")
    if failures:
        print("invalid generated schemas:\n" + "\n".join(failures), file=sys.stderr)
        return 1

    stale = [p for p, data in files.items() if not p.exists() or p.read_bytes() != data]
    if args.check:
        for p in stale:
            print(f"stale: {p.relative_to(REPO)}", file=sys.stderr)
        return 1 if stale else 0
    FIXTURES.mkdir(parents=True, exist_ok=True)
    for p in stale:
        p.write_bytes(files[p])
        print(f"wrote {p.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
