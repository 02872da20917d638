"""The golden corpus of rule fixes: ``tests/fixtures/fixes/NAME.prisma``, one schema per fix.

The first line of a case is ``// prisma-tools: fix [ARGS...]``: the arguments
``fix`` runs with (say ``--unsafe-fixes``, or ``--ignore PT004`` so that the rule's
fix, not the repair pass, does the work). ``ORACLE.json`` holds, per case, a digest
of our fixed text and what Prisma said about it (``prisma-oracle lint`` and
``format``), written by ``scripts/regen_fix_goldens.py``.
"""

from __future__ import annotations

import hashlib
import shlex
from pathlib import Path

from click.testing import CliRunner

from prisma_tools.cli.app import cli

FIXES = Path(__file__).resolve().parent / "fixtures" / "fixes"
ORACLE_JSON = FIXES / "ORACLE.json"


def cases() -> list[Path]:
    return sorted(FIXES.glob("*.prisma"))


def arguments(case: Path) -> list[str]:
    first = case.read_text(encoding="utf-8").splitlines()[0]
    prefix = "// prisma-tools: fix"
    assert first.startswith(prefix), f"{case.name}: first line must be `{prefix} [ARGS]`"
    return shlex.split(first[len(prefix) :])


def run_fix(text: str, args: list[str], name: str) -> tuple[int, str, str]:
    """``prisma-tools fix ARGS -`` on ``text``: exit status, fixed text, messages."""
    r = CliRunner().invoke(
        cli, ["fix", *args, "--prisma-version", "6", "--stdin-filename", name, "-"], input=text.encode()
    )
    return r.exit_code, r.stdout, r.stderr


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def files_digest(files: dict[str, str]) -> str:
    """A short digest of a schema's files (path and text of each)."""
    return sha256("\0".join(f"{p}\0{t}" for p, t in sorted(files.items())))[:16]
