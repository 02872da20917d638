"""prisma-lint's rules, natively, with fixes: opt-in conventions for Prisma schemas.

>>> import prisma_tools
>>> from prisma_tools.lint import RULES, LintSettings, configure, lint_schema
>>> db = prisma_tools.analyze(prisma_tools.parse("model user_account {\\n  id Int @id\\n}\\n"))
>>> rules = configure(LintSettings(select=["model-name-pascal-case"]))
>>> [d.render(excerpt=False) for d in lint_schema(db, rules)]
['<string>:1:7: warning[PL013]: Model name "user_account" is not in PascalCase.']

Every rule (:class:`LintRule`) has a code (``PL001``...), prisma-lint's name, a
summary, documentation with an example, an options model and a check; its
findings are :class:`~prisma_tools.diagnostics.Diagnostic` objects whose ``fix``
is a :class:`~prisma_tools.edits.Fix` of text edits. :func:`fix_texts` applies
them until none is left.
"""

from .apply import FixResult, fix_texts, lint_texts
from .number import MissingDependency
from .registry import RULES, UnknownRule, resolve_selectors
from .rule import Finding, LintRule, NoOptions, Options
from .run import lint_schema, run_rule
from .settings import LintConfigError, LintSettings, configure, from_prismalintrc

__all__ = [
    "RULES",
    "Finding",
    "FixResult",
    "LintConfigError",
    "LintRule",
    "LintSettings",
    "MissingDependency",
    "NoOptions",
    "Options",
    "UnknownRule",
    "configure",
    "fix_texts",
    "from_prismalintrc",
    "lint_schema",
    "lint_texts",
    "resolve_selectors",
    "run_rule",
]
