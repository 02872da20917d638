"""SQLite migration cases over ../shared/corpus: its SQLite schemas, and its PostgreSQL schemas made SQLite.

Shared by ``tests/test_migrate_sqlite.py`` and ``scripts/regen_migrate_goldens.py``
(which runs the oracle on exactly these pairs). The entries are:

* ``native/<entry>``: every realworld schema whose provider is ``sqlite`` (a
  ``url`` is added where the file has none: Prisma 6 needs one);
* ``converted/<entry>``: every PostgreSQL schema of :func:`migrate_corpus.postgres_entries`
  with :func:`to_sqlite` applied (provider, no native types, no scalar lists, no
  ``@@schema``, no named primary or foreign keys, no index methods, ``autoincrement()``
  only on an ``@id``). The oracle says which of
  them Prisma accepts; the others are left out by the regeneration script.

From each entry, as for PostgreSQL (``tests/migrate_changes.py``): the entry from
empty, every additive case of :func:`migrate_corpus.derived_cases` in both
directions, and every change of :func:`migrate_changes.changes_for` that SQLite
can express (not native types, not primary key names), made and undone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from migrate_changes import Change, apply_all, changes_for
from migrate_corpus import Removal, _manifest, derived_cases, postgres_entries, remove

from prisma_tools import load
from prisma_tools.nodes import (
    Argument,
    ArrayValue,
    BlockAttribute,
    Datasource,
    EnumBlock,
    FieldAttribute,
    FieldDecl,
    FunctionCall,
    Generator,
    Model,
    Schema,
    SchemaFile,
    Setting,
    StringValue,
    View,
)

__all__ = ["SqliteEntry", "entries", "from_to", "pairs", "to_sqlite"]

_Fields = TypeVar("_Fields", Model, View)

URL = '"file:./dev.db"'
# Changes SQLite cannot express: native types do not exist there, primary keys have no name.
SKIPPED_CHANGES = ("native", "pkname")
_DROPPED_SETTINGS = ("schemas", "extensions", "directUrl", "shadowDatabaseUrl")


@dataclass(frozen=True)
class SqliteEntry:
    """``id``: ``native/<entry>`` or ``converted/<set>/<entry>``; ``path``: the corpus file or folder."""

    id: str
    path: Path
    converted: bool

    def schema(self) -> Schema:
        return to_sqlite(load(self.path))


def entries(corpus: Path) -> list[SqliteEntry]:
    out = []
    for row in _manifest(corpus / "realworld" / "MANIFEST.tsv"):
        if row["provider"] == "sqlite":
            name = row["entry"].rstrip("/")
            out.append(SqliteEntry(f"native/{name}", corpus / "realworld" / name, converted=False))
    for entry in postgres_entries(corpus):
        out.append(SqliteEntry(f"converted/{entry.id}", entry.path, converted=True))
    return out


def _datasource(block: Datasource) -> Datasource:
    members: list[Setting] = []
    for m in block.members:
        if not isinstance(m, Setting) or m.key in _DROPPED_SETTINGS:
            continue
        if m.key == "provider":
            m = m.model_copy(update={"value": StringValue(text='"sqlite"')})
        elif m.key == "url":
            m = m.model_copy(update={"value": StringValue(text=URL)})
        members.append(m)
    if not any(m.key == "url" for m in members):
        members.append(Setting(key="url", value=StringValue(text=URL)))
    return block.model_copy(update={"members": tuple(members)})


def _generator(block: Generator) -> Generator:
    """Without the preview features SQLite does not know (``fullTextSearchPostgres``)."""
    members = []
    for m in block.members:
        if isinstance(m, Setting) and m.key == "previewFeatures" and isinstance(m.value, ArrayValue):
            items = tuple(v for v in m.value.items if getattr(v, "text", "") != '"fullTextSearchPostgres"')
            m = m.model_copy(update={"value": m.value.model_copy(update={"items": items})})
        members.append(m)
    return block.model_copy(update={"members": tuple(members)})


def _without_args(attr: FieldAttribute, *names: str) -> FieldAttribute:
    kept = tuple(a for a in attr.arguments or () if a.name not in names)
    return attr.model_copy(update={"arguments": kept or None})


def _plain_refs(attr: BlockAttribute) -> BlockAttribute:
    """``@@index([a(ops: X), b])`` -> ``@@index([a, b])`` (operator classes are PostgreSQL's)."""
    args: list[Argument] = []
    for arg in attr.arguments or ():
        if (arg.name in (None, "fields")) and isinstance(arg.value, ArrayValue):
            items = tuple(
                item.model_copy(update={"arguments": tuple(a for a in item.arguments if a.name != "ops")})
                if isinstance(item, FunctionCall)
                else item
                for item in arg.value.items
            )
            arg = arg.model_copy(update={"value": arg.value.model_copy(update={"items": items})})
        args.append(arg)
    return attr.model_copy(update={"arguments": tuple(args)})


def _model(model: _Fields, ds_prefix: str, models: set[str]) -> _Fields:
    dropped = {
        m.name
        for m in model.members
        if isinstance(m, FieldDecl) and m.type is not None and m.type.list and m.type.name not in models
    }
    members = []
    for m in model.members:
        if isinstance(m, FieldDecl):
            if m.name in dropped:
                continue
            attrs = tuple(
                _without_args(a, "map") if a.name in ("id", "relation") else a
                for a in m.attributes
                if not a.name.startswith(ds_prefix) and not (_autoincrement(a) and m.attribute("id") is None)
            )
            m = m.model_copy(update={"attributes": attrs})
        members.append(m)
    attrs = []
    for a in model.attributes:
        if a.name in ("schema", "fulltext"):
            continue
        if any(_mentions(arg.value, dropped) for arg in a.arguments or ()):
            continue
        if a.name == "id":
            a = _without_args(a, "map")
        if a.name in ("index", "unique"):
            a = _plain_refs(_without_args(a, "type"))
        attrs.append(a)
    return model.model_copy(update={"members": tuple(members), "attributes": tuple(attrs)})


def _autoincrement(attr: FieldAttribute) -> bool:
    """``@default(autoincrement())``: SQLite has it on a single-field ``@id`` only."""
    value = attr.arguments[0].value if attr.name == "default" and attr.arguments else None
    return isinstance(value, FunctionCall) and value.name == "autoincrement"


def _mentions(value: object, names: set[str]) -> bool:
    if isinstance(value, ArrayValue):
        return any(_mentions(v, names) for v in value.items)
    return getattr(value, "name", None) in names


def to_sqlite(schema: Schema) -> Schema:
    """``schema`` with ``provider = "sqlite"`` and what SQLite has not taken out."""
    ds = next((b for b in schema.blocks if isinstance(b, Datasource)), None)
    prefix = (ds.name if ds is not None else "db") + "."
    models = {m.name for m in schema.models}
    files = []
    for file in schema.files:
        blocks = []
        for block in file.blocks:
            if isinstance(block, Datasource):
                block = _datasource(block)
            elif isinstance(block, Generator):
                block = _generator(block)
            elif isinstance(block, Model | View):
                block = _model(block, prefix, models)
            elif isinstance(block, EnumBlock):
                block = block.model_copy(
                    update={"attributes": tuple(a for a in block.attributes if a.name != "schema")}
                )
            blocks.append(block)
        files.append(SchemaFile(path=file.path, blocks=tuple(blocks), footer_comments=file.footer_comments))
    return Schema(files=tuple(files))


def pairs(full: Schema) -> Iterator[tuple[str, Schema, Schema, dict[str, object]]]:
    """(name, FROM, TO, case) for every pair derived from ``full`` (see the module's docstring)."""
    for removals in derived_cases(full):
        slug = "+".join(r.slug for r in removals)
        case: dict[str, object] = {"removals": [r.to_json() for r in removals]}
        smaller = remove(full, removals)
        yield f"drop-{slug}", full, smaller, {"direction": "drop", **case}
        yield f"add-{slug}", smaller, full, {"direction": "add", **case}
    changes = [c for c in changes_for(full) if c.kind not in SKIPPED_CHANGES]
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
        yield f"change-{slug}", full, changed, {"direction": "change", **case}
        yield f"revert-{slug}", changed, full, {"direction": "revert", **case}


def from_to(full: Schema, case: dict[str, object]) -> tuple[Schema, Schema]:
    """FROM and TO of a case listed in ``cases.json`` (the inverse of :func:`pairs`)."""
    direction = case["direction"]
    if direction in ("drop", "add"):
        removals = case["removals"]
        assert isinstance(removals, list)
        smaller = remove(full, [Removal(k, t) for k, t in removals])
        return (full, smaller) if direction == "drop" else (smaller, full)
    changes = case["changes"]
    assert isinstance(changes, list)
    changed = apply_all(full, [Change(k, t) for k, t in changes])
    return (full, changed) if direction == "change" else (changed, full)
