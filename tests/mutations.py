"""Deterministic mutations of valid corpus schemas: the mistakes people make, as small textual edits.

A mutation is a recipe ``(schema, kind, n)``: the kind's function finds every
place of the schema where the mistake can be made and picks one with a RNG
seeded by the recipe, then returns edits ``(start, end, replacement)`` in
character offsets of one file. The rest of the text stays byte-identical, so
the byte offsets of Prisma's answers stay meaningful. The repository stores
the recipes with their edits and Prisma's answers (``mutations.json``), never
the mutated schemas; :meth:`Recipe.redraw` checks that the generator still
draws the same edits.

The generator reads schemas with prisma_tools' parser (lenient mode) only to
find targets; prisma_tools does not depend on this module.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from validation_corpus_cases import MUTATIONS, CorpusSchema

from prisma_tools.nodes import (
    ArrayValue,
    BlockAttribute,
    ConstantValue,
    Datasource,
    EnumBlock,
    EnumValue,
    FieldAttribute,
    FieldDecl,
    Generator,
    Model,
    Setting,
    StringValue,
    View,
)
from prisma_tools.parser import parse_file_text
from prisma_tools.validation.conformance import Key

Edit = tuple[int, int, str]
SCALARS = ("String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes")
PROVIDER_ALIASES = {"postgres": "postgresql"}


# ------------------------------------------------------------------ the schema, indexed


@dataclass
class Fld:
    file: str
    block: Blk
    node: FieldDecl
    start: int
    end: int
    type_start: int
    type_end: int

    @property
    def name(self) -> str:
        return self.node.name

    @property
    def type(self) -> str:
        return self.node.type.name if self.node.type else ""

    @property
    def optional(self) -> bool:
        return self.node.type is not None and self.node.type.optional

    @property
    def is_list(self) -> bool:
        return self.node.type is not None and self.node.type.list

    def attr(self, name: str) -> FieldAttribute | None:
        return next((a for a in self.node.attributes if a.name == name), None)


@dataclass
class Blk:
    file: str
    node: Any
    start: int
    end: int
    fields: list[Fld] = field(default_factory=list)

    @property
    def name(self) -> str:
        return str(self.node.name)

    @property
    def close(self) -> int:
        """Offset of the closing brace."""
        return self.end - 1

    def block_attr(self, name: str) -> BlockAttribute | None:
        return next((a for a in getattr(self.node, "attributes", ()) if a.name == name), None)


@dataclass
class Index:
    texts: dict[str, str]
    models: dict[str, Blk] = field(default_factory=dict)
    enums: dict[str, Blk] = field(default_factory=dict)
    datasources: list[Blk] = field(default_factory=list)
    generators: list[Blk] = field(default_factory=list)
    provider: str = ""

    @property
    def ds_name(self) -> str:
        return self.datasources[0].name if self.datasources else "db"

    def fields(self) -> Iterator[Fld]:
        for m in self.models.values():
            yield from m.fields

    def scalars(self, *types: str) -> list[Fld]:
        return [f for f in self.fields() if f.type in (types or SCALARS) and f.block.node.kind == "model"]

    def relations(self) -> list[Fld]:
        return [f for f in self.fields() if f.type in self.models]


def span(node: Any) -> tuple[int, int]:
    return node.span.start_offset, node.span.end_offset


def index(texts: dict[str, str]) -> Index:
    ix = Index(texts)
    for rel, text in texts.items():
        for b in parse_file_text(text, rel, strict=False).blocks:
            if b.span is None or not hasattr(b, "name"):
                continue
            blk = Blk(rel, b, *span(b))
            if text[blk.close] != "}":
                continue  # not a well-formed block: no mutation there
            if isinstance(b, (Model, View)):
                for m in b.members:
                    if isinstance(m, FieldDecl) and m.type is not None and m.type.span is not None:
                        blk.fields.append(Fld(rel, blk, m, *span(m), *span(m.type)))
                ix.models.setdefault(b.name, blk)
            elif isinstance(b, EnumBlock):
                ix.enums.setdefault(b.name, blk)
            elif isinstance(b, Datasource):
                ix.datasources.append(blk)
                for s in b.members:
                    if isinstance(s, Setting) and s.key == "provider" and isinstance(s.value, StringValue):
                        ix.provider = PROVIDER_ALIASES.get(s.value.value, s.value.value)
            elif isinstance(b, Generator):
                ix.generators.append(blk)
    return ix


# ------------------------------------------------------------------ text helpers


def nl(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def line_end(text: str, pos: int) -> int:
    """Offset just past the line break of the line holding ``pos``."""
    i = text.find("\n", pos)
    return len(text) if i < 0 else i + 1


def whole_line(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The full line(s) of ``[start, end)`` with the line break, if nothing else shares them."""
    a, b = line_start(text, start), line_end(text, end)
    if text[a:start].strip() or (text[end:b].strip() and not text[end:b].strip().startswith("//")):
        return None
    return a, b


