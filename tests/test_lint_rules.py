"""Each lint rule against prisma-lint's documented examples and test cases (ported), and our own.

A case is (options, schema, number of findings expected). Options use the TOML
form: a JavaScript ``RegExp`` of prisma-lint's tests is written ``"/.../"``.
"""

from __future__ import annotations

from typing import Any

import pytest

import prisma_tools
from prisma_tools.diagnostics import Diagnostic
from prisma_tools.lint import RULES, LintSettings, configure, lint_schema

NO: dict[str, Any] = {}


def run(rule: str, options: dict[str, Any] | None, schema: str) -> list[Diagnostic]:
    settings = LintSettings(select=[rule], options={rule: options} if options is not None else {})
    db = prisma_tools.analyze(prisma_tools.parse(schema, "schema.prisma"))
    return lint_schema(db, configure(settings))


CASES: dict[str, list[tuple[dict[str, Any] | None, str, int]]] = {
    "ban-unbounded-string-type": [
        (None, "model User {\n  id String @db.VarChar(36)\n}", 0),
        (None, "model User {\n  id String\n}", 1),
        (None, "model User {\n  id String @db.Text\n}", 1),
        ({"allowNativeTextType": True}, "model User {\n  id String @db.Text\n}", 0),
        (None, "model User {\n  id String? @db.LongText\n  n Int\n  tags String[]\n}", 1),  # only @db.Text is banned
        (None, "model User {\n  /// prisma-lint-ignore-model ban-unbounded-string-type\n  id String\n}", 0),
        (None, "model User {\n  /// prisma-lint-ignore-model\n  id String\n}", 0),
        (None, "model User {\n  /// prisma-lint-ignore-field ban-unbounded-string-type\n  id String\n}", 0),
        (None, "model User {\n  /// prisma-lint-ignore-field other-rule\n  id String\n}", 1),
    ],
    "enum-name-pascal-case": [
        (None, "enum Example {\n  value1\n}", 0),
        (None, "enum ExampleOptions {\n  value1\n}", 0),
        (None, "enum exampleOptions {\n  value1\n}", 1),
        (None, "enum example_options {\n  value1\n}", 1),
        (None, "enum Exampl3O0ptions {\n  value1\n}", 0),
        (None, "enum exampleOptions {\n  /// prisma-lint-ignore-enum enum-name-pascal-case\n  value1\n}", 0),
        (None, "enum exampleOptions {\n  /// prisma-lint-ignore-enum\n  value1\n}", 0),
        ({"allowList": ["exampleOptions"]}, "enum exampleOptions {\n  value1\n}", 0),
        ({"allowList": ["exampleOptions"]}, "enum exampleOptionsWithSuffix {\n  value1\n}", 1),
        ({"allowList": ["/^db.*/"]}, "enum db_exampleOptions {\n  value1\n}", 0),
        ({"trimPrefix": "db"}, "enum dbExampleOptions {\n  value1\n}", 0),
        ({"trimPrefix": "db"}, "enum dbexample_options {\n  value1\n}", 1),
    ],
    "enum-value-case": [
        ({"style": "snake"}, "enum Example {\n  value\n}", 0),
        ({"style": "snake"}, "enum Example {\n  value1\n}", 1),
        ({"style": "snake"}, "enum Example {\n  value_1\n}", 0),
        ({"style": "snake"}, "enum Example {\n  ExampleValue\n}", 1),
        ({"style": "snake"}, "enum Example {\n  Value\n}", 1),
        ({"style": "snake"}, "enum Example {\n  VALUE\n}", 1),
        ({"style": "snake"}, "enum Example {\n  camelCase\n}", 1),
        ({"style": "snake"}, "enum Example {\n  example_option\n}", 0),
        ({"style": "snake"}, "enum Example {\n  /// prisma-lint-ignore-enum enum-value-case\n  PascalCase\n}", 0),
        ({"style": "snake"}, "enum Example {\n  /// prisma-lint-ignore-enum\n  PascalCase\n}", 0),
        (
            {"style": "snake"},
            "enum Example {\n  /// prisma-lint-ignore-enum enum-value-case InvalidTwo,InvalidThree\n"
            "  valid_one\n  InvalidTwo\n  InvalidThree\n  InvalidFour\n  InvalidFive\n}",
            2,
        ),
        ({"style": "snake", "case": "upper"}, "enum Example {\n  value_one\n}", 1),
        ({"style": "snake", "case": "upper"}, "enum Example {\n  VALUE_ONE\n}", 0),
        ({"style": "snake", "case": "upper"}, "enum Example {\n  VALUE_1\n}", 0),
        ({"style": "snake", "compoundWords": ["API"]}, "enum Example {\n  an_api_key\n}", 0),
        ({"style": "snake", "compoundWords": ["API"]}, "enum Example {\n  ForAPIKey\n}", 1),
        ({"style": "snake", "allowList": ["exampleOptions"]}, "enum Example {\n  exampleOptions\n}", 0),
        ({"style": "snake", "allowList": ["exampleOptions"]}, "enum Example {\n  exampleOptionsWithSuffix\n}", 1),
        ({"style": "snake", "allowList": ["/^DB.*/"]}, "enum Example {\n  DBexample_options\n}", 0),
        ({"style": "snake", "trimPrefix": "DB"}, "enum Example {\n  DBexample_options\n}", 0),
        ({"style": "snake", "trimPrefix": "DB"}, "enum Example {\n  dbExampleOptions\n}", 1),
        ({"style": "snake", "trimPrefix": "/^DB/"}, "enum Example {\n  DBexampleOptions\n}", 1),
        ({"style": "snake", "trimPrefix": ["DB", "/^EG/"]}, "enum Example {\n  EGexample_options\n}", 0),
        ({"style": "snake", "trimPrefix": ["DB", "/^EG/"]}, "enum Example {\n  EGexampleOptions\n}", 1),
        ({"style": "camel"}, "enum Example {\n  value1\n}", 0),
        ({"style": "camel"}, "enum Example {\n  value_1\n}", 1),
        ({"style": "camel"}, "enum Example {\n  ExampleValue\n}", 1),
        ({"style": "camel"}, "enum Example {\n  example_value\n}", 1),
        ({"style": "camel"}, "enum Example {\n  exampleOption\n}", 0),
        ({"style": "camel", "compoundWords": ["API"]}, "enum Example {\n  anAPIKey\n}", 0),
        ({"style": "camel", "compoundWords": ["API"]}, "enum Example {\n  ForAPIKey\n}", 1),
        ({"style": "camel", "trimPrefix": "DB"}, "enum Example {\n  DBexampleOptions\n}", 0),
        ({"style": "camel", "trimPrefix": "/^DB/"}, "enum Example {\n  DBexample_options\n}", 1),
        (
            {"style": "camel"},
            "enum Example {\n  /// prisma-lint-ignore-enum enum-value-case invalid_two,invalid_three\n"
            "  validOne\n  invalid_two\n  invalid_three\n  invalid_four\n  invalid_five\n}",
            2,
        ),
        ({"style": "pascal"}, "enum Example {\n  Value1\n}", 0),
        ({"style": "pascal"}, "enum Example {\n  value_1\n}", 1),
        ({"style": "pascal"}, "enum Example {\n  exampleValue\n}", 1),
        ({"style": "pascal"}, "enum Example {\n  EXAMPLE_VALUE\n}", 1),
        ({"style": "pascal", "compoundWords": ["API"]}, "enum Example {\n  AnAPIKey\n  APIKey\n  AnAPI\n}", 0),
        ({"style": "pascal", "compoundWords": ["API"]}, "enum Example {\n  forAPIKey\n}", 1),
        ({"style": "pascal", "trimPrefix": ["DB", "/^EG/"]}, "enum Example {\n  EGExampleOptions\n}", 0),
        ({"style": "pascal", "trimPrefix": ["DB", "/^EG/"]}, "enum Example {\n  DBexample_options\n}", 1),
    ],
    "enum-value-snake-case": [
        (None, "enum Example {\n  value\n  value_1\n}", 0),
        (None, "enum Example {\n  Value\n}", 1),
        (None, "enum Example {\n  VALUE\n}", 1),
        (None, "enum Example {\n  camelCase\n}", 1),
        ({"case": "upper"}, "enum Example {\n  VALUE\n  VALUE_1\n}", 0),
        ({"case": "upper"}, "enum Example {\n  Value\n  value\n  camelCase\n}", 3),
        (
            None,
            "enum Example {\n  /// prisma-lint-ignore-enum enum-value-snake-case NotSnakeCase\n  NotSnakeCase\n}",
            0,
        ),
    ],
    "field-name-camel-case": [
        (None, "model User {\n  rowId String @id\n}", 0),
        (None, "model User {\n  RowId String @id\n}", 1),
        (None, "model User {\n  row_id String @id\n}", 1),
        (None, "model User {\n  /// prisma-lint-ignore-field field-name-camel-case\n  user_name String\n}", 0),
        (None, "model User {\n  /// prisma-lint-ignore-field\n  user_name String\n}", 0),
        (
            None,
            "model User {\n  /// prisma-lint-ignore-field other-rule, field-name-camel-case\n  user_name String\n}",
            0,
        ),
        (None, "model User {\n  /// prisma-lint-ignore-line field-name-camel-case\n  user_name String\n}", 0),
        (
            None,
            "model User {\n  /// prisma-lint-ignore-field field-name-camel-case\n  // plain\n  user_name String\n}",
            1,
        ),
        ({"allowList": ["Row_Id"]}, "model User {\n  Row_Id String @id\n}", 0),
        ({"allowList": ["/^x_/"]}, "model User {\n  x_id String @id\n}", 0),
        ({"trimPrefix": "x_"}, "model User {\n  x_id String @id\n}", 0),
        ({"trimPrefix": "x_"}, "model User {\n  x_Id String @id\n}", 1),
    ],
    "field-name-grammatical-number": [
        ({"ifList": "singular"}, "model User {\n  email String[]\n}", 0),
        ({"ifList": "singular"}, "model User {\n  emails String\n}", 0),
        ({"ifList": "singular"}, "model User {\n  emails String[]\n}", 1),
        ({"ifList": "plural"}, "model User {\n  email String[]\n}", 1),
        ({"ifList": "plural"}, "model User {\n  emails String[]\n}", 0),
        ({"ifList": "plural"}, "model User {\n  email String\n}", 0),
        ({"ifList": "singular"}, "model User {\n  data String[]\n}", 1),  # "data" is plural
        ({"ifList": "singular", "ifListAllow": ["data"]}, "model User {\n  data String[]\n}", 0),
        ({"ifList": "singular", "ifListAllow": ["data"]}, "model User {\n  data String[]\n  emails String[]\n}", 1),
        ({"ifList": "singular", "ifListAllow": ["/data/"]}, "model User {\n  data String[]\n}", 0),
        ({"ifList": "singular", "ifListAllow": ["/data/"]}, "model User {\n  emails String[]\n}", 1),
        (
            {"ifList": "singular"},
            "model User {\n  /// prisma-lint-ignore-model field-name-grammatical-number\n  emails String[]\n}",
            0,
        ),
        (
            {"ifList": "singular"},
            "model User {\n  /// prisma-lint-ignore-field field-name-grammatical-number\n  emails String[]\n}",
            0,
        ),
        (
            {"ifList": "plural"},
            "model User {\n  id Int @id\n  post Post[]\n}\nmodel Post {\n  id Int @id\n"
            "  u User @relation(fields: [uid], references: [id])\n  uid Int\n}",
            1,
        ),
    ],
    "field-name-mapping-snake-case": [
        (None, 'model UserRole {\n  userId String @map(name: "user_id")\n}', 0),
        (None, "model UserRole {\n  id String\n  grantedByUser User\n}\nmodel User {\n  id String @id\n}", 0),
        (None, "model UserRole {\n  userId String\n}", 1),
        (None, 'model UserRole {\n  userId String @map(name: "user_i_d")\n}', 1),
        ({"compoundWords": ["GraphQL"]}, 'model PersistedQuery {\n  graphQLId String @map(name: "graphql_id")\n}', 1),
        ({"compoundWords": ["graphQL"]}, 'model PersistedQuery {\n  graphQLId String @map(name: "graphql_id")\n}', 0),
        ({"compoundWords": ["graphQL"]}, 'model User {\n  graphQLId String @map("graphql_id")\n}', 0),
        ({"compoundWords": ["graphQL"]}, 'model User {\n  graphQLId String @map(name: "graph_q_l_id")\n}', 1),
        ({"compoundWords": ["graphQL"]}, "model User {\n  graphQLId String\n}", 1),
        (None, 'model User {\n  email String @map(name: "email_address")\n}', 1),
        (None, "model User {\n  email String\n  associatedModel AssociatedModel?\n}", 0),
        (None, 'model User {\n  emailAddress String @map(name: "emailaddress")\n}', 1),
        (
            {"requireUnderscorePrefixForIds": True},
            'model User {\n  id String @id @map(name: "_id")\n  otherField String @map(name: "other_field")\n}',
            0,
        ),
        ({"requireUnderscorePrefixForIds": True}, "model User {\n  idFoo String @id\n}", 1),
        ({"requireUnderscorePrefixForIds": True}, 'model user {\n  id String @id @map(name: "id")\n}', 1),
        ({"requireUnderscorePrefixForIds": True}, 'model user {\n  idTwo String @id @map(name: "_id_one")\n}', 1),
        (None, 'enum RoleType {\n  ADMIN\n}\nmodel UserRole {\n  roleType RoleType @map(name: "role_type")\n}', 0),
        (None, "enum RoleType {\n  ADMIN\n}\nmodel UserRole {\n  role RoleType\n}", 0),
        (None, "enum RoleType {\n  ADMIN\n}\nmodel UserRole {\n  roleType RoleType\n}", 1),
        (
            None,
            'type UserInfo {\n  institution String\n}\nmodel User {\n  userInfo UserInfo @map(name: "user_info")\n}',
            0,
        ),
        (None, "type UserInfo {\n  institution String\n}\nmodel User {\n  userInfo UserInfo\n}", 1),
        (
            None,
            "model Post {\n  /// prisma-lint-ignore-model field-name-mapping-snake-case tenantId\n"
            '  tenantId String\n  userId String @map(name: "user_id")\n}',
            0,
        ),
        (
            None,
            "model Post {\n  /// prisma-lint-ignore-model field-name-mapping-snake-case tenantId\n"
            "  tenantId String\n  userId String\n}",
            1,
        ),
        (
            None,
            "model User {\n  /// prisma-lint-ignore-field field-name-mapping-snake-case\n  emailAddress String\n}",
            0,
        ),
    ],
    "field-order": [
        (
            {"order": ["tenantId", "id", "createdAt", "updatedAt", "..."]},
            "model User {\n  tenantId String\n  id String @id\n  email String\n}",
            0,
        ),
        (
            {"order": ["tenantId", "id", "createdAt", "updatedAt", "..."]},
            "model User {\n  tenantId String\n  id String @id\n  createdAt DateTime\n  email String\n}",
            0,
        ),
        (
            {"order": ["tenantId", "id", "createdAt", "updatedAt", "..."]},
            "model User {\n  id String @id\n  email String\n  tenantId String\n}",
            1,
        ),
        (
            {"order": ["tenantId", "id", "...", "createdAt", "updatedAt"]},
            "model User {\n  tenantId String\n  id String\n  email String\n  createdAt DateTime\n"
            "  updatedAt DateTime\n}",
            0,
        ),
        (
            {"order": ["tenantId", "id", "...", "createdAt", "updatedAt"]},
            "model User {\n  tenantId String\n  id String\n  email String\n  createdAt DateTime\n}",
            0,
        ),
        (
            {"order": ["tenantId", "id", "...", "createdAt", "updatedAt"]},
            "model User {\n  id String @id\n  createdAt DateTime\n  email String\n}",
            1,
        ),
        (
            {"order": ["tenantQid", "randomMissingField", "..."]},
            "model User {\n  tenantQid String\n  qid String\n  email String\n}",
            0,
        ),
        ({"order": ["tenantQid", "randomMissingField", "..."]}, "model User {\n  qid String\n  email String\n}", 0),
        (
            {"order": ["tenantQid", "randomMissingField", "..."]},
            "model Users {\n  qid String\n  tenantQid String\n  email String\n}",
            1,
        ),
        (
            {"order": ["randomMissingField", "...", "tenantQid"]},
            "model User {\n  qid String\n  email String\n  tenantQid String\n}",
            0,
        ),
        (
            {"order": ["randomMissingField", "...", "tenantQid"]},
            "model Users {\n  qid String\n  tenantQid String\n  email String\n}",
            1,
        ),
        (
            {"order": ["id", "name"]},
            "model Users {\n  id String\n  name String\n  other String\n}",
            1,
        ),  # no `...`: no extras
    ],
    "forbid-field": [
        ({"forbid": ["id"]}, "model Product {\n  uuid String\n}", 0),
        ({"forbid": ["id"]}, "model Product {\n  id String\n}", 1),
        ({"forbid": ["id"]}, "model Product {\n  userId String\n}", 0),  # a plain name matches whole
        (
            {"forbid": ["/^(?!.*[aA]mountD6$).*D6$/"]},
            "model Product {\n  priceAmountD6 Int\n  amountD6 Int\n  otherAmountD6 Int\n}",
            0,
        ),
        ({"forbid": ["/^(?!.*[aA]mountD6$).*D6$/"]}, "model Product {\n  id Int\n  priceD6 Int\n}", 1),
        ({"forbid": ["id"]}, "model User {\n  /// prisma-lint-ignore-model forbid-field id\n  id String\n}", 0),
        ({"forbid": ["id"]}, "model User {\n  /// prisma-lint-ignore-model forbid-field\n  id String\n}", 0),
        ({"forbid": ["id"]}, "model User {\n  /// prisma-lint-ignore-field forbid-field\n  id String\n}", 0),
    ],
    "forbid-required-ignored-field": [
        (
            None,
            "model User {\n  id Int @id\n  posts Post[] @ignore\n}\nmodel Post {\n  id Int @id\n"
            "  author User @relation(fields: [authorId], references: [id])\n  authorId Int\n  @@ignore\n}",
            0,
        ),
        (None, "model User {\n  id String\n  toBeRemoved String? @ignore\n}", 0),
        (None, "model Users {\n  id String\n  deleted String @ignore @default(false)\n}", 0),
        (None, "model Users {\n  id String\n  toBeRemoved String @ignore\n}", 1),
        (None, 'model Users {\n  id String\n  geom Unsupported("geometry") @ignore\n}', 1),
    ],
    "model-name-grammatical-number": [
        ({"style": "singular"}, "model User {\n  id String @id\n}", 0),
        ({"style": "singular"}, "model Users {\n  id String @id\n}", 1),
        ({"style": "plural"}, "model Users {\n  id String @id\n}", 0),
        ({"style": "plural"}, "model User {\n  id String @id\n}", 1),
        ({"style": "singular"}, "model UserData {\n  id String @id\n}", 1),
        (
            {"style": "singular", "allowlist": ["UserData"]},
            "model UserData {\n  id String @id\n}\nmodel User {\n  id String @id\n}",
            0,
        ),
        (
            {"style": "singular", "allowlist": ["UserData"]},
            "model TenantData {\n  id String @id\n}\nmodel Users {\n  id String @id\n}",
            2,
        ),
        (
            {"style": "singular", "allowlist": ["/Data$/"]},
            "model UserData {\n  id String @id\n}\nmodel TenantData {\n  id String @id\n}",
            0,
        ),
        ({"style": "singular", "allowlist": ["/Data$/"]}, "model DataRecords {\n  id String @id\n}", 1),
        (
            {"style": "singular"},
            "model Users {\n  /// prisma-lint-ignore-model model-name-grammatical-number\n  id String @id\n}",
            0,
        ),
        ({"style": "singular"}, "model Users {\n  /// prisma-lint-ignore-model\n  id String @id\n}", 0),
    ],
    "model-name-mapping-snake-case": [
        (None, 'model UserRole {\n  id String @id\n  @@map(name: "user_role")\n}', 0),
        (None, 'model User {\n  id String @id\n  @@map(name: "user")\n}', 0),
        (None, "model User {\n  id String @id\n}", 1),
        (None, 'model UserRole {\n  id String @id\n  @@map("user_role")\n}', 0),
        (None, 'model UserRole {\n  id String @id\n  @@map(name: "user_roles")\n}', 1),
        (None, 'model UserRole {\n  id String @id\n  @@map(other: "user_role")\n}', 1),
        ({"trimPrefix": "Db"}, 'model DbUserRole {\n  id String @id\n  @@map(name: "user_role")\n}', 0),
        ({"trimPrefix": "Db"}, 'model DbUserRole {\n  id String @id\n  @@map(name: "db_user_role")\n}', 1),
        (
            {"compoundWords": ["GraphQL"]},
            'model GraphQLPersistedQuery {\n  id String @id\n  @@map(name: "graphql_persisted_query")\n}',
            0,
        ),
        (
            {"compoundWords": ["GraphQL"]},
            'model GraphQLPersistedQuery {\n  id String @id\n  @@map(name: "graph_q_l_persisted_query")\n}',
            1,
        ),
        (
            {"compoundWords": ["Q6", "QU", "QX", "BR", "LT", "QP", "L5", "TK", "QT"]},
            'model GameBRTicketLostSequence {\n  id String @id\n  @@map(name: "game_br_ticket_lost_sequence")\n}',
            0,
        ),
        ({"pluralize": True}, 'model UserRole {\n  id String @id\n  @@map(name: "user_roles")\n}', 0),
        ({"pluralize": True}, 'model UserRole {\n  id String @id\n  @@map(name: "user_role")\n}', 1),
        (
            {"pluralize": True, "irregularPlurals": {"bill_of_lading": "bills_of_lading"}},
            'model BillOfLading {\n  id String @id\n  @@map(name: "bills_of_lading")\n}',
            0,
        ),
        (
            {"pluralize": True, "irregularPlurals": {"bill_of_lading": "bills_of_lading"}},
            'model BillOfLading {\n  id String @id\n  @@map(name: "bill_of_lading")\n}',
            1,
        ),
        (None, "model UserRole {\n  /// prisma-lint-ignore-model model-name-mapping-snake-case\n  id String @id\n}", 0),
    ],
    "model-name-pascal-case": [
        (None, "model DbUser {\n  id String @id\n}", 0),
        (None, "model dbUser {\n  id String @id\n}", 1),
        (None, "model db_user {\n  id String @id\n}", 1),
        ({"allowList": ["db_user"]}, "model db_user {\n  id String @id\n}", 0),
        ({"allowList": ["/^db_/"]}, "model db_user {\n  id String @id\n}", 0),
        ({"trimPrefix": "db_"}, "model db_User {\n  id String @id\n}", 0),
        ({"trimPrefix": "db_"}, "model db_user {\n  id String @id\n}", 1),
        (None, "/// prisma-lint-ignore-field model-name-pascal-case\nmodel db_user {\n  id String @id\n}", 0),
    ],
    "model-name-prefix": [
        ({"prefix": "Db"}, "model DbUser {\n  id String @id\n}", 0),
        ({"prefix": "Db"}, "model Users {\n  id String @id\n}", 1),
        ({"prefix": "Db"}, "model Users {\n  /// prisma-lint-ignore-model model-name-prefix\n  id String @id\n}", 0),
    ],
    "require-default-empty-arrays": [
        (None, "model Post {\n  tags String[] @default([])\n}", 0),
        (None, "model Post {\n  tags String[]\n}", 1),
        (None, 'model Post {\n  tags String[] @default("foo")\n}', 1),
        (None, 'model Post {\n  tags String[] @default(["foo"])\n}', 1),
        (None, "model Post {\n  /// prisma-lint-ignore-model require-default-empty-arrays\n  tags String[]\n}", 0),
        (None, "model Post {\n  /// prisma-lint-ignore-field require-default-empty-arrays\n  tags String[]\n}", 0),
        (
            None,
            "model User {\n  id Int @id\n  posts Post[]\n}\nmodel Post {\n  id Int @id\n"
            "  u User @relation(fields: [uid], references: [id])\n  uid Int\n}",
            0,
        ),  # relation lists have no column
        (None, "enum Role {\n  A\n}\nmodel User {\n  id Int @id\n  roles Role[]\n}", 1),
    ],
    "require-field-index": [
        ({"forNames": ["createdAt"]}, "model User {\n  createdAt DateTime @unique\n}", 0),
        ({"forNames": ["createdAt"]}, "model User {\n  createdAt DateTime\n  @@index([createdAt])\n}", 0),
        (
            {"forNames": ["createdAt"]},
            "model User {\n  createdAt DateTime\n  id String\n  @@index([createdAt, id])\n}",
            0,
        ),
        ({"forNames": ["createdAt"]}, "model User {\n  createdAt string\n}", 1),
        (
            {"forNames": ["createdAt"]},
            "model User {\n  createdAt DateTime\n  id String\n  @@index([id, createdAt])\n}",
            1,
        ),
        ({"forNames": "/Id$/"}, "model User {\n  tenantId String\n  @@index([tenantId])\n}", 0),
        ({"forNames": "/Id$/"}, "model User {\n  tenantId String\n}", 1),
        (
            {"forAllRelations": True},
            "model Bar {\n  fooId String\n  foo Foo @relation(fields: [fooId], references: [id])\n"
            "  @@index([fooId])\n}",
            0,
        ),
        (
            {"forAllRelations": True},
            "model Bar {\n  fooId String\n  foo Foo @relation(fields: [fooId], references: [id])\n}",
            1,
        ),
        (
            {"forAllRelations": True},
            "model Foo {\n  qid String @id\n  barRef String\n"
            "  bar Bar @relation(fields: [barRef], references: [ref])\n  @@index(fields: [barRef])\n}",
            0,
        ),
        (
            {"forAllRelations": True},
            "model Foo {\n  qid String @id\n  barRef String\n"
            '  bar Bar @relation(fields: [barRef], references: [ref])\n  @@unique(name: "unique_bars", [barRef])\n}',
            0,
        ),
        ({"forNames": ["tenantQid"]}, "model User {\n  tenantQid String\n  @@index(tenantQid)\n}", 0),
        (
            {"forNames": ["tenantQid"]},
            "model Users {\n  tenantQid String\n  createdAt DateTime\n  @@index(tenantQid(sort: Desc))\n}",
            0,
        ),
        (
            {"forNames": ["tenantQid"]},
            "model Users {\n  tenantQid String\n  createdAt DateTime\n  @@index([tenantQid(sort: Desc), createdAt])\n}",
            0,
        ),
        ({"forNames": ["/.*[Qq]id$/"]}, "model User {\n  qid String @id\n}", 0),
        (
            {"forNames": ["qid", "tenantQid", "createdAt"]},
            "model Products {\n  /// prisma-lint-ignore-model require-field-index\n  tenantQid String\n}",
            0,
        ),
        (
            {"forNames": ["qid", "tenantQid", "createdAt"]},
            "model Products {\n  /// prisma-lint-ignore-model require-field-index tenantQid,createdAt\n"
            "  tenantQid String\n  createdAt DateTime\n  qid String\n}",
            1,
        ),
        (
            {"forNames": ["qid", "tenantQid", "createdAt"]},
            "model Products {\n  /// prisma-lint-ignore-field require-field-index\n  tenantQid String\n}",
            0,
        ),
        (
            {"forAllRelations": True},
            "model A {\n  id Int @id\n  x Int\n  y Int\n  b B @relation(fields: [x, y], references: [p, q])\n"
            "  @@id([x, y])\n}",
            2,
        ),  # @@id does not count
    ],
    "require-field-type": [
        ({"require": [{"ifName": "id", "type": "String"}]}, "model User {\n  id String\n}", 0),
        ({"require": [{"ifName": "id", "type": "String"}]}, "model Users {\n  id Int\n}", 1),
        (
            {"require": [{"ifName": "/At$/", "type": "DateTime"}]},
            "model User {\n  createdAt DateTime\n  updatedAt DateTime\n}",
            0,
        ),
        (
            {"require": [{"ifName": "/At$/", "type": "DateTime"}]},
            "model User {\n  createdAt String\n  updatedAt String\n}",
            2,
        ),
        (
            {"require": [{"ifName": "id", "type": "String", "nativeType": "Uuid"}]},
            "model User {\n  id String @db.Uuid\n}",
            0,
        ),
        ({"require": [{"ifName": "id", "type": "String", "nativeType": "Uuid"}]}, "model User {\n  id Int\n}", 1),
        ({"require": [{"ifName": "id", "type": "String", "nativeType": "Uuid"}]}, "model User {\n  id String\n}", 1),
        (
            {"require": [{"ifName": "id", "type": "String", "nativeType": "Uuid"}]},
            "model User {\n  id String @db.Oid\n}",
            1,
        ),
        (
            {"require": [{"ifName": "/Id$/", "type": "String", "nativeType": "Uuid"}]},
            "model User {\n  userId String @db.Uuid\n}",
            0,
        ),
        (
            {"require": [{"ifName": "/Id$/", "type": "String", "nativeType": "Uuid"}]},
            "model User {\n  userId String @db.Oid\n}",
            1,
        ),
        (
            {"require": [{"ifName": "id", "type": "String"}]},
            "model User {\n  /// prisma-lint-ignore-model require-field-type\n  id Int\n}",
            0,
        ),
        (
            {"require": [{"ifName": "id", "type": "String"}]},
            "model User {\n  /// prisma-lint-ignore-field require-field-type\n  id Int\n}",
            0,
        ),
        (
            {"require": [{"ifName": "/id/", "type": "String"}, {"ifName": "/Id$/", "type": "Int"}]},
            "model User {\n  userId String\n}",
            1,
        ),  # conflict
        (
            {"require": [{"ifName": "/id/", "type": "String"}, {"ifName": "/d$/", "type": "Int"}]},
            "model User {\n  id Int\n}",
            2,
        ),  # conflict + mismatch
    ],
    "require-field": [
        ({"require": ["id"]}, "model User {\n  id Int @id\n}", 0),
        ({"require": ["id"]}, "model User {\n  name String\n}", 1),
        (
            {"require": [{"name": "currencyCode", "ifSibling": "/mountD6$/"}]},
            "model Product {\n  currencyCode String\n  priceAmountD6 Int\n}",
            0,
        ),
        (
            {"require": [{"name": "currencyCode", "ifSibling": "/mountD6$/"}]},
            "model Product {\n  priceAmountD6 Int\n}",
            1,
        ),
        ({"require": [{"name": "currencyCode", "ifSibling": "/amountD\\d$/"}]}, "model Product {\n  id String\n}", 0),
        (
            {"require": [{"name": "currencyCode", "ifSibling": "amountD6"}]},
            "model Product {\n  id String\n  amountD6 Int\n}",
            1,
        ),
        (
            {"require": [{"name": "currencyCode", "ifSibling": "amountD6"}]},
            "model Product {\n  id String\n  amountD6 Int\n  currencyCode String\n}",
            0,
        ),
        (
            {"require": ["tenantId", "createdAt", "revisionCreatedAt"]},
            "model Products {\n  /// prisma-lint-ignore-model require-field\n  id String @id\n}",
            0,
        ),
        (
            {"require": ["tenantId", "createdAt", "revisionCreatedAt"]},
            "model Products {\n  /// prisma-lint-ignore-model\n  id String @id\n}",
            0,
        ),
        (
            {"require": ["tenantId", "createdAt", "revisionCreatedAt"]},
            "/// prisma-lint-ignore-field require-field\nmodel Products {\n  id String @id\n}",
            0,
        ),
        (
            {"require": ["tenantId", "createdAt", "revisionCreatedAt"]},
            "/// prisma-lint-ignore-field require-field other-rule\nmodel Products {\n  id String @id\n}",
            0,
        ),
        (
            {"require": ["tenantId", "createdAt", "revisionCreatedAt"]},
            "model Products {\n  /// prisma-lint-ignore-field require-field\n  id String @id\n  createdAt DateTime\n}",
            1,
        ),
    ],
}


