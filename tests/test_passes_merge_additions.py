"""PT002 merge-additions on small inline schemas."""

from __future__ import annotations

from pass_cases import run_pass

from prisma_tools.nodes import Schema
from prisma_tools.parser import parse, parse_file_text
from prisma_tools.passes import PassContext, merge_additions
from prisma_tools.printer import print_files

USER = "model User {\n  id    Int    @id\n  email String @unique\n}\n"


def test_no_additions_is_a_no_op() -> None:
    run = run_pass(merge_additions, USER)
    assert run.after is run.before


def test_identical_additions_change_nothing() -> None:
    run = run_pass(merge_additions, USER, additions=(USER.replace("    ", " "),))
    assert run.after is run.before
    assert run.changes == ()


def test_missing_blocks_are_added_in_order_with_comments() -> None:
    additions = "// Tags\nmodel Tag {\n  id Int @id\n}\n\n/// Roles\nenum Role {\n  USER\n}\n"
    run = run_pass(merge_additions, USER, additions=(additions,))
    assert run.text == USER + "\n// Tags\nmodel Tag {\n  id Int @id\n}\n\n/// Roles\nenum Role {\n  USER\n}\n"
    assert run.messages == ["added model Tag from additions0.prisma:2", "added enum Role from additions0.prisma:7"]


def test_missing_fields_are_appended_with_their_comments() -> None:
    additions = USER.replace("}\n", "\n  // contact\n  phone String? // mobile\n  age Int?\n}\n")
    run = run_pass(merge_additions, USER, additions=(additions,))
    assert run.text == (
        "model User {\n  id    Int    @id\n  email String @unique\n\n"
        "  // contact\n  phone String? // mobile\n  age   Int?\n}\n"
    )
    assert run.messages == [
        "added User.phone String? from additions0.prisma:6",
        "added User.age Int? from additions0.prisma:7",
    ]


def test_new_members_go_before_their_successor() -> None:
    additions = "model User {\n  first Int\n  id Int @id\n  middle Int\n  email String @unique\n  last Int\n}\n"
    run = run_pass(merge_additions, USER, additions=(additions,))
    assert run.fields("User") == ["first", "id", "middle", "email", "last"]


def test_comments_left_at_the_end_are_not_doubled() -> None:
    target = "model User {\n  id Int @id\n\n  // New relations\n}\n"
    additions = "model User {\n  id Int @id\n\n  // New relations\n  posts Post[]\n}\n\nmodel Post {\n  id Int @id\n}\n"
    run = run_pass(merge_additions, target, additions=(additions,))
    assert run.text.startswith("model User {\n  id Int @id\n\n  // New relations\n  posts Post[]\n}\n")


def test_conflicting_field_keeps_the_schema_version() -> None:
    additions = "model User {\n  id Int @id\n  email String? @unique // optional now\n}\n"
    run = run_pass(merge_additions, USER, additions=(additions,))
    assert run.after is run.before
    assert run.messages == ["User.email: kept String @unique; additions0.prisma:3 has String? @unique"]
    assert run.changes[0].severity == "warning"
    assert run.changes[0].span is not None
    assert run.changes[0].span.start.line == 3


def test_enum_values_and_block_attributes() -> None:
    target = 'enum Role {\n  USER\n  ADMIN\n}\n\nmodel Post {\n  id Int @id\n  at Int\n\n  @@map("posts")\n}\n'
    additions = (
        'enum Role {\n  USER\n  EDITOR @map("ed")\n  ADMIN\n}\n\n'
        'model Post {\n  id Int @id\n  at Int\n\n  @@index([at])\n  @@map("post")\n  @@unique([at])\n}\n'
    )
    run = run_pass(merge_additions, target, additions=(additions,))
    assert run.text == (
        'enum Role {\n  USER\n  EDITOR @map("ed")\n  ADMIN\n}\n\n'
        'model Post {\n  id Int @id\n  at Int\n\n  @@unique([at])\n  @@index([at])\n  @@map("posts")\n}\n'
    )
    assert run.messages == [
        'added Role.EDITOR @map("ed") from additions0.prisma:3',
        "added @@index([at]) to Post from additions0.prisma:11",
        'Post: kept @@map("posts"); additions0.prisma:12 has @@map("post")',
        "added @@unique([at]) to Post from additions0.prisma:13",
    ]


