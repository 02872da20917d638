"""One schema file into a schema folder, and a folder back into one file.

``split`` keeps the datasource, the generators, anything that is not a model,
view, composite type or enum, and the file's closing comments in the main file
``schema.prisma``; every other block, with its comments, goes to a file of its
own (``User.prisma``), or with ``by="namespace"`` to the file of the group its
``/// @namespace Name`` doc comment names (untagged blocks stay in the main
file). ``join`` puts the blocks of a folder, in the order Prisma reads its files,
into one file: configuration blocks first, then the rest. Both print as
``prisma format`` does, so each output formats to itself.
"""

from __future__ import annotations

import re
from typing import Literal

from ..nodes import Block, Comment, Datasource, Generator, Schema, SchemaFile, construct
from ..printer import print_file
from .schema_edit import DATA_BLOCKS

__all__ = ["MAIN_FILE", "join", "namespace_of", "split"]

MAIN_FILE = "schema.prisma"
_NAMESPACE = re.compile(r"///\s*@namespace\s+([A-Za-z0-9_.-]+)")


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


def split(schema: Schema, *, by: Literal["model", "namespace"] = "model") -> dict[str, str]:
    """The files of the folder (relative path -> text) that ``schema`` splits into.

    Names that differ only in case (or a group called ``schema``) get numbered files
    (``user-2.prisma``), so the folder also works where file names ignore case.
    """
    main: list[Block] = []
    groups: dict[str, list[Block]] = {}
    footer: tuple[Comment, ...] = ()
    for f in schema.files:
        footer += f.footer_comments
        for b in f.blocks:
            if not isinstance(b, DATA_BLOCKS):
                main.append(b)
                continue
            name = b.name if by == "model" else namespace_of(b)
            if name is None:
                main.append(b)
                continue
            groups.setdefault(name + ".prisma", []).append(b)
    out = {MAIN_FILE: _file(MAIN_FILE, main, footer)}
    taken = {MAIN_FILE.lower()}
    for path, blocks in groups.items():
        # file systems that ignore case would merge `User.prisma` and `user.prisma`: number the later one
        stem, n = path.removesuffix(".prisma"), 1
        while path.lower() in taken:
            n += 1
            path = f"{stem}-{n}.prisma"
        taken.add(path.lower())
        out[path] = _file(path, blocks)
    return out


def join(schema: Schema, path: str = MAIN_FILE) -> str:
    """One file holding every block of ``schema`` (a folder), configuration blocks first."""
    blocks = [b for f in schema.files for b in f.blocks]
    config = [b for b in blocks if isinstance(b, (Datasource, Generator))]
    rest = [b for b in blocks if not isinstance(b, (Datasource, Generator))]
    footer = tuple(c for f in schema.files for c in f.footer_comments)
    return _file(path, config + rest, footer)
