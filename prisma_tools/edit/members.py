"""Pure edits of one block or one member: every function returns a new node, the input is unchanged.

Members are fields (of models, views and composite types) and enum values;
they are found by name. A new member goes at the end, or just ``before`` /
``after`` a named member; it keeps its own comments, and moving or removing a
member moves or removes the comments that belong to it (``leading_comments``,
``trailing_comment``). Attributes are found by name without the ``@``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from ..nodes import (
    Argument,
    BlockAttribute,
    CatchAll,
    Comment,
    CompositeType,
    EnumBlock,
    EnumValue,
    FieldAttribute,
    FieldDecl,
    Model,
    Value,
    View,
)

__all__ = [
    "MemberBlock",
    "add_attribute",
    "add_member",
    "append_fields",
    "body_ends_with_blank_line",
    "member",
    "move_member",
    "remove_argument",
    "remove_attribute",
    "remove_member",
    "rename_member",
    "replace_attribute",
    "replace_member",
    "set_argument",
    "update_member",
]

MemberBlock = Model | View | CompositeType | EnumBlock
B = TypeVar("B", Model, View, CompositeType, EnumBlock)
FB = TypeVar("FB", Model, View, CompositeType)
Member = FieldDecl | EnumValue
M = TypeVar("M", FieldDecl, EnumValue)
A = TypeVar("A", FieldAttribute, BlockAttribute)
HasAttributes = TypeVar("HasAttributes", FieldDecl, EnumValue, Model, View, CompositeType, EnumBlock)


def _index(block: MemberBlock, name: str) -> int:
    for i, m in enumerate(block.members):
        if isinstance(m, (FieldDecl, EnumValue)) and m.name == name:
            return i
    raise KeyError(f"{block.kind} {block.name} has no member {name!r}")


def member(block: MemberBlock, name: str) -> FieldDecl | EnumValue | None:
    """The field or enum value called ``name``, or None."""
    for m in block.members:
        if isinstance(m, (FieldDecl, EnumValue)) and m.name == name:
            return m
    return None


def _check_kind(block: MemberBlock, m: object) -> None:
    want = EnumValue if isinstance(block, EnumBlock) else FieldDecl
    if not isinstance(m, want):
        raise TypeError(f"a {block.kind} holds {want.__name__} members, not {type(m).__name__}")


def add_member(block: B, new: FieldDecl | EnumValue, *, before: str | None = None, after: str | None = None) -> B:
    """``block`` with ``new`` at the end, or before / after the member named so.

    Raises ``ValueError`` when a member of that name exists (Prisma rejects duplicates).
    """
    _check_kind(block, new)
    if member(block, new.name) is not None:
        raise ValueError(f"{block.kind} {block.name} already has {new.name!r}")
    members: list[FieldDecl | EnumValue | CatchAll] = list(block.members)
    if before is not None:
        members.insert(_index(block, before), new)
    elif after is not None:
        members.insert(_index(block, after) + 1, new)
    else:
        members.append(new)
    return block.model_copy(update={"members": tuple(members)})


def replace_member(block: B, name: str, new: FieldDecl | EnumValue) -> B:
    """``block`` with the member ``name`` replaced by ``new`` (same place)."""
    _check_kind(block, new)
    i = _index(block, name)
    if new.name != name and member(block, new.name) is not None:
        raise ValueError(f"{block.kind} {block.name} already has {new.name!r}")
    members: list[object] = list(block.members)
    members[i] = new
    return block.model_copy(update={"members": tuple(members)})


def update_member(block: B, name: str, change: Callable[[M], M]) -> B:
    """``block`` with ``change`` applied to the member ``name``."""
    old = block.members[_index(block, name)]
    return replace_member(block, name, change(old))  # type: ignore[arg-type]


def remove_member(block: B, name: str) -> B:
    """``block`` without the member ``name`` (its comments go with it)."""
    i = _index(block, name)
    return block.model_copy(update={"members": block.members[:i] + block.members[i + 1 :]})


def move_member(block: B, name: str, *, before: str | None = None, after: str | None = None) -> B:
    """``block`` with the member ``name`` moved before / after another one, or to the end."""
    m = block.members[_index(block, name)]
    assert isinstance(m, (FieldDecl, EnumValue))
    if name in (before, after):
        return block
    return add_member(remove_member(block, name), m, before=before, after=after)


def rename_member(block: B, name: str, new_name: str) -> B:
    """``block`` with the member ``name`` called ``new_name`` (references elsewhere are not touched)."""
    m = block.members[_index(block, name)]
    return replace_member(block, name, m.model_copy(update={"name": new_name}))  # type: ignore[arg-type]


# ---------------------------------------------------------------- attributes


def _is_block(node: object) -> bool:
    return isinstance(node, (Model, View, CompositeType, EnumBlock))


def add_attribute(node: HasAttributes, attribute: FieldAttribute) -> HasAttributes:
    """``node`` (a member or a block) with ``attribute`` appended.

    A block takes a :class:`BlockAttribute` (``@@``), a member a
    :class:`FieldAttribute` (``@``); the printer puts them in Prisma's order.
    """
    if _is_block(node) != isinstance(attribute, BlockAttribute):
        raise TypeError(f"{type(attribute).__name__} does not belong on a {type(node).__name__}")
    return node.model_copy(update={"attributes": (*node.attributes, attribute)})


def _attribute_index(node: HasAttributes, name: str) -> int:
    for i, a in enumerate(node.attributes):
        if a.name == name:
            return i
    raise KeyError(f"{getattr(node, 'name', node)} has no @{name}")


def replace_attribute(node: HasAttributes, name: str, attribute: FieldAttribute) -> HasAttributes:
    """``node`` with its first attribute called ``name`` replaced by ``attribute``."""
    i = _attribute_index(node, name)
    attrs: list[FieldAttribute] = list(node.attributes)
    if isinstance(attrs[i], BlockAttribute) != isinstance(attribute, BlockAttribute):
        raise TypeError(f"{type(attribute).__name__} cannot replace a {type(attrs[i]).__name__}")
    attrs[i] = attribute
    return node.model_copy(update={"attributes": tuple(attrs)})


def remove_attribute(node: HasAttributes, name: str) -> HasAttributes:
    """``node`` without its first attribute called ``name``."""
    i = _attribute_index(node, name)
    return node.model_copy(update={"attributes": node.attributes[:i] + node.attributes[i + 1 :]})


def set_argument(attribute: A, name: str | None, value: Value) -> A:
    """``attribute`` with argument ``name`` (None: the first positional one) set to ``value``, added if missing."""
    args = list(attribute.arguments or ())
    for i, a in enumerate(args):
        if a.name == name:
            args[i] = a.model_copy(update={"value": value})
            break
    else:
        new = Argument(name=name, value=value)
        # a positional argument goes first, as Prisma writes it (`@relation("name", fields: ...)`)
        args.insert(0, new) if name is None else args.append(new)
    return attribute.model_copy(update={"arguments": tuple(args)})


def remove_argument(attribute: A, name: str | None) -> A:
    """``attribute`` without its argument ``name`` (None: the first positional one)."""
    args = list(attribute.arguments or ())
    for i, a in enumerate(args):
        if a.name == name:
            del args[i]
            return attribute.model_copy(update={"arguments": tuple(args)})
    raise KeyError(f"@{attribute.name} has no argument {name or '(positional)'}")


# ---------------------------------------------------------------- appending as Prisma does


def body_ends_with_blank_line(block: Model | View | CompositeType) -> bool:
    """Whether an empty line preceded the block's ``}`` in the source it was parsed from.

    Prisma inserts missing relation fields as text just before ``}``, so after
    such a line they start a new table. The AST does not keep that empty line;
    the spans still tell, when the block and its last line come from one parse.
    """
    if block.span is None:
        return False
    items = [*block.members, *block.attributes, *block.footer_comments]
    if not items:
        return False
    spans = [i.span for i in items]
    start, end = block.span.start.offset, block.span.end.offset
    if any(s is None or not start < s.start.offset <= s.end.offset <= end for s in spans):
        return False
    last = max(s.end.line for s in spans if s is not None)
    return block.span.end.line - last >= 2


def append_fields(block: FB, fields: Sequence[FieldDecl], *, absorb_footer: bool = True) -> FB:
    """``block`` with ``fields`` added before its ``}``, as ``prisma format`` adds text there.

    With ``absorb_footer`` the comments just above ``}`` end up above the first
    new field (where Prisma's text insertion puts them); otherwise they stay last.
    """
    if not fields:
        return block
    first = fields[0]
    update: dict[str, object] = {}
    if body_ends_with_blank_line(block):
        update["blank_line_before"] = True
    footer: tuple[Comment, ...] = block.footer_comments
    if absorb_footer and footer:
        update["leading_comments"] = footer + first.leading_comments
        footer = ()
    if update:
        first = first.model_copy(update=update)
    members = (*block.members, first, *fields[1:])
    return block.model_copy(update={"members": members, "footer_comments": footer})
