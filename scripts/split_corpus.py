"""Split every valid single-file realworld corpus schema into a folder and join it back; ask Prisma.

For each schema: ``prisma-oracle dmmf`` of the split folder (and of the joined
file) must equal the original's, models, enums and types compared by name
(a folder is read file by file, so the order of the blocks is the folder's);
the joined file must hold the original's blocks exactly as ``prisma format``
prints them (checked natively, as in tests/test_split.py).

Usage: ``python scripts/split_corpus.py [--by model|namespace]``; prints failures and figures.
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


def _dmmf(*files: str) -> object:
    out = subprocess.run([str(ORACLE), "dmmf", *files], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        return ("error", out.stdout + out.stderr)
    dm = json.loads(out.stdout)["datamodel"]
    return {k: sorted(dm[k], key=lambda x: x["name"]) for k in ("models", "enums", "types")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--by", choices=("model", "namespace"), default="model")
    args = ap.parse_args()
    done = ok = 0
    for entry in valid_entries():
        if not entry.path.is_file():
            continue
        done += 1
        with tempfile.TemporaryDirectory() as t:
            folder = Path(t) / "schema"
            folder.mkdir()
            files = split(load(entry.path), by=args.by)
            for name, text in files.items():
                (folder / name).write_text(text, encoding="utf-8")
            joined = Path(t) / "joined.prisma"
            joined.write_text(join(load(folder)), encoding="utf-8")
            before = _dmmf(str(entry.path))
            problems = []
            if _dmmf(*sorted(str(p) for p in folder.iterdir())) != before:
                problems.append("split folder: other DMMF")
            if _dmmf(str(joined)) != before:
                problems.append("joined file: other DMMF")
        if problems:
            print(f"fail: {entry.name}: {'; '.join(problems)}", flush=True)
        else:
            ok += 1
    print(f"schemas: {done}; same DMMF after split and after join: {ok}")
    return 0 if ok == done else 1


if __name__ == "__main__":
    raise SystemExit(main())
