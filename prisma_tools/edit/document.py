"""A schema being edited, as a tomlkit document is: find, add, replace, move and remove, then write.

>>> from prisma_tools.edit import Document
>>> doc = Document.parse("model User {\\n  id    Int @id\\n}\\n\\nenum Role {\\n  USER\\n}\\n")
>>> doc.add_field("User", "email String @unique", after="id")
>>> doc.add_value("Role", "ADMIN")
>>> print(doc.text(), end="")
model User {
  id    Int    @id
  email String @unique
}
<BLANKLINE>
enum Role {
  USER
  ADMIN
}

Targets are written as in Prisma's messages: ``"User"`` is a block,
``"User.email"`` a field, ``"Role.ADMIN"`` an enum value. New nodes come from
snippets of Prisma text or from the AST classes (:mod:`prisma_tools.nodes`).
Blocks the edits did not touch keep their source text byte for byte; the
blocks they changed are printed as ``prisma format`` prints them
(:mod:`prisma_tools.edit.render`). The tree is frozen throughout: each edit
builds a new :class:`~prisma_tools.nodes.Schema` (``doc.schema``) sharing
every node it did not change.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from ..nodes import (
    Block,
    Comment,
    Datasource,
    EnumBlock,
    EnumValue,
    FieldAttribute,
    FieldDecl,
    Generator,
    Schema,
    SchemaFile,
    Setting,
    Value,
)
from . import members as m
from . import snippets
from .render import render_file
from .schema_edit import DATA_BLOCKS, main_file_index

__all__ = ["Document", "Target"]

Target = str
"""``"Block"`` or ``"Block.member"``."""


def _split(target: Target) -> tuple[str, str | None]:
    block, _, member = target.partition(".")
    return block, member or None


class Document:
    """An editable schema (one file or a schema folder) that remembers its source text."""

    def __init__(self, schema: Schema, sources: Mapping[str, str] | None = None) -> None:
        """``schema`` as parsed; ``sources`` (path -> text) defaults to the texts its spans come from."""
        if sources is None:
            from ..resolve import source_texts

            sources = source_texts(schema) or {}
        self.original = schema
        self.schema = schema
        self.sources = dict(sources)

    @classmethod
    def parse(cls, text: str, path: str = "schema.prisma") -> Document:
        """A document of one file's text."""
        from ..parser import parse

        return cls(parse(text, path), {path: text})

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Document:
        """A document of a schema file or schema folder (see :func:`prisma_tools.load`)."""
        from ..files import load

        return cls(load(path))

    # ---------------------------------------------------------------- finding

    @property
    def blocks(self) -> tuple[Block, ...]:
        return self.schema.blocks

    def block(self, name: str, kind: str | None = None) -> Block | None:
        """The first block called ``name`` (of ``kind``: ``model``, ``enum``, ...), or None."""
        return self.schema.block(name, kind)

    def file_of(self, name: str) -> str:
        """The path of the file declaring the block ``name``."""
        return self.schema.files[self._locate(name)[0]].path

    def member(self, target: Target) -> FieldDecl | EnumValue | None:
        """The field or enum value ``"Block.name"``, or None."""
        name, member = _split(target)
        b = self.block(name)
        if member is None or not isinstance(b, DATA_BLOCKS):
            return None
        return m.member(b, member)

    def find(self, predicate: Callable[[Block], bool]) -> Iterator[Block]:
        """Every block for which ``predicate`` holds, in schema order."""
        return (b for b in self.schema.blocks if predicate(b))

    def _locate(self, name: str) -> tuple[int, int]:
        for fi, f in enumerate(self.schema.files):
            for bi, b in enumerate(f.blocks):
                if getattr(b, "name", None) == name:
                    return fi, bi
        raise KeyError(f"no block called {name!r}")

    def _data_block(self, name: str) -> Any:
        b = self.schema.files[self._locate(name)[0]].blocks[self._locate(name)[1]]
        if not isinstance(b, DATA_BLOCKS):
            raise TypeError(f"{b.kind} {name} has no fields, values or attributes")
        return b

    # ---------------------------------------------------------------- blocks

    def _set_file(self, fi: int, f: SchemaFile) -> None:
        files = list(self.schema.files)
        files[fi] = f
        self.schema = self.schema.model_copy(update={"files": tuple(files)})

    def _set_blocks(self, fi: int, blocks: Sequence[Block]) -> None:
        f = self.schema.files[fi]
        self._set_file(fi, f.model_copy(update={"blocks": tuple(blocks)}))

    def _file_index(self, path: str | None) -> int:
        if path is None:
            return main_file_index(self.schema)
        for fi, f in enumerate(self.schema.files):
            if f.path == path:
                return fi
        raise KeyError(f"the schema has no file {path!r}")

    def add_block(
        self, block: Block | str, *, file: str | None = None, before: str | None = None, after: str | None = None
    ) -> None:
        """Add a block (or a snippet's block) at the end of ``file`` (default: the main file) or by another.

        Raises ``ValueError`` when a model, view, composite type or enum of that name exists.
        """
        new = snippets.block(block) if isinstance(block, str) else block
        name = getattr(new, "name", None)
        if isinstance(new, DATA_BLOCKS) and any(
            isinstance(b, DATA_BLOCKS) and b.name == name for b in self.schema.blocks
        ):
            raise ValueError(f"the schema already has a block called {name!r}")
        if before is not None or after is not None:
            fi, bi = self._locate(before if before is not None else after)  # type: ignore[arg-type]
            bi += 0 if before is not None else 1
        else:
            fi = self._file_index(file)
            bi = len(self.schema.files[fi].blocks)
        blocks = list(self.schema.files[fi].blocks)
        blocks.insert(bi, new.model_copy(update={"blank_line_before": True}))
        self._set_blocks(fi, blocks)

    def replace_block(self, name: str, block: Block | str) -> None:
        """Replace the block ``name`` by ``block`` (in its place, in its file)."""
        new = snippets.block(block) if isinstance(block, str) else block
        fi, bi = self._locate(name)
        blocks = list(self.schema.files[fi].blocks)
        blocks[bi] = new
        self._set_blocks(fi, blocks)

    def update_block(self, name: str, change: Callable[[Any], Block]) -> None:
        """Replace the block ``name`` by ``change(block)``."""
        fi, bi = self._locate(name)
        self.replace_block(name, change(self.schema.files[fi].blocks[bi]))

    def remove_block(self, name: str) -> Block:
        """Remove the block ``name`` (with its comments) and return it."""
        fi, bi = self._locate(name)
        blocks = list(self.schema.files[fi].blocks)
        removed = blocks.pop(bi)
        self._set_blocks(fi, blocks)
        return removed

    def move_block(
        self, name: str, *, file: str | None = None, before: str | None = None, after: str | None = None
    ) -> None:
        """Move the block ``name`` before / after another block, or to the end of ``file`` (another file too)."""
        if name in (before, after):
            return
        home = self._locate(name)[0]
        block = self.remove_block(name)
        if before is not None or after is not None:
            fi, bi = self._locate(before if before is not None else after)  # type: ignore[arg-type]
            bi += 0 if before is not None else 1
        else:
            fi = self._file_index(file) if file is not None else home
            bi = len(self.schema.files[fi].blocks)
        # the block object itself goes back in: its text is copied, not reprinted
        blocks = list(self.schema.files[fi].blocks)
        blocks.insert(bi, block)
        self._set_blocks(fi, blocks)

    def rename_block(self, name: str, new_name: str) -> None:
        """Rename the block's declaration only (:func:`prisma_tools.edit.rename` also updates every reference)."""
        self.update_block(name, lambda b: b.model_copy(update={"name": new_name}))

    # ---------------------------------------------------------------- members

    def _member_node(self, block: Any, new: FieldDecl | EnumValue | str) -> FieldDecl | EnumValue:
        if not isinstance(new, str):
            return new
        return snippets.enum_value(new) if isinstance(block, EnumBlock) else snippets.field(new)

    def add_member(
        self, block: str, member: FieldDecl | EnumValue | str, *, before: str | None = None, after: str | None = None
    ) -> None:
        """Add a field (to a model, view or type) or a value (to an enum): node or snippet."""
        b = self._data_block(block)
        self.replace_block(block, m.add_member(b, self._member_node(b, member), before=before, after=after))

    def add_field(
        self, block: str, field: FieldDecl | str, *, before: str | None = None, after: str | None = None
    ) -> None:
        """``doc.add_field("User", "email String @unique", after="id")``."""
        self.add_member(block, field, before=before, after=after)

    def add_value(
        self, enum: str, value: EnumValue | str, *, before: str | None = None, after: str | None = None
    ) -> None:
        """``doc.add_value("Role", "ADMIN")``."""
        self.add_member(enum, value, before=before, after=after)

    def replace_member(self, target: Target, member: FieldDecl | EnumValue | str) -> None:
        """Replace ``"Block.name"`` by a field or value (node or snippet), in its place."""
        block, name = self._member_target(target)
        b = self._data_block(block)
        self.replace_block(block, m.replace_member(b, name, self._member_node(b, member)))

    def update_member(self, target: Target, change: Callable[[Any], FieldDecl | EnumValue]) -> None:
        """Replace ``"Block.name"`` by ``change(member)``."""
        block, name = self._member_target(target)
        self.replace_block(block, m.update_member(self._data_block(block), name, change))

    def remove_member(self, target: Target) -> FieldDecl | EnumValue:
        """Remove ``"Block.name"`` (with its comments) and return it."""
        block, name = self._member_target(target)
        b = self._data_block(block)
        removed = m.member(b, name)
        self.replace_block(block, m.remove_member(b, name))
        assert removed is not None
        return removed

    def move_member(self, target: Target, *, before: str | None = None, after: str | None = None) -> None:
        """Move ``"Block.name"`` before / after another member of its block, or to the end."""
        block, name = self._member_target(target)
        self.replace_block(block, m.move_member(self._data_block(block), name, before=before, after=after))

    def _member_target(self, target: Target) -> tuple[str, str]:
        block, name = _split(target)
        if name is None:
            raise ValueError(f"{target!r} names no member (write Block.member)")
        return block, name

    # ---------------------------------------------------------------- attributes and arguments

    def _update_owner(self, target: Target, change: Callable[[Any], Any]) -> None:
        block, name = _split(target)
        if name is None:
            self.replace_block(block, change(self._data_block(block)))
        else:
            self.replace_block(block, m.update_member(self._data_block(block), name, change))

    def attribute(self, target: Target, name: str) -> FieldAttribute | None:
        """The first attribute ``name`` (no ``@``) of a block (``@@name``) or member (``@name``)."""
        block, member = _split(target)
        owner: Any = self._data_block(block) if member is None else self.member(target)
        for a in getattr(owner, "attributes", ()):
            if a.name == name:
                return a  # type: ignore[no-any-return]
        return None

    def _attribute_node(self, target: Target, attribute: FieldAttribute | str) -> FieldAttribute:
        if not isinstance(attribute, str):
            return attribute
        return snippets.block_attribute(attribute) if "." not in target else snippets.attribute(attribute)

    def add_attribute(self, target: Target, attribute: FieldAttribute | str) -> None:
        """``doc.add_attribute("User.email", "@unique")``, ``doc.add_attribute("User", "@@index([email])")``."""
        new = self._attribute_node(target, attribute)
        self._update_owner(target, lambda owner: m.add_attribute(owner, new))

    def replace_attribute(self, target: Target, name: str, attribute: FieldAttribute | str) -> None:
        """Replace the first attribute ``name`` of the target."""
        new = self._attribute_node(target, attribute)
        self._update_owner(target, lambda owner: m.replace_attribute(owner, name, new))

    def remove_attribute(self, target: Target, name: str) -> None:
        """Remove the first attribute ``name`` of the target (``"unique"``, ``"db.VarChar"``, ``"index"``)."""
        self._update_owner(target, lambda owner: m.remove_attribute(owner, name))

    def set_argument(self, target: Target, attribute: str, name: str | None, value: Value | str) -> None:
        """Set argument ``name`` (None: positional) of the target's attribute, e.g. ``onDelete`` of ``@relation``."""
        v = snippets.value(value) if isinstance(value, str) else value
        current = self.attribute(target, attribute)
        if current is None:
            raise KeyError(f"{target} has no @{attribute}")
        self.replace_attribute(target, attribute, m.set_argument(current, name, v))

    def remove_argument(self, target: Target, attribute: str, name: str | None) -> None:
        """Remove argument ``name`` (None: the positional one) of the target's attribute."""
        current = self.attribute(target, attribute)
        if current is None:
            raise KeyError(f"{target} has no @{attribute}")
        self.replace_attribute(target, attribute, m.remove_argument(current, name))

    # ---------------------------------------------------------------- comments

    def _comment_owner_update(self, target: Target, change: Callable[[Any], Any]) -> None:
        block, name = _split(target)
        if name is None:
            self.update_block(block, change)
        else:
            self._update_owner(target, change)

    def set_comments(self, target: Target, comments: Sequence[Comment | str]) -> None:
        """Replace the comment lines above a block or member (``"/// Docs"``, ``"// note"``)."""
        new = tuple(snippets.comment(c) if isinstance(c, str) else c for c in comments)
        self._comment_owner_update(target, lambda n: n.model_copy(update={"leading_comments": new}))

    def add_comment(self, target: Target, comment: Comment | str) -> None:
        """Add a comment line just above a block or member."""
        new = snippets.comment(comment) if isinstance(comment, str) else comment
        self._comment_owner_update(
            target, lambda n: n.model_copy(update={"leading_comments": (*n.leading_comments, new)})
        )

    def set_trailing_comment(self, target: Target, comment: Comment | str | None) -> None:
        """Set (or, with None, remove) the comment at the end of a member's line."""
        new = snippets.comment(comment) if isinstance(comment, str) else comment
        self._member_target(target)
        self._update_owner(target, lambda n: n.model_copy(update={"trailing_comment": new}))

    def add_footer_comment(self, block: str, comment: Comment | str) -> None:
        """Add a comment line at the end of a block's body (before its ``}``)."""
        new = snippets.comment(comment) if isinstance(comment, str) else comment
        self.update_block(block, lambda b: b.model_copy(update={"footer_comments": (*b.footer_comments, new)}))

    def add_file_comment(self, comment: Comment | str, *, file: str | None = None) -> None:
        """Add a comment line at the end of ``file`` (default: the main file)."""
        new = snippets.comment(comment) if isinstance(comment, str) else comment
        fi = self._file_index(file)
        f = self.schema.files[fi]
        self._set_file(fi, f.model_copy(update={"footer_comments": (*f.footer_comments, new)}))

    # ---------------------------------------------------------------- datasource and generator settings

    def setting(self, block: str, key: str) -> Setting | None:
        """The setting ``key`` of a datasource or generator block."""
        b = self.block(block)
        return b.setting(key) if isinstance(b, (Datasource, Generator)) else None

    def set_setting(self, block: str, key: str, value: Value | str) -> None:
        """Set ``key = value`` in a datasource or generator (replaced in place, or added last).

        A string value is Prisma text: ``'"postgresql"'``, ``'env("DATABASE_URL")'``, ``'["a", "b"]'``.
        """
        v = snippets.value(value) if isinstance(value, str) else value
        b = self.block(block)
        if not isinstance(b, (Datasource, Generator)):
            raise TypeError(f"{block} is not a datasource or generator")
        members = list(b.members)
        for i, item in enumerate(members):
            if isinstance(item, Setting) and item.key == key:
                members[i] = item.model_copy(update={"value": v})
                break
        else:
            members.append(Setting(key=key, value=v))
        self.replace_block(block, b.model_copy(update={"members": tuple(members)}))

    def remove_setting(self, block: str, key: str) -> None:
        """Remove the setting ``key`` of a datasource or generator."""
        b = self.block(block)
        if not isinstance(b, (Datasource, Generator)) or b.setting(key) is None:
            raise KeyError(f"{block} has no setting {key!r}")
        kept = tuple(x for x in b.members if not (isinstance(x, Setting) and x.key == key))
        self.replace_block(block, b.model_copy(update={"members": kept}))

    # ---------------------------------------------------------------- output

    def text(self, path: str | None = None) -> str:
        """The text of one file (default: the only one)."""
        if path is None:
            if len(self.schema.files) != 1:
                raise ValueError("a schema folder has several files: name one, or use texts()")
            path = self.schema.files[0].path
        return self.texts()[path]

    def texts(self) -> dict[str, str]:
        """The text of every file, by path: untouched blocks as written, the others as ``prisma format`` prints."""
        before = {f.path: f for f in self.original.files}
        return {f.path: render_file(f, before.get(f.path), self.sources.get(f.path)) for f in self.schema.files}

    @property
    def changed(self) -> dict[str, str]:
        """The files whose text changed, with their new text."""
        return {p: t for p, t in self.texts().items() if t != self.sources.get(p)}

    def diff(self) -> str:
        """A unified diff of every changed file."""
        out: list[str] = []
        for path, text in self.changed.items():
            old = self.sources.get(path, "")
            out.extend(difflib.unified_diff(old.splitlines(True), text.splitlines(True), path, path))
        return "".join(out)

    def save(self) -> list[str]:
        """Write the changed files (atomically) and return their paths."""
        from ..files import write_atomic

        changed = self.changed
        for path, text in changed.items():
            write_atomic(path, text)
        self.sources.update(changed)
        return list(changed)
