"""PT001 remove-duplicates: keep one copy of a model, view, composite type or enum defined twice."""

from __future__ import annotations

from ..nodes import Comment, EnumBlock, EnumValue, FieldAttribute, FieldDecl, Schema, SchemaFile
from ._ast import DATA_BLOCKS, DataBlock, bare, kind_word, render_attribute, render_type, where
from .base import PassContext, register

__all__ = ["remove_duplicates"]


@register(code="PT001", name="remove-duplicates")
def remove_duplicates(schema: Schema, ctx: PassContext) -> Schema:
    """Remove the extra copies of a model, view, composite type or enum defined more than once.

    Blocks are matched by name over the whole schema (every file of a schema
    folder), as Prisma does. Copies that mean the same (equal once layout and
    comments are ignored) are removed and reported as identical. Copies that
    differ are removed too, keeping the first (``duplicates="last"`` keeps the
    last; first and last in schema order: the files in the order they were
    loaded, which for a folder is sorted by path, as Prisma reads them), and
    each difference is reported field by field, e.g.
    ``PortfolioProfile.biography: @db.Text only in the kept copy``. With
    ``duplicates="error"`` nothing changes and every extra copy is an error.
    The comments directly above a removed block (no blank line between) go
    with it; comments further up stay, above the next block.

    Never touches: datasources and generators, and names shared by blocks of
    different kinds (``model Status`` and ``enum Status``): which one the user
    wants is not decidable, so that is a warning and both stay.

    Before::

        model Tag {
          id Int @id
        }

        // again
        model Tag {
          id   Int @id // the key
        }

    After::

        model Tag {
          id Int @id
        }
    """
    groups: dict[str, list[tuple[int, int]]] = {}
    for fi, f in enumerate(schema.files):
        for bi, b in enumerate(f.blocks):
            if isinstance(b, DATA_BLOCKS):
                groups.setdefault(b.name, []).append((fi, bi))

    removed: dict[tuple[int, int], None] = {}
    for name, locs in groups.items():
        if len(locs) < 2:
            continue
        copies = [(schema.files[fi], schema.files[fi].blocks[bi]) for fi, bi in locs]
        kinds = list(dict.fromkeys(b.kind for _, b in copies))
        if len(kinds) > 1:
            f0, b0 = copies[0]
            ctx.warn(
                f"{name} is defined as {' and as '.join(kind_word(k) for k in kinds)}; "
                "cannot decide which to keep, left alone",
                path=f0.path,
                span=b0.span,
            )
            continue
        keep = len(copies) - 1 if ctx.duplicates == "last" else 0
        kept_file, kept = copies[keep]
        assert isinstance(kept, DATA_BLOCKS)
        kept_at = where(kept_file.path, kept.span)
        for i, (f, b) in enumerate(copies):
            if i == keep:
                continue
            assert isinstance(b, DATA_BLOCKS)
            what = f"{kind_word(b.kind)} {name}"
            same = bare(b) == bare(kept)
            if ctx.duplicates == "error":
                state = "identical" if same else "they differ"
                ctx.error(f"duplicate {what}, first defined at {kept_at} ({state})", path=f.path, span=b.span)
                for line in [] if same else differences(kept, b, ("the first copy", "this copy")):
                    ctx.error(line, path=f.path, span=b.span)
                continue
            removed[locs[i]] = None
            if same:
                ctx.report(
                    f"removed duplicate {what}, identical to the copy kept at {kept_at}", path=f.path, span=b.span
                )
                continue
            which = "last" if ctx.duplicates == "last" else "first"
            ctx.warn(
                f"removed duplicate {what}, which differs from the {which} copy, kept at {kept_at}",
                path=f.path,
                span=b.span,
            )
            for line in differences(kept, b, ("the kept copy", "the removed copy")):
                ctx.warn(line, path=f.path, span=b.span)

    if not removed:
        return schema
    files = tuple(_without(f, fi, removed) for fi, f in enumerate(schema.files))
    return schema.model_copy(update={"files": files})


