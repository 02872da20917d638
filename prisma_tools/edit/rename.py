"""Rename a model, view, composite type, enum, field or enum value everywhere it is named.

>>> import prisma_tools
>>> from prisma_tools.edit.rename import rename
>>> schema = prisma_tools.parse('model User {\\n  id    Int    @id\\n  email String @unique\\n}\\n', "schema.prisma")
>>> result = rename(schema, "User.email", "login")
>>> print(result.texts["schema.prisma"], end="")
model User {
  id    Int    @id
  login String @unique @map("email")
}
>>> for change in result.changes:
...     print(change.render())
schema.prisma:3:3: renamed field User.email to login
schema.prisma:3:23: added @map("email"): the column keeps its name

The edits are text edits at the places :func:`~prisma_tools.edit.references.references`
finds, so everything else stays as written; a block that was in ``prisma format``
layout before is reprinted in it after (names of other lengths would misalign it).

With ``keep_db_name`` (the default) the database does not change: a renamed
model, view or enum gains ``@@map("Old")``, a renamed scalar field or enum value
``@map("old")``, unless it is mapped already; an implicit many-to-many relation
whose default name derives from a renamed model gets that name written out.

A map that names the new name (``@@map("B")`` on a model renamed to ``B``) is
redundant after the rename. It is removed only when renaming back would write
it again exactly as it is; otherwise it stays (it does no harm). So renaming
``A`` to ``B`` and back gives the original text byte for byte, with one
exception no tool that reads only the text can avoid: an original that already
maps ``A`` to ``"A"`` exactly where and as a rename writes that map. Renaming
``A`` to ``B`` then gives the same text as for the unmapped original, and
renaming back gives the unmapped one (the database is the same). A rename that would still change the database (it
would swap the columns ``A`` and ``B`` of a many-to-many join table) is refused.
With ``keep_db_name=False`` no map is added or removed: the database follows the
new name where the item is not mapped.

Refused with :class:`RenameError`: an unknown target, a name that is not an
identifier or is taken, and any rename after which Prisma would report an
error it did not report before.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..diagnostics import ParseError
from ..edits import TextEdit, apply_edits
from ..nodes import FieldAttribute, LineIndex, Node, Schema, Span, StringValue, construct
from ..parser import parse
from ..resolve import SCALAR_TYPES, EnumInfo, FieldBlockInfo, ResolvedSchema, analyze, source_texts
from .references import Reference, Symbol, references, resolve_target
from .render import canonical_block_text, segments

__all__ = ["Change", "RenameError", "RenameResult", "rename"]

_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")
_FIELD_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


class RenameError(ValueError):
    """A rename that cannot be done (the message says why); nothing was changed."""


@dataclass(frozen=True)
class Change:
    """One text edit of a rename, with what it does in words (positions are in the original text)."""

    path: str
    start: int
    end: int
    content: str
    message: str
    span: Span = field(repr=False, compare=False)
    drops_map: bool = field(default=False, repr=False)
    """Whether this edit removes a map the new name made redundant."""

    def render(self) -> str:
        return f"{self.path}:{self.span.start.line}:{self.span.start.column}: {self.message}"


@dataclass
class RenameResult:
    """What a rename did: every change, and the text of every file after it."""

    symbol: Symbol
    new_name: str
    changes: list[Change]
    texts: dict[str, str]
    """Every file's text after the rename (unchanged files included)."""
    sources: dict[str, str]
    """Every file's text before."""
    original: Schema = field(repr=False)
    _schema: Schema | None = field(default=None, repr=False)

    @property
    def schema(self) -> Schema:
        """The renamed schema, parsed from ``texts`` (on first use)."""
        if self._schema is None:
            try:
                files = tuple(
                    f if self.texts[f.path] == self.sources[f.path] else parse(self.texts[f.path], f.path).files[0]
                    for f in self.original.files
                )
            except ParseError as e:  # pragma: no cover - an edit that breaks the syntax is a bug here
                raise RenameError(f"internal error: the renamed schema does not parse: {e}") from None
            self._schema = construct(Schema, {"files": files})
        return self._schema

    @property
    def changed(self) -> dict[str, str]:
        """The files whose text changed, with their new text."""
        return {p: t for p, t in self.texts.items() if t != self.sources.get(p)}


_ROLE_WORDS = {
    "field-type": "type of",
    "relation-fields": "@relation(fields) of",
    "relation-references": "@relation(references) of",
    "index-fields": "field list of",
    "default-value": "@default of",
}


class _Edits:
    def __init__(self, db: ResolvedSchema) -> None:
        self.db = db
        self.lines = {sf.path: LineIndex(sf.text) for sf in db.files}
        self.changes: list[Change] = []

    def add(self, path: str, start: int, end: int, content: str, message: str, *, drops_map: bool = False) -> None:
        span = Span.at(self.lines[path], start, end)
        self.changes.append(Change(path, start, end, content, message, span, drops_map))


