"""PT003 add-back-relations on small inline schemas, and the names Prisma gives inserted fields."""

from __future__ import annotations

import pytest
from pass_cases import run_pass

from prisma_tools.nodes import Schema
from prisma_tools.parser import parse_file_text
from prisma_tools.passes import PassContext, add_back_relations
from prisma_tools.passes.naming import camel_case, foreign_key_name, pluralize
from prisma_tools.printer import print_files

USER = "model User {\n  id Int @id\n}\n\n"


def post(relation: str = "@relation(fields: [authorId], references: [id])", extra: str = "") -> str:
    return f"model Post {{\n  id Int @id\n  authorId Int\n  author User {relation}\n{extra}}}\n"


# ------------------------------------------------------------------ naming


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("UserInfo", "userInfo"),
        ("HTTPLog", "httplog"),
        ("URLShortener", "urlshortener"),
        ("user_profile", "userProfile"),
        ("A_B", "aB"),
        ("My2Model", "my2Model"),
        ("ItemV2", "itemV2"),
        ("UPPER", "upper"),
        ("UserID", "userID"),
        ("UserIInfo", "userIInfo"),
        ("aBC", "aBC"),
        ("Box_", "box"),
    ],
)
def test_camel_case(name: str, expected: str) -> None:
    assert camel_case(name) == expected


PLURALS = (
    "category categories,person people,child children,mouse mice,louse lice,status statuses,address addresses,"
    "box boxes,quiz quizzes,bus buses,index indices,matrix matrices,vertex vertices,appendix appendices,"
    "leaf leaves,knife knives,wolf wolves,half halves,life lives,hoof hooves,hero heroes,potato potatoes,"
    "photo photos,echo echos,zero zeros,analysis analyses,crisis crises,axis axes,criterion criteria,"
    "phenomenon phenomena,datum data,stratum strata,agenda agenda,octopus octopi,cactus cacti,virus viri,"
    "alumnus alumni,stimulus stimuli,alga algae,vertebra vertebrae,cherub cherubim,man men,woman women,"
    "tooth teeth,foot feet,goose geese,ox oxen,die dice,dice dices,fish fishes,medium mediums,chief chiefs,"
    "roof roofs,safe safes,monkey monkeys,key keys,day days,eye eyes,x xes,sheep sheep,news news,ice ice,"
    "police police,metadata metadata,media medias,settings settings,feedback feedbacks,staff staffs,axe axes,"
    "personChild personChilds,menu menus,cpdevidence cpdevidences"
)


@pytest.mark.parametrize(("word", "expected"), [tuple(p.split()) for p in PLURALS.split(",")])
def test_pluralize(word: str, expected: str) -> None:
    assert pluralize(word) == expected


def test_foreign_key_name() -> None:
    assert foreign_key_name("HTTPLog", "ID") == "hTTPLogID"
    assert foreign_key_name("Tenant", "region") == "tenantRegion"


# ------------------------------------------------------------------ back fields


def test_complete_relations_are_left_alone() -> None:
    text = "model User {\n  id Int @id\n  posts Post[]\n}\n\n" + post()
    run = run_pass(add_back_relations, text)
    assert run.after is run.before


def test_list_back_field() -> None:
    run = run_pass(add_back_relations, USER + post())
    assert run.field("User", "posts") == "posts Post[]"
    assert run.messages == ["added User.posts Post[], the opposite of Post.author"]
    assert run.changes[0].path == "schema.prisma"
    assert run.changes[0].span is not None
    assert run.changes[0].span.start.line == 1


def test_unique_key_gives_an_optional_back_field() -> None:
    run = run_pass(add_back_relations, USER + post(extra="\n  @@unique([authorId])\n"))
    assert run.field("User", "post") == "post Post?"


def test_key_that_is_the_id_gives_a_list_as_prisma_does() -> None:
    text = USER + "model Settings {\n  userId Int @id\n  user User @relation(fields: [userId], references: [id])\n}\n"
    assert run_pass(add_back_relations, text).field("User", "settings") == "settings Settings[]"


def test_relation_name_is_carried() -> None:
    run = run_pass(add_back_relations, USER + post('@relation("Wrote", fields: [authorId], references: [id])'))
    assert run.field("User", "posts") == 'posts Post[] @relation("Wrote")'


def test_ignored_model_gives_ignored_back_field() -> None:
    run = run_pass(add_back_relations, USER + post(extra="\n  @@ignore\n"))
    assert run.field("User", "posts") == "posts Post[] @ignore"


def test_taken_name_is_replaced_by_one_after_the_field() -> None:
    text = "model User {\n  id Int @id\n  posts String\n  authorPosts Int\n}\n\n" + post()
    run = run_pass(add_back_relations, text)
    assert run.fields("User") == ["id", "posts", "authorPosts", "authorPosts2"]
    assert run.messages == ["added User.authorPosts2 Post[], the opposite of Post.author (not posts: taken)"]


