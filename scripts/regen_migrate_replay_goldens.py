"""Regenerate the oracle answers of tests/test_migrate_replay.py with Prisma's own schema engine.

The EdPsych history has one migration
(``edpsych/migrations/20250522_add_mentorship_and_portfolio_models``). Its FROM and
TO schemas are rebuilt by ``tests/migrate_corpus.py`` (``edpsych_from_to``): TO,
``schema.prisma.backup.fix`` with the ``@unique`` Prisma requires, is the state
after the migration. The repository's current ``schema.prisma`` is the next state.
Written under ``tests/fixtures/migrate/replay/``:

* ``edpsych-next.sql``: ``prisma-oracle sql TO schema.prisma``, the migration
  Prisma writes from the state after the migration to the next schema (what
  ``migrate create`` must write, replaying the folder instead of reading TO);
* ``edpsych-backup-is-after.sql``: ``prisma-oracle sql TO schema.prisma.backup``,
  empty: ``schema.prisma.backup`` describes the same database as TO (the models
  are listed in another order).

Usage::

    python scripts/regen_migrate_replay_goldens.py          # write
    python scripts/regen_migrate_replay_goldens.py --check  # exit 1 when a file is stale

Needs Node.js and the oracle (``../shared/tools/prisma-oracle``, or ``PRISMA_ORACLE``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from migrate_corpus import edpsych_from_to  # noqa: E402

CORPUS = Path(os.environ.get("PRISMA_TOOLS_SHARED", REPO.parent / "shared")) / "corpus"
ORACLE = os.environ.get("PRISMA_ORACLE", str(CORPUS.parent / "tools" / "prisma-oracle" / "prisma-oracle"))
OUT = REPO / "tests" / "fixtures" / "migrate" / "replay"


def oracle_sql(old: Path, new: Path) -> str:
    run = subprocess.run([ORACLE, "sql", str(old), str(new)], capture_output=True, check=False)
    if run.returncode != 0:
        sys.exit(f"prisma-oracle sql {old} {new} failed: {run.stderr.decode('utf-8', 'replace')}")
    return run.stdout.decode("utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when a file is stale")
    args = parser.parse_args()
    edpsych = CORPUS / "edpsych"
    _, to_text = edpsych_from_to((edpsych / "schema.prisma.backup.fix").read_bytes().decode("utf-8"))
    stale = 0
    with tempfile.TemporaryDirectory() as tmp:
        after = Path(tmp) / "schema.prisma"
        after.write_bytes(to_text.encode("utf-8"))
        answers = {
            "edpsych-next.sql": oracle_sql(after, edpsych / "schema.prisma"),
            "edpsych-backup-is-after.sql": oracle_sql(after, edpsych / "schema.prisma.backup"),
        }
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in answers.items():
        path = OUT / name
        if path.exists() and path.read_bytes() == text.encode("utf-8"):
            continue
        stale += 1
        print(f"{'stale' if args.check else 'wrote'}: {path.relative_to(REPO)}")
        if not args.check:
            path.write_bytes(text.encode("utf-8"))
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
