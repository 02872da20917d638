"""Diffs between two databases, with the steps and the order of Prisma's schema differ.

Tables, enums and columns are matched by name (tables and enums within their
schema); indexes by what they index (columns, sort orders, uniqueness, method,
operator classes), so an index whose name alone changed is renamed; foreign
keys by their columns, target and referential actions, so one whose name alone
changed is renamed too. Everything else is dropped and created again.

Prisma sorts steps by kind (the order of ``SqlMigrationStep``), then by the ids
of what they touch: the id of an object of the FROM schema is its position
there (tables and enums in schema order, columns, indexes and foreign keys
table by table), that of a new object its position in TO. :func:`diff`
attaches such a key to every step and sorts, then moves the drop of a unique
index after the step that makes the same columns the table's primary key, as
the engine does.

An extension removed from the schema is left in the database, as Prisma does.

For CockroachDB (``Database.provider``) the engine's flavour differs in a few places,
kept in :mod:`~prisma_tools.migrate.cockroach_diff`: its casts, a primary key moved with
``ALTER PRIMARY KEY``, tables redefined, sequences altered, enum values dropped in place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from . import cockroach_diff
from .casts import Cast
from .column_changes import ColumnChanges, arity, column_changes
from .model import Column, Database, Enum, Extension, ForeignKey, Index, IndexColumn, Table
from .steps import (
    AddColumn,
    AddForeignKey,
    AddPrimaryKey,
    AlterColumn,
    AlterEnum,
    AlterPrimaryKey,
    AlterSequence,
    AlterTable,
    CreateEnum,
    CreateExtension,
    CreateIndex,
    CreateSchema,
    CreateTable,
    DropAndRecreateColumn,
    DropColumn,
    DropEnum,
    DropExtension,
    DropForeignKey,
    DropIndex,
    DropPrimaryKey,
    DropTable,
    EnumDefault,
    RedefineTables,
    RenameForeignKey,
    RenameIndex,
    RenamePrimaryKey,
    Step,
    TableChange,
)

__all__ = ["diff", "indexes_match"]

_Adder = Callable[[tuple[int, ...], Step], None]

DEFAULT_SCHEMA = "public"

# The rank of each kind of step: the variant order of the engine's SqlMigrationStep.
_RANK = {
    CreateSchema: 0,
    DropExtension: 1,
    CreateExtension: 2,
    AlterSequence: 4,
    CreateEnum: 7,
    AlterEnum: 8,
    DropForeignKey: 9,
    DropIndex: 10,
    AlterTable: 11,
    AlterPrimaryKey: 12,
    DropTable: 13,
    DropEnum: 14,
    CreateTable: 15,
    RedefineTables: 16,
    CreateIndex: 17,
    RenameForeignKey: 18,
    AddForeignKey: 19,
    RenameIndex: 20,
}


def _label(namespace: str | None, name: str) -> str:
    return name if namespace is None else f"{namespace}.{name}"


def _unqualified_public(table: Table) -> Table:
    """Prisma 6 writes drops of objects in ``public`` without the schema (except towards an empty database)."""
    return replace(table, namespace=None) if table.namespace == DEFAULT_SCHEMA else table


@dataclass(frozen=True)
class _TablePair:
    old_pos: int
    new_pos: int
    old: Table
    new: Table
    cockroach: bool = False

    def column_pairs(self) -> Iterator[tuple[Column, Column]]:
        """Columns present in both, by name in byte order (the engine keeps them in a sorted map)."""
        for name in sorted({c.name for c in self.old.columns}, key=_bytes):
            new = self.new.column(name)
            if new is not None:
                old = self.old.column(name)
                assert old is not None
                yield old, new

    def dropped_columns(self) -> list[Column]:
        return sorted((c for c in self.old.columns if self.new.column(c.name) is None), key=lambda c: _bytes(c.name))

    def added_columns(self) -> list[Column]:
        return sorted((c for c in self.new.columns if self.old.column(c.name) is None), key=lambda c: _bytes(c.name))

    def changes(self, column: str) -> ColumnChanges:
        old, new = self.old.column(column), self.new.column(column)
        assert old is not None
        assert new is not None
        if not self.cockroach:
            return column_changes(old, new)
        covered = cockroach_diff.indexed(self.old, column) and cockroach_diff.indexed(self.new, column)
        return column_changes(old, new, cockroach=True, covered=covered)


def _bytes(name: str) -> bytes:
    return name.encode("utf-8")


# ------------------------------------------------------------------ matching


def _sort(order: str | None) -> str:
    return order or "ASC"


def indexes_match(a: Index, b: Index) -> bool:
    """Whether two indexes differ at most by name."""
    return (
        len(a.columns) == len(b.columns)
        and all(x.name == y.name and _sort(x.sort) == _sort(y.sort) for x, y in zip(a.columns, b.columns, strict=True))
        and a.unique == b.unique
        and a.using == b.using
        and all(_opclasses_match(x, y) for x, y in zip(a.columns, b.columns, strict=True))
    )


def _opclasses_match(a: IndexColumn, b: IndexColumn) -> bool:
    """Equal, or one names none and the other is its type's default (read from a database)."""
    return (
        a.opclass == b.opclass or (a.opclass is None and b.opclass_default) or (b.opclass is None and a.opclass_default)
    )


