#!/usr/bin/env python3
"""Regenerate tests/fixtures/fixes/ORACLE.json: what Prisma says about each fixed golden case.

For every case (tests/fix_cases.py explains the files) this runs `prisma-tools fix` as the
case's first line says, then asks the oracle (Prisma's engines) about the result:
`prisma-oracle lint` (every error and warning left) and `prisma-oracle format` (whether
the text is already canonical). The test-suite compares the digest of its own output
with the one recorded here, so a change of output needs this script (and Prisma's
approval) again.

usage: python scripts/regen_fix_goldens.py [--check]

The oracle is ../shared/tools/prisma-oracle/prisma-oracle (PRISMA_ORACLE overrides; PRISMA_TOOLS_SHARED
overrides ../shared).
Exits 1 when a fixed case is not valid, not canonical, or (with --check) the file is stale.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.fix_cases import ORACLE_JSON, arguments, cases, run_fix, sha256  # noqa: E402

SHARED = Path(os.environ.get("PRISMA_TOOLS_SHARED", REPO.parent / "shared"))
ORACLE = Path(os.environ.get("PRISMA_ORACLE", SHARED / "tools" / "prisma-oracle" / "prisma-oracle"))


def ask(command: str, text: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "schema.prisma"
        path.write_text(text, encoding="utf-8")
        done = subprocess.run([str(ORACLE), command, str(path)], capture_output=True, text=True, check=False)
        if command == "format":
            return done.stdout
        return done.stdout.replace(str(path), "schema.prisma")


def main() -> int:
    answers: dict[str, object] = {}
    bad = []
    for case in cases():
        _, fixed, _ = run_fix(case.read_text(encoding="utf-8"), arguments(case), case.name)
        lint = json.loads(ask("lint", fixed) or "[]")
        canonical = ask("format", fixed) == fixed
        answers[case.name] = {
            "sha256": sha256(fixed),
            "lint": [{"text": d["text"], "is_warning": d["is_warning"]} for d in lint],
            "canonical": canonical,
        }
        if lint or not canonical:
            bad.append(case.name)
    text = json.dumps(answers, indent=2, ensure_ascii=False) + "\n"
    if "--check" in sys.argv[1:]:
        if not ORACLE_JSON.exists() or ORACLE_JSON.read_text(encoding="utf-8") != text:
            print(f"{ORACLE_JSON} is stale", file=sys.stderr)
            return 1
    else:
        ORACLE_JSON.write_text(text, encoding="utf-8")
        print(f"wrote {ORACLE_JSON.relative_to(REPO)} ({len(answers)} cases)")
    for name in bad:
        print(f"{name}: Prisma does not accept the fixed text as valid and canonical", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