def add_line(ix: Index, blk: Blk, line: str) -> Edit:
    """Insert ``line`` (without indent) as the last line of a block."""
    text = ix.texts[blk.file]
    a = line_start(text, blk.close)
    if text[a : blk.close].strip():
        return (blk.close, blk.close, f"{nl(text)}  {line}{nl(text)}")
    return (a, a, f"  {line}{nl(text)}")


def after_type(f: Fld, attr: str) -> Edit:
    return (f.type_end, f.type_end, " " + attr)


def insert_argument(text: str, attr: FieldAttribute, arg: str) -> Edit | None:
    """Add ``arg`` as the last argument of ``attr``."""
    a, b = span(attr)
    if attr.arguments is None:
        return (b, b, f"({arg})")
    close = text.rfind(")", a, b)
    if close < 0:
        return None
    return (close, close, f", {arg}" if attr.arguments else arg)


def arg(attr: FieldAttribute | None, name: str | None) -> Any:
    if attr is None or not attr.arguments:
        return None
    for i, a in enumerate(attr.arguments):
        if a.name == name or (name == "fields" and a.name is None and i == 0 and attr.name != "relation"):
            return a
    return None


def array_names(value: Any) -> list[str]:
    if isinstance(value, ArrayValue):
        return [i.name for i in value.items if isinstance(i, ConstantValue)]
    return []


def db_name(f: Fld) -> str:
    m = f.attr("map")
    if m and m.arguments and isinstance(m.arguments[0].value, StringValue):
        return m.arguments[0].value.value
    return f.name


def model_db_name(b: Blk) -> str:
    m = b.block_attr("map")
    if m and m.arguments and isinstance(m.arguments[0].value, StringValue):
        return m.arguments[0].value.value
    return b.name


def typo(name: str, taken: set[str]) -> str:
    """A misspelling of ``name`` that names nothing: drop the last letter (``Strin``), else double it."""
    for cand in (name[:-1], name + name[-1], name + "s", name + "_"):
        if cand and cand not in taken:
            return cand
    return name + "Typo"


# ------------------------------------------------------------------ the mutation kinds
# Each takes the index and a seeded RNG and returns (file, edits), or None when the schema
# offers no place for this mistake.

Result = tuple[str, list[Edit]] | None
Kind = Callable[[Index, random.Random], Result]
KINDS: dict[str, Kind] = {}
NATIVE_STRING = {
    "postgresql": "VarChar(10)",
    "cockroachdb": "String(10)",
    "mysql": "VarChar(10)",
    "sqlserver": "NVarChar(10)",
    "mongodb": "ObjectId",
    "sqlite": "Text",
}
FOREIGN_NATIVE = {
    "postgresql": "TinyText",
    "cockroachdb": "TinyText",
    "mysql": "Uuid",
    "sqlserver": "Uuid",
    "mongodb": "VarChar(10)",
    "sqlite": "Uuid",
}
PROVIDER_TYPOS = {
    "postgresql": "postgress",
    "mysql": "mysq",
    "sqlite": "sqlite3",
    "mongodb": "mongo",
    "sqlserver": "mssql",
    "cockroachdb": "cockroach",
}


def kind(name: str) -> Callable[[Kind], Kind]:
    def register(fn: Kind) -> Kind:
        KINDS[name] = fn
        return fn

    return register


def pick(rng: random.Random, items: list[Any]) -> Any:
    return rng.choice(items) if items else None


def pick_tuple(rng: random.Random, items: list[Any], size: int) -> tuple[Any, ...]:
    """One of the tuples ``items``, or ``size`` Nones when there is none."""
    return tuple(rng.choice(items)) if items else (None,) * size


def names_taken(ix: Index) -> set[str]:
    return set(ix.models) | set(ix.enums) | set(SCALARS)


@kind("scalar-type-typo")
def _scalar_typo(ix: Index, rng: random.Random) -> Result:
    f = pick(rng, ix.scalars())
    return f and (f.file, [(f.type_start, f.type_start + len(f.type), typo(f.type, names_taken(ix)))])


