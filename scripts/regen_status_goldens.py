"""Ask Prisma's engine what ``diagnoseMigrationHistory`` (``prisma migrate status``) finds, and what ``reset`` drops.

    python scripts/regen_status_goldens.py [--check]

Reads ``tests/fixtures/migrate/status/cases.json`` (histories, see
``tests/status_cases.py``) and ``reset_cases.json`` (schemas and the URL's default
schema), runs ``scripts/diagnose_oracle.js`` with the engine 6 of the oracle
(``../shared/tools/prisma-oracle``, or the folder of ``PRISMA_ORACLE``) and writes
``expected.json`` and ``reset_expected.json`` beside them; ``--check`` only
compares. Needs Node.js; the tests read the committed answers and never run Node.
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

from status_cases import EXPECTED, RESET_CASES, RESET_EXPECTED, load_cases, oracle_input  # noqa: E402

SHARED = Path(os.environ.get("PRISMA_TOOLS_SHARED", REPO.parent / "shared"))


def oracle_dir() -> Path:
    return Path(os.environ.get("PRISMA_ORACLE", SHARED / "tools" / "prisma-oracle" / "prisma-oracle")).parent


def answers() -> dict[Path, str]:
    """The text of each golden file."""
    cases = load_cases()
    resets = json.loads(RESET_CASES.read_text(encoding="utf-8"))
    jobs = {
        "diagnose": [oracle_input(c) for c in cases],
        "reset": [{"schema": r["schema"], "schemaName": r["schemaName"]} for r in resets],
    }
    done = subprocess.run(
        ["node", str(REPO / "scripts" / "diagnose_oracle.js"), str(oracle_dir())],
        input=json.dumps(jobs),
        capture_output=True,
        text=True,
        check=True,
    )
    out = json.loads(done.stdout)
    diagnosed = [{"name": c["name"], "engine": a} for c, a in zip(cases, out["diagnose"], strict=True)]
    reset = [{"name": r["name"], "engine": a} for r, a in zip(resets, out["reset"], strict=True)]
    return {
        EXPECTED: json.dumps(diagnosed, indent=2, ensure_ascii=False) + "\n",
        RESET_EXPECTED: json.dumps(reset, indent=2, ensure_ascii=False) + "\n",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the golden files, write nothing")
    args = parser.parse_args()
    if not (oracle_dir() / "node_modules" / "sew6").is_dir():
        print(f"the oracle's engine 6 is not in {oracle_dir()} (set PRISMA_ORACLE)", file=sys.stderr)
        return 2
    stale = 0
    for path, text in answers().items():
        if args.check:
            same = path.exists() and path.read_text(encoding="utf-8") == text
            print(f"{path.name}: {'current' if same else 'differs from the engine'}")
            stale += not same
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