def test_index_over_the_same_fields_with_other_arguments_is_a_conflict() -> None:
    target = "model Post {\n  id Int @id\n  at Int\n\n  @@index([at])\n}\n"
    additions = 'model Post {\n  id Int @id\n  at Int\n\n  @@index([at], map: "x")\n}\n'
    run = run_pass(merge_additions, target, additions=(additions,))
    assert run.after is run.before
    assert run.messages == ['Post: kept @@index([at]); additions0.prisma:5 has @@index([at], map: "x")']


def test_kind_clash_is_a_warning() -> None:
    run = run_pass(merge_additions, USER, additions=("enum User {\n  A\n}\n",))
    assert run.after is run.before
    assert run.messages == ["enum User not merged: schema.prisma:1 defines a model User"]


def test_unknown_types_are_not_merged() -> None:
    additions = 'model User {\n  id Int @id\n  posts Post[]\n  raw Unsupported("x")?\n}\n\nmodel A {\n  b B\n}\n'
    run = run_pass(merge_additions, USER, additions=(additions,))
    assert run.fields("User") == ["id", "email", "raw"]
    assert run.messages == [
        "User.posts not merged: type Post is defined nowhere",
        'added User.raw Unsupported("x")? from additions0.prisma:4',
        "model A not merged: types defined nowhere (b: B)",
    ]


def test_types_from_another_additions_file_are_known() -> None:
    run = run_pass(
        merge_additions,
        USER,
        additions=("model User {\n  id Int @id\n  tags Tag[]\n}\n", "model Tag {\n  id Int @id\n}\n"),
    )
    assert run.fields("User") == ["id", "email", "tags"]
    assert run.fields("Tag") == ["id"]


def test_merging_twice_changes_nothing_more() -> None:
    additions = "model User {\n  id Int @id\n  age Int?\n}\n\nmodel Tag {\n  id Int @id\n}\n"
    once = run_pass(merge_additions, USER, additions=(additions,))
    twice = run_pass(merge_additions, USER, additions=(additions, additions))
    assert twice.text == once.text
    assert twice.messages == once.messages


def test_generators_and_datasources() -> None:
    target = 'datasource db {\n  provider = "postgresql"\n  url = env("A")\n}\n\n' + USER
    additions = (
        'datasource other {\n  provider = "mysql"\n  url = env("B")\n}\n\n'
        'generator client {\n  provider = "prisma-client-js"\n}\n'
    )
    run = run_pass(merge_additions, target, additions=(additions,))
    assert run.text.endswith('\ngenerator client {\n  provider = "prisma-client-js"\n}\n')
    assert run.messages == [
        "datasource other not merged: the schema already has a datasource",
        "added generator client from additions0.prisma:6",
    ]


def test_new_blocks_go_to_the_main_file_and_fields_where_their_model_is() -> None:
    models = parse_file_text("model User {\n  id Int @id\n}\n", "models.prisma")
    main = parse_file_text('datasource db {\n  provider = "sqlite"\n  url = "file:x"\n}\n', "schema.prisma")
    additions = parse("model User {\n  id Int @id\n  n Int\n}\n\nmodel Tag {\n  id Int @id\n}\n", "add.prisma")
    ctx = PassContext(additions=(additions,))
    out = merge_additions(Schema(files=(models, main)), ctx)
    texts = print_files(out)
    assert texts["models.prisma"] == "model User {\n  id Int @id\n  n  Int\n}\n"
    assert texts["schema.prisma"].endswith("\nmodel Tag {\n  id Int @id\n}\n")
    assert [c.path for c in ctx.changes] == ["models.prisma", "schema.prisma"]
