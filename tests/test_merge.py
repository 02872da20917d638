"""The three-way merge of schema files: what merges, what conflicts, where things go, what is written."""

from __future__ import annotations

import pytest

from prisma_tools import format_text, parse
from prisma_tools.merge import Labels, merge_texts
from prisma_tools.merge.check import new_errors

BASE = """datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

enum Role {
  USER
  ADMIN
}

model User {
  id    Int    @id @default(autoincrement())
  email String @unique
  role  Role   @default(USER)
}
"""


def edit(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


def test_both_sides_add_different_things() -> None:
    ours = edit(BASE, "  ADMIN\n", "  ADMIN\n  MODERATOR\n")
    ours = edit(ours, "  role  Role   @default(USER)\n", "  role  Role   @default(USER)\n  name String?\n")
    ours += "\nmodel Post {\n  id Int @id\n}\n"
    theirs = edit(BASE, "  USER\n", "  USER\n  GUEST\n")
    theirs = edit(theirs, "  role  Role   @default(USER)\n", "  role  Role   @default(USER)\n  age Int\n")
    theirs += "\nmodel Tag {\n  id Int @id\n}\n"
    result = merge_texts(BASE, ours, theirs)
    assert result.clean
    assert result.text == format_text(result.text)  # canonical
    assert "enum Role {\n  USER\n  GUEST\n  ADMIN\n  MODERATOR\n}\n" in result.text
    assert (
        "  role  Role    @default(USER)\n  name  String?\n  age   Int\n}\n\nmodel Post {\n  id Int @id\n}\n\n"
        "model Tag {\n  id Int @id\n}\n"
    ) in result.text
    assert result.schema_file is not None
    assert new_errors(result.text, ours, theirs, "schema.prisma") == []


def test_same_change_counts_once_and_untouched_deletion_deletes() -> None:
    ours = edit(BASE, "  ADMIN\n", "")  # deleted here, untouched there
    ours = edit(ours, "email String @unique", "email String @unique @db.VarChar(200)")
    theirs = edit(BASE, "email String @unique", "email String @unique @db.VarChar(200)")
    result = merge_texts(BASE, ours, theirs)
    assert result.clean
    assert "ADMIN" not in result.text
    assert result.text.count("@db.VarChar(200)") == 1


def test_parts_of_one_field_changed_on_each_side_merge() -> None:
    ours = edit(BASE, "email String @unique", 'email String @unique @map("mail")')
    theirs = edit(BASE, "email String @unique", "/// where we write\n  email String? @unique // contact")
    result = merge_texts(BASE, ours, theirs)
    assert result.clean
    assert '  /// where we write\n  email String? @unique @map("mail") // contact\n' in result.text


def test_a_field_changed_differently_is_a_minimal_region() -> None:
    ours = edit(BASE, "email String @unique", "email String? @unique")
    theirs = edit(BASE, "email String @unique", "email Bytes @unique")
    result = merge_texts(BASE, ours, theirs, labels=Labels("HEAD", "base", "feature"))
    (c,) = result.conflicts
    assert (c.where, c.reason) == ("model User, field email", "changed on both sides, differently")
    assert result.schema_file is None
    assert result.text.endswith(
        "model User {\n"
        "  id    Int     @id @default(autoincrement())\n"
        "<<<<<<< HEAD\n"
        "  email String? @unique\n"
        "=======\n"
        "  email Bytes @unique\n"
        ">>>>>>> feature\n"
        "  role  Role    @default(USER)\n"
        "}\n"
    )


def test_diff3_style_and_marker_size() -> None:
    ours = edit(BASE, "  ADMIN\n", '  ADMIN @map("admin")\n')
    theirs = edit(BASE, "  ADMIN\n", '  ADMIN @map("root")\n')
    result = merge_texts(BASE, ours, theirs, labels=Labels("a", "o", "b", size=9), style="diff3")
    assert '  USER\n<<<<<<<<< a\n  ADMIN @map("admin")\n||||||||| o\n  ADMIN\n=========\n' in result.text
    assert '  ADMIN @map("root")\n>>>>>>>>> b\n}\n' in result.text


def test_same_model_added_differently_conflicts_as_a_block() -> None:
    ours = BASE + "\n/// posts\nmodel Post {\n  id    Int    @id\n  title String\n}\n"
    theirs = BASE + "\nmodel Post {\n  id   Int    @id\n  body String\n}\n"
    result = merge_texts(BASE, ours, theirs)
    (c,) = result.conflicts
    assert (c.level, c.where, c.reason) == ("block", "model Post", "added on both sides, differently")
    assert result.text.endswith(
        "}\n\n<<<<<<< ours\n/// posts\nmodel Post {\n  id    Int    @id\n  title String\n}\n=======\n"
        "model Post {\n  id   Int    @id\n  body String\n}\n>>>>>>> theirs\n"
    )


def test_deleted_on_one_side_extended_on_the_other_conflicts() -> None:
    ours = edit(BASE, "enum Role {\n  USER\n  ADMIN\n}\n\n", "")
    ours = edit(ours, "  role  Role   @default(USER)\n", "")
    theirs = edit(BASE, "  ADMIN\n", "  ADMIN\n  OWNER\n")
    result = merge_texts(BASE, ours, theirs)
    (c,) = result.conflicts
    assert c.reason == "deleted in ours, changed in theirs"
    assert "}\n\n<<<<<<< ours\n=======\nenum Role {\n  USER\n  ADMIN\n  OWNER\n}\n>>>>>>> theirs\n\nmodel User" in (
        result.text
    )


def test_theirs_additions_keep_their_neighbours() -> None:
    base = "model A {\n  a Int @id\n  c Int\n  e Int\n}\n"
    ours = "model A {\n  a Int @id\n  b Int\n  c Int\n  e Int\n}\n"
    theirs = "model A {\n  z Int\n  a Int @id\n  c Int\n  d Int\n  e Int\n  f Int\n}\n"
    result = merge_texts(base, ours, theirs)
    fields = [f.name for f in parse(result.text).models[0].fields]
    assert fields == ["z", "a", "b", "c", "d", "e", "f"]


def test_comments_changed_on_both_sides_keep_both() -> None:
    base = "// schema\n\nmodel A {\n  id Int @id\n  // end\n}\n"
    ours = "// schema\n// ours\n\nmodel A {\n  id Int @id\n  // end\n}\n"
    theirs = "// theirs\n\nmodel A {\n  id Int @id\n  // the end\n}\n"
    result = merge_texts(base, ours, theirs)
    assert result.clean
    assert result.text == "// schema\n// ours\n// theirs\n\nmodel A {\n  id Int @id\n  // the end\n}\n"


@pytest.mark.parametrize("style", ["merge", "diff3"])
def test_block_attribute_conflict_and_index_additions(style: str) -> None:
    base = "model A {\n  id Int @id\n  x  Int\n  y  Int\n\n  @@index([x])\n}\n"
    ours = edit(base, "@@index([x])", '@@index([x], map: "ix")\n  @@unique([y])')
    theirs = edit(base, "@@index([x])", '@@index([x], map: "jx")\n  @@index([y])')
    result = merge_texts(base, ours, theirs, style=style)  # type: ignore[arg-type]
    (c,) = result.conflicts
    assert c.level == "attribute"
    assert result.text.startswith("model A {\n  id Int @id\n  x  Int\n  y  Int\n\n  @@unique([y])\n")
    assert '<<<<<<< ours\n  @@index([x], map: "ix")\n' in result.text
    assert '=======\n  @@index([x], map: "jx")\n>>>>>>> theirs\n  @@index([y])\n}\n' in result.text


def test_clean_merge_that_prisma_rejects_is_reported() -> None:
    base = "model User {\n  id Int @id\n}\n\nmodel Post {\n  id     Int  @id\n}\n"
    ours = edit(base, "  id Int @id\n}", "  uid Int @id\n}")  # renames User.id
    theirs = edit(
        base,
        "  id     Int  @id\n}",
        "  id     Int  @id\n  userId Int\n  user   User @relation(fields: [userId], references: [id])\n}",
    )
    theirs = edit(theirs, "  id Int @id\n}", "  id Int @id\n  posts Post[]\n}")
    result = merge_texts(base, ours, theirs)
    assert result.clean
    errors = new_errors(result.text, ours, theirs, "schema.prisma")
    assert len(errors) == 1
    assert "id" in errors[0].message


def test_doctests() -> None:
    import doctest

    import prisma_tools.merge

    result = doctest.testmod(prisma_tools.merge)
    assert result.attempted > 0
    assert result.failed == 0


RELATION = """model A {
  id  Int @id
  bId Int
  b   B   @relation(fields: [bId], references: [id])
}

model B {
  id Int   @id
  as A[]
}
"""


def test_attribute_arguments_added_on_each_side_merge() -> None:
    ours = edit(RELATION, "references: [id])", "references: [id], onDelete: Cascade)")
    theirs = edit(RELATION, "fields: [bId], references: [id]", '"AB", fields: [bId], references: [id], map: "fk"')
    result = merge_texts(RELATION, ours, theirs)
    assert result.clean
    assert '  b   B   @relation("AB", fields: [bId], references: [id], onDelete: Cascade, map: "fk")\n' in result.text
    other = edit(RELATION, "references: [id])", "references: [id], onDelete: SetNull)")
    (c,) = merge_texts(RELATION, ours, other).conflicts
    assert c.where == "model A, field b"


def test_lines_prisma_cannot_read_merge_and_conflict_as_lines() -> None:
    base = "model A {\n  id Int @id\n  ~~~ bad\n}\n"
    ours = "model A {\n  id Int @id\n  // o\n  ~~~ bad\n}\n"
    theirs = "model A {\n  id Int @id\n  // t\n  ~~~ bad\n}\n"
    result = merge_texts(base, ours, theirs)
    assert result.clean  # both commented the same line: both comments stay
    assert result.text == "model A {\n  id Int @id\n  // o\n  // t\n  ~~~ bad\n}\n"
    base = "type A = String\n"
    ours = "// o\ntype A = String\n"
    theirs = "// t\ntype A = String\n"
    assert merge_texts(base, ours, theirs).text == "// o\n// t\ntype A = String\n"


def test_list_settings_merge_as_sets() -> None:
    base = 'generator client {\n  provider        = "prisma-client-js"\n  previewFeatures = ["views"]\n}\n'
    ours = edit(base, '["views"]', '["views", "multiSchema"]')
    theirs = edit(base, '["views"]', '["fullTextSearch"]')  # one removed, one added
    result = merge_texts(base, ours, theirs)
    assert result.clean
    assert '  previewFeatures = ["multiSchema", "fullTextSearch"]\n' in result.text
    other = edit(base, 'provider        = "prisma-client-js"', 'provider        = "prisma-client"')
    (c,) = merge_texts(base, edit(base, '"prisma-client-js"', '"prisma-client-py"'), other).conflicts
    assert c.where == "generator client, setting provider"


def test_a_commented_block_first_on_its_side_is_spaced_from_the_block_before() -> None:
    # Hypothesis found it: theirs' `/// a` model was first in its file; merged after ours'
    # model it needs the blank line prisma format puts there, or the result is not canonical.
    from prisma_tools import format_text
    from prisma_tools.merge import merge_texts

    base = "model User {\n  alpha String\n}\n"
    ours = base + "\nmodel Delta {\n  alpha String\n}\n"
    theirs = "/// a\nmodel Gamma {\n  alpha String\n}\n"
    result = merge_texts(base, ours, theirs, "schema.prisma")
    assert result.clean
    assert result.text == "model Delta {\n  alpha String\n}\n\n/// a\nmodel Gamma {\n  alpha String\n}\n"
    assert format_text(result.text) == result.text
