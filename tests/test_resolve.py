"""The resolved schema (``prisma_tools.analyze``) on small inline schemas."""

from __future__ import annotations

import pytest

import prisma_tools
from prisma_tools.nodes import Schema, construct
from prisma_tools.parser import parse_file_text
from prisma_tools.resolve import (
    EnumInfo,
    FieldBlockInfo,
    FieldInfo,
    IndexField,
    IndexInfo,
    Relation,
    ResolvedSchema,
)


def resolve(text: str) -> ResolvedSchema:
    file = parse_file_text(text, "schema.prisma", strict=False)
    return prisma_tools.analyze(construct(Schema, {"files": (file,)}))


def source_of(text: str, node: object) -> str:
    span = node.span  # type: ignore[attr-defined]
    assert span is not None
    return text[span.start_offset : span.end_offset]


def model(db: ResolvedSchema, name: str) -> FieldBlockInfo:
    m = db.model(name)
    assert m is not None, name
    return m


def field(db: ResolvedSchema, label: str) -> FieldInfo:
    block, name = label.split(".")
    top = db.names[block]
    assert isinstance(top, FieldBlockInfo)
    f = top.field(name)
    assert f is not None, label
    return f


def relation(db: ResolvedSchema, label: str) -> Relation:
    r = db.relation_of(field(db, label))
    assert r is not None, label
    return r


def index(block: FieldBlockInfo, kind: str) -> list[IndexInfo]:
    return [i for i in block.indexes if i.kind == kind]


# ------------------------------------------------------------------ names and types

TYPES = """model User {
  id      Int                    @id
  name    String?
  tags    String[]
  role    Role
  address Address?
  posts   Post[]
  stats   UserStats?
  loc     Unsupported("circle")?
  other   Missing
}

model Post {
  id       Int  @id
  authorId Int
  author   User @relation(fields: [authorId], references: [id])
}

view UserStats {
  userId Int  @unique
  user   User @relation(fields: [userId], references: [id])
}

type Address {
  street String
  geo    Geo
}

type Geo {
  lat Float
}

enum Role {
  USER
  ADMIN
}
"""


def test_top_level_names_resolve_by_kind() -> None:
    db = resolve(TYPES)
    assert [m.name for m in db.models] == ["User", "Post"]
    assert [v.name for v in db.views] == ["UserStats"]
    assert [t.name for t in db.composite_types] == ["Address", "Geo"]
    assert [e.name for e in db.enums] == ["Role"]
    assert [t.name for t in db.tops] == ["User", "Post", "UserStats", "Address", "Geo", "Role"]
    assert set(db.names) == {"User", "Post", "UserStats", "Address", "Geo", "Role"}
    assert model(db, "UserStats").kind == "view"  # model() finds views too
    assert db.model("Address") is None  # but not composite types
    assert db.model("Role") is None
    assert db.model("Nope") is None
    role = db.enum("Role")
    assert role is not None
    assert [v.name for v in role.values] == ["USER", "ADMIN"]
    assert db.enum("User") is None


@pytest.mark.parametrize(
    ("label", "kind", "name"),
    [
        ("User.id", "scalar", "Int"),
        ("User.name", "scalar", "String"),
        ("User.tags", "scalar", "String"),
        ("User.role", "enum", "Role"),
        ("User.address", "composite", "Address"),
        ("User.posts", "model", "Post"),
        ("User.stats", "view", "UserStats"),
        ("User.loc", "unsupported", 'Unsupported("circle")'),
        ("User.other", "unknown", "Missing"),
        ("Post.author", "model", "User"),
        ("UserStats.user", "model", "User"),
        ("Address.street", "scalar", "String"),
        ("Address.geo", "composite", "Geo"),
    ],
)
def test_field_type_kinds(label: str, kind: str, name: str) -> None:
    f = field(resolve(TYPES), label)
    assert f.type.kind == kind
    assert f.type.name == name
    assert f.is_relation == (kind in ("model", "view"))
    assert f.label == label


@pytest.mark.parametrize(
    ("label", "arity"),
    [
        ("User.id", "required"),
        ("User.name", "optional"),
        ("User.tags", "list"),
        ("User.posts", "list"),
        ("User.address", "optional"),
        ("User.loc", "optional"),
        ("Post.author", "required"),
    ],
)
def test_field_arity(label: str, arity: str) -> None:
    f = field(resolve(TYPES), label)
    assert f.arity == arity
    assert f.is_required == (arity == "required")
    assert f.is_optional == (arity == "optional")
    assert f.is_list == (arity == "list")


