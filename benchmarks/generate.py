"""Deterministic generator of valid, hand-written-looking Prisma schemas.

``generate(n_models, seed)`` returns the text of one PostgreSQL schema with
``n_models`` models (plus a datasource, a generator and about one enum per six
models). The schema is valid for Prisma 6 (``prisma-oracle validate`` prints
``VALID``) and looks typed by hand: columns are not aligned, indentation mixes
spaces and tabs, some lines carry trailing white space, some argument lists are
cramped or padded, attributes are not always in canonical order and blank lines
come doubled. ``prisma format`` therefore has real work to do on it.

What a model can hold: ids (``Int @default(autoincrement())``, ``String
@default(cuid())``, ``String @default(uuid()) @db.Uuid``, compound ``@@id`` on
join models), scalar fields of every type (optional, lists, ``@default``,
``@unique``, ``@updatedAt``, ``@map``, ``@db.*``), enum fields, one-to-many and
one-to-one relations with both sides present (``@unique`` on one-to-one
foreign keys), named relations (self relations, second relations between the
same two models), referential actions, ``@@index``/``@@unique``/``@@map``,
``///`` doc comments, ``//`` comments on their own lines and after fields.

The output is about 0.88 KB per model, so 50 models is about 41 KB and 5,000
models about 4.4 MB, the sizes of the schemas in the "Speed and memory" issue.

Usage::

    python benchmarks/generate.py 500 [--seed 0] [-o schema.prisma]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["generate"]

NOUNS = [
    "User", "Post", "Comment", "Order", "Invoice", "Product", "Category", "Tag", "Account", "Session",
    "Team", "Project", "Task", "Message", "Payment", "Shipment", "Address", "Review", "Coupon", "Warehouse",
    "Supplier", "Employee", "Department", "Ticket", "Article", "Asset", "Subscription", "Plan", "Event",
    "Notification", "AuditEntry", "Webhook", "ApiKey", "Organization", "Membership", "Invitation", "Document",
    "Folder", "Report", "Vehicle", "Booking", "Room", "Course", "Lesson", "Enrollment", "Quiz", "Answer",
    "Device", "Sensor", "Reading",
]  # fmt: skip
PREFIXES = [
    "Billing", "Shop", "Blog", "Crm", "Hr", "Fleet", "School", "Iot", "Support", "Media",
    "Legal", "Sales", "Stock", "Travel", "Health", "Forum", "Game", "Bank", "Farm", "Lab",
]  # fmt: skip
ENUM_SUFFIXES = ["Status", "Kind", "Level", "Visibility", "Channel"]
ENUM_VALUES = {
    "Status": ["DRAFT", "PENDING", "ACTIVE", "PAUSED", "ARCHIVED", "DELETED", "FAILED", "DONE"],
    "Kind": ["STANDARD", "PREMIUM", "INTERNAL", "EXTERNAL", "TRIAL", "LEGACY"],
    "Level": ["LOW", "MEDIUM", "HIGH", "CRITICAL", "NONE"],
    "Visibility": ["PUBLIC", "PRIVATE", "UNLISTED", "TEAM", "ORGANIZATION"],
    "Channel": ["EMAIL", "SMS", "PUSH", "WEBHOOK", "IN_APP", "SLACK"],
}
ROLES = ["owner", "author", "createdBy", "assignee", "reviewer", "approver", "manager", "sender", "updatedBy"]

# (name, type, attributes): the scalar fields models pick from.
SCALARS: list[tuple[str, str, list[str]]] = [
    ("email", "String", ["@unique", "@db.VarChar(255)"]),
    ("name", "String", []),
    ("title", "String", ["@db.VarChar(200)"]),
    ("description", "String?", ["@db.Text"]),
    ("body", "String", ["@db.Text"]),
    ("slug", "String", ["@unique"]),
    ("code", "String", ["@unique", "@db.VarChar(32)"]),
    ("price", "Decimal", ["@db.Decimal(10, 2)"]),
    ("amount", "Decimal", ["@default(0)", "@db.Decimal(12, 4)"]),
    ("quantity", "Int", ["@default(0)"]),
    ("priority", "Int", ["@default(3)", "@db.SmallInt"]),
    ("version", "Int", ["@default(1)"]),
    ("sortOrder", "Int", ["@default(0)", '@map("sort_order")']),
    ("isActive", "Boolean", ["@default(true)", '@map("is_active")']),
    ("isPublic", "Boolean", ["@default(false)"]),
    ("score", "Float?", []),
    ("latitude", "Float?", []),
    ("longitude", "Float?", []),
    ("views", "BigInt", ["@default(0)"]),
    ("sizeBytes", "BigInt?", ['@map("size_bytes")']),
    ("metadata", "Json?", []),
    ("settings", "Json", ['@default("{}")']),
    ("checksum", "Bytes?", []),
    ("tags", "String[]", []),
    ("ratings", "Int[]", []),
    ("publishedAt", "DateTime?", ["@db.Timestamptz(6)"]),
    ("birthDate", "DateTime?", ["@db.Date"]),
    ("expiresAt", "DateTime?", []),
    ("deletedAt", "DateTime?", ['@map("deleted_at")']),
    ("externalId", "String?", ["@unique", "@db.Uuid"]),
    ("locale", "String", ['@default("en")', "@db.VarChar(8)"]),
    ("currency", "String", ['@default("EUR")', "@db.Char(3)"]),
    ("notes", "String?", []),
    ("phone", "String?", ["@db.VarChar(32)"]),
    ("url", "String?", []),
    ("color", "String", ['@default("#ffffff")']),
    ("attempts", "Int", ["@default(0)"]),
    ("ipAddress", "String?", ["@db.Inet"]),
]
# Types @@unique may combine.
UNIQUE_OK = ("String", "Int", "DateTime", "BigInt", "Boolean")

DOCS = [
    "Kept in sync with the billing provider.",
    "Soft-deleted rows keep their id.",
    "One row per tenant and day.",
    "Written by the import job, read by the dashboard.",
    "See docs/data-model.md for the lifecycle.",
    "Never exposed through the public API.",
    "Denormalised for the search index.",
    "Shown on the profile page.",
    "Nullable until the backfill has run.",
    "Unique per organisation.",
]
TRAILING = [
    "// TODO: drop after migration",
    "// in cents",
    "// ISO 4217",
    "// legacy column",
    "// set by trigger",
    "// see #142",
    "// denormalised",
    "// nullable for old rows",
    "//FIXME",
    "// UTC",
]
SECTION = ["Core", "Billing", "Content", "Access control", "Reporting", "Integrations", "Audit", "Messaging"]


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def _lcfirst(name: str) -> str:
    return name[0].lower() + name[1:]


def _plural(name: str) -> str:
    if name.endswith(("s", "x", "ch", "sh")):
        return name + "es"
    if name.endswith("y") and name[-2:-1] not in "aeiou":
        return name[:-1] + "ies"
    return name + "s"


def _model_name(i: int) -> str:
    noun = NOUNS[i % len(NOUNS)]
    k = i // len(NOUNS)
    if k == 0:
        return noun
    k -= 1
    prefix = PREFIXES[k % len(PREFIXES)]
    round_ = k // len(PREFIXES)
    return prefix + noun + (str(round_ + 1) if round_ else "")


@dataclass
class _Field:
    name: str
    type: str
    attrs: list[str] = field(default_factory=list)
    doc: str | None = None
    trailing: str | None = None
    comment_before: str | None = None


@dataclass
class _Model:
    name: str
    id_kind: str  # "int" | "cuid" | "uuid" | "compound"
    head: list[_Field] = field(default_factory=list)
    scalars: list[_Field] = field(default_factory=list)
    relations: list[_Field] = field(default_factory=list)
    back: list[_Field] = field(default_factory=list)
    stamps: list[_Field] = field(default_factory=list)
    block_attrs: list[str] = field(default_factory=list)
    doc: list[str] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    enum: str | None = None

    def fresh(self, name: str) -> str:
        base, k = name, 2
        while name in self.names:
            name = f"{base}{k}"
            k += 1
        self.names.add(name)
        return name

    def fk_type(self) -> tuple[str, list[str]]:
        if self.id_kind == "int":
            return "Int", []
        if self.id_kind == "uuid":
            return "String", ["@db.Uuid"]
        return "String", []


class _Gen:
    def __init__(self, n_models: int, seed: int) -> None:
        self.n = n_models
        self.rng = random.Random(seed)
        self.models: list[_Model] = []
        self.enums: dict[str, list[str]] = {}  # name -> values
        self.enum_after: dict[int, list[str]] = {}  # model index -> enums printed after it
        self.pairs: set[frozenset[str]] = set()
        self.relation_count = 0

    # ---------------------------------------------------------------- structure

    def build(self) -> None:
        rng = self.rng
        for i in range(self.n):
            name = _model_name(i)
            join = i >= 4 and rng.random() < 0.06
            kind = "compound" if join else rng.choices(["int", "cuid", "uuid"], [6, 3, 2])[0]
            self.models.append(_Model(name=name, id_kind=kind))
        for i, m in enumerate(self.models):
            if rng.random() < 0.18:
                suffix = rng.choice(ENUM_SUFFIXES)
                ename = m.name + suffix
                values = rng.sample(ENUM_VALUES[suffix], rng.randint(3, 5))
                self.enums[ename] = values
                m.enum = ename
                self.enum_after.setdefault(i, []).append(ename)
        for i, m in enumerate(self.models):
            self.build_model(i, m)

    def build_model(self, i: int, m: _Model) -> None:
        rng = self.rng
        if rng.random() < 0.6:
            m.doc.append(rng.choice(DOCS))
            if rng.random() < 0.3:
                m.doc.append(rng.choice(DOCS))
        if m.id_kind == "compound":
            self.build_join(i, m)
        else:
            m.fresh("id")
            if m.id_kind == "int":
                m.head.append(_Field("id", "Int", ["@id", "@default(autoincrement())"]))
            elif m.id_kind == "cuid":
                m.head.append(_Field("id", "String", ["@id", "@default(cuid())"]))
            else:
                m.head.append(_Field("id", "String", ["@id", "@default(uuid())", "@db.Uuid"]))
        # scalars
        picks = rng.sample(SCALARS, rng.randint(7, 12) if m.id_kind != "compound" else rng.randint(0, 2))
        for name, type_, attrs in picks:
            f = _Field(m.fresh(name), type_, list(attrs))
            if "@unique" in attrs and m.id_kind == "compound":
                f.attrs.remove("@unique")
            m.scalars.append(f)
        enums = [e for e in (m.enum, self.random_enum(i)) if e is not None]
        for ename in dict.fromkeys(enums):
            values = self.enums[ename]
            suffix = next(s for s in ENUM_SUFFIXES if ename.endswith(s))
            fname = m.fresh(_lcfirst(suffix) if ename == m.enum else _lcfirst(ename))
            r = rng.random()
            if r < 0.6:
                m.scalars.append(_Field(fname, ename, [f"@default({values[0]})"]))
            elif r < 0.8:
                m.scalars.append(_Field(fname, ename + "?", []))
            else:
                m.scalars.append(_Field(fname, ename + "[]", []))
        # relations to earlier models
        if i > 0 and m.id_kind != "compound":
            for _ in range(rng.choices([0, 1, 2, 3], [2, 4, 3, 1])[0]):
                j = rng.randint(max(0, i - 40), i - 1)
                self.relate(m, self.models[j])
        if m.id_kind != "compound" and rng.random() < 0.06:
            self.self_relation(m)
        # comments, timestamps, block attributes
        for f in m.scalars:
            r = rng.random()
            if r < 0.14:
                f.doc = rng.choice(DOCS)
            elif r < 0.30:
                f.trailing = rng.choice(TRAILING)
            elif r < 0.34:
                f.comment_before = rng.choice(TRAILING)
        if m.id_kind != "compound" or rng.random() < 0.5:
            if rng.random() < 0.85:
                m.stamps.append(_Field(m.fresh("createdAt"), "DateTime", ["@default(now())", '@map("created_at")']))
            if rng.random() < 0.75:
                m.stamps.append(_Field(m.fresh("updatedAt"), "DateTime", ["@updatedAt", '@map("updated_at")']))
        fks = [f.name for f in m.relations if f.type in ("Int", "String", "Int?", "String?")]
        for fk in fks:
            if rng.random() < 0.5 and not any(a.startswith("@unique") for a in self.field(m, fk).attrs):
                m.block_attrs.append(f"@@index([{fk}])")
        uniq = [f.name for f in m.scalars if f.type in UNIQUE_OK and "@unique" not in f.attrs]
        if len(uniq) >= 2 and rng.random() < 0.3:
            a, b = rng.sample(uniq, 2)
            m.block_attrs.append(f"@@unique([{a}, {b}])")
        if len(uniq) >= 2 and rng.random() < 0.15:
            a, b = rng.sample(uniq, 2)
            m.block_attrs.append(f"@@index([{a}, {b}])")
        if m.stamps and m.stamps[0].name == "createdAt" and rng.random() < 0.25:
            m.block_attrs.append("@@index([createdAt(sort: Desc)])")
        if rng.random() < 0.55:
            m.block_attrs.append(f'@@map("{_plural(_snake(m.name))}")')
        rng.shuffle(m.block_attrs)

    @staticmethod
    def field(m: _Model, name: str) -> _Field:
        return next(f for f in m.relations if f.name == name)

    def random_enum(self, i: int) -> str | None:
        if not self.enums or self.rng.random() > 0.25:
            return None
        # an enum declared near this model (enums are numbered in model order)
        near = [e for k in range(max(0, i - 30), min(self.n, i + 30)) for e in self.enum_after.get(k, ())]
        return self.rng.choice(near) if near else None

    def build_join(self, i: int, m: _Model) -> None:
        rng = self.rng
        window = [t for t in self.models[max(0, i - 40) : i] if t.id_kind != "compound"]
        keys = []
        for t in rng.sample(window, 2):
            fk_name = m.fresh(_lcfirst(t.name) + "Id")
            rel_name = m.fresh(_lcfirst(t.name))
            fk_t, fk_attrs = self.id_of(t)
            m.relations.append(_Field(fk_name, fk_t, fk_attrs))
            action = rng.choice(["", ", onDelete: Cascade"])
            m.relations.append(_Field(rel_name, t.name, [f"@relation(fields: [{fk_name}], references: [id]{action})"]))
            t.back.append(_Field(t.fresh(_plural(_lcfirst(m.name))), m.name + "[]", []))
            self.pairs.add(frozenset((m.name, t.name)))
            keys.append(fk_name)
        m.block_attrs.append(f"@@id([{keys[0]}, {keys[1]}])")

    def id_of(self, t: _Model) -> tuple[str, list[str]]:
        if t.id_kind == "compound":  # never targeted
            raise AssertionError(t.name)
        return t.fk_type()

    def relate(self, m: _Model, t: _Model) -> None:
        rng = self.rng
        if t.id_kind == "compound":
            return
        pair = frozenset((m.name, t.name))
        named = pair in self.pairs or rng.random() < 0.1
        self.pairs.add(pair)
        one_to_one = rng.random() < 0.15
        optional = rng.random() < 0.35
        base = rng.choice(ROLES) if named else _lcfirst(t.name)
        rel_name = m.fresh(base)
        fk_name = m.fresh(base + "Id")
        fk_t, fk_attrs = t.fk_type()
        q = "?" if optional else ""
        m.relations.append(_Field(fk_name, fk_t + q, (["@unique"] if one_to_one else []) + fk_attrs))
        args = []
        self.relation_count += 1
        label = f"{m.name}{rel_name[0].upper()}{rel_name[1:]}" if named else None
        if label:
            args.append(f'"{label}"')
        args.append(f"fields: [{fk_name}]")
        args.append("references: [id]")
        r = rng.random()
        if optional and r < 0.3:
            args.append("onDelete: SetNull")
        elif not optional and r < 0.4:
            args.append("onDelete: Cascade")
        elif r < 0.5:
            args.append("onUpdate: Cascade")
        rel = _Field(rel_name, t.name + q, ["@relation(" + ", ".join(args) + ")"])
        if rng.random() < 0.15:
            rel.trailing = rng.choice(TRAILING)
        m.relations.append(rel)
        back_base = _lcfirst(m.name) if one_to_one else _plural(_lcfirst(m.name))
        if named:
            back_base = rel_name + (m.name if one_to_one else _plural(m.name))
        back = _Field(t.fresh(back_base), m.name + ("?" if one_to_one else "[]"))
        if label:
            back.attrs.append(f'@relation("{label}")')
        t.back.append(back)

    def self_relation(self, m: _Model) -> None:
        label = f"{m.name}Tree"
        fk_t, fk_attrs = m.fk_type()
        parent_id, parent, children = m.fresh("parentId"), m.fresh("parent"), m.fresh("children")
        m.relations.append(_Field(parent_id, fk_t + "?", fk_attrs))
        m.relations.append(
            _Field(parent, m.name + "?", [f'@relation("{label}", fields: [{parent_id}], references: [id])'])
        )
        m.relations.append(_Field(children, m.name + "[]", [f'@relation("{label}")']))

    # ---------------------------------------------------------------- text

    def sep(self) -> str:
        """White space between columns, as a hurried human types it."""
        return self.rng.choices([" ", "  ", "   ", "\t", "    ", " \t"], [10, 3, 2, 2, 1, 1])[0]

    def indent(self, base: str) -> str:
        return base if self.rng.random() < 0.85 else self.rng.choice(["  ", "    ", "\t", " ", "   "])

    def eol(self) -> str:
        return "\n" if self.rng.random() < 0.93 else self.rng.choice([" ", "  ", "\t"]) + "\n"

    def messy(self, attr: str) -> str:
        """Argument lists with the spacing of a hurried hand."""
        rng = self.rng
        r = rng.random()
        if "(" not in attr or r > 0.2:
            return attr
        if r < 0.07:
            return attr.replace(", ", ",").replace(": ", ":")
        if r < 0.14:
            return attr.replace("[", "[ ").replace("]", " ]")
        return attr.replace("(", "( ", 1).replace(", ", " , ")

    def field_line(self, f: _Field, ind: str) -> list[str]:
        rng = self.rng
        out = []
        if f.comment_before:
            out.append(self.indent(ind) + f.comment_before + self.eol())
        if f.doc:
            out.append(self.indent(ind) + "/// " + f.doc + self.eol())
        attrs = [self.messy(a) for a in f.attrs]
        if len(attrs) >= 2 and rng.random() < 0.15:
            attrs.reverse()  # hand-written order; the formatter sorts attributes
        line = self.indent(ind) + f.name + self.sep() + f.type
        for a in attrs:
            line += self.sep() + a
        if f.trailing:
            line += self.sep() + f.trailing
        out.append(line + self.eol())
        return out

    def blank(self) -> str:
        return self.rng.choices(["\n", "\n\n", "  \n"], [8, 1, 1])[0]

    def render_model(self, m: _Model) -> str:
        rng = self.rng
        ind = rng.choices(["  ", "    ", "\t"], [6, 3, 1])[0]
        out = []
        for d in m.doc:
            out.append("/// " + d + "\n")
        head = rng.choices(["model {} {{", "model  {} {{", "model {}{{", "model {}  {{"], [12, 1, 1, 1])[0]
        out.append(head.format(m.name) + self.eol())
        if rng.random() < 0.03:
            out.append(self.blank())
        for f in m.head:
            out.extend(self.field_line(f, ind))
        groups = [m.scalars, m.relations, m.back, m.stamps]
        for k, g in enumerate(groups):
            if not g:
                continue
            if k and rng.random() < 0.6:
                out.append(self.blank())
            if k == 1 and rng.random() < 0.3:
                out.append(self.indent(ind) + "// relations" + self.eol())
            for f in g:
                out.extend(self.field_line(f, ind))
        if m.block_attrs:
            if rng.random() < 0.7:
                out.append(self.blank())
            if rng.random() < 0.1:
                out.append(self.indent(ind) + "// indexes" + self.eol())
            for a in m.block_attrs:
                line = self.indent(ind) + self.messy(a)
                if rng.random() < 0.08:
                    line += self.sep() + rng.choice(TRAILING)
                out.append(line + self.eol())
        out.append(rng.choices(["}", " }"], [20, 1])[0] + "\n")
        return "".join(out)

    def render_enum(self, name: str) -> str:
        rng = self.rng
        ind = rng.choice(["  ", "    ", "\t"])
        out = []
        if rng.random() < 0.4:
            out.append("/// " + rng.choice(DOCS) + "\n")
        out.append(f"enum {name} {{" + self.eol())
        for v in self.enums[name]:
            if rng.random() < 0.1:
                out.append(self.indent(ind) + "/// " + rng.choice(DOCS) + self.eol())
            line = self.indent(ind) + v
            if rng.random() < 0.2:
                line += self.sep() + f'@map("{v.lower()}")'
            if rng.random() < 0.15:
                line += self.sep() + rng.choice(TRAILING)
            out.append(line + self.eol())
        if rng.random() < 0.4:
            out.append(self.indent(ind) + f'@@map("{_snake(name)}")' + self.eol())
        out.append("}\n")
        return "".join(out)

    def render(self) -> str:
        rng = self.rng
        parts = [
            "// Generated by benchmarks/generate.py: a benchmark schema, valid for Prisma 6.\n",
            "\n",
            "datasource db {\n",
            '  provider = "postgresql"\n',
            '  url = env("DATABASE_URL")\n',
            "}\n",
            "\n",
            "generator client {\n",
            '\tprovider   = "prisma-client-js"\n',
            '  output = "../generated/client"\n',
            "}\n",
        ]
        for i, m in enumerate(self.models):
            parts.append(self.blank())
            if rng.random() < 0.05:
                parts.append(f"// ---- {rng.choice(SECTION)} ----\n" + self.blank())
            parts.append(self.render_model(m))
            for e in self.enum_after.get(i, ()):
                parts.append(self.blank())
                parts.append(self.render_enum(e))
        return "".join(parts)


def generate(n_models: int, seed: int = 0) -> str:
    """The text of a valid PostgreSQL schema with ``n_models`` models; the same arguments give the same text."""
    if n_models < 0:
        raise ValueError("n_models must be >= 0")
    gen = _Gen(n_models, seed)
    gen.build()
    return gen.render()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Write a generated benchmark schema of N models.")
    ap.add_argument("n", type=int, help="number of models")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("-o", "--output", help="file to write (default: standard output)")
    args = ap.parse_args(argv)
    text = generate(args.n, args.seed)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8", newline="")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
