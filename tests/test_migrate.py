"""prisma_tools.migrate: golden SQL from Prisma's engine for small schemas, units.

Each ``tests/fixtures/migrate/cases/NAME/`` holds ``to.prisma``, optionally
``from.prisma`` (else the diff starts from an empty database) and
``expected.sql``, the script ``prisma-oracle sql`` printed for them
(``scripts/regen_migrate_goldens.py --own`` rewrites it). Where Prisma's text
is wrong on purpose-built input (an enum value with a quote, which it does
not escape), ``ours.sql`` holds the correct script and the test checks both
(docs/migrate.md, "Escaping").
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES

from prisma_tools import load, parse
from prisma_tools.migrate import UnsupportedSchema, build, diff_sql, diff_summary
from prisma_tools.migrate.model import Column
from prisma_tools.migrate.names import foreign_key_name, index_name, primary_key_name
from prisma_tools.migrate.types import _format_datetime
from prisma_tools.nodes import Schema

CASES = sorted(p for p in (FIXTURES / "migrate" / "cases").iterdir() if p.is_dir())

DS = 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n\n'


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_golden(case: Path) -> None:
    from_path = case / "from.prisma"
    old = load(from_path) if from_path.exists() else None
    expected = (case / "expected.sql").read_text(encoding="utf-8")
    ours = case / "ours.sql"
    if ours.exists():
        # Only a doubled quote may separate the correct script from Prisma's.
        correct = ours.read_text(encoding="utf-8")
        assert correct != expected
        assert correct.replace("''", "'") == expected.replace("''", "'")
        expected = correct
    assert diff_sql(old, load(case / "to.prisma")) == expected


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_golden_summary(case: Path) -> None:
    """``migrate diff`` without ``--script``: the engine's summary (``expected.summary``)."""
    from_path = case / "from.prisma"
    old = load(from_path) if from_path.exists() else None
    expected = (case / "expected.summary").read_text(encoding="utf-8")
    assert diff_summary(old, load(case / "to.prisma")) == expected


def schema(body: str, datasource: str = DS) -> Schema:
    return parse(datasource + body)


BASE = """
enum Role {
  USER
  ADMIN
}

model User {
  id    Int     @id @default(autoincrement())
  email String  @unique
  name  String?
  role  Role    @default(USER)
  posts Post[]
}

model Post {
  id       Int  @id
  authorId Int
  author   User @relation(fields: [authorId], references: [id])

  @@index([authorId])
}
"""


def test_nothing_is_refused_any_more() -> None:
    """Drops, renames and changes are written, not refused (the goldens pin their text)."""
    other = diff_sql(schema(BASE), schema("model Other {\n  id Int @id\n}\n"))
    assert other.index('DROP TABLE "User"') < other.index('DROP TYPE "Role"') < other.index('CREATE TABLE "Other"')


def test_additive_changes_pass() -> None:
    new = BASE.replace("  ADMIN\n", "  ADMIN\n  GUEST\n").replace("  name  String?\n", "  name  String?\n  age Int?\n")
    sql = diff_sql(schema(BASE), schema(new))
    assert sql == (
        "-- AlterEnum\n"
        "ALTER TYPE \"Role\" ADD VALUE 'GUEST';\n\n"
        "-- AlterTable\n"
        'ALTER TABLE "User" ADD COLUMN     "age" INTEGER;\n'
    )


def test_unchanged_is_an_empty_migration() -> None:
    assert diff_sql(schema(BASE), schema(BASE)) == "-- This is an empty migration.\n"


@pytest.mark.parametrize("provider", ["mysql", "sqlserver", "mongodb"])
def test_other_providers_are_not_supported_yet(provider: str) -> None:
    ds = DS.replace("postgresql", provider)
    with pytest.raises(UnsupportedSchema, match=f'provider "{provider}" is not supported yet'):
        diff_sql(None, schema("model A {\n  id Int @id\n}\n", ds))


def test_a_schema_without_datasource_is_refused() -> None:
    with pytest.raises(UnsupportedSchema, match="no datasource block"):
        diff_sql(None, parse("model A {\n  id Int @id\n}\n"))


