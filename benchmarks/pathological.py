"""Inputs whose cost grew wrongly (issue #11 §3): many syntax errors, one huge token.

Each case is run as a whole process, ``prisma-tools format --check FILE`` (the
errors are reported, nothing is written), waited for with ``os.wait4`` for its
peak RSS, beside the official formatter when it is there::

    python benchmarks/pathological.py              # every case, medians of 3
    python benchmarks/pathological.py --repeat 1 --no-oracle --cases errors-200,string-10mb

Cases: ``errors-N`` is a schema of N models with one invalid line each (about
60 bytes a model); ``string-Nmb`` one model whose ``@default("...")`` holds an
N MB string; ``comment-Nmb`` an N MB comment line. Timings are never asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ORACLE = REPO.parent / "shared" / "tools" / "prisma-oracle" / "prisma-oracle"
CASES = ("errors-200", "errors-800", "errors-3200", "string-10mb", "comment-10mb")


def schema(case: str) -> str:
    kind, _, size = case.partition("-")
    if kind == "errors":
        return "".join(f"model M{i} {{\n  id Int @id\n  name String +\n}}\n\n" for i in range(int(size)))
    n = int(size.removesuffix("mb")) * 1_000_000
    if kind == "string":
        return 'model A {\n  id String @id @default("' + "a" * n + '")\n}\n'
    if kind == "comment":
        return "model A {\n  id Int @id // " + "a" * n + "\n}\n"
    raise SystemExit(f"unknown case {case!r}")


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", default=",".join(CASES))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-oracle", action="store_true")
    opts = ap.parse_args()
    ours = [sys.executable, "-m", "prisma_tools", "format", "--check"]
    oracle = None if opts.no_oracle or not ORACLE.exists() else [str(ORACLE), "format"]
    print("| case | KB | format s | RSS MiB | official s | official MiB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as folder:
        for case in opts.cases.split(","):
            path = Path(folder) / f"{case}.prisma"
            path.write_text(schema(case))
            figures = []
            for cmd in (ours, oracle):
                if cmd is None:
                    figures.append(("-", "-"))
                    continue
                samples = [run([*cmd, str(path)]) for _ in range(opts.repeat)]
                t = statistics.median(s[0] for s in samples)
                figures.append((f"{t:.2f}", f"{max(s[1] for s in samples):.0f}"))
            kb = path.stat().st_size / 1000
            print(f"| {case} | {kb:,.0f} | {figures[0][0]} | {figures[0][1]} | {figures[1][0]} | {figures[1][1]} |")
            print(f"{case} done", file=sys.stderr)
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
