"""One registry of rules: every diagnostic ``check`` reports and every repair ``fix`` makes.

A rule (:class:`~prisma_tools.validation.rules.Rule`) has a stable ``code``, a
kebab-case ``name``, a one-line ``summary``, Markdown ``docs`` with an example,
a ``severity``, whether it is selected by ``default`` and its ``origin``
(``prisma``: Prisma's validator, ``repair``: a pass of ``fix``, ``lint``: an
opt-in convention). A rule may have a fix: a :class:`~prisma_tools.edits.Fix`
(text edits, ``safe``/``unsafe``/``display``) attached to each diagnostic.

Adding a rule from another package (lint rules do this) takes two or three calls,
at import time of a module that :func:`all_rules` imports (``prisma_tools.lint``,
when it exists, is imported: its ``__init__`` imports its rule modules)::

    from prisma_tools.edits import Fix, TextEdit
    from prisma_tools.registry import register_check
    from prisma_tools.validation.rules import rule

    PASCAL = rule("L101", "model-name-pascal-case", "Model name `{name}` is not PascalCase.", "warning",
                  summary="Model names are PascalCase.", docs="...example...", default=False, origin="lint")

    @register_check(PASCAL.code)
    def check(ctx):  # ctx: validation.Context; ctx.db is the resolved schema
        for m in ctx.db.models:
            if not is_pascal(m.name):
                finding = ctx.report(PASCAL, m.file, m.node, name=m.name)
                finding.fix = Fix(message="Rename", applicability="unsafe", edits=(TextEdit(...),))

A check runs only when one of its codes is selected (so opt-in rules cost nothing
by default) and after Prisma's validations; it reports through
:meth:`Context.report <prisma_tools.validation.context.Context.report>` (a node or
character offsets; the finding keeps the node) and may set ``finding.fix``. A fix can
instead be computed after the fact from the finding (what Prisma's quick fixes need):
``@fixer(code, applicability)`` on ``def f(finding, db) -> Fix | None``; the
function's docstring is the fix's documentation (first line: its title; then an
example in a ``prisma`` code block). Edits are character offsets into the file's
text (``finding.file.text``); ``fix`` applies them, re-validates and repeats, and
drops a fix that adds a syntax error. ``docs/rules.md`` and ``prisma-tools rule
CODE`` render ``Rule.docs`` and the fixer's docstring
(``python scripts/gen_rules_doc.py`` after adding rules).

Selection (:mod:`prisma_tools.selection`) takes codes, code prefixes, names and
``ALL``; ``default=False`` keeps a rule off until ``--select``/``--extend-select``
names it (or ``select``/``extend-select`` in ``[tool.prisma-tools]``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Literal

from .validation.rules import RULES, Rule, rule

if TYPE_CHECKING:
    from .edits import Fix
    from .resolve import ResolvedSchema
    from .selection import Selection
    from .validation.context import Context, Finding

__all__ = [
    "CHECKS",
    "FIXERS",
    "Fixer",
    "all_rules",
    "attach_fixes",
    "fixer",
    "get_rule",
    "register_check",
    "render_rules_doc",
    "rule_docs",
    "run_checks",
]

FixFunction = Callable[["Finding", "ResolvedSchema"], "Fix | None"]
Check = Callable[["Context"], None]

# The packages whose import declares rules, fixes and checks. `prisma_tools.lint` may be absent.
_RULE_MODULES = ("prisma_tools.quickfixes", "prisma_tools.lint")


@dataclass(frozen=True)
class Fixer:
    """How a rule's diagnostics are repaired: a function from a finding to a :class:`Fix`."""

    code: str
    applicability: Literal["safe", "unsafe", "display"]
    function: FixFunction

    @property
    def title(self) -> str:
        doc = (self.function.__doc__ or "").strip()
        return doc.splitlines()[0] if doc else ""

    @property
    def docs(self) -> str:
        import inspect

        doc = inspect.cleandoc(self.function.__doc__ or "")
        return doc.partition("\n")[2].strip()


FIXERS: dict[str, Fixer] = {}
"""The fix of each rule code that has one."""
CHECKS: list[tuple[tuple[str, ...], Check]] = []
"""Checks beyond Prisma's validations (lint rules), with the codes each reports."""


