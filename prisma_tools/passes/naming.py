"""The names ``prisma format`` gives the relation fields it inserts.

:func:`camel_case` and :func:`pluralize` reproduce Prisma's (which uses the
Rust ``cruet`` inflector) exactly as probed and written down in
``prisma-format-rules.md`` §15.2 and Appendix A, so that a field we insert has
the name Prisma would have chosen.

>>> pluralize(camel_case("user_profile"))
'userProfiles'
>>> pluralize("category"), pluralize("person"), pluralize("personChild")
('categories', 'people', 'personChilds')
"""

from __future__ import annotations

import re

__all__ = ["camel_case", "foreign_key_name", "lower_first", "pluralize", "upper_first"]

# The 202 uncountable words of the `cruet` crate that Prisma uses (Appendix A).
_UNCOUNTABLE_WORDS = """
    accommodation adulthood advertising advice aggression aid air aircraft alcohol anger applause arithmetic
    assistance athletics bacon baggage beef biology blood botany bread butter carbon cardboard cash chalk
    chaos chess crossroads countryside dancing deer dignity dirt dust economics education electricity
    engineering enjoyment envy equipment ethics evidence evolution fame fiction flour flu food fuel fun
    furniture gallows garbage garlic genetics gold golf gossip grammar gratitude grief guilt gymnastics
    happiness hardware harm hate hatred health heat help homework honesty honey hospitality housework humour
    hunger hydrogen ice importance inflation information innocence iron irony jam jewelry judo karate
    knowledge lack laughter lava leather leisure lightning linguine linguini linguistics literature litter
    livestock logic loneliness luck luggage macaroni machinery magic management mankind marble mathematics
    mayonnaise measles methane milk money mud music mumps nature news nitrogen nonsense nurture nutrition
    obedience obesity oxygen pasta patience physics poetry pollution poverty pride psychology publicity
    punctuation quartz racism relaxation reliability research respect revenge rice rubbish rum safety scenery
    seafood seaside series shame sheep shopping sleep smoke smoking snow soap software soil spaghetti species
    steam stuff stupidity sunshine symmetry tennis thirst thunder timber traffic transportation trust
    underwear unemployment unity validity veal vegetation vegetarianism vengeance violence vitality warmth
    wealth weather welfare wheat wildlife wisdom yoga zinc zoology
"""
_UNCOUNTABLE = frozenset(_UNCOUNTABLE_WORDS.split())

_IRREGULAR = {
    "ox": "oxen",
    "man": "men",
    "woman": "women",
    "die": "dice",
    "yes": "yeses",
    "foot": "feet",
    "eave": "eaves",
    "goose": "geese",
    "tooth": "teeth",
    "quiz": "quizzes",
}

# Appendix A's suffix rules, highest priority first; the first that matches wins.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern + "$"), repl)
    for pattern, repl in (
        (r"(eaux)", r"\1"),
        (r"(?:child|children)", "children"),
        (r"(?:person|people)", "people"),
        (r"([ml])(?:ice|ouse)", r"\1ice"),
        (r"(matr|cod|mur|sil|vert|ind|append)(?:ix|ex)", r"\1ices"),
        (r"(x|ch|ss|sh|zz)", r"\1es"),
        (r"((?:x|ch|ss|sh|zz)es)", r"\1"),
        (r"([^ch][ieo][ln])ey", r"\1ies"),
        (r"([^aeiouy]|qu)y", r"\1ies"),
        (r"(ar|l|ea|eo|oa|hoo)f", r"\1ves"),
        (r"(kni|wi|li)fe", r"\1ves"),
        (r"sis", "ses"),
        (
            r"(apheli|hyperbat|periheli|asyndet|noumen|phenomen|criteri|organ|prolegomen|hedr|automat)(?:a|on)",
            r"\1a",
        ),
        (
            r"(agend|addend|millenni|dat|extrem|bacteri|desiderat|strat|candelabr|errat|ov|symposi|curricul"
            r"|automat|quor)(?:a|um)",
            r"\1a",
        ),
        (r"(her|at|gr)o", r"\1oes"),
        (r"(seraph|cherub)(?:im)?", r"\1im"),
        (r"(alumn|alg|vertebr)(?:a|ae)", r"\1ae"),
        (
            r"(alumn|syllab|octop|vir|radi|nucle|fung|cact|stimul|termin|bacill|foc|uter|loc|strat)(?:us|i)",
            r"\1i",
        ),
        (r"([^l]ias|[aeiou]las|[emjzr]as|[iu]am)", r"\1"),
        (r"(e[mn]u)s?", r"\1s"),
        (r"(alias|[^aou]us|tlas|gas|ris)", r"\1es"),
        (r"(ax|test)is", r"\1es"),
        (r"([^aeiou]ese)", r"\1"),
        (r"(s)", r"\1"),
    )
)


def camel_case(name: str) -> str:
    """Prisma's camel case of a model name: ``UserInfo`` -> ``userInfo``, ``HTTPLog`` -> ``httplog``.

    >>> [camel_case(n) for n in ("user_profile", "My2Model", "UserID", "Box_")]
    ['userProfile', 'my2Model', 'userID', 'box']
    """
    end = len(name)
    while end and not name[end - 1].isalnum():
        end -= 1
    out: list[str] = []
    new_word = False
    prev: str | None = None
    for ch in name[:end]:
        if not ch.isalnum():
            new_word = new_word or bool(out)
        elif ch.isdigit():
            out.append(ch)
            new_word = True
        elif new_word or (ch.isupper() and prev is not None and prev.islower()):
            out.append(ch.upper())
            new_word = False
        else:
            out.append(ch.lower())
            prev = ch
    return "".join(out)


def pluralize(word: str) -> str:
    """The plural Prisma gives a camel-cased name (case-sensitive, on the whole word)."""
    if word in _UNCOUNTABLE:
        return word
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for pattern, repl in _RULES:
        if pattern.search(word):
            return pattern.sub(repl, word, count=1)
    return word + "s"


def lower_first(s: str) -> str:
    return s[:1].lower() + s[1:]


def upper_first(s: str) -> str:
    return s[:1].upper() + s[1:]


def foreign_key_name(model: str, field: str) -> str:
    """A foreign-key scalar's name: ``HTTPLog``, ``ID`` -> ``hTTPLogID``; ``Tenant``, ``region`` -> ``tenantRegion``."""
    return lower_first(model) + upper_first(field)
