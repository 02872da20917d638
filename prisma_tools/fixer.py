"""``fix``: run the repair passes over a schema, one file or a whole schema folder.

>>> from prisma_tools import parse, print_schema
>>> schema = parse(
...     "model User {\\n  id Int @id\\n}\\n\\n"
...     "model Post {\\n  id Int @id\\n  userId Int\\n  user User @relation(fields: [userId], references: [id])\\n}\\n"
... )
>>> result = fix(schema)
>>> result.changed, [c.render() for c in result.changes]
(True, ['<string>:1:1: info[PT003]: added User.posts Post[], the opposite of Post.user'])
>>> print(print_schema(result.schema).split("}")[0])
model User {
  id    Int    @id
  posts Post[]
<BLANKLINE>
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .nodes import Schema
from .passes import Change, DuplicatesPolicy, PassContext, run_passes

__all__ = ["FixResult", "fix"]


@dataclass(frozen=True)
class FixResult:
    """What :func:`fix` made of a schema: the result, whether it differs, and the changes reported."""

    schema: Schema
    changes: tuple[Change, ...] = ()
    changed: bool = False

    @property
    def errors(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.severity == "error")

    @property
    def warnings(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.severity == "warning")


def fix(
    schema: Schema,
    *,
    merge: Sequence[Schema] = (),
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    duplicates: DuplicatesPolicy = "first",
) -> FixResult:
    """Repair ``schema`` with the passes of :data:`prisma_tools.passes.PASSES`.

    ``merge``: schemas whose blocks, fields and attributes are merged in (in
    order). ``select``/``ignore``: pass names or codes to run or skip.
    ``duplicates``: which copy of a duplicated block to keep, ``"first"`` or
    ``"last"``, or ``"error"`` to report duplicates and change nothing.
    For a schema folder, new blocks go to the main file and new fields to the
    file that declares their model. ``result.schema is schema`` when nothing
    changed.
    """
    if duplicates not in ("first", "last", "error"):
        raise ValueError(f"duplicates must be 'first', 'last' or 'error', not {duplicates!r}")
    ctx = PassContext(duplicates=duplicates, additions=tuple(merge))
    # The passes build many short-lived index objects beside a large AST that
    # holds no cycles: the cyclic GC would rescan that AST over and over (7x the
    # run time at 5,000 models), so it is paused, as during parsing.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        out, changes = run_passes(schema, select=select, ignore=ignore, ctx=ctx)
    finally:
        if gc_was_enabled:
            gc.enable()
    return FixResult(schema=out, changes=changes, changed=out is not schema)
