"""One schema file into a schema folder, and a folder back into one file.

``split`` keeps the datasource, the generators, anything that is not a model,
view, composite type or enum, and the file's closing comments in the main file
``schema.prisma``; every other block, with its comments, goes to a file of its
own, or with ``by="namespace"`` to the file of the group its
``/// @namespace Name`` doc comment names (untagged blocks stay in the main
file).

A file's name starts with the position its (first) block had among the blocks
outside the main file's configuration (``01-User.prisma``, ``02-Post.prisma``):
the folder itself records the schema's order, so Prisma reads the blocks in
that order (its DMMF lists them as the single file did) and ``join`` restores
it. No other file is written. ``numbered=False`` writes ``User.prisma``.

``join`` puts the blocks of a folder into one file: the datasource and
generators first, then the blocks of each numbered file at its position, the
blocks of the other files, in the order Prisma reads the files, filling the
places in between. So ``join(split(s))`` is ``s`` as ``prisma format`` prints
it, block for block and comment for comment, whenever the split was by model
(``by="namespace"`` moves the blocks of a group together). Both print as
``prisma format`` does, so each output formats to itself.
"""

from __future__ import annotations

import os
import re
from typing import Literal

from ..nodes import Block, Comment, Datasource, Generator, Schema, SchemaFile, construct
from ..printer import print_file
from .schema_edit import DATA_BLOCKS

__all__ = ["MAIN_FILE", "join", "namespace_of", "position_of", "split"]

MAIN_FILE = "schema.prisma"
_NAMESPACE = re.compile(r"///\s*@namespace\s+([A-Za-z0-9_.-]+)")
_POSITION = re.compile(r"(\d+)-")
_CONFIG = (Datasource, Generator)


def position_of(path: str) -> int | None:
    """The position a numbered file's name gives (``03-User.prisma``: 3), None for other names."""
    m = _POSITION.match(os.path.basename(path))
    return int(m.group(1)) if m else None


def namespace_of(block: Block) -> str | None:
    """The group a ``/// @namespace Name`` doc comment above the block names, if any."""
    for c in block.leading_comments:
        m = _NAMESPACE.match(c.text)
        if m is not None:
            return m.group(1)
    return None


def _placed(b: Block, after_block: bool) -> Block:
    """``b`` as the parser reads it at its new place: one blank line after a block, none at the start."""
    if not b.leading_comments:
        return b.model_copy(update={"blank_line_before": after_block})
    first = b.leading_comments[0].model_copy(update={"blank_line_before": after_block})
    return b.model_copy(update={"leading_comments": (first, *b.leading_comments[1:])})


def _file(path: str, blocks: list[Block], footer: tuple[Comment, ...] = ()) -> str:
    placed = tuple(_placed(b, i > 0) for i, b in enumerate(blocks))
    return print_file(construct(SchemaFile, {"path": path, "blocks": placed, "footer_comments": footer}))


def split(schema: Schema, *, by: Literal["model", "namespace"] = "model", numbered: bool = True) -> dict[str, str]:
    """The files of the folder (relative path -> text) that ``schema`` splits into.

    With ``numbered`` each name starts with its first block's position (see above).
    Names that differ only in case (or a group called ``schema``) get numbered files
    (``user-2.prisma``), so the folder also works where file names ignore case.
    """
    main: list[Block] = []
    groups: dict[str, list[Block]] = {}
    first: dict[str, int] = {}
    footer: tuple[Comment, ...] = ()
    position = 0
    for f in schema.files:
        footer += f.footer_comments
        for b in f.blocks:
            if isinstance(b, _CONFIG):
                main.append(b)
                continue
            position += 1
            name = b.name if by == "model" and isinstance(b, DATA_BLOCKS) else None
            if by == "namespace" and isinstance(b, DATA_BLOCKS):
                name = namespace_of(b)
            if name is None:
                main.append(b)
                continue
            groups.setdefault(name, []).append(b)
            first.setdefault(name, position)
    width = len(str(position))
    out = {MAIN_FILE: _file(MAIN_FILE, main, footer)}
    taken = {MAIN_FILE.lower()}
    for name, blocks in groups.items():
        stem = f"{first[name]:0{width}d}-{name}" if numbered else name
        # file systems that ignore case would merge `User.prisma` and `user.prisma`: number the later one
        path, n = stem + ".prisma", 1
        while path.lower() in taken:
            n += 1
            path = f"{stem}-{n}.prisma"
        taken.add(path.lower())
        out[path] = _file(path, blocks)
    return out


def join(schema: Schema, path: str = MAIN_FILE) -> str:
    """One file holding every block of ``schema`` (a folder): configuration first, then by position (see above)."""
    config: list[Block] = []
    loose: list[Block] = []
    placed: list[tuple[int, int, list[Block]]] = []
    for i, f in enumerate(schema.files):
        config += [b for b in f.blocks if isinstance(b, _CONFIG)]
        rest: list[Block] = [b for b in f.blocks if not isinstance(b, _CONFIG)]
        at = position_of(f.path)
        if at is None:
            loose += rest
        elif rest:
            placed.append((at, i, rest))
    blocks: list[Block] = []
    taken = 0
    for at, _, group in sorted(placed, key=lambda p: p[:2]):
        while taken < len(loose) and len(blocks) + 1 < at:  # the places before this file's position
            blocks.append(loose[taken])
            taken += 1
        blocks += group
    blocks += loose[taken:]
    footer = tuple(c for f in schema.files for c in f.footer_comments)
    return _file(path, config + blocks, footer)
