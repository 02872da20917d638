"""PT001 remove-duplicates on small inline schemas."""

from __future__ import annotations

from pass_cases import run_pass

from prisma_tools.api import format_text
from prisma_tools.nodes import Schema
from prisma_tools.parser import parse_file_text
from prisma_tools.passes import PassContext, remove_duplicates
from prisma_tools.printer import print_files

TAG = "model Tag {\n  id   Int    @id\n  name String\n}\n"


def test_nothing_to_do_returns_the_same_object() -> None:
    run = run_pass(remove_duplicates, TAG + "\nenum Role {\n  USER\n}\n")
    assert run.after is run.before
    assert run.changes == ()


def test_identical_copies_ignore_layout_and_comments() -> None:
    copy = "// again\nmodel Tag {\n  name String // label\n  id Int @id\n}\n"
    run = run_pass(
        remove_duplicates, TAG + "\n" + copy.replace("name String // label\n  id Int @id", "id Int @id\n  name String")
    )
    assert run.text == TAG
    assert run.messages == ["removed duplicate model Tag, identical to the copy kept at schema.prisma:1"]
    assert run.changes[0].severity == "info"
    assert run.changes[0].code == "PT001"
    assert run.changes[0].pass_name == "remove-duplicates"
    assert run.changes[0].span is not None
    assert run.changes[0].span.start.line == 7


def test_reordered_fields_are_a_difference() -> None:
    copy = "model Tag {\n  name String\n  id   Int    @id\n}\n"
    run = run_pass(remove_duplicates, TAG + "\n" + copy)
    assert run.text == TAG
    assert run.messages[1:] == ["Tag: fields in a different order"]


def test_differing_copies_report_field_by_field() -> None:
    first = (
        "model Bio {\n  id   Int     @id\n  text String? @db.Text\n  at   DateTime\n  old  Int\n\n  @@index([at])\n}\n"
    )
    second = "model Bio {\n  id   Int     @id\n  text String?\n  at   DateTime? @default(now())\n  new  Int\n}\n"
    run = run_pass(remove_duplicates, first + "\n" + second)
    assert run.text == format_text(first)
    assert [c.severity for c in run.changes] == ["warning"] * 7
    assert run.messages == [
        "removed duplicate model Bio, which differs from the first copy, kept at schema.prisma:1",
        "Bio.text: @db.Text only in the kept copy",
        "Bio.at: type DateTime in the kept copy, DateTime? in the removed copy",
        "Bio.at: @default(now()) only in the removed copy",
        "Bio.old: only in the kept copy",
        "Bio.new: only in the removed copy",
        "Bio: @@index([at]) only in the kept copy",
    ]


def test_keep_last() -> None:
    second = "model Tag {\n  id   Int    @id\n  name String @unique\n}\n"
    run = run_pass(remove_duplicates, TAG + "\n" + second, duplicates="last")
    assert run.text == second
    assert run.messages == [
        "removed duplicate model Tag, which differs from the last copy, kept at schema.prisma:6",
        "Tag.name: @unique only in the kept copy",
    ]
    assert run.changes[0].span is not None
    assert run.changes[0].span.start.line == 1


def test_error_policy_changes_nothing() -> None:
    text = TAG + "\n" + TAG + "\n" + TAG.replace("String", "String?")
    run = run_pass(remove_duplicates, text, duplicates="error")
    assert run.after is run.before
    assert [c.severity for c in run.changes] == ["error"] * 3
    assert run.messages == [
        "duplicate model Tag, first defined at schema.prisma:1 (identical)",
        "duplicate model Tag, first defined at schema.prisma:1 (they differ)",
        "Tag.name: type String in the first copy, String? in this copy",
    ]


def test_more_than_two_copies_keep_one() -> None:
    run = run_pass(remove_duplicates, "\n".join([TAG] * 3))
    assert run.text == TAG
    assert len(run.changes) == 2


def test_enums_views_and_types() -> None:
    text = (
        "enum Role {\n  USER\n  ADMIN\n}\n\nenum Role {\n  USER\n}\n\n"
        "view V {\n  id Int @unique\n}\n\nview V {\n  id Int @unique\n}\n\n"
        "type Address {\n  street String\n}\n\ntype Address {\n  street String\n}\n"
    )
    run = run_pass(remove_duplicates, text)
    assert (
        run.text
        == "enum Role {\n  USER\n  ADMIN\n}\n\nview V {\n  id Int @unique\n}\n\ntype Address {\n  street String\n}\n"
    )
    assert run.messages[:2] == [
        "removed duplicate enum Role, which differs from the first copy, kept at schema.prisma:1",
        "Role.ADMIN: only in the kept copy",
    ]
    assert run.messages[2:] == [
        "removed duplicate view V, identical to the copy kept at schema.prisma:10",
        "removed duplicate composite type Address, identical to the copy kept at schema.prisma:18",
    ]


def test_same_name_different_kinds_is_left_alone() -> None:
    text = "model Status {\n  id Int @id\n}\n\nenum Status {\n  ON\n}\n"
    run = run_pass(remove_duplicates, text)
    assert run.after is run.before
    assert run.messages == ["Status is defined as model and as enum; cannot decide which to keep, left alone"]
    assert run.changes[0].severity == "warning"


def test_generators_and_datasources_are_not_touched() -> None:
    text = 'generator a {\n  provider = "x"\n}\n\ngenerator a {\n  provider = "x"\n}\n'
    assert run_pass(remove_duplicates, text).changes == ()


def test_comments_directly_above_go_with_the_block() -> None:
    text = (
        "model A {\n  id Int @id\n}\n\n"
        "// section header, separated by a blank line\n\n"
        "// about the copy\n/// doc of the copy\nmodel A {\n  id Int @id\n}\n\n"
        "model B {\n  id Int @id\n}\n"
    )
    run = run_pass(remove_duplicates, text)
    assert run.text == (
        "model A {\n  id Int @id\n}\n\n// section header, separated by a blank line\n\nmodel B {\n  id Int @id\n}\n"
    )


def test_comments_of_a_last_block_stay_as_file_footer() -> None:
    text = TAG + "\n// kept note\n\n// goes\n" + TAG
    run = run_pass(remove_duplicates, text)
    assert run.text == TAG + "\n// kept note\n"


def test_duplicates_across_files() -> None:
    a = parse_file_text("model User {\n  id Int @id\n}\n", "a.prisma")
    b = parse_file_text("model Post {\n  id Int @id\n}\n\n// copy\nmodel User {\n  id Int @id\n}\n", "b.prisma")
    schema = Schema(files=(a, b))
    ctx = PassContext()
    out = remove_duplicates(schema, ctx)
    assert print_files(out) == {
        "a.prisma": "model User {\n  id Int @id\n}\n",
        "b.prisma": "model Post {\n  id Int @id\n}\n",
    }
    assert out.files[0] is a  # untouched files are kept as they are
    assert [(c.path, c.message) for c in ctx.changes] == [
        ("b.prisma", "removed duplicate model User, identical to the copy kept at a.prisma:1")
    ]
