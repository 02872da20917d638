"""What a lint rule is: declarative metadata, an options model, and a check.

A rule looks at one model (or one enum) at a time, as prisma-lint's do, and
yields :class:`Finding` objects; :func:`prisma_tools.lint.run_rule` turns them
into :class:`~prisma_tools.diagnostics.Diagnostic` objects after honouring the
ignore comments. Everything a registry or a documentation page needs is a plain
attribute of :class:`LintRule`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    from ..edits import Fix
    from ..nodes import EnumValue, FieldDecl
    from ..resolve import EnumInfo, FieldBlockInfo
    from .context import LintContext

__all__ = ["Block", "Finding", "LintRule", "NoOptions", "Options"]

Block = Any  # FieldBlockInfo (a model) or EnumInfo, by the rule's scope


class Options(BaseModel):
    """Base of the rules' options: unknown keys are errors (prisma-lint's schemas are strict)."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class NoOptions(Options):
    """A rule without options."""


@dataclass(frozen=True)
class Finding:
    """One violation: where (a block, and the field or enum value if any), what, and a repair."""

    block: FieldBlockInfo | EnumInfo
    message: str
    member: FieldDecl | EnumValue | None = None
    fix: Fix | None = None


@dataclass(frozen=True)
class LintRule:
    """A lint rule.

    ``code`` is stable (``PL`` + number, in prisma-lint's order); ``name`` is
    prisma-lint's rule name; ``docs`` is Markdown with a good and a bad example;
    ``fix`` is the best applicability the rule's repairs have (``None``: it has
    none); ``needs`` names optional packages the rule cannot run without.
    """

    code: str
    name: str
    summary: str
    docs: str
    scope: Literal["model", "enum"]
    options: type[Options]
    check: Callable[[LintContext, Any, Any], Iterator[Finding]] = field(repr=False)
    fix: Literal["safe", "unsafe", "display"] | None = None
    fix_summary: str | None = None
    needs: tuple[str, ...] = ()
    deprecated_by: str | None = None
    options_required: bool = False
    """Selecting the rule without options is an error (its options have required keys)."""
