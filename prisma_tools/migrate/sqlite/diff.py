"""Diffs between two SQLite databases, with the steps and the order of Prisma's schema differ.

Tables and columns are matched by name, indexes by what they index (so an index
whose name alone changed is :class:`~.steps.RedefineIndex`-ed), foreign keys by
their columns, target and actions (their names are never compared: SQLite cannot
rename a constraint, and the engine treats its foreign keys as unnamed).

A table is redefined when its primary key appears, disappears or changes (other
columns, or a column of it changes type), a column is dropped, a required column
is added, a kept column changes (nullability, default, type family), or a foreign
key is added or removed. The type decision is the engine's for SQLite: the same
type family is no change, a change towards ``String`` a safe cast, anything else
a risky one; an enum is a ``String`` there.

Steps are sorted as the engine sorts them: by kind (``DropIndex``, ``AlterTable``,
``DropTable``, ``CreateTable``, ``RedefineTables``, ``CreateIndex``,
``RedefineIndex``), then by the positions of what they touch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..casts import Cast
from ..column_changes import ColumnChanges, defaults_match
from ..diff import indexes_match
from ..model import Column, Database, ForeignKey, Table
from .steps import (
    AddColumns,
    ColumnPair,
    CreateIndex,
    CreateTable,
    DropIndex,
    DropTable,
    RedefineIndex,
    RedefineTable,
    RedefineTables,
    SqliteStep,
)

__all__ = ["column_changes", "diff"]

_Add = Callable[[tuple[int, ...], SqliteStep], None]

# The rank of each kind of step: the variant order of the engine's SqlMigrationStep.
_RANK: dict[type[SqliteStep], int] = {
    DropIndex: 10,
    AddColumns: 11,
    DropTable: 13,
    CreateTable: 15,
    RedefineTables: 16,
    CreateIndex: 17,
    RedefineIndex: 21,
}


def _family(column: Column) -> str:
    """The engine's type family: enums are strings on SQLite; Unsupported types compare by text."""
    if column.family == "Enum":
        return "String"
    if column.family == "Unsupported":
        return f"Unsupported:{column.type}"
    return column.family


def column_changes(old: Column, new: Column) -> ColumnChanges:
    """What changed in a column kept by a table (autoincrement never counts on SQLite)."""
    same_type = _family(old) == _family(new)
    cast = None if same_type else Cast.SAFE if _family(new) == "String" else Cast.RISKY
    return ColumnChanges(
        arity=old.nullable != new.nullable,
        default=not defaults_match(old, new),
        type=not same_type,
        cast=cast,
    )


def _bytes(name: str) -> bytes:
    return name.encode("utf-8")


class _Pair:
    """A table present on both sides."""

    def __init__(self, old_pos: int, new_pos: int, old: Table, new: Table) -> None:
        self.old_pos, self.new_pos, self.old, self.new = old_pos, new_pos, old, new
        names = sorted({c.name for c in old.columns} | {c.name for c in new.columns}, key=_bytes)
        self.column_pairs: list[ColumnPair] = []
        self.added: list[Column] = []
        self.dropped: list[Column] = []
        for name in names:
            before, after = old.column(name), new.column(name)
            if before is not None and after is not None:
                self.column_pairs.append(ColumnPair(before, after, column_changes(before, after)))
            elif after is not None:
                self.added.append(after)
            elif before is not None:
                self.dropped.append(before)

    def _fks_match(self, a: ForeignKey, b: ForeignKey) -> bool:
        """The engine's ``foreign_keys_match``: names aside, same target, columns and actions."""
        if (
            a.referenced_table != b.referenced_table
            or len(a.columns) != len(b.columns)
            or a.referenced_columns != b.referenced_columns
            or (a.on_delete, a.on_update) != (b.on_delete, b.on_update)
        ):
            return False
        for x, y in zip(a.columns, b.columns, strict=True):
            old, new = self.old.column(x), self.new.column(y)
            if x != y or old is None or new is None or column_changes(old, new).type:
                return False
        return True

    def foreign_keys_changed(self) -> bool:
        created = any(not any(self._fks_match(o, n) for o in self.old.foreign_keys) for n in self.new.foreign_keys)
        dropped = any(not any(self._fks_match(o, n) for n in self.new.foreign_keys) for o in self.old.foreign_keys)
        return created or dropped

    def primary_key_dropped_or_changed(self) -> bool:
        old, new = self.old.primary_key, self.new.primary_key
        if old is None:
            return False
        if new is None or old.columns != new.columns:
            return True
        return any(p.old.name in old.columns and p.changes.type for p in self.column_pairs)

    def redefined(self) -> bool:
        return (
            (self.old.primary_key is None and self.new.primary_key is not None)
            or self.primary_key_dropped_or_changed()
            or bool(self.dropped)
            or any(not c.nullable for c in self.added)
            or any(p.changes.any for p in self.column_pairs)
            or self.foreign_keys_changed()
        )

    def redefinition(self) -> RedefineTable:
        return RedefineTable(
            previous=self.old,
            table=self.new,
            column_pairs=tuple(self.column_pairs),
            added=tuple(self.added),
            dropped=tuple(self.dropped),
            dropped_primary_key=self.primary_key_dropped_or_changed(),
        )


