"""The configuration phase (datasource and generator blocks) and multi-schema, per engine.

Each case: a schema, the engine, and what Prisma reports as ``(severity, the
source text of the range, the start of the message)``; every expectation was
read off Prisma's own engines (``prisma-oracle lint``).
"""

from __future__ import annotations

import pytest

from prisma_tools.nodes import Schema, construct
from prisma_tools.parser import parse_file_text
from prisma_tools.validation import check_schema

PG = 'datasource db {\n  provider = "postgresql"\n  url = "postgres://a"\n}\n'
PG7 = 'datasource db {\n  provider = "postgresql"\n}\n'


def _gen(features: str) -> str:
    return f'generator g {{\n  provider = "prisma-client-js"\n  previewFeatures = {features}\n}}\n'


def _check(text: str, engine: int) -> list[tuple[str, str, str]]:
    file = parse_file_text(text, "schema.prisma", strict=False)
    findings = check_schema(construct(Schema, {"files": (file,)}), prisma_version=engine)
    return sorted((f.severity[0].upper(), text[f.start : f.end], f.message) for f in findings)


def _expect(text: str, engine: int, expected: list[tuple[str, str, str]]) -> None:
    got = _check(text, engine)
    assert len(got) == len(expected), got
    for (sev, where, message), want in zip(got, sorted(expected), strict=True):
        assert (sev, where) == want[:2], got
        assert message.startswith(want[2]), (message, want[2])


