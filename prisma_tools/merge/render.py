"""A merged file as canonical text, each conflict a minimal region with git's markers.

The file is printed once per side with every conflict resolved to that side's
version, each such version tagged (in a trailing comment, or in a block's
name) so that its lines can be found in the printed text; a side that lacks
the item gets a placeholder line. Ours' printout is the result; each
conflict's lines in it are replaced by the region::

    <<<<<<< ours-label
    (ours' lines)
    ||||||| base-label        (diff3 style only)
    (base's lines)
    =======
    (theirs' lines)
    >>>>>>> theirs-label
"""

from __future__ import annotations

import itertools
from typing import Any, Literal

from ..nodes import (
    ArbitraryBlock,
    CatchAll,
    Comment,
    CompositeType,
    Datasource,
    EnumBlock,
    Generator,
    Model,
    SchemaFile,
    TopCatchAll,
    TypeAlias,
    View,
    construct,
)
from ..printer import _comment_lines, print_file
from .tree import Conflict, MergedBlock, MergedFile, Side

__all__ = ["Labels", "materialize", "render"]

Style = Literal["merge", "diff3"]


class Labels:
    """The labels git writes after the markers, and the markers' length (``%L``)."""

    __slots__ = ("base", "ours", "size", "theirs")

    def __init__(self, ours: str = "ours", base: str = "base", theirs: str = "theirs", size: int = 7) -> None:
        self.ours = ours
        self.base = base
        self.theirs = theirs
        self.size = size


def _tag(number: int) -> str:
    # NUL never occurs in a schema the parser accepted, so the tag cannot be forged
    return f"\x00{number}\x00"


def _tagged(c: Conflict, side: Side) -> Any:
    node = c.version(side)
    tag = _tag(c.number)
    if node is None:
        if c.level == "block":  # a block's region stands apart, as the blocks do
            return construct(TopCatchAll, {"text": tag, "line_ending": "\n", "blank_line_before": True})
        return construct(CatchAll, {"text": tag, "line_ending": "\n"})
    if _verbatim(node):  # printed as written: the tag goes in front of its text
        return node.model_copy(update={"text": tag + node.text, "span": None})
    if c.level == "block":
        return node.model_copy(update={"name": node.name + tag, "span": None})
    trailing = node.trailing_comment
    text = tag if trailing is None else trailing.text + tag
    return node.model_copy(update={"trailing_comment": construct(Comment, {"kind": "line", "text": text})})


def _verbatim(node: Any) -> bool:
    """Lines printed as their text: catch-all lines (in a block or not), type aliases, keyword-less blocks."""
    return isinstance(node, (CatchAll, TypeAlias, ArbitraryBlock))


def materialize(merged: MergedFile, side: Side) -> SchemaFile:
    """The merged file with every conflict resolved to ``side``'s version (tagged when ``side`` is given)."""
    blocks = []
    for item in merged.items:
        if isinstance(item, Conflict):
            blocks.append(_tagged(item, side))
        elif isinstance(item, MergedBlock):
            update: dict[str, Any] = {"members": tuple(_resolve(m, side) for m in item.members)}
            if hasattr(item.node, "attributes"):
                attrs = [_resolve(a, side) for a in item.attributes]
                members = list(update["members"])
                # a missing attribute's placeholder is a member line: attributes print sorted, last
                update["attributes"] = tuple(a for a in attrs if not isinstance(a, CatchAll))
                update["members"] = tuple(members + [a for a in attrs if isinstance(a, CatchAll)])
            blocks.append(item.node.model_copy(update=update))
        else:
            blocks.append(item)
    blocks = _spaced(blocks)
    return construct(
        SchemaFile, {"path": merged.path, "blocks": tuple(blocks), "footer_comments": merged.footer_comments}
    )


_BODIES = (Model, View, CompositeType, EnumBlock, Datasource, Generator)


