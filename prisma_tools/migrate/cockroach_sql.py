"""The statements only CockroachDB's migrations have, as the engine writes them.

``ALTER SEQUENCE`` with the changed options (in the order min, max, increment,
start, cache), ``ALTER PRIMARY KEY USING COLUMNS``, enum values added and dropped
in place (the engine writes ``ALTER TYPE "E"DROP VALUE 'x'`` without a space, which
is kept), and redefined tables: created under ``_prisma_new_<name>``, filled from
the old one, which is dropped with ``CASCADE``, then renamed, with their indexes and
foreign keys created again.
"""

from __future__ import annotations

from .model import Sequence, qualified, quote
from .sql import _literal, add_foreign_key, create_index, create_table
from .steps import AlterEnum, AlterPrimaryKey, AlterSequence, RedefineTables, Step

__all__ = ["alter_enum", "render_step"]


def _alter_sequence(old: Sequence, new: Sequence) -> str:
    out = f"ALTER SEQUENCE {quote(old.name)}"
    for label, before, after in (
        ("MINVALUE", old.min_value, new.min_value),
        ("MAXVALUE", old.max_value, new.max_value),
        ("INCREMENT", old.increment, new.increment),
        ("START", old.start, new.start),
        ("CACHE", old.cache, new.cache),
    ):
        if before != after:
            out += f" {label} {after}"
    return out


def _redefine(step: RedefineTables) -> list[str]:
    out: list[str] = []
    for pair in step.tables:
        old, new = pair.old, pair.new
        temporary = f"_prisma_new_{new.name}"
        out.append(create_table(new, qualified(new.namespace, temporary)))
        out += [f"DROP INDEX {qualified(old.namespace, index.name)}" for index in old.indexes]
        kept = sorted((c.name for c in new.columns if old.column(c.name) is not None), key=lambda n: n.encode())
        if kept:
            names = ",".join(quote(n) for n in kept)
            out.append(
                f"INSERT INTO {qualified(new.namespace, temporary)} ({names}) SELECT {names} FROM {quote(old.name)}"
            )
        out.append(f"DROP TABLE {old.qualified_name} CASCADE")
        out.append(f"ALTER TABLE {qualified(new.namespace, temporary)} RENAME TO {quote(new.name)}")
        out += [create_index(new, index) for index in new.indexes]
        out += [add_foreign_key(new, fk) for fk in new.foreign_keys]
    return out


def render_step(step: Step) -> tuple[str, list[str]]:
    """The section title and statements of a CockroachDB-only step."""
    match step:
        case AlterSequence(old, new):
            return "AlterSequence", [_alter_sequence(old, new)]
        case AlterPrimaryKey(table, previous):
            assert table.primary_key is not None
            columns = ", ".join(quote(c) for c in table.primary_key.columns)
            return "AlterPrimaryKey", [
                f"ALTER TABLE {previous.qualified_name} ALTER PRIMARY KEY USING COLUMNS ({columns})"
            ]
        case RedefineTables():
            return "RedefineTables", _redefine(step)
    raise AssertionError(f"not a CockroachDB step: {step!r}")  # pragma: no cover


def alter_enum(step: AlterEnum) -> list[str]:
    """Defaults using a dropped value dropped, then ``ADD VALUE`` and ``DROP VALUE`` on the type as it was."""
    previous = step.previous or step.enum
    out = [
        f"ALTER TABLE {d.table.qualified_name} ALTER COLUMN {quote(d.column.name)} DROP DEFAULT" for d in step.defaults
    ]
    out += [f"ALTER TYPE {previous.qualified_name} ADD VALUE {_literal(v)}" for v in step.added]
    out += [f"ALTER TYPE {previous.qualified_name}DROP VALUE {_literal(v)}" for v in step.dropped]
    return out