def test_fields_keep_source_order_and_parent() -> None:
    db = resolve(TYPES)
    user = model(db, "User")
    assert [f.name for f in user.fields] == [
        "id",
        "name",
        "tags",
        "role",
        "address",
        "posts",
        "stats",
        "loc",
        "other",
    ]
    assert all(f.parent is user for f in user.fields)
    assert user.field("nope") is None
    assert user.file is db.files[0]
    assert db.files[0].path == "schema.prisma"
    assert db.files[0].text == TYPES


def test_types_resolve_forward_references() -> None:
    db = resolve("model A {\n  id Int @id\n  b B?\n}\n\nenum B {\n  X\n}\n")
    assert field(db, "A.b").type.kind == "enum"


def test_composite_type_fields_are_not_relation_fields() -> None:
    db = resolve(TYPES)
    labels = [rf.field.label for rf in db.relation_fields]
    assert "User.address" not in labels
    assert "Address.geo" not in labels
    assert labels == ["User.posts", "User.stats", "Post.author", "UserStats.user"]


def test_prisma_parse_entry_point_gives_same_result() -> None:
    db = prisma_tools.analyze(prisma_tools.parse(TYPES, "schema.prisma", strict=False))
    assert [t.name for t in db.tops] == ["User", "Post", "UserStats", "Address", "Geo", "Role"]
    assert field(db, "User.role").type.kind == "enum"


# ------------------------------------------------------------------ db names and schemas

MAPPED = """model User {
  id        Int    @id @map("user_id")
  firstName String @map(name: "first_name")
  plain     String

  @@map("users")
  @@schema("auth")
}

model Log {
  id Int @id

  @@schema("public")
}

enum Status {
  ACTIVE  @map("active")
  BLOCKED

  @@map("user_status")
  @@schema("auth")
}
"""


def test_map_db_names() -> None:
    db = resolve(MAPPED)
    user = model(db, "User")
    assert user.db_name == "users"
    assert field(db, "User.id").db_name == "user_id"
    assert field(db, "User.firstName").db_name == "first_name"
    assert field(db, "User.plain").db_name == "plain"
    assert model(db, "Log").db_name == "Log"


def test_enum_map_db_names() -> None:
    status = resolve(MAPPED).enum("Status")
    assert status is not None
    assert status.db_name == "user_status"
    assert [(v.name, v.db_name) for v in status.values] == [("ACTIVE", "active"), ("BLOCKED", "BLOCKED")]


def test_schema_attribute() -> None:
    db = resolve(MAPPED)
    assert model(db, "User").schema == "auth"
    assert model(db, "Log").schema == "public"
    status = db.enum("Status")
    assert status is not None
    assert status.schema == "auth"
    assert model(resolve(TYPES), "User").schema is None


# ------------------------------------------------------------------ ids, uniques, indexes

INDEXES = """model Single {
  id    Int    @id(map: "single_pk", sort: Desc, length: 8, clustered: false)
  email String @unique(map: "email_key", sort: Asc, length: 20)
  code  String @unique
}

model Compound {
  a Int
  b String
  c String
  d Int

  @@id([a, b(sort: Desc, length: 10)], name: "ab", map: "compound_pk", clustered: true)
  @@unique(fields: [c, d], name: "cd", map: "cd_key")
  @@unique([d])
  @@index([c(ops: Int4BloomOps), d(sort: Desc)], type: Brin, map: "c_idx", name: "cIdx", clustered: false)
  @@index(b)
  @@fulltext([b, c], map: "ft")
}

model NoKey {
  a Int
}
"""


def test_field_level_id() -> None:
    single = model(resolve(INDEXES), "Single")
    pk = single.primary_key
    assert pk is not None
    assert pk.kind == "id"
    assert pk.field_level
    assert pk.field_names == ("id",)
    assert pk.fields == (IndexField("id", "Desc", 8),)
    assert pk.map == "single_pk"
    assert pk.clustered is False
    assert pk.name is None
    assert pk.model is single
    assert pk.attribute.name == "id"


def test_block_level_id() -> None:
    compound = model(resolve(INDEXES), "Compound")
    pk = compound.primary_key
    assert pk is not None
    assert not pk.field_level
    assert pk.fields == (IndexField("a"), IndexField("b", "Desc", 10))
    assert pk.name == "ab"
    assert pk.map == "compound_pk"
    assert pk.clustered is True