def test_every_rule_has_cases() -> None:
    assert sorted(CASES) == sorted(r.name for r in RULES)


@pytest.mark.parametrize(
    ("rule", "options", "schema", "count"),
    [(rule, options, schema, count) for rule, cases in CASES.items() for options, schema, count in cases],
)
def test_rule(rule: str, options: dict[str, Any] | None, schema: str, count: int) -> None:
    found = run(rule, options, schema + "\n")
    assert len(found) == count, [d.render(excerpt=False) for d in found]
    assert all(d.code == next(r.code for r in RULES if r.name == rule) for d in found)


def test_messages_name_the_expected_value() -> None:
    [d] = run("enum-value-case", {"style": "snake", "compoundWords": ["API"]}, "enum Example {\n  ForAPIKey\n}\n")
    assert d.message == 'Enum value "ForAPIKey" is not in snake_case (expected "for_api_key").'
    [d] = run("enum-value-case", {"style": "camel", "compoundWords": ["API"]}, "enum Example {\n  ForAPIKey\n}\n")
    assert '(expected "forAPIKey")' in d.message
    [d] = run("enum-value-case", {"style": "pascal", "compoundWords": ["API"]}, "enum Example {\n  forAPIKey\n}\n")
    assert '(expected "ForAPIKey")' in d.message
    [d] = run(
        "field-name-mapping-snake-case",
        {"requireUnderscorePrefixForIds": True},
        'model user {\n  id String @id @map(name: "id")\n}\n',
    )
    assert d.message == 'Field "id" must be mapped to "_id", not "id".'
    [d] = run(
        "require-field",
        {"require": ["tenantId", "createdAt", "revisionCreatedAt"]},
        "model P {\n  /// prisma-lint-ignore-model require-field tenantId,createdAt\n  id String @id\n}\n",
    )
    assert '"revisionCreatedAt"' in d.message
    assert "tenantId" not in d.message


def test_positions_point_at_the_name() -> None:
    [model] = run("model-name-pascal-case", None, "/// doc\nmodel  db_user {\n  id String @id\n}\n")
    assert model.span is not None
    assert (model.span.start.line, model.span.start.column) == (2, 8)
    [field] = run("field-name-camel-case", None, "model User {\n  id Int @id\n    Row_Id Int\n}\n")
    assert field.span is not None
    assert (field.span.start.line, field.span.start.column) == (3, 5)
    assert field.line_text == "    Row_Id Int"


def test_views_and_composite_types_are_not_linted() -> None:
    # prisma-lint visits models and enums only
    schema = "view user_view {\n  Some_Field Int\n}\ntype address_type {\n  Street_Name String\n}\n"
    assert run("model-name-pascal-case", None, schema) == []
    assert run("field-name-camel-case", None, schema) == []