def _foreign_keys_match(pair: _TablePair, a: ForeignKey, b: ForeignKey) -> bool:
    """Whether two foreign keys differ at most by name (the engine's ``foreign_keys_match``)."""
    if (
        a.referenced_table != b.referenced_table
        or len(a.columns) != len(b.columns)
        or len(a.referenced_columns) != len(b.referenced_columns)
        or a.referenced_columns != b.referenced_columns
        or (a.on_delete, a.on_update) != (b.on_delete, b.on_update)
    ):
        return False
    for x, y in zip(a.columns, b.columns, strict=True):
        if x != y:
            return False
        old, new = pair.old.column(x), pair.new.column(y)
        if old is None or new is None:
            return False
        if pair.changes(x).type:
            return False
        if arity(old) != arity(new) and not (arity(old) == "Required" and arity(new) == "Nullable"):
            return False
    return True


def _is_join_table_fk(table: Table) -> bool:
    return len(table.columns) == 2 and table.column("A") is not None and table.column("B") is not None


# ------------------------------------------------------------------ tables


def _primary_key_changed(pair: _TablePair) -> bool:
    """Other columns, or a column of it changes type: the key is dropped and added again."""
    old, new = pair.old.primary_key, pair.new.primary_key
    if old is None or new is None:
        return False
    if old.columns != new.columns:
        return True
    return any(o.name in old.columns and pair.changes(o.name).type for o, n in pair.column_pairs())


def _table_changes(pair: _TablePair, new_db: Database) -> list[TableChange]:
    old_pk, new_pk = pair.old.primary_key, pair.new.primary_key
    # CockroachDB moves a key that stays with ALTER PRIMARY KEY (a step of its own), never drops it here.
    changed = _primary_key_changed(pair) and not (pair.cockroach and old_pk is not None and new_pk is not None)
    changes: list[TableChange] = []
    if old_pk is not None and (new_pk is None or changed):
        changes.append(DropPrimaryKey(old_pk.name))
    if old_pk is not None and new_pk is not None and old_pk.name != new_pk.name:
        changes.append(RenamePrimaryKey(old_pk.name, new_pk.name))
    changes += [DropColumn(c) for c in pair.dropped_columns()]
    changes += [AddColumn(c) for c in pair.added_columns()]
    altered: list[tuple[int, TableChange]] = []
    for old, new in pair.column_pairs():
        cc = pair.changes(old.name)
        if not cc.any:
            continue
        position = pair.old.columns.index(old)
        if cc.cast is Cast.NOT_CASTABLE:
            altered.append((position, DropAndRecreateColumn(old, new, cc)))
        else:
            # Dropping the default of an autoincrementing column drops its sequence, unless another
            # column of the new schema still autoincrements (they all share the engine's unnamed one).
            others = any(c.autoincrement for t in new_db.tables for c in t.columns if not (t is pair.new and c is new))
            altered.append((position, AlterColumn(old, new, cc, drop_sequence=not others)))
    changes += [change for _, change in sorted(altered, key=lambda item: item[0])]
    if new_pk is not None and (old_pk is None or changed):
        changes.append(AddPrimaryKey(new_pk))
    return changes


def _singular(index: Index, indexes: tuple[Index, ...]) -> bool:
    """The engine renames an index only when no other index of the table has its columns and kind."""
    same = [i for i in indexes if i.column_names == index.column_names and i.unique == index.unique]
    return len(same) == 1


# ------------------------------------------------------------------ enums


def _enum_steps(
    old: Database, new: Database, pairs: list[_TablePair], dropped_tables: list[Table]
) -> Iterator[tuple[int, AlterEnum]]:
    """The altered enums, with their position in FROM."""
    for old_pos, enum in enumerate(old.enums):
        new_enum = new.enum(*enum.key)
        if new_enum is None:
            continue
        added = tuple(v for v in new_enum.values if v not in enum.values)
        dropped = tuple(v for v in enum.values if v not in new_enum.values)
        if not added and not dropped:
            continue
        if new.cockroach:
            yield (
                old_pos,
                cockroach_diff.alter_enum(
                    enum, new_enum, added, dropped, _enum_defaults(enum, new_enum, pairs, dropped_tables)
                ),
            )
        elif not dropped:
            yield old_pos, AlterEnum(new_enum, added)
        else:
            yield old_pos, _replace_enum(enum, new_enum, added, dropped, new, pairs, dropped_tables)