def test_no_primary_key() -> None:
    no_key = model(resolve(INDEXES), "NoKey")
    assert no_key.primary_key is None
    assert no_key.unique_criteria == []
    assert no_key.indexes == []


def test_field_level_uniques() -> None:
    single = model(resolve(INDEXES), "Single")
    uniques = index(single, "unique")
    assert [u.field_names for u in uniques] == [("email",), ("code",)]
    assert all(u.field_level for u in uniques)
    assert uniques[0].fields == (IndexField("email", "Asc", 20),)
    assert uniques[0].map == "email_key"
    assert uniques[1].map is None
    assert uniques[1].fields == (IndexField("code"),)


def test_unique_criteria_put_primary_key_first() -> None:
    single = model(resolve(INDEXES), "Single")
    assert [(u.kind, u.field_names) for u in single.unique_criteria] == [
        ("id", ("id",)),
        ("unique", ("email",)),
        ("unique", ("code",)),
    ]
    compound = model(resolve(INDEXES), "Compound")
    assert [(u.kind, u.field_names) for u in compound.unique_criteria] == [
        ("id", ("a", "b")),
        ("unique", ("c", "d")),
        ("unique", ("d",)),
    ]


def test_block_level_unique_arguments() -> None:
    compound = model(resolve(INDEXES), "Compound")
    named, bare = index(compound, "unique")
    assert named.name == "cd"
    assert named.map == "cd_key"
    assert not named.field_level
    assert bare.name is None
    assert bare.map is None


def test_index_arguments() -> None:
    compound = model(resolve(INDEXES), "Compound")
    full, single = index(compound, "index")
    assert full.fields == (IndexField("c", ops="Int4BloomOps"), IndexField("d", sort="Desc"))
    assert full.index_type == "Brin"
    assert full.map == "c_idx"
    assert full.name == "cIdx"
    assert full.clustered is False
    assert full.where is None
    assert single.field_names == ("b",)
    assert single.index_type is None
    assert single.clustered is None


def test_fulltext_index() -> None:
    compound = model(resolve(INDEXES), "Compound")
    (ft,) = index(compound, "fulltext")
    assert ft.field_names == ("b", "c")
    assert ft.map == "ft"


def test_index_order_is_field_level_then_block_level() -> None:
    single = model(resolve(INDEXES), "Single")
    assert [i.kind for i in single.indexes] == ["id", "unique", "unique"]
    compound = model(resolve(INDEXES), "Compound")
    assert [i.kind for i in compound.indexes] == ["id", "unique", "unique", "index", "index", "fulltext"]


def test_index_attribute_spans_point_at_source() -> None:
    compound = model(resolve(INDEXES), "Compound")
    texts = [source_of(INDEXES, i.attribute) for i in compound.indexes]
    assert texts[0] == '@@id([a, b(sort: Desc, length: 10)], name: "ab", map: "compound_pk", clustered: true)'
    assert texts[-1] == '@@fulltext([b, c], map: "ft")'
    single = model(resolve(INDEXES), "Single")
    assert source_of(INDEXES, single.indexes[2].attribute) == "@unique"


# ------------------------------------------------------------------ relations

ONE_TO_MANY = """model User {
  id    Int    @id
  posts Post[]
}

model Post {
  id       Int  @id
  authorId Int
  author   User @relation(fields: [authorId], references: [id], onDelete: Cascade, onUpdate: SetNull, map: "fk_author")
}
"""


def test_one_to_many() -> None:
    db = resolve(ONE_TO_MANY)
    assert len(db.relations) == 1
    (rel,) = db.relations
    assert rel.kind == "one-to-many"
    assert rel.shape == "one-to-many"
    assert rel.is_inline
    assert not rel.is_self
    assert not rel.back_only
    assert rel.name is None
    assert rel.forward.field is field(db, "Post.author")
    assert rel.back is not None
    assert rel.back.field is field(db, "User.posts")
    assert rel.referencing_model is model(db, "Post")
    assert rel.referenced_model is model(db, "User")
    assert rel.referencing_field is rel.forward
    assert rel.referenced_field is rel.back


def test_relation_arguments() -> None:
    db = resolve(ONE_TO_MANY)
    fwd = db.relations[0].forward
    assert fwd.fields == ("authorId",)
    assert fwd.references == ("id",)
    assert fwd.on_delete == "Cascade"
    assert fwd.on_update == "SetNull"
    assert fwd.map == "fk_author"
    assert fwd.defines_keys
    assert fwd.target == "User"
    assert fwd.related is model(db, "User")
    assert fwd.model is model(db, "Post")
    assert fwd.attribute is not None
    assert source_of(ONE_TO_MANY, fwd.attribute).startswith("@relation(fields: [authorId]")
    back = db.relations[0].back
    assert back is not None
    assert back.fields is None
    assert back.references is None
    assert back.on_delete is None
    assert not back.defines_keys
    assert back.attribute is None