@kind("model-type-typo")
def _model_typo(ix: Index, rng: random.Random) -> Result:
    f = pick(rng, ix.relations())
    return f and (f.file, [(f.type_start, f.type_start + len(f.type), typo(f.type, names_taken(ix)))])


@kind("enum-type-typo")
def _enum_typo(ix: Index, rng: random.Random) -> Result:
    f = pick(rng, [f for f in ix.fields() if f.type in ix.enums])
    return f and (f.file, [(f.type_start, f.type_start + len(f.type), typo(f.type, names_taken(ix)))])


def relation_args(ix: Index, name: str) -> list[tuple[Fld, Any]]:
    """``(relation field, argument)`` for every @relation with the argument ``name``."""
    out = []
    for f in ix.relations():
        a = arg(f.attr("relation"), name)
        if a is not None and isinstance(a.value, ArrayValue) and a.value.items:
            out.append((f, a))
    return out


@kind("references-unknown-field")
def _references_unknown(ix: Index, rng: random.Random) -> Result:
    f, a = pick_tuple(rng, relation_args(ix, "references"), 2)
    if f is None:
        return None
    item = rng.choice(a.value.items)
    taken = {g.name for g in ix.models[f.type].fields}
    return f.file, [(*span(item), typo(item.name, taken))]


@kind("references-non-unique-field")
def _references_non_unique(ix: Index, rng: random.Random) -> Result:
    cands = []
    for f, a in relation_args(ix, "references"):
        if len(a.value.items) != 1:
            continue
        target = ix.models[f.type]
        plain = [
            g
            for g in target.fields
            if g.type in SCALARS and not g.is_list and not g.attr("id") and not g.attr("unique")
        ]
        cands += [(f, a, g) for g in plain]
    f, a, g = pick_tuple(rng, cands, 3)
    return f and (f.file, [(*span(a.value.items[0]), g.name)])


@kind("fields-unknown-field")
def _fields_unknown(ix: Index, rng: random.Random) -> Result:
    f, a = pick_tuple(rng, relation_args(ix, "fields"), 2)
    if f is None:
        return None
    item = rng.choice(a.value.items)
    return f.file, [(*span(item), typo(item.name, {g.name for g in f.block.fields}))]


@kind("relation-without-references")
def _without_references(ix: Index, rng: random.Random) -> Result:
    f, a = pick_tuple(rng, relation_args(ix, "references"), 2)
    if f is None:
        return None
    text = ix.texts[f.file]
    a_start, a_end = span(a)
    start = text.rfind(",", 0, a_start)  # drop the comma before the argument too
    return f.file, [(start, a_end, "")]


def without_default(ix: Index, *types: str) -> list[Fld]:
    return [f for f in ix.scalars(*types) if not f.attr("default") and not f.is_list]


@kind("default-int-on-string")
def _default_int_on_string(ix: Index, rng: random.Random) -> Result:
    f = pick(rng, without_default(ix, "String"))
    return f and (f.file, [after_type(f, "@default(5)")])


@kind("default-now-on-int")
def _default_now_on_int(ix: Index, rng: random.Random) -> Result:
    f = pick(rng, without_default(ix, "Int", "BigInt"))
    return f and (f.file, [after_type(f, "@default(now())")])


@kind("default-string-on-number")
def _default_string_on_number(ix: Index, rng: random.Random) -> Result:
    f = pick(rng, without_default(ix, "Int", "Float", "Decimal", "Boolean"))
    return f and (f.file, [after_type(f, '@default("abc")')])


@kind("default-autoincrement-on-string")
def _default_autoincrement(ix: Index, rng: random.Random) -> Result:
    f = pick(rng, without_default(ix, "String", "DateTime"))
    return f and (f.file, [after_type(f, "@default(autoincrement())")])


@kind("default-unknown-enum-value")
def _default_bad_enum(ix: Index, rng: random.Random) -> Result:
    f = pick(rng, [f for f in ix.fields() if f.type in ix.enums and not f.attr("default") and not f.is_list])
    return f and (f.file, [after_type(f, "@default(NOT_A_VALUE)")])


@kind("default-unknown-function")
def _default_unknown_function(ix: Index, rng: random.Random) -> Result:
    cands = []
    for f in ix.fields():
        a = arg(f.attr("default"), None)
        if a is not None and getattr(a.value, "kind", "") == "call":
            cands.append((f, a.value))
    f, call = pick_tuple(rng, cands, 2)
    if f is None:
        return None
    start = span(call)[0]
    return f.file, [(start, start + len(call.name), typo(call.name, set()))]


