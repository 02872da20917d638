"""Three-way merge of parsed schema files: blocks, members, attributes, comments.

Each block, field, enum value, setting and block attribute is matched across
base, ours and theirs by its identity (see :mod:`.keys`), then:

* the same on both sides (layout aside): taken once;
* unchanged on one side: the other side's version wins (a deletion too);
* changed on both sides, differently: two versions of a block, field, value
  or setting are merged part by part (type, each attribute, comments), and
  what still differs is a :class:`Conflict`; a block added on both sides with
  different contents, or deleted on one side and changed on the other, is a
  conflict of the whole block.

Comment lists changed on both sides keep both sides' comments (ours first),
so no comment either side kept is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from ..layout import same_meaning
from ..nodes import (
    ArrayValue,
    Comment,
    CompositeType,
    Datasource,
    EnumBlock,
    Generator,
    Model,
    Node,
    SchemaFile,
    Setting,
    View,
)
from ..printer import print_value
from .keys import attribute_key, block_key, describe_block, describe_member, member_key
from .sequence import Keyed, keyed, merge_order

__all__ = ["Conflict", "MergedBlock", "MergedFile", "merge_trees"]

Side = Literal["ours", "base", "theirs"]
N = TypeVar("N", bound=Node)

_BODY_BLOCKS = (Model, View, CompositeType, EnumBlock, Datasource, Generator)


@dataclass(eq=False)
class Conflict:
    """Something both sides changed differently: its three versions (None: absent on that side)."""

    level: Literal["block", "member", "attribute"]
    where: str
    """What it is, as messages name it: ``model User``, ``model User, field email``."""
    base: Any
    ours: Any
    theirs: Any
    number: int = 0
    line: int = 0
    """The 1-based line of its ``<<<<<<<`` marker in the rendered text (set by :func:`.render.render`)."""

    @property
    def reason(self) -> str:
        if self.base is None:
            return "added on both sides, differently"
        if self.ours is None:
            return "deleted in ours, changed in theirs"
        if self.theirs is None:
            return "changed in ours, deleted in theirs"
        return "changed on both sides, differently"

    def version(self, side: Side) -> Any:
        return self.ours if side == "ours" else self.theirs if side == "theirs" else self.base


@dataclass(eq=False)
class MergedBlock:
    """A block both sides changed: its merged header (``node``) and members, some of them conflicts."""

    node: Any
    members: list[Any]
    attributes: list[Any]


@dataclass(eq=False)
class MergedFile:
    """A merged file before printing: blocks (some merged, some conflicts) and its footer comments."""

    path: str
    items: list[Any]
    footer_comments: tuple[Comment, ...]
    conflicts: list[Conflict] = field(default_factory=list)


def same(a: Node | None, b: Node | None) -> bool:
    """Same meaning, comments included, layout aside."""
    if a is None or b is None:
        return a is b
    return same_meaning(a, b)


class _Merger:
    def __init__(self) -> None:
        self.conflicts: list[Conflict] = []

    def conflict(self, level: Literal["block", "member", "attribute"], where: str, b: Any, o: Any, t: Any) -> Conflict:
        c = Conflict(level, where, b, o, t, number=len(self.conflicts))
        self.conflicts.append(c)
        return c

    # ------------------------------------------------------------- sequences

    def sequence(
        self,
        b: Sequence[N],
        o: Sequence[N],
        t: Sequence[N],
        key: Callable[[N], Hashable],
        one: Callable[[N | None, N | None, N | None], Any],
    ) -> list[Any]:
        kb, ko, kt = keyed(b, key), keyed(o, key), keyed(t, key)
        results: dict[Hashable, Any] = {}
        for k in _all_keys(kb, ko, kt):
            results[k] = one(kb.items.get(k), ko.items.get(k), kt.items.get(k))
        return [results[k] for k in merge_order(kb, ko, kt, lambda k: results.get(k) is not None)]

    # ---------------------------------------------------------------- blocks

    def block(self, b: Any, o: Any, t: Any) -> Any:
        settled, value = _settle(b, o, t)
        if settled:
            return value
        where = describe_block(o if o is not None else t)
        if b is None or o is None or t is None or o.kind != t.kind:
            return self.conflict("block", where, b, o, t)
        if not isinstance(o, _BODY_BLOCKS):  # a verbatim line or block: only its comments can differ
            merged = _merge_parts(b, o, t)
            return merged if merged is not None else self.conflict("block", where, b, o, t)
        members = self.sequence(
            b.members, o.members, t.members, member_key, lambda x, y, z: self.member(where, x, y, z)
        )
        attributes: list[Any] = []
        if hasattr(o, "attributes"):
            attributes = self.sequence(
                b.attributes, o.attributes, t.attributes, attribute_key, lambda x, y, z: self.attribute(where, x, y, z)
            )
        node = o.model_copy(
            update={
                "leading_comments": comments(b.leading_comments, o.leading_comments, t.leading_comments),
                "footer_comments": comments(b.footer_comments, o.footer_comments, t.footer_comments),
                "blank_line_before": _scalar(b.blank_line_before, o.blank_line_before, t.blank_line_before),
            }
        )
        return MergedBlock(node, members, attributes)

    # --------------------------------------------------------------- members

    def member(self, block: str, b: Any, o: Any, t: Any) -> Any:
        settled, value = _settle(b, o, t)
        if settled:
            return value
        where = f"{block}, {describe_member(o if o is not None else t)}"
        if b is None or o is None or t is None or type(o) is not type(t):
            return self.conflict("member", where, b, o, t)
        merged = _merge_parts(b, o, t)
        return merged if merged is not None else self.conflict("member", where, b, o, t)

    def attribute(self, block: str, b: Any, o: Any, t: Any) -> Any:
        settled, value = _settle(b, o, t)
        if settled:
            return value
        where = f"{block}, {describe_member(o if o is not None else t)}"
        if b is not None and o is not None and t is not None:
            merged = _merge_parts(b, o, t)
            if merged is not None:
                return merged
        return self.conflict("attribute", where, b, o, t)


def _all_keys(*seqs: Keyed[Any]) -> list[Hashable]:
    out: dict[Hashable, None] = {}
    for s in seqs:
        out.update(dict.fromkeys(s.order))
    return list(out)


def _settle(b: Any, o: Any, t: Any) -> tuple[bool, Any]:
    """``(True, result)`` when one side's version stands; ``(False, None)`` when both changed it."""
    if same(o, t):
        return True, o
    if b is not None and same(o, b):
        return True, t
    if b is not None and same(t, b):
        return True, o
    if b is None and (o is None or t is None):
        return True, o if o is not None else t
    return False, None


