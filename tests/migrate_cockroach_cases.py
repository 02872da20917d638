"""CockroachDB migration cases over ../shared/corpus, shared by the tests and the regeneration script.

The schemas are the corpus's CockroachDB schemas and its PostgreSQL schemas (those of
:func:`migrate_corpus.postgres_entries`) with the provider switched to ``cockroachdb``,
as they are and also adapted (PostgreSQL's native types renamed to CockroachDB's,
``autoincrement()`` on ``Int`` made ``sequence()``, which exercises identity columns);
the regeneration script keeps those the engine accepts. Each gives the same pairs as
the PostgreSQL corpus: from empty, every additive case of :mod:`migrate_corpus` in both
directions, and every change of :mod:`migrate_changes` made and undone.
"""

from __future__ import annotations

import re
from pathlib import Path

from migrate_changes import Change, apply_all, changes_for
from migrate_corpus import CorpusSchema, Removal, derived_cases, postgres_entries, remove

from prisma_tools import load
from prisma_tools.autofix import parse_texts
from prisma_tools.nodes import Schema
from prisma_tools.printer import print_files

__all__ = ["ADAPTED", "Pair", "cockroach_entries", "pairs_for", "switched"]

_PROVIDER = re.compile(r'(datasource\s+\w+\s*\{[^}]*?provider\s*=\s*)"(?:postgresql|postgres)"', re.S)
_COCKROACH = re.compile(r'provider\s*=\s*"cockroachdb"')

Pair = tuple[str, Schema | None, Schema, dict[str, object]]


# The suffix of an entry id whose schema is adapted (see :func:`switched`).
ADAPTED = "+adapted"

# PostgreSQL native types -> CockroachDB's (None: dropped, the scalar's default type is used).
_NATIVE = {
    "VarChar": "String",
    "Text": None,
    "Citext": None,
    "Xml": None,
    "Integer": "Int4",
    "SmallInt": "Int2",
    "BigInt": "Int8",
    "DoublePrecision": "Float8",
    "Real": "Float4",
    "Boolean": "Bool",
    "ByteA": "Bytes",
    "Json": "JsonB",
}
_NATIVE_ATTRIBUTE = re.compile(r"@(\w+)\.(" + "|".join(_NATIVE) + r")\b(\([^)]*\))?")
_OPS = re.compile(r"\(\s*ops:\s*\w+(?:\(\"[^\"]*\"\))?\s*\)")
_INT_AUTOINCREMENT = re.compile(r"(\s+Int\b[^\n]*?)@default\(autoincrement\(\)\)")


def cockroach_entries(corpus: Path) -> list[CorpusSchema]:
    """The corpus's own CockroachDB schemas, then its valid PostgreSQL ones (to be switched), then adapted."""
    own = [
        CorpusSchema(f"realworld/{p.name}", p)
        for p in sorted((corpus / "realworld").glob("*.prisma"))
        if ".expected." not in p.name and _COCKROACH.search(p.read_text(encoding="utf-8"))
    ]
    postgres = postgres_entries(corpus)
    adapted = [CorpusSchema(e.id + ADAPTED, e.path) for e in postgres if _adaptable(e.path)]
    return own + postgres + adapted


def _adaptable(path: Path) -> bool:
    """Whether adapting the schema changes anything (else the adapted entry would repeat the switched one)."""
    return any(_adapt(text) != text for text in print_files(load(path)).values())


def _adapt(text: str) -> str:
    def native(m: re.Match[str]) -> str:
        new = _NATIVE[m.group(2)]
        return "" if new is None else f"@{m.group(1)}.{new}{m.group(3) or ''}"

    # CockroachDB has no custom operator classes (and its GIN indexes take no trigram strings).
    lines = [re.sub(r",\s*type:\s*Gin", "", _OPS.sub("", ln)) if "ops:" in ln else ln for ln in text.split("\n")]
    text = _NATIVE_ATTRIBUTE.sub(native, "\n".join(lines))
    text = re.sub(r",\s*type:\s*(?:Hash|Brin|SpGist|Gist)\b", "", text)  # index types CockroachDB lacks
    return _INT_AUTOINCREMENT.sub(r"\1@default(sequence())", text)


def switched(path: Path, *, adapted: bool = False) -> Schema:
    """The schema at ``path`` with its datasource's provider set to ``cockroachdb`` (and ``adapted`` to it)."""
    texts = {}
    for name, text in print_files(load(path)).items():
        text = _PROVIDER.sub(r'\1"cockroachdb"', text)
        texts[name] = _adapt(text) if adapted else text
    return parse_texts(texts)


def pairs_for(full: Schema) -> list[Pair]:
    """``(name, FROM, TO, case)`` for one schema: from empty, additions, drops, changes and reverts."""
    pairs: list[Pair] = [("empty", None, full, {"direction": "empty"})]
    for removals in derived_cases(full):
        slug = "+".join(r.slug for r in removals)
        smaller = remove(full, removals)
        case = {"removals": [r.to_json() for r in removals]}
        pairs.append((f"add-{slug}", smaller, full, {"direction": "add", **case}))
        pairs.append((f"drop-{slug}", full, smaller, {"direction": "drop", **case}))
    changes = changes_for(full)
    groups: list[tuple[Change, ...]] = [(c,) for c in changes]
    firsts: dict[str, Change] = {}
    for c in changes:
        firsts.setdefault(c.kind, c)
    if len(firsts) > 1:
        groups.append(tuple(firsts.values()))
    for group in groups:
        slug = "+".join(c.slug for c in group) if len(group) < 4 else "all-kinds"
        changed = apply_all(full, group)
        case = {"changes": [c.to_json() for c in group]}
        pairs.append((f"change-{slug}", full, changed, {"direction": "change", **case}))
        pairs.append((f"revert-{slug}", changed, full, {"direction": "revert", **case}))
    return pairs


def from_to(full: Schema, case: dict[str, object]) -> tuple[Schema | None, Schema]:
    """FROM and TO of a listed case (``cases.json``), rebuilt from the switched schema."""
    direction = case["direction"]
    if direction == "empty":
        return None, full
    if direction in ("add", "drop"):
        removals = case["removals"]
        assert isinstance(removals, list)
        smaller = remove(full, [Removal(kind, target) for kind, target in removals])
        return (smaller, full) if direction == "add" else (full, smaller)
    changes = case["changes"]
    assert isinstance(changes, list)
    changed = apply_all(full, [Change(kind, target) for kind, target in changes])
    return (full, changed) if direction == "change" else (changed, full)