CASES = [
    # engine 6 needs a url, engine 7 takes none (its span: the whole line, trailing comment included)
    ("url-missing", PG7, 6, [("E", PG7[:-1], 'Argument "url" is missing in data source block "db".')]),
    ("url-absent-7", PG7, 7, []),
    (
        "url-rejected-7",
        'datasource db {\n  provider = "postgresql"\n  url = env("A") // main\n  directUrl = "b"\n}\n',
        7,
        [
            ("E", 'url = env("A") // main', "The datasource property `url` is no longer supported"),
            ("E", 'directUrl = "b"', "The datasource property `directUrl` is no longer supported"),
        ],
    ),
    (
        "object-values-6",
        'generator g {\n  provider = "x"\n  foo = {a: 1}\n}\ndatasource db {\n  provider = "sqlite"\n  url = "x"\n'
        "  baz = [{}]\n}\n",
        6,
        [
            ("E", "foo = {a: 1}\n", "Error validating: This line is not a valid definition within a generator."),
            ("E", "baz = [{}]\n", "Error validating: This line is not a valid definition within a datasource."),
        ],
    ),
    (
        "provider",
        'datasource db {\n  provider = "foo"\n}\n',
        7,
        [("E", '"foo"', 'Datasource provider not known: "foo".')],
    ),
    (
        "provider-env",
        'datasource db {\n  provider = env("P")\n}\n',
        6,
        [("E", 'datasource db {\n  provider = env("P")\n}', "A datasource must not use the env() function")],
    ),
    (
        "setting-without-value",
        'datasource db {\n  provider = "mysql"\n  url =\n  foo =\n}\n',
        6,
        [("E", 'datasource db {\n  provider = "mysql"\n  url =\n  foo =\n}', "Property url in datasource db needs")],
    ),
    (
        "env-arguments",
        'datasource db {\n  provider = "mysql"\n  url = env("A", b: "B")\n}\n',
        6,
        [
            ("E", 'env("A", b: "B")', "Exactly one string parameter must be passed to the env function."),
            ("W", 'b: "B"', "The env function doesn't expect named arguments"),
        ],
    ),
    (
        "shadow-same-as-url",
        'datasource db {\n  provider = "mysql"\n  url = env("A")\n  shadowDatabaseUrl = env("A")\n}\n',
        6,
        [("E", 'env("A")', 'shadowDatabaseUrl is the same as url for datasource "db".')],
    ),
    (
        "unknown-properties",
        PG7[:-2] + '  foo = 1 // x\n  previewFeatures = ["views"]\n}\n',
        7,
        [
            ("E", "foo = 1 // x", 'Property not known: "foo".'),
            ("E", 'previewFeatures = ["views"]', "Preview features are only supported in the generator block."),
        ],
    ),
    (
        "relation-mode",
        'datasource db {\n  provider = "mongodb"\n  relationMode = "foreignKeys"\n}\n',
        7,
        [("E", '"foreignKeys"', 'Error validating datasource `relationMode`: Invalid relation mode setting: "fore')],
    ),
    (
        "referential-integrity",
        PG7[:-2] + '  referentialIntegrity = "prisma"\n  relationMode = "prisma"\n}\n',
        7,
        [
            ("E", 'referentialIntegrity = "prisma"', "The `referentialIntegrity` and `relationMode` attributes"),
            ("W", 'referentialIntegrity = "prisma"', "The `referentialIntegrity` attribute is deprecated."),
        ],
    ),
    (
        "schemas",
        PG7[:-2] + '  schemas = ["b", "a", "b", 1]\n}\n',
        7,
        [("E", "1", "Expected a string value, but received numeric value `1`.")],
    ),
    (
        "schemas-duplicates",
        PG7[:-2] + '  schemas = ["b", "a", "b", "a"]\n}\n',
        7,
        [
            ("E", '"a"', "Duplicated schema names are not allowed"),
            ("E", '"b"', "Duplicated schema names are not allowed"),
        ],
    ),
    (
        "schemas-unsupported",
        'datasource db {\n  provider = "mysql"\n  schemas = ["a", "a"]\n}\nmodel A {\n  id Int @id\n  x Foo\n}\n',
        7,
        [
            ("E", '["a", "a"]', "The `schemas` property is not supported on the current connector."),
            ("E", "Foo", 'Type "Foo" is neither a built-in type'),
        ],
    ),
    (
        "extension-arguments",
        _gen('["postgresqlExtensions"]')
        + PG7[:-2]
        + '  extensions = [a(version: 2.1, version: "1", foo: "x", "y"), b]\n}\n',
        7,
        [
            ("E", "2.1", "Expected a string value, but received numeric value `2.1`."),
            ("E", "version: 2.1", "Error validating: The `version` argument must be a string literal"),
            ("E", 'version: "1"', "Error validating: The argument `version` can only be defined once"),
            ("E", 'foo: "x"', 'Argument not known: "foo".'),
            ("E", '"y"', "Error validating: The argument must have a name"),
        ],
    ),
    (
        "extension-list-not-names",
        PG7[:-2] + '  extensions = [a(version: 1), 1, "b"]\n}\n',
        7,
        [
            ("E", "1", "Expected a constant or function value, but received numeric value `1`."),
            ("E", '"b"', 'Expected a constant or function value, but received string value `"b"`.'),
        ],
    ),
    (
        "extensions-need-feature",
        PG7[:-2] + "  extensions = [postgis]\n}\n",
        7,
        [("E", "extensions = [postgis]", "The `extensions` property is only available with the `postgresqlExt")],
    ),
    (
        "extension-names",
        _gen('["postgresqlExtensions"]') + PG7[:-2] + "  extensions = [uuid-ossp]\n}\n",
        7,
        [("E", "uuid-ossp", "Error validating: The character `-` is not allowed in extension names.")],
    ),
    (
        "two-datasources",
        PG + PG.replace("postgresql", "mysql"),
        6,
        [
            ("E", "db", 'The source "db" cannot be defined because a source with that name already exists.'),
            ("E", PG[:-1], "Error validating datasource `db`: You defined more than one datasource."),
            ("E", PG.replace("postgresql", "mysql")[:-1], "Error validating datasource `db`: You defined more"),
        ],
    ),
    (
        "two-datasources-one-fails",
        PG + PG.replace("postgresql", "foo"),
        6,
        [
            ("E", "db", 'The source "db" cannot be defined because a source with that name already exists.'),
            ("E", '"foo"', 'Datasource provider not known: "foo".'),
        ],
    ),
    (
        "generator-provider",
        'generator g {\n  output = 1\n}\ngenerator h {\n  provider = 1\n  previewFeatures = ["nope"]\n}\n',
        6,
        [
            ("E", "generator g {\n  output = 1\n}", 'Argument "provider" is missing in generator block "g".'),
            ("E", "1", "Expected a String value, but received numeric value `1`."),
        ],
    ),
    (
        "preview-features-6",
        _gen('["fullTextSearch", "Metrics", "VIEWS", "nope", views]') + PG,
        6,
        [
            ("E", "views", "Expected a string value, but received literal value `views`."),
        ],
    ),
    (
        "preview-features-postgres-6",
        _gen('["fullTextSearch", "Metrics", "VIEWS", "nope", "multiSchema"]') + PG,
        6,
        [
            ("E", '["fullTextSearch", "Metrics", "VIEWS", "nope", "multiSchema"]', 'The preview feature "nope" is no'),
            ("W", '["fullTextSearch", "Metrics", "VIEWS", "nope", "multiSchema"]', 'On `provider = "postgresql"`, pre'),
            ("W", '["fullTextSearch", "Metrics", "VIEWS", "nope", "multiSchema"]', 'Preview feature "Metrics" is depr'),
            ("W", '["fullTextSearch", "Metrics", "VIEWS", "nope", "multiSchema"]', 'Preview feature "multiSchema" is'),
        ],
    ),
    (
        "preview-features-7",
        _gen('["metrics", "typedSql"]') + 'datasource db {\n  provider = "mysql"\n}\n',
        7,
        [
            (
                "E",
                '["metrics", "typedSql"]',
                'The preview feature "metrics" is not known. Expected one of: nativeDistinct, partialIndexes, '
                "postgresqlExtensions, relationJoins, schemaEngineDriverAdapters, shardKeys, strictUndefinedChecks, "
                "typedSql, views",
            )
        ],
    ),
    (
        "schema-engine-adapters-sqlite",
        _gen('["schemaEngineDriverAdapters"]') + 'datasource db {\n  provider = "sqlite"\n}\n',
        6,
        [],
    ),
    (
        "schema-missing",
        PG7[:-2] + '  schemas = ["a"]\n}\nmodel A {\n  id Int @id\n}\nmodel V {\n  id Int @id\n  @@schema("b")\n}\n'
        "enum E {\n  x\n}\n",
        7,
        [
            ("E", "model A {\n  id Int @id\n}", 'Error validating model "A": This model is missing an `@@schema`'),
            ("E", '"b"', "This schema is not defined in the datasource."),
            ("E", "enum E {\n  x\n}", "This enum is missing an `@@schema` attribute."),
        ],
    ),
    (
        "schema-unsupported",
        'datasource db {\n  provider = "sqlite"\n}\nmodel A {\n  id Int @id\n  @@schema("a")\n}\n',
        7,
        [("E", '"a"', "@@schema is not supported on the current datasource provider")],
    ),
    (
        "enums-on-sqlserver",
        'datasource db {\n  provider = "sqlserver"\n}\nenum E {\n  a\n}\n',
        7,
        [("E", "enum E {\n  a\n}", "Error validating: You defined the enum `E`. But the current connector does not")],
    ),
    ("enums-without-datasource", "enum E {\n  a\n}\n", 7, []),
    (
        "table-names-per-schema",
        PG7[:-2] + '  schemas = ["a", "b"]\n}\nmodel A {\n  id Int @id(map: "a")\n  @@map("t")\n  @@schema("a")\n}\n'
        'model B {\n  id Int @id(map: "b")\n  @@map("t")\n  @@schema("b")\n}\n',
        7,
        [],
    ),
]


@pytest.mark.parametrize(("text", "engine", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_configuration(text: str, engine: int, expected: list[tuple[str, str, str]]) -> None:
    _expect(text, engine, expected)
