"""Put blocks and fields in a chosen order, comments attached (``prisma-tools sort``; never part of ``format``).

Blocks: within each file the datasource and generators stay first, in their
order; the models, views, composite types and enums follow, by kind (in that
order) then name (``blocks="kind"``), by name alone (``"name"``), or as they are
(``"keep"``); names listed in ``first`` come before the others, in that order.
Fields: by name (``fields="name"``) or as they are (``"keep"``); with
``relations_last`` the relation fields (those whose type is a model or view)
then go after the others, each group in that order (``fields="relations-last"``
is ``"keep"`` with it). A member
takes its comments along; the blank lines between reordered members are
dropped (they separated groups that no longer exist). Blocks that only move
keep their text; blocks whose fields move are printed as ``prisma format`` does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

from ..nodes import Block, CompositeType, FieldDecl, Model, Schema, View
from .schema_edit import DATA_BLOCKS

__all__ = ["BlockOrder", "FieldOrder", "sort_schema"]

BlockOrder = Literal["kind", "name", "keep"]
FieldOrder = Literal["name", "relations-last", "keep"]
_FIELD_BLOCKS = (Model, View, CompositeType)
_KIND_RANK = {"model": 0, "view": 1, "type": 2, "enum": 3}


def _block_key(order: BlockOrder, first: Sequence[str]) -> Callable[[Block], tuple[int, int, str]]:
    listed = {name: i for i, name in enumerate(first)}

    def key(b: Block) -> tuple[int, int, str]:
        name = getattr(b, "name", "")
        rank = listed.get(name, len(listed))
        kind = _KIND_RANK.get(b.kind, 9) if order == "kind" else 0
        return (rank, kind, name if rank == len(listed) else "")

    return key


def _sorted_fields(
    block: Model | View | CompositeType, order: FieldOrder, relations_last: bool, relations: set[str]
) -> Block:
    members = list(block.members)
    if any(not isinstance(m, FieldDecl) for m in members) or (order == "keep" and not relations_last):
        return block  # a line Prisma keeps verbatim has no name to sort by: leave the block alone
    fields: list[FieldDecl] = [m for m in members if isinstance(m, FieldDecl)]
    ordered = sorted(fields, key=lambda f: f.name) if order == "name" else list(fields)
    if relations_last:
        is_relation = [f.type is not None and f.type.name in relations for f in ordered]
        ordered = [f for f, r in zip(ordered, is_relation, strict=True) if not r] + [
            f for f, r in zip(ordered, is_relation, strict=True) if r
        ]
    if ordered == fields:
        return block
    ordered = [f.model_copy(update={"blank_line_before": False}) if f.blank_line_before else f for f in ordered]
    return block.model_copy(update={"members": tuple(ordered)})


def sort_schema(
    schema: Schema,
    *,
    blocks: BlockOrder = "kind",
    fields: FieldOrder = "keep",
    first: Sequence[str] = (),
    relations_last: bool = False,
) -> Schema:
    """``schema`` with its blocks and fields in order (the same object when already in order)."""
    if fields == "relations-last":
        fields, relations_last = "keep", True
    relations = {b.name for b in schema.blocks if isinstance(b, (Model, View))}
    key = _block_key(blocks, first)
    files = []
    for f in schema.files:
        config = [b for b in f.blocks if not isinstance(b, DATA_BLOCKS)]
        data: list[Block] = [b for b in f.blocks if isinstance(b, DATA_BLOCKS)]
        if blocks != "keep" or first:
            data = sorted(data, key=key)
        data = [
            _sorted_fields(b, fields, relations_last, relations) if isinstance(b, (Model, View, CompositeType)) else b
            for b in data
        ]
        new: list[Block] = [*config, *data]
        if all(x is y for x, y in zip(new, f.blocks, strict=True)):
            files.append(f)
        else:
            files.append(f.model_copy(update={"blocks": tuple(new)}))
    if all(x is y for x, y in zip(files, schema.files, strict=True)):
        return schema
    return schema.model_copy(update={"files": tuple(files)})