@kind("updatedat-on-non-datetime")
def _updated_at(ix: Index, rng: random.Random) -> Result:
    f = pick(rng, without_default(ix, "String", "Int", "Boolean"))
    return f and (f.file, [after_type(f, "@updatedAt")])


@kind("remove-id")
def _remove_id(ix: Index, rng: random.Random) -> Result:
    cands = [(f, a) for f in ix.fields() for a in f.node.attributes if a.name == "id"]
    f, a = pick_tuple(rng, cands, 2)
    if f is None:
        return None
    start, end = span(a)
    text = ix.texts[f.file]
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    return f.file, [(start, end, "")]


@kind("id-optional")
def _id_optional(ix: Index, rng: random.Random) -> Result:
    f = pick(rng, [f for f in ix.fields() if f.attr("id") and not f.optional])
    return f and (f.file, [(f.type_end, f.type_end, "?")])


@kind("duplicate-model")
def _duplicate_model(ix: Index, rng: random.Random) -> Result:
    m = pick(rng, [m for m in ix.models.values() if m.node.kind == "model"])
    if m is None:
        return None
    text = ix.texts[m.file]
    n = nl(text)
    lead = "" if text.endswith("\n") else n
    body = f"{lead}{n}model {m.name} {{{n}  id String @id{n}}}{n}"
    return m.file, [(len(text), len(text), body)]


@kind("duplicate-enum")
def _duplicate_enum(ix: Index, rng: random.Random) -> Result:
    e = pick(rng, list(ix.enums.values()))
    if e is None:
        return None
    text = ix.texts[e.file]
    n = nl(text)
    lead = "" if text.endswith("\n") else n
    return e.file, [(len(text), len(text), f"{lead}{n}enum {e.name} {{{n}  ONE{n}  TWO{n}}}{n}")]


def duplicate_line(text: str, start: int, end: int, rename: tuple[str, str] | None = None) -> Edit | None:
    span_ = whole_line(text, start, end)
    if span_ is None:
        return None
    a, b = span_
    line = text[a:b] if text[b - 1 : b] == "\n" else text[a:b] + nl(text)
    if rename:
        i = line.index(rename[0])
        line = line[:i] + rename[1] + line[i + len(rename[0]) :]
    return (a, a, line)


@kind("duplicate-field")
def _duplicate_field(ix: Index, rng: random.Random) -> Result:
    f = pick(rng, list(ix.fields()))
    e = f and duplicate_line(ix.texts[f.file], f.start, f.end)
    return e and (f.file, [e])


@kind("duplicate-enum-value")
def _duplicate_enum_value(ix: Index, rng: random.Random) -> Result:
    cands = [(e, v) for e in ix.enums.values() for v in e.node.members if isinstance(v, EnumValue)]
    e, v = pick_tuple(rng, cands, 2)
    d = e and duplicate_line(ix.texts[e.file], *span(v))
    return d and (e.file, [d])


@kind("native-type-mismatch")
def _native_mismatch(ix: Index, rng: random.Random) -> Result:
    native = NATIVE_STRING.get(ix.provider)
    cands = [
        f
        for f in ix.scalars("Int", "Boolean", "DateTime", "Float")
        if not any(a.name.startswith(ix.ds_name + ".") for a in f.node.attributes)
    ]
    f = pick(rng, cands) if native else None
    return f and (f.file, [after_type(f, f"@{ix.ds_name}.{native}")])


@kind("native-type-of-other-provider")
def _native_foreign(ix: Index, rng: random.Random) -> Result:
    native = FOREIGN_NATIVE.get(ix.provider)
    cands = [f for f in ix.scalars("String") if not any(a.name.startswith(ix.ds_name + ".") for a in f.node.attributes)]
    f = pick(rng, cands) if native else None
    return f and (f.file, [after_type(f, f"@{ix.ds_name}.{native}")])


@kind("native-type-bad-arguments")
def _native_bad_args(ix: Index, rng: random.Random) -> Result:
    cands = [(f, a) for f in ix.fields() for a in f.node.attributes if a.name.startswith(ix.ds_name + ".")]
    f, a = pick_tuple(rng, cands, 2)
    if f is None:
        return None
    text = ix.texts[f.file]
    end = span(a)[1]
    if a.arguments:  # one argument too many
        e = insert_argument(text, a, "1")
        return e and (f.file, [e])
    return f.file, [(end, end, rng.choice(['("x")', "(-1)", "(10, 20, 30)"]))]


