"""Three-way merge of keyed sequences (blocks of a file, members of a block, attributes).

Items are matched across base, ours and theirs by a key (a block's name, a
field's name, ...). The caller decides what each matched triple becomes; this
module decides the order: ours' order, with what only theirs has placed where
theirs had it, just after its nearest predecessor in theirs that the result
keeps (after ours' own additions there), else before its nearest successor.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Generic, TypeVar

__all__ = ["Keyed", "keyed", "merge_order"]

T = TypeVar("T")


class Keyed(Generic[T]):
    """A sequence's items by key, in order; a key seen twice gets its occurrence number."""

    __slots__ = ("items", "order")

    def __init__(self, items: dict[Hashable, T], order: list[Hashable]) -> None:
        self.items = items
        self.order = order


def keyed(items: Sequence[T], key: Callable[[T], Hashable]) -> Keyed[T]:
    seen: dict[Hashable, int] = {}
    out: dict[Hashable, T] = {}
    order: list[Hashable] = []
    for item in items:
        k = key(item)
        n = seen.get(k, 0)
        seen[k] = n + 1
        full = (k, n)
        out[full] = item
        order.append(full)
    return Keyed(out, order)


def merge_order(base: Keyed[T], ours: Keyed[T], theirs: Keyed[T], kept: Callable[[Hashable], bool]) -> list[Hashable]:
    """The keys of the result in order; ``kept(key)`` says whether the result has that key."""
    out = [k for k in ours.order if kept(k)]
    placed = set(out)
    ours_only = {k for k in ours.order if k not in base.items and k not in theirs.items}
    order = theirs.order
    for i, k in enumerate(order):
        if k in placed or not kept(k):
            continue
        at = None
        for p in reversed(order[:i]):
            if p in placed:
                at = out.index(p) + 1
                while at < len(out) and out[at] in ours_only:
                    at += 1  # ours' additions next to the same neighbour come first
                break
        if at is None:
            following = next((n for n in order[i + 1 :] if n in placed), None)
            at = out.index(following) if following is not None else len(out)
        out.insert(at, k)
        placed.add(k)
    # what neither side has any more but the result keeps (a conflict of two deletions cannot
    # happen; kept here for completeness): after the rest, in base order
    out.extend(k for k in base.order if k not in placed and kept(k))
    return out
