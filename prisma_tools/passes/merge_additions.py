"""PT002 merge-additions: bring in the blocks, fields, values and attributes of additions files."""

from __future__ import annotations

from ..edit.schema_edit import SchemaEdit, main_file_index
from ..nodes import (
    BlockAttribute,
    CatchAll,
    Comment,
    Datasource,
    EnumValue,
    FieldDecl,
    Generator,
    Schema,
    SchemaFile,
)
from ._ast import (
    DATA_BLOCKS,
    SCALAR_TYPES,
    DataBlock,
    attribute_fields,
    bare,
    kind_word,
    render_attribute,
    render_field,
    where,
)
from .base import PassContext, register

__all__ = ["merge_additions"]

# Block attributes a block can carry once: a second, different one is a conflict.
_SINGLE = frozenset(("id", "map", "schema", "ignore", "shardKey"))
# Index-like attributes: another one over the same fields is a conflict, not an addition.
_INDEXES = frozenset(("unique", "index", "fulltext"))

Member = FieldDecl | EnumValue
Placeable = DataBlock | Datasource | Generator


@register(code="PT002", name="merge-additions", runs_after=("remove-duplicates",))
def merge_additions(schema: Schema, ctx: PassContext) -> Schema:
    """Merge additions files (`fix --merge FILE`, or `merge` in [tool.prisma-tools]) into the schema.

    * A model, view, composite type or enum the schema lacks is added with
      its comments, in the additions' order, at the end of the main file (for
      a schema folder: the file with the datasource, else with a generator,
      else the first file), where Prisma users keep their schema's entry point.
    * A block the schema has gains the fields, enum values and block
      attributes it lacks, with their comments. A new member goes just before
      the existing member that follows it in the additions, or at the end
      when none follows (so fields appended in the additions are appended
      here); when the block ends with the very comments the new last members
      bring (their lines were deleted, not their comments), those comments
      are not doubled.
    * A field or value present in both with another definition (layout and
      comments aside) is a conflict: reported as a warning, the schema's
      version stays. So is a different ``@@id``/``@@map``, a block of another
      kind with the same name, or an index over the same fields with other
      arguments.
    * A generator the schema lacks is added, and a datasource when the
      schema has none; a different one by the same name is a conflict.

    Merging the same additions twice changes nothing.

    Never touches: members and blocks whose type is defined nowhere (a
    warning: the result would not validate), lines of the additions that did
    not parse, type aliases and keyword-less blocks, and the additions' file
    footer comments.

    Before (schema, then additions)::

        model User {                 model User {
          id Int @id                   id    Int     @id
        }                              // contact
                                       email String? @unique
                                     }

    After::

        model User {
          id    Int     @id
          // contact
          email String? @unique
        }
    """
    if not ctx.additions:
        return schema
    edit = SchemaEdit(schema)
    main = main_file_index(schema)
    known = {b.name for b in schema.blocks if isinstance(b, DATA_BLOCKS)}
    for additions in ctx.additions:
        known.update(b.name for b in additions.blocks if isinstance(b, DATA_BLOCKS))
    for additions in ctx.additions:
        for source, block in additions.iter_blocks():
            if isinstance(block, DATA_BLOCKS):
                _merge_block(edit, ctx, main, source, block, known)
            elif isinstance(block, (Datasource, Generator)):
                _merge_config(edit, ctx, main, source, block)
            else:
                label = block.text.strip() if isinstance(block, CatchAll) else f"{block.kind} {block.name}"
                ctx.warn(f"not merged (not a Prisma block): {label}", path=source.path, span=block.span)
    return edit.result()


def _unknown_type(m: Member | CatchAll, known: set[str]) -> str | None:
    if not isinstance(m, FieldDecl):
        return None
    if m.type is None:
        return "(none)"
    name = m.type.name
    if name in SCALAR_TYPES or name in known or m.type.is_unsupported:
        return None
    return name


def _placed(block: Placeable) -> Placeable:
    """``block`` as a new last block of a file: one blank line above it (or its comments)."""
    if block.leading_comments:
        first = block.leading_comments[0].model_copy(update={"blank_line_before": True})
        return block.model_copy(update={"span": None, "leading_comments": (first, *block.leading_comments[1:])})
    return block.model_copy(update={"span": None, "blank_line_before": True})


def _merge_block(
    edit: SchemaEdit, ctx: PassContext, main: int, source: SchemaFile, block: DataBlock, known: set[str]
) -> None:
    what = f"{kind_word(block.kind)} {block.name}"
    existing = edit.get(block.name)
    if existing is None:
        unknown = [
            f"{m.name}: {t}" for m in block.members if isinstance(m, FieldDecl) and (t := _unknown_type(m, known))
        ]
        if unknown:
            ctx.warn(
                f"{what} not merged: types defined nowhere ({'; '.join(unknown)})", path=source.path, span=block.span
            )
            return
        edit.add(main, _placed(block))
        ctx.report(f"added {what} from {where(source.path, block.span)}", path=edit.path(block.name))
        return
    here = where(edit.path(block.name), existing.span)
    if existing.kind != block.kind:
        ctx.warn(
            f"{what} not merged: {here} defines a {kind_word(existing.kind)} {block.name}",
            path=source.path,
            span=block.span,
        )
        return
    if bare(existing) == bare(block):
        return
    merged = _merge_members(edit, ctx, source, existing, block, known)
    merged = _merge_attributes(edit, ctx, source, merged, block)
    if merged is not existing:
        edit.replace(block.name, merged)