@kind("unknown-field-attribute")
def _unknown_field_attribute(ix: Index, rng: random.Random) -> Result:
    f = pick(rng, list(ix.fields()))
    return f and (f.file, [after_type(f, rng.choice(["@uniq", "@index", "@primary", "@Id", "@foo(1)", "@key"]))])


@kind("unknown-block-attribute")
def _unknown_block_attribute(ix: Index, rng: random.Random) -> Result:
    m = pick(rng, [m for m in ix.models.values() if m.fields])
    if m is None:
        return None
    f = rng.choice(m.fields).name
    return m.file, [add_line(ix, m, rng.choice([f"@@indexes([{f}])", f"@@primary([{f}])", '@@table("x")', "@@foo"]))]


UNKNOWN_ARGS = ["foo: 1", "length: 10", "sort: Desc", "onDelte: Cascade", "clustered: true", "type: Hash", 'name: "x"']


@kind("unknown-argument")
def _unknown_argument(ix: Index, rng: random.Random) -> Result:
    wanted = {"unique", "id", "default", "relation", "map", "index", "updatedAt"}
    cands: list[tuple[str, FieldAttribute]] = [
        (f.file, a) for f in ix.fields() for a in f.node.attributes if a.name in wanted
    ]
    cands += [(m.file, a) for m in ix.models.values() for a in m.node.attributes if a.name in wanted]
    file, a = pick_tuple(rng, cands, 2)
    e = file and insert_argument(ix.texts[file], a, rng.choice(UNKNOWN_ARGS))
    return e and (file, [e])


@kind("ambiguous-relation-list")
def _ambiguous_list(ix: Index, rng: random.Random) -> Result:
    f = pick(rng, [f for f in ix.relations() if f.is_list and not f.attr("relation")])
    e = f and duplicate_line(ix.texts[f.file], f.start, f.end, (f.name, f.name + "2"))
    return e and (f.file, [e])


@kind("ambiguous-relation-fields")
def _ambiguous_fields(ix: Index, rng: random.Random) -> Result:
    cands = [
        f
        for f, _ in relation_args(ix, "fields")
        if not arg(f.attr("relation"), "name") and not arg(f.attr("relation"), None)
    ]
    f = pick(rng, cands)
    e = f and duplicate_line(ix.texts[f.file], f.start, f.end, (f.name, f.name + "2"))
    return e and (f.file, [e])


def remove_line(ix: Index, f: Fld) -> Result:
    s = whole_line(ix.texts[f.file], f.start, f.end)
    return s and (f.file, [(*s, "")])


@kind("remove-back-relation")
def _remove_back_relation(ix: Index, rng: random.Random) -> Result:
    f = pick(rng, [f for f in ix.relations() if f.is_list])
    return f and remove_line(ix, f)


@kind("remove-relation-field")
def _remove_relation_field(ix: Index, rng: random.Random) -> Result:
    f = pick(rng, [f for f, _ in relation_args(ix, "fields")])
    return f and remove_line(ix, f)


@kind("one-to-one-without-unique")
def _one_to_one(ix: Index, rng: random.Random) -> Result:
    cands = []
    for f, a in relation_args(ix, "fields"):
        names = array_names(a.value)
        for g in f.block.fields:
            if g.name in names and g.attr("unique"):
                cands.append((g, g.attr("unique")))
    g, u = pick_tuple(rng, cands, 2)
    if g is None:
        return None
    start, end = span(u)
    text = ix.texts[g.file]
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    return g.file, [(start, end, "")]


@kind("model-map-clash")
def _model_map_clash(ix: Index, rng: random.Random) -> Result:
    models = [m for m in ix.models.values() if m.node.kind == "model"]
    if len(models) < 2:
        return None
    a, b = rng.sample(models, 2)
    m = a.block_attr("map")
    if m is not None and m.arguments:
        return a.file, [(*span(m.arguments[0].value), json.dumps(model_db_name(b)))]
    return a.file, [add_line(ix, a, f"@@map({json.dumps(model_db_name(b))})")]


@kind("field-map-clash")
def _field_map_clash(ix: Index, rng: random.Random) -> Result:
    cands = []
    for m in ix.models.values():
        scalars = [f for f in m.fields if f.type in SCALARS]
        cands += [(f, g) for f in scalars if not f.attr("map") for g in scalars if g is not f]
    f, g = pick_tuple(rng, cands, 2)
    return f and (f.file, [after_type(f, f"@map({json.dumps(db_name(g))})")])


