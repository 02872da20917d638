"""Every lint rule, in code order, and lookup by code, code prefix or name."""

from __future__ import annotations

from .rule import LintRule
from .rules.fields import (
    BAN_UNBOUNDED_STRING_TYPE,
    FORBID_FIELD,
    FORBID_REQUIRED_IGNORED_FIELD,
    REQUIRE_DEFAULT_EMPTY_ARRAYS,
    REQUIRE_FIELD,
    REQUIRE_FIELD_TYPE,
)
from .rules.grammatical_number import FIELD_NAME_GRAMMATICAL_NUMBER, MODEL_NAME_GRAMMATICAL_NUMBER
from .rules.indexes import REQUIRE_FIELD_INDEX
from .rules.mapping import FIELD_NAME_MAPPING_SNAKE_CASE, MODEL_NAME_MAPPING_SNAKE_CASE
from .rules.naming import (
    ENUM_NAME_PASCAL_CASE,
    ENUM_VALUE_CASE,
    ENUM_VALUE_SNAKE_CASE,
    FIELD_NAME_CAMEL_CASE,
    MODEL_NAME_PASCAL_CASE,
    MODEL_NAME_PREFIX,
)
from .rules.order import FIELD_ORDER

__all__ = ["RULES", "UnknownRule", "resolve_selectors"]

RULES: tuple[LintRule, ...] = tuple(
    sorted(
        (
            BAN_UNBOUNDED_STRING_TYPE,
            ENUM_NAME_PASCAL_CASE,
            ENUM_VALUE_CASE,
            ENUM_VALUE_SNAKE_CASE,
            FIELD_NAME_CAMEL_CASE,
            FIELD_NAME_GRAMMATICAL_NUMBER,
            FIELD_NAME_MAPPING_SNAKE_CASE,
            FIELD_ORDER,
            FORBID_FIELD,
            FORBID_REQUIRED_IGNORED_FIELD,
            MODEL_NAME_GRAMMATICAL_NUMBER,
            MODEL_NAME_MAPPING_SNAKE_CASE,
            MODEL_NAME_PASCAL_CASE,
            MODEL_NAME_PREFIX,
            REQUIRE_DEFAULT_EMPTY_ARRAYS,
            REQUIRE_FIELD_INDEX,
            REQUIRE_FIELD_TYPE,
            REQUIRE_FIELD,
        ),
        key=lambda r: r.code,
    )
)
"""PL001-PL018: prisma-lint's rules in the order of its documentation (alphabetical)."""


class UnknownRule(ValueError):
    """A selector that names no rule."""


def resolve_selectors(selectors: list[str]) -> list[LintRule]:
    """The rules ``selectors`` name (codes, code prefixes such as ``PL01``, names, ``ALL``), in code order."""
    chosen: set[str] = set()
    for s in selectors:
        s = s.strip()
        if not s:
            continue
        hits = [r for r in RULES if s in (r.name, r.code)]
        if not hits:  # as in ruff, ALL and code prefixes leave deprecated rules out
            hits = [r for r in RULES if (s == "ALL" or r.code.startswith(s.upper())) and not r.deprecated_by]
        if not hits:
            raise UnknownRule(f"unknown lint rule {s!r} (see `prisma-tools lint --list`)")
        chosen.update(r.code for r in hits)
    return [r for r in RULES if r.code in chosen]
