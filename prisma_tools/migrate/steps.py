"""Migration steps: what a diff produces and :mod:`~prisma_tools.migrate.sql` renders.

Each step renders to one ``-- Title`` section. Their order in a migration is
Prisma's (``SqlMigrationStep`` is ordered by kind, then by the ids of what
it touches); :func:`~prisma_tools.migrate.diff.diff` emits them in that order.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Column, Enum, Extension, ForeignKey, Index, Table

__all__ = [
    "AddForeignKey",
    "AlterEnum",
    "AlterTable",
    "CreateEnum",
    "CreateExtension",
    "CreateIndex",
    "CreateSchema",
    "CreateTable",
    "Step",
]


@dataclass(frozen=True)
class CreateSchema:
    name: str


@dataclass(frozen=True)
class CreateExtension:
    extension: Extension


@dataclass(frozen=True)
class CreateEnum:
    enum: Enum


@dataclass(frozen=True)
class AlterEnum:
    """New values appended to an existing enum (in the order the schema lists them)."""

    enum: Enum
    added: tuple[str, ...]


@dataclass(frozen=True)
class AlterTable:
    """New columns on an existing table (Prisma lists them by name)."""

    table: Table
    added: tuple[Column, ...]


@dataclass(frozen=True)
class CreateTable:
    table: Table


@dataclass(frozen=True)
class CreateIndex:
    table: Table
    index: Index


@dataclass(frozen=True)
class AddForeignKey:
    table: Table
    foreign_key: ForeignKey


Step = CreateSchema | CreateExtension | CreateEnum | AlterEnum | AlterTable | CreateTable | CreateIndex | AddForeignKey
