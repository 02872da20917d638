"""Default constraint and index names, cut to PostgreSQL's 63-byte identifiers as Prisma cuts them.

Prisma builds ``{table}_{columns}`` and, when that plus the suffix would not fit
in 63 bytes, cuts it at the last character boundary that leaves room for the
suffix (``_pkey``, ``_key``, ``_idx``, ``_fkey``), so the suffix always survives.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["MAX_IDENTIFIER", "cut_identifier", "foreign_key_name", "index_name", "primary_key_name", "unique_name"]

MAX_IDENTIFIER = 63


def _cut(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` UTF-8 bytes, on a character boundary."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", errors="ignore")


def cut_identifier(stem: str, suffix: str = "") -> str:
    """``stem`` cut so that ``stem + suffix`` fits in 63 bytes, then ``suffix``."""
    return _cut(stem, MAX_IDENTIFIER - len(suffix)) + suffix


def _name(table: str, columns: Sequence[str], suffix: str) -> str:
    stem = f"{table}_{'_'.join(columns)}"
    return _cut(stem, MAX_IDENTIFIER - len(suffix)) + suffix


def primary_key_name(table: str) -> str:
    return _cut(table, MAX_IDENTIFIER - len("_pkey")) + "_pkey"


def index_name(table: str, columns: Sequence[str]) -> str:
    return _name(table, columns, "_idx")


def unique_name(table: str, columns: Sequence[str]) -> str:
    return _name(table, columns, "_key")


def foreign_key_name(table: str, columns: Sequence[str]) -> str:
    return _name(table, columns, "_fkey")
