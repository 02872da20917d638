"""The lint rules in the shared rule registry: ``check``/``fix --select PL013`` run them too.

Each lint rule is declared with :func:`~prisma_tools.validation.rules.rule`
(``origin="lint"``, ``default=False``: only a selection that names it, a prefix
of its code or ``ALL`` turns it on) and gets a check of its own, so a run pays
only for the lint rules it selects. The check lints ``ctx.db`` as
``prisma-tools lint`` does (ignore comments honoured) and reports each
diagnostic as a finding with its fix; ``fix`` applies those fixes with the
others.

Options: ``check`` and ``fix`` pass only a selection down to the checks, so the
``[tool.prisma-tools.lint]`` settings reach them through :func:`using_settings`
(the CLI wraps its run in it with the settings of its ``pyproject.toml``). A
rule whose options have required keys is skipped while the settings give none,
as is a rule whose optional package is missing (:func:`skipped` names them, for
the CLI to say so); bad options raise
:class:`~prisma_tools.lint.settings.LintConfigError`. Unlike ``lint``, the
``select``/``ignore`` keys of that table do not apply here: ``check`` and ``fix``
select with ``--select``/``[tool.prisma-tools] select``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from importlib.util import find_spec
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from ..registry import fixer, register_check
from ..validation.rules import rule
from .context import LintContext
from .docs import options_lines
from .registry import RULES
from .run import run_rule
from .settings import LintSettings, validate_options

if TYPE_CHECKING:
    from ..edits import Fix
    from ..resolve import ResolvedSchema
    from ..selection import Selection
    from ..validation.context import Context, Finding
    from ..validation.rules import Rule
    from .rule import LintRule, Options

__all__ = ["options_for", "skipped", "unavailable", "using_settings"]

_SETTINGS: ContextVar[LintSettings] = ContextVar("lint_settings", default=LintSettings())  # noqa: B039  # never mutated

# One LintContext (its rewriter, the ignore comments read) per validation run, shared by the rules' checks.
_CONTEXTS: WeakKeyDictionary[Context, LintContext] = WeakKeyDictionary()


@contextmanager
def using_settings(settings: LintSettings) -> Iterator[None]:
    """Within the block, the lint rules run by ``check``/``fix`` take their options from ``settings``."""
    token = _SETTINGS.set(settings)
    try:
        yield
    finally:
        _SETTINGS.reset(token)


def options_for(lint_rule: LintRule, settings: LintSettings | None = None) -> Options | None:
    """The rule's options from ``settings`` (default: the current ones); None when it needs options it lacks."""
    settings = settings if settings is not None else _SETTINGS.get()
    raw = settings.options.get(lint_rule.name)
    if raw is None and lint_rule.options_required:
        return None
    return validate_options(lint_rule, raw, settings.source)


def unavailable(lint_rule: LintRule, settings: LintSettings | None = None) -> str | None:
    """Why the rule cannot run under ``settings`` (its required options, a missing package); None if it can.

    Raises :class:`LintConfigError` when its options are bad.
    """
    missing = [p for p in lint_rule.needs if find_spec(p) is None]
    if missing:
        return f"needs the package {', '.join(missing)} (pip install 'prisma-tools[lint]')"
    if options_for(lint_rule, settings) is None:
        return f"needs options in [tool.prisma-tools.lint.{lint_rule.name}]"
    return None


def skipped(selection: Selection, settings: LintSettings) -> list[tuple[LintRule, str]]:
    """The lint rules ``selection`` turns on that will not run, and why (see :func:`unavailable`)."""
    out = []
    for r in RULES:
        if selection.enabled(_SHARED[r.code]):
            reason = unavailable(r, settings)
            if reason is not None:
                out.append((r, reason))
    return out


def _docs(lint_rule: LintRule) -> str:
    options = options_lines(lint_rule.options)
    parts = [lint_rule.docs.rstrip()]
    if options:
        required = " (required: without them `check` and `fix` skip the rule)" if lint_rule.options_required else ""
        parts.append(f"Options, in `[tool.prisma-tools.lint.{lint_rule.name}]`{required}:\n\n" + "\n".join(options))
    if lint_rule.deprecated_by:
        parts.append(f"Deprecated: use `{lint_rule.deprecated_by}`.")
    if lint_rule.needs:
        parts.append(f"Needs: {', '.join(lint_rule.needs)} (`pip install 'prisma-tools[lint]'`).")
    parts.append(f"Also run by `prisma-tools lint --select {lint_rule.name}`.")
    return "\n\n".join(parts)


def _declare(lint_rule: LintRule) -> Rule:
    shared = rule(
        lint_rule.code,
        lint_rule.name,
        "{message}",
        "warning",
        summary=lint_rule.summary,
        docs=_docs(lint_rule),
        default=False,
        origin="lint",
    )

    @register_check(lint_rule.code)
    def check(ctx: Context) -> None:
        options = options_for(lint_rule)
        if options is None or unavailable(lint_rule) is not None:
            return  # the CLI says which selected rules are skipped, and why
        lint_ctx = _CONTEXTS.get(ctx)
        if lint_ctx is None:
            lint_ctx = _CONTEXTS[ctx] = LintContext(ctx.db)
        files = {f.path: f for f in ctx.db.files}
        for d in run_rule(lint_rule, options, lint_ctx):
            span = d.span
            where = (span.start_offset, span.end_offset) if span is not None else (0, 0)
            finding = ctx.report(shared, files[d.path], where, message=d.message)
            finding.fix = d.fix

    if lint_rule.fix is not None:
        # The check attaches each fix itself; this declares the fix's kind and title for the docs.
        def attached(finding: Finding, db: ResolvedSchema) -> Fix | None:
            return finding.fix

        attached.__doc__ = (lint_rule.fix_summary or "").capitalize() + ".\n\nSee the rule's example above."
        fixer(lint_rule.code, lint_rule.fix)(attached)
    return shared


_SHARED: dict[str, Rule] = {r.code: _declare(r) for r in RULES}