def _uses(column: Column, enum: Enum) -> bool:
    return column.family == "Enum" and column.type == enum.qualified_name


def _replace_enum(
    old_enum: Enum,
    new_enum: Enum,
    added: tuple[str, ...],
    dropped: tuple[str, ...],
    new: Database,
    pairs: list[_TablePair],
    dropped_tables: list[Table],
) -> AlterEnum:
    defaults = _enum_defaults(old_enum, new_enum, pairs, dropped_tables)
    retyped = tuple((t, c) for t in new.tables for c in t.columns if _uses(c, new_enum))
    return AlterEnum(new_enum, added, dropped, old_enum, tuple(defaults), retyped)


def _enum_defaults(
    old_enum: Enum, new_enum: Enum, pairs: list[_TablePair], dropped_tables: list[Table]
) -> list[EnumDefault]:
    """The columns of FROM with a default of ``old_enum`` (and the default to set again, if any)."""
    defaults: list[EnumDefault] = []
    for table in dropped_tables:
        defaults += [EnumDefault(table, c) for c in table.columns if _uses(c, old_enum) and c.default is not None]
    for pair in pairs:
        defaults += [
            EnumDefault(pair.old, c) for c in pair.dropped_columns() if _uses(c, old_enum) and c.default is not None
        ]
        for old_col, new_col in pair.column_pairs():
            if _uses(old_col, old_enum) and old_col.default is not None:
                keep = _uses(new_col, new_enum) and new_col.default is not None
                defaults.append(EnumDefault(pair.old, old_col, new_col.default if keep else None))
    return defaults


# ------------------------------------------------------------------ extensions


def _extensions_differ(old: Extension, new: Extension) -> bool:
    """A version or schema given on both sides and different (an empty one matches anything)."""
    return (old.version is not None and new.version is not None and old.version != new.version) or (
        old.schema is not None and new.schema is not None and old.schema != new.schema
    )


def _extension_steps(old: Database, new: Database) -> Iterator[tuple[int, Step]]:
    """An extension removed from the schema is left alone; a changed one is dropped and created again."""
    old_ext = {e.name: e for e in old.extensions}
    for i, ext in enumerate(sorted(new.extensions, key=lambda e: e.name)):
        before = old_ext.get(ext.name)
        if before is None:
            yield i, CreateExtension(ext)
        elif _extensions_differ(before, ext):
            yield i, DropExtension(before)
            yield i, CreateExtension(ext)


# ------------------------------------------------------------------ the diff


def diff(old: Database | None, new: Database) -> list[Step]:
    """The steps from ``old`` (None: an empty database) to ``new``, in Prisma's order."""
    old = old or Database()
    to_empty = not new.tables and not new.enums
    keyed: list[tuple[tuple[int, ...], Step]] = []

    def add(key: tuple[int, ...], step: Step) -> None:
        keyed.append(((_RANK[type(step)], *key), step))

    # The engine creates a schema that tables or enums now use, unless the old datasource already
    # listed it (used or not): it then assumes the schema exists.
    known = set(old.namespaces) | set(old.declared_schemas)
    for i, name in enumerate(n for n in new.namespaces if n not in known):
        add((i,), CreateSchema(name))
    for i, ext_step in _extension_steps(old, new):
        add((i,), ext_step)

    new_positions = {t.key: i for i, t in enumerate(new.tables)}
    pairs: list[_TablePair] = []
    dropped_tables: list[Table] = []
    for old_pos, table in enumerate(old.tables):
        new_pos = new_positions.get(table.key)
        if new_pos is None:
            dropped_tables.append(table)
            shown = table if to_empty else _unqualified_public(table)
            add((old_pos,), DropTable(shown))
            for fk_pos, fk in enumerate(table.foreign_keys):
                add((old_pos, fk_pos), DropForeignKey(shown, fk))
        else:
            pairs.append(_TablePair(old_pos, new_pos, table, new.tables[new_pos], new.cockroach))
    old_positions = {t.key for t in old.tables}
    for new_pos, table in enumerate(new.tables):
        if table.key not in old_positions:
            add((new_pos,), CreateTable(table))
            for i, index in enumerate(table.indexes):
                add((-1, new_pos, i, 0), CreateIndex(table, index))
            for fk_pos, fk in enumerate(table.foreign_keys):
                add((new_pos, fk_pos), AddForeignKey(table, fk))

    redefined = cockroach_diff.tables_to_redefine(pairs) if new.cockroach else []
    if redefined:
        add((0,), RedefineTables(tuple(redefined)))
    for pair in pairs:
        if not any(r.old is pair.old for r in redefined):
            _pair_steps(pair, new, add)
    if new.cockroach:
        for key, sequence_step in cockroach_diff.sequence_steps(old, new, pairs):
            add(key, sequence_step)

    for old_pos, alter in _enum_steps(old, new, pairs, dropped_tables):
        add((old_pos,), alter)
    for new_pos, enum in enumerate(new.enums):
        if old.enum(*enum.key) is None:
            add((new_pos,), CreateEnum(enum))
    for old_pos, enum in enumerate(old.enums):
        if new.enum(*enum.key) is None:
            dropped = enum if to_empty or enum.namespace != DEFAULT_SCHEMA else replace(enum, namespace=None)
            add((old_pos,), DropEnum(dropped))

    keyed.sort(key=lambda item: item[0])
    steps = [s for _, s in keyed]
    return _drop_unique_after_new_primary_key(steps)