def _scalar(b: Any, o: Any, t: Any) -> Any:
    """A plain value: the side that changed it wins; ours when both did."""
    return t if o == b else o


_UNSET = object()


def _merge_parts(b: Any, o: Any, t: Any) -> Any:
    """Two changed versions of one field, value, setting or attribute, merged part by part.

    None when some part (the type, an attribute, the trailing comment) was changed differently on both sides.
    """
    update: dict[str, Any] = {}
    for name in type(o).__record_fields__:
        if name == "span":
            continue
        vb, vo, vt = getattr(b, name), getattr(o, name), getattr(t, name)
        if name in ("leading_comments", "footer_comments"):
            update[name] = comments(vb, vo, vt)
        elif name == "attributes" and isinstance(vo, tuple):
            merged = _merge_attribute_list(vb, vo, vt)
            if merged is None:
                return None
            update[name] = merged
        elif name == "arguments" and all(isinstance(v, tuple) for v in (vb, vo, vt)):
            merged = _merge_arguments(vb, vo, vt)
            if merged is None:
                return None
            update[name] = merged
        elif name == "value" and isinstance(o, Setting) and all(isinstance(v, ArrayValue) for v in (vb, vo, vt)):
            # previewFeatures, binaryTargets, extensions, schemas: lists of names, merged as sets
            items = _merge_items(vb.items, vo.items, vt.items)
            if items is None:
                return None
            update[name] = vo.model_copy(update={"items": items})
        elif name in ("blank_line_before", "legacy_colon", "trailing_comma"):
            update[name] = _scalar(vb, vo, vt)
        else:
            value = _part(vb, vo, vt)
            if value is _UNSET:
                return None
            update[name] = value
    return o.model_copy(update=update)