def _without(f: SchemaFile, fi: int, removed: dict[tuple[int, int], None]) -> SchemaFile:
    """``f`` without its removed blocks; comments not directly above one move to the next block."""
    if not any((fi, bi) in removed for bi in range(len(f.blocks))):
        return f
    blocks = []
    carried: tuple[Comment, ...] = ()
    for bi, b in enumerate(f.blocks):
        if (fi, bi) in removed:
            carried += _detached_comments(b.leading_comments, b.blank_line_before)
            continue
        if carried:
            b = b.model_copy(update={"leading_comments": carried + b.leading_comments})
            carried = ()
        blocks.append(b)
    return f.model_copy(update={"blocks": tuple(blocks), "footer_comments": carried + f.footer_comments})


def _detached_comments(comments: tuple[Comment, ...], blank_before_block: bool) -> tuple[Comment, ...]:
    """The comments of a run that a blank line separates from the block below them."""
    if blank_before_block:
        return comments
    k = len(comments) - 1
    while k > 0 and not comments[k].blank_line_before:
        k -= 1
    return comments[:k] if k >= 0 else ()


# ------------------------------------------------------------------ differences


def differences(kept: DataBlock, other: DataBlock, labels: tuple[str, str]) -> list[str]:
    """What differs between two copies of a block, one line per field, value or attribute."""
    a_label, b_label = labels
    name = kept.name
    a_members = _members(kept)
    b_members = _members(other)
    a_by_name = {m.name: m for m in reversed(a_members)}
    b_by_name = {m.name: m for m in reversed(b_members)}
    out: list[str] = []
    for m in a_members:
        twin = b_by_name.get(m.name)
        if twin is None:
            out.append(f"{name}.{m.name}: only in {a_label}")
        else:
            out.extend(f"{name}.{m.name}: {d}" for d in _member_differences(m, twin, labels))
    out.extend(f"{name}.{m.name}: only in {b_label}" for m in b_members if m.name not in a_by_name)
    common_a = [m.name for m in a_members if m.name in b_by_name]
    common_b = [m.name for m in b_members if m.name in a_by_name]
    if common_a != common_b:
        out.append(f"{name}: {'values' if isinstance(kept, EnumBlock) else 'fields'} in a different order")
    out.extend(f"{name}: {d}" for d in _attribute_differences(kept.attributes, other.attributes, labels))
    if not out:  # e.g. lines that did not parse
        out.append(f"{name}: the copies differ")
    return out


def _members(b: DataBlock) -> list[FieldDecl | EnumValue]:
    return [bare(m) for m in b.members if isinstance(m, (FieldDecl, EnumValue))]


def _member_differences(a: FieldDecl | EnumValue, b: FieldDecl | EnumValue, labels: tuple[str, str]) -> list[str]:
    out: list[str] = []
    if isinstance(a, FieldDecl) and isinstance(b, FieldDecl) and a.type != b.type:
        out.append(f"type {render_type(a) or '(none)'} in {labels[0]}, {render_type(b) or '(none)'} in {labels[1]}")
    out.extend(_attribute_differences(a.attributes, b.attributes, labels))
    return out


def _attribute_differences(
    a: tuple[FieldAttribute, ...], b: tuple[FieldAttribute, ...], labels: tuple[str, str]
) -> list[str]:
    """Attributes compared by name; several of one name (``@@index``) are compared as a list."""
    a_by: dict[str, list[str]] = {}
    b_by: dict[str, list[str]] = {}
    for attrs, by in ((a, a_by), (b, b_by)):
        for x in attrs:
            by.setdefault(x.name, []).append(render_attribute(bare(x)))
    out: list[str] = []
    for key in dict.fromkeys([*a_by, *b_by]):
        xs, ys = a_by.get(key, []), b_by.get(key, [])
        if xs == ys:
            continue
        only_a = [x for x in xs if x not in ys]
        only_b = [y for y in ys if y not in xs]
        if len(only_a) == 1 and len(only_b) == 1:
            out.append(f"{only_a[0]} in {labels[0]}, {only_b[0]} in {labels[1]}")
            continue
        out.extend(f"{x} only in {labels[0]}" for x in only_a)
        out.extend(f"{y} only in {labels[1]}" for y in only_b)
    return out
