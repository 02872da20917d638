"""AST -> canonical text, byte for byte what ``prisma format`` writes.

The layout rules (confirmed against Prisma's formatter) in brief: blocks get a
``keyword Name {`` header, a body indented by two spaces and ``}`` in column 0;
body rows are aligned in tables that a blank line ends; field attributes and
block attributes are sorted by a fixed rank; block attributes go last, after
one blank line; widths count UTF-8 bytes; expressions get canonical spacing;
``//`` comments are kept verbatim and stand-alone ``/* */`` comments are
rewritten as ``/** ... */`` blocks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .nodes import (
    ArbitraryBlock,
    Argument,
    ArrayValue,
    BlockAttribute,
    CatchAll,
    Comment,
    CompositeType,
    ConstantValue,
    Datasource,
    EnumBlock,
    EnumValue,
    FieldAttribute,
    FieldDecl,
    FieldType,
    FunctionCall,
    Generator,
    Model,
    NumberValue,
    ObjectValue,
    Schema,
    SchemaFile,
    Setting,
    StringValue,
    TopCatchAll,
    TypeAlias,
    Value,
    View,
)

__all__ = ["ATTRIBUTE_RANK", "print_file", "print_schema", "print_value"]

INDENT = "  "

# Attributes print in this order (stable for the rest), as `prisma format` sorts them.
ATTRIBUTE_RANK = {
    "id": 0,
    "unique": 1,
    "default": 2,
    "updatedAt": 3,
    "index": 4,
    "fulltext": 5,
    "map": 6,
    "relation": 7,
    "ignore": 8,
}
_LAST = len(ATTRIBUTE_RANK)

# Rust's `str::trim` white space, which Prisma applies to block-comment lines.
_TRIM = (
    " \t\n\r\x0b\x0c\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


# ---------------------------------------------------------------- expressions


def print_value(v: Value) -> str:
    """Canonical text of an expression."""
    if isinstance(v, (StringValue, NumberValue)):
        return v.text
    if isinstance(v, ConstantValue):
        return v.name
    if isinstance(v, FunctionCall):
        return v.name + _arguments(v.arguments)
    if isinstance(v, ArrayValue):
        return "[" + ", ".join(print_value(x) for x in v.items) + "]"
    if isinstance(v, ObjectValue):
        return "{ " + ", ".join(f"{m.key}: {print_value(m.value)}" for m in v.members) + " }"
    raise TypeError(f"not a value: {v!r}")


def _argument(a: Argument) -> str:
    if a.name is None:
        return print_value(a.value) if a.value is not None else ""
    return f"{a.name}: " + (print_value(a.value) if a.value is not None else "")


def _arguments(args: Sequence[Argument]) -> str:
    return "(" + ", ".join(_argument(a) for a in args) + ")"


def _attribute(a: FieldAttribute, sigil: str) -> str:
    return sigil + a.name + ("" if a.arguments is None else _arguments(a.arguments))


def _rank(a: FieldAttribute) -> int:
    return ATTRIBUTE_RANK.get(a.name, _LAST)


def sorted_attributes(attrs: Iterable[FieldAttribute]) -> list[FieldAttribute]:
    """Attributes in the order ``prisma format`` prints them (a stable sort by rank)."""
    return sorted(attrs, key=_rank)


def _type(t: FieldType) -> str:
    return t.name + ("[]" if t.list else "") + ("?" if t.optional else "")


# ---------------------------------------------------------------- comments


def _block_comment_lines(c: Comment) -> list[str]:
    """A stand-alone ``/* */`` comment as ``prisma format`` rewrites it (without indentation).

    Prisma cuts two bytes off each end of the text it read; for a comment that
    is not the first of a run, that text starts with the white space before
    the comment (``run_prefix``), hence the odd results it gives there.
    """
    # surrogatepass: a str from the library's caller may hold lone surrogates
    cut = (c.run_prefix + c.text).encode("utf-8", "surrogatepass")[2:-2]
    try:
        raw = cut.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:  # the cut split a character, as Prisma's does
        raw = cut.decode("utf-8", errors="replace")
    lines = []
    for line in raw.split("\n"):  # at LF only (Rust's `lines`): a lone CR stays in its line
        line = line.strip(_TRIM)
        if line.startswith("*"):
            line = line[1:].lstrip(_TRIM)
        if line:
            lines.append(" * " + line)
    return ["/**", *lines, " */"]


def _comment_lines(c: Comment) -> list[str]:
    if c.kind == "block":
        return _block_comment_lines(c)
    return [c.text]


# ---------------------------------------------------------------- tables

_BLANK = object()


class _Row:
    __slots__ = ("cells", "raw", "suffix")

    def __init__(self, cells: list[str], suffix: str | None = None, raw: str | None = None) -> None:
        self.cells = cells
        self.suffix = suffix
        self.raw = raw  # printed as is (comments, catch-all lines)


def _width(s: str) -> int:
    return len(s) if s.isascii() else len(s.encode("utf-8", "surrogatepass"))


def _render_rows(rows: list[object], out: list[str]) -> None:
    """Print body rows; each run of rows between blank lines is one aligned table."""
    table: list[_Row] = []

    def flush() -> None:
        widths: list[int] = []
        for r in table:
            for i, cell in enumerate(r.cells):
                w = _width(cell)
                if i == len(widths):
                    widths.append(w)
                elif w > widths[i]:
                    widths[i] = w
        for r in table:
            if r.raw is not None:
                out.append(INDENT + r.raw + "\n")
                continue
            parts = []
            last = len(r.cells) - 1
            for i, cell in enumerate(r.cells):
                if i < last:
                    parts.append(cell + " " * (widths[i] - _width(cell) + 1))
                else:
                    parts.append(cell)
            line = "".join(parts)
            if r.suffix is not None:
                line = line + " " + r.suffix if r.cells else r.suffix
            out.append(INDENT + line + "\n" if line else "\n")
        table.clear()

    for row in rows:
        if row is _BLANK:
            flush()
            out.append("\n")
        else:
            assert isinstance(row, _Row)
            table.append(row)
    flush()


def _comment_rows(comments: Iterable[Comment], rows: list[object]) -> None:
    for c in comments:
        if c.blank_line_before:
            rows.append(_BLANK)
        for line in _comment_lines(c):
            rows.append(_Row([], raw=line))


def _suffix(c: Comment | None) -> str | None:
    return None if c is None else c.text


def _member_row(m: object) -> _Row:
    if isinstance(m, FieldDecl):
        attrs = " ".join(_attribute(a, "@") for a in sorted_attributes(m.attributes))
        cells = [m.name, "" if m.type is None else _type(m.type), attrs]
    elif isinstance(m, EnumValue):
        # enum value attributes: not sorted, and joined without a space (sic)
        cells = [m.name, "".join(_attribute(a, "@") for a in m.attributes)]
    elif isinstance(m, Setting):
        cells = [m.key] if m.value is None else [m.key, "= " + print_value(m.value)]
    elif isinstance(m, CatchAll):
        end = "\r" if m.line_ending in ("\r\n", "\r") else ""
        return _Row([], raw=m.text + end)
    else:
        raise TypeError(f"not a block member: {m!r}")
    while cells and cells[-1] == "":
        cells.pop()
    return _Row(cells, _suffix(m.trailing_comment))


def _print_block(b: Model | View | CompositeType | EnumBlock | Datasource | Generator, out: list[str]) -> None:
    out.append(f"{b.kind} {b.name} {{\n")
    rows: list[object] = []
    for m in b.members:
        _comment_rows(m.leading_comments, rows)
        if m.blank_line_before:
            rows.append(_BLANK)
        rows.append(_member_row(m))
    _comment_rows(b.footer_comments, rows)
    attributes: tuple[BlockAttribute, ...] = getattr(b, "attributes", ())
    if attributes:
        rows.append(_BLANK)
        for a in sorted(attributes, key=_rank):
            for c in a.leading_comments:
                rows.extend(_Row([], raw=line) for line in _comment_lines(c))
            rows.append(_Row([_attribute(a, "@@")], _suffix(a.trailing_comment)))
    # collapse blank runs and drop blank lines at the end of the body
    cleaned: list[object] = []
    for r in rows:
        if r is _BLANK and cleaned and cleaned[-1] is _BLANK:
            continue
        cleaned.append(r)
    while cleaned and cleaned[-1] is _BLANK:
        cleaned.pop()
    _render_rows(cleaned, out)
    out.append("}\n")


# ---------------------------------------------------------------- files


def print_file(f: SchemaFile) -> str:
    """Canonical text of one file."""
    out: list[str] = []

    def lead(comments: Iterable[Comment]) -> None:
        for c in comments:
            if c.blank_line_before and out:
                out.append("\n")
            out.extend(line + "\n" for line in _comment_lines(c))

    for b in f.blocks:
        lead(b.leading_comments)
        if b.blank_line_before and out:
            out.append("\n")
        if isinstance(b, (Model, View, CompositeType, EnumBlock, Datasource, Generator)):
            _print_block(b, out)
        elif isinstance(b, TopCatchAll):
            out.append(b.text + b.line_ending)
        elif isinstance(b, (TypeAlias, ArbitraryBlock)):
            # printed without their line break, so one is added, unless the text
            # ends with a catch-all glued to it, which brings its own (\r\n, \r or \n)
            glued = b.next_on_same_line or b.text.endswith(("\n", "\r"))
            out.append(b.text if glued else b.text + "\n")
        else:
            raise TypeError(f"not a block: {b!r}")
    lead(f.footer_comments)
    text = "".join(out)
    if not text.endswith("\n"):
        text += "\n"
    return text


def print_schema(schema: Schema | SchemaFile) -> str:
    """Canonical text of a one-file schema (use :func:`print_files` for a folder)."""
    if isinstance(schema, SchemaFile):
        return print_file(schema)
    if len(schema.files) != 1:
        raise ValueError("a schema of several files prints with print_files()")
    return print_file(schema.files[0])


def print_files(schema: Schema) -> dict[str, str]:
    """Canonical text of every file of ``schema``, by path."""
    return {f.path: print_file(f) for f in schema.files}