def remove_block(ix: Index, b: Blk) -> Result:
    text = ix.texts[b.file]
    return b.file, [(b.start, line_end(text, b.close), "")]


@kind("remove-used-enum")
def _remove_enum(ix: Index, rng: random.Random) -> Result:
    used = {f.type for f in ix.fields()}
    e = pick(rng, [e for e in ix.enums.values() if e.name in used])
    return e and remove_block(ix, e)


@kind("remove-related-model")
def _remove_model(ix: Index, rng: random.Random) -> Result:
    used = {f.type for f in ix.relations()}
    m = pick(rng, [m for m in ix.models.values() if m.name in used])
    return m and remove_block(ix, m)


def referential(ix: Index, rng: random.Random, action: str, required_only: bool) -> Result:
    cands = []
    for f, a in relation_args(ix, "fields"):
        names = set(array_names(a.value))
        scalars = [g for g in f.block.fields if g.name in names]
        if required_only and not any(not g.optional for g in scalars):
            continue
        cands.append(f)
    f = pick(rng, cands)
    if f is None:
        return None
    rel = f.attr("relation")
    which = rng.choice(["onDelete", "onUpdate"]) if not required_only else "onDelete"
    existing = arg(rel, which)
    if existing is not None and existing.value is not None:
        return f.file, [(*span(existing.value), action)]
    e = insert_argument(ix.texts[f.file], rel, f"{which}: {action}")
    return e and (f.file, [e])


@kind("setnull-on-required")
def _setnull(ix: Index, rng: random.Random) -> Result:
    return referential(ix, rng, "SetNull", True)


@kind("unknown-referential-action")
def _bad_action(ix: Index, rng: random.Random) -> Result:
    return referential(ix, rng, rng.choice(["Cascad", "Delete", "SetDefault", "NoAction"]), False)


@kind("unknown-preview-feature")
def _preview(ix: Index, rng: random.Random) -> Result:
    g = pick(rng, ix.generators)
    if g is None:
        return None
    feature = json.dumps(rng.choice(["fullTextSerch", "notAFeature", "multischema", "relationjoins"]))
    for s in g.node.members:
        if isinstance(s, Setting) and s.key == "previewFeatures" and isinstance(s.value, ArrayValue):
            end = span(s.value)[1] - 1
            return g.file, [(end, end, (", " if s.value.items else "") + feature)]
    return g.file, [add_line(ix, g, f"previewFeatures = [{feature}]")]


@kind("unknown-provider")
def _provider(ix: Index, rng: random.Random) -> Result:
    d = pick(rng, ix.datasources)
    for s in d.node.members if d else ():
        if isinstance(s, Setting) and s.key == "provider" and isinstance(s.value, StringValue):
            return d.file, [(*span(s.value), json.dumps(PROVIDER_TYPOS.get(ix.provider, "postgress")))]
    return None


@kind("bad-relation-mode")
def _relation_mode(ix: Index, rng: random.Random) -> Result:
    d = pick(rng, ix.datasources)
    if d is None:
        return None
    value = json.dumps(rng.choice(["foreignKey", "prisma", "foreignKeys", "emulated"]))
    for s in d.node.members:
        if isinstance(s, Setting) and s.key in ("relationMode", "referentialIntegrity") and s.value is not None:
            return d.file, [(*span(s.value), value)]
    return d.file, [add_line(ix, d, f"relationMode = {value}")]


@kind("duplicate-index-name")
def _duplicate_index_name(ix: Index, rng: random.Random) -> Result:
    models = [m for m in ix.models.values() if m.node.kind == "model" and any(f.type in SCALARS for f in m.fields)]
    if not models:
        return None
    file = rng.choice(models).file
    models = [m for m in models if m.file == file]
    a, b = rng.choice(models), rng.choice(models)
    fa = rng.choice([f for f in a.fields if f.type in SCALARS]).name
    fb = rng.choice([f for f in b.fields if f.type in SCALARS]).name
    edits = [add_line(ix, a, f'@@index([{fa}], map: "dup_idx")'), add_line(ix, b, f'@@index([{fb}], map: "dup_idx")')]
    if a is b:  # both lines at one place: one insertion
        return file, [(edits[0][0], edits[0][1], edits[0][2] + edits[1][2].lstrip("\r\n"))]
    return file, sorted(edits)


