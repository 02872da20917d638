"""The order validations run in, as Prisma's engine runs them.

Prisma first builds its database of the schema (syntax, names, types,
attributes, relations; each step reports what it finds and none stops the
others), then reads the datasource and generator blocks. Only a schema with
no error so far goes on to the validations proper (relations, indexes,
native types, ...): so ``check`` reports, like Prisma, the validation errors
of a schema only once its earlier errors are fixed.

Every module of this package with a ``check(ctx)`` function and a ``PHASE``
(one of :data:`PHASES`) takes part; ``ORDER`` (default 50) orders modules
within a phase.
"""

from __future__ import annotations

import pkgutil
from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from .context import Context

__all__ = ["PHASES", "modules", "run"]

PHASES = ("database", "configuration", "validations")
"""``database`` and ``configuration`` always run; ``validations`` only when they found no error."""


@cache
def modules() -> dict[str, tuple[Any, ...]]:
    """The validation modules of each phase, in order."""
    found: dict[str, list[tuple[int, str, Any]]] = {p: [] for p in PHASES}
    package = import_module(__package__ or "prisma_tools.validation")
    for info in pkgutil.iter_modules(package.__path__):
        module = import_module(f"{package.__name__}.{info.name}")
        phase = getattr(module, "PHASE", None)
        if phase is None or not callable(getattr(module, "check", None)):
            continue
        if phase not in found:
            raise ValueError(f"{module.__name__}: unknown PHASE {phase!r}")
        found[phase].append((getattr(module, "ORDER", 50), info.name, module))
    return {p: tuple(m for _, _, m in sorted(ms, key=lambda t: (t[0], t[1]))) for p, ms in found.items()}


def run(ctx: Context) -> None:
    phases = modules()
    for phase in PHASES:
        if phase == "validations" and ctx.has_errors:
            return
        ctx.phase_starts[phase] = len(ctx.findings)
        for module in phases[phase]:
            check: Callable[[Context], None] = module.check
            check(ctx)
