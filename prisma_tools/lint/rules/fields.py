"""What fields a model has and how they are typed: required, forbidden, typed, bounded, defaulted."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from ...nodes import ArrayValue
from ...resolve import SCALAR_TYPES
from ..patterns import compile_exact, is_regex
from ..rule import Finding, LintRule, NoOptions, Options

if TYPE_CHECKING:
    from ...resolve import FieldBlockInfo, FieldInfo
    from ..context import LintContext


def _native_type(f: FieldInfo) -> str | None:
    """``VarChar`` for ``@db.VarChar(36)``."""
    native = f.native_type
    return None if native is None else native.name.split(".", 1)[1]


# ---------------------------------------------------------------- ban-unbounded-string-type


class UnboundedStringOptions(Options):
    allowNativeTextType: bool | None = None
    """Accept ``@db.Text``."""


def _unbounded_string(ctx: LintContext, model: FieldBlockInfo, options: UnboundedStringOptions) -> Iterator[Finding]:
    for f in model.fields:
        if f.node.type is None or f.node.type.name != "String":
            continue
        native = _native_type(f)
        if native is None or (native == "Text" and not options.allowNativeTextType):
            message = f'String field "{f.name}" needs a native type that bounds its length, such as @db.VarChar(n).'
            yield Finding(model, message, member=f.node)


BAN_UNBOUNDED_STRING_TYPE = LintRule(
    code="PL001",
    name="ban-unbounded-string-type",
    summary="String fields have a native type with a length.",
    docs="""\
A `String` field must carry a `@db.*` native type, and not `@db.Text` unless
`allowNativeTextType = true`, so that no column accepts text of any length by
accident. No fix: only you know the length.

```prisma
// good
model User {
  id String @id @db.VarChar(36)
}

// bad
model User {
  id String @id
}
```
""",
    scope="model",
    options=UnboundedStringOptions,
    check=_unbounded_string,
)


# ---------------------------------------------------------------- forbid-field


class ForbidFieldOptions(Options):
    forbid: list[str]
    """Field names (a plain name matches whole) or ``/regex/``."""


def _forbid_field(ctx: LintContext, model: FieldBlockInfo, options: ForbidFieldOptions) -> Iterator[Finding]:
    ignored = ctx.ignored_names(model, "forbid-field")
    patterns = [(p, compile_exact(p)) for p in options.forbid]
    for f in model.fields:
        if f.name in ignored:
            continue
        matches = [p for p, regex in patterns if regex.search(f.name)]
        if matches:
            listed = ", ".join(f'"{p}"' for p in matches)
            yield Finding(model, f'Field "{f.name}" is forbidden by {listed}.', member=f.node)


FORBID_FIELD = LintRule(
    code="PL009",
    name="forbid-field",
    summary="Fields with forbidden names.",
    docs="""\
No field may be named as an entry of `forbid` (a plain name, or `/regex/`).
`/// prisma-lint-ignore-model forbid-field a,b` allows a and b in one model.

With `forbid = ["id", "/^(?!.*[aA]mountD6$).*D6$/"]`:

```prisma
// good
model Product {
  uuid          String @id
  priceAmountD6 Int
}

// bad
model Product {
  id      String @id
  priceD6 Int
}
```
""",
    scope="model",
    options=ForbidFieldOptions,
    check=_forbid_field,
    options_required=True,
)


# ---------------------------------------------------------------- forbid-required-ignored-field


def _required_ignored(ctx: LintContext, model: FieldBlockInfo, options: NoOptions) -> Iterator[Finding]:
    for f in model.fields:
        if f.attribute("ignore") is None or f.attribute("default") is not None or f.is_optional:
            continue
        if f.node.type is not None and not f.node.type.is_unsupported and f.type.name not in SCALAR_TYPES:
            continue  # prisma-lint skips every named non-scalar type: relations, enums, composite types
        message = f'Field "{f.name}" is required and @ignore-d without a default: the client cannot create rows.'
        yield Finding(model, message, member=f.node)


FORBID_REQUIRED_IGNORED_FIELD = LintRule(
    code="PL010",
    name="forbid-required-ignored-field",
    summary="No required @ignore field without a default.",
    docs="""\
A required field marked `@ignore` must have a `@default`: the generated client
does not know the field, while the database still needs a value for the column.
Relation and enum fields are not checked (as in prisma-lint). No fix: make the
field optional or give it a default, whichever your data allows.

```prisma
// good
model Product {
  id          String  @id
  toBeRemoved String? @ignore
}

// bad
model Product {
  id          String @id
  toBeRemoved String @ignore
}
```
""",
    scope="model",
    options=NoOptions,
    check=_required_ignored,
)


# ---------------------------------------------------------------- require-default-empty-arrays


def _default_empty_arrays(ctx: LintContext, model: FieldBlockInfo, options: NoOptions) -> Iterator[Finding]:
    for f in model.fields:
        if not f.is_list or f.type.kind not in ("scalar", "enum"):
            continue
        default = f.attribute("default")
        args = default.arguments if default is not None else None
        value = args[0].value if args else None
        if isinstance(value, ArrayValue) and not value.items:
            continue
        fix = None
        if default is None:
            edit = ctx.rewrite.add_field_attribute(model.file.path, f.node, "@default([])")
            fix = ctx.fix("Add @default([])", "unsafe", [edit] if edit else None)
        yield Finding(model, f'List field "{f.name}" needs @default([]).', member=f.node, fix=fix)


REQUIRE_DEFAULT_EMPTY_ARRAYS = LintRule(
    code="PL015",
    name="require-default-empty-arrays",
    summary="Scalar list fields default to an empty list.",
    docs="""\
