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

import hashlib
from collections.abc import Iterator
from itertools import zip_longest
from typing import Any, TypeVar

from .nodes import BlockAttribute, Comment, FieldDecl, FieldType, Node, SchemaFile, construct, field_items
from .printer import _block_comment_lines, sorted_attributes

__all__ = ["meaning", "meaning_digest", "same_meaning", "without_layout"]

N = TypeVar("N", bound=Node)


def _comment(c: Comment) -> Comment:
    if c.kind == "block":
        text = "\n".join(_block_comment_lines(c))
        return Comment(kind="block", text=text)
    return Comment(kind=c.kind, text=c.text)


def _norm(value: Any) -> Any:
    if isinstance(value, tuple):
        return tuple(_norm(v) for v in value)
    if isinstance(value, Comment):
        return _comment(value)
    if not isinstance(value, Node):
        return value
    update: dict[str, Any] = {}
    for name, v in field_items(value):
        if name == "span":
            update[name] = None
        elif name == "blank_line_before":
            update[name] = False
        elif name == "header_rest":
            update[name] = None
        elif name == "trailing_comma":  # `f(1,)` prints as `f(1)`
            update[name] = False
        elif name == "trailing_comment" and v is not None:
            update[name] = Comment(kind=v.kind, text=v.text)
        else:
            update[name] = _norm(v)
    if isinstance(value, FieldDecl):
        update["attributes"] = tuple(sorted_attributes(update["attributes"]))
        update["legacy_colon"] = False
    if isinstance(value, FieldType):
        update["legacy"] = None
    if "attributes" in update and update["attributes"] and isinstance(update["attributes"][0], BlockAttribute):
        update["attributes"] = tuple(sorted_attributes(update["attributes"]))
    # update holds every field, all of them already typed.
    return construct(type(value), update)


def without_layout(node: N) -> N:
    """``node`` with every layout-only detail reset (see the module docstring)."""
    result: N = _norm(node)
    return result


# Fields whose value is layout only: never compared.
_LAYOUT_FIELDS = frozenset({"span", "blank_line_before", "header_rest", "trailing_comma", "legacy_colon", "legacy"})


def _emit(value: Any, out: list[str]) -> None:
    """Append the layout-blind serialization of ``value`` to ``out``.

    The same rules as :func:`without_layout`, written as text: node type,
    then each compared field as ``name=value``; strings as ``repr`` (quoted
    and escaped, so no delimiter can be forged). Two values serialize alike
    exactly when their layout-blind copies are equal.
    """
    if isinstance(value, tuple):
        out.append("[")
        for v in value:
            _emit(v, out)
        out.append("]")
        return
    if isinstance(value, Comment):
        text = "\n".join(_block_comment_lines(value)) if value.kind == "block" else value.text
        out.append(f"Comment({value.kind!r},{text!r})")
        return
    if not isinstance(value, Node):
        out.append(repr(value))
        return
    out.append(type(value).__name__ + "(")
    for name, v in field_items(value):
        if name in _LAYOUT_FIELDS:
            continue
        out.append(name + "=")
        if name == "trailing_comment" and v is not None:
            out.append(f"Comment({v.kind!r},{v.text!r})")
        elif name == "attributes" and v and (isinstance(value, FieldDecl) or isinstance(v[0], BlockAttribute)):
            _emit(tuple(sorted_attributes(v)), out)
        else:
            _emit(v, out)
        out.append(",")
    out.append(")")


def meaning(node: Node) -> Iterator[str]:
    """The layout-blind serialization of ``node``, a piece per top-level block (memory stays small)."""
    parts = node.blocks if isinstance(node, SchemaFile) else (node,)
    for part in parts:
        out: list[str] = []
        _emit(part, out)
        yield "".join(out)
    if isinstance(node, SchemaFile):
        out = []
        _emit(node.footer_comments, out)
        yield "".join(out) + repr(node.path)


def same_meaning(a: Node, b: Node) -> bool:
    """``without_layout(a) == without_layout(b)``, without building either copy."""
    return type(a) is type(b) and all(x == y for x, y in zip_longest(meaning(a), meaning(b)))


def meaning_digest(node: Node) -> bytes:
    """A fingerprint of ``node``'s meaning: equal exactly when :func:`same_meaning` holds.

    The write path keeps this instead of the tree, so that the reparsed
    output is checked against the input with only one tree in memory.
    """
    h = hashlib.blake2b(type(node).__name__.encode())
    for piece in meaning(node):
        h.update(len(piece).to_bytes(8, "little"))
        h.update(piece.encode("utf-8", "surrogatepass"))
    return h.digest()
