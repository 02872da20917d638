"""The registry of diagnostic classes: a stable code, a name and Prisma's message template for each.

Codes group by area (the letter is the severity Prisma gives: ``E`` error,
``W`` warning)::

    E0xx  syntax (lines Prisma's grammar keeps only to reject)
    E1xx  names: duplicates, reserved and invalid names
    E2xx  field types
    E3xx  attributes, their arguments, @default and @map
    E4xx  relations and referential actions
    E5xx  primary keys, unique constraints and indexes
    E6xx  native types and connector capabilities
    E7xx  datasource, generator and preview features
    E8xx  composite types, views, multi-schema, shard keys

A validation module declares its rules at import with :func:`rule`, and
reports through :meth:`Context.report <prisma_tools.validation.context.Context.report>`.
``prisma-tools rules`` lists them all. Rules of other origins (the repair passes,
lint rules) are declared with the same function; :mod:`prisma_tools.registry`
is the one view over all of them, their fixes and their selection.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["RULES", "Rule", "rule"]


@dataclass(frozen=True)
class Rule:
    """One diagnostic class."""

    code: str
    name: str
    template: str
    """Prisma's message, with ``{placeholders}`` for the parts that vary."""
    severity: Literal["error", "warning"] = "error"
    summary: str = ""
    """One line saying what the rule finds (default: the template's first sentence)."""
    docs: str = ""
    """Markdown: why it matters and an example (``prisma-tools rule CODE``, ``docs/rules.md``)."""
    default: bool = True
    """Selected unless ``--select`` says otherwise; lint rules are opt-in (``False``)."""
    origin: Literal["prisma", "repair", "lint"] = "prisma"
    """Who defines the diagnostic: Prisma's validator, a repair pass of ``fix``, or a lint rule."""


RULES: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    template: str,
    severity: Literal["error", "warning"] = "error",
    *,
    summary: str = "",
    docs: str = "",
    default: bool = True,
    origin: Literal["prisma", "repair", "lint"] = "prisma",
) -> Rule:
    """Declare (and register) a diagnostic class; a code or name is declared once."""
    r = Rule(code, name, template, severity, summary, docs, default, origin)
    existing = RULES.get(code)
    if existing is not None and existing != r:
        raise ValueError(f"rule code {code} declared twice ({existing.name}, {name})")
    RULES[code] = r
    return r