def test_insertions_follow_declaration_order() -> None:
    comment = (
        "model Comment {\n  id Int @id\n  userId Int @unique\n"
        "  user User @relation(fields: [userId], references: [id])\n}\n"
    )
    text = USER + post() + "\n" + comment
    assert run_pass(add_back_relations, text).fields("User") == ["id", "posts", "comment"]


def test_ambiguous_relations_are_named() -> None:
    text = USER + (
        "model Message {\n  id Int @id\n  fromId Int\n  toId Int\n"
        "  from User @relation(fields: [fromId], references: [id])\n"
        "  to User @relation(fields: [toId], references: [id])\n}\n"
    )
    run = run_pass(add_back_relations, text)
    assert run.field("Message", "from") == 'from User @relation("MessageFrom", fields: [fromId], references: [id])'
    assert run.field("User", "fromMessages") == 'fromMessages Message[] @relation("MessageFrom")'
    assert run.field("User", "toMessages") == 'toMessages Message[] @relation("MessageTo")'


def test_generated_relation_names_avoid_names_in_use() -> None:
    text = (
        'model User {\n  id Int @id\n  other Message[] @relation("MessageFrom")\n}\n\n'
        "model Message {\n  id Int @id\n  fromId Int\n  toId Int\n  otherId Int\n"
        "  from User @relation(fields: [fromId], references: [id])\n"
        "  to User @relation(fields: [toId], references: [id])\n"
        '  otherUser User @relation("MessageFrom", fields: [otherId], references: [id])\n}\n'
    )
    run = run_pass(add_back_relations, text)
    assert run.field("User", "fromMessages") == 'fromMessages Message[] @relation("MessageFrom2")'


def test_ambiguous_with_fields_on_both_sides_is_a_warning() -> None:
    text = (
        "model User {\n  id Int @id\n  messages Message[]\n}\n\n"
        "model Message {\n  id Int @id\n  fromId Int\n  toId Int\n"
        "  from User @relation(fields: [fromId], references: [id])\n"
        "  to User @relation(fields: [toId], references: [id])\n}\n"
    )
    run = run_pass(add_back_relations, text)
    assert run.after is run.before
    assert run.messages == [
        "User.messages: ambiguous relations (User.messages, Message.from, Message.to); "
        "cannot decide which fields pair up; left alone"
    ]


# ------------------------------------------------------------------ self-relations


def test_self_relation_is_named() -> None:
    text = (
        "model Node {\n  id Int @id\n  parentId Int?\n"
        "  parent Node? @relation(fields: [parentId], references: [id])\n}\n"
    )
    run = run_pass(add_back_relations, text)
    assert run.field("Node", "parent") == 'parent Node? @relation("NodeParent", fields: [parentId], references: [id])'
    assert run.field("Node", "nodes") == 'nodes Node[] @relation("NodeParent")'


def test_unnamed_self_relation_pair_gets_one_name() -> None:
    text = "model P {\n  id Int @id\n  followers P[]\n  following P[]\n}\n"
    run = run_pass(add_back_relations, text)
    assert run.field("P", "followers") == 'followers P[] @relation("PFollowers")'
    assert run.field("P", "following") == 'following P[] @relation("PFollowers")'


def test_named_self_relation_single_keeps_its_name() -> None:
    text = (
        "model Node {\n  id Int @id\n  nextId Int?\n"
        '  next Node? @relation("Seq", fields: [nextId], references: [id])\n}\n'
    )
    run = run_pass(add_back_relations, text)
    assert run.field("Node", "nodes") == 'nodes Node[] @relation("Seq")'


def test_self_relation_without_keys_on_either_side_is_a_warning() -> None:
    text = "model P {\n  id Int @id\n  a P?\n  b P?\n}\n"
    run = run_pass(add_back_relations, text)
    assert run.after is run.before
    assert [c.severity for c in run.changes] == ["warning"]


# ------------------------------------------------------------------ forward side


def test_list_without_opposite_gets_a_forward_field_with_native_type() -> None:
    text = (
        'datasource db {\n  provider = "postgresql"\n  url = env("U")\n}\n\n'
        "model Library {\n  id String @id @db.Uuid\n  shelves Shelf[]\n}\n\nmodel Shelf {\n  id Int @id\n}\n"
    )
    run = run_pass(add_back_relations, text)
    assert run.fields("Shelf") == ["id", "library", "libraryId"]
    assert run.field("Shelf", "library") == "library Library? @relation(fields: [libraryId], references: [id])"
    assert run.field("Shelf", "libraryId") == "libraryId String? @db.Uuid"


def test_forward_field_reuses_an_existing_required_scalar() -> None:
    text = "model Team {\n  id Int @id\n  players Player[]\n}\n\nmodel Player {\n  id Int @id\n  teamId Int\n}\n"
    run = run_pass(add_back_relations, text)
    assert run.fields("Player") == ["id", "teamId", "team"]
    assert run.field("Player", "team") == "team Team @relation(fields: [teamId], references: [id])"


def test_target_without_unique_criterion_is_a_warning() -> None:
    text = "model Team {\n  code Int\n  players Player[]\n}\n\nmodel Player {\n  id Int @id\n}\n"
    run = run_pass(add_back_relations, text)
    assert run.after is run.before
    assert run.messages == ["Team.players: Team has no unique criterion of required fields to reference; left alone"]