def _singular_indexes(table: Table) -> Iterator[int]:
    """The engine pairs (and so renames) an index only when no other has its columns and kind."""
    for i, index in enumerate(table.indexes):
        same = [o for o in table.indexes if o.column_names == index.column_names and o.unique == index.unique]
        if len(same) == 1:
            yield i


def diff(old: Database | None, new: Database) -> list[SqliteStep]:
    """The steps from ``old`` (None: an empty database) to ``new``, in Prisma's order."""
    old = old or Database()
    keyed: list[tuple[tuple[int, ...], SqliteStep]] = []

    def add(key: tuple[int, ...], step: SqliteStep) -> None:
        keyed.append(((_RANK[type(step)], *key), step))

    new_positions = {t.name: i for i, t in enumerate(new.tables)}
    old_names = {t.name for t in old.tables}
    pairs: list[_Pair] = []
    dropped: list[tuple[int, Table]] = []
    for old_pos, table in enumerate(old.tables):
        new_pos = new_positions.get(table.name)
        if new_pos is None:
            dropped.append((old_pos, table))
            add((old_pos,), DropTable(table))
        else:
            pairs.append(_Pair(old_pos, new_pos, table, new.tables[new_pos]))
    for new_pos, table in enumerate(new.tables):
        if table.name not in old_names:
            add((new_pos,), CreateTable(table))
            for i, index in enumerate(table.indexes):
                add((-1, new_pos, i), CreateIndex(table, index))

    redefined = [p for p in pairs if p.redefined()]
    if redefined:
        add((), RedefineTables(tuple(p.redefinition() for p in redefined)))
        # Dropping a table drops its indexes, but with tables to redefine the engine drops them first.
        for old_pos, table in dropped:
            for i, index in enumerate(table.indexes):
                add((old_pos, i), DropIndex(table, index))
    for pair in pairs:
        if pair not in redefined:
            _pair_steps(pair, add)

    keyed.sort(key=lambda item: item[0])
    return [step for _, step in keyed]


def _pair_steps(pair: _Pair, add: _Add) -> None:
    old_ix, new_ix = pair.old.indexes, pair.new.indexes
    for i, index in enumerate(old_ix):
        if not any(indexes_match(index, n) for n in new_ix):
            add((pair.old_pos, i), DropIndex(pair.old, index))
    for j, index in enumerate(new_ix):
        if not any(indexes_match(o, index) for o in old_ix):
            add((pair.old_pos, pair.new_pos, j), CreateIndex(pair.new, index, existing_table=True))
    for i in _singular_indexes(pair.old):
        index = old_ix[i]
        match = next((j for j, n in enumerate(new_ix) if indexes_match(index, n)), None)
        if match is not None and new_ix[match].name != index.name:
            add((pair.old_pos, i, pair.new_pos, match), RedefineIndex(pair.old, index, new_ix[match]))
    if pair.added:
        add((pair.old_pos, pair.new_pos), AddColumns(pair.old, tuple(pair.added)))
