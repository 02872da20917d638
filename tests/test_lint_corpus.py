"""The lint rules on the realworld corpus and on our own cases, every rule selected, against committed figures.

``tests/fixtures/lint/corpus.json`` holds, per valid schema, the findings per rule and
what Prisma's engines said of the fixed schema (written by ``scripts/lint_corpus.py
--update``, which asks the oracle). Here, without the oracle: the findings are the same,
the fixed text is the very text the oracle judged (same digest), and the oracle's verdicts
were good: still VALID, the same database names (DMMF), and for the SQL providers the same
tables and columns in ``sql --empty`` (identical SQL after the renaming rules' fixes).
Our own validator checks the fixed text too.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from typing import Any

import pytest
from conftest import CORPUS, REPO, require_shared

import prisma_tools
from prisma_tools.lint import fix_texts, lint_texts

sys.path.insert(0, str(REPO / "scripts"))
from lint_corpus import all_rules, digest, read_entry

GOLDEN: dict[str, dict[str, Any]] = json.loads((REPO / "tests" / "fixtures" / "lint" / "corpus.json").read_text())
pytestmark = pytest.mark.corpus


def errors(texts: dict[str, str]) -> int:
    from prisma_tools.nodes import Schema, construct
    from prisma_tools.parser import parse_file_text

    files = tuple(parse_file_text(t, p, strict=False) for p, t in texts.items())
    schema = construct(Schema, {"files": files})
    return sum(1 for d in prisma_tools.validate(schema, sources=texts) if d.severity == "error")


def test_the_figures_cover_the_valid_corpus() -> None:
    require_shared(CORPUS / "realworld" / "MANIFEST.tsv", "the realworld corpus")
    lines = (CORPUS / "realworld" / "MANIFEST.tsv").read_text().splitlines()[1:]
    valid = sorted(line.split("\t")[0] for line in lines if line and line.split("\t")[7] == "VALID")
    assert sorted(k for k in GOLDEN if not k.startswith("cases/")) == valid


@pytest.mark.parametrize("entry", sorted(GOLDEN))
def test_findings_and_fixes(entry: str) -> None:
    golden = GOLDEN[entry]
    if not entry.startswith("cases/"):
        require_shared(CORPUS / "realworld" / "MANIFEST.tsv", "the realworld corpus")
    texts = read_entry(entry)
    rules = all_rules()
    found = lint_texts(texts, rules)
    assert dict(sorted(Counter(d.code for d in found).items())) == golden["findings"]
    result = fix_texts(texts, rules, unsafe=True)
    assert digest(result.texts) == golden["fixed_digest"], "fixes changed: run scripts/lint_corpus.py --update"
    assert golden["oracle_valid"], golden.get("oracle_message")
    assert golden["renamed_oracle_valid"]
    assert golden["dmmf_names_same"]
    if "renamed_sql_identical" in golden:
        assert golden["renamed_sql_identical"]
        assert golden["sql_names_same"]
    assert golden["idempotent"]  # a second run changed nothing
    assert errors(result.texts) == errors(texts) == 0
