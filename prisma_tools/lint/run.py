"""Running rules over a resolved schema: ignore comments honoured, findings as diagnostics."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic, source_line
from .context import LintContext
from .ignore import line_ignored
from .settings import LintConfigError

if TYPE_CHECKING:
    from ..diagnostics import Severity
    from ..resolve import ResolvedSchema
    from .rule import Finding, LintRule, Options

__all__ = ["lint_schema", "run_rule"]

SEVERITY: Severity = "warning"


def run_rule(rule: LintRule, options: Options, db: ResolvedSchema | LintContext) -> list[Diagnostic]:
    """The diagnostics of one rule over every model (or enum) of ``db``.

    A block with ``/// prisma-lint-ignore-model`` (``-enum``), alone or naming the
    rule, is skipped; a finding under ``/// prisma-lint-ignore-field`` naming the
    rule (or none) is dropped. Raises :class:`~prisma_tools.lint.number.MissingDependency`
    when the rule needs a package that is missing, :class:`LintConfigError` on a bad
    regular expression in its options.
    """
    ctx = db if isinstance(db, LintContext) else LintContext(db)
    blocks = ctx.db.models if rule.scope == "model" else ctx.db.enums
    out: list[Diagnostic] = []
    for block in blocks:
        ignores = ctx.ignores(block)
        if ignores.everything or ignores.rule(rule.name):
            continue
        try:
            findings = list(rule.check(ctx, block, options))
        except re.error as e:
            raise LintConfigError(f"bad regular expression in the options of {rule.name}: {e}") from None
        for finding in findings:
            d = _diagnostic(ctx, rule, finding)
            if d is not None:
                out.append(d)
    return out


def _diagnostic(ctx: LintContext, rule: LintRule, finding: Finding) -> Diagnostic | None:
    block = finding.block
    path = block.file.path
    text = ctx.rewrite.texts[path]
    block_start = block.node.span.start_offset if block.node.span is not None else 0
    # prisma-lint reads the comment above the node it reports: the field, the model, and for an
    # enum value the enum; the comment above the value itself is honoured too
    if (finding.member is None or block.kind == "enum") and line_ignored(text, block_start, rule.name):
        return None
    if finding.member is not None:
        span = ctx.rewrite.member_span(path, finding.member)
        if line_ignored(text, span.start_offset, rule.name):
            return None
    else:
        span = ctx.rewrite.block_name_span(block)
    return Diagnostic(
        severity=SEVERITY,
        message=finding.message,
        path=path,
        span=span,
        code=rule.code,
        line_text=source_line(text, span),
        fix=finding.fix,
    )


def lint_schema(db: ResolvedSchema, rules: Sequence[tuple[LintRule, Options]]) -> list[Diagnostic]:
    """Every diagnostic of ``rules`` (each with its options) over ``db``, in file and source order."""
    ctx = LintContext(db)
    out: list[Diagnostic] = []
    for rule, options in rules:
        out.extend(run_rule(rule, options, ctx))
    order = {f.path: f.index for f in db.files}
    out.sort(key=lambda d: (order.get(d.path, 0), d.span.start_offset if d.span else 0, d.code or ""))
    return out
