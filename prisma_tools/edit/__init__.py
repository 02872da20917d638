"""Editing a frozen schema: find, add, replace, move and remove blocks, members, attributes and comments.

Three layers, from the most to the least convenient:

* :class:`Document` (``edit.Document.load("prisma/schema.prisma")``): edits
  addressed by name (``"User"``, ``"User.email"``), new nodes from snippets
  of Prisma text, output that keeps untouched blocks byte for byte.
* :mod:`~prisma_tools.edit.snippets`: nodes from Prisma text
  (``field("email String @unique")``, ``block_attribute("@@index([email])")``).
* :mod:`~prisma_tools.edit.members`: pure functions from node to node
  (``add_member(model, field, after="id")``), for code that holds nodes.

:mod:`~prisma_tools.edit.references` finds every place that names a model,
field, enum, enum value or composite type; :func:`rename` renames one.
"""

from .document import Document, Target
from .members import (
    add_attribute,
    add_member,
    member,
    move_member,
    remove_argument,
    remove_attribute,
    remove_member,
    rename_member,
    replace_attribute,
    replace_member,
    set_argument,
    update_member,
)
from .render import render_file
from .snippets import (
    argument,
    attribute,
    block,
    block_attribute,
    blocks,
    comment,
    enum_value,
    field,
    field_type,
    unspanned,
    value,
)

__all__ = [
    "Document",
    "Target",
    "add_attribute",
    "add_member",
    "argument",
    "attribute",
    "block",
    "block_attribute",
    "blocks",
    "comment",
    "enum_value",
    "field",
    "field_type",
    "member",
    "move_member",
    "remove_argument",
    "remove_attribute",
    "remove_member",
    "rename_member",
    "render_file",
    "replace_attribute",
    "replace_member",
    "set_argument",
    "unspanned",
    "update_member",
    "value",
]
