"""Repair passes: pure ``(Schema, PassContext) -> Schema`` functions, run in one fixed order.

=====  =====================  ==========================================================
code   name                   what it repairs
=====  =====================  ==========================================================
PT001  remove-duplicates      a model, view, composite type or enum defined twice
PT002  merge-additions        blocks, fields and attributes missing from ``--merge`` files
PT003  add-back-relations     relation fields and foreign keys missing, as prisma format
PT004  add-one-to-one-unique  ``@unique`` missing on a one-to-one relation's foreign key
=====  =====================  ==========================================================

The order of :data:`PASSES` is the pipeline's, and it matters:

1. remove-duplicates first: every other pass finds blocks by name, and with
   two ``User`` models "the" ``User`` is undefined (Prisma itself stops
   before relation checks while a duplicate exists).
2. merge-additions next: it adds fields into the one remaining copy, and
   what it adds may be relations that need the next two passes.
3. add-back-relations then completes every relation, merged ones included;
   it can create one-to-one relations (a one-to-one with no keys gets them).
4. add-one-to-one-unique last, so that it sees every one-to-one relation the
   schema finally has.

Each pass says which passes it needs before it (``Pass.runs_after``); the
test-suite checks :data:`PASSES` against that. A pass returns the very schema
object it was given when it changes nothing, so the runner tells "changed"
with ``is``; reports go to :class:`PassContext` as :class:`Change` entries.

>>> from prisma_tools import parse, print_schema
>>> schema = parse("model A {\\n  id Int @id\\n}\\n\\nmodel A {\\n  id Int @id\\n}\\n")
>>> fixed, changes = run_passes(schema)
>>> print(print_schema(fixed), end="")
model A {
  id Int @id
}
>>> [c.code for c in changes]
['PT001']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..nodes import CompositeType, EnumBlock, Model, Schema, View
from .add_back_relations import add_back_relations
from .add_one_to_one_unique import add_one_to_one_unique
from .base import REGISTRY, Change, DuplicatesPolicy, Pass, PassContext, PassFunction, register
from .merge_additions import merge_additions
from .remove_duplicates import remove_duplicates

__all__ = [
    "PASSES",
    "REGISTRY",
    "Change",
    "DuplicatesPolicy",
    "Pass",
    "PassContext",
    "PassFunction",
    "add_back_relations",
    "add_one_to_one_unique",
    "get_pass",
    "merge_additions",
    "register",
    "remove_duplicates",
    "resolve",
    "run_passes",
]

PASSES: tuple[Pass, ...] = (remove_duplicates, merge_additions, add_back_relations, add_one_to_one_unique)
"""The default pipeline, in order."""


def get_pass(key: str) -> Pass:
    """A pass by kebab-case name (``remove-duplicates``) or code (``PT001``, any case)."""
    p = REGISTRY.get(key)
    if p is not None:
        return p
    for p in REGISTRY.values():
        if p.code.lower() == key.lower():
            return p
    known = ", ".join(f"{p.name} ({p.code})" for p in PASSES)
    raise ValueError(f"unknown pass {key!r}; known passes: {known}")


def resolve(select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> tuple[Pass, ...]:
    """The passes of :data:`PASSES` that ``select`` (default: all) keeps and ``ignore`` drops, in pipeline order."""
    chosen = {get_pass(k).name for k in select} if select is not None else {p.name for p in PASSES}
    dropped = {get_pass(k).name for k in ignore or ()}
    return tuple(p for p in PASSES if p.name in chosen and p.name not in dropped)


def run_passes(
    schema: Schema,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    ctx: PassContext | None = None,
) -> tuple[Schema, tuple[Change, ...]]:
    """Run the pipeline (or the passes ``select``/``ignore`` leave) on ``schema``.

    Returns the result, which *is* ``schema`` when nothing changed, and the
    changes reported, in order. Options (duplicates policy, additions to
    merge) come with ``ctx``.
    """
    ctx = ctx if ctx is not None else PassContext()
    start = len(ctx.changes)
    for p in resolve(select, ignore):
        result = p(schema, ctx)
        # a pass that rebuilt an equal schema changed nothing: keep the original object
        if result is not schema and result != schema:
            if p is not remove_duplicates:
                lost = _members(schema) - _members(result)
                if lost:
                    # A repair never drops or retypes a field or enum value it did not set out to
                    # remove: refuse the whole result rather than lose one (nothing is written).
                    block, name, *_ = next(iter(lost))
                    ctx.error(
                        f"internal error: {p.name} would have dropped or changed {block}.{name}; "
                        "nothing was changed (please report this)",
                        path=schema.files[0].path if schema.files else "<string>",
                    )
                    return schema, tuple(ctx.changes[start:])
            schema = result
    return schema, tuple(ctx.changes[start:])


def _members(schema: Schema) -> Counter[tuple[str, str, str, bool, bool]]:
    """Every field (name and type) and enum value of every block: what a pass may add to, never take from."""
    out: Counter[tuple[str, str, str, bool, bool]] = Counter()
    for b in schema.blocks:
        if isinstance(b, (Model, View, CompositeType)):
            for f in b.fields:
                t = f.type
                out[
                    (
                        b.name,
                        f.name,
                        "" if t is None else t.name,
                        t is not None and t.list,
                        t is not None and t.optional,
                    )
                ] += 1
        elif isinstance(b, EnumBlock):
            for v in b.values:
                out[(b.name, v.name, "", False, False)] += 1
    return out