def rename(
    schema: Schema,
    target: str,
    new_name: str,
    *,
    keep_db_name: bool = True,
    sources: dict[str, str] | None = None,
    prisma_version: int = 6,
    check: bool = True,
) -> RenameResult:
    """Rename ``target`` (``"User"``, ``"User.email"``, ``"Role.ADMIN"``) to ``new_name`` in every file of ``schema``.

    ``schema`` must come from the parser (or give ``sources``, each file's text).
    Raises :class:`RenameError` when the rename cannot be done safely; ``check=False``
    skips the last safety net (validating the schema before and after, which costs the most).
    """
    sources = sources if sources is not None else source_texts(schema)
    if sources is None:
        raise RenameError("the schema has no source text (parse it, or pass sources)")
    db = analyze(schema, sources)
    try:
        sym = resolve_target(db, target)
    except KeyError as e:
        raise RenameError(str(e.args[0])) from None
    result = _apply(schema, sources, sym, new_name, rename_changes(db, sym, new_name, keep_db_name=keep_db_name))
    if keep_db_name and any(c.drops_map for c in result.changes) and not _restored_by_renaming_back(result):
        changes = rename_changes(db, sym, new_name, drop_redundant_map=False)
        result = _apply(schema, sources, sym, new_name, changes)
    if check:
        _check_no_new_errors(schema, result.schema, prisma_version)
    return result


def rename_changes(
    db: ResolvedSchema,
    target: str | Symbol,
    new_name: str,
    *,
    keep_db_name: bool = True,
    drop_redundant_map: bool = True,
) -> list[Change]:
    """The text edits renaming ``target`` over the texts of ``db``, as they are (no reprint, no validation).

    The renamed declaration comes first, then the other edits in file and text
    order. ``drop_redundant_map=False`` keeps a map that names the new name.
    The lint rules' fixes are these edits; :func:`rename` reprints and checks them.
    """
    if isinstance(target, Symbol):
        sym = target
    else:
        try:
            sym = resolve_target(db, target)
        except KeyError as e:
            raise RenameError(str(e.args[0])) from None
    _check_name(db, sym, new_name)
    edits = _Edits(db)
    for r in references(db, sym):
        edits.add(r.path, r.start, r.end, new_name, _message(sym, r, new_name))
    if keep_db_name:
        _keep_db_name(db, sym, new_name, edits, drop_redundant_map=drop_redundant_map)
    order = {f.path: f.index for f in db.files}
    edits.changes.sort(key=lambda c: (c.message.startswith("renamed") is False, order[c.path], c.start))
    return edits.changes


def _apply(schema: Schema, sources: dict[str, str], sym: Symbol, new_name: str, changes: list[Change]) -> RenameResult:
    texts = dict(sources)
    for path in {c.path for c in changes}:
        mine = [TextEdit(path=path, start=c.start, end=c.end, content=c.content) for c in changes if c.path == path]
        texts[path] = apply_edits(sources[path], mine)
    texts = _reformat(schema, sources, texts, changes)
    return RenameResult(sym, new_name, changes, texts, dict(sources), schema)


def _restored_by_renaming_back(result: RenameResult) -> bool:
    """Whether renaming back writes the removed map again exactly as it was (then the removal undoes a rename)."""
    sym = result.symbol
    if sym.member is None:
        back_target, back_name = result.new_name, sym.block
    else:
        back_target, back_name = f"{sym.block}.{result.new_name}", sym.member
    try:
        db = analyze(result.schema, result.texts)
        back_sym = resolve_target(db, back_target)
        back = _apply(result.schema, result.texts, back_sym, back_name, rename_changes(db, back_sym, back_name))
    except (RenameError, KeyError):
        return False
    return back.texts == result.sources


# ---------------------------------------------------------------- checks


def _check_name(db: ResolvedSchema, sym: Symbol, new_name: str) -> None:
    old = sym.member if sym.member is not None else sym.block
    pattern = _IDENTIFIER if sym.member is None else _FIELD_IDENTIFIER
    if not pattern.match(new_name):
        raise RenameError(f"{new_name!r} is not a valid name")
    if new_name == old:
        raise RenameError(f"{sym.label} is already called {new_name}")
    if sym.member is None:
        if new_name in db.names:
            raise RenameError(f"cannot rename {sym.label} to {new_name}: a {db.names[new_name].kind} has that name")
        if new_name in SCALAR_TYPES or new_name == "Unsupported":
            raise RenameError(f"cannot rename {sym.label} to {new_name}: a built-in type has that name")
        return
    top = db.names[sym.block]
    taken = [v.name for v in top.values] if isinstance(top, EnumInfo) else [f.name for f in top.fields]
    if new_name in taken:
        raise RenameError(f"cannot rename {sym.label} to {new_name}: {sym.block}.{new_name} exists")


