"""``--select``, ``--extend-select``, ``--ignore`` for ``check`` and ``fix``: click options and the
:class:`~prisma_tools.selection.Selection` they and ``[tool.prisma-tools]`` make."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from .options import echo_err
from .runner import EXIT_ERROR

if TYPE_CHECKING:
    from ..config import Config
    from ..selection import Selection

__all__ = ["build_selection", "selection_options", "split"]


def split(values: tuple[str, ...] | list[str]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def selection_options(f: Any) -> Any:
    for name, help_ in reversed(
        (
            ("--select", "Only these rules (codes, code prefixes such as E4, names, or ALL; comma-separated)."),
            ("--extend-select", "These rules as well as the selected ones (e.g. opt-in lint rules)."),
            ("--ignore", "Not these rules (codes, prefixes or names; comma-separated)."),
        )
    ):
        f = click.option(name, multiple=True, metavar="RULE", help=help_)(f)
    return f


def build_selection(
    select: tuple[str, ...], extend_select: tuple[str, ...], ignore: tuple[str, ...], cfg: Config
) -> Selection:
    """Flags over ``[tool.prisma-tools]``; a selector matching no rule is a usage error (a flag)
    or the file's error (exit 2)."""
    from ..selection import Selection, unknown_keys

    if not (select or extend_select or ignore or cfg.select is not None or cfg.extend_select or cfg.ignore):
        return Selection()  # the default: no need to load every rule to check the selectors
    from ..registry import all_rules

    rules = all_rules()
    chosen: dict[str, list[str] | None] = {}
    for option, flag, configured in (
        ("select", select, cfg.select),
        ("extend-select", extend_select, cfg.extend_select),
        ("ignore", ignore, cfg.ignore),
    ):
        keys = split(flag) if flag else configured
        for key in unknown_keys(keys or (), rules):
            if flag:
                raise click.BadParameter(
                    f"unknown rule {key!r} (see `prisma-tools rules`)", param_hint=f"--{option}"
                ) from None
            echo_err(f"error: {cfg.source}: [tool.prisma-tools] {option}: unknown rule {key!r}")
            sys.exit(EXIT_ERROR)
        chosen[option] = keys
    return Selection(
        select=tuple(chosen["select"]) if chosen["select"] is not None else None,
        extend_select=tuple(chosen["extend-select"] or ()),
        ignore=tuple(chosen["ignore"] or ()),
    )
