"""Write ``prisma_tools/_tables.py``: the parser's tables, as Lark builds them from ``grammars/prisma.lark``.

The parser loads that module instead of importing Lark (Lark stays the grammar
compiler, and the error path's parser). Run this after editing the grammar,
or the builder's rule methods, and commit the result::

    python scripts/gen_parser_tables.py          # write the file
    python scripts/gen_parser_tables.py --check  # write nothing; exit 1 if the file is stale

A stale file still works (the parser then builds the tables from Lark at run
time, about 40 ms more), but ``tests/test_fast_parser.py`` fails on it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from prisma_tools import _tablegen  # noqa: E402
from prisma_tools.parser import _Builder, _new_lark  # noqa: E402

TABLES = REPO / "prisma_tools" / "_tables.py"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if the committed file is stale")
    args = ap.parse_args()
    source = _tablegen.render(_new_lark(_Builder()))
    current = TABLES.read_text(encoding="utf-8") if TABLES.exists() else ""
    fresh = _tablegen.comparable(current) == _tablegen.comparable(source)
    if args.check:
        print(f"{TABLES.relative_to(REPO)}: {'up to date' if fresh else 'stale, run scripts/gen_parser_tables.py'}")
        return 0 if fresh else 1
    if current != source:
        TABLES.write_text(source, encoding="utf-8")
        print(f"wrote {TABLES.relative_to(REPO)}")
    else:
        print(f"{TABLES.relative_to(REPO)}: unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