def test_unknown_type_is_refused() -> None:
    with pytest.raises(UnsupportedSchema, match="unknown type Nope"):
        build(schema("model A {\n  id Int @id\n  x Nope\n}\n"))


def test_mongodb_style_default_is_refused() -> None:
    with pytest.raises(UnsupportedSchema, match=r"@default\(auto\(\)\)"):
        build(schema("model A {\n  id String @id @default(auto())\n}\n"))


def test_model_of_the_database() -> None:
    db = build(schema(BASE))
    user, post = db.tables
    assert (user.name, [c.sql_type for c in user.columns]) == ("User", ["SERIAL", "TEXT", "TEXT", '"Role"'])
    assert user.primary_key is not None
    assert user.primary_key.name == "User_pkey"
    assert [i.name for i in user.indexes] == ["User_email_key"]
    assert post.foreign_keys[0].on_delete == "RESTRICT"
    assert db.enums[0].values == ("USER", "ADMIN")
    assert db.namespaces == ()


def test_column_sql_type() -> None:
    assert Column("a", "BIGINT", nullable=False, autoincrement=True).sql_type == "BIGSERIAL"
    assert Column("a", "TEXT", nullable=True, array=True).sql_type == "TEXT[]"


def test_names_are_cut_to_63_bytes_keeping_the_suffix() -> None:
    long = "x" * 70
    assert primary_key_name(long) == "x" * 58 + "_pkey"
    assert index_name("T", [long]) == "T_" + "x" * 57 + "_idx"
    assert foreign_key_name("T", ["a", "b"]) == "T_a_b_fkey"
    # never in the middle of a UTF-8 character
    assert len(index_name("é" * 40, ["a"]).encode()) <= 63


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020-01-01T00:00:00Z", "2020-01-01 00:00:00 +00:00"),
        ("2020-01-01T00:00:00.5Z", "2020-01-01 00:00:00.500 +00:00"),
        ("2020-01-01T00:00:00.1234+01:00", "2020-01-01 00:00:00.123400 +01:00"),
        ("2020-01-01T00:00:00.0000001-05:30", "2020-01-01 00:00:00.000000100 -05:30"),
    ],
)
def test_datetime_defaults_are_written_as_chrono_prints_them(text: str, expected: str) -> None:
    assert _format_datetime(text, "here") == expected