def test_scalar_of_another_type_is_a_warning() -> None:
    text = "model Team {\n  id Int @id\n  players Player[]\n}\n\nmodel Player {\n  id Int @id\n  teamId String\n}\n"
    run = run_pass(add_back_relations, text)
    assert run.after is run.before
    assert "Player.teamId exists but is not of type Int" in run.messages[0]


def test_missing_relation_attribute_on_the_singular_side() -> None:
    text = (
        "model Team {\n  code String @id\n  players Player[]\n}\n\n"
        "model Player {\n  id Int @id\n  team Team // now\n}\n"
    )
    run = run_pass(add_back_relations, text)
    assert run.field("Player", "team") == "team Team @relation(fields: [teamCode], references: [code])"
    assert run.field("Player", "teamCode") == "teamCode String"
    assert "team     Team   @relation(fields: [teamCode], references: [code]) // now" in run.text


def test_partial_relation_arguments_are_completed() -> None:
    text = (
        "model Team {\n  id Int @id\n  a A[]\n  b B[]\n  c C[]\n}\n\n"
        'model A {\n  id Int @id\n  team Team @relation("r")\n}\n\n'
        "model B {\n  id Int @id\n  teamId Int\n  team Team @relation(references: [id])\n}\n\n"
        "model C {\n  id Int @id\n  teamId Int\n  team Team @relation(fields: [teamId])\n}\n"
    )
    text = text.replace("  a A[]", '  a A[] @relation("r")')
    run = run_pass(add_back_relations, text)
    assert run.field("A", "team") == 'team Team @relation("r", fields: [teamId], references: [id])'
    assert run.field("B", "team") == "team Team @relation(references: [id], fields: [teamId])"
    assert run.field("C", "team") == "team Team @relation(fields: [teamId], references: [id])"


def test_one_to_one_without_keys_required_side_gets_them_with_unique() -> None:
    text = "model Abc {\n  id Int @id\n  zed Zed?\n}\n\nmodel Zed {\n  id Int @id\n  abc Abc\n}\n"
    run = run_pass(add_back_relations, text)
    assert run.field("Zed", "abc") == "abc Abc @relation(fields: [abcId], references: [id])"
    assert run.field("Zed", "abcId") == "abcId Int @unique"


def test_one_to_one_both_optional_first_model_by_name_gets_the_key() -> None:
    text = "model Wallet {\n  id Int @id\n  owner Person?\n}\n\nmodel Person {\n  id Int @id\n  wallet Wallet?\n}\n"
    run = run_pass(add_back_relations, text)
    assert run.fields("Wallet") == ["id", "owner"]
    assert run.field("Person", "walletId") == "walletId Int? @unique"


def test_lone_singular_field_gets_the_key_and_the_other_model_a_list() -> None:
    text = "model Wallet {\n  id Int @id\n  owner Person?\n}\n\nmodel Person {\n  id Int @id\n}\n"
    run = run_pass(add_back_relations, text)
    assert run.field("Wallet", "personId") == "personId Int?"
    assert run.field("Person", "wallets") == "wallets Wallet[]"


def test_compound_reference() -> None:
    text = (
        "model Tenant {\n  region String\n  slug String\n  sites Site[]\n\n  @@id([region, slug])\n}\n\n"
        "model Site {\n  id Int @id\n  tenant Tenant\n}\n"
    )
    run = run_pass(add_back_relations, text)
    assert run.fields("Site") == ["id", "tenant", "tenantRegion", "tenantSlug"]


# ------------------------------------------------------------------ placement


def test_body_ending_with_a_blank_line_starts_a_new_table() -> None:
    text = "model User {\n  id Int @id\n\n}\n\n" + post()
    assert run_pass(add_back_relations, text).text.startswith("model User {\n  id Int @id\n\n  posts Post[]\n}\n")


def test_comments_before_the_closing_brace_end_up_above_the_new_field() -> None:
    text = "model User {\n  id Int @id\n  // more to come\n}\n\n" + post()
    assert run_pass(add_back_relations, text).text.startswith(
        "model User {\n  id    Int    @id\n  // more to come\n  posts Post[]\n}\n"
    )


def test_new_fields_go_into_the_file_declaring_the_model() -> None:
    a = parse_file_text(USER, "a.prisma")
    b = parse_file_text(post(), "b.prisma")
    ctx = PassContext()
    out = add_back_relations(Schema(files=(a, b)), ctx)
    assert print_files(out)["a.prisma"] == "model User {\n  id    Int    @id\n  posts Post[]\n}\n"
    assert out.files[1] is b
    assert ctx.changes[0].path == "a.prisma"


def test_views_and_composite_types_are_not_relations() -> None:
    text = (
        "view V {\n  id Int @unique\n  user User\n}\n\ntype T {\n  n Int\n}\n\nmodel User {\n  id Int @id\n  t T\n}\n"
    )
    assert run_pass(add_back_relations, text).changes == ()
