"""The AST: JSON round trip, position-blind equality, the published JSON Schema, spans."""

from __future__ import annotations

import json

from conftest import REPO

from prisma_tools import parse
from prisma_tools.nodes import FieldDecl, Model, Schema

TEXT = """// users
model User {
  id    Int    @id @default(autoincrement())
  email String @unique // login
  role  Role   @default(USER)

  @@map("users")
}

enum Role {
  USER
  ADMIN @map("admin")
}
"""


def test_json_round_trip() -> None:
    schema = parse(TEXT, "schema.prisma")
    again = Schema.model_validate_json(schema.model_dump_json())
    assert again == schema
    assert again.files[0].blocks[0].span == schema.files[0].blocks[0].span


def test_equality_ignores_spans() -> None:
    a = parse(TEXT)
    b = parse("\n\n" + TEXT)
    assert a.files[0].blocks[0].span != b.files[0].blocks[0].span
    assert a == b
    assert hash(a) == hash(b)


def test_published_json_schema_is_current() -> None:
    published = json.loads((REPO / "docs" / "ast.schema.json").read_text())
    assert published == Schema.model_json_schema(), "regenerate: prisma-tools dump --json-schema > docs/ast.schema.json"


def test_spans_point_at_the_source() -> None:
    schema = parse(TEXT)
    user = schema.block("User")
    assert isinstance(user, Model)
    email = user.field("email")
    assert isinstance(email, FieldDecl)
    assert email.span is not None
    start, end = email.span.start, email.span.end
    assert (start.line, start.column) == (4, 3)
    assert TEXT[start.offset : end.offset] == "email String @unique // login"
    assert user.leading_comments[0].text == "// users"
    attr = user.attributes[0]
    assert attr.span is not None
    assert TEXT[attr.span.start.offset : attr.span.end.offset] == '@@map("users")'


def test_comments_are_owned_by_their_nodes() -> None:
    text = "model A {\n  // about id\n  id Int @id // pk\n\n  // about b\n  b Int\n  // footer\n}\n"
    model = parse(text).models[0]
    id_, b = model.fields
    assert [c.text for c in id_.leading_comments] == ["// about id"]
    assert id_.trailing_comment is not None
    assert id_.trailing_comment.text == "// pk"
    # the blank line precedes the comment, so the comment carries it
    assert not b.blank_line_before
    assert [(c.text, c.blank_line_before) for c in b.leading_comments] == [("// about b", True)]
    assert [c.text for c in model.footer_comments] == ["// footer"]


def test_parsed_spans_resolve_lines_from_offsets() -> None:
    """Parsed spans store offsets; line and column come from the file's line index on demand."""
    import copy
    import pickle

    import pytest

    from prisma_tools.nodes import Position, Span
    from prisma_tools.passes._ast import strip_comments

    schema = parse(TEXT)
    role = schema.block("Role")
    assert role is not None
    assert role.span is not None
    span = role.span
    assert (span.start_offset, span.end_offset) == (TEXT.index("enum Role"), len(TEXT) - 1)
    assert span.start == Position(line=10, column=1, offset=TEXT.index("enum Role"))
    assert (span.end.line, span.end.column) == (13, 2)
    by_hand = Span(start=span.start, end=span.end)
    assert by_hand == span
    assert hash(by_hand) == hash(span)
    assert pickle.loads(pickle.dumps(span)) == span
    assert copy.deepcopy(span) == span
    with pytest.raises(AttributeError):
        span.start_offset = 0  # type: ignore[misc]
    # a pass that rebuilds nodes keeps their spans as they are
    stripped = strip_comments(schema)
    assert stripped.files[0].blocks[1].span == span
