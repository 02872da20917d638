"""Ask Prisma's engine what ``diagnoseMigrationHistory`` (``prisma migrate status``) finds for each case.

    python scripts/regen_status_goldens.py [--check]

Reads ``tests/fixtures/migrate/status/cases.json`` (see ``tests/status_cases.py``),
runs ``scripts/diagnose_oracle.js`` with the engine 6 of the oracle
(``../shared/tools/prisma-oracle``, or the folder of ``PRISMA_ORACLE``) and writes
``expected.json`` beside it; ``--check`` only compares. Needs Node.js; the tests
read the committed answers and never run Node.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from status_cases import EXPECTED, load_cases, oracle_input  # noqa: E402

SHARED = Path(os.environ.get("PRISMA_TOOLS_SHARED", REPO.parent / "shared"))


def oracle_dir() -> Path:
    return Path(os.environ.get("PRISMA_ORACLE", SHARED / "tools" / "prisma-oracle" / "prisma-oracle")).parent


def answers() -> list[dict[str, object]]:
    cases = load_cases()
    done = subprocess.run(
        ["node", str(REPO / "scripts" / "diagnose_oracle.js"), str(oracle_dir())],
        input=json.dumps([oracle_input(c) for c in cases]),
        capture_output=True,
        text=True,
        check=True,
    )
    return [{"name": c["name"], "engine": a} for c, a in zip(cases, json.loads(done.stdout), strict=True)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with expected.json, write nothing")
    args = parser.parse_args()
    if not (oracle_dir() / "node_modules" / "sew6").is_dir():
        print(f"the oracle's engine 6 is not in {oracle_dir()} (set PRISMA_ORACLE)", file=sys.stderr)
        return 2
    text = json.dumps(answers(), indent=2, ensure_ascii=False) + "\n"
    if args.check:
        same = EXPECTED.exists() and EXPECTED.read_text(encoding="utf-8") == text
        print("expected.json is current" if same else "expected.json differs from the engine's answers")
        return 0 if same else 1
    EXPECTED.write_text(text, encoding="utf-8")
    print(f"wrote {EXPECTED}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
