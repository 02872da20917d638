""" "Did you mean": one clear candidate or none."""

from __future__ import annotations

import pytest

from prisma_tools.quickfixes.spelling import (
    BLOCK_ATTRIBUTES,
    BLOCK_KEYWORDS,
    DEFAULT_FUNCTIONS,
    FIELD_ATTRIBUTES,
    PROVIDERS,
    SCALARS,
    candidate,
    distance,
)


@pytest.mark.parametrize(
    ("word", "known", "expected"),
    [
        ("Strin", SCALARS, "String"),
        ("Datetime", SCALARS, "DateTime"),  # case only
        ("Itn", SCALARS, "Int"),  # two letters swapped
        ("nwo", DEFAULT_FUNCTIONS, "now"),
        ("uniqe", FIELD_ATTRIBUTES, "unique"),
        ("defualt", FIELD_ATTRIBUTES, "default"),
        ("indx", BLOCK_ATTRIBUTES, "index"),
        ("cockroach", PROVIDERS, "cockroachdb"),
        ("modle", BLOCK_KEYWORDS, "model"),
        ("Int", SCALARS, None),  # known already
        ("Bool", SCALARS, "Boolean"),  # cut short
        ("Boo", ("Boolean", "Books"), None),  # begins both, one typo from neither
        ("Foo", SCALARS, None),
        ("i", FIELD_ATTRIBUTES, None),  # too short to guess
        ("In", SCALARS, "Int"),
        ("uniq", FIELD_ATTRIBUTES, "unique"),  # cut short
        ("aut", DEFAULT_FUNCTIONS, "auto"),  # `autoincrement` begins so too, but `auto` is one letter away
        ("cuid", ("cuid2", "cuids"), None),  # two equally near: no clear candidate
    ],
)
def test_candidate(word: str, known: tuple[str, ...], expected: str | None) -> None:
    assert candidate(word, known) == expected


def test_distance_counts_a_swap_as_one() -> None:
    assert distance("nwo", "now") == 1
    assert distance("kitten", "sitting") == 3
    assert distance("", "abc") == 3