def _check_no_new_errors(before: Schema, after: Schema, prisma_version: int) -> None:
    from ..validation import validate

    old = Counter(d.code for d in validate(before, prisma_version=prisma_version) if d.severity == "error")
    found = [d for d in validate(after, prisma_version=prisma_version) if d.severity == "error"]
    new = Counter(d.code for d in found) - old
    if new:
        first = next(d for d in found if d.code in new)
        raise RenameError(f"Prisma would reject the result: {first.render(excerpt=False)}")


def _message(sym: Symbol, r: Reference, new_name: str) -> str:
    old = sym.member if sym.member is not None else sym.block
    if r.role == "declaration":
        kind = {"type": "composite type"}.get(sym.kind, sym.kind)
        return f"renamed {kind} {sym.label} to {new_name}"
    where = r.block if r.member is None else f"{r.block}.{r.member}"
    what = _ROLE_WORDS[r.role]
    if r.role == "index-fields":
        what = f"{r.attribute} of"
    return f"{old} -> {new_name} ({what} {where})"


# ---------------------------------------------------------------- database names


def _map_value(attr: FieldAttribute | None) -> str | None:
    if attr is None:
        return None
    for a in attr.arguments or ():
        if a.name in (None, "name") and isinstance(a.value, StringValue):
            return a.value.value
    return None


def _keep_db_name(db: ResolvedSchema, sym: Symbol, new_name: str, edits: _Edits, *, drop_redundant_map: bool) -> None:
    top = db.names[sym.block]
    text = top.file.text
    path = top.file.path
    if sym.member is None:
        if sym.kind == "type":
            return  # composite types have no name in the database
        node = top.node
        block_map: FieldAttribute | None = next((a for a in node.attributes if a.name == "map"), None)
        what = {"enum": "the enum type"}.get(sym.kind, "the table")
        _map(edits, path, text, node, block_map, sym.block, new_name, block=True, what=what, drop=drop_redundant_map)
        if isinstance(top, FieldBlockInfo):
            _many_to_many(db, top, new_name, edits)
        return
    member: Node
    current: FieldAttribute | None
    if isinstance(top, EnumInfo):
        value = next(v for v in top.values if v.name == sym.member)
        member, what = value.node, "the enum value"
    else:
        fi = top.field(sym.member)
        assert fi is not None
        if fi.is_relation:
            return  # a relation field has no column
        member, what = fi.node, "the column"
    current = next((a for a in getattr(member, "attributes", ()) if a.name == "map"), None)
    _map(edits, path, text, member, current, sym.member, new_name, block=False, what=what, drop=drop_redundant_map)


def _map(
    edits: _Edits,
    path: str,
    text: str,
    node: Node,
    current: FieldAttribute | None,
    old: str,
    new_name: str,
    *,
    block: bool,
    what: str,
    drop: bool,
) -> None:
    sigil = "@@" if block else "@"
    mapped = _map_value(current)
    if current is not None:
        if drop and mapped == new_name and current.span is not None:
            start, end = _removal(text, current.span, whole_line=block)
            edits.add(
                path,
                start,
                end,
                "",
                f"removed {text[current.span.start_offset : current.span.end_offset]}: {new_name} is the database name",
                drops_map=True,
            )
        return
    attr = f'{sigil}map("{old}")'
    if block:
        at, content = _block_end_insertion(text, node)
        edits.add(path, at, at, content.format(attr), f"added {attr}: {what} keeps its name")
    else:
        at = _end_of(text, node)
        edits.add(path, at, at, " " + attr, f"added {attr}: {what} keeps its name")


def _end_of(text: str, node: Node) -> int:
    """Where a node's text ends, its trailing comment and white space excluded."""
    assert node.span is not None
    end = node.span.end_offset
    comment = getattr(node, "trailing_comment", None)
    if comment is not None and comment.span is not None:
        end = min(end, comment.span.start_offset)
    while end > node.span.start_offset and text[end - 1] in " \t":
        end -= 1
    return end


def _block_end_insertion(text: str, node: Node) -> tuple[int, str]:
    """Where and how a new last line of a block goes: ``(offset, template)``, ``{}`` for the line's text."""
    assert node.span is not None
    close = node.span.end_offset - 1
    assert text[close] == "}"
    line_start = text.rfind("\n", 0, close) + 1
    members = getattr(node, "members", ())
    indent = "  "
    if members and members[0].span is not None:
        first = members[0].span.start_offset
        indent = text[text.rfind("\n", 0, first) + 1 : first]
        indent = indent if indent.strip() == "" else "  "
    eol = "\r\n" if text[line_start - 2 : line_start] == "\r\n" else "\n"  # the file's own line breaks
    if text[line_start:close].strip() == "":
        return line_start, indent + "{}" + eol
    return close, eol + indent + "{}" + eol


