"""Database names in snake_case: ``@map`` on fields, ``@@map`` on models.

Satisfying these rules renames a column or a table, which no schema edit can do
without changing the database, so their fixes are ``display`` only: shown (as
the exact edit) and never applied.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...edits import TextEdit
from ...nodes import StringValue
from ..case import to_snake_case
from ..number import number
from ..rule import Finding, LintRule, Options

if TYPE_CHECKING:
    from ...nodes import FieldAttribute
    from ...resolve import FieldBlockInfo
    from ..context import LintContext


def _mapped_name(attribute: FieldAttribute) -> tuple[str | None, StringValue | None]:
    """prisma-lint's reading of ``@map``/``@@map``: the first argument if a string, else ``name:``."""
    args = attribute.arguments or ()
    if args and args[0].name is None and isinstance(args[0].value, StringValue):
        return args[0].value.value, args[0].value
    for a in args:
        if a.name == "name" and isinstance(a.value, StringValue):
            return a.value.value, a.value
    return None, None


def _set_map(path: str, literal: StringValue | None, insert: TextEdit | None, name: str) -> list[TextEdit]:
    text = StringValue.of(name).text
    if literal is not None and literal.span is not None:
        return [TextEdit(path=path, start=literal.span.start_offset, end=literal.span.end_offset, content=text)]
    return [insert] if insert is not None else []


class FieldMappingOptions(Options):
    compoundWords: list[str] | None = None
    """Words kept as one (regular expressions, case-sensitive): ``GraphQL`` -> ``graphql``."""
    requireUnderscorePrefixForIds: bool | None = None
    """``@id`` fields map to ``_<snake name>`` (``id`` -> ``_id``)."""


def _field_mapping(ctx: LintContext, model: FieldBlockInfo, options: FieldMappingOptions) -> Iterator[Finding]:
    rule = "field-name-mapping-snake-case"
    ignored = ctx.ignored_names(model, rule)
    path = model.file.path
    for f in model.fields:
        if f.name in ignored or f.type.kind in ("model", "view", "unknown"):
            continue  # relation fields have no column
        id_prefix = bool(options.requireUnderscorePrefixForIds) and f.attribute("id") is not None
        required = f.name.lower() != f.name or id_prefix
        expected = ("_" if id_prefix else "") + to_snake_case(f.name, compound_words=options.compoundWords or ())
        attribute = f.attribute("map")
        mapped, literal = _mapped_name(attribute) if attribute is not None else (None, None)
        if mapped is None:
            if not required:
                continue
            message = f'Field "{f.name}" must be mapped to snake case ("{expected}").'
        elif mapped != expected:
            message = f'Field "{f.name}" must be mapped to "{expected}", not "{mapped}".'
        else:
            continue
        insert = None
        if attribute is None:
            insert = ctx.rewrite.add_field_attribute(path, f.node, f"@map({StringValue.of(expected).text})")
        edits = _set_map(path, literal, insert, expected) if attribute is None or literal else []
        fix = ctx.fix(f'Map to "{expected}" (renames the column)', "display", edits)
        yield Finding(model, message, member=f.node, fix=fix)


FIELD_NAME_MAPPING_SNAKE_CASE = LintRule(
    code="PL007",
    name="field-name-mapping-snake-case",
    summary="Fields are mapped to snake_case column names.",
    docs="""\
A field whose name is not all lower case needs `@map("<snake_case name>")`, and an
existing `@map` must be the snake_case form of the field name. Relation fields
(no column) are not checked; enum and composite-type fields are.
`compoundWords` are kept as one word (`GraphQL` -> `graphql`);
`requireUnderscorePrefixForIds = true` wants `@id` fields mapped to `_<name>`
(MongoDB's `_id`). `/// prisma-lint-ignore-model field-name-mapping-snake-case a,b`
skips the fields a and b.

The fix (shown, never applied: it renames the column) is the `@map` to write.

```prisma
// good
model UserRole {
  id     String @id
  userId String @map("user_id")
}

// bad
model UserRole {
  id     String @id
  userId String
}
```
""",
    scope="model",
    options=FieldMappingOptions,
    check=_field_mapping,
    fix="display",
    fix_summary="the @map to write (renames the column)",
)


class ModelMappingOptions(Options):
    compoundWords: list[str] | None = None
    """Words kept as one (regular expressions, case-sensitive): ``GraphQL`` -> ``graphql``."""
    irregularPlurals: dict[str, str] | None = None
    """Singular -> plural, both in snake case, for ``pluralize``."""
    pluralize: bool | None = None
    """Table names are plural (``UserRole`` -> ``user_roles``)."""
    trimPrefix: str | None = None
    """A prefix of the model name left out of the table name (``DbUser`` -> ``user``)."""


def _model_mapping(ctx: LintContext, model: FieldBlockInfo, options: ModelMappingOptions) -> Iterator[Finding]:
    rule = "model-name-mapping-snake-case"
    plural = number(rule, options.irregularPlurals).plural if options.pluralize else None
    expected = to_snake_case(
        model.name, trim_prefix=options.trimPrefix or "", compound_words=options.compoundWords or (), plural=plural
    )
    attributes = model.block_attributes("map")
    mapped, literal = _mapped_name(attributes[0]) if attributes else (None, None)
    if mapped is None:
        message = f'Model "{model.name}" must be mapped to snake case ("{expected}").'
    elif mapped != expected:
        message = f'Model "{model.name}" must be mapped to "{expected}", not "{mapped}".'
    else:
        return
    insert = None if attributes else ctx.rewrite.add_block_attribute(model, f"@@map({StringValue.of(expected).text})")
    edits = _set_map(model.file.path, literal, insert, expected) if not attributes or literal else []
    yield Finding(model, message, fix=ctx.fix(f'Map to "{expected}" (renames the table)', "display", edits))


MODEL_NAME_MAPPING_SNAKE_CASE = LintRule(
    code="PL012",
    name="model-name-mapping-snake-case",
    summary="Models are mapped to snake_case table names.",
    docs="""\
Every model needs `@@map("<snake_case name>")`. `trimPrefix` is removed first
(`DbUserRole` -> `user_role`); `compoundWords` are kept as one word;
`pluralize = true` wants plural table names (`user_roles`), with
`irregularPlurals` (`{ bill_of_lading = "bills_of_lading" }`) for the words the
inflector gets wrong (needs the `lint` extra).

The fix (shown, never applied: it renames the table) is the `@@map` to write.

```prisma
// good
model UserRole {
  id String @id

  @@map("user_role")
}

// bad
model UserRole {
  id String @id
}
```
""",
    scope="model",
    options=ModelMappingOptions,
    check=_model_mapping,
    fix="display",
    fix_summary="the @@map to write (renames the table)",
)
