#!/usr/bin/env python3
"""Write docs/rules.md: every rule of prisma-tools with its documentation and fix.

usage: python scripts/gen_rules_doc.py [--check]

The text comes from the registry (prisma_tools/registry.py: rule_docs), the same that
`prisma-tools rule CODE` prints. `--check` writes nothing and exits 1 when the file is
stale; tests/test_rules_doc.py does the same check.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from prisma_tools.registry import all_rules, render_rules_doc  # noqa: E402

TARGET = ROOT / "docs" / "rules.md"


def main() -> int:
    text = render_rules_doc(all_rules())
    if "--check" in sys.argv[1:]:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is stale: run python scripts/gen_rules_doc.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)} ({len(all_rules())} rules)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
