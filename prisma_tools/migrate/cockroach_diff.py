"""The parts of the engine's schema differ that only CockroachDB takes (see :mod:`~prisma_tools.migrate.diff`)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from .casts import Cast
from .model import Database, Enum, Table
from .model import Sequence as IdentitySequence
from .steps import AlterEnum, AlterSequence, EnumDefault, RedefineTable

if TYPE_CHECKING:
    from .diff import _TablePair

__all__ = ["alter_enum", "indexed", "sequence_steps", "tables_to_redefine"]


def indexed(table: Table, column: str) -> bool:
    """Whether ``column`` is part of an index or of the primary key of ``table``."""
    in_key = table.primary_key is not None and column in table.primary_key.columns
    return in_key or any(column in index.column_names for index in table.indexes)


def _single_key(table: Table, column: str) -> bool:
    return table.primary_key is not None and table.primary_key.columns == (column,)


def tables_to_redefine(pairs: Sequence[_TablePair]) -> list[RedefineTable]:
    """Tables whose single-column primary key is dropped or changes type beyond a cast: copied into new tables."""
    out = []
    for pair in pairs:
        recast = any(
            _single_key(pair.old, old.name) and pair.changes(old.name).cast is Cast.NOT_CASTABLE
            for old, _ in pair.column_pairs()
        )
        if recast or any(_single_key(pair.old, c.name) for c in pair.dropped_columns()):
            out.append(RedefineTable(pair.old, pair.new))
    return out


def _sequences(db: Database) -> list[IdentitySequence]:
    return [c.sequence for t in db.tables for c in t.columns if c.sequence is not None]


def sequence_steps(
    old: Database, new: Database, pairs: Sequence[_TablePair]
) -> Iterator[tuple[tuple[int, ...], AlterSequence]]:
    """An ``ALTER SEQUENCE`` for each column whose ``sequence()`` options changed (keyed by sequence positions)."""
    old_ids = {id(s): i for i, s in enumerate(_sequences(old))}
    new_ids = {id(s): i for i, s in enumerate(_sequences(new))}
    for pair in pairs:
        for before, after in pair.column_pairs():
            a, b = before.sequence, after.sequence
            if a is None or b is None:
                continue
            if (a.min_value, a.max_value, a.start, a.cache, a.increment) != (
                b.min_value,
                b.max_value,
                b.start,
                b.cache,
                b.increment,
            ):
                yield (old_ids[id(a)], new_ids[id(b)]), AlterSequence(a, b)


def _literal_value(sql: str | None) -> str | None:
    """The enum value of a default ``'X'`` (None for lists and other defaults)."""
    if sql is None or not (sql.startswith("'") and sql.endswith("'")):
        return None
    return sql[1:-1].replace("''", "'")


def alter_enum(
    old: Enum, new: Enum, added: tuple[str, ...], dropped: tuple[str, ...], defaults: list[EnumDefault]
) -> AlterEnum:
    """Values added and dropped in place; the defaults that use a dropped value are dropped first."""
    doomed = tuple(d for d in defaults if (v := _literal_value(d.column.default)) is not None and v not in new.values)
    return AlterEnum(new, added, dropped, old, doomed, in_place=True)
