"""``[tool.prisma-tools.lint]``: which rules run, and their options.

::

    [tool.prisma-tools.lint]
    select = ["field-name-camel-case", "require-field-index"]   # none by default
    ignore = ["PL004"]

    [tool.prisma-tools.lint.require-field-index]                  # options, with prisma-lint's names
    forAllRelations = true
    forNames = ["tenantId"]

A rule's options are the ones its prisma-lint rule takes, with the same names and
meanings; a pattern option takes a name or a ``"/regex/"`` string.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from .registry import RULES, UnknownRule, resolve_selectors
from .rule import LintRule, Options

__all__ = ["LintConfigError", "LintSettings", "configure", "from_prismalintrc"]

_RULE_NAMES = {r.name for r in RULES}


class LintConfigError(ValueError):
    """The lint configuration names an unknown rule or gives bad options."""


@dataclass
class LintSettings:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Options per rule name."""
    source: str | None = None
    """Where they were read from, for messages."""

    @classmethod
    def from_table(cls, table: Mapping[str, Any], source: str | None = None) -> LintSettings:
        """Read the ``[tool.prisma-tools.lint]`` table."""
        where = f"{source}: " if source else ""
        settings = cls(source=source)
        for key, value in table.items():
            if key in ("select", "ignore"):
                items = [value] if isinstance(value, str) else value
                if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
                    raise LintConfigError(
                        f"{where}[tool.prisma-tools.lint] {key} must be a list of rule names or codes"
                    )
                setattr(settings, key, list(items))
            elif key in _RULE_NAMES:
                if not isinstance(value, dict):
                    raise LintConfigError(f"{where}[tool.prisma-tools.lint.{key}] must be a table of options")
                settings.options[key] = dict(value)
            else:
                raise LintConfigError(
                    f"{where}unknown key {key!r} in [tool.prisma-tools.lint] (rules: see `prisma-tools lint --list`)"
                )
        return settings


def from_prismalintrc(data: Any, source: str | None = None) -> LintSettings:
    """Settings from a prisma-lint configuration (``.prismalintrc.json``'s object).

    ``{"rules": {"rule-name": "error" | "off" | ["error", {options}]}}``: the rules at
    ``error`` are selected, with their options, so a team can switch as it is.
    """
    where = f"{source}: " if source else ""
    rules = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(rules, dict):
        raise LintConfigError(f'{where}expected a "rules" object')
    settings = LintSettings(source=source)
    for name, value in rules.items():
        if name not in _RULE_NAMES:
            raise LintConfigError(f"{where}unknown prisma-lint rule {name!r}")
        level, options = (
            (value[0] if value else "off", value[1] if len(value) > 1 else None)
            if isinstance(value, list)
            else (value, None)
        )
        if level not in ("error", "off") or not (options is None or isinstance(options, dict)):
            raise LintConfigError(f'{where}rule {name}: expected "error", "off" or ["error", {{options}}]')
        if level == "error":
            settings.select.append(name)
            if options is not None:
                settings.options[name] = dict(options)
    return settings


def configure(
    settings: LintSettings, *, select: Sequence[str] | None = None, ignore: Sequence[str] = ()
) -> list[tuple[LintRule, Options]]:
    """The rules to run, each with its validated options (flags replace ``select`` and add to ``ignore``)."""
    where = f"{settings.source}: " if settings.source else ""
    try:
        chosen = resolve_selectors(list(select) if select is not None else settings.select)
        dropped = {r.code for r in resolve_selectors([*settings.ignore, *ignore])}
    except UnknownRule as e:
        raise LintConfigError(f"{where}{e}") from None
    out = []
    for rule in chosen:
        if rule.code in dropped:
            continue
        raw = settings.options.get(rule.name)
        if raw is None and rule.options_required:
            required = [n for n, f in rule.options.model_fields.items() if f.is_required()]
            raise LintConfigError(
                f"{where}rule {rule.name} needs options ({', '.join(required)}) in [tool.prisma-tools.lint.{rule.name}]"
            )
        try:
            options = rule.options.model_validate(raw or {})
        except ValidationError as e:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in err['loc']) or 'options'}: {err['msg']}" for err in e.errors()
            )
            raise LintConfigError(f"{where}bad options for {rule.name}: {problems}") from None
        out.append((rule, options))
    return out
