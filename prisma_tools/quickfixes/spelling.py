""" "Did you mean": an unknown type or attribute that is one clear misspelling of a known one (unsafe)."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from ..edits import Fix, TextEdit
from ..registry import fixer

if TYPE_CHECKING:
    from ..resolve import ResolvedSchema
    from ..validation.context import Finding

__all__ = ["candidate"]

SCALARS = ("String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes", "Unsupported")
FIELD_ATTRIBUTES = ("id", "unique", "default", "updatedAt", "map", "relation", "ignore", "shardKey")
BLOCK_ATTRIBUTES = ("id", "unique", "index", "map", "ignore", "fulltext", "schema", "shardKey")
_CUTOFF = 0.75


def candidate(word: str, known: tuple[str, ...] | list[str]) -> str | None:
    """The one known word ``word`` most likely misspells: the only case-insensitive match, else
    the only close match (difflib ratio >= 0.75); None when there are none or several."""
    folded = [k for k in known if k.lower() == word.lower() and k != word]
    if folded:
        return folded[0] if len(folded) == 1 else None
    lowered = {k.lower(): k for k in known}
    close = difflib.get_close_matches(word.lower(), list(lowered), n=2, cutoff=_CUTOFF)
    return lowered[close[0]] if len(close) == 1 else None


@fixer("E201", "unsafe")
def unknown_type(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Did you mean ...?

    Replaces an unknown type by the one scalar type, model, enum or composite type
    it most likely misspells, when there is exactly one such candidate. Unsafe:
    a guess, and the field's type changes.

    ```prisma
    model User {
      id    Int    @id
      email String // was: email Strin
    }
    ```
    """
    word = finding.file.text[finding.start : finding.end]
    known = [*SCALARS, *(t.name for t in db.tops)]
    best = candidate(word, known)
    if best is None:
        return None
    edit = TextEdit(path=finding.path, start=finding.start, end=finding.end, content=best)
    return Fix(message=f"Did you mean `{best}`?", applicability="unsafe", edits=(edit,))


@fixer("E301", "unsafe")
def unknown_attribute(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Did you mean ...?

    Replaces an unknown attribute name by the one field attribute (or block
    attribute, for `@@`) it most likely misspells, when there is exactly one.
    Unsafe: a guess.

    ```prisma
    model User {
      id    Int    @id
      email String @unique // was: @uniqe
    }
    ```
    """
    text = finding.file.text
    at = text.find("@", finding.start, finding.end if finding.end > finding.start else None)
    if at < 0:
        return None
    block = text[at : at + 2] == "@@"
    start = at + (2 if block else 1)
    end = start
    while end < len(text) and (text[end].isalnum() or text[end] in "_."):
        end += 1
    word = text[start:end]
    if "." in word:
        return None  # a native type (`@db.X`) belongs to the connector, not to this list
    best = candidate(word, BLOCK_ATTRIBUTES if block else FIELD_ATTRIBUTES)
    if best is None:
        return None
    edit = TextEdit(path=finding.path, start=start, end=end, content=best)
    return Fix(message=f"Did you mean `{'@@' if block else '@'}{best}`?", applicability="unsafe", edits=(edit,))
