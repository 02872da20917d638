"""Layout-blind views of the AST, for comparing what two schemas *mean*.

``prisma format`` changes layout but not meaning: it sorts attributes, moves
block attributes last, folds blank lines, rewrites legacy type spellings and
the shape of stand-alone ``/* */`` comments, drops trailing commas in argument
lists, and deletes text after a block's ``{``. :func:`without_layout` erases exactly those differences, so that
``without_layout(parse(print(x))) == without_layout(x)`` holds for every
schema ``x`` (the round-trip property the test-suite checks).
:func:`same_meaning` and :func:`meaning_digest` answer that equality without
building either copy.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import zip_longest

from .nodes import (
    ArbitraryBlock,
    BlockAttribute,
    CatchAll,
    Comment,
    FieldDecl,
    Node,
    SchemaFile,
    Setting,
    TypeAlias,
    construct,
    field_items,
)
from .printer import _block_comment_lines, sorted_attributes

try:  # the BLAKE2 module itself: hashlib would also load OpenSSL's (4 ms of start-up)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

__all__ = ["meaning", "meaning_digest", "same_meaning", "without_layout"]

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any, TypeVar

    N = TypeVar("N", bound=Node)


# Fields whose value is layout only: reset to their default (every one's default is
# its canonical value), never compared.
# A catch-all line's line break is layout: the printer ends the last line with "\n" and
# turns a lone "\r" inside a block into "\r\n".
_LAYOUT_FIELDS = frozenset(
    {"span", "blank_line_before", "header_rest", "trailing_comma", "legacy_colon", "legacy", "line_ending", "message"}
)


# Items kept verbatim: the line break their text may end with is layout (the printer adds one
# when it is missing, and a reparse may take the one it added).
_VERBATIM_BLOCKS = (TypeAlias, ArbitraryBlock)


def _comment_text(c: Comment) -> str:
    """A stand-alone comment's text as the printer writes it (``/* */`` rewritten)."""
    return "\n".join(_block_comment_lines(c)) if c.kind == "block" else c.text


def _sorts_attributes(node: Node, attributes: tuple[Any, ...]) -> bool:
    """Whether the printer reorders these attributes of ``node`` (field and block attributes)."""
    return bool(attributes) and (isinstance(node, FieldDecl) or isinstance(attributes[0], BlockAttribute))


def _norm(value: Any) -> Any:
    if isinstance(value, tuple):
        return tuple(_norm(v) for v in value)
    if isinstance(value, Comment):
        return construct(Comment, {"kind": value.kind, "text": _comment_text(value)})
    if not isinstance(value, Node):
        return value
    update: dict[str, Any] = {}
    for name, v in field_items(value):
        if name in _LAYOUT_FIELDS:
            continue  # construct() gives it its default
        if name == "trailing_comment" and v is not None:  # kept as written, not rewritten
            update[name] = construct(Comment, {"kind": v.kind, "text": v.text})
        elif name == "attributes" and _sorts_attributes(value, v):
            update[name] = tuple(sorted_attributes(_norm(v)))
        elif name == "text" and type(value) in _VERBATIM_BLOCKS:
            update[name] = v.rstrip("\r\n")
        else:
            update[name] = _norm(v)
    return construct(type(value), update)


def without_layout(node: N) -> N:
    """``node`` with every layout-only detail reset (see the module docstring)."""
    result: N = _norm(node)
    return result


_PLANS: dict[type[Any], tuple[str, tuple[str, ...]]] = {}


def _plan(cls: type[Any]) -> tuple[str, tuple[str, ...]]:
    """The opening of a node of ``cls`` and the fields its serialization compares."""
    plan = _PLANS.get(cls)
    if plan is None:
        names = tuple(name for name in cls.__record_fields__ if name not in _LAYOUT_FIELDS)
        plan = _PLANS[cls] = (cls.__name__ + "(", names)
    return plan


def _emit(value: Any, out: list[str], comments: bool = True) -> None:
    """Append the layout-blind serialization of ``value`` to ``out``.

    The same rules as :func:`without_layout`, written as text: node type,
    then each compared field as ``name=value``; strings as ``repr`` (quoted
    and escaped, so no delimiter can be forged). Two values serialize alike
    exactly when their layout-blind copies are equal. ``comments=False`` leaves
    every comment's text out.
    """
    cls = value.__class__
    if cls is tuple:
        out.append("[")
        for v in value:
            _emit(v, out, comments)
        out.append("]")
        return
    if cls is Comment:
        out.append(f"Comment({value.kind!r},{_comment_text(value)!r})" if comments else "Comment")
        return
    if not isinstance(value, Node):
        out.append(repr(value))
        return
    if isinstance(value, (CatchAll, TypeAlias)) or (isinstance(value, Setting) and value.value is None):
        _emit_catch_all(value, out, comments)
        return
    opening, names = _plan(cls)
    out.append(opening)
    for name in names:
        v = getattr(value, name)
        out.append(name + "=")
        if name == "trailing_comment" and v is not None:
            out.append(f"Comment({v.kind!r},{v.text!r})" if comments else "Comment")
        elif name == "attributes" and _sorts_attributes(value, v):
            _emit(tuple(sorted_attributes(v)), out, comments)
        elif v.__class__ is str:
            out.append(repr(v.rstrip("\r\n") if name == "text" and cls in _VERBATIM_BLOCKS else v))
        else:
            _emit(v, out, comments)
        out.append(",")
    out.append(")")


def _emit_catch_all(node: CatchAll | TypeAlias | Setting, out: list[str], comments: bool) -> None:
    """A catch-all line by its words; ``key =`` as the catch-all ``key`` that Prisma prints
    for it (with its trailing comment, after the padding of its column). A type alias is such
    a line too: both are kept verbatim and rejected, and a ``/* */`` before ``type`` on its line
    makes it a catch-all until the printer puts the comment on lines of its own."""
    if not isinstance(node, Setting):
        words = node.text.split()
    else:
        words = [node.key] + ([] if node.trailing_comment is None else node.trailing_comment.text.split())
    out.append("CatchAll(leading_comments=")
    _emit(node.leading_comments, out, comments)
    out.append(f",{' '.join(words if comments else words[:1])!r})")


def meaning(node: Node, *, comments: bool = True) -> Iterator[str]:
    """The layout-blind serialization of ``node``, a piece per top-level block (memory stays small)."""
    parts = node.blocks if isinstance(node, SchemaFile) else (node,)
    for part in parts:
        out: list[str] = []
        _emit(part, out, comments)
        yield "".join(out)
    if isinstance(node, SchemaFile):
        out = []
        _emit(node.footer_comments, out, comments)
        yield "".join(out) + repr(node.path)


def same_meaning(a: Node, b: Node) -> bool:
    """``without_layout(a) == without_layout(b)``, without building either copy."""
    return type(a) is type(b) and all(x == y for x, y in zip_longest(meaning(a), meaning(b)))


def meaning_digest(node: Node, *, comments: bool = True) -> bytes:
    """A fingerprint of ``node``'s meaning: equal exactly when :func:`same_meaning` holds.

    ``comments=False``: the same, blind to the text of comments.

    The write path keeps this instead of the tree, so that the reparsed
    output is checked against the input with only one tree in memory.
    """
    h = blake2b(type(node).__name__.encode())
    for piece in meaning(node, comments=comments):
        h.update(len(piece).to_bytes(8, "little"))
        h.update(piece.encode("utf-8", "surrogatepass"))
    return h.digest()
