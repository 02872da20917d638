"""Prisma's validator: every error and warning Prisma reports for a schema, in Prisma's words.

>>> import prisma_tools
>>> schema = prisma_tools.parse("model User {\\n  id Int @id\\n  email Strin\\n}\\n")
>>> [(d.location(), d.code, d.message[:22]) for d in prisma_tools.validation(schema)]
[('<string>:3:9', 'E201', 'Type "Strin" is neithe')]

Validations read the resolved schema (:mod:`prisma_tools.resolve`); one
module per concern; :mod:`.pipeline` says in which order they run and
:mod:`.rules` lists every diagnostic class with its code.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from .context import Context, Finding
from .rules import RULES, Rule

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic
    from ..nodes import Schema
    from ..selection import Selection

__all__ = ["DEFAULT_PRISMA_VERSION", "RULES", "Context", "Finding", "Rule", "all_rules", "check_schema", "validate"]

DEFAULT_PRISMA_VERSION = 6
"""The engine judged against when nothing says otherwise (see ``--prisma-version``)."""


def check_schema(
    schema: Schema,
    *,
    prisma_version: int = DEFAULT_PRISMA_VERSION,
    sources: dict[str, str] | None = None,
    selection: Selection | None = None,
    fixes: bool = False,
) -> list[Finding]:
    """Every diagnostic Prisma's validator gives ``schema``, as :class:`Finding` objects (with byte ranges).

    ``schema`` should be parsed leniently (``strict=False``) so that lines
    Prisma rejects are kept and reported. ``sources`` maps each file's path to
    its text; by default the texts the parser recorded are used. ``selection``
    (default: the rules on by default) drops the diagnostics of rules it turns
    off and runs the opt-in checks it turns on; ``fixes`` attaches each rule's fix.
    """
    from ..resolve import analyze
    from .pipeline import run

    if prisma_version not in (6, 7):
        raise ValueError(f"prisma_version must be 6 or 7, not {prisma_version!r}")
    # The resolved model and the validations allocate many small objects beside a large AST: the cyclic
    # GC would rescan that AST again and again (half of the time at 5,000 models), so it is paused, as
    # during parsing and the repair passes. The few cycles made here (parent links) are freed later.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        ctx = Context(analyze(schema, sources), prisma_version=prisma_version)
        run(ctx)
        findings = ctx.findings
        if (selection is not None and not selection.is_default) or fixes:
            from .. import registry

            registry.run_checks(ctx, selection)
            findings = ctx.findings
            if selection is not None:
                findings = [f for f in findings if selection.enabled(f.rule)]
            if fixes:
                registry.attach_fixes(findings, ctx.db)
    finally:
        if gc_was_enabled:
            gc.enable()
    return findings


def validate(
    schema: Schema,
    *,
    prisma_version: int = DEFAULT_PRISMA_VERSION,
    sources: dict[str, str] | None = None,
    selection: Selection | None = None,
    fixes: bool = False,
) -> list[Diagnostic]:
    """Prisma's errors and warnings for ``schema``, as :class:`~prisma_tools.Diagnostic` objects.

    ``selection`` and ``fixes`` as for :func:`check_schema` (``fixes``: each diagnostic's ``fix``).
    """
    from ..nodes import LineIndex

    findings = check_schema(schema, prisma_version=prisma_version, sources=sources, selection=selection, fixes=fixes)
    lines: dict[str, LineIndex] = {}
    out = []
    for f in findings:
        index = lines.get(f.path)
        if index is None:
            index = lines[f.path] = LineIndex(f.file.text)
        out.append(f.to_diagnostic(index))
    return out


def all_rules() -> list[Rule]:
    """Every diagnostic class, by code (imports every validation module so that all are registered)."""
    from .pipeline import modules

    modules()
    return sorted(RULES.values(), key=lambda r: r.code)
