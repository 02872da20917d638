"""Errors of the migrate package: each carries one clear, user-facing line."""

from __future__ import annotations

__all__ = ["MigrateError", "UnsupportedChange", "UnsupportedSchema"]


class MigrateError(Exception):
    """Base class: ``str(error)`` is the message to show (the CLI exits 2 with it)."""


class UnsupportedSchema(MigrateError):
    """The schema uses something this implementation does not model (yet): a provider,
    a construct, or it is not valid Prisma (an unresolvable relation or type)."""


class UnsupportedChange(MigrateError):
    """A change prisma-tools cannot write (kept for callers: the PostgreSQL diff writes every
    change Prisma's engine writes and no longer raises it).

    ``changes`` lists every such step found, each as one human-readable line, so
    the message can name them all instead of the first only.
    """

    def __init__(self, changes: list[str]) -> None:
        self.changes = tuple(changes)
        shown = "\n".join(f"  - {c}" for c in changes)
        super().__init__(
            "this migration needs changes that prisma-tools does not generate yet"
            " (only additive changes are supported):\n" + shown
        )
