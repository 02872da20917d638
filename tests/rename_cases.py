"""The renames the corpus tests and scripts/rename_corpus.py try: every model and up to 50 fields per schema.

Shared so that the test suite (native checks) and the oracle script (Prisma's
checks) run exactly the same renames. New names keep the sort order of model
names (a ``0`` suffix sorts before any other character a name can continue
with), so an implicit many-to-many join table keeps its columns.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

from conftest import CORPUS

from prisma_tools.nodes import CompositeType, Model, Schema

REALWORLD = CORPUS / "realworld"
FIELDS_PER_SCHEMA = 50


@dataclass(frozen=True)
class Entry:
    name: str
    path: Path
    provider: str


@dataclass(frozen=True)
class Rename:
    target: str
    new_name: str

    @property
    def back(self) -> Rename:
        """The rename that undoes this one."""
        block, _, member = self.target.partition(".")
        if member:
            return Rename(f"{block}.{self.new_name}", member)
        return Rename(self.new_name, block)


def valid_entries() -> list[Entry]:
    """The realworld corpus schemas Prisma 6 validates (MANIFEST.tsv), files and folders."""
    manifest = REALWORLD / "MANIFEST.tsv"
    if not manifest.exists():
        return []
    with manifest.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [
        Entry(r["entry"].rstrip("/"), REALWORLD / r["entry"].rstrip("/"), r["provider"])
        for r in rows
        if r["validate"] == "VALID"
    ]


def _fresh(name: str, taken: set[str], suffix: str) -> str:
    new = name + suffix
    while new in taken:
        new += suffix
    return new


def renames(schema: Schema, seed: str, fields: int = FIELDS_PER_SCHEMA) -> list[Rename]:
    """Every model renamed, then up to ``fields`` fields (of models and composite types) chosen with ``seed``."""
    blocks = {b.name for b in schema.blocks if hasattr(b, "name")}  # type: ignore[union-attr]
    out = [Rename(m.name, _fresh(m.name, blocks, "0")) for m in schema.models]
    pool = [(b, f.name) for b in schema.blocks if isinstance(b, (Model, CompositeType)) for f in b.fields]
    for b, name in random.Random(seed).sample(pool, min(fields, len(pool))):
        taken = {f.name for f in b.fields}
        out.append(Rename(f"{b.name}.{name}", _fresh(name, taken, "Renamed")))
    return out
