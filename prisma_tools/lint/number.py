"""Grammatical number (singular or plural) of English names, for the ``*-grammatical-number`` rules.

prisma-lint asks the npm package ``pluralize``; the PyPI package ``pluralizer``
is a port of that package (its rules, irregular words and uncountable words),
typed and without dependencies, so a name is plural here exactly when it is
for prisma-lint: on the 5,939 distinct model and field names of the test corpus,
``is_plural``, ``singular`` and ``plural`` agree with the npm package on every one
(``tests/test_lint_number.py`` keeps checking the 1,880 model and list-field names, which
the rules judge), while ``inflect``, the most used English inflection library on PyPI,
disagrees on 44 of them, "Media" and "research" among them. It is
the optional extra ``prisma-tools[lint]``; the rules that need it say so when it
is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pluralizer import Pluralizer

__all__ = ["MissingDependency", "Number", "number"]


class MissingDependency(RuntimeError):
    """A selected rule needs a package that is not installed."""


class Number:
    """Singular and plural forms, with prisma-lint's irregular plurals added."""

    def __init__(self, engine: Pluralizer) -> None:
        self._engine = engine

    def is_plural(self, word: str) -> bool:
        return bool(self._engine.is_plural(word))

    def singular(self, word: str) -> str:
        return str(self._engine.singular(word))

    def plural(self, word: str) -> str:
        return str(self._engine.plural(word))


def number(rule: str, irregular_plurals: Mapping[str, str] | None = None) -> Number:
    """The inflector for ``rule``; raises :class:`MissingDependency` without ``pluralizer``."""
    return _number(tuple(sorted((irregular_plurals or {}).items())), rule)


@cache
def _number(irregular: tuple[tuple[str, str], ...], rule: str) -> Number:
    try:
        from pluralizer import Pluralizer
    except ImportError:
        raise MissingDependency(
            f"rule {rule} needs the package `pluralizer`: pip install 'prisma-tools[lint]'"
        ) from None
    make: Callable[[], Pluralizer] = Pluralizer  # its __init__ is unannotated
    engine = make()
    for singular, plural in irregular:
        engine.add_irregular_rule(singular, plural)
    return Number(engine)
