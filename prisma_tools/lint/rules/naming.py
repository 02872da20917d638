"""Naming conventions: PascalCase models and enums, camelCase fields, enum value case, a model prefix.

Each has a fix that renames and keeps the database name (``@map``/``@@map``),
so it is safe: the tables, columns and enum types stay what they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from ..case import to_camel_case, to_pascal_case, to_snake_case
from ..patterns import matches_any, trim_prefix
from ..rule import Finding, LintRule, Options

if TYPE_CHECKING:
    from ...resolve import EnumInfo, FieldBlockInfo
    from ..context import LintContext

_PASCAL = re.compile(r"[A-Z][a-zA-Z0-9]*")
_CAMEL = re.compile(r"[a-z][a-zA-Z0-9]*")


class CaseOptions(Options):
    allowList: list[str] | None = None
    """Names left alone: exact names or ``/regex/``."""
    trimPrefix: str | list[str] | None = None
    """Prefixes (or ``/regex/``) removed before the name is checked, and kept by the fix."""


def _model_pascal(ctx: LintContext, model: FieldBlockInfo, options: CaseOptions) -> Iterator[Finding]:
    if matches_any(model.name, options.allowList):
        return
    prefix, rest = trim_prefix(model.name, options.trimPrefix)
    if _PASCAL.fullmatch(rest):
        return
    new = prefix + to_pascal_case(rest)
    fix = None
    if _PASCAL.fullmatch(new[len(prefix) :]) and prefix + rest == model.name:
        fix = ctx.fix(f"Rename to {new}, keeping the table name", "safe", ctx.rewrite.rename_model(model, new))
    yield Finding(model, f'Model name "{model.name}" is not in PascalCase.', fix=fix)


MODEL_NAME_PASCAL_CASE = LintRule(
    code="PL013",
    name="model-name-pascal-case",
    summary="Model names are in PascalCase.",
    docs="""\
Model names must match `[A-Z][a-zA-Z0-9]*`, after removing a `trimPrefix`;
names in `allowList` are not checked.

The fix renames the model (and every field of its type) and adds
`@@map("<old name>")` when the model has no `@@map`, so the table keeps its name.
Models in an implicit many-to-many relation are not renamed (Prisma names the join
table after the models).

```prisma
// good
model DbUser {
  id String @id
}

// bad
model db_user {
  id String @id
}
```
""",
    scope="model",
    options=CaseOptions,
    check=_model_pascal,
    fix="safe",
    fix_summary="rename, keeping the table name with @@map",
)


def _enum_pascal(ctx: LintContext, enum: EnumInfo, options: CaseOptions) -> Iterator[Finding]:
    if matches_any(enum.name, options.allowList):
        return
    prefix, rest = trim_prefix(enum.name, options.trimPrefix)
    if _PASCAL.fullmatch(rest):
        return
    new = prefix + to_pascal_case(rest)
    fix = None
    if _PASCAL.fullmatch(new[len(prefix) :]) and prefix + rest == enum.name:
        fix = ctx.fix(f"Rename to {new}, keeping the database name", "safe", ctx.rewrite.rename_enum(enum, new))
    yield Finding(enum, f'Enum name "{enum.name}" is not in PascalCase.', fix=fix)


ENUM_NAME_PASCAL_CASE = LintRule(
    code="PL002",
    name="enum-name-pascal-case",
    summary="Enum names are in PascalCase.",
    docs="""\
Enum names must match `[A-Z][a-zA-Z0-9]*`, after removing a `trimPrefix`; names in
`allowList` are not checked.

The fix renames the enum (and every field of its type) and adds `@@map("<old name>")`
when the enum has none, so the database type keeps its name.

```prisma
// good
enum ExampleOptions {
  value1
}

// bad
enum example_options {
  value1
}
```
""",
    scope="enum",
    options=CaseOptions,
    check=_enum_pascal,
    fix="safe",
    fix_summary="rename, keeping the database name with @@map",
)


def _field_camel(ctx: LintContext, model: FieldBlockInfo, options: CaseOptions) -> Iterator[Finding]:
    for f in model.fields:
        if matches_any(f.name, options.allowList):
            continue
        prefix, rest = trim_prefix(f.name, options.trimPrefix)
        if _CAMEL.fullmatch(rest):
            continue
        new = prefix + to_camel_case(rest)
        fix = None
        if _CAMEL.fullmatch(new[len(prefix) :]) and prefix + rest == f.name:
            fix = ctx.fix(f"Rename to {new}, keeping the column name", "safe", ctx.rewrite.rename_field(model, f, new))
        yield Finding(model, f'Field name "{f.name}" is not in camelCase.', member=f.node, fix=fix)


FIELD_NAME_CAMEL_CASE = LintRule(
    code="PL005",
    name="field-name-camel-case",
    summary="Field names are in camelCase.",
    docs="""\
Field names must match `[a-z][a-zA-Z0-9]*`, after removing a `trimPrefix`; names in
`allowList` are not checked.

The fix renames the field everywhere it is referenced (`@relation`, `@@id`,
`@@unique`, `@@index`) and adds `@map("<old name>")` to a scalar field without one,
so the column keeps its name.

