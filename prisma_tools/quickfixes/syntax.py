"""Repairs Prisma's messages spell out: legacy type syntax, optional lists, identical duplicates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..edits import Fix, TextEdit
from ..nodes import CompositeType, EnumBlock, EnumValue, FieldDecl, Model, View
from ..registry import fixer
from .text import block_at, offsets

if TYPE_CHECKING:
    from ..nodes import FieldType, Node
    from ..resolve import ResolvedSchema
    from ..validation.context import Finding

__all__: list[str] = []


def _member_at(finding: Finding, db: ResolvedSchema) -> tuple[Node, list[Node]] | None:
    """The field or enum value holding the finding's start, and the members of its block."""
    block = block_at(db, finding.file, finding.start)
    if block is None or not isinstance(block.node, (Model, View, CompositeType, EnumBlock)):
        return None
    members: list[Node] = [m for m in block.node.members if isinstance(m, (FieldDecl, EnumValue))]
    for m in members:
        start, end = offsets(m)
        if start <= finding.start <= end:
            return m, members
    return None


def _type_fix(finding: Finding, db: ResolvedSchema, message: str) -> Fix | None:
    found = _member_at(finding, db)
    if found is None or not isinstance(found[0], FieldDecl) or found[0].type is None:
        return None
    t: FieldType = found[0].type
    start, end = offsets(t)
    spelled = t.name + ("[]" if t.list else "?" if t.optional else "")
    return Fix(
        message=message,
        applicability="safe",
        edits=(TextEdit(path=finding.path, start=start, end=end, content=spelled),),
    )


@fixer("E010", "safe")
def legacy_required(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Remove the `!`

    Fields are required unless marked `?`; the old `Type!` means plain `Type`.

    ```prisma
    model User {
      id Int @id // was: id Int! @id
    }
    ```
    """
    return _type_fix(finding, db, "Remove the `!`: fields are required by default")


@fixer("E011", "safe")
def legacy_list(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Write `Type[]`

    The old `[Type]` list syntax means `Type[]`.

    ```prisma
    model Post {
      id   Int      @id
      tags String[] // was: tags [String]
    }
    ```
    """
    return _type_fix(finding, db, "Write the list as `Type[]`")


@fixer("E012", "safe")
def optional_list(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Make the list non-optional

    A list cannot be optional (an empty list stands for "none"): `Type[]?` becomes
    `Type[]`. No schema with an optional list was ever accepted, so no database
    depends on the `?`.

    ```prisma
    model Post {
      id   Int      @id
      tags String[] // was: tags String[]?
    }
    ```
    """
    return _type_fix(finding, db, "Remove the `?`: a list cannot be optional")


def _line_range(text: str, node: Node) -> tuple[int, int]:
    """From the start of the line of the node's first leading comment (or the node) to after its line break."""
    comments = getattr(node, "leading_comments", ())
    first = comments[0] if comments and comments[0].span is not None else node
    start = offsets(first)[0]
    start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    trailing = getattr(node, "trailing_comment", None)
    end = offsets(trailing if trailing is not None and trailing.span is not None else node)[1]
    nl = text.find("\n", end)
    return start, len(text) if nl < 0 else nl + 1


def _duplicate_fix(finding: Finding, db: ResolvedSchema, what: str) -> Fix | None:
    found = _member_at(finding, db)
    if found is None:
        return None
    member, members = found
    name = getattr(member, "name", None)
    position = next(i for i, m in enumerate(members) if m is member)  # not .index(): copies are equal
    earlier = [m for m in members[:position] if getattr(m, "name", None) == name]
    if not earlier or earlier[0] != member:
        return None  # not identical: which one is meant is for the author to say
    start, end = _line_range(finding.file.text, member)
    return Fix(
        message=f"Remove the second {what} `{name}`, identical to the first",
        applicability="safe",
        edits=(TextEdit(path=finding.path, start=start, end=end),),
    )


@fixer("E102", "safe")
def duplicate_field(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Remove the identical copy

    A field declared twice, identically (type, attributes and comments), is
    declared once too many: the later copy is removed. Copies that differ are left
    for you to merge.

    ```prisma
    model User {
      id    Int    @id
      email String
      // a second `email String` line removed
    }
    ```
    """
    return _duplicate_fix(finding, db, "field")


@fixer("E103", "safe")
def duplicate_enum_value(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Remove the identical copy

    An enum value listed twice, identically, is listed once too many: the later
    copy is removed.

    ```prisma
    enum Role {
      USER
      ADMIN
      // a second `USER` line removed
    }
    ```
    """
    return _duplicate_fix(finding, db, "value")
