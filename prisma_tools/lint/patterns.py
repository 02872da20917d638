"""Name patterns as prisma-lint's options write them: a plain string, or ``/regex/``.

prisma-lint takes JavaScript ``RegExp`` objects from a ``.js`` configuration and
``"/.../"`` strings from JSON; TOML has only strings, so a string between slashes
is a regular expression wherever an option takes a pattern. The expressions
prisma-lint's users write (anchors, classes, look-aheads) mean the same in
Python's ``re``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["Pattern", "compile_exact", "is_regex", "matches_any", "trim_prefix"]

Pattern = str
"""A name, or ``/regex/``."""


def is_regex(value: str) -> bool:
    return len(value) >= 2 and value.startswith("/") and value.endswith("/")


def compile_exact(value: str) -> re.Pattern[str]:
    """prisma-lint's ``toRegExp``: ``/re/`` searches anywhere, a plain name must match whole."""
    if is_regex(value):
        return re.compile(value[1:-1])
    return re.compile(f"^{value}$")


def matches_any(name: str, patterns: Sequence[str] | None) -> bool:
    """Whether ``name`` equals a plain entry or is matched by a ``/regex/`` entry (an allow list)."""
    for entry in patterns or ():
        if is_regex(entry):
            if re.search(entry[1:-1], name):
                return True
        elif name == entry:
            return True
    return False


def trim_prefix(name: str, prefixes: str | Sequence[str] | None) -> tuple[str, str]:
    """``(prefix, rest)``: the first configured prefix ``name`` starts with, removed.

    A ``/regex/`` prefix removes its first match (prisma-lint uses ``replace``),
    so it is normally anchored (``/^Db/``).
    """
    if prefixes is None:
        return "", name
    for prefix in [prefixes] if isinstance(prefixes, str) else prefixes:
        if is_regex(prefix):
            m = re.search(prefix[1:-1], name)
            if m:
                rest = name[: m.start()] + name[m.end() :]
                return name[: len(name) - len(rest)] if m.start() == 0 else "", rest
            continue
        if name.startswith(prefix):
            return prefix, name[len(prefix) :]
    return "", name
