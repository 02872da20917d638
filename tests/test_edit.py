"""The editing layer (prisma_tools.edit): snippets, pure member edits, Document, source-preserving output."""

from __future__ import annotations

from pathlib import Path

import pytest

from prisma_tools import edit
from prisma_tools.edit import Document
from prisma_tools.edit.render import canonical_block_text
from prisma_tools.layout import without_layout
from prisma_tools.nodes import (
    BlockAttribute,
    ConstantValue,
    EnumValue,
    FieldAttribute,
    FieldDecl,
    FieldType,
    FunctionCall,
    Model,
    StringValue,
)
from prisma_tools.parser import parse
from prisma_tools.printer import print_file

# Hand-written, deliberately not in `prisma format` layout: copied text must stay as it is.
SOURCE = """\
// The users.
model User {
    id      Int    @id @default(autoincrement())
  email String  @unique // login
  posts Post[]
}
model Post {
  id       Int  @id
  authorId Int
  author   User @relation(fields: [authorId], references: [id])
  @@index([authorId])
}

enum Role {
  USER
  ADMIN   // all rights
}

// end of file
"""


# ------------------------------------------------------------------ snippets


def test_snippets_build_the_nodes_the_parser_builds() -> None:
    assert edit.field("email String @unique") == FieldDecl(
        name="email", type=FieldType(name="String"), attributes=(FieldAttribute(name="unique"),)
    )
    assert edit.attribute("@default(now())").arguments[0].value == FunctionCall(name="now")  # type: ignore[index]
    assert edit.block_attribute("@@index([a, b])").name == "index"
    assert edit.enum_value('A @map("a")').attributes[0].name == "map"
    assert edit.value("Cascade") == ConstantValue(name="Cascade")
    assert edit.argument('"x"').value == StringValue(text='"x"')
    assert isinstance(edit.block("model A {\n  id Int @id\n}"), Model)
    assert edit.field_type("String[]").list
    assert edit.comment("/// Docs").kind == "doc"


def test_snippet_nodes_have_no_spans() -> None:
    f = edit.field('email String @unique @default("x")')
    assert f.span is None
    assert f.type is not None
    assert f.type.span is None
    assert all(a.span is None for a in f.attributes)


@pytest.mark.parametrize(
    ("make", "text"),
    [
        (edit.field, "email String @unique\nname String"),
        (edit.field, "email String @@"),
        (edit.field, "@@id([a])"),
        (edit.attribute, "@@id([a])"),
        (edit.attribute, "@a @b"),
        (edit.block_attribute, "@unique"),
        (edit.enum_value, "A\nB"),
        (edit.value, "a: b"),
        (edit.block, "model A {}\nmodel B {}"),
        (edit.comment, "# no"),
    ],
)
def test_bad_snippets_raise_value_error(make: object, text: str) -> None:
    with pytest.raises(ValueError, match=r"not|expected|one"):
        make(text)  # type: ignore[operator]


# ------------------------------------------------------------------ pure member edits


def test_member_edits_keep_the_input_and_place_members() -> None:
    model = edit.block("model A {\n  id Int @id\n  b Int\n}")
    assert isinstance(model, Model)
    added = edit.add_member(model, edit.field("a Int"), after="id")
    assert [f.name for f in added.fields] == ["id", "a", "b"]
    assert [f.name for f in model.fields] == ["id", "b"]  # frozen: the input is unchanged
    assert [f.name for f in edit.add_member(model, edit.field("z Int"), before="id").fields] == ["z", "id", "b"]
    assert [f.name for f in edit.move_member(added, "b", before="id").fields] == ["b", "id", "a"]
    assert [f.name for f in edit.remove_member(added, "a").fields] == ["id", "b"]
    assert edit.rename_member(model, "b", "c").field("c") is not None
    with pytest.raises(ValueError, match="already has"):
        edit.add_member(model, edit.field("b String"))
    with pytest.raises(KeyError):
        edit.remove_member(model, "nope")
    with pytest.raises(TypeError):
        edit.add_member(model, EnumValue(name="X"))


def test_attribute_and_argument_edits() -> None:
    f = edit.field("author User @relation(fields: [authorId], references: [id])")
    rel = f.attribute("relation")
    assert rel is not None
    rel2 = edit.set_argument(rel, "onDelete", edit.value("Cascade"))
    rel3 = edit.set_argument(rel2, None, edit.value('"Authored"'))
    assert [a.name for a in rel3.arguments or ()] == [None, "fields", "references", "onDelete"]
    assert [a.name for a in edit.remove_argument(rel3, "fields").arguments or ()] == [None, "references", "onDelete"]
    g = edit.add_attribute(f, edit.attribute("@unique"))
    assert [a.name for a in g.attributes] == ["relation", "unique"]
    assert [a.name for a in edit.remove_attribute(g, "relation").attributes] == ["unique"]
    with pytest.raises(TypeError):
        edit.add_attribute(f, BlockAttribute(name="index"))