def _pair_steps(pair: _TablePair, new_db: Database, add: _Adder) -> None:
    old_pos, new_pos = pair.old_pos, pair.new_pos
    old_fks, new_fks = pair.old.foreign_keys, pair.new.foreign_keys
    for fk_pos, fk in enumerate(new_fks):
        if not any(_foreign_keys_match(pair, o, fk) for o in old_fks):
            add((new_pos, fk_pos), AddForeignKey(pair.new, fk))
    for fk_pos, fk in enumerate(old_fks):
        if not any(_foreign_keys_match(pair, fk, n) for n in new_fks):
            add((old_pos, fk_pos), DropForeignKey(_unqualified_public(pair.old), fk))
    seen: set[int] = set()
    for fk_pos, fk in enumerate(old_fks):
        match = next(
            (i for i, n in enumerate(new_fks) if i not in seen and _foreign_keys_match(pair, fk, n)),
            None,
        )
        if match is None:
            continue
        seen.add(match)
        new_fk = new_fks[match]
        if fk.name != new_fk.name and not (_is_join_table_fk(pair.old) and _is_join_table_fk(pair.new)):
            add((old_pos, fk_pos, new_pos, match), RenameForeignKey(pair.new, fk, new_fk))

    old_ix, new_ix = pair.old.indexes, pair.new.indexes
    for i, index in enumerate(old_ix):
        if not _singular(index, old_ix):
            continue
        match = next((j for j, n in enumerate(new_ix) if indexes_match(index, n)), None)
        if match is not None and new_ix[match].name != index.name:
            add((old_pos, i, new_pos, match), RenameIndex(pair.old, index, new_ix[match]))
    for i, index in enumerate(old_ix):
        if not any(indexes_match(index, n) for n in new_ix):
            add((old_pos, i), DropIndex(_unqualified_public(pair.old), index))
    for j, index in enumerate(new_ix):
        if not any(indexes_match(o, index) for o in old_ix):
            add((old_pos, new_pos, j, 0), CreateIndex(pair.new, index))
    # Dropping a column drops its indexes: those on a recreated column are created again.
    recreated = {o.name for o, _ in pair.column_pairs() if pair.changes(o.name).cast is Cast.NOT_CASTABLE}
    for index in old_ix:
        match = next((j for j, n in enumerate(new_ix) if indexes_match(index, n)), None)
        if match is not None and _singular(index, old_ix) and recreated & set(new_ix[match].column_names):
            add((old_pos, new_pos, match, 1), CreateIndex(pair.new, new_ix[match], recreated=True))

    old_pk, new_pk = pair.old.primary_key, pair.new.primary_key
    if pair.cockroach and old_pk is not None and new_pk is not None and old_pk.columns != new_pk.columns:
        add((old_pos, new_pos), AlterPrimaryKey(pair.new, pair.old))
    changes = _table_changes(pair, new_db)
    if changes:
        add((old_pos, new_pos), AlterTable(pair.new, tuple(changes), pair.old, separate=pair.cockroach))


def _drop_unique_after_new_primary_key(steps: list[Step]) -> list[Step]:
    """Move the drop of a unique index of a table without primary key after the step adding one on its columns."""
    i = 0
    while i < len(steps):
        step = steps[i]
        if isinstance(step, DropIndex) and step.index.unique and step.table.primary_key is None:
            target = next(
                (j for j in range(i + 1, len(steps)) if _adds_primary_key_on(steps[j], step.table, step.index)),
                None,
            )
            if target is not None:
                steps.insert(target, steps.pop(i))
                continue
        i += 1
    return steps


def _adds_primary_key_on(step: Step, table: Table, index: Index) -> bool:
    if not isinstance(step, AlterTable) or _unqualified_public(step.previous or step.table).key != table.key:
        return False
    if not any(isinstance(c, AddPrimaryKey) for c in step.changes):
        return False
    for change in step.changes:
        if isinstance(change, DropColumn | DropAndRecreateColumn):
            column = change.column.name if isinstance(change, DropColumn) else change.old.name
            if column in index.column_names:
                return False
    pk = step.table.primary_key
    return pk is not None and pk.columns == index.column_names
