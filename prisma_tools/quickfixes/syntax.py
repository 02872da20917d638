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


@fixer("E009", "safe")
def legacy_colon(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Remove the `:`

    The old `name: Type` field syntax means `name Type`.

    ```prisma
    model User {
      id Int @id // was: id: Int @id
    }
    ```
    """
    text = finding.file.text
    if text[finding.start : finding.end] != ":":
        return None
    before = text[finding.start - 1 : finding.start]
    after = text[finding.end : finding.end + 1]
    # `id: Int` becomes `id Int`, `id :Int` too; `id : Int` loses the colon and a space
    spaced = before in (" ", "\t")
    if spaced and after in (" ", "\t"):
        edit = TextEdit(path=finding.path, start=finding.start, end=finding.end + 1)
    elif spaced or after in (" ", "\t"):
        edit = TextEdit(path=finding.path, start=finding.start, end=finding.end)
    else:
        edit = TextEdit(path=finding.path, start=finding.start, end=finding.end, content=" ")
    return Fix(message="Remove the `:`", applicability="safe", edits=(edit,))


@fixer("E104", "safe")
def duplicate_setting(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Remove the identical copy

    A datasource or generator property set twice to the same value: the later line
    is removed. Different values are left for you to choose from.

    ```prisma
    datasource db {
      provider = "postgresql"
      url      = env("DATABASE_URL")
      // a second `provider = "postgresql"` line removed
    }
    ```
    """
    from ..nodes import Datasource, Generator, Setting

    for f in db.files:
        if f.path != finding.path:
            continue
        for block in f.ast.blocks:
            if not isinstance(block, (Datasource, Generator)):
                continue
            settings = [m for m in block.members if isinstance(m, Setting)]
            for i, s in enumerate(settings):
                start, end = offsets(s)
                if start <= finding.start <= end:
                    first = next((t for t in settings[:i] if t.key == s.key), None)
                    if first is None or first != s:
                        return None
                    a, b = _line_range(finding.file.text, s)
                    return Fix(
                        message=f"Remove the second `{s.key}`, identical to the first",
                        applicability="safe",
                        edits=(TextEdit(path=finding.path, start=a, end=b),),
                    )
    return None


@fixer("E302", "safe")
def duplicate_attribute(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Remove the identical copy

    An attribute written twice, identically (`@unique @unique`), is written once too
    many: the later copy is removed. Copies that differ are left for you to choose.

    ```prisma
    model User {
      id    Int    @id
      email String @unique // was: @unique @unique
    }
    ```
    """
    return _remove_identical_attribute(finding, db)


@fixer("E501", "safe")
def duplicate_index(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Remove the identical copy

    Offered for two messages of this rule. An index, unique constraint or id written
    twice identically gets the same constraint name twice: the later copy is removed.
    "Fields that are marked as id must be required": the `?` goes (a primary key
    column is NOT NULL in every database).

    ```prisma
    model User {
      id   Int    @id
      name String

      @@index([name]) // a second, identical `@@index([name])` removed
    }
    ```
    """
    if "marked as id must be required" in finding.message:
        return _required_id(finding, db)
    if "has to be unique in the following namespace" not in finding.message:
        return None
    return _remove_identical_attribute(finding, db)


def _remove_identical_attribute(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Remove the attribute at the finding when an identical one precedes it on the same field or block."""
    block = block_at(db, finding.file, finding.start)
    if block is None:
        return None
    text = finding.file.text
    node = block.node
    groups: list[tuple[object, ...]] = [tuple(node.attributes)]
    groups += [tuple(m.attributes) for m in node.members if isinstance(m, (FieldDecl, EnumValue))]
    for attrs in groups:
        for i, a in enumerate(attrs):
            start, end = offsets(a)  # type: ignore[arg-type]
            if start <= finding.start < max(end, start + 1):
                first = next((b for b in attrs[:i] if b == a), None)
                if first is None:
                    return None
                if attrs is groups[0]:
                    start, end = _line_range(text, a)  # type: ignore[arg-type]
                else:
                    while start > 0 and text[start - 1] in " \t":
                        start -= 1
                return Fix(
                    message="Remove the repeated attribute",
                    applicability="safe",
                    edits=(TextEdit(path=finding.path, start=start, end=end),),
                )
    return None


def _required_id(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """An optional `@id` field made required: a primary key column is NOT NULL in every database."""
    found = _member_at(finding, db)
    if found is None or not isinstance(found[0], FieldDecl) or found[0].type is None:
        return None
    t = found[0].type
    if not t.optional:
        return None
    start, end = offsets(t)
    edit = TextEdit(path=finding.path, start=start, end=end, content=t.name)
    return Fix(message="Make the id field required", applicability="safe", edits=(edit,))


@fixer("E308", "safe")
def invalid_attribute(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Make the id field required / did you mean ...?

    Offered for two messages of this rule. "Fields that are marked as id must be
    required": the `?` goes (safe: a primary key column is NOT NULL in every
    database, so nothing changes there). "Invalid referential action": one clear
    misspelling of `Cascade`, `Restrict`, `NoAction`, `SetNull` or `SetDefault` gets
    that name (unsafe: a guess).

    ```prisma
    model User {
      id Int @id // was: id Int? @id
    }
    ```
    """
    if "marked as id must be required" in finding.message:
        return _required_id(finding, db)
    from .spelling import referential_action_typo

    return referential_action_typo(finding)


@fixer("E101", "safe")
def duplicate_block(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Remove the identical copy

    A model, view, composite type, enum or generator defined again, identically (the
    same once layout and comments are set aside), is removed with the comments
    directly above it. `fix` leaves this to the `remove-duplicates` pass while it is
    on (it also handles copies that differ, and `--duplicates last`).

    ```prisma
    model Tag {
      id Int @id
    }

    // a second `model Tag { id Int @id }` removed
    ```
    """
    from ..nodes import Generator

    kinds = (Model, View, CompositeType, EnumBlock, Generator)
    first = None
    for f in db.files:
        for block in f.ast.blocks:
            if not isinstance(block, kinds):
                continue
            start, end = offsets(block)
            if f.path == finding.path and start <= finding.start < end:
                if first is None or _bare(first) != _bare(block):
                    return None
                a, b = _line_range(finding.file.text, block)
                return Fix(
                    message=f"Remove the second `{block.name}`, identical to the first",
                    applicability="safe",
                    edits=(TextEdit(path=finding.path, start=a, end=b),),
                )
            if first is None and block.name == _block_name(finding.message):
                first = block
    return None


def _bare(block: Node) -> list[str]:
    """The block's meaning, layout and comments set aside (``meaning`` still marks where comments were)."""
    import re

    from ..layout import meaning

    marks = re.compile(r"(leading_comments|footer_comments)=\[(Comment,?)*\]|trailing_comment=(None|Comment)")
    return [marks.sub("", part) for part in meaning(block, comments=False)]


def _block_name(message: str) -> str | None:
    import re

    found = re.search(r' "([^"]+)" cannot be defined', message)
    return found.group(1) if found else None