```prisma
// good
model User {
  rowId String @id
}

// bad
model User {
  row_id String @id
}
```
""",
    scope="model",
    options=CaseOptions,
    check=_field_camel,
    fix="safe",
    fix_summary="rename, keeping the column name with @map",
)


class PrefixOptions(Options):
    prefix: str
    """What every model name starts with."""


def _model_prefix(ctx: LintContext, model: FieldBlockInfo, options: PrefixOptions) -> Iterator[Finding]:
    if model.name.startswith(options.prefix):
        return
    new = options.prefix + model.name
    fix = ctx.fix(f"Rename to {new}, keeping the table name", "safe", ctx.rewrite.rename_model(model, new))
    yield Finding(model, f'Model name "{model.name}" does not start with "{options.prefix}".', fix=fix)


MODEL_NAME_PREFIX = LintRule(
    code="PL014",
    name="model-name-prefix",
    summary="Model names start with a given prefix.",
    docs="""\
Every model name must start with `prefix`, which keeps database models apart from
application types of the same name.

The fix prepends the prefix and adds `@@map("<old name>")` when the model has no
`@@map`, so the table keeps its name.

With `prefix = "Db"`:

```prisma
// good
model DbUser {
  id String @id
}

// bad
model User {
  id String @id
}
```
""",
    scope="model",
    options=PrefixOptions,
    check=_model_prefix,
    fix="safe",
    fix_summary="prepend the prefix, keeping the table name with @@map",
    options_required=True,
)


class EnumValueSnakeCaseOptions(Options):
    case: Literal["lower", "upper"] | None = None
    """Snake case only: lower (default) or upper."""
    compoundWords: list[str] | None = None
    """Words kept as one (regular expressions, case-sensitive): ``GraphQL`` -> ``graphql``."""
    allowList: list[str] | None = None
    """Values left alone: exact names or ``/regex/``."""
    trimPrefix: str | list[str] | None = None
    """Prefixes (or ``/regex/``) removed before the value is checked, and kept by the fix."""


class EnumValueCaseOptions(EnumValueSnakeCaseOptions):
    style: Literal["snake", "camel", "pascal"]
    """The case every value is in."""


_STYLE_NAMES = {"snake": "snake_case", "camel": "camelCase", "pascal": "PascalCase"}


def _enum_values(
    ctx: LintContext,
    enum: EnumInfo,
    options: EnumValueCaseOptions | EnumValueSnakeCaseOptions,
    style: Literal["snake", "camel", "pascal"],
    rule: str,
) -> Iterator[Finding]:
    ignored = ctx.ignored_names(enum, rule)
    words = options.compoundWords or ()
    for value in enum.values:
        if value.name in ignored or matches_any(value.name, options.allowList):
            continue
        prefix, rest = trim_prefix(value.name, options.trimPrefix)
        if style == "pascal":
            expected = to_pascal_case(rest, compound_words=words)
        elif style == "camel":
            expected = to_camel_case(rest, compound_words=words)
        else:
            expected = to_snake_case(rest, upper=options.case == "upper", compound_words=words)
        if rest == expected:
            continue
        new = prefix + expected
        fix = None
        if prefix + rest == value.name:  # a /regex/ prefix matched elsewhere than the start: no safe guess
            edits = ctx.rewrite.rename_enum_value(enum, value, new)
            fix = ctx.fix(f"Rename to {new}, keeping the database value", "safe", edits)
        message = f'Enum value "{value.name}" is not in {_STYLE_NAMES[style]} (expected "{expected}").'
        yield Finding(enum, message, member=value.node, fix=fix)


def _enum_value_case(ctx: LintContext, enum: EnumInfo, options: EnumValueCaseOptions) -> Iterator[Finding]:
    return _enum_values(ctx, enum, options, options.style, "enum-value-case")


def _enum_value_snake_case(ctx: LintContext, enum: EnumInfo, options: EnumValueSnakeCaseOptions) -> Iterator[Finding]:
    return _enum_values(ctx, enum, options, "snake", "enum-value-snake-case")


_ENUM_VALUE_FIX = """\
The fix renames the value (and the `@default`s that use it) and adds
`@map("<old value>")` when it has none, so the database keeps its values.
Values listed in `/// prisma-lint-ignore-enum {rule} A,B` are not checked."""

ENUM_VALUE_CASE = LintRule(
    code="PL003",
    name="enum-value-case",
    summary="Enum values are in snake_case, camelCase or PascalCase.",
    docs=f"""\
Each enum value must equal its conversion to `style` (`snake`, `camel` or
`pascal`; snake case is lower case unless `case = "upper"`), after removing a
`trimPrefix`. `compoundWords` are kept as one word (`GraphQL` -> `graphql`);
`allowList` names are not checked.

{_ENUM_VALUE_FIX.format(rule="enum-value-case")}

With `style = "snake", case = "upper"`:

```prisma
// good
enum Status {{
  IN_PROGRESS
}}

// bad
enum Status {{
  InProgress
}}
```
""",
    scope="enum",
    options=EnumValueCaseOptions,
    check=_enum_value_case,
    fix="safe",
    fix_summary="rename, keeping the database value with @map",
    options_required=True,
)

ENUM_VALUE_SNAKE_CASE = LintRule(
    code="PL004",
    name="enum-value-snake-case",
    summary="Enum values are in snake_case (deprecated: use enum-value-case).",
    docs=f"""\
Deprecated in prisma-lint in favour of `enum-value-case` with `style = "snake"`,
which it equals. Values must be lower snake case (`case = "upper"`: upper).

{_ENUM_VALUE_FIX.format(rule="enum-value-snake-case")}

```prisma
// good
enum Status {{
  in_progress
}}

// bad
enum Status {{
  inProgress
}}
```
""",
    scope="enum",
    options=EnumValueSnakeCaseOptions,
    check=_enum_value_snake_case,
    fix="safe",
    fix_summary="rename, keeping the database value with @map",
    deprecated_by="enum-value-case",
)