def test_database_url_comes_from_the_option_the_datasource_or_database_url(monkeypatch: pytest.MonkeyPatch) -> None:
    from prisma_tools.migrate.datasource import resolve_url
    from prisma_tools.migrate.errors import MigrateError

    own_env = schema("", DS.replace('env("DATABASE_URL")', 'env("APP_DB")'))
    literal = schema("", DS.replace('env("DATABASE_URL")', '"postgresql://literal"'))
    monkeypatch.delenv("APP_DB", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    with pytest.raises(MigrateError, match=r"env\('APP_DB'\), which is not set"):
        resolve_url(None, own_env)
    monkeypatch.setenv("DATABASE_URL", "postgresql://fallback")
    assert resolve_url(None, own_env) == "postgresql://fallback"
    monkeypatch.setenv("APP_DB", "postgresql://app")
    assert resolve_url(None, own_env) == "postgresql://app"
    assert resolve_url("postgresql://option", own_env) == "postgresql://option"
    assert resolve_url(None, literal) == "postgresql://literal"
    assert resolve_url(None, None) == "postgresql://fallback"


def test_prisma_url_parameters_are_not_given_to_libpq() -> None:
    from prisma_tools.migrate.db import parse_url

    target = parse_url("postgresql://u:secret@127.0.0.1:5433/app?schema=tenant&connection_limit=5&sslmode=disable")
    assert target.schema == "tenant"
    assert target.conninfo == "postgresql://u:secret@127.0.0.1:5433/app?sslmode=disable&connect_timeout=10"
    assert target.label == "127.0.0.1:5433/app"
    assert parse_url("postgres://h/db?connect_timeout=3").conninfo == "postgres://h/db?connect_timeout=3"


# ------------------------------------------------------------------ injection: names and values are escaped

EVIL_VALUE = "x'); DROP TABLE public.\"Evil\"; SELECT ('y"
EVIL_SCHEMA = (
    DS
    + "model Evil {\n  id Int @id\n}\n\n"
    + 'enum Role {\n  USER\n  ODD @map("x\'); DROP TABLE public.\\"Evil\\"; SELECT (\'y")\n}\n'
)


def test_enum_values_are_string_literals_in_create_type_and_add_value() -> None:
    sql = diff_sql(None, schema(EVIL_SCHEMA[len(DS) :]))
    assert "CREATE TYPE \"Role\" AS ENUM ('USER', 'x''); DROP TABLE public.\"Evil\"; SELECT (''y');" in sql
    before = schema(EVIL_SCHEMA[len(DS) :].replace("  ODD", "  // ODD"))
    sql = diff_sql(before, schema(EVIL_SCHEMA[len(DS) :]))
    assert sql == "-- AlterEnum\nALTER TYPE \"Role\" ADD VALUE 'x''); DROP TABLE public.\"Evil\"; SELECT (''y';\n"


def test_names_in_the_warnings_comment_cannot_close_it() -> None:
    from prisma_tools.migrate.sql import render_warnings

    text = render_warnings(["on the table `a*/ DROP TABLE x; /*b` will be added", "/**/"])
    body = text[len("/*") : -len("*/\n")]
    assert "*/" not in body
    assert "/*" not in body
    assert "a* / DROP TABLE x; / *b" in text


def test_every_name_is_a_quoted_identifier() -> None:
    odd = 'we"ird'
    body = (
        f'model A {{\n  id Int @id @map("{odd}")\n  b  String @unique(map: "{odd}u")\n'
        f'  @@index([b], map: "{odd}i")\n  @@map("{odd}t")\n}}\n'
    )
    sql = diff_sql(None, schema(body.replace('"we"ird', '"we\\"ird').replace('"we"ird', '"we\\"ird')))
    for name in ('"we""ird"', '"we""irdt"', '"we""irdu"', '"we""irdi"'):
        assert name in sql
    assert "DEFAULT" not in sql


# ------------------------------------------------------------------ database URLs: no secret in any message


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("postgresql://u:SEC%zzRET2@h/db", "bad percent-encoding in the password"),
        ("postgresql://u:SEC%00RET2@h/db", "bad percent-encoding in the password"),
        ("postgresql://u:SEC/RET2@h:5432/db", "must be percent-encoded: %2F, %3F, %23"),
        ("postgresql://u:SEC?RET2@h/db", "must be percent-encoded: %2F, %3F, %23"),
        ("postgresql://u:SEC/9?x=RET2@h/db", "must be percent-encoded: %2F, %3F, %23"),
        ("postgresql://u:SEC#RET2@h/db", "'#' must be percent-encoded as %23"),
        ("postgresql://u:SECRET2@h:54x2/db", "the port '54x2' is not a number from 1 to 65535"),
        ("postgresql://u:SECRET2@h:0/db", "the port '0' is not a number"),
        ("postgresql://u:SECRET2@[::1/db", "no closing ']'"),
        ("postgresql:u:SECRET2@h/db", "expected postgresql://"),
        ("postgresql://u:SECRET2@h/db?password=SECRET2&sslmode", "query parameter 'sslmode' has no '='"),
    ],
)
def test_bad_urls_are_explained_without_the_password(url: str, why: str) -> None:
    from prisma_tools.migrate.db import parse_url
    from prisma_tools.migrate.errors import MigrateError

    with pytest.raises(MigrateError) as info:
        parse_url(url)
    message = str(info.value)
    assert why in message
    assert "SEC" not in message
    assert "RET2" not in message
    assert message.startswith("invalid database URL postgresql:")
    assert "****" in message


