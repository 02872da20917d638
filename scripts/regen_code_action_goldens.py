#!/usr/bin/env python3
"""Ask Prisma's language server for its quick fixes on every schema our fixes are compared on.

Writes tests/fixtures/code_actions/prisma.json: for each scenario of
../shared/prisma-tests/code-actions/scenarios (its files as they are, not its result.json,
which may come from another commit) and each golden fix case (tests/fixtures/fixes), the code
actions Prisma's engines offer for the diagnostics of the target file, with a digest of the
files asked about. tests/test_code_actions.py then checks that where we offer the same fix,
our text after it equals the text after Prisma's. Uses node and
scripts/prisma_code_actions.js (the engines of ../shared/tools/prisma-oracle).

usage: python scripts/regen_code_action_goldens.py [--check]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.code_actions import GOLDEN, engine, fix_case_scenarios, load, scenario_digest  # noqa: E402

SHARED = Path(os.environ.get("PRISMA_TOOLS_SHARED", REPO.parent / "shared"))
SCENARIOS = SHARED / "prisma-tests" / "code-actions" / "scenarios"


def main() -> int:
    scenarios = [s for s in (load(p, require_result=False) for p in sorted(SCENARIOS.iterdir()) if p.is_dir()) if s]
    groups = {"scenarios": scenarios, "fix_cases": fix_case_scenarios()}
    requests = [
        {"files": list(s.texts.items()), "target": s.target, "version": engine(s)}
        for group in groups.values()
        for s in group
    ]
    env = {**os.environ, "PRISMA_ORACLE_DIR": str(SHARED / "tools" / "prisma-oracle")}
    done = subprocess.run(
        ["node", str(REPO / "scripts" / "prisma_code_actions.js")],
        input=json.dumps(requests),
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    answers = iter(json.loads(done.stdout))
    out: dict[str, dict[str, object]] = {}
    for name, group in groups.items():
        out[name] = {s.name: {"digest": scenario_digest(s), "actions": next(answers)} for s in group}
    text = json.dumps(out, indent=1, ensure_ascii=False) + "\n"
    if "--check" in sys.argv[1:]:
        if not GOLDEN.exists() or GOLDEN.read_text(encoding="utf-8") != text:
            print(f"{GOLDEN} is stale", file=sys.stderr)
            return 1
        return 0
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    GOLDEN.write_text(text, encoding="utf-8")
    counts = {name: sum(len(v["actions"]) for v in entries.values()) for name, entries in out.items()}  # type: ignore[arg-type]
    print(f"wrote {GOLDEN.relative_to(REPO)}: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
