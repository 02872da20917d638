"""Regenerate the golden outputs of the repair passes, and check them with Prisma.

For every case under ``tests/fixtures/passes/<pass>/`` (see
``tests/pass_cases.py`` for the file convention) this runs our fixer on
``NAME.input.prisma`` (merging ``NAME.merge.prisma`` when present) and writes
``NAME.output.prisma`` and ``NAME.changes.txt``. Then it asks the oracle
(Prisma's engines compiled to WebAssembly) about each output:

* ``prisma-oracle validate`` must print ``VALID``;
* ``prisma-oracle format`` must give the output back unchanged (it is canonical);

and, for comparison, what ``prisma format`` itself makes of the input: whether
that validates and whether it equals our output. The answers go to
``tests/fixtures/passes/ORACLE.tsv`` with a digest of each output, so the
test-suite (which needs neither Node nor the network) can tell that the
committed outputs are the ones Prisma accepted. The EdPsych acceptance
scenarios (``SCENARIOS`` in ``tests/pass_cases.py``) are checked the same way
into ``CORPUS_ORACLE.tsv`` (their outputs are not committed, only digests).

Usage (from anywhere)::

    python scripts/regen_pass_goldens.py          # write outputs, reports and the .tsv files
    python scripts/regen_pass_goldens.py --check  # write nothing; exit 1 if anything is stale

The script exits 1 if Prisma rejects an output or reformats it. The oracle is
``../shared/tools/prisma-oracle/prisma-oracle`` (``PRISMA_ORACLE`` overrides),
the corpus ``../shared/corpus`` (``PRISMA_TOOLS_SHARED`` overrides ``../shared``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from pass_cases import (  # noqa: E402
    CORPUS_TSV,
    ORACLE_COLUMNS,
    ORACLE_TSV,
    SCENARIOS,
    Golden,
    goldens,
    sha256,
)

from prisma_tools.printer import print_file  # noqa: E402

SHARED = Path(os.environ.get("PRISMA_TOOLS_SHARED", REPO.parent / "shared"))
HEADER = "# What Prisma said about each output when scripts/regen_pass_goldens.py wrote it.\n"


def oracle_path() -> Path:
    return Path(os.environ.get("PRISMA_ORACLE", SHARED / "tools" / "prisma-oracle" / "prisma-oracle"))


class Oracle:
    def __init__(self, path: Path) -> None:
        self.path = path

    def run(self, command: str, files: Sequence[Path]) -> tuple[int, str]:
        proc = subprocess.run([str(self.path), command, *map(str, files)], capture_output=True, text=True, check=False)
        return proc.returncode, proc.stdout

    def validate(self, files: Sequence[Path]) -> str:
        code, out = self.run("validate", files)
        return "VALID" if code == 0 and out.strip() == "VALID" else "ERROR"

    def format(self, files: Sequence[Path]) -> list[str] | None:
        """The formatted text of each file, or None if the oracle failed."""
        code, out = self.run("format", files)
        if code != 0:
            return None
        if len(files) == 1:
            return [out]
        return [text for _path, text in json.loads(out)]


def check_texts(oracle: Oracle, texts: dict[str, str]) -> tuple[str, bool]:
    """Validate and format ``texts`` (relative path -> text) as one schema: (verdict, canonical)."""
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for rel, text in sorted(texts.items()):
            p = Path(tmp) / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(text.encode("utf-8"))
            files.append(p)
        formatted = oracle.format(files)
        canonical = formatted == [texts[rel] for rel in sorted(texts)]
        return oracle.validate(files), canonical


def golden_row(oracle: Oracle, case: Golden, texts: dict[Path, str]) -> dict[str, str]:
    ours = {p.relative_to(case.output).as_posix() if case.input.is_dir() else p.name: t for p, t in texts.items()}
    verdict, canonical = check_texts(oracle, ours)
    # Prisma's own formatter on the input, for comparison
    inputs = case.input_files()
    prisma = None if case.merge is not None else oracle.format(inputs)  # prisma format cannot merge
    prisma_valid = "n/a"
    agrees = "n/a"
    if prisma is not None:
        rels = [f.name if not case.input.is_dir() else f.relative_to(case.input).as_posix() for f in inputs]
        prisma_valid, _ = check_texts(oracle, dict(zip(rels, prisma, strict=True)))
        agrees = "yes" if prisma == [texts[case.output_path(f)] for f in inputs] else "no"
    return {
        "case": case.id,
        "output_sha256": sha256(texts),
        "validate": verdict,
        "canonical": "yes" if canonical else "no",
        "prisma_format_validates": prisma_valid,
        "agrees_with_prisma": agrees,
    }


def render_tsv(rows: list[dict[str, str]]) -> str:
    lines = [HEADER, "\t".join(ORACLE_COLUMNS) + "\n"]
    lines.extend("\t".join(r[c] for c in ORACLE_COLUMNS) + "\n" for r in rows)
    return "".join(lines)


def write(path: Path, text: str, check: bool, stale: list[str]) -> None:
    if path.exists() and path.read_bytes() == text.encode("utf-8"):
        return
    stale.append(str(path.relative_to(REPO)))
    if not check:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if anything is stale")
    args = parser.parse_args(argv)
    oracle = Oracle(oracle_path())
    if not oracle.path.exists():
        print(f"oracle not found at {oracle.path} (set PRISMA_ORACLE)", file=sys.stderr)
        return 2

    stale: list[str] = []
    rejected: list[str] = []
    rows = []
    for case in goldens():
        texts, report = case.rendered()
        for path, text in texts.items():
            write(path, text, args.check, stale)
        write(case.changes, report, args.check, stale)
        row = golden_row(oracle, case, texts)
        rows.append(row)
        if row["validate"] != "VALID" or row["canonical"] != "yes":
            rejected.append(f"{case.id}: validate {row['validate']}, canonical {row['canonical']}")
        print(
            f"{case.id}: {row['validate']}, canonical {row['canonical']}, "
            f"prisma format {row['prisma_format_validates']}, agrees {row['agrees_with_prisma']}"
        )
    write(ORACLE_TSV, render_tsv(rows), args.check, stale)

    edpsych = SHARED / "corpus" / "edpsych"
    if edpsych.is_dir():
        corpus_rows = []
        for scenario in SCENARIOS:
            _, result = scenario.run(edpsych)
            texts = {Path(f.path): print_file(f) for f in result.schema.files}
            verdict, canonical = check_texts(oracle, {p.name: t for p, t in texts.items()})
            corpus_rows.append(
                {
                    "case": scenario.name,
                    "output_sha256": sha256(texts),
                    "validate": verdict,
                    "canonical": "yes" if canonical else "no",
                    "prisma_format_validates": "n/a",
                    "agrees_with_prisma": "n/a",
                }
            )
            if verdict != "VALID" or not canonical:
                rejected.append(f"edpsych/{scenario.name}: validate {verdict}, canonical {canonical}")
            print(
                f"edpsych/{scenario.name}: {verdict}, canonical {'yes' if canonical else 'no'}, "
                f"{len(result.changes)} change(s)"
            )
        write(CORPUS_TSV, render_tsv(corpus_rows), args.check, stale)
    else:
        print(f"corpus not found at {edpsych}; CORPUS_ORACLE.tsv left as it is", file=sys.stderr)

    for name in stale:
        print(("stale: " if args.check else "wrote ") + name)
    for line in rejected:
        print("REJECTED " + line, file=sys.stderr)
    return 1 if rejected or (args.check and stale) else 0


if __name__ == "__main__":
    sys.exit(main())