def test_url_parameters_reach_libpq_as_written() -> None:
    from prisma_tools.migrate.db import parse_url

    target = parse_url("postgresql://u:p%40ss@h/db?options=-c%20statement_timeout%3D5000&schema=my%20app")
    assert target.conninfo == "postgresql://u:p%40ss@h/db?options=-c%20statement_timeout%3D5000&connect_timeout=10"
    assert target.schema == "my app"
    assert target.password == "p@ss"
    # a '@' or ':' written raw in the password: the last '@' ends it (as Prisma reads it), re-encoded for libpq
    assert parse_url("postgresql://u:p@s:s@h/db").conninfo == "postgresql://u:p%40s%3As@h/db?connect_timeout=10"
    assert parse_url("postgresql://h:5432/db?application_name=me@x").label == "h:5432/db"
    multi = parse_url("postgresql://u@[::1]:5432,h2:5433/db?target_session_attrs=any")
    assert multi.conninfo == "postgresql://u@[::1]:5432,h2:5433/db?target_session_attrs=any&connect_timeout=10"
    assert "secret" not in repr(parse_url("postgresql://u:secret@h/db"))


def test_mask_url() -> None:
    from prisma_tools.migrate.db import mask_url

    assert mask_url("postgresql://u:pw@h:1/d?sslpassword=x&a=b") == "postgresql://u:****@h:1/d?sslpassword=****&a=b"
    assert mask_url("postgresql://u:p@s/s@h/d") == "postgresql://u:****@h/d"
    assert mask_url("postgresql://u@h/d") == "postgresql://u@h/d"


def test_schema_enum_and_constraint_names_and_defaults_are_escaped() -> None:
    ds = 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n  schemas  = ["s\\"x"]\n}\n\n'
    body = (
        'enum E {\n  A @map("a\'b")\n  @@map("e\\"n")\n  @@schema("s\\"x")\n}\n\n'
        'model P {\n  id Int @id(map: "p\\"k")\n  kids K[]\n  @@schema("s\\"x")\n}\n\n'
        'model K {\n  id Int @id\n  e  E @default(A)\n  t  String @default("it\'s")\n'
        '  pId Int\n  p  P @relation(fields: [pId], references: [id], map: "f\\"k")\n  @@schema("s\\"x")\n}\n'
    )
    sql = diff_sql(None, schema(body, ds))
    assert 'CREATE SCHEMA IF NOT EXISTS "s""x";' in sql
    assert 'CREATE TYPE "s""x"."e""n" AS ENUM (\'a\'\'b\');' in sql
    assert "DEFAULT 'a''b'" in sql
    assert "DEFAULT 'it''s'" in sql
    assert 'CONSTRAINT "p""k" PRIMARY KEY' in sql
    assert 'ADD CONSTRAINT "f""k" FOREIGN KEY' in sql


def test_warnings_of_a_destructive_migration() -> None:
    """The Warnings: lines migrate create writes, in the engine's order: warnings, then unexecutable steps."""
    from prisma_tools.migrate import diff_steps
    from prisma_tools.migrate.destructive import migration_warnings

    new = (
        BASE.replace("  ADMIN\n", "")
        .replace("@default(USER)", "@default(USER)\n  age   BigInt")
        .replace("  name  String?\n", "  name  String\n  nick  String @db.VarChar(10)\n")
        .replace("  posts Post[]\n", "")
        .split("model Post {")[0]
    )
    old = BASE.replace("  name  String?\n", "  name  String?\n  nick  String\n  age   String?\n")
    warnings = migration_warnings(diff_steps(schema(old), schema(new)))
    assert warnings == [
        "The values [ADMIN] on the enum `Role` will be removed. If these variants are still used in the database,"
        " this will fail.",
        "You are about to alter the column `nick` on the `User` table. The data in that column could be lost."
        " The data in that column will be cast from `Text` to `VarChar(10)`.",
        "You are about to drop the `Post` table. If the table is not empty, all the data it contains will be lost.",
        "Made the column `name` on table `User` required. This step will fail if there are existing NULL values"
        " in that column.",
        "Added the required column `age` to the `User` table without a default value. This is not possible if"
        " the table is not empty.",
    ]