def _part(b: Any, o: Any, t: Any) -> Any:
    if _equal(o, t):
        return o
    if _equal(o, b):
        return t
    if _equal(t, b):
        return o
    return _UNSET


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, Node) and isinstance(b, Node):
        return same_meaning(a, b)
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _merge_attribute_list(b: tuple[Any, ...], o: tuple[Any, ...], t: tuple[Any, ...]) -> tuple[Any, ...] | None:
    """A field's (or value's) attributes, matched by name; None when one changed differently on both sides."""
    kb, ko, kt = keyed(b, _attribute_name), keyed(o, _attribute_name), keyed(t, _attribute_name)
    results: dict[Hashable, Any] = {}
    for k in _all_keys(kb, ko, kt):
        versions = kb.items.get(k), ko.items.get(k), kt.items.get(k)
        settled, value = _settle(*versions)
        if not settled:
            value = None if None in versions else _merge_parts(*versions)  # e.g. different arguments added
            if value is None:
                return None
        results[k] = value
    return tuple(results[k] for k in merge_order(kb, ko, kt, lambda k: results.get(k) is not None))


def _attribute_name(a: Any) -> str:
    return str(a.name)


def _merge_arguments(b: tuple[Any, ...], o: tuple[Any, ...], t: tuple[Any, ...]) -> tuple[Any, ...] | None:
    """An attribute's arguments, named ones matched by name and positional ones by position:
    ``onDelete: Cascade`` added on one side and ``map: "fk"`` on the other both stay."""
    kb, ko, kt = (keyed(_numbered(args), lambda x: x[0]) for args in (b, o, t))
    results: dict[Hashable, Any] = {}
    for k in _all_keys(kb, ko, kt):
        versions = [None if s.items.get(k) is None else s.items[k][1] for s in (kb, ko, kt)]
        settled, value = _settle(*versions)
        if not settled:
            return None
        results[k] = value
    order = merge_order(kb, ko, kt, lambda k: results.get(k) is not None)
    positional = [results[k] for k in order if results[k].name is None]
    return tuple(positional + [results[k] for k in order if results[k].name is not None])


def _merge_items(b: tuple[Any, ...], o: tuple[Any, ...], t: tuple[Any, ...]) -> tuple[Any, ...] | None:
    """The items of a list setting, each known by its text: added or removed on either side."""
    kb, ko, kt = (keyed(items, print_value) for items in (b, o, t))
    results: dict[Hashable, Any] = {}
    for k in _all_keys(kb, ko, kt):
        settled, value = _settle(kb.items.get(k), ko.items.get(k), kt.items.get(k))
        if not settled:
            return None
        results[k] = value
    return tuple(results[k] for k in merge_order(kb, ko, kt, lambda k: results.get(k) is not None))


def _numbered(args: tuple[Any, ...]) -> list[tuple[Hashable, Any]]:
    """``(key, argument)``: a named argument by its name, a positional one by its position."""
    out: list[tuple[Hashable, Any]] = []
    position = 0
    for a in args:
        if a.name is None:
            out.append((("#", position), a))
            position += 1
        else:
            out.append((a.name, a))
    return out


def comments(b: tuple[Comment, ...], o: tuple[Comment, ...], t: tuple[Comment, ...]) -> tuple[Comment, ...]:
    """A comment list: the side that changed it wins; changed on both sides, ours then theirs' new ones."""
    if _equal(o, t) or _equal(t, b):
        return o
    if _equal(o, b):
        return t
    return o + tuple(c for c in t if not any(same_meaning(c, x) for x in o))


def merge_trees(base: SchemaFile, ours: SchemaFile, theirs: SchemaFile) -> MergedFile:
    """Merge ``ours`` and ``theirs`` (two descendants of ``base``) into one :class:`MergedFile`."""
    m = _Merger()
    items = m.sequence(base.blocks, ours.blocks, theirs.blocks, block_key, m.block)
    footer = comments(base.footer_comments, ours.footer_comments, theirs.footer_comments)
    return MergedFile(ours.path, items, footer, m.conflicts)
