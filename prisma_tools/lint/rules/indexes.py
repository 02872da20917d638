"""Indexes on the fields that are looked up: named ones, and relation keys."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...nodes import ArrayValue, ConstantValue, FunctionCall
from ..patterns import compile_exact
from ..rule import Finding, LintRule, Options

if TYPE_CHECKING:
    from ...nodes import Value
    from ...resolve import FieldBlockInfo
    from ..context import LintContext


class RequireFieldIndexOptions(Options):
    forAllRelations: bool | None = None
    """Every scalar field in a ``@relation(fields: [...])`` needs an index."""
    forNames: str | list[str] | None = None
    """Field names (matching whole) or ``/regex/`` that need an index."""


def _first_name(value: Value | None) -> str | None:
    """The first field of an index's field list (what leads the index)."""
    if isinstance(value, ArrayValue):
        value = value.items[0] if value.items else None
    if isinstance(value, ConstantValue | FunctionCall):
        return value.name
    return None


def _leading_fields(model: FieldBlockInfo) -> set[str]:
    """The first field of every ``@@index`` and ``@@unique`` (prisma-lint counts no other index)."""
    out = set()
    for a in model.node.attributes:
        if a.name not in ("index", "unique"):
            continue
        value = None
        for arg in a.arguments or ():
            if arg.name == "fields":
                value = arg.value
                break
        if value is None:
            value = next((arg.value for arg in a.arguments or () if arg.name is None), None)
        name = _first_name(value)
        if name is not None:
            out.add(name)
    return out


def _relation_keys(model: FieldBlockInfo) -> set[str]:
    keys: set[str] = set()
    for f in model.fields:
        relation = f.attribute("relation")
        for arg in (relation.arguments or ()) if relation is not None else ():
            if arg.name == "fields" and isinstance(arg.value, ArrayValue):
                keys.update(i.name for i in arg.value.items if isinstance(i, ConstantValue | FunctionCall))
    return keys


def _require_field_index(
    ctx: LintContext, model: FieldBlockInfo, options: RequireFieldIndexOptions
) -> Iterator[Finding]:
    ignored = set(ctx.ignored_names(model, "require-field-index"))
    names = options.forNames if options.forNames is not None else []
    patterns = [compile_exact(n) for n in ([names] if isinstance(names, str) else names)]
    indexed = _leading_fields(model)
    keys = _relation_keys(model) if options.forAllRelations else set()
    for f in model.fields:
        if f.name in ignored or f.attribute("id") is not None or f.attribute("unique") is not None:
            continue
        if f.name in indexed:
            continue
        if any(p.search(f.name) for p in patterns) or f.name in keys:
            edit = ctx.rewrite.add_block_attribute(model, f"@@index([{f.name}])")
            fix = ctx.fix(f"Add @@index([{f.name}])", "safe", [edit])
            yield Finding(model, f'Field "{f.name}" needs an index.', member=f.node, fix=fix)


REQUIRE_FIELD_INDEX = LintRule(
    code="PL016",
    name="require-field-index",
    summary="Named fields and relation keys lead an index.",
    docs="""\
A field named in `forNames` (a name or `/regex/`, or a list of them), and with
`forAllRelations = true` every field in a `@relation(fields: [...])`, must be
`@id`, `@unique`, or the first field of an `@@index` or `@@unique` (as in
prisma-lint, a later position or `@@id` does not count).
`/// prisma-lint-ignore-model require-field-index a,b` exempts a and b.

The fix adds `@@index([field])`; it is safe: an index changes neither data nor
meaning (the migration creates it).

With `forAllRelations = true`:

```prisma
// good
model Post {
  id       Int  @id
  authorId Int
  author   User @relation(fields: [authorId], references: [id])

  @@index([authorId])
}

// bad
model Post {
  id       Int  @id
  authorId Int
  author   User @relation(fields: [authorId], references: [id])
}
```
""",
    scope="model",
    options=RequireFieldIndexOptions,
    check=_require_field_index,
    fix="safe",
    fix_summary="add @@index([field])",
)