@kind("duplicate-index-line")
def _duplicate_index_line(ix: Index, rng: random.Random) -> Result:
    cands = [(m, a) for m in ix.models.values() for a in m.node.attributes if a.name in ("index", "unique", "id")]
    m, a = pick_tuple(rng, cands, 2)
    e = m and duplicate_line(ix.texts[m.file], *span(a))
    return e and (m.file, [e])


@kind("index-unknown-field")
def _index_unknown_field(ix: Index, rng: random.Random) -> Result:
    m = pick(rng, [m for m in ix.models.values() if m.node.kind == "model" and m.fields])
    if m is None:
        return None
    f = rng.choice(m.fields).name
    attr = rng.choice(["index", "unique"])
    return m.file, [add_line(ix, m, f"@@{attr}([{typo(f, {g.name for g in m.fields})}])")]


@kind("scalar-list")
def _scalar_list(ix: Index, rng: random.Random) -> Result:
    f = pick(
        rng,
        [f for f in ix.scalars("String", "Int") if not f.optional and not f.is_list and not f.attr("id")],
    )
    return f and (f.file, [(f.type_end, f.type_end, "[]")])


@kind("optional-list")
def _optional_list(ix: Index, rng: random.Random) -> Result:
    f = pick(rng, [f for f in ix.fields() if f.is_list])
    return f and (f.file, [(f.type_end, f.type_end, "?")])


@kind("duplicate-field-attribute")
def _duplicate_attribute(ix: Index, rng: random.Random) -> Result:
    cands = [
        (f, a)
        for f in ix.fields()
        for a in f.node.attributes
        if a.name in ("id", "unique", "default", "map", "updatedAt", "relation")
    ]
    f, a = pick_tuple(rng, cands, 2)
    if f is None:
        return None
    start, end = span(a)
    return f.file, [(end, end, " " + ix.texts[f.file][start:end])]


@kind("composite-type")
def _composite_type(ix: Index, rng: random.Random) -> Result:
    m = pick(rng, [m for m in ix.models.values() if m.node.kind == "model"])
    if m is None:
        return None
    text = ix.texts[m.file]
    n = nl(text)
    lead = "" if text.endswith("\n") else n
    return m.file, [(len(text), len(text), f"{lead}{n}type Address {{{n}  street String{n}  city   String?{n}}}{n}")]


@kind("block-keyword-typo")
def _keyword_typo(ix: Index, rng: random.Random) -> Result:
    b = pick(rng, list(ix.models.values()) + list(ix.enums.values()))
    if b is None:
        return None
    word = b.node.kind
    return b.file, [(b.start, b.start + len(word), rng.choice([word[:-1], word + "s", word.capitalize()]))]


@kind("missing-field-type")
def _missing_type(ix: Index, rng: random.Random) -> Result:
    f = pick(rng, list(ix.fields()))
    if f is None:
        return None
    text = ix.texts[f.file]
    start = f.type_start
    while text[start - 1] in " \t":
        start -= 1
    return f.file, [(start, f.type_end, "")]


@kind("relation-name-one-side")
def _relation_name(ix: Index, rng: random.Random) -> Result:
    f = pick(rng, [f for f, _ in relation_args(ix, "fields")])
    if f is None:
        return None
    rel = f.attr("relation")
    first = rel.arguments[0]
    if first.name is None and isinstance(first.value, StringValue):
        return f.file, [(*span(first.value), '"Renamed"')]
    start = span(first)[0]
    return f.file, [(start, start, '"Renamed", ')]


@kind("url-not-a-string")
def _url_value(ix: Index, rng: random.Random) -> Result:
    d = pick(rng, ix.datasources)
    for s in d.node.members if d else ():
        if isinstance(s, Setting) and s.key == "url" and s.value is not None:
            return d.file, [(*span(s.value), rng.choice(["5", "env()", "env(DATABASE_URL)", "true"]))]
    return None


# ------------------------------------------------------------------ recipes


def mutate(texts: dict[str, str], schema_id: str, kind_name: str, n: int) -> Result:
    rng = random.Random(f"{schema_id}|{kind_name}|{n}")
    return KINDS[kind_name](index(texts), rng)


def apply_edits(text: str, edits: list[Edit]) -> str:
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


