"""Copy-on-write editing of a :class:`Schema` by block name, as the repair passes use it.

A pass reads blocks through :class:`SchemaEdit`, records replacements, and
calls :meth:`SchemaEdit.result`, which returns the original schema object when
nothing was recorded (so the runner can tell "unchanged" with ``is``) and
otherwise rebuilds only the files that changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from ..nodes import Block, CompositeType, Datasource, EnumBlock, Generator, Model, Schema, SchemaFile, View
from ..resolve import ResolvedSchema, analyze, source_texts

__all__ = [
    "SchemaEdit",
    "main_file_index",
    "resolve_first_definitions",
]

# The blocks that are found by name: what a field's type or a rename can name.
DataBlock = Model | View | CompositeType | EnumBlock
DATA_BLOCKS = (Model, View, CompositeType, EnumBlock)


class ResolutionCache(Protocol):
    """Where a resolution is kept between passes (the pass context): the schema it is of, and it."""

    resolved: tuple[Schema, ResolvedSchema] | None


def resolve_first_definitions(schema: Schema, ctx: ResolutionCache | None = None) -> ResolvedSchema:
    """``schema`` resolved as :class:`SchemaEdit` sees it: a name repeated by a later block means its first block.

    Prisma's name table (and so :func:`~prisma_tools.resolve.analyze`) keeps
    the last definition of a name; passes edit the first one, so the later
    definitions are left out of the resolution. With ``ctx``, the resolution is
    shared with the next pass while the schema object stays the same.
    """
    if ctx is not None:
        if ctx.resolved is not None and ctx.resolved[0] is schema:
            return ctx.resolved[1]
        resolved = resolve_first_definitions(schema)
        ctx.resolved = (schema, resolved)
        return resolved
    seen: set[str] = set()
    files: list[SchemaFile] = []
    changed = False
    for f in schema.files:
        blocks: list[Block] = []
        for b in f.blocks:
            if isinstance(b, DATA_BLOCKS):
                if b.name in seen:
                    changed = True
                    continue
                seen.add(b.name)
            blocks.append(b)
        files.append(f.model_copy(update={"blocks": tuple(blocks)}) if changed else f)
    if not changed:
        return analyze(schema)
    sources = source_texts(schema)
    return analyze(schema.model_copy(update={"files": tuple(files)}), sources)


class SchemaEdit:
    """Blocks of ``schema`` by name (the first definition of each), with pending edits."""

    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        self._where: dict[str, tuple[int, int]] = {}
        for fi, f in enumerate(schema.files):
            for bi, b in enumerate(f.blocks):
                if isinstance(b, DATA_BLOCKS) and b.name not in self._where:
                    self._where[b.name] = (fi, bi)
        self._replaced: dict[tuple[int, int], Block] = {}
        self._appended: dict[int, list[Block]] = {}
        self._added: dict[str, DataBlock] = {}

    def names(self) -> list[str]:
        """The names of the data blocks, in schema order (blocks being added last)."""
        return [*self._where, *(n for n in self._added if n not in self._where)]

    def all_blocks(self) -> Iterator[tuple[str, Block]]:
        """``(path, block)`` for every block, blocks being added included (latest versions)."""
        for fi, f in enumerate(self.schema.files):
            for bi, b in enumerate(f.blocks):
                yield f.path, self._replaced.get((fi, bi), b)
            for b in self._appended.get(fi, ()):
                yield f.path, self._added[b.name] if isinstance(b, DATA_BLOCKS) else b

    def __contains__(self, name: str) -> bool:
        return name in self._where or name in self._added

    def get(self, name: str) -> DataBlock | None:
        """The current version of the block called ``name`` (edits included)."""
        if name in self._added:
            return self._added[name]
        loc = self._where.get(name)
        if loc is None:
            return None
        b = self._replaced.get(loc) or self.schema.files[loc[0]].blocks[loc[1]]
        assert isinstance(b, DATA_BLOCKS)
        return b

    def path(self, name: str) -> str:
        """The path of the file that declares ``name`` (the main file for blocks being added)."""
        loc = self._where.get(name)
        fi = loc[0] if loc is not None else main_file_index(self.schema)
        return self.schema.files[fi].path

    def replace(self, name: str, block: DataBlock) -> None:
        if name in self._added:
            self._added[name] = block
            return
        self._replaced[self._where[name]] = block

    def add(self, file_index: int, block: Block) -> None:
        """Add ``block`` at the end of file ``file_index`` (a data block can then be found by name)."""
        if isinstance(block, DATA_BLOCKS):
            self._added[block.name] = block
        self._appended.setdefault(file_index, []).append(block)

    @property
    def changed(self) -> bool:
        return bool(self._replaced or self._appended)

    def result(self) -> Schema:
        if not self.changed:
            return self.schema
        files: list[SchemaFile] = []
        for fi, f in enumerate(self.schema.files):
            blocks = [self._replaced.get((fi, bi), b) for bi, b in enumerate(f.blocks)]
            # blocks added by name may have been replaced again since: take the latest version
            for b in self._appended.get(fi, ()):
                blocks.append(self._added[b.name] if isinstance(b, DATA_BLOCKS) else b)
            if len(blocks) == len(f.blocks) and all(x is y for x, y in zip(blocks, f.blocks, strict=True)):
                files.append(f)
            else:
                files.append(f.model_copy(update={"blocks": tuple(blocks)}))
        return self.schema.model_copy(update={"files": tuple(files)})


def main_file_index(schema: Schema) -> int:
    """The main file of a schema folder: the one with the datasource, else a generator, else the first."""
    for kind in (Datasource, Generator):
        for fi, f in enumerate(schema.files):
            if any(isinstance(b, kind) for b in f.blocks):
                return fi
    return 0
