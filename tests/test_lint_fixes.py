"""The lint fixes: what text they write, that they keep database names, and how they are applied."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import prisma_tools
from prisma_tools.edits import Fix, TextEdit
from prisma_tools.lint import LintRule, LintSettings, NoOptions, configure, fix_texts, lint_texts
from prisma_tools.lint.rule import Finding
from prisma_tools.nodes import Schema, construct
from prisma_tools.parser import parse_file_text

PG = 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n\n'


def rules(**options: dict[str, Any] | None) -> list[Any]:
    names = [n.replace("_", "-") for n in options]
    table = {n.replace("_", "-"): o for n, o in options.items() if o is not None}
    return configure(LintSettings(select=names, options=table))


def fix(text: str, *, unsafe: bool = False, **options: dict[str, Any] | None) -> str:
    return fix_texts({"schema.prisma": text}, rules(**options), unsafe=unsafe).texts["schema.prisma"]


def db_names(texts: dict[str, str]) -> set[tuple[str, ...]]:
    """Every database name the schema defines: tables, columns, enum types and values."""
    files = tuple(parse_file_text(t, p) for p, t in texts.items())
    db = prisma_tools.analyze(construct(Schema, {"files": files}), texts)
    out: set[tuple[str, ...]] = set()
    for m in db.models:
        out.add(("table", m.db_name))
        out.update(("column", m.db_name, f.db_name) for f in m.fields if not f.is_relation)
    for e in db.enums:
        out.add(("enum", e.db_name))
        out.update(("value", e.db_name, v.db_name) for v in e.values)
    return out


def errors(text: str) -> list[str]:
    schema = prisma_tools.parse(text, "schema.prisma", strict=False)
    return [d.message for d in prisma_tools.validate(schema) if d.severity == "error"]


RENAMES = PG + (
    "model user_account {\n"
    "  ID         Int            @id @default(autoincrement())\n"
    "  Email_Addr String         @unique\n"
    "  role       account_role   @default(SUPER_ADMIN)\n"
    "  roles      account_role[] @default([SUPER_ADMIN, member])\n"
    "  posts      Post[]\n"
    "\n"
    "  @@index([Email_Addr(sort: Desc)])\n"
    "}\n"
    "\n"
    "model Post {\n"
    "  id        Int          @id\n"
    "  Author_ID Int\n"
    "  author    user_account @relation(fields: [Author_ID], references: [ID])\n"
    "\n"
    "  @@unique([Author_ID, id])\n"
    "}\n"
    "\n"
    "enum account_role {\n"
    "  SUPER_ADMIN\n"
    '  member      @map("MEMBER")\n'
    "}\n"
)


def test_case_fixes_rename_every_reference_and_keep_database_names() -> None:
    out = fix(
        RENAMES,
        model_name_pascal_case=None,
        field_name_camel_case=None,
        enum_name_pascal_case=None,
        enum_value_case={"style": "pascal"},
    )
    assert "model UserAccount {" in out
    assert '@@map("user_account")' in out
    assert "author   UserAccount @relation(fields: [authorId], references: [id])" in out
    assert 'emailAddr String        @unique @map("Email_Addr")' in out
    assert "@@index([emailAddr(sort: Desc)])" in out
    assert "@@unique([authorId, id])" in out
    assert "enum AccountRole {" in out
    assert '@@map("account_role")' in out
    assert "@default(SuperAdmin)" in out
    assert "@default([SuperAdmin, Member])" in out
    assert 'SuperAdmin @map("SUPER_ADMIN")' in out
    assert 'Member     @map("MEMBER")' in out
    assert errors(out) == []
    assert db_names({"s": out}) == db_names({"s": RENAMES})
    assert lint_texts({"s": out}, rules(model_name_pascal_case=None, field_name_camel_case=None)) == []


def test_a_formatted_file_stays_formatted() -> None:
    canonical = prisma_tools.format_text(RENAMES)
    out = fix(canonical, field_name_camel_case=None)
    assert out == prisma_tools.format_text(out)


def test_an_unformatted_file_is_only_edited() -> None:
    text = PG + "model A {\n  id   Int @id\n  Some_Field    Int\n}\n"
    assert fix(text, field_name_camel_case=None).endswith('  someField    Int @map("Some_Field")\n}\n')


def test_renames_across_the_files_of_a_schema_folder() -> None:
    texts = {
        "a.prisma": PG + "model post_item {\n  id Int @id\n  tags tag[]\n}\n",
        "b.prisma": "model tag {\n  id Int @id\n  posts post_item[]\n}\n"
        "model Other {\n  id Int @id\n  postId Int\n"
        "  post post_item @relation(fields: [postId], references: [id])\n}\n",
    }
    result = fix_texts(texts, rules(model_name_pascal_case=None))
    # post_item and tag are in an implicit many-to-many relation: the join table is named after them
    assert result.texts == texts
    assert {d.message for d in result.remaining} == {
        'Model name "post_item" is not in PascalCase.',
        'Model name "tag" is not in PascalCase.',
    }
    texts["b.prisma"] = (
        "model Other {\n  id Int @id\n  postId Int\n  post post_item @relation(fields: [postId], references: [id])\n}\n"
    )
    texts["a.prisma"] = PG + "model post_item {\n  id Int @id\n  others Other[]\n}\n"
    result = fix_texts(texts, rules(model_name_pascal_case=None))
    assert "post PostItem @relation" in result.texts["b.prisma"]
    assert "model PostItem {" in result.texts["a.prisma"]
    assert result.remaining == []
    assert db_names(result.texts) == db_names(texts)


def test_no_rename_onto_a_taken_name() -> None:
    text = PG + "model A {\n  id Int @id\n  user_id Int\n  userId Int\n}\n"
    [d] = lint_texts({"s": text}, rules(field_name_camel_case=None))
    assert d.fix is None
    text = PG + "model user {\n  id Int @id\n}\nmodel User {\n  id Int @id\n}\n"
    [d] = lint_texts({"s": text}, rules(model_name_pascal_case=None))
    assert d.fix is None


def test_relation_fields_are_renamed_without_map() -> None:
    text = PG + (
        "model A {\n  id Int @id\n  bId Int\n  The_B B @relation(fields: [bId], references: [id])\n}\n"
        "model B {\n  id Int @id\n  As A[]\n}\n"
    )
    out = fix(text, field_name_camel_case=None)
    assert "theB B @relation(fields: [bId], references: [id])" in out
    assert "as A[]" in out
    assert "@map" not in out
    assert errors(out) == []


def test_mapping_fixes_are_display_only() -> None:
    text = PG + "model UserRole {\n  id Int @id\n  userId Int\n}\n"
    found = lint_texts({"s": text}, rules(model_name_mapping_snake_case=None, field_name_mapping_snake_case=None))
    assert [d.fix.applicability if d.fix else None for d in found] == ["display", "display"]
    assert found[0].fix is not None
    assert found[0].fix.edits[0].content.strip() == '@@map("user_role")'
    assert found[1].fix is not None
    assert found[1].fix.edits[0].content == ' @map("user_id")'
    assert fix(text, unsafe=True, model_name_mapping_snake_case=None) == text
    # an existing @map with the wrong name: the edit replaces the string
    text = PG + 'model A {\n  id Int @id\n  userId Int @map(name: "userid")\n}\n'
    [d] = lint_texts({"s": text}, rules(field_name_mapping_snake_case=None))
    assert d.fix is not None
    assert d.fix.edits[0].content == '"user_id"'
    assert text[d.fix.edits[0].start : d.fix.edits[0].end] == '"userid"'


def test_index_fix() -> None:
    text = PG + (
        "model Post {\n  id       Int  @id\n  authorId Int\n  editorId Int\n"
        '  author   User @relation("a", fields: [authorId], references: [id])\n'
        '  editor   User @relation("e", fields: [editorId], references: [id])\n}\n'
        'model User {\n  id Int @id\n  a Post[] @relation("a")\n  e Post[] @relation("e")\n}\n'
    )
    out = fix(text, require_field_index={"forAllRelations": True})
    assert "  @@index([authorId])\n  @@index([editorId])\n}" in out
    assert errors(out) == []
    assert db_names({"s": out}) == db_names({"s": text})


def test_default_empty_array_fix_is_unsafe() -> None:
    text = PG + "model Post {\n  id   Int      @id\n  tags String[]\n}\n"
    assert fix(text, require_default_empty_arrays=None) == text
    assert "tags String[] @default([])" in fix(text, unsafe=True, require_default_empty_arrays=None)


def test_field_order_fix_moves_comments_and_keeps_blank_lines() -> None:
    text = PG + (
        "model User {\n"
        "  /// the key\n"
        "  id       String @id\n"
        "  email    String // contact\n"
        "\n"
        "  // owner\n"
        "  tenantId String\n"
        "  @@index([email])\n"
        "}\n"
    )
    out = fix(text, field_order={"order": ["tenantId", "id", "..."]})
    assert out == PG + (
        "model User {\n"
        "  // owner\n"
        "  tenantId String\n"
        "  /// the key\n"
        "  id       String @id\n"
        "\n"
        "  email    String // contact\n"
        "  @@index([email])\n"
        "}\n"
    )


def test_field_order_without_a_place_for_the_others_has_no_fix() -> None:
    text = PG + "model User {\n  name String\n  id String @id\n  other String\n}\n"
    [d] = lint_texts({"s": text}, rules(field_order={"order": ["id", "name"]}))
    assert d.fix is None


def test_grammatical_number_fixes_are_unsafe_and_keep_names() -> None:
    text = PG + "model Users {\n  id Int @id\n  email String[]\n}\n"
    options = {
        "model_name_grammatical_number": {"style": "singular"},
        "field_name_grammatical_number": {"ifList": "plural"},
    }
    assert fix(text, **options) == text
    out = fix(text, unsafe=True, **options)
    assert "model User {" in out
    assert '@@map("Users")' in out
    assert 'emails String[] @map("email")' in out
    assert db_names({"s": out}) == db_names({"s": text})
    assert errors(out) == []


def test_prefix_fix() -> None:
    text = PG + "model User {\n  id Int @id\n}\nmodel DbPost {\n  id Int @id\n}\n"
    out = fix(text, model_name_prefix={"prefix": "Db"})
    assert "model DbUser {" in out
    assert out.count("@@map") == 1


def test_rules_that_undo_each_other_stop() -> None:
    text = PG + "enum Role {\n  ADMIN\n}\n"
    result = fix_texts(
        {"s": text},
        configure(
            LintSettings(
                select=["enum-value-case", "enum-value-snake-case"],
                options={"enum-value-case": {"style": "snake", "case": "upper"}},
            )
        ),
    )
    # ADMIN -> admin @map("ADMIN") -> ADMIN @map("ADMIN"), and the next step would repeat a state
    assert len(result.applied) == 2
    assert len(result.remaining) == 1
    assert db_names(result.texts) == db_names({"s": text})


def _breaking(ctx: Any, model: Any, options: NoOptions) -> Iterator[Finding]:
    path = model.file.path
    at = model.node.span.end_offset - 1
    edit = TextEdit(path=path, start=at, end=at, content="  other Strin\n")
    yield Finding(model, "breaks", fix=Fix(message="break", applicability="safe", edits=(edit,)))


def test_a_fix_that_would_make_the_schema_invalid_is_refused() -> None:
    rule = LintRule(
        code="PL999", name="breaker", summary="", docs="", scope="model", options=NoOptions, check=_breaking, fix="safe"
    )
    text = PG + "model A {\n  id Int @id\n}\n"
    result = fix_texts({"s": text}, [(rule, NoOptions())])
    assert result.texts == {"s": text}
    assert [d.message for d in result.refused] == ["breaks"]


@pytest.mark.parametrize("provider", ["postgresql", "mysql", "sqlite", "sqlserver", "mongodb"])
def test_renames_keep_the_schema_valid_on_every_provider(provider: str) -> None:
    head = f'datasource db {{\n  provider = "{provider}"\n  url      = env("DATABASE_URL")\n}}\n'
    key = '  id String @id @default(auto()) @map("_id") @db.ObjectId\n' if provider == "mongodb" else "  id Int @id\n"
    text = head + f"model blog_post {{\n{key}  Post_Title String\n}}\n"
    out = fix(text, model_name_pascal_case=None, field_name_camel_case=None)
    assert "model BlogPost {" in out
    assert "postTitle" in out
    assert errors(out) == []
    assert db_names({"s": out}) == db_names({"s": text})


def test_a_regex_prefix_matched_inside_the_name_gives_no_fix() -> None:
    # prisma-lint removes the first match wherever it is; renaming would drop those characters
    text = PG + "model A {\n  id Int @id\n  User_Db Int\n  DbUser_Name Int\n}\n"
    found = lint_texts({"s": text}, rules(field_name_camel_case={"trimPrefix": "/Db/"}))
    assert [(d.message, d.fix is not None) for d in found] == [
        ('Field name "User_Db" is not in camelCase.', False),
        ('Field name "DbUser_Name" is not in camelCase.', True),
    ]
    assert found[1].fix is not None
    assert found[1].fix.edits[0].content == "DbuserName"


def test_crlf_files_keep_their_line_breaks() -> None:
    text = (PG + "model user_x {\n  id Int @id\n  tenantId Int\n}\n").replace("\n", "\r\n")
    out = fix(text, model_name_pascal_case=None, field_order={"order": ["tenantId", "..."]})
    assert "model UserX {\r\n  tenantId Int\r\n  id Int @id\r\n" in out
    assert out.count("\n") == out.count("\r\n")