Every scalar or enum list field must have `@default([])`, so that rows created
without it hold an empty list rather than NULL. (prisma-lint also reports
relation lists, which have no column and cannot take a default; they are not
reported here.)

The fix adds `@default([])` to a field without a default; it is unsafe because
it changes the column's default. A field with another default is left to you.

```prisma
// good
model Post {
  id   Int      @id
  tags String[] @default([])
}

// bad
model Post {
  id   Int      @id
  tags String[]
}
```
""",
    scope="model",
    options=NoOptions,
    check=_default_empty_arrays,
    fix="unsafe",
    fix_summary="add @default([])",
)


# ---------------------------------------------------------------- require-field-type


class TypeRequirement(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    ifName: str
    """A field name (matches whole) or ``/regex/``."""
    type: str
    nativeType: str | None = None
    """The ``@db.`` type, without arguments (``Uuid``, ``VarChar``)."""


class RequireFieldTypeOptions(Options):
    require: list[TypeRequirement]
    """``{ ifName = "...", type = "...", nativeType = "..." }`` entries (``nativeType`` optional)."""


def _require_field_type(ctx: LintContext, model: FieldBlockInfo, options: RequireFieldTypeOptions) -> Iterator[Finding]:
    requirements = [(r, compile_exact(r.ifName)) for r in options.require]
    for f in model.fields:
        matches = [r for r, regex in requirements if regex.search(f.name)]
        if not matches:
            continue
        if len({r.type for r in matches}) > 1 or len({r.nativeType for r in matches if r.nativeType}) > 1:
            listed = ", ".join(
                f"{r.ifName} -> {r.type}" + (f" @db.{r.nativeType}" if r.nativeType else "") for r in matches
            )
            yield Finding(model, f'Field "{f.name}" matches conflicting type requirements: {listed}.', member=f.node)
        problems = []
        actual = f.node.type.name if f.node.type is not None else ""
        expected = matches[0].type
        if actual != expected:
            problems.append(f'Field "{f.name}" has type "{actual}", expected "{expected}".')
        native, expected_native = _native_type(f), matches[0].nativeType
        if expected_native and native is None:
            problems.append(f'Field "{f.name}" has no native type, expected "@db.{expected_native}".')
        elif expected_native and native != expected_native:
            problems.append(f'Field "{f.name}" has native type "@db.{native}", expected "@db.{expected_native}".')
        if problems:
            yield Finding(model, " ".join(problems), member=f.node)


REQUIRE_FIELD_TYPE = LintRule(
    code="PL017",
    name="require-field-type",
    summary="Fields with given names have given types.",
    docs="""\
Each entry of `require` says: a field whose name matches `ifName` (a plain name,
or `/regex/`) has the type `type`, and, with `nativeType`, the native type
`@db.<nativeType>`. A field matching entries that disagree is reported too.

With `require = [{ ifName = "/At$/", type = "DateTime" }]`:

```prisma
// good
model User {
  id        String   @id
  createdAt DateTime
}

// bad
model User {
  id        String @id
  createdAt String
}
```
""",
    scope="model",
    options=RequireFieldTypeOptions,
    check=_require_field_type,
    options_required=True,
)


# ---------------------------------------------------------------- require-field


class SiblingRequirement(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    ifSibling: str
    """Required when a field of this name (or matching this ``/regex/``) is present."""


class RequireFieldOptions(Options):
    require: list[str | SiblingRequirement]
    """Field names, or ``{ name = "...", ifSibling = "..." }`` entries."""


def _require_field(ctx: LintContext, model: FieldBlockInfo, options: RequireFieldOptions) -> Iterator[Finding]:
    ignored = set(ctx.ignored_names(model, "require-field"))
    names = {f.name for f in model.fields}
    missing = [r for r in options.require if isinstance(r, str) and r not in ignored and r not in names]
    conditions = [r for r in options.require if isinstance(r, SiblingRequirement) and r.name not in ignored]
    for r in conditions:
        if not is_regex(r.ifSibling) and r.ifSibling in names and r.name not in names:
            missing.append(r.name)
    for r in conditions:
        if is_regex(r.ifSibling) and r.name not in names and any(re.search(r.ifSibling[1:-1], n) for n in names):
            missing.append(r.name)
    if missing:
        listed = ", ".join(f'"{n}"' for n in missing)
        yield Finding(model, f'Model "{model.name}" lacks required field{"s" if len(missing) > 1 else ""} {listed}.')


REQUIRE_FIELD = LintRule(
    code="PL018",
    name="require-field",
    summary="Models have given fields.",
    docs="""\
Every model must have the fields listed in `require`: a name, or
`{ name = "...", ifSibling = "..." }` (required only when a field named `ifSibling`,
or matching it as `/regex/`, is there).
`/// prisma-lint-ignore-model require-field a,b` exempts one model from a and b.
No fix: a new field's type and default are yours to choose.

With `require = ["id", { name = "currencyCode", ifSibling = "/mountD6$/" }]`:

```prisma
// good
model Product {
  id            String @id
  currencyCode  String
  priceAmountD6 Int
}

// bad
model Product {
  id            String @id
  priceAmountD6 Int
}
```
""",
    scope="model",
    options=RequireFieldOptions,
    check=_require_field,
    options_required=True,
)
