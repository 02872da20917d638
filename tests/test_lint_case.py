"""The case conversions behind the lint rules, on prisma-lint's own test inputs."""

from __future__ import annotations

import pytest

from prisma_tools.lint.case import to_camel_case, to_pascal_case, to_snake_case
from prisma_tools.lint.patterns import compile_exact, matches_any, trim_prefix

BR = ["Q6", "QU", "QX", "BR", "LT", "QP", "L5", "TK", "QT"]


@pytest.mark.parametrize(
    ("name", "kwargs", "expected"),
    [
        ("hello", {}, "hello"),
        ("camelCaseString", {}, "camel_case_string"),
        ("PascalCaseString", {}, "pascal_case_string"),
        ("kebab-case-string", {}, "kebab_case_string"),
        ("snake_case_string", {}, "snake_case_string"),
        ("SNAKE_CASE_STRING", {}, "snake_case_string"),
        ("HelloWorldGraphQL", {"compound_words": ["GraphQL"]}, "hello_world_graphql"),
        ("GameBRTicketLostSequence", {"compound_words": BR}, "game_br_ticket_lost_sequence"),
        ("APIHelloWorldGraphQL", {"compound_words": ["API", "GraphQL"]}, "api_hello_world_graphql"),
        ("helloWorld", {"upper": True}, "HELLO_WORLD"),
        ("HelloWorldGraphQL", {"upper": True, "compound_words": ["GraphQL"]}, "HELLO_WORLD_GRAPHQL"),
        ("HelloWorldAPI", {"upper": True, "compound_words": ["API"]}, "HELLO_WORLD_API"),
        ("APIHelloWorldAPI", {"upper": True, "compound_words": ["API"]}, "API_HELLO_WORLD_API"),
        ("APIHelloWorldGraphQL", {"upper": True, "compound_words": ["API", "GraphQL"]}, "API_HELLO_WORLD_GRAPHQL"),
        ("AmazonS3", {}, "amazon_s_3"),
        ("AmazonS3", {"compound_words": ["S3"]}, "amazon_s3"),
        ("Word1234Word", {}, "word_1234_word"),
        ("This@Is_A^Test", {}, "this_is_a_test"),
        ("PrefixWord", {"trim_prefix": "Prefix"}, "word"),
        ("SomethingElsePrefixWord", {"trim_prefix": "Pre"}, "something_else_prefix_word"),
        # compound words are case-sensitive (prisma-lint 0.10.1)
        ("graphqlId", {"compound_words": ["GraphQL"]}, "graphql_id"),
        ("userGraphQLId", {"compound_words": ["graphQL"]}, "user_graph_q_l_id"),
    ],
)
def test_snake_case(name: str, kwargs: dict[str, object], expected: str) -> None:
    assert to_snake_case(name, **kwargs) == expected  # type: ignore[arg-type]


def test_snake_case_pluralizes_the_result() -> None:
    assert to_snake_case("UserRole", plural=lambda s: s + "s") == "user_roles"


@pytest.mark.parametrize(
    ("name", "words", "camel", "pascal"),
    [
        ("hello", [], "hello", "Hello"),
        ("PascalCaseString", [], "pascalCaseString", "PascalCaseString"),
        ("kebab-case-string", [], "kebabCaseString", "KebabCaseString"),
        ("KEBAB-CASE-STRING", [], "kebabCaseString", "KebabCaseString"),
        ("snake_case_string", [], "snakeCaseString", "SnakeCaseString"),
        ("SNAKE_CASE_STRING", [], "snakeCaseString", "SnakeCaseString"),
        ("helloWorldGraphQL", ["GraphQL"], "helloWorldGraphQL", "HelloWorldGraphQL"),
        ("GameBRTicketLostSequence", BR, "gameBRTicketLostSequence", "GameBRTicketLostSequence"),
        # a compound word at the start keeps its capital, even in camel case (as in prisma-lint)
        ("APIHelloWorldGraphQL", ["API", "GraphQL"], "APIHelloWorldGraphQL", "APIHelloWorldGraphQL"),
        ("Word1234Word", [], "word1234Word", "Word1234Word"),
        ("a0a0aa0", [], "a0A0Aa0", "A0A0Aa0"),
        ("This@Is_A^Test", [], "thisIsATest", "ThisIsATest"),
        ("This@@Is__A^^Test", [], "thisIsATest", "ThisIsATest"),
        ("userID", [], "userId", "UserId"),
    ],
)
def test_camel_and_pascal_case(name: str, words: list[str], camel: str, pascal: str) -> None:
    assert to_camel_case(name, compound_words=words) == camel
    assert to_pascal_case(name, compound_words=words) == pascal


def test_patterns() -> None:
    assert compile_exact("id").search("id")
    assert not compile_exact("id").search("userId")
    assert compile_exact("/Id$/").search("userId")
    assert matches_any("UserData", ["/Data$/"])
    assert matches_any("x", ["x"])
    assert not matches_any("xy", ["x"])
    assert trim_prefix("DbUser", ["Xx", "Db"]) == ("Db", "User")
    assert trim_prefix("EGvalue", ["DB", "/^EG/"]) == ("EG", "value")
    assert trim_prefix("User", "Db") == ("", "User")
