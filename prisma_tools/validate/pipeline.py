"""The order validations run in, as Prisma's engine runs them.

Prisma first builds its database of the schema (syntax, names, types,
attributes, relations; each step reports what it finds and none stops the
others), then reads the datasource and generator blocks. Only a schema with
no error so far goes on to the validations proper (relations, indexes,
native types, ...): so ``check`` reports, like Prisma, the validation errors
of a schema only once its earlier errors are fixed.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .context import Context

__all__ = ["CONFIGURATION", "DATABASE", "VALIDATIONS", "run"]

# Module names in prisma_tools.validate, each with `check(ctx)`, in the order Prisma runs them.
DATABASE: tuple[str, ...] = ("syntax", "names", "types")
"""Building the database: always run, every error reported."""
CONFIGURATION: tuple[str, ...] = ()
"""The datasource and generator blocks: always run."""
VALIDATIONS: tuple[str, ...] = ()
"""Run only when the steps above found no error."""


def _run(ctx: Context, names: tuple[str, ...]) -> None:
    for name in names:
        import_module(f"{__package__}.{name}").check(ctx)


def run(ctx: Context) -> None:
    _run(ctx, DATABASE)
    _run(ctx, CONFIGURATION)
    if not ctx.has_errors:
        _run(ctx, VALIDATIONS)
