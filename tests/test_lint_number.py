"""The grammatical-number rules judge names as prisma-lint does.

``tests/fixtures/lint/pluralize.json`` holds the answers of prisma-lint's inflector (the
npm package ``pluralize``) for the model and list-field names of the test corpus
(``scripts/regen_pluralize_golden.py``); ``pluralizer``, which the rules use, must give
the same ones.
"""

from __future__ import annotations

import json

from conftest import FIXTURES

from prisma_tools.lint.number import number

GOLDEN: dict[str, list[object]] = json.loads((FIXTURES / "lint" / "pluralize.json").read_text())


def test_pluralizer_agrees_with_prisma_lints_inflector() -> None:
    inflect = number("test")
    wrong = {
        name: answer
        for name, answer in GOLDEN.items()
        if [inflect.is_plural(name), inflect.singular(name), inflect.plural(name)] != answer
    }
    assert len(GOLDEN) > 1000
    assert wrong == {}


def test_irregular_plurals_are_per_configuration() -> None:
    assert number("a", {"bill_of_lading": "bills_of_lading"}).plural("bill_of_lading") == "bills_of_lading"
    assert number("a").plural("bill_of_lading") == "bill_of_ladings"  # prisma-lint's leaks across rules; ours do not
