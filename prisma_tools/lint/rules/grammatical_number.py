"""Singular or plural names: models, and list fields.

Whether a name is plural is what prisma-lint's inflector says (see
:mod:`prisma_tools.lint.number`). The fixes rename to the other form and keep the
database name, but an inflector can be wrong about a word, so they are unsafe.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from ..number import number
from ..patterns import matches_any
from ..rule import Finding, LintRule, Options

if TYPE_CHECKING:
    from ...resolve import FieldBlockInfo
    from ..context import LintContext


class ModelNumberOptions(Options):
    style: Literal["singular", "plural"]
    """The number of every model name."""
    allowlist: list[str] | None = None
    """Model names left alone: exact names or ``/regex/``."""


def _model_number(ctx: LintContext, model: FieldBlockInfo, options: ModelNumberOptions) -> Iterator[Finding]:
    if matches_any(model.name, options.allowlist):
        return
    inflect = number("model-name-grammatical-number")
    plural = inflect.is_plural(model.name)
    if plural == (options.style == "plural"):
        return
    new = inflect.singular(model.name) if plural else inflect.plural(model.name)
    fix = None
    if new != model.name and inflect.is_plural(new) == (options.style == "plural"):
        fix = ctx.fix(f"Rename to {new}, keeping the table name", "unsafe", ctx.rewrite.rename_model(model, new))
    yield Finding(model, f'Model name "{model.name}" should be {options.style}.', fix=fix)


MODEL_NAME_GRAMMATICAL_NUMBER = LintRule(
    code="PL011",
    name="model-name-grammatical-number",
    summary="Model names are singular (or plural).",
    docs="""\
Every model name must be singular (`style = "singular"`) or plural
(`style = "plural"`) as an English noun, judged by its last word; names in `allowlist`
(exact or `/regex/`) are not checked. Needs the `lint` extra (`pluralizer`).

The fix renames the model to the other form and keeps the table name with
`@@map`; it is unsafe because an inflector can be wrong about a word.

With `style = "singular"`:

```prisma
// good
model User {
  id String @id
}

// bad
model Users {
  id String @id
}
```
""",
    scope="model",
    options=ModelNumberOptions,
    check=_model_number,
    fix="unsafe",
    fix_summary="rename to the other form, keeping the table name with @@map",
    needs=("pluralizer",),
    options_required=True,
)


class FieldNumberOptions(Options):
    ifList: Literal["singular", "plural"]
    """The number of every list field's name."""
    ifListAllow: list[str] | None = None
    """List-field names left alone: exact names or ``/regex/``."""


def _field_number(ctx: LintContext, model: FieldBlockInfo, options: FieldNumberOptions) -> Iterator[Finding]:
    inflect = number("field-name-grammatical-number")
    want_plural = options.ifList == "plural"
    for f in model.fields:
        if not f.is_list or matches_any(f.name, options.ifListAllow):
            continue
        plural = inflect.is_plural(f.name)
        if plural == want_plural:
            continue
        new = inflect.singular(f.name) if plural else inflect.plural(f.name)
        fix = None
        if new != f.name and inflect.is_plural(new) == want_plural:
            fix = ctx.fix(f"Rename to {new}", "unsafe", ctx.rewrite.rename_field(model, f, new))
        message = f'List field "{f.name}" should have a {options.ifList} name.'
        yield Finding(model, message, member=f.node, fix=fix)


FIELD_NAME_GRAMMATICAL_NUMBER = LintRule(
    code="PL006",
    name="field-name-grammatical-number",
    summary="List field names are singular (or plural).",
    docs="""\
The name of every list field (`Type[]`) must be singular (`ifList = "singular"`)
or plural (`ifList = "plural"`); names in `ifListAllow` (exact or `/regex/`) are not
checked. Needs the `lint` extra (`pluralizer`).

The fix renames the field to the other form (a scalar list keeps its column name
with `@map`); it is unsafe because an inflector can be wrong about a word.

With `ifList = "plural"`:

```prisma
// good
model User {
  id     String   @id
  emails String[]
}

// bad
model User {
  id    String   @id
  email String[]
}
```
""",
    scope="model",
    options=FieldNumberOptions,
    check=_field_number,
    fix="unsafe",
    fix_summary="rename to the other form, keeping the column name with @map",
    needs=("pluralizer",),
    options_required=True,
)
