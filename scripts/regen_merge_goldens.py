"""Regenerate the goldens of the git merge scenarios, and ask Prisma about the clean results.

For each scenario of ``tests/merge_scenarios.py`` this builds the repository
with real git, merges with the driver, and writes the merged schema files to
``tests/fixtures/merge/<scenario>/``. For each result without conflict regions
it runs ``prisma-oracle validate`` over the merged files and records the verdict
(the EdPsych replay, built from ``../shared/corpus/edpsych``, is recorded by digest only)
(``VALID`` or ``ERROR``) with a digest of the files in ``ORACLE.tsv``, so the
test-suite (no Node) can tell that the committed results are the ones Prisma judged.

Usage::

    python scripts/regen_merge_goldens.py          # write the goldens and ORACLE.tsv
    python scripts/regen_merge_goldens.py --check  # write nothing; exit 1 if anything is stale

The oracle is ``../shared/tools/prisma-oracle/prisma-oracle`` (``PRISMA_ORACLE`` overrides).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from merge_scenarios import (  # noqa: E402
    EDPSYCH_SCENARIO,
    GOLDEN,
    GOLDEN_SUFFIX,
    ORACLE_TSV,
    SCENARIOS,
    digest,
    edpsych_scenario,
    golden_files,
    run_merge,
)

SHARED = Path(os.environ.get("PRISMA_TOOLS_SHARED", REPO.parent / "shared"))
ORACLE = Path(os.environ.get("PRISMA_ORACLE", SHARED / "tools" / "prisma-oracle" / "prisma-oracle"))
HEADER = "# What Prisma said about each driver result when scripts/regen_merge_goldens.py wrote it.\n"


def verdict(files: dict[str, str]) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for rel, text in files.items():
            p = Path(tmp) / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(text)
            paths.append(str(p))
        proc = subprocess.run([str(ORACLE), "validate", *paths], capture_output=True, text=True, check=False)
    return "VALID" if proc.returncode == 0 and proc.stdout.strip() == "VALID" else "ERROR"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a golden is stale")
    args = parser.parse_args()
    rows = ["scenario\tfiles_sha256\tprisma_validate"]
    stale = False
    for s in SCENARIOS:
        with tempfile.TemporaryDirectory() as tmp:
            merged = run_merge(Path(tmp), s, driver=True)
        files = merged.files
        has_regions = any("<<<<<<<" in t for t in files.values())
        answer = "-" if has_regions else verdict(files)
        rows.append(f"{s.name}\t{digest(files)}\t{answer}")
        print(f"{s.name}: git exit {merged.status}, {'conflict regions' if has_regions else answer}")
        root = GOLDEN / s.name
        if golden_files(s) != files:
            stale = True
            if not args.check:
                shutil.rmtree(root, ignore_errors=True)
                for rel, text in files.items():
                    (root / rel).parent.mkdir(parents=True, exist_ok=True)
                    (root / (rel + GOLDEN_SUFFIX)).write_text(text)
    # The EdPsych replay: the corpus is third-party, so only the result's digest is kept.
    corpus = SHARED / "corpus" / "edpsych"
    if corpus.exists():
        with tempfile.TemporaryDirectory() as tmp:
            merged = run_merge(Path(tmp), edpsych_scenario(corpus), driver=True)
        answer = verdict(merged.files)
        rows.append(f"{EDPSYCH_SCENARIO}\t{digest(merged.files)}\t{answer}")
        print(f"{EDPSYCH_SCENARIO}: git exit {merged.status}, {answer}")
    else:
        old = [r for r in ORACLE_TSV.read_text().splitlines() if r.startswith(EDPSYCH_SCENARIO + "\t")]
        rows.extend(old)
        print(f"{corpus} not found: the {EDPSYCH_SCENARIO} row is kept as it was", file=sys.stderr)
    table = HEADER + "\n".join(rows) + "\n"
    if not ORACLE_TSV.exists() or ORACLE_TSV.read_text() != table:
        stale = True
        if not args.check:
            ORACLE_TSV.write_text(table)
    if args.check and stale:
        print("goldens are stale: run scripts/regen_merge_goldens.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
