"""What each connector supports in relations: referential actions per relation mode, and a few capabilities.

Data, probed against Prisma's engines (``prisma-oracle``): the actions a
connector accepts with foreign keys and those Prisma emulates with
``relationMode = "prisma"``, in Prisma's order (the order of its "Allowed
values" lists). A schema without a datasource gets Prisma's empty connector.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..resolve import REFERENTIAL_ACTIONS

if TYPE_CHECKING:
    from ..resolve import ResolvedSchema

__all__ = ["RelationSupport", "relation_mode", "support"]

ALL = REFERENTIAL_ACTIONS
_EMULATED = ("Cascade", "Restrict", "NoAction", "SetNull")
_EMULATED_NO_NOACTION = ("Cascade", "Restrict", "SetNull")

RelationMode = Literal["foreignKeys", "prisma"]


@dataclass(frozen=True)
class RelationSupport:
    name: str
    """The connector's name in Prisma's messages."""
    foreign_key_actions: tuple[str, ...] = ALL
    emulated_actions: tuple[str, ...] = _EMULATED
    named_foreign_keys: bool = True
    cycle_detection: bool = False
    """Cascading cycles and multiple cascade paths are errors even with foreign keys (SQL Server)."""
    arbitrary_reference_order: bool = True
    """``references`` may list a unique criterion's fields in any order."""
    suggests_relation_indexes: bool = True
    """With ``relationMode = "prisma"``, warn about foreign keys without an index."""
    implicit_many_to_many: bool = True
    embedded_many_to_many: bool = False
    default_mode: RelationMode = "foreignKeys"
    max_identifier_length: int | None = None
    """The longest constraint name (bytes) the database accepts."""

    def actions(self, mode: RelationMode) -> tuple[str, ...]:
        return self.foreign_key_actions if mode == "foreignKeys" else self.emulated_actions


_SUPPORT = {
    "postgresql": RelationSupport("Postgres", emulated_actions=_EMULATED_NO_NOACTION, max_identifier_length=63),
    "cockroachdb": RelationSupport("CockroachDB", max_identifier_length=63),
    "mysql": RelationSupport("MySQL", max_identifier_length=64),
    "sqlite": RelationSupport("sqlite", emulated_actions=_EMULATED_NO_NOACTION, named_foreign_keys=False),
    "sqlserver": RelationSupport(
        "SQL Server",
        foreign_key_actions=("Cascade", "NoAction", "SetNull", "SetDefault"),
        cycle_detection=True,
        arbitrary_reference_order=False,
        max_identifier_length=128,
    ),
    "mongodb": RelationSupport(
        "MongoDB",
        foreign_key_actions=_EMULATED,
        named_foreign_keys=False,
        suggests_relation_indexes=False,
        implicit_many_to_many=False,
        embedded_many_to_many=True,
        default_mode="prisma",
    ),
}
_EMPTY = RelationSupport("", emulated_actions=ALL, named_foreign_keys=False, suggests_relation_indexes=False)


def support(db: ResolvedSchema) -> RelationSupport:
    return _SUPPORT.get(db.provider or "", _EMPTY)


def relation_mode(db: ResolvedSchema) -> RelationMode:
    ds = db.datasource
    mode = ds.relation_mode if ds is not None else None
    if mode in ("foreignKeys", "prisma"):
        return mode  # type: ignore[return-value]
    return support(db).default_mode
