""" "Did you mean": an unknown type or attribute that is one clear misspelling of a known one (unsafe)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..edits import Fix, TextEdit
from ..registry import fixer

if TYPE_CHECKING:
    from ..resolve import ResolvedSchema
    from ..validation.context import Finding

__all__ = ["candidate", "distance"]

SCALARS = ("String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes", "Unsupported")
FIELD_ATTRIBUTES = ("id", "unique", "default", "updatedAt", "map", "relation", "ignore", "shardKey")
BLOCK_ATTRIBUTES = ("id", "unique", "index", "map", "ignore", "fulltext", "schema", "shardKey")


def distance(a: str, b: str) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) from ``a`` to ``b``: the usual typos."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def _allowed(word: str) -> int:
    """How many typos a word of this length may carry and still be recognised."""
    return 0 if len(word) <= 1 else 1 if len(word) <= 4 else 2 if len(word) <= 9 else 3


def candidate(word: str, known: tuple[str, ...] | list[str]) -> str | None:
    """The one known word ``word`` most likely misspells: the only case-insensitive match, else
    the only nearest one within a few typos (:func:`distance`, more for longer words); None when
    there is none or no single nearest."""
    folded = [k for k in known if k.lower() == word.lower() and k != word]
    if folded:
        return folded[0] if len(folded) == 1 else None
    if len(word) >= 3:  # a word cut short (`uniq`): the one known word it begins
        started = [k for k in known if k.lower().startswith(word.lower()) and k != word]
        if len(started) == 1:
            return started[0]
    scored = sorted((distance(word.lower(), k.lower()), k) for k in set(known) if k != word)
    if not scored or scored[0][0] > _allowed(word):
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None  # two equally near: no clear candidate
    return scored[0][1]


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


BLOCK_KEYWORDS = ("model", "enum", "type", "view", "datasource", "generator")


@fixer("E001", "unsafe")
def unknown_keyword(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Did you mean ...?

    A block header whose keyword is one clear misspelling of `model`, `enum`,
    `type`, `view`, `datasource` or `generator` gets the keyword (the lines of the
    block then parse again). Unsafe: a guess. `fix` refuses a file that does not
    parse unless given `--allow-invalid`, so that is when this fix can run.

    ```prisma
    model User { // was: modle User {
      id Int @id
    }
    ```
    """
    import re

    text = finding.file.text
    line_end = text.find("\n", finding.start)
    line = text[finding.start : len(text) if line_end < 0 else line_end]
    header = re.match(r"(\s*)([A-Za-z]+)(\s+[A-Za-z_][\w]*\s*\{)", line)
    if header is None:
        return None
    word = header.group(2)
    best = candidate(word, BLOCK_KEYWORDS)
    if best is None or best == word:
        return None
    start = finding.start + len(header.group(1))
    edit = TextEdit(path=finding.path, start=start, end=start + len(word), content=best)
    return Fix(message=f"Did you mean `{best}`?", applicability="unsafe", edits=(edit,))


def _replace_word(finding: Finding, word: str, best: str, message: str) -> Fix | None:
    """Replace the first ``word`` in the finding's range (or just after its start) by ``best``."""
    text = finding.file.text
    at = text.find(word, finding.start, max(finding.end, finding.start + len(word)))
    if at < 0:
        return None
    edit = TextEdit(path=finding.path, start=at, end=at + len(word), content=best)
    return Fix(message=message, applicability="unsafe", edits=(edit,))


DEFAULT_FUNCTIONS = ("autoincrement", "now", "uuid", "cuid", "nanoid", "ulid", "dbgenerated", "auto", "sequence")


@fixer("E321", "unsafe")
def unknown_default_function(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Did you mean ...?

    An unknown function in `@default(...)` that is one clear misspelling of
    Prisma's (`now`, `uuid`, `cuid`, `autoincrement`, ...) gets that name. Unsafe:
    a guess.

    ```prisma
    model Post {
      id        Int      @id
      createdAt DateTime @default(now()) // was: @default(nwo())
    }
    ```
    """
    import re

    found = re.search(r"`([^`]+)` is not known", finding.message)
    if found is None:
        return None
    best = candidate(found.group(1), DEFAULT_FUNCTIONS)
    if best is None:
        return None
    return _replace_word(finding, found.group(1) + "(", best + "(", f"Did you mean `{best}()`?")


@fixer("E723", "unsafe")
def unknown_preview_feature(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Did you mean ...?

    An unknown preview feature that is one clear misspelling of a feature Prisma
    lists in its message gets that name. Unsafe: a guess.

    ```prisma
    generator client {
      provider        = "prisma-client-js"
      previewFeatures = ["fullTextSearchPostgres"] // was: "fullTextSerchPostgres"
    }
    ```
    """
    import re

    found = re.search(r'preview feature "([^"]+)" is not known\. Expected one of: (.*)$', finding.message, re.S)
    if found is None:
        return None
    known = [k.strip() for k in found.group(2).split(",") if k.strip()]
    best = candidate(found.group(1), known)
    if best is None:
        return None
    return _replace_word(finding, f'"{found.group(1)}"', f'"{best}"', f'Did you mean "{best}"?')


PROVIDERS = ("postgresql", "mysql", "sqlite", "sqlserver", "mongodb", "cockroachdb")


@fixer("E707", "unsafe")
def unknown_provider(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Did you mean ...?

    A datasource provider that is one clear misspelling of Prisma's (`postgresql`,
    `mysql`, `sqlite`, `sqlserver`, `mongodb`, `cockroachdb`) gets that name.
    Unsafe: a guess, and it decides the database.

    ```prisma
    datasource db {
      provider = "postgresql" // was: "postgresq"
      url      = env("DATABASE_URL")
    }
    ```
    """
    import re

    found = re.search(r'provider not known: "([^"]+)"', finding.message)
    if found is None:
        return None
    best = candidate(found.group(1), PROVIDERS)
    if best is None:
        return None
    return _replace_word(finding, f'"{found.group(1)}"', f'"{best}"', f'Did you mean "{best}"?')


REFERENTIAL_ACTIONS = ("Cascade", "Restrict", "NoAction", "SetNull", "SetDefault")


def referential_action_typo(finding: Finding) -> Fix | None:
    """``Invalid referential action: `Cascde``` -> ``Cascade`` (one clear candidate; unsafe)."""
    import re

    found = re.search(r"Invalid referential action: `([^`]+)`", finding.message)
    if found is None:
        return None
    best = candidate(found.group(1), REFERENTIAL_ACTIONS)
    if best is None:
        return None
    return _replace_word(finding, found.group(1), best, f"Did you mean `{best}`?")
