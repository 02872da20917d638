"""Record what prisma-lint's inflector (the npm package ``pluralize``) says of the corpus's names.

The grammatical-number rules use the PyPI package ``pluralizer``, a port of ``pluralize``;
tests/test_lint_number.py checks that it agrees with this golden on every name. The names
are the model names and the list-field names of every schema under ../shared/corpus, as
the two rules see them. Needs node and npm (``pluralize@8`` is installed into a temporary
folder).

    python scripts/regen_pluralize_golden.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import prisma_tools  # noqa: E402
from prisma_tools.diagnostics import ParseError  # noqa: E402

SHARED = Path(os.environ.get("PRISMA_TOOLS_SHARED", REPO.parent / "shared"))
GOLDEN = REPO / "tests" / "fixtures" / "lint" / "pluralize.json"
JS = """
const p = require('pluralize');
const names = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = {};
for (const n of names) out[n] = [p.isPlural(n), p.singular(n), p.plural(n)];
process.stdout.write(JSON.stringify(out, null, 0));
"""


def names() -> list[str]:
    found: set[str] = set()
    for path in sorted((SHARED / "corpus").rglob("*.prisma")):
        try:
            schema = prisma_tools.parse(path.read_text(encoding="utf-8"), str(path))
        except (ParseError, UnicodeDecodeError):
            continue
        for model in schema.models:
            found.add(model.name)
            found.update(f.name for f in model.fields if f.type is not None and f.type.list)
    return sorted(found)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["npm", "install", "--silent", "--prefix", folder, "pluralize@8"], check=True)
        done = subprocess.run(
            ["node", "-e", JS],
            input=json.dumps(names()),
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "NODE_PATH": str(Path(folder) / "node_modules")},
        )
    answers = json.loads(done.stdout)
    lines = [f"{json.dumps(k)}: {json.dumps(v)}" for k, v in sorted(answers.items())]
    GOLDEN.write_text("{\n" + ",\n".join(lines) + "\n}\n")  # one name a line
    print(f"{len(answers)} names -> {GOLDEN.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
