"""The case conversions prisma-lint's rules compare names with.

A name satisfies ``enum-value-case`` or a ``*-mapping-snake-case`` rule when it
equals its own conversion, so these reproduce prisma-lint's conversions,
quirks included: ``compoundWords`` entries are regular expressions matched
case-sensitively and kept as one word; an all-capitals snake name is read
lower-case first; only ASCII letters and digits count (others are separators
for snake case and dropped by camel and Pascal case).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

__all__ = ["to_camel_case", "to_pascal_case", "to_snake_case"]


def _is_upper(c: str) -> bool:
    return "A" <= c <= "Z"


def _is_letter(c: str) -> bool:
    return "a" <= c.lower() <= "z" and c.isascii()


def _is_digit(c: str) -> bool:
    return "0" <= c <= "9"


def _compounds(text: str, words: Sequence[str], spell: Callable[[str], str]) -> list[tuple[int, int, str]]:
    """Where each compound word occurs: (start, start + len(word), the word as it is written out)."""
    found = []
    for word in words:
        if not word:
            continue
        for m in re.finditer(word, text):
            found.append((m.start(), m.start() + len(word), spell(word)))
    return found


def _at(compounds: list[tuple[int, int, str]], i: int) -> tuple[int, int, str] | None:
    for c in compounds:
        if c[0] <= i < c[1]:
            return c
    return None


def to_snake_case(
    name: str,
    *,
    upper: bool = False,
    trim_prefix: str = "",
    compound_words: Sequence[str] = (),
    plural: Callable[[str], str] | None = None,
) -> str:
    """``GraphQLId`` -> ``graph_q_l_id`` (``graphql_id`` with the compound word ``GraphQL``).

    ``plural`` pluralizes the result (``model-name-mapping-snake-case``'s ``pluralize``);
    ``upper`` gives upper snake case.
    """
    text = name[len(trim_prefix) :] if name.startswith(trim_prefix) else name
    if re.fullmatch(r"[A-Z0-9_]+", text):
        text = text.lower()
    compounds = _compounds(text, compound_words, str.lower)
    out: list[str] = []
    i = 0
    while i < len(text):
        compound = _at(compounds, i)
        if compound is not None:
            start, end, word = compound
            if i == start:
                if i > 0 and (not out or not out[-1].endswith("_")):
                    out.append("_")
                out.append(word)
            i = end
            continue
        c = text[i]
        if i > 0:
            prev = text[i - 1]
            if _is_upper(c) or (_is_letter(prev) and _is_digit(c)) or (_is_digit(prev) and _is_letter(c)):
                out.append("_" + c.lower())
            else:
                out.append(c.lower())
        else:
            out.append(c.lower())
        i += 1
    result = re.sub(r"[^\w]+", "_", "".join(out), flags=re.ASCII)
    result = re.sub(r"_+", "_", result.removeprefix("_").removesuffix("_"))
    if plural is not None:
        result = plural(result)
    return result.upper() if upper else result


def _joined_case(name: str, compound_words: Sequence[str], first: Callable[[str], str]) -> str:
    compounds = _compounds(name, compound_words, lambda w: w[0].upper() + w[1:])
    out: list[str] = []
    i = 0
    while i < len(name):
        compound = _at(compounds, i)
        if compound is not None:
            start, end, word = compound
            if i == start:
                out.append(word)
            if end < len(name):
                out.append(name[end].upper())  # the letter after a compound word starts a new word
            i = end + 1
            continue
        c = name[i]
        if i == 0:
            out.append(first(c))
        elif not (_is_letter(c) or _is_digit(c)):
            pass  # separators disappear
        elif not _is_letter(name[i - 1]):
            out.append(c.upper())
        elif _is_upper(name[i - 1]) and _is_upper(c):
            out.append(c.lower())
        else:
            out.append(c)
        i += 1
    return "".join(out)


def to_camel_case(name: str, *, compound_words: Sequence[str] = ()) -> str:
    """``row_id``, ``RowId``, ``ROW_ID`` -> ``rowId``."""
    return _joined_case(name, compound_words, str.lower)


def to_pascal_case(name: str, *, compound_words: Sequence[str] = ()) -> str:
    """``row_id``, ``rowId``, ``ROW_ID`` -> ``RowId``."""
    return _joined_case(name, compound_words, str.upper)
