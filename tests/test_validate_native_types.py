"""Native types and connector rules, checked against messages and spans the Prisma engine gives (probed once)."""

from __future__ import annotations

import pytest

from prisma_tools.nodes import Schema, construct
from prisma_tools.parser import parse_file_text
from prisma_tools.validation import check_schema


def _check(provider: str, body: str) -> list[tuple[str, str]]:
    text = f'datasource db {{\n  provider = "{provider}"\n  url = env("X")\n}}\n{body}'
    f = parse_file_text(text, "schema.prisma", strict=False)
    findings = check_schema(construct(Schema, {"files": (f,)}))
    return [(text[x.start : x.end], x.message) for x in findings]


@pytest.mark.parametrize(
    ("provider", "field", "expected"),
    [
        ("postgresql", "a String @db.VarChar(-1)", "Expected a nonnegative integer, but found (-1)."),
        (
            "postgresql",
            "a Decimal @db.Decimal(1001, 5)",
            "Argument M is out of range for native type "
            "`Decimal(1001,5)` of Postgres: Precision must be positive with a maximum value of 1000.",
        ),
        ("postgresql", "a String @db.Text(5)", 'Function "Text" takes 0 arguments, but received 1.'),
        ("postgresql", "a String @db.Char(1,2,3)", "Native type Char takes 1 optional arguments, but received 3."),
        (
            "postgresql",
            "a Int @db.Text",
            "Native type Text is not compatible with declared field type Int, expected field type String.",
        ),
        (
            "mysql",
            "a Boolean @db.Bit(2)",
            "Argument M is out of range for native type `Bit(2)` of MySQL: only Bit(1) can be used as Boolean.",
        ),
        ("sqlserver", "a String @db.VarChar(70000)", "Expected an integer or `Max`, but found (70000)."),
        ("sqlite", "a String @db.VarChar(5)", "Native type VarChar is not supported for sqlite connector."),
        ("mongodb", "a Int @db.ObjectID", "Native type ObjectID is not supported for mongodb connector."),
    ],
)
def test_native_type_errors(provider: str, field: str, expected: str) -> None:
    id_field = 'id String @id @map("_id")' if provider == "mongodb" else "id Int @id"
    found = _check(provider, f"model A {{\n  {id_field}\n  {field}\n}}\n")
    assert [m for _, m in found] == [expected]
    assert found[0][0].startswith("@db.")


def test_attribute_without_parentheses_spans_trailing_spaces() -> None:
    found = _check("postgresql", "model A {\n  id Int @id\n  t String @db.Foo   // c\n}\n")
    assert found == [("@db.Foo   ", "Native type Foo is not supported for postgresql connector.")]


def test_connector_capabilities() -> None:
    found = _check("sqlite", "model A {\n  id Int @id\n  l String[]\n}\n")
    assert found == [
        (
            "l String[]\n",
            'Field "l" in model "A" can\'t be a list. The current connector does not support lists of primitive types.',
        )
    ]


def test_composite_type_cycle() -> None:
    body = 'type A {\n  b B\n}\ntype B {\n  a A\n}\nmodel M {\n  id String @id @map("_id")\n}\n'
    messages = sorted(m for _, m in _check("mongodb", body))
    assert messages == [
        "Error validating field `a` in composite type `B`: The types cause an endless cycle in the path "
        "`B` → `A` → `B`. Please change one of the fields to be either optional or a list to break the cycle.",
        "Error validating field `b` in composite type `A`: The types cause an endless cycle in the path "
        "`A` → `B` → `A`. Please change one of the fields to be either optional or a list to break the cycle.",
    ]
