"""Fixes of relation diagnostics: unique keys, the relation index, the opposite field, MySQL's SetDefault."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..edits import Fix, TextEdit
from ..registry import fixer
from .text import after, block_attribute_edit, closing_brace, field_at, indentation, newline, offsets

if TYPE_CHECKING:
    from ..resolve import ResolvedSchema
    from ..resolve.model import FieldBlockInfo, RelationFieldInfo
    from ..validation.context import Finding

__all__: list[str] = []


def _forward(finding: Finding, db: ResolvedSchema) -> RelationFieldInfo | None:
    """The relation field (with ``fields``/``references``) the finding is about."""
    f = field_at(db, finding)
    if f is None:
        return None
    return next((rf for rf in db.relation_fields if rf.field is f), None)


def _unique_edit(model: FieldBlockInfo, names: tuple[str, ...], attribute: str) -> TextEdit | None:
    """``@attribute`` after the one field, or ``@@attribute([a, b])`` for several (Prisma's placement)."""
    text, path = model.file.text, model.file.path
    if len(names) == 1:
        f = model.field(names[0])
        if f is None:
            return None
        at = after(f.node)
        return TextEdit(path=path, start=at, end=at, content=f" @{attribute}")
    return block_attribute_edit(path, text, model.node, f"{attribute}([{', '.join(names)}])")


@fixer("E441", "safe")
def one_to_one_unique(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Make referencing fields unique

    A one-to-one relation needs its foreign key to be unique: add `@unique` to the
    key field, or `@@unique([...])` to the model for a compound key (what Prisma's
    language server offers; the same repair as the `add-one-to-one-unique` pass).

    ```prisma
    model Profile {
      id     Int  @id
      userId Int  @unique // <- added
      user   User @relation(fields: [userId], references: [id])
    }
    ```
    """
    rf = _forward(finding, db)
    if rf is None or not rf.fields or rf.references is None or len(rf.fields) != len(rf.references):
        return None
    edit = _unique_edit(rf.model, rf.fields, "unique")
    if edit is None:
        return None
    return Fix(message="Make referencing fields unique", applicability="safe", edits=(edit,))


@fixer("E431", "safe")
def referenced_unique(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Make referenced field(s) unique

    `references` must name a unique criterion of the related model: add `@unique`
    to the referenced field, or `@@unique([...])` for several (in the related
    model's file). Adds a unique index in the database, which fails to migrate if
    the data has duplicates, as any new `@unique` does.

    ```prisma
    model User {
      id    Int    @id
      email String @unique // <- added
      posts Post[]
    }

    model Post {
      id        Int    @id
      userEmail String
      user      User   @relation(fields: [userEmail], references: [email])
    }
    ```
    """
    rf = _forward(finding, db)
    if rf is None or rf.related is None or not rf.references or rf.fields is None:
        return None
    if len(rf.fields) != len(rf.references):
        return None
    edit = _unique_edit(rf.related, rf.references, "unique")
    if edit is None:
        return None
    return Fix(message="Make referenced field(s) unique", applicability="safe", edits=(edit,))


@fixer("W401", "unsafe")
def relation_index(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Add an index for the relation's field(s)

    With `relationMode = "prisma"` there are no foreign keys, so no index comes
    with them: add `@@index([...])` on the relation's fields. Unsafe: the index
    is a change to the database (the next migration creates it).

    ```prisma
    model Post {
      id     Int  @id
      userId Int
      user   User @relation(fields: [userId], references: [id])

      @@index([userId]) // <- added
    }
    ```
    """
    rf = _forward(finding, db)
    if rf is None or not rf.fields:
        return None
    model = rf.model
    edit = block_attribute_edit(model.file.path, model.file.text, model.node, f"index([{', '.join(rf.fields)}])")
    return Fix(message="Add an index for the relation's field(s)", applicability="unsafe", edits=(edit,))


@fixer("E430", "safe")
def missing_opposite(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Add missing relation field

    Every relation needs a field on both models: add a list field on the other
    model, named as Prisma's language server names it (this model's name in
    camelCase, plural), with the relation's name if it has one. The
    `add-back-relations` pass does this too, and also completes the keys and
    makes a one-to-one where the keys are unique. Not offered when the other model
    already has a field of that name.

    ```prisma
    model Song {
      id       Int    @id
      artistId Int
      artist   Artist @relation(fields: [artistId], references: [id])
    }

    model Artist {
      id    Int    @id
      songs Song[] // <- added
    }
    ```
    """
    rf = _forward(finding, db)
    if rf is None or rf.related is None or rf.related.kind != "model":
        return None
    from ..passes.naming import camel_case, pluralize

    target = rf.related
    name = rf.model.name
    field_name = pluralize(camel_case(name))
    if target.field(field_name) is not None:
        return None
    text = target.file.text
    node = target.node
    start, end = offsets(node)
    nl = newline(text, start, end)
    separator = "" if node.attributes else nl
    relation = ""
    attribute = rf.attribute
    if attribute is not None and attribute.arguments:
        from ..nodes import StringValue

        named = next((a for a in attribute.arguments if isinstance(a.value, StringValue)), None)
        if named is not None and named.span is not None:
            relation = f" @relation({rf.field.file.text[named.span.start_offset : named.span.end_offset]})"
    at = closing_brace(text, node)
    content = f"{separator}{indentation(text, node)}{field_name} {name}[]{relation}{nl}"
    edit = TextEdit(path=target.file.path, start=at, end=at, content=content)
    return Fix(message=f"Add missing relation field to model {target.name}", applicability="safe", edits=(edit,))


@fixer("W402", "unsafe")
def mysql_set_default(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Replace SetDefault with NoAction

    MySQL (InnoDB) does not implement `SetDefault`; `NoAction` is what it does.
    Unsafe: the foreign key's declared action changes.

    ```prisma
    user User @relation(fields: [userId], references: [id], onUpdate: NoAction) // was SetDefault
    ```
    """
    text = finding.file.text
    i = text.find("SetDefault", finding.start, finding.end)
    if i < 0:
        return None
    edit = TextEdit(path=finding.path, start=i, end=i + len("SetDefault"), content="NoAction")
    return Fix(message="Replace SetDefault with NoAction", applicability="unsafe", edits=(edit,))