def test_invalid_referential_action_is_dropped() -> None:
    db = resolve(ONE_TO_MANY.replace("onDelete: Cascade", "onDelete: Explode"))
    fwd = db.relations[0].forward
    assert fwd.on_delete is None
    assert fwd.on_update == "SetNull"


def test_relation_of() -> None:
    db = resolve(ONE_TO_MANY)
    rel = db.relations[0]
    assert db.relation_of(field(db, "Post.author")) is rel
    assert db.relation_of(field(db, "User.posts")) is rel
    assert db.relation_of(field(db, "Post.authorId")) is None
    assert db.relation_of(field(db, "User.id")) is None


def test_relation_fields_are_listed_in_source_order() -> None:
    db = resolve(ONE_TO_MANY)
    assert [rf.field.label for rf in db.relation_fields] == ["User.posts", "Post.author"]


ONE_TO_ONE = """model User {
  id      Int      @id
  profile Profile?
}

model Profile {
  id     Int  @id
  userId Int  @unique
  user   User @relation(fields: [userId], references: [id])
}
"""


def test_one_to_one() -> None:
    db = resolve(ONE_TO_ONE)
    (rel,) = db.relations
    assert rel.kind == "one-to-one"
    assert rel.forward.field is field(db, "Profile.user")
    assert rel.back is not None
    assert rel.back.field is field(db, "User.profile")
    assert rel.referencing_model is model(db, "Profile")
    assert rel.referenced_model is model(db, "User")
    assert db.relation_of(field(db, "User.profile")) is rel


def test_one_to_one_without_back_field_needs_unique_keys() -> None:
    unique = resolve(ONE_TO_ONE.replace("  profile Profile?\n", ""))
    (rel,) = unique.relations
    assert rel.back is None
    assert rel.kind == "one-to-one"
    not_unique = resolve(ONE_TO_ONE.replace("  profile Profile?\n", "").replace("Int  @unique", "Int"))
    (rel,) = not_unique.relations
    assert rel.back is None
    assert rel.kind == "one-to-many"


MANY_TO_MANY = """model Tag {
  id    Int    @id
  posts Post[]
}

model Post {
  id   Int   @id
  tags Tag[]
}
"""


def test_implicit_many_to_many() -> None:
    db = resolve(MANY_TO_MANY)
    (rel,) = db.relations
    assert rel.kind == "many-to-many"
    assert rel.shape == "implicit-many-to-many"
    assert not rel.is_inline
    # Prisma's field A is on the model whose name sorts first.
    assert rel.forward.field is field(db, "Post.tags")
    assert rel.back is not None
    assert rel.back.field is field(db, "Tag.posts")
    assert db.relation_of(field(db, "Tag.posts")) is rel


def test_embedded_many_to_many() -> None:
    text = """model Post {
  id     String   @id @map("_id")
  tagIds String[]
  tags   Tag[]    @relation(fields: [tagIds], references: [id])
}

model Tag {
  id      String   @id @map("_id")
  postIds String[]
  posts   Post[]   @relation(fields: [postIds], references: [id])
}
"""
    (rel,) = resolve(text).relations
    assert rel.kind == "many-to-many"
    assert rel.shape == "embedded-many-to-many"


NAMED = """model User {
  id      Int    @id
  written Post[] @relation("written")
  edited  Post[] @relation(name: "edited")
}

model Post {
  id       Int  @id
  authorId Int
  editorId Int
  author   User @relation("written", fields: [authorId], references: [id])
  editor   User @relation(name: "edited", fields: [editorId], references: [id])
}
"""


def test_named_relations_pair_by_name() -> None:
    db = resolve(NAMED)
    assert [r.name for r in db.relations] == ["written", "edited"]
    written = relation(db, "User.written")
    edited = relation(db, "User.edited")
    assert written is not edited
    assert written.forward.field is field(db, "Post.author")
    assert edited.forward.field is field(db, "Post.editor")
    assert written.forward.relation_name == "written"
    assert edited.forward.relation_name == "edited"
    assert relation(db, "Post.author") is written
    assert relation(db, "Post.editor") is edited


