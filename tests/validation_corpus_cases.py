"""The real-world schemas of ../shared/corpus and Prisma's answers for them (and for their mutations).

Shared by ``tests/test_validation_corpus.py`` and ``scripts/regen_validation_goldens.py``.
The corpus stays in ../shared; the repository holds only Prisma's answers
(``tests/validation/corpus/``): for every corpus schema (a file, or a folder
read as one multi-file schema) and engine, ``<set>/<name>.lint<engine>.json``
(the JSON ``prisma-oracle lint`` prints, one diagnostic a line, ``file_name``
relative to the set folder, byte offsets); and ``mutations.json``, the
mutation recipes of ``tests/mutations.py`` with Prisma's answers for each
(``lint<engine>``: ``[start, end, text, is_warning]``, preceded by the file
name when it is not the mutated file), for the engines that find the base
schema valid.

A schema is named by its corpus-relative path (``realworld/X.prisma``,
``realworld/X`` for a folder); a mutation by ``<schema>#<kind>#<n>``.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conftest import CORPUS
from corpus_cases import entries

from prisma_tools.nodes import Schema, construct
from prisma_tools.parser import parse_file_text
from prisma_tools.validation import check_schema
from prisma_tools.validation.conformance import Key, compare

GOLDEN = Path(__file__).resolve().parent / "validation" / "corpus"
MUTATIONS = GOLDEN / "mutations.json"
ENGINES = (6, 7)
GROUPS = ("corpus", "mutations")


@dataclass(frozen=True)
class CorpusSchema:
    """One schema of the corpus: its name and its files (paths relative to the set folder)."""

    set: str
    rel_files: tuple[str, ...]
    name: str

    @property
    def id(self) -> str:
        return f"{self.set}/{self.name}"

    def texts(self) -> dict[str, str]:
        """``{set-relative path: text}`` (bytes decoded as UTF-8, line breaks kept)."""
        base = CORPUS / self.set
        return {rel: (base / rel).read_bytes().decode("utf-8") for rel in self.rel_files}

    def golden(self, engine: int) -> Path:
        return GOLDEN / self.set / f"{self.name}.lint{engine}.json"


def corpus_schemas() -> list[CorpusSchema]:
    """Every schema of the corpus (empty when ../shared/corpus is missing)."""
    out = []
    for e in entries():
        base = CORPUS / e.set
        if e.is_folder:
            files = tuple(str(p.relative_to(base)) for p in sorted(e.source.rglob("*.prisma")))
        else:
            files = (e.source.name,)
        out.append(CorpusSchema(e.set, files, e.source.name))
    return out


def keys_of(answer: list[dict[str, Any]]) -> list[Key]:
    """An oracle answer (``prisma-oracle lint`` JSON) as comparable keys."""
    return [(d["file_name"], d["start"], d["end"], d["text"], bool(d["is_warning"])) for d in answer]


def load_golden(path: Path) -> list[Key]:
    data: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return keys_of(data)


def dump_answer(answer: list[dict[str, Any]]) -> str:
    """An answer as JSON text, one diagnostic a line."""
    if not answer:
        return "[]\n"
    return "[\n" + ",\n".join(json.dumps(d, ensure_ascii=False) for d in answer) + "\n]\n"


def our_keys(texts: dict[str, str], engine: int) -> list[Key]:
    """What ``check`` says of the schema made of ``texts`` (``{set-relative path: text}``).

    A crash is returned as one ``<crash>`` key: a disagreement like any other.
    """
    try:
        files = tuple(parse_file_text(text, rel, strict=False) for rel, text in texts.items())
        findings = check_schema(construct(Schema, {"files": files}), prisma_version=engine)
    except Exception as e:  # a crash is reported as a disagreement, with its type and message
        return [("<crash>", 0, 0, f"{type(e).__name__}: {e}", False)]
    out: list[Key] = []
    for f in findings:
        start, end = f.byte_range()
        out.append((f.path, start, end, f.message, f.severity == "warning"))
    return out


def has_error(keys: list[Key]) -> bool:
    return any(not warn for *_, warn in keys)


@dataclass(frozen=True)
class Verdict:
    """How ``check`` fares on one schema against Prisma's answer."""

    missing: list[Key]
    extra: list[Key]
    false_error: bool
    """Prisma reports no error but we do (the stricter check)."""

    @property
    def agrees(self) -> bool:
        return not self.missing and not self.extra


def judge(ours: list[Key], theirs: list[Key]) -> Verdict:
    missing, extra = compare(ours, theirs)
    return Verdict(missing, extra, has_error(ours) and not has_error(theirs))


def list_path(kind: str, group: str, engine: int) -> Path:
    """``known-failures-<group>-<engine>.txt`` (disagreements) or ``false-errors-...`` (errors on valid schemas)."""
    return GOLDEN / f"{kind}-{group}-{engine}.txt"


def read_list(path: Path) -> set[str]:
    if not path.exists():
        return set()
    return {line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")}


LIST_HEADERS = {
    "known-failures": "schemas where `check` does not yet agree with Prisma",
    "false-errors": "schemas Prisma finds valid (no error) where `check` reports an error",
}


def write_list(kind: str, group: str, engine: int, ids: list[str]) -> None:
    head = (
        f"# {group.capitalize()}: {LIST_HEADERS[kind]} (engine {engine});\n"
        f"# regenerate with: python tests/test_validation_corpus.py --engine {engine} --update\n"
    )
    list_path(kind, group, engine).write_text(head + "".join(f"{i}\n" for i in sorted(ids)), encoding="utf-8")


def template_of(text: str) -> str:
    """A message with its quoted names and numbers blanked, to group differences by diagnostic kind."""
    import re

    text = re.sub(r'"[^"]*"', '"_"', text.splitlines()[0] if text else text)
    text = re.sub(r"`[^`]*`", "`_`", text)
    text = re.sub(r"\b\d+\b", "N", text)
    return text[:160]


def summarize(diffs: list[tuple[str, Key]]) -> list[tuple[int, str, str]]:
    """``(count, tag, template)`` of ``(tag, key)`` differences, most frequent first."""
    counts = Counter((tag, template_of(k[3])) for tag, k in diffs)
    return sorted(((n, tag, t) for (tag, t), n in counts.items()), key=lambda x: (-x[0], x[1], x[2]))
