"""Layout-blind views of the AST, for comparing what two schemas *mean*.

``prisma format`` changes layout but not meaning: it sorts attributes, moves
block attributes last, folds blank lines, rewrites legacy type spellings and
the shape of stand-alone ``/* */`` comments, drops trailing commas in argument
lists, and deletes text after a block's ``{``. :func:`without_layout` erases exactly those differences, so that
``without_layout(parse(print(x))) == without_layout(x)`` holds for every
schema ``x`` (the round-trip property the test-suite checks).
"""

from __future__ import annotations

from typing import Any, TypeVar

from .nodes import BlockAttribute, Comment, FieldDecl, FieldType, Node
from .printer import _block_comment_lines, sorted_attributes

__all__ = ["without_layout"]

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
    for name, v in value.__dict__.items():
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
    # The validator builds the copy 3x faster than model_copy (update holds every field).
    return type(value).__pydantic_validator__.validate_python(update)


def without_layout(node: N) -> N:
    """``node`` with every layout-only detail reset (see the module docstring)."""
    result: N = _norm(node)
    return result
