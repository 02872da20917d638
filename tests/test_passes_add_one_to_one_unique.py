"""PT004 add-one-to-one-unique on small inline schemas."""

from __future__ import annotations

import pytest
from pass_cases import run_pass

from prisma_tools.passes import add_one_to_one_unique

USER = "model User {\n  id      Int      @id\n  profile Profile?\n}\n\n"


def profile(key_line: str = "userId Int", extra: str = "") -> str:
    return (
        f"model Profile {{\n  id Int @id\n  {key_line}\n"
        f"  user User @relation(fields: [userId], references: [id])\n{extra}}}\n"
    )


def test_adds_unique_to_a_one_field_key() -> None:
    run = run_pass(add_one_to_one_unique, USER + profile())
    assert run.field("Profile", "userId") == "userId Int @unique"
    assert run.messages == [
        "added @unique to Profile.userId: Profile.user and User.profile form a one-to-one relation (at schema.prisma:3)"
    ]
    assert run.changes[0].span is not None
    assert run.changes[0].span.start.line == 9


def test_required_opposite_is_one_to_one_too() -> None:
    run = run_pass(add_one_to_one_unique, USER.replace("Profile?", "Profile") + profile())
    assert run.field("Profile", "userId") == "userId Int @unique"


def test_one_to_many_is_left_alone() -> None:
    run = run_pass(add_one_to_one_unique, USER.replace("Profile?", "Profile[]") + profile())
    assert run.changes == ()


@pytest.mark.parametrize(
    ("key_line", "extra"),
    [
        ("userId Int @unique", ""),
        ('userId Int @unique(map: "u")', ""),
        ("userId Int", "  @@unique([userId])\n"),
        ("userId Int", '  @@unique(fields: [userId], name: "byUser")\n'),
    ],
)
def test_already_unique(key_line: str, extra: str) -> None:
    assert run_pass(add_one_to_one_unique, USER + profile(key_line, extra)).changes == ()


def test_a_key_that_is_the_id_is_unique() -> None:
    text = USER + "model Profile {\n  userId Int @id\n  user User @relation(fields: [userId], references: [id])\n}\n"
    assert run_pass(add_one_to_one_unique, text).changes == ()


def test_compound_key_gets_block_unique_even_with_other_order() -> None:
    text = (
        "model Org {\n  region String\n  code String\n  seat Seat?\n\n  @@id([region, code])\n}\n\n"
        "model Seat {\n  id Int @id\n  orgRegion String\n  orgCode String\n"
        "  org Org @relation(fields: [orgRegion, orgCode], references: [region, code])\n\n"
        "  @@unique([orgCode, orgRegion])\n}\n"
    )
    run = run_pass(add_one_to_one_unique, text)
    assert run.text.endswith("  @@unique([orgCode, orgRegion])\n  @@unique([orgRegion, orgCode])\n}\n")
    assert run.messages[0].startswith("added @@unique([orgRegion, orgCode]) to Seat: Seat.org and Org.seat")


def test_compound_key_inside_a_larger_unique_is_not_unique() -> None:
    text = (
        USER + "model Profile {\n  id Int @id\n  userId Int\n  kind Int\n"
        "  user User @relation(fields: [userId], references: [id])\n\n  @@unique([userId, kind])\n}\n"
    )
    run = run_pass(add_one_to_one_unique, text)
    assert run.field("Profile", "userId") == "userId Int @unique"


def test_relation_names_select_the_opposite_field() -> None:
    text = (
        'model User {\n  id Int @id\n  mentoring Mentorship[] @relation("Mentor")\n'
        '  mentee Mentorship? @relation("Mentee")\n}\n\n'
        "model Mentorship {\n  id Int @id\n  mentorId Int\n  menteeId Int\n"
        '  mentor User @relation("Mentor", fields: [mentorId], references: [id])\n'
        '  mentee User @relation("Mentee", fields: [menteeId], references: [id])\n}\n'
    )
    run = run_pass(add_one_to_one_unique, text)
    assert run.field("Mentorship", "menteeId") == "menteeId Int @unique"
    assert run.field("Mentorship", "mentorId") == "mentorId Int"


def test_named_self_relation() -> None:
    text = (
        "model Step {\n  id Int @id\n  nextId Int?\n"
        '  next Step? @relation("Seq", fields: [nextId], references: [id])\n'
        '  previous Step? @relation("Seq")\n}\n'
    )
    run = run_pass(add_one_to_one_unique, text)
    assert run.field("Step", "nextId") == "nextId Int? @unique"


def test_ambiguous_and_missing_opposites_are_left_alone() -> None:
    ambiguous = (
        "model User {\n  id Int @id\n  a Profile?\n  b Profile?\n}\n\n"
        "model Profile {\n  id Int @id\n  userId Int\n  user User @relation(fields: [userId], references: [id])\n}\n"
    )
    assert run_pass(add_one_to_one_unique, ambiguous).changes == ()
    missing = "model User {\n  id Int @id\n}\n\n" + profile()
    assert run_pass(add_one_to_one_unique, missing).changes == ()


def test_missing_key_field_is_a_warning() -> None:
    text = USER + "model Profile {\n  id Int @id\n  user User @relation(fields: [userId], references: [id])\n}\n"
    run = run_pass(add_one_to_one_unique, text)
    assert run.after is run.before
    assert [c.severity for c in run.changes] == ["warning"]
    assert "userId does not exist in Profile" in run.messages[0]
