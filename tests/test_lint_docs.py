"""docs/lint.md is generated from the rules, and every rule's documented example behaves as documented."""

from __future__ import annotations

import re

import pytest
from conftest import REPO

import prisma_tools
from prisma_tools.lint import RULES, LintSettings, configure, lint_schema
from prisma_tools.lint.docs import render

# the options each rule's example is documented with (its docs say "With ...")
EXAMPLE_OPTIONS = {
    "enum-value-case": {"style": "snake", "case": "upper"},
    "field-name-grammatical-number": {"ifList": "plural"},
    "field-order": {"order": ["tenantId", "id", "..."]},
    "forbid-field": {"forbid": ["id", "/^(?!.*[aA]mountD6$).*D6$/"]},
    "model-name-grammatical-number": {"style": "singular"},
    "model-name-prefix": {"prefix": "Db"},
    "require-field-index": {"forAllRelations": True},
    "require-field-type": {"require": [{"ifName": "/At$/", "type": "DateTime"}]},
    "require-field": {"require": ["id", {"name": "currencyCode", "ifSibling": "/mountD6$/"}]},
}


def test_docs_are_current() -> None:
    assert (REPO / "docs" / "lint.md").read_text() == render(), "run python scripts/gen_lint_docs.py"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_documented_example(rule: object) -> None:
    from prisma_tools.lint import LintRule

    assert isinstance(rule, LintRule)
    [example] = re.findall(r"```prisma\n(.*?)```", rule.docs, flags=re.S)
    good, bad = example.split("// bad\n")
    settings = LintSettings(select=[rule.name], options={rule.name: EXAMPLE_OPTIONS.get(rule.name, {})})
    for text, expected in ((good.replace("// good\n", ""), False), (bad, True)):
        db = prisma_tools.analyze(prisma_tools.parse(text, "example.prisma"))
        assert bool(lint_schema(db, configure(settings))) is expected, text