def _removal(text: str, span: Span, *, whole_line: bool) -> tuple[int, int]:
    """The characters to delete to remove an attribute: its line when alone on it, else it and the space before."""
    start, end = span.start_offset, span.end_offset
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    if whole_line and text[line_start:start].strip() == "" and text[end:line_end].strip() == "":
        return line_start, min(line_end + 1, len(text))
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    return start, end


def _many_to_many(db: ResolvedSchema, model: FieldBlockInfo, new_name: str, edits: _Edits) -> None:
    """Keep the join table of each implicit many-to-many relation of ``model``: its name and its columns."""
    for r in db.relations:
        if r.shape != "implicit-many-to-many" or r.back is None:
            continue
        sides = (r.forward, r.back)
        names = [s.model.name for s in sides]
        if model.name not in names:
            continue
        other = names[1] if names[0] == model.name else names[0]
        if other != model.name and (min(model.name, other) == model.name) != (min(new_name, other) == new_name):
            raise RenameError(
                f"cannot keep the database: renaming {model.name} to {new_name} swaps the columns A and B of the "
                f"join table of {sides[0].field.label} and {sides[1].field.label} (use --rename-db)"
            )
        a, b = sorted((model.name, other))
        old_default = f"{a}To{b}"
        na, nb = sorted((new_name, other if other != model.name else new_name))
        new_default = f"{na}To{nb}"
        for side in sides:
            _relation_name(
                db, side.field.node, side.field.label, side.field.file.path, r.name, old_default, new_default, edits
            )


def _relation_name(
    db: ResolvedSchema,
    node: Node,
    label: str,
    path: str,
    name: str | None,
    old_default: str,
    new_default: str,
    edits: _Edits,
) -> None:
    text = next(sf.text for sf in db.files if sf.path == path)
    attr = next((a for a in node.attributes if a.name == "relation"), None)  # type: ignore[attr-defined]
    if name is None:
        literal = f'"{old_default}"'
        if attr is None:
            at = _end_of(text, node)
            edits.add(
                path,
                at,
                at,
                f" @relation({literal})",
                f"added @relation({literal}) to {label}: the join table keeps its name",
            )
        elif attr.span is not None:
            paren = text.index("(", attr.span.start_offset)
            sep = ", " if attr.arguments else ""
            edits.add(
                path,
                paren + 1,
                paren + 1,
                literal + sep,
                f"added the relation name {literal} to {label}: the join table keeps its name",
            )
        return
    if name != new_default or attr is None or attr.span is None:
        return
    # the written name is the default after the rename: drop it, as it was before
    args = attr.arguments or ()
    named = next(a for a in args if a.name in (None, "name") and isinstance(a.value, StringValue))
    assert named.span is not None
    if len(args) == 1:
        start, end = _removal(text, attr.span, whole_line=False)
    else:
        following = args[args.index(named) + 1] if args.index(named) + 1 < len(args) else None
        start = named.span.start_offset
        end = (
            following.span.start_offset
            if following is not None and following.span is not None
            else named.span.end_offset
        )
    edits.add(path, start, end, "", f'removed the relation name "{name}" from {label}: it is the default name now')


# ---------------------------------------------------------------- layout


def _reformat(schema: Schema, sources: dict[str, str], texts: dict[str, str], changes: list[Change]) -> dict[str, str]:
    """Reprint, in ``prisma format`` layout, the changed blocks that were in that layout before.

    A block's new text is found by shifting its old bounds by the edits before
    and inside it, and parsed alone (a block with its comments is a schema).
    """
    out = dict(texts)
    for f in schema.files:
        mine = sorted((c for c in changes if c.path == f.path), key=lambda c: c.start)
        segs = segments(f)
        if not mine or segs is None:
            continue
        old_text = sources[f.path]
        fixes: list[TextEdit] = []
        for i, (s, e) in enumerate(segs):
            inside = [c for c in mine if s <= c.start <= e]
            if not inside or old_text[s:e] != canonical_block_text(f.blocks[i]):
                continue
            shift = sum(len(c.content) - (c.end - c.start) for c in mine if c.start < s)
            grow = sum(len(c.content) - (c.end - c.start) for c in inside)
            start, end = s + shift, e + shift + grow
            block = parse(texts[f.path][start:end], f.path).files[0].blocks[0]
            fixes.append(TextEdit(path=f.path, start=start, end=end, content=canonical_block_text(block)))
        if fixes:
            out[f.path] = apply_edits(texts[f.path], fixes)
    return out
