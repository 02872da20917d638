#!/usr/bin/env python3
"""How many files of Prisma's validation suite does `check` judge exactly as Prisma? (in process)

usage: python scripts/validation_agreement.py [--engine 6|7] [--show N] [--filter SUBSTR] [--update]

Reads ../shared/prisma-tests/validation (beside the repository). `--update` rewrites
tests/validation/known-failures-<engine>.txt, the files the conformance test expects to
disagree (each with the first difference), so that the test fails on any regression and on
any file that starts agreeing without the list being updated.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from prisma_tools.validation.conformance import compare, load_answer, our_answer  # noqa: E402

SUITE = ROOT.parent / "shared" / "prisma-tests" / "validation"


def suite_files() -> list[Path]:
    return sorted(p for p in SUITE.rglob("*") if p.is_file() and not p.name.endswith((".json", ".tsv", ".md")))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--engine", type=int, default=6, choices=[6, 7])
    ap.add_argument("--show", type=int, default=10)
    ap.add_argument("--filter", default="")
    ap.add_argument("--update", action="store_true")
    a = ap.parse_args()
    files = [p for p in suite_files() if a.filter in str(p.relative_to(SUITE))]
    ok = shown = 0
    failing: list[str] = []
    for p in files:
        rel = str(p.relative_to(SUITE))
        theirs = load_answer(p.parent / f"{p.name}.lint{a.engine}.json")
        try:
            ours = our_answer([p], prisma_version=a.engine)
        except Exception as e:  # a crash is a disagreement, shown as such
            ours = [("<crash>", 0, 0, f"{type(e).__name__}: {e}", False)]
        missing, extra = compare(ours, theirs)
        if not missing and not extra:
            ok += 1
            continue
        failing.append(rel)
        if shown < a.show:
            shown += 1
            print(f"--- {rel}")
            data = p.read_bytes()
            for tag, items in (("missing", missing), ("extra  ", extra)):
                for _f, s, e, text, warn in items:
                    print(f"  {tag} {s}-{e} {data[s:e][:40]!r} {'warning' if warn else 'error'}: {text[:200]}")
    print(f"validation suite (engine {a.engine}): {ok}/{len(files)} agree")
    if a.update and not a.filter:
        out = ROOT / "tests" / "validation" / f"known-failures-{a.engine}.txt"
        out.write_text(
            "# Files of Prisma's validation suite where `check` does not yet agree with Prisma\n"
            f"# (engine {a.engine}); regenerate with scripts/validation_agreement.py --engine {a.engine} --update\n"
            + "".join(f"{r}\n" for r in failing),
            encoding="utf-8",
        )
    return 0 if ok == len(files) else 1


if __name__ == "__main__":
    sys.exit(main())
