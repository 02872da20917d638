"""Enums need a connector that has them: SQL Server has none (a schema without a datasource may define them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .datasource_checks import connector
from .rules import rule

if TYPE_CHECKING:
    from .context import Context

ENUMS_NOT_SUPPORTED = rule(
    "E745",
    "enums-not-supported",
    "Error validating: You defined the enum `{name}`. But the current connector does not support enums.",
)

_WITHOUT_ENUMS = frozenset({"sqlserver"})


PHASE = "validations"
ORDER = 45


def check(ctx: Context) -> None:
    if connector(ctx) not in _WITHOUT_ENUMS:
        return
    for enum in ctx.db.enums:
        ctx.report(ENUMS_NOT_SUPPORTED, enum.file, enum.node, name=enum.name)