def fixer(code: str, applicability: Literal["safe", "unsafe", "display"]) -> Callable[[FixFunction], FixFunction]:
    """Register ``function(finding, db) -> Fix | None`` as the fix of rule ``code``."""

    def wrap(function: FixFunction) -> FixFunction:
        if code in FIXERS:
            raise ValueError(f"rule {code} has two fixes")
        FIXERS[code] = Fixer(code, applicability, function)
        return function

    return wrap


def register_check(*codes: str) -> Callable[[Check], Check]:
    """Register ``check(ctx)``, which reports the rules ``codes``; run only when one is selected."""

    def wrap(check: Check) -> Check:
        CHECKS.append((codes, check))
        return check

    return wrap


_loaded = False
_imported: set[str] = set()
"""The modules of :data:`_RULE_MODULES` imported so far."""
_STRICT = False
"""Set by the test-suite: a fixer that raises fails the test instead of offering no fix."""


def _load_fixes(*, lint: bool = True) -> None:
    """Import what declares fixes and checks (not the passes: `check` need not pay for them).

    ``lint=False`` leaves out the lint rules: off by default, they only run when a selection
    names some, and their findings carry their fixes (so attaching fixes never needs them).
    """
    for name in _RULE_MODULES:
        if name in _imported or (not lint and name == "prisma_tools.lint"):
            continue
        _imported.add(name)
        try:
            import_module(name)
        except ModuleNotFoundError as e:
            if e.name != name:
                raise


def _load(*, lint: bool = True) -> None:
    """Import everything that declares rules: the validations, the passes, the fixes and checks
    (``lint=False``: not the lint rules, see :func:`_load_fixes`)."""
    global _loaded
    if _loaded:
        _load_fixes(lint=lint)
        return
    _loaded = True
    from .passes import PASSES
    from .validation.pipeline import modules

    modules()
    for p in PASSES:
        rule(
            p.code,
            p.name,
            p.summary.replace("``", "`"),
            "warning",
            summary=p.summary.replace("``", "`"),
            docs=_pass_docs(p.doc),
            origin="repair",
        )
    _load_fixes(lint=lint)


def _pass_docs(doc: str) -> str:
    import inspect

    return inspect.cleandoc(doc).partition("\n")[2].strip()


def all_rules() -> list[Rule]:
    """Every rule of every origin, by code."""
    _load()
    return sorted(RULES.values(), key=lambda r: r.code)


def get_rule(key: str) -> Rule | None:
    """A rule by code (any case) or name."""
    _load()
    r = RULES.get(key.upper())
    if r is not None:
        return r
    return next((r for r in RULES.values() if r.name == key), None)


def summary(r: Rule) -> str:
    """The rule's one-line summary (its template's first sentence when it declares none)."""
    if r.summary:
        return r.summary
    first = r.template.split("\n")[0]
    return first


REPAIRED_BY = {"E101": "PT001", "E430": "PT003", "E441": "PT004"}
"""The Prisma diagnostics a repair pass of ``fix`` repairs (its richer way: relation names, both
sides, schema folders). Ignoring either the pass or the diagnostic turns both repairs off."""


def pass_enabled(code: str, selection: Selection | None) -> bool:
    """Whether the repair pass ``code`` runs: selected, and the diagnostic it repairs not ignored."""
    _load(lint=False)  # passes and Prisma's diagnostics only
    if selection is None:
        return True
    repaired = [RULES[c] for c, p in REPAIRED_BY.items() if p == code]
    return selection.enabled(RULES[code]) and not any(selection.ignores(r) for r in repaired)


def fix_enabled(code: str, selection: Selection | None) -> bool:
    """Whether the fixes of rule ``code`` are applied: selected, and its repair pass not ignored."""
    _load(lint=False)  # a lint rule's code is known once its check ran (which imported it)
    r = RULES.get(code)
    if r is None:
        return False
    if selection is None:
        return r.default
    p = REPAIRED_BY.get(code)
    return selection.enabled(r) and not (p is not None and selection.ignores(RULES[p]))


def run_checks(ctx: Context, selection: Selection | None) -> None:
    """Run the registered checks with a selected code (none are selected by default unless a rule is)."""
    # the checks are lint rules, all off by default: only a selection that names rules can turn one on
    _load_fixes(lint=selection is not None and bool(selection.select or selection.extend_select))
    for codes, check in CHECKS:
        rules = [RULES[c] for c in codes if c in RULES]
        if any(_enabled(r, selection) for r in rules):
            check(ctx)


