#!/usr/bin/env python3
"""How far does `fix` get on the mistakes of the mutation corpus? (a measurement, in process + Prisma)

For every mutation of tests/validation/corpus/mutations.json (a valid real-world schema with one
mistake that Prisma rejects), run `fix` (as `prisma-tools fix`, with --unsafe-fixes unless --safe)
and ask Prisma's engine 6 (scripts/prisma_code_actions.js --lint, one Node process) about the
result. Prints, per mutation kind: how many Prisma rejected, how many it accepts after the fix,
and the rules whose fixes were applied.

usage: python scripts/fix_mutations.py [--safe] [--kind KIND] [--write]

--write records, for every mutation that a rule's fix (not only a pass) makes valid, the digest of
the fixed files in tests/fixtures/fixes/MUTATIONS.json; tests/test_fix_mutations.py checks that
`fix --unsafe-fixes` still writes exactly those files (Prisma accepted them).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from fix_cases import files_digest  # noqa: E402
from mutations import load_recipes  # noqa: E402
from validation_corpus_cases import corpus_schemas  # noqa: E402

from prisma_tools.autofix import fix_schema, parse_texts  # noqa: E402
from prisma_tools.printer import print_file  # noqa: E402

SHARED = Path(os.environ.get("PRISMA_TOOLS_SHARED", REPO.parent / "shared"))


def main() -> int:
    unsafe = "--safe" not in sys.argv[1:]
    kind = sys.argv[sys.argv.index("--kind") + 1] if "--kind" in sys.argv else None
    schemas = {s.id: s for s in corpus_schemas()}
    rows = []
    requests = []
    for recipe in load_recipes():
        if kind and recipe.kind != kind:
            continue
        if not any(not key[4] for key in recipe.answers.get(6, [])):  # (path, start, end, text, is_warning)
            continue
        texts = recipe.apply(schemas[recipe.schema].texts())
        try:
            fixed, found = fix_schema(parse_texts(texts), unsafe=unsafe)
        except Exception as e:  # a crash is a finding of this measurement
            rows.append((recipe, None, [f"crash: {type(e).__name__}: {e}"]))
            continue
        out = {f.path: print_file(f) for f in fixed.files}
        codes = [d.code or "" for d in found if d.fix is not None or d.severity == "info"]
        rows.append((recipe, out, codes))
        requests.append({"files": list(out.items()), "target": next(iter(out)), "version": 6})
    env = {**os.environ, "PRISMA_ORACLE_DIR": str(SHARED / "tools" / "prisma-oracle")}
    done = subprocess.run(
        ["node", str(REPO / "scripts" / "prisma_code_actions.js"), "--lint"],
        input=json.dumps(requests),
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    answers = iter(json.loads(done.stdout))
    accepted: dict[str, str] = {}
    table: dict[str, Counter[str]] = defaultdict(Counter)
    fixes: dict[str, Counter[str]] = defaultdict(Counter)
    for recipe, out, codes in rows:
        t = table[recipe.kind]
        t["rejected"] += 1
        if out is None:
            t["crash"] += 1
            print(recipe.id, codes[0], file=sys.stderr)
            continue
        left = [d for d in next(answers) if not d["is_warning"]]
        if not left:
            t["valid after fix"] += 1
            if any(not c.startswith("PT") for c in codes):
                accepted[recipe.id] = files_digest(out)
        if codes:
            t["changed by fix"] += 1
        fixes[recipe.kind].update(codes)
    total: Counter[str] = Counter()
    print(f"{'mutation kind':32} {'rejected':>8} {'fixed':>6}  fixes applied")
    for k in sorted(table):
        t = table[k]
        total.update(t)
        applied = ", ".join(f"{c} x{n}" for c, n in fixes[k].most_common())
        print(f"{k:32} {t['rejected']:>8} {t['valid after fix']:>6}  {applied}")
    print(f"{'total':32} {total['rejected']:>8} {total['valid after fix']:>6}  crashes: {total['crash']}")
    if "--write" in sys.argv[1:] and unsafe and kind is None:
        target = REPO / "tests" / "fixtures" / "fixes" / "MUTATIONS.json"
        target.write_text(json.dumps(accepted, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {target.relative_to(REPO)} ({len(accepted)} mutations a rule's fix makes valid)")
    return 1 if total["crash"] else 0


if __name__ == "__main__":
    sys.exit(main())
