"""Layout-blind views of the AST, for comparing what two schemas *mean*.

``prisma format`` changes layout but not meaning: it sorts attributes, moves
block attributes last, folds blank lines, rewrites legacy type spellings and
the shape of stand-alone ``/* */`` comments, drops trailing commas in argument
lists, and deletes text after a block's ``{``. :func:`without_layout` erases exactly those differences, so that
``without_layout(parse(print(x))) == without_layout(x)`` holds for every
schema ``x`` (the round-trip property the test-suite checks).
:func:`same_meaning` answers that equality without building either copy.
"""

from __future__ import annotations

from typing import Any, TypeVar

from .nodes import BlockAttribute, Comment, FieldDecl, FieldType, Node, construct, field_items
from .printer import _block_comment_lines, sorted_attributes

__all__ = ["same_meaning", "without_layout"]

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


def _same_comment(a: Comment, b: Comment) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind == "block":
        return _block_comment_lines(a) == _block_comment_lines(b)
    return a.text == b.text


def _same(a: Any, b: Any) -> bool:
    if a.__class__ is not b.__class__:
        return False
    if isinstance(a, tuple):
        return len(a) == len(b) and all(map(_same, a, b))
    if isinstance(a, Comment):
        return _same_comment(a, b)
    if not isinstance(a, Node):
        return bool(a == b)
    for name, va in field_items(a):
        if name in _LAYOUT_FIELDS:
            continue
        vb = getattr(b, name)
        if name == "trailing_comment" and va is not None and vb is not None:
            if va.kind != vb.kind or va.text != vb.text:
                return False
        elif name == "attributes" and va and (isinstance(a, FieldDecl) or isinstance(va[0], BlockAttribute)):
            if not _same(tuple(sorted_attributes(va)), tuple(sorted_attributes(vb or ()))):
                return False
        elif not _same(va, vb):
            return False
    return True


def same_meaning(a: Node, b: Node) -> bool:
    """``without_layout(a) == without_layout(b)``, found by walking both trees side by side.

    No copy is built: this is the safety check every write goes through.
    """
    return _same(a, b)