@dataclass(frozen=True)
class Recipe:
    schema: str
    kind: str
    n: int
    file: str
    edits: list[Edit]
    sha: str = ""
    answers: dict[int, list[Key]] = field(default_factory=dict, compare=False)

    @property
    def id(self) -> str:
        return f"{self.schema}#{self.kind}#{self.n}"

    def apply(self, texts: dict[str, str], *, check_digest: bool = False) -> dict[str, str]:
        """The schema's files with the edits applied to the mutated one."""
        text = texts[self.file]
        if check_digest and self.sha:
            import hashlib

            if hashlib.sha256(text.encode("utf-8")).hexdigest()[:16] != self.sha:
                raise AssertionError(f"{self.id}: corpus file changed; run scripts/regen_validation_goldens.py")
        return {**texts, self.file: apply_edits(text, self.edits)}

    def redraw(self, texts: dict[str, str]) -> list[Edit] | None:
        r = mutate(texts, self.schema, self.kind, self.n)
        return None if r is None else [(e[0], e[1], e[2]) for e in r[1]]

    def answer(self, engine: int) -> list[Key]:
        return self.answers[engine]

    def as_json(self) -> dict[str, Any]:
        """The recipe as a row of ``mutations.json`` (answers as :func:`pack` writes them)."""
        row: dict[str, Any] = {"id": self.id, "file": self.file, "sha": self.sha}
        row["edits"] = [list(e) for e in self.edits]
        return row | {f"lint{e}": pack(keys, self.file) for e, keys in sorted(self.answers.items())}


def pack(keys: list[Key], file: str) -> list[list[Any]]:
    """Diagnostics as ``[start, end, text, is_warning]``, with the file name first when not ``file``."""
    return [[*k[1:]] if k[0] == file else [*k] for k in keys]


def unpack(rows: list[list[Any]], file: str) -> list[Key]:
    return [(file, *r) if len(r) == 4 else tuple(r) for r in rows]


def parse_id(recipe_id: str) -> tuple[str, str, int]:
    """``(schema, kind, n)`` of ``<schema>#<kind>#<n>``."""
    schema, kind_name, n = recipe_id.rsplit("#", 2)
    return schema, kind_name, int(n)


def load_recipes() -> list[Recipe]:
    if not MUTATIONS.exists():
        return []
    rows: list[dict[str, Any]] = json.loads(MUTATIONS.read_text(encoding="utf-8"))
    return [
        Recipe(
            *parse_id(r["id"]),
            r["file"],
            [tuple(e) for e in r["edits"]],
            r["sha"],
            {e: unpack(r[f"lint{e}"], r["file"]) for e in (6, 7) if f"lint{e}" in r},
        )
        for r in rows
    ]


PER_KIND = 10
"""How many mutations of each kind, spread over the schemas of every provider."""
PER_KIND_7 = 3
"""And how many more of the schemas engine 7 finds valid."""
MAX_LINES = 1300
"""Larger schemas are left out: they would slow the test without finding more."""


def draw(schemas: list[CorpusSchema], per_kind: int = PER_KIND, before: tuple[Recipe, ...] = ()) -> list[Recipe]:
    """The mutations of the valid ``schemas``: for each kind, ``per_kind`` recipes, providers in turn.

    Recipes of ``before`` (an earlier draw) are not drawn again.
    """
    loaded = {s.id: s.texts() for s in schemas}
    loaded = {k: v for k, v in loaded.items() if sum(t.count("\n") for t in v.values()) <= MAX_LINES}
    providers: dict[str, list[str]] = {}
    for sid, texts in loaded.items():
        providers.setdefault(index(texts).provider or "none", []).append(sid)
    out: list[Recipe] = []
    for kind_name in KINDS:
        rng = random.Random(kind_name)
        queues = {p: rng.sample(ids, len(ids)) for p, ids in sorted(providers.items())}
        seen = {(r.schema, r.file, tuple(r.edits)) for r in before if r.kind == kind_name}
        drawn = {r.id for r in before}
        taken = 0
        for n in range(3):  # a second and third target of a schema when there are few schemas
            for sid in round_robin(queues):
                if taken >= per_kind:
                    break
                r = mutate(loaded[sid], sid, kind_name, n)
                if r is None or not r[1]:
                    continue
                key = (sid, r[0], tuple(r[1]))
                if key in seen or f"{sid}#{kind_name}#{n}" in drawn:
                    continue
                seen.add(key)
                out.append(Recipe(sid, kind_name, n, r[0], r[1]))
                taken += 1
    return out


def round_robin(queues: dict[str, list[str]]) -> Iterator[str]:
    longest = max((len(q) for q in queues.values()), default=0)
    for i in range(longest):
        for q in queues.values():
            if i < len(q):
                yield q[i]