def test_mismatched_relation_names_do_not_pair() -> None:
    db = resolve(NAMED.replace('@relation("written")', '@relation("other")'))
    author = relation(db, "Post.author")
    assert author.back is None
    orphan = relation(db, "User.written")
    assert orphan is not author
    assert orphan.back_only
    assert orphan.name == "other"


SELF = """model Employee {
  id        Int        @id
  managerId Int?
  manager   Employee?  @relation("mgmt", fields: [managerId], references: [id])
  reports   Employee[] @relation("mgmt")
}
"""


def test_self_relation() -> None:
    db = resolve(SELF)
    (rel,) = db.relations
    assert rel.is_self
    assert rel.forward.is_self
    assert rel.kind == "one-to-many"
    assert rel.name == "mgmt"
    assert rel.forward.field is field(db, "Employee.manager")
    assert rel.back is not None
    assert rel.back.field is field(db, "Employee.reports")
    assert rel.referencing_model is rel.referenced_model is model(db, "Employee")


def test_self_many_to_many() -> None:
    text = """model Person {
  id          Int      @id
  followers   Person[] @relation("follows")
  following   Person[] @relation("follows")
}
"""
    db = resolve(text)
    (rel,) = db.relations
    assert rel.kind == "many-to-many"
    assert rel.forward.field is field(db, "Person.followers")
    assert rel.back is not None
    assert rel.back.field is field(db, "Person.following")


def test_unpaired_forward_field() -> None:
    db = resolve(ONE_TO_MANY.replace("  posts Post[]\n", ""))
    (rel,) = db.relations
    assert rel.back is None
    assert not rel.back_only
    assert rel.forward.field is field(db, "Post.author")
    assert rel.referencing_field is rel.forward
    assert rel.referenced_field is None
    assert rel.referencing_model is model(db, "Post")
    assert rel.referenced_model is model(db, "User")
    assert db.relation_of(field(db, "Post.author")) is rel


def test_unpaired_list_field_is_back_only() -> None:
    text = "model User {\n  id    Int    @id\n  posts Post[]\n}\n\nmodel Post {\n  id Int @id\n}\n"
    db = resolve(text)
    (rel,) = db.relations
    assert rel.back is None
    assert rel.back_only
    assert rel.kind == "one-to-many"
    assert rel.referencing_field is None
    assert rel.referenced_field is rel.forward
    assert rel.forward.field is field(db, "User.posts")
    assert rel.referencing_model is model(db, "Post")
    assert rel.referenced_model is model(db, "User")


def test_relation_to_unknown_model_is_no_relation() -> None:
    db = resolve("model Post {\n  id     Int  @id\n  author Ghost\n}\n")
    assert db.relations == []
    assert db.relation_fields == []
    assert field(db, "Post.author").type.kind == "unknown"


# ------------------------------------------------------------------ datasource and generators

CONFIG = """datasource db {
  provider     = "postgresql"
  url          = env("DATABASE_URL")
  relationMode = "prisma"
  schemas      = ["public", "auth"]
  extensions   = [pg_trgm, postgis(version: "3.4"), "uuid-ossp"]
}

generator client {
  provider        = "prisma-client-js"
  previewFeatures = ["multiSchema", "views"]
}

generator other {
  provider        = "other"
  previewFeatures = ["fullTextIndex"]
}
"""


def test_datasource() -> None:
    db = resolve(CONFIG)
    assert len(db.datasources) == 1
    ds = db.datasource
    assert ds is not None
    assert ds.name == "db"
    assert ds.provider == "postgresql"
    assert db.provider == "postgresql"
    assert ds.relation_mode == "prisma"
    assert ds.schemas == ("public", "auth")
    assert ds.extensions == ("pg_trgm", "postgis", "uuid-ossp")
    assert ds.file is db.files[0]


def test_datasource_defaults_and_aliases() -> None:
    db = resolve('datasource db {\n  provider = "postgres"\n  referentialIntegrity = "foreignKeys"\n}\n')
    ds = db.datasource
    assert ds is not None
    assert ds.provider == "postgres"
    assert ds.active_provider == "postgresql"
    assert db.provider == "postgresql"
    assert ds.relation_mode == "foreignKeys"
    assert ds.schemas == ()
    assert ds.extensions == ()


def test_no_datasource() -> None:
    db = resolve(TYPES)
    assert db.datasources == []
    assert db.datasource is None
    assert db.provider is None
    assert db.generators == []
    assert db.preview_features == frozenset()


