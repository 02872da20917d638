"""Split every valid single-file realworld corpus schema into a folder and join it back; ask Prisma.

For each schema: ``prisma-oracle dmmf`` of the split folder (its files in
Prisma's order, names in byte order) and of the joined file must equal the
original's, order included (the numbered file names keep it; ``--plain``
compares models, enums and types by name); the joined file must be what
``prisma-oracle format`` prints for the original (tests/test_split.py checks
the same natively).

Usage: ``python scripts/split_corpus.py [--by model|namespace] [--plain]``; prints failures and figures.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from conftest import ORACLE  # noqa: E402
from rename_cases import valid_entries  # noqa: E402

from prisma_tools.edit.split import join, split  # noqa: E402
from prisma_tools.files import load  # noqa: E402


def _oracle(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ORACLE), *args], capture_output=True, text=True, check=False)


def _dmmf(*files: str, ordered: bool) -> object:
    out = _oracle("dmmf", *files)
    if out.returncode != 0:
        return ("error", out.stdout + out.stderr)
    dm = json.loads(out.stdout)["datamodel"]
    if ordered:
        return dm
    return {k: sorted(dm[k], key=lambda x: x["name"]) for k in ("models", "enums", "types")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--by", choices=("model", "namespace"), default="model")
    ap.add_argument("--plain", action="store_true", help="file names without positions")
    args = ap.parse_args()
    ordered = not args.plain and args.by == "model"
    done = ok = 0
    for entry in valid_entries():
        if not entry.path.is_file():
            continue
        done += 1
        with tempfile.TemporaryDirectory() as t:
            folder = Path(t) / "schema"
            folder.mkdir()
            files = split(load(entry.path), by=args.by, numbered=not args.plain)
            for name, text in files.items():
                (folder / name).write_text(text, encoding="utf-8")
            joined = Path(t) / "joined.prisma"
            joined.write_text(join(load(folder)), encoding="utf-8")
            before = _dmmf(str(entry.path), ordered=ordered)
            problems = []
            if _dmmf(*sorted(str(p) for p in folder.iterdir()), ordered=ordered) != before:
                problems.append("split folder: other DMMF")
            if _dmmf(str(joined), ordered=ordered) != before:
                problems.append("joined file: other DMMF")
            if ordered and joined.read_text(encoding="utf-8") != _oracle("format", str(entry.path)).stdout:
                problems.append("joined file: not the original as prisma format prints it")
        if problems:
            print(f"fail: {entry.name}: {'; '.join(problems)}", flush=True)
        else:
            ok += 1
    what = "same DMMF (order included) and join == prisma format of the original" if ordered else "same DMMF"
    print(f"schemas: {done}; {what}: {ok}")
    return 0 if ok == done else 1


if __name__ == "__main__":
    raise SystemExit(main())
