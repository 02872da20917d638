"""Text of an edited schema that keeps every untouched block byte for byte.

An edit on the frozen AST rebuilds the path to what it changed and shares
everything else, so a block that is the *same object* as in the parsed
schema was not touched. Such a block is copied from the source text (its
comments and the space before it included, when its neighbour did not change
either); a new or changed block is printed as ``prisma format`` prints it.
A file whose tree is unchanged is its source text.
"""

from __future__ import annotations

from ..nodes import Block, Comment, SchemaFile, construct
from ..printer import print_file

__all__ = ["block_text", "canonical_block_text", "render_file", "segments"]


def _start(b: Block) -> int | None:
    if b.span is None:
        return None
    starts = [c.span.start_offset for c in b.leading_comments if c.span is not None]
    return min([b.span.start_offset, *starts])


def segments(f: SchemaFile) -> list[tuple[int, int]] | None:
    """``(start, end)`` of each block's text (leading comments included), or None without spans."""
    out: list[tuple[int, int]] = []
    for b in f.blocks:
        start = _start(b)
        if start is None or b.span is None:
            return None
        out.append((start, b.span.end_offset))
    return out


def canonical_block_text(b: Block) -> str:
    """``b`` (with its leading comments) as ``prisma format`` prints it, without the final line break."""
    alone = b.model_copy(update={"blank_line_before": False})
    return print_file(construct(SchemaFile, {"path": "", "blocks": (alone,), "footer_comments": ()})).removesuffix("\n")


def block_text(f: SchemaFile, text: str, index: int) -> str:
    """The source text of block ``index`` of ``f`` (leading comments included)."""
    segs = segments(f)
    if segs is None:
        raise ValueError("the file has no source positions")
    start, end = segs[index]
    return text[start:end]


def _blank_before(b: Block) -> bool:
    first = b.leading_comments[0] if b.leading_comments else None
    return first.blank_line_before if first is not None else b.blank_line_before


def _canonical_footer(comments: tuple[Comment, ...], after_block: bool) -> str:
    if not comments:
        return "\n" if after_block else ""
    body = print_file(construct(SchemaFile, {"path": "", "blocks": (), "footer_comments": comments}))
    if not after_block:
        return body
    return "\n" + ("\n" if comments[0].blank_line_before else "") + body


def render_file(new: SchemaFile, old: SchemaFile | None = None, text: str | None = None) -> str:
    """The text of ``new``: ``old``'s blocks found unchanged in it are copied from ``text``."""
    if old is None or text is None:
        return print_file(new)
    if new is old:
        return text
    segs = segments(old)
    if segs is None:
        return print_file(new)
    by_identity = {id(block): index for index, block in enumerate(old.blocks)}
    by_name: dict[tuple[str, object], int] = {}
    for index, block in enumerate(old.blocks):
        by_name.setdefault((block.kind, getattr(block, "name", None)), index)
    out: list[str] = []
    previous: int | None = -1  # the old index of the block written last; -1: the start of the file
    for b in new.blocks:
        same: int | None = by_identity.get(id(b))
        if same is not None and old.blocks[same] is not b:
            same = None
        # a changed block still sits where it was: the space around it stays as written
        i: int | None = same if same is not None else by_name.get((b.kind, getattr(b, "name", None)))
        if i is not None and previous == i - 1:
            out.append(text[segs[i - 1][1] if i else 0 : segs[i][0]])
        elif out:
            out.append("\n\n" if _blank_before(b) else "\n")
        out.append(text[segs[i][0] : segs[i][1]] if same is not None and i is not None else canonical_block_text(b))
        previous = i
    last = len(old.blocks) - 1
    if new.footer_comments == old.footer_comments and previous == last and last >= 0:
        out.append(text[segs[last][1] :])
    elif not new.blocks and not old.blocks:
        out.append(text)
    else:
        out.append(_canonical_footer(new.footer_comments, bool(new.blocks)))
    result = "".join(out)
    return result if result.endswith("\n") or not result else result + "\n"