# ------------------------------------------------------------------ Document


def test_untouched_document_is_its_source() -> None:
    doc = Document.parse(SOURCE)
    assert doc.text() == SOURCE
    assert doc.changed == {}
    assert doc.diff() == ""


def test_adding_a_field_reprints_only_its_block() -> None:
    doc = Document.parse(SOURCE)
    doc.add_field("Post", 'title String @default("")', after="id")
    out = doc.text()
    user_text = SOURCE[: SOURCE.index("model Post")]
    assert out.startswith(user_text)  # the user model as written, misaligned columns and all
    assert out.endswith(SOURCE[SOURCE.index("\nenum Role") :])
    post = doc.block("Post")
    assert post is not None
    assert canonical_block_text(post) in out
    assert '  title    String @default("")\n' in out


def test_document_edits_every_kind_of_thing() -> None:
    doc = Document.parse(SOURCE)
    doc.add_value("Role", "GUEST", before="USER")
    doc.remove_member("User.posts")
    doc.add_attribute("User.email", '@map("email_address")')
    doc.add_attribute("User", '@@map("users")')
    doc.set_argument("Post.author", "relation", "onDelete", "Cascade")
    doc.remove_attribute("Post", "index")
    doc.add_comment("Role.GUEST", "/// Read only.")
    doc.set_trailing_comment("Role.ADMIN", None)
    doc.add_block("model Tag {\n  id Int @id\n}", after="Post")
    doc.move_block("Role", before="User")
    schema = parse(doc.text())
    assert without_layout(schema.files[0].blocks) == without_layout(doc.schema.files[0].blocks)
    assert [b.name for b in schema.blocks] == ["Role", "User", "Post", "Tag"]  # type: ignore[union-attr]
    role = doc.block("Role")
    assert role is not None
    assert [v.name for v in role.values] == ["GUEST", "USER", "ADMIN"]
    email = doc.member("User.email")
    assert isinstance(email, FieldDecl)
    assert email.attribute("map") is not None
    assert doc.attribute("Post.author", "relation") is not None
    assert "onDelete: Cascade" in doc.text()
    assert "all rights" not in doc.text()


def test_document_refuses_clashes_and_unknown_targets() -> None:
    doc = Document.parse(SOURCE)
    with pytest.raises(ValueError, match="already"):
        doc.add_block("enum User {\n  A\n}")
    with pytest.raises(ValueError, match="already"):
        doc.add_field("User", "email String")
    with pytest.raises(KeyError):
        doc.remove_block("Nope")
    with pytest.raises(ValueError, match="names no member"):
        doc.remove_member("User")
    assert doc.text() == SOURCE  # a refused edit changes nothing


def test_removing_and_reordering_blocks_keeps_the_others_text() -> None:
    doc = Document.parse(SOURCE)
    removed = doc.remove_block("Post")
    assert removed.kind == "model"
    out = doc.text()
    assert "model Post" not in out
    assert SOURCE[: SOURCE.index("model Post")].rstrip("\n") in out
    assert "enum Role {\n  USER\n  ADMIN   // all rights\n}" in out
    assert out.endswith("// end of file\n")


def test_folder_document_moves_a_block_to_another_file(tmp_path: Path) -> None:
    folder = tmp_path / "schema"
    folder.mkdir()
    (folder / "main.prisma").write_text('datasource db {\n  provider = "sqlite"\n  url = "file:x"\n}\n')
    (folder / "user.prisma").write_text(SOURCE)
    doc = Document.load(folder)
    main = str(folder / "main.prisma")
    doc.move_block("Role", file=main)
    assert doc.file_of("Role") == main
    changed = doc.changed
    assert set(changed) == {main, str(folder / "user.prisma")}
    assert changed[main].endswith("\nenum Role {\n  USER\n  ADMIN // all rights\n}\n")
    assert doc.save() == list(changed)
    assert (folder / "main.prisma").read_text() == changed[main]
    assert Document.load(folder).changed == {}


def test_document_without_source_prints_canonically() -> None:
    schema = parse(SOURCE)
    doc = Document(schema, sources={})
    assert doc.text() == print_file(schema.files[0])