def _merge_members(
    edit: SchemaEdit, ctx: PassContext, source: SchemaFile, target: DataBlock, block: DataBlock, known: set[str]
) -> DataBlock:
    """``target`` with the members of ``block`` it lacks, each placed before its successor in ``block``."""
    path = edit.path(target.name)
    have: dict[str, Member] = {}
    for m in target.members:
        if isinstance(m, (FieldDecl, EnumValue)):
            have.setdefault(m.name, m)
    before: dict[str, list[Member]] = {}  # new members to go just before an existing one
    pending: list[Member] = []  # new members waiting for the next existing one
    added = 0
    for m in block.members:
        if isinstance(m, CatchAll):
            ctx.warn(f"line of {target.name} not merged: {m.text.strip()}", path=source.path, span=m.span)
            continue
        old = have.get(m.name)
        if old is not None:
            if bare(old) != bare(m):
                theirs = f"{where(source.path, m.span)} has {_definition(m)}"
                ctx.warn(f"{target.name}.{m.name}: kept {_definition(old)}; {theirs}", path=path, span=old.span)
            if pending and m.name not in before:
                before[m.name], pending = pending, []
            continue
        unknown = _unknown_type(m, known)
        if unknown is not None:
            ctx.warn(
                f"{target.name}.{m.name} not merged: type {unknown} is defined nowhere", path=source.path, span=m.span
            )
            continue
        new = m.model_copy(update={"span": None})
        pending.append(new)
        have[m.name] = new
        added += 1
        ctx.report(f"added {target.name}.{_render(m)} from {where(source.path, m.span)}", path=path, span=target.span)
    if not added:
        return target
    members: list[FieldDecl | EnumValue | CatchAll] = []
    for m in target.members:
        if isinstance(m, (FieldDecl, EnumValue)):
            members.extend(before.pop(m.name, ()))
        members.append(m)
    members.extend(pending)
    footer = _footer_left(target, members[len(members) - _trailing_new(target, members) :])
    return target.model_copy(update={"members": tuple(members), "footer_comments": footer})


def _trailing_new(target: DataBlock, members: list[FieldDecl | EnumValue | CatchAll]) -> int:
    """How many members at the end of ``members`` are new (after the last one ``target`` had)."""
    if not target.members:
        return len(members)
    last = target.members[-1]
    for i in range(len(members) - 1, -1, -1):
        if members[i] is last:
            return len(members) - 1 - i
    return 0


def _footer_left(target: DataBlock, tail: list[FieldDecl | EnumValue | CatchAll]) -> tuple[Comment, ...]:
    """The block's closing comments minus those the new last members bring themselves."""
    footer = list(target.footer_comments)
    if not footer:
        return target.footer_comments
    for m in tail:
        for c in m.leading_comments:
            for i, f in enumerate(footer):
                if f.text == c.text:
                    del footer[i]
                    break
    return tuple(footer)


def _render(m: Member) -> str:
    """A member's full definition: ``email String? @unique``."""
    if isinstance(m, FieldDecl):
        return render_field(bare(m))
    return " ".join([m.name, *(render_attribute(a) for a in m.attributes)])


def _definition(m: Member) -> str:
    """A member's definition without its name: ``String? @unique`` (``(no attributes)`` for a bare value)."""
    return _render(m)[len(m.name) :].strip() or "(no attributes)"


def _merge_attributes(
    edit: SchemaEdit, ctx: PassContext, source: SchemaFile, target: DataBlock, block: DataBlock
) -> DataBlock:
    path = edit.path(target.name)
    have = {render_attribute(bare(a)): a for a in target.attributes}
    by_name: dict[str, list[BlockAttribute]] = {}
    for a in target.attributes:
        by_name.setdefault(a.name, []).append(a)
    new: list[BlockAttribute] = []
    for a in block.attributes:
        text = render_attribute(bare(a))
        if text in have:
            continue
        same_name = by_name.get(a.name, [])
        clash = None
        if a.name in _SINGLE and same_name:
            clash = same_name[0]
        elif a.name in _INDEXES:
            clash = next((x for x in same_name if attribute_fields(x) == attribute_fields(a)), None)
        if clash is not None:
            ctx.warn(
                f"{target.name}: kept {render_attribute(bare(clash))}; {where(source.path, a.span)} has {text}",
                path=path,
                span=clash.span,
            )
            continue
        added = a.model_copy(update={"span": None})
        new.append(added)
        have[text] = added
        by_name.setdefault(a.name, []).append(added)
        ctx.report(f"added {text} to {target.name} from {where(source.path, a.span)}", path=path, span=target.span)
    if not new:
        return target
    return target.model_copy(update={"attributes": (*target.attributes, *new)})


def _merge_config(
    edit: SchemaEdit, ctx: PassContext, main: int, source: SchemaFile, block: Datasource | Generator
) -> None:
    """Generators and datasources are added when missing, never merged setting by setting."""
    same_kind = [(path, b) for path, b in edit.all_blocks() if b.kind == block.kind]
    twin = next(((f, b) for f, b in same_kind if b.name == block.name), None)
    what = f"{block.kind} {block.name}"
    if twin is not None:
        if bare(twin[1]) != bare(block):
            ctx.warn(
                f"{what} not merged: {where(twin[0], twin[1].span)} defines it differently",
                path=source.path,
                span=block.span,
            )
        return
    if isinstance(block, Datasource) and same_kind:
        ctx.warn(f"{what} not merged: the schema already has a datasource", path=source.path, span=block.span)
        return
    edit.add(main, _placed(block))
    ctx.report(f"added {what} from {where(source.path, block.span)}", path=edit.schema.files[main].path)