def _enabled(r: Rule, selection: Selection | None) -> bool:
    return r.default if selection is None else selection.enabled(r)


def attach_fixes(findings: Iterable[Finding], db: ResolvedSchema) -> None:
    """Set each finding's fix from its rule's fixer (a finding that has one already keeps it)."""
    _load_fixes(lint=False)
    for f in findings:
        if f.fix is not None:
            continue
        fx = FIXERS.get(f.code)
        if fx is not None:
            try:
                f.fix = fx.function(f, db)
            except Exception:  # a fixer's bug must not cost the user the diagnostic: no fix, then
                if _STRICT:
                    raise
                f.fix = None


def rule_docs(r: Rule) -> str:
    """The Markdown documentation of a rule: ``prisma-tools rule CODE`` and a section of ``docs/rules.md``."""
    _load()
    origin = {"prisma": "Prisma's validator", "repair": "a repair pass of `fix`", "lint": "lint (opt-in)"}[r.origin]
    fx = FIXERS.get(r.code)
    if r.origin == "repair":
        fix_line = "its own repair (applied by `fix`)"
    elif fx is None:
        fix_line = "none"
    else:
        fix_line = {
            "safe": "safe (applied by `fix`)",
            "unsafe": "unsafe (applied by `fix --unsafe-fixes`)",
            "display": "shown only (`check --show-fixes`), never applied",
        }[fx.applicability]
    lines = [
        f"## {r.code} `{r.name}`",
        "",
        summary(r),
        "",
        f"- origin: {origin}",
        f"- severity: {r.severity}",
        f"- selected by default: {'yes' if r.default else 'no'}",
        f"- fix: {fix_line}",
        "",
    ]
    if r.origin != "repair" and r.template != "{message}":  # lint rules' messages vary: their docs show them
        lines += ["Message:", "", "```text", r.template, "```", ""]
    if r.docs:
        lines += [r.docs, ""]
    if fx is not None:
        lines += [f"### Fix: {fx.title}", ""]
        if fx.docs:
            lines += [fx.docs, ""]
    return "\n".join(lines).rstrip() + "\n"


_ORIGINS = (
    ("repair", "Repair passes of `fix`"),
    ("prisma", "Prisma's validation"),
    ("lint", "Lint rules (opt-in)"),
)


def render_rules_doc(rules: list[Rule]) -> str:
    """``docs/rules.md``: an index table, then each rule's documentation, grouped by origin."""
    lines = [
        "# Rules",
        "",
        "<!-- generated by scripts/gen_rules_doc.py from prisma_tools/registry.py; do not edit -->",
        "",
        "Every diagnostic `check` reports and every repair `fix` makes is a rule with a stable code.",
        "Select them with `--select`, `--extend-select` and `--ignore` (codes, prefixes such as `E4`,",
        "names, `ALL`), or the same keys in `[tool.prisma-tools]`. `prisma-tools rule CODE` prints",
        "one rule's section. Fix: **safe** fixes are applied by `fix`, **unsafe** ones by",
        "`fix --unsafe-fixes`, **hint** ones are shown by `check --show-fixes` only.",
        "",
    ]
    for origin, title in _ORIGINS:
        group = [r for r in rules if r.origin == origin]
        if not group:
            continue
        lines += [f"## {title}", "", "| code | name | severity | fix | summary |", "|---|---|---|---|---|"]
        for r in group:
            fx = FIXERS.get(r.code)
            mark = (
                "pass"
                if origin == "repair"
                else {"safe": "safe", "unsafe": "unsafe", "display": "hint"}.get(fx.applicability if fx else "", "")
            )
            text = summary(r).replace("|", "\\|").replace("\n", " ")
            lines.append(f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {r.severity} | {mark} | {text} |")
        lines.append("")
    for origin, _ in _ORIGINS:
        for r in (r for r in rules if r.origin == origin):
            lines.append(f'<a id="{r.code.lower()}"></a>')
            lines.append("")
            section = rule_docs(r).splitlines()
            lines += [("#" + x) if x.startswith(("## ", "### ")) else x for x in section]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