def _spaced(blocks: list[Any]) -> list[Any]:
    """Blocks with the blank line ``prisma format`` puts between two blocks: a block that was
    first (or followed a catch-all line) on its side may follow a block in the merge.

    For a block with leading comments the blank line goes before its first comment: without
    it, `}` then `/// a` on the next line is what prisma format separates on its next run.
    """
    out = blocks[:1]
    for previous, b in itertools.pairwise(blocks):
        if isinstance(previous, _BODIES) and isinstance(b, _BODIES):
            if not b.leading_comments:
                b = b if b.blank_line_before else b.model_copy(update={"blank_line_before": True})
            elif not b.leading_comments[0].blank_line_before:
                first = b.leading_comments[0].model_copy(update={"blank_line_before": True})
                b = b.model_copy(update={"leading_comments": (first, *b.leading_comments[1:])})
        out.append(b)
    return out


def _resolve(item: Any, side: Side) -> Any:
    return _tagged(item, side) if isinstance(item, Conflict) else item


def _lead_lines(node: Any) -> int:
    """How many printed lines the leading comments of ``node`` take (the blank line above them excluded)."""
    comments: tuple[Comment, ...] = getattr(node, "leading_comments", ())
    if not comments:
        return 0
    n = sum(len(_comment_lines(c)) for c in comments)
    n += sum(1 for c in comments[1:] if c.blank_line_before)
    if getattr(node, "blank_line_before", False):
        n += 1  # printed between the comments and the node
    return n


def _locate(lines: list[str], c: Conflict, side: Side) -> tuple[int, int, list[str]]:
    """Where ``c`` is in ``lines`` (``side``'s printout): first line, end line (exclusive), its text lines."""
    tag = _tag(c.number)
    at = next(i for i, line in enumerate(lines) if tag in line)
    node = c.version(side)
    if node is None:
        return at, at + 1, []
    if _verbatim(node):
        first, end = at - _lead_lines(node), at + max(1, len(node.text.splitlines()))
        return first, end, [*lines[first:at], lines[at].replace(tag, ""), *lines[at + 1 : end]]
    if c.level == "block":
        end = next(i for i in range(at + 1, len(lines)) if lines[i] == "}\n") + 1
        first = at - _lead_lines(node)
        body = [*lines[first:at], lines[at].replace(tag, ""), *lines[at + 1 : end]]
        return first, end, body
    first = at - _lead_lines(node)
    own = lines[at].replace(" " + tag, "") if node.trailing_comment is None else lines[at].replace(tag, "")
    return first, at + 1, [*lines[first:at], own]


def render(merged: MergedFile, labels: Labels | None = None, style: Style = "merge") -> str:
    """Canonical text of ``merged``: with conflict regions when it has conflicts."""
    if not merged.conflicts:
        return print_file(materialize(merged, "ours"))
    labels = labels or Labels()
    printed: dict[Side, list[str]] = {}
    sides: tuple[Side, ...] = ("ours", "theirs", "base") if style == "diff3" else ("ours", "theirs")
    for side in sides:
        printed[side] = print_file(materialize(merged, side)).splitlines(keepends=True)
    out = list(printed["ours"])
    in_order = sorted(merged.conflicts, key=lambda c: _line_of(printed["ours"], c))
    for c in reversed(in_order):
        first, end, ours = _locate(printed["ours"], c, "ours")
        theirs = _locate(printed["theirs"], c, "theirs")[2]
        region = [_marker("<", labels.size, labels.ours), *ours]
        if style == "diff3":
            region += [_marker("|", labels.size, labels.base), *_locate(printed["base"], c, "base")[2]]
        region += ["=" * labels.size + "\n", *theirs, _marker(">", labels.size, labels.theirs)]
        out[first:end] = region
    start = _marker("<", labels.size, labels.ours)
    for c, line in zip(in_order, (i + 1 for i, x in enumerate(out) if x == start), strict=True):
        c.line = line
    return "".join(out)


def _line_of(lines: list[str], c: Conflict) -> int:
    tag = _tag(c.number)
    return next(i for i, line in enumerate(lines) if tag in line)


def _marker(char: str, size: int, label: str) -> str:
    return char * size + (" " + label if label else "") + "\n"
