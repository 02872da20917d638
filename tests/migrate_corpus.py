"""Migration cases over ../shared/corpus: the PostgreSQL schemas Prisma 6 validates, additive
diffs derived from them, and the EdPsych FROM/TO pair.

Shared by the tests and ``scripts/regen_migrate_goldens.py`` (which runs the
oracle on exactly these cases), so both see the same schemas:

* :func:`postgres_entries` reads the MANIFEST.tsv files (provider and Prisma 6
  validation result);
* :func:`derived_cases` picks, deterministically, what to remove from a schema
  (models, fields, indexes, ``@unique``s, enum values, and all of these at once)
  so that going from the smaller schema back to the full one is an additive diff;
* :func:`remove` applies such a removal to the AST (the regen script prints the
  result for the oracle; the tests use the AST directly);
* :func:`edpsych_from_to` rebuilds the EdPsych FROM and TO schemas with the
  recipe of docs/prisma-migrations.md.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from prisma_tools.nodes import (
    ArrayValue,
    EnumBlock,
    FieldDecl,
    FunctionCall,
    Model,
    ObjectValue,
    Schema,
    SchemaFile,
    Value,
)

__all__ = [
    "EDPSYCH_MIGRATION",
    "EDPSYCH_NEW_MODELS",
    "CorpusSchema",
    "Removal",
    "derived_cases",
    "edpsych_from_to",
    "postgres_entries",
    "remove",
]

EDPSYCH_MIGRATION = Path("edpsych/migrations/20250522_add_mentorship_and_portfolio_models/migration.sql")
EDPSYCH_NEW_MODELS = (
    "MentorProfile",
    "MentorshipRequest",
    "Mentorship",
    "MentorshipMeeting",
    "MentorshipResource",
    "MentorshipFeedback",
    "CPDProfile",
    "PortfolioProfile",
    "PortfolioQualification",
    "PortfolioAchievement",
    "PortfolioEvidence",
    "PortfolioEvidenceAchievement",
    "PortfolioReflection",
    "PortfolioReflectionEvidence",
    "Certificate",
)


@dataclass(frozen=True)
class CorpusSchema:
    """A corpus schema (file or folder): ``id`` is ``set/entry``, ``path`` where it is."""

    id: str
    path: Path


def _manifest(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


_PROVIDER = re.compile(r'datasource\s+\w+\s*\{[^}]*?provider\s*=\s*"(\w+)"', re.S)


def postgres_entries(corpus: Path) -> list[CorpusSchema]:
    """Every corpus schema whose provider is PostgreSQL and that Prisma 6 validates."""
    out = []
    for row in _manifest(corpus / "realworld" / "MANIFEST.tsv"):
        if row["provider"] in ("postgresql", "postgres") and row["validate"] == "VALID":
            name = row["entry"].rstrip("/")
            out.append(CorpusSchema(f"realworld/{name}", corpus / "realworld" / name))
    for row in _manifest(corpus / "edpsych" / "MANIFEST.tsv"):
        path = corpus / "edpsych" / row["entry"]
        if row["validate"] != "VALID":
            continue
        match = _PROVIDER.search(path.read_text(encoding="utf-8"))
        if match and match.group(1) in ("postgresql", "postgres"):
            out.append(CorpusSchema(f"edpsych/{row['entry']}", path))
    return out


# ------------------------------------------------------------------ removals


@dataclass(frozen=True)
class Removal:
    """Something to take out of a schema.

    ``kind`` is ``model`` (the model and every relation field pointing at it),
    ``field`` (``Model.field``), ``index`` (``Model#N``: the N-th ``@@index``/``@@unique``),
    ``unique`` (the ``@unique`` of ``Model.field``) or ``value`` (``Enum.VALUE``).
    """

    kind: str
    target: str

    @property
    def slug(self) -> str:
        return f"{self.kind}-{re.sub(r'[^A-Za-z0-9_]+', '_', self.target)}"

    def to_json(self) -> list[str]:
        return [self.kind, self.target]


def _names_in(value: Value | None) -> set[str]:
    """Every identifier in an attribute argument (field references, functions...)."""
    if value is None:
        return set()
    if isinstance(value, ArrayValue):
        return set().union(*(_names_in(v) for v in value.items)) if value.items else set()
    if isinstance(value, FunctionCall):
        return {value.name}.union(*(_names_in(a.value) for a in value.arguments))
    if isinstance(value, ObjectValue):
        return set().union(*(_names_in(m.value) for m in value.members)) if value.members else set()
    name = getattr(value, "name", None)
    return {name} if isinstance(name, str) else set()


def _referenced_fields(schema: Schema) -> dict[str, set[str]]:
    """Per model, the fields something else names: attributes, ``fields:`` and ``references:``."""
    out: dict[str, set[str]] = {m.name: set() for m in schema.models}
    for model in schema.models:
        for attr in model.attributes:
            for arg in attr.arguments or ():
                out[model.name] |= _names_in(arg.value)
        for field in model.fields:
            rel = field.attribute("relation")
            if rel is None or field.type is None:
                continue
            for arg in rel.arguments or ():
                if arg.name == "fields":
                    out[model.name] |= _names_in(arg.value)
                elif arg.name == "references" and field.type.name in out:
                    out[field.type.name] |= _names_in(arg.value)
    return out


def _spread(items: Sequence[Removal], count: int) -> list[Removal]:
    """Up to ``count`` items evenly spread over ``items`` (first, ..., last)."""
    if len(items) <= count:
        return list(items)
    step = (len(items) - 1) / (count - 1)
    return [items[round(i * step)] for i in range(count)]


def derived_cases(schema: Schema) -> list[tuple[Removal, ...]]:
    """Removals whose reverse is an additive change, chosen deterministically from ``schema``."""
    models = schema.models
    model_names = {m.name for m in models}
    referenced = _referenced_fields(schema)
    fields, indexes, uniques, values = [], [], [], []
    for model in models:
        for field in model.fields:
            if field.type is None or field.type.name in model_names:
                continue
            if field.attribute("id") is not None:
                continue
            if field.name not in referenced[model.name]:
                fields.append(Removal("field", f"{model.name}.{field.name}"))
            if field.attribute("unique") is not None:
                uniques.append(Removal("unique", f"{model.name}.{field.name}"))
        n = 0
        for attr in model.attributes:
            if attr.name in ("index", "unique"):
                indexes.append(Removal("index", f"{model.name}#{n}"))
                n += 1
    for enum in schema.enums:
        if len(enum.values) > 1:
            values += [Removal("value", f"{enum.name}.{v.name}") for v in enum.values]
    groups = [
        _spread([Removal("model", m.name) for m in models], 3),
        _spread(fields, 3),
        _spread(indexes, 3),
        _spread(uniques, 2),
        _spread(values, 2),
    ]
    cases: list[tuple[Removal, ...]] = [(r,) for group in groups for r in group]
    combined = tuple(group[0] for group in groups if group)
    if len(combined) > 1:
        cases.append(combined)
    return cases


def _remove_from_model(model: Model, removal: Removal) -> Model:
    kind, target = removal.kind, removal.target
    if kind == "model":
        members = tuple(m for m in model.members if not (isinstance(m, FieldDecl) and m.type and m.type.name == target))
        return model.model_copy(update={"members": members})
    owner, _, rest = target.replace("#", ".").partition(".")
    if owner != model.name:
        return model
    if kind == "field":
        members = tuple(m for m in model.members if not (isinstance(m, FieldDecl) and m.name == rest))
        return model.model_copy(update={"members": members})
    if kind == "unique":
        members = tuple(
            m.model_copy(update={"attributes": tuple(a for a in m.attributes if a.name != "unique")})
            if isinstance(m, FieldDecl) and m.name == rest
            else m
            for m in model.members
        )
        return model.model_copy(update={"members": members})
    if kind == "index":
        wanted, n, kept = int(rest), 0, []
        for attr in model.attributes:
            if attr.name in ("index", "unique"):
                n += 1
                if n - 1 == wanted:
                    continue
            kept.append(attr)
        return model.model_copy(update={"attributes": tuple(kept)})
    return model


def _remove_from_file(file: SchemaFile, removal: Removal) -> SchemaFile:
    blocks = []
    for block in file.blocks:
        if isinstance(block, Model):
            if removal.kind == "model" and block.name == removal.target:
                continue
            blocks.append(_remove_from_model(block, removal))
        elif isinstance(block, EnumBlock) and removal.kind == "value":
            enum, _, value = removal.target.partition(".")
            if block.name == enum:
                members = tuple(m for m in block.members if getattr(m, "name", None) != value)
                block = block.model_copy(update={"members": members})
            blocks.append(block)
        else:
            blocks.append(block)
    return file.model_copy(update={"blocks": tuple(blocks)})


def remove(schema: Schema, removals: Sequence[Removal]) -> Schema:
    """``schema`` without what ``removals`` name."""
    for removal in removals:
        schema = Schema(files=tuple(_remove_from_file(f, removal) for f in schema.files))
    return schema


# ------------------------------------------------------------------ EdPsych


def edpsych_from_to(backup_fix_text: str) -> tuple[str, str]:
    """FROM and TO of the EdPsych migration, from ``schema.prisma.backup.fix`` (CRLF kept).

    TO adds the ``@unique`` that the one-to-one ``Mentorship.request`` needs;
    FROM is TO without the 15 models the migration creates and without the
    fields that point at them.
    """
    lines = backup_fix_text.split("\r\n")
    to_lines, in_mentorship, fixed = [], False, False
    for line in lines:
        if line.startswith("model Mentorship {"):
            in_mentorship = True
        elif in_mentorship and line.startswith("}"):
            in_mentorship = False
        if in_mentorship and re.fullmatch(r"\s*requestId\s+String\?\s*", line):
            line += " @unique"
            fixed = True
        to_lines.append(line)
    if not fixed:
        raise ValueError("Mentorship.requestId not found")
    from_lines, skipping = [], False
    for line in to_lines:
        header = re.match(r"model (\w+) \{", line)
        if header and header.group(1) in EDPSYCH_NEW_MODELS:
            skipping = True
            continue
        if skipping:
            skipping = not line.startswith("}")
            continue
        field = re.match(r"\s+\w+\s+(\w+)(\[\])?\??(\s|$)", line)
        if field and field.group(1) in EDPSYCH_NEW_MODELS:
            continue
        from_lines.append(line)
    return "\r\n".join(from_lines), "\r\n".join(to_lines)