def test_generators_and_preview_features() -> None:
    db = resolve(CONFIG)
    assert [(g.name, g.provider) for g in db.generators] == [("client", "prisma-client-js"), ("other", "other")]
    assert db.generators[0].preview_features == ("multiSchema", "views")
    assert db.generators[1].preview_features == ("fullTextIndex",)
    assert db.preview_features == frozenset({"multiSchema", "views", "fullTextIndex"})


# ------------------------------------------------------------------ spans


def test_block_spans_point_at_source() -> None:
    db = resolve(TYPES)
    for top in db.tops:
        keyword = {"model": "model", "view": "view", "type": "type", "enum": "enum"}[top.kind]
        text = source_of(TYPES, top.node)
        assert text.startswith(f"{keyword} {top.name} {{"), text
        assert text.endswith("}")
    assert source_of(TYPES, model(db, "Post").node) == (
        "model Post {\n  id       Int  @id\n  authorId Int\n"
        "  author   User @relation(fields: [authorId], references: [id])\n}"
    )


def test_field_spans_point_at_source() -> None:
    db = resolve(TYPES)
    assert source_of(TYPES, field(db, "User.id").node) == "id      Int                    @id"
    assert source_of(TYPES, field(db, "User.loc").node) == 'loc     Unsupported("circle")?'
    assert source_of(TYPES, field(db, "Address.geo").node) == "geo    Geo"
    for top in db.tops:
        if isinstance(top, FieldBlockInfo):
            for f in top.fields:
                assert source_of(TYPES, f.node).startswith(f.name + " ")


def test_enum_value_spans_point_at_source() -> None:
    status = resolve(MAPPED).enum("Status")
    assert status is not None
    assert [source_of(MAPPED, v.node) for v in status.values] == ['ACTIVE  @map("active")', "BLOCKED"]


def test_config_spans_point_at_source() -> None:
    db = resolve(CONFIG)
    ds = db.datasource
    assert ds is not None
    ds_text = source_of(CONFIG, ds.node)
    assert ds_text.startswith("datasource db {")
    assert ds_text.endswith('"uuid-ossp"]\n}')
    assert [source_of(CONFIG, g.node).split("\n")[0] for g in db.generators] == [
        "generator client {",
        "generator other {",
    ]
    assert source_of(CONFIG, db.generators[1].node).endswith('["fullTextIndex"]\n}')


def test_relation_attribute_spans_point_at_source() -> None:
    db = resolve(NAMED)
    attrs = [rf.attribute for rf in db.relation_fields]
    assert all(a is not None for a in attrs)
    assert [source_of(NAMED, a) for a in attrs] == [
        '@relation("written")',
        '@relation(name: "edited")',
        '@relation("written", fields: [authorId], references: [id])',
        '@relation(name: "edited", fields: [editorId], references: [id])',
    ]


# ------------------------------------------------------------------ duplicated names


def test_later_enum_replaces_earlier() -> None:
    db = resolve("enum E {\n  A\n}\n\nenum E {\n  B\n}\n")
    e = db.enum("E")
    assert e is not None
    assert [v.name for v in e.values] == ["B"]
    assert e is db.tops[1]
    assert len(db.tops) == 2
    assert db.enums == [e]


def test_later_model_replaces_earlier() -> None:
    text = "model M {\n  a Int @id\n}\n\nmodel M {\n  b Int @id\n}\n\nmodel N {\n  id Int @id\n  m M\n}\n"
    db = resolve(text)
    m = model(db, "M")
    assert [f.name for f in m.fields] == ["b"]
    assert source_of(text, m.node).startswith("model M {\n  b Int")
    assert [x.name for x in db.models] == ["M", "N"]
    assert db.models[0] is m
    assert [t.name for t in db.tops] == ["M", "M", "N"]


def test_later_definition_of_other_kind_replaces_earlier() -> None:
    text = "model X {\n  id Int @id\n}\n\nenum X {\n  A\n}\n\nmodel Y {\n  id Int @id\n  x  X\n}\n"
    db = resolve(text)
    assert db.model("X") is None
    assert isinstance(db.names["X"], EnumInfo)
    assert [m.name for m in db.models] == ["Y"]
    assert field(db, "Y.x").type.kind == "enum"
    assert db.relations == []


def test_relation_fields_of_replaced_model_are_ignored() -> None:
    text = (
        "model User {\n  id Int @id\n  posts Post[]\n}\n\n"
        "model User {\n  id Int @id\n}\n\n"
        "model Post {\n  id Int @id\n}\n"
    )
    db = resolve(text)
    assert db.relation_fields == []
    assert db.relations == []
