"""Hypothesis strategies for Prisma schemas: ASTs and schema-like text.

Two families, reusable by any test module (``from strategies import ...``; the
tests folder is on ``sys.path``):

* **ASTs** (:func:`schema_files`). With ``canonical=True`` every generated
  :class:`~prisma_tools.nodes.SchemaFile` is in *canonical form*: exactly what
  parsing the printer's output gives back, so ``parse(print(a)) == a`` must
  hold. With ``canonical=False`` the same shapes come with arbitrary layout
  (blank-line flags anywhere, unsorted attributes, raw ``/* */`` comments,
  legacy type spellings, text after ``{``, trailing commas), for which only
  ``without_layout(parse(print(a))) == without_layout(a)`` can hold.
* **Text** (:func:`schema_soup`): schema-like text built from line fragments,
  valid and invalid, with random white space (TAB, Unicode spaces), line
  breaks (LF, CRLF, lone CR) and character-level noise. :func:`prisma_quirks`
  recognises the inputs on which Prisma's own formatter is not idempotent (the
  documented quirks, and one more found here).

The canonical-form rules below were derived from ``printer.py`` (what it
prints) and from ``_Builder._body`` / ``_Builder.start`` in ``parser.py``
(what it reads back), and are cited where they are applied. The rules are
written out here independently of the printer (attribute rank, block-comment
shape), so that a regression in the printer shows up as a failing property
instead of being reproduced by the strategy.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from hypothesis import strategies as st
from pydantic import BaseModel

from prisma_tools.nodes import (
    Argument,
    ArrayValue,
    BlockAttribute,
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
    ObjectMember,
    ObjectValue,
    SchemaFile,
    Setting,
    StringValue,
    Value,
    View,
)

__all__ = [
    "ATTRIBUTE_RANK",
    "KEYWORDS",
    "PRISMA_WHITESPACE",
    "arguments",
    "attribute_names",
    "block_comment_lines",
    "canonical_block_comment",
    "comment_key",
    "comments_of",
    "constants",
    "field_types",
    "identifiers",
    "numbers",
    "paths",
    "prisma_quirks",
    "schema_files",
    "schema_soup",
    "sort_by_rank",
    "strings",
    "trailing_comments",
    "values",
]

T = TypeVar("T")

INDENT = "  "

# White space as Prisma reads it between tokens (prisma-format-rules.md §2).
PRISMA_WHITESPACE = (
    " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)

# Rust's `str::trim` white space, which Prisma applies to the lines of a `/* */` comment (§10.2).
RUST_TRIM = PRISMA_WHITESPACE + "\n\r\x0b\x0c\x85\u2028\u2029"

# Sort rank of field and block attributes (prisma-format-rules.md §7.3); everything else ranks last.
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

# Words with a meaning somewhere in the grammar. They are generated as names everywhere: the
# parser's contextual lexer only treats `model`, `type`, ... as keywords at the start of a
# top-level line, where an AST never puts a bare identifier (keyword-less blocks and catch-all
# lines are not generated), and `Unsupported` is special only when `(` follows it directly, which
# the printer never writes after a name or a plain type. So no keyword has to be avoided.
KEYWORDS = (
    "model",
    "view",
    "type",
    "enum",
    "datasource",
    "generator",
    "Unsupported",
    "true",
    "false",
    "null",
    "String",
    "Int",
)

# ----------------------------------------------------------------- identifiers

_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_DIGITS = "0123456789"
# Hand-picked letters of several scripts and Unicode categories (Lu, Ll, Lt, Lm, Lo, astral).
_SOME_LETTERS = "éñÅßøÇÜžŁαΩжЯ名前日本Ａｚǅʰ𝐀ŉ"
# Every letter (category L), for the occasional surprise: what both Prisma and the grammar accept.
_ANY_LETTER = st.characters(categories=("L",), codec="utf-8")
_LETTERS = _ASCII_LETTERS * 2 + _SOME_LETTERS

# Hypothesis spends most of its time per choice drawn, so the strategies below draw few, large
# choices (one character pool instead of nested one_of) to keep the default profile fast.


@functools.cache
@st.composite
def identifiers(draw: st.DrawFn, *, digit_first: bool = True) -> str:
    """An identifier: a letter (any script) or, if allowed, an ASCII digit; then letters, digits, ``_``, ``-``.

    Digit-first names (``1Model``, ``2fa``) and names with ``-`` parse everywhere a name is
    expected (validation rejects some of them, the grammar does not; prisma-syntax.md §9).
    """
    choice = draw(st.integers(0, 19))
    if choice == 0:
        return draw(st.sampled_from(KEYWORDS))
    pool = _LETTERS + _DIGITS if digit_first else _LETTERS
    first = draw(_ANY_LETTER if choice == 1 else st.sampled_from(pool))
    rest = draw(st.text(_LETTERS + _DIGITS + "_-", max_size=5))
    if choice == 2:
        rest += draw(_ANY_LETTER)
    return first + rest


@functools.cache
@st.composite
def paths(draw: st.DrawFn, *, digit_first: bool = True) -> str:
    """A dotted path ``a.b.c`` (no white space around the dots)."""
    out = draw(identifiers(digit_first=digit_first))
    for _ in range(draw(st.sampled_from((0, 0, 0, 1, 1, 2)))):
        # Prisma's path is `identifier ("." identifier?)*`: `db.` and `a..b` are paths too
        out += "." + ("" if draw(st.integers(0, 5)) == 0 else draw(identifiers()))
    return out


# ----------------------------------------------------------------- values

# the grammar's STRING: anything but `"`, `\` and the control characters U+0000-U+001F
_STRING_CHARS = "abc xyz ÄÖü名\x7f\x85\u2028\u3000'`{}[]()@/*#:=,."
_VALID_ESCAPES = ('\\"', "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u00e9", "\\uD83D\\uDE00")
# `\` followed by any character is a string to the grammar (validation rejects unknown escapes
# such as `\q`, prisma-syntax.md §1), a line break included: `"a\<LF>b"` and `"a\<CR>b"` are
# strings spanning two lines, for Prisma too (probed with prisma-oracle format), but `"a\<CR><LF>b"`
# is not. `"a\<NUL>b"` is a string too (probed).
_ANY_ESCAPE = st.characters(codec="utf-8").map(lambda c: "\\" + c)
_ANY_STRING_CHAR = st.characters(codec="utf-8", exclude_characters='"\\' + "".join(chr(i) for i in range(0x20)))


@functools.cache
@st.composite
def strings(draw: st.DrawFn) -> StringValue:
    """A string literal with plain characters, JSON escapes and grammar-only escapes."""
    text = draw(st.text(_STRING_CHARS, max_size=6))
    choice = draw(st.integers(0, 5))
    if choice == 1:
        text += draw(st.sampled_from(_VALID_ESCAPES))
    elif choice == 2:
        text += draw(_ANY_ESCAPE)
    elif choice == 3:
        text += draw(_ANY_STRING_CHAR)
    elif choice == 4:
        text = draw(st.sampled_from(_VALID_ESCAPES)) + text + draw(_ANY_ESCAPE)
    return StringValue(text='"' + text + '"')


@functools.cache
def numbers() -> st.SearchStrategy[NumberValue]:
    """``-?digits(.digits)?``, kept as written (``007``, ``-1.50``)."""
    digits = st.text(_DIGITS, min_size=1, max_size=4)
    return st.builds(
        lambda neg, whole, frac: NumberValue(text=neg + whole + ("" if frac is None else "." + frac)),
        st.sampled_from(("", "", "-")),
        digits,
        st.none() | digits,
    )


@functools.cache
def constants() -> st.SearchStrategy[ConstantValue]:
    """A bare path such as ``Cascade``, ``true``, ``a.b-c.1d``.

    The first segment never starts with a digit: ``1abc`` in a value position is not a path
    but the number ``1`` followed by junk, for Prisma as for the grammar (checked with
    ``prisma-oracle format``: ``@default(1abc)`` is a catch-all line for both).
    """
    return paths(digit_first=False).map(lambda p: ConstantValue(name=p))


@functools.cache
@st.composite
def values(draw: st.DrawFn, *, canonical: bool = True, depth: int = 2) -> Value:
    """Any expression: strings, numbers, constants, calls, arrays, objects, nested ``depth`` deep."""
    choice = draw(st.integers(0, 8 if depth > 0 else 2))
    if choice == 0:
        return draw(strings())
    if choice == 1:
        return draw(numbers())
    if choice == 2:
        return draw(constants())
    child = values(canonical=canonical, depth=depth - 1)
    if choice <= 4:
        args = draw(_arguments_of(child))
        # the printer drops a trailing comma (`f(1,)` -> `f(1)`): never in canonical form
        comma = bool(args) and not canonical and draw(st.booleans())
        return FunctionCall(name=draw(paths()), arguments=args, trailing_comma=comma)
    if choice <= 6:
        return ArrayValue(items=tuple(draw(st.lists(child, max_size=3))))
    n = draw(st.integers(0, 2))
    return ObjectValue(members=tuple(ObjectMember(key=draw(identifiers()), value=draw(child)) for _ in range(n)))


@functools.cache
@st.composite
def _arguments_of(draw: st.DrawFn, values: st.SearchStrategy[Value]) -> tuple[Argument, ...]:
    out = []
    for _ in range(draw(st.integers(0, 3))):
        choice = draw(st.integers(0, 3))
        if choice <= 1:
            out.append(Argument(value=draw(values)))
        else:
            # argument names are single identifiers: `a.b: 1` is a catch-all line, also for
            # Prisma; `name: ` without a value is grammar-only but parses
            out.append(Argument(name=draw(identifiers()), value=None if choice == 3 else draw(values)))
    return tuple(out)


@functools.cache
def arguments(*, canonical: bool = True) -> st.SearchStrategy[tuple[Argument, ...]]:
    """An argument list: positional, named and empty named arguments in any order."""
    return _arguments_of(values(canonical=canonical))


# ----------------------------------------------------------------- attributes

_RANKED = tuple(ATTRIBUTE_RANK)


@functools.cache
def attribute_names() -> st.SearchStrategy[str]:
    """Attribute names without ``@``: the ranked ones, native types (``db.VarChar``) and any path."""
    return st.one_of(
        st.sampled_from(_RANKED),
        st.sampled_from(("db.VarChar", "db.Uuid", "pg.Decimal", "schema", "shardKey", "map", "ignore")),
        paths(),
    )


def sort_by_rank(attrs: Sequence[T], name: Callable[[T], str] = lambda a: a.name) -> list[T]:  # type: ignore[attr-defined]
    """``attrs`` in printed order: a stable sort by :data:`ATTRIBUTE_RANK`."""
    return sorted(attrs, key=lambda a: ATTRIBUTE_RANK.get(name(a), len(ATTRIBUTE_RANK)))


@functools.cache
def _attribute_kwargs(*, canonical: bool) -> st.SearchStrategy[dict[str, Any]]:
    return st.builds(
        lambda name, args, comma: {
            "name": name,
            "arguments": args,
            # the printer drops a trailing comma in an argument list (§9.1)
            "trailing_comma": comma and bool(args),
        },
        attribute_names(),
        st.none() | arguments(canonical=canonical),
        st.just(False) if canonical else st.booleans(),
    )


@functools.cache
def field_attributes(*, canonical: bool = True) -> st.SearchStrategy[FieldAttribute]:
    return _attribute_kwargs(canonical=canonical).map(lambda kw: FieldAttribute(**kw))


# ----------------------------------------------------------------- comments


# Characters for comment text: white space of all kinds, stars and slashes, control characters
# (NUL included, but no line break), letters of several scripts.
_COMMENT_CHARS = ' \t\u3000\u00a0*//\\abcxyz éж名@{}()"\x00\x01\x0b\x0c\x7f\x85\u2028\u200b'
_ANY_COMMENT_CHAR = st.characters(codec="utf-8", exclude_characters="\r\n")


@functools.cache
@st.composite
def comment_bodies(draw: st.DrawFn) -> str:
    """What follows ``//``: anything on one line, white space, control characters, ``*/`` included.

    NUL is in: the parser masks catch-all lines with NUL, and used to take any line holding
    one for a catch-all; Prisma reads ``// a<NUL>b`` as a comment (``prisma-oracle validate``
    says VALID).
    """
    body = draw(st.text(_COMMENT_CHARS, max_size=8))
    if draw(st.integers(0, 3)) == 0:
        body += draw(_ANY_COMMENT_CHAR)
    return body


def _line_comment(body: str, *, blank: bool = False) -> Comment:
    text = "//" + body
    return Comment(kind="doc" if text.startswith("///") else "line", text=text, blank_line_before=blank)


@functools.cache
def line_comments(*, blank: bool = False) -> st.SearchStrategy[Comment]:
    """A ``//`` or ``///`` comment (``////x`` is a doc comment too: the kind follows the text)."""
    return st.builds(lambda b: _line_comment(b, blank=blank), comment_bodies())


@functools.cache
def _block_line() -> st.SearchStrategy[str]:
    """One content line of a canonical block comment: trimmed, non-empty, no ``*/``."""
    return comment_bodies().map(lambda s: s.strip(RUST_TRIM)).filter(lambda s: s != "" and "*/" not in s)


def canonical_block_comment(lines: Sequence[str], indent: str) -> str:
    """The text a stand-alone block comment has after printing, as the parser reads it back.

    Printed at ``indent`` as ``/**``, `` * line``... and `` */`` (§10.2); the token starts at
    ``/**`` and keeps the indentation of its continuation lines, so the canonical *text* depends
    on where the comment stands (top level: no indent, block body: two spaces).
    """
    return "/**" + "".join(f"\n{indent} * {line}" for line in lines) + f"\n{indent} */"


@functools.cache
@st.composite
def raw_block_comment_text(draw: st.DrawFn) -> str:
    """``/* ... */`` as someone might write it: any shape, several lines, stars, blank lines."""
    lines = draw(st.lists(comment_bodies(), max_size=3))
    breaks = draw(st.lists(st.sampled_from(("\n", "\n", "\r\n", "\r", "\n\n", "\n * ")), min_size=len(lines)))
    body = "".join(line + brk for line, brk in zip(lines, breaks, strict=False))
    text = "/*" + draw(st.sampled_from(("", "*", " "))) + body + "*/"
    # it must end at its last `*/` and nowhere before (a lazy `/* ... */` match)
    return text if text.find("*/", 2) == len(text) - 2 else "/**/"


def block_comment_lines(c: Comment) -> list[str]:
    """A stand-alone block comment's printed lines, per prisma-format-rules.md §10.2.

    Written from the specification (including the byte-cut quirk that ``run_prefix`` records),
    not borrowed from the printer, so that a printer regression is caught.
    """
    raw = (c.run_prefix + c.text).encode("utf-8")[2:-2].decode("utf-8", errors="replace")
    out = []
    # Lines are split at LF only (Rust's `str::lines`): a lone CR stays inside its line, and
    # the trim removes it at either end (probed: `/*a<CR>a*/` prints as ` * a<CR>a`).
    for line in raw.split("\n"):
        line = line.strip(RUST_TRIM)
        if line.startswith("*"):
            line = line[1:].lstrip(RUST_TRIM)
        if line:
            out.append(" * " + line)
    return ["/**", *out, " */"]


@functools.cache
@st.composite
def standalone_comments(draw: st.DrawFn, *, canonical: bool, indent: str, blank: bool, block: bool = True) -> Comment:
    """A comment on its own line: ``//``, ``///`` or (if ``block``) ``/* */``."""
    if not block or draw(st.integers(0, 3)) > 0:
        return draw(line_comments(blank=blank))
    if canonical:
        text = canonical_block_comment(draw(st.lists(_block_line(), max_size=3)), indent)
    else:
        text = draw(raw_block_comment_text())
    return Comment(kind="block", text=text, blank_line_before=blank)


@functools.cache
@st.composite
def trailing_comments(draw: st.DrawFn) -> Comment | None:
    """The comment at the end of a row: ``//``, ``///``, or a verbatim ``/* */`` (may span lines)."""
    choice = draw(st.integers(0, 5))
    if choice <= 2:
        return None
    if choice <= 4:
        return draw(line_comments())
    # printed verbatim, so any shape survives, line breaks included
    return Comment(kind="block", text=draw(raw_block_comment_text()))


@functools.cache
@st.composite
def comment_lists(
    draw: st.DrawFn,
    *,
    canonical: bool,
    indent: str,
    first_blank: bool | None,
    blanks: bool = True,
    max_size: int = 2,
) -> tuple[Comment, ...]:
    """Stand-alone comments in a row, with their blank-line flags.

    ``first_blank`` forces the flag of the first comment (None: free); ``blanks=False`` makes
    every flag False. In a block body (``indent`` non-empty) a ``/* */`` comment is only
    generated where it starts a comment run, i.e. first in the list or after a blank line:
    further into a run Prisma re-reads it together with the indentation before it and
    rewrites it differently on every pass (the documented quirk of §10.2, which the parser
    reproduces with ``Comment.run_prefix``), so such a comment can neither round-trip nor be
    idempotent. At the top level the indentation is empty and the quirk does not apply.
    """
    n = draw(st.integers(0, max_size))
    out: list[Comment] = []
    for i in range(n):
        if not blanks:
            blank = False
        elif i == 0 and first_blank is not None:
            blank = first_blank
        else:
            blank = draw(st.booleans())
        starts_run = i == 0 or blank
        out.append(
            draw(standalone_comments(canonical=canonical, indent=indent, blank=blank, block=starts_run or not indent))
        )
    return tuple(out)


def comment_key(c: Comment, *, trailing: bool) -> tuple[str, str]:
    """What must survive printing of a comment: ``//``/``///`` text verbatim, ``/* */`` by role.

    A trailing block comment is printed verbatim; a stand-alone one is rewritten into the
    canonical ``/** ... */`` shape, so it is compared by its canonical lines.
    """
    if c.kind == "block" and not trailing:
        return ("block", "\n".join(block_comment_lines(c)))
    return ("trailing-block" if c.kind == "block" else c.kind, c.text)


def comments_of(node: Any) -> list[tuple[str, str]]:
    """:func:`comment_key` of every comment in ``node`` (leading, trailing, footer, attributes)."""
    out: list[tuple[str, str]] = []

    def walk(n: Any) -> None:
        if isinstance(n, tuple):
            for x in n:
                walk(x)
        elif isinstance(n, Comment):
            out.append(comment_key(n, trailing=False))
        elif isinstance(n, BaseModel):
            for name, v in n.__dict__.items():
                if name == "trailing_comment":
                    if v is not None:
                        out.append(comment_key(v, trailing=True))
                elif name != "span":
                    walk(v)

    walk(node)
    return out


# ----------------------------------------------------------------- fields and types

_TYPE_NAMES = ("String", "Int", "Boolean", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes")


@functools.cache
@st.composite
def field_types(draw: st.DrawFn, *, canonical: bool = True) -> FieldType:
    """``Type``, ``Type?``, ``Type[]``, ``Type[]?`` (grammar-only) and ``Unsupported("...")``.

    ``Unsupported( "x" )`` keeps the white space inside its parentheses (printed verbatim). In
    layout mode the legacy spellings ``Type!`` and ``[Type]`` appear too; the printer rewrites
    them to ``Type`` and ``Type[]``.
    """
    if draw(st.integers(0, 4)) == 0:
        ws = st.text(st.sampled_from(" \t\u3000"), max_size=2)
        name = "Unsupported(" + draw(ws) + draw(strings()).text + draw(ws) + ")"
    else:
        name = draw(st.sampled_from(_TYPE_NAMES) | identifiers())
    legacy = None if canonical else draw(st.sampled_from((None, None, None, "bang", "brackets")))
    if legacy == "bang":
        return FieldType(name=name, legacy="bang")
    if legacy == "brackets":
        return FieldType(name=name, list=True, legacy="brackets")
    return FieldType(name=name, optional=draw(st.booleans()), list=draw(st.booleans()))


# ----------------------------------------------------------------- members


@functools.cache
@st.composite
def _member_layout(draw: st.DrawFn, *, canonical: bool, first_row: bool) -> dict[str, Any]:
    """Leading comments, blank flag and trailing comment of one body member.

    ``first_row``: the member is the first of its body, and the body's first row must have no
    blank line before it. That is canonical form: the parser drops the line break after ``{``
    (``_block`` ignores it and ``_body`` starts with ``blank = False``), so a blank line there
    does not survive. Prisma prints one only in the quirk of §7.4 (a body that starts with block
    attributes), which the printer reproduces from a first row flagged ``blank_line_before``.
    """
    comments = draw(comment_lists(canonical=canonical, indent=INDENT, first_blank=False if first_row else None))
    blank = False if first_row and not comments else draw(st.booleans())
    return {"leading_comments": comments, "blank_line_before": blank, "trailing_comment": draw(trailing_comments())}


@functools.cache
@st.composite
def field_decls(draw: st.DrawFn, *, canonical: bool = True, first_row: bool = False) -> FieldDecl:
    ftype = draw(st.none() | field_types(canonical=canonical) | field_types(canonical=canonical))
    attrs = draw(st.lists(field_attributes(canonical=canonical), max_size=2))
    # field attributes print sorted by rank (§8.1), the parser keeps source order
    if canonical:
        attrs = sort_by_rank(attrs)
    return FieldDecl(
        name=draw(identifiers()),
        type=ftype,
        attributes=tuple(attrs),
        # `name: Type` (legacy colon): the printer drops the colon
        legacy_colon=False if canonical else draw(st.booleans()),
        **draw(_member_layout(canonical=canonical, first_row=first_row)),
    )


@functools.cache
@st.composite
def enum_values(draw: st.DrawFn, *, canonical: bool = True, first_row: bool = False) -> EnumValue:
    # enum value attributes are printed unsorted, joined without a space (§8.2); only `@map`
    # is valid, but the grammar takes any
    attrs = draw(
        st.lists(
            st.one_of(
                st.builds(lambda s: FieldAttribute(name="map", arguments=(Argument(value=s),)), strings()),
                field_attributes(canonical=canonical),
            ),
            max_size=2,
        )
    )
    return EnumValue(
        name=draw(identifiers()),
        attributes=tuple(attrs),
        **draw(_member_layout(canonical=canonical, first_row=first_row)),
    )


_SETTING_KEYS = ("provider", "url", "output", "previewFeatures", "binaryTargets", "relationMode", "schemas")


@functools.cache
@st.composite
def settings_(draw: st.DrawFn, *, canonical: bool = True, first_row: bool = False) -> Setting:
    # `key =` without a value is left out in both modes: Prisma prints it as the bare `key`
    # (§8.3), which is a catch-all line when read again, so its meaning is not kept either.
    return Setting(
        key=draw(st.sampled_from(_SETTING_KEYS) | identifiers()),
        value=draw(values(canonical=canonical)),
        **draw(_member_layout(canonical=canonical, first_row=first_row)),
    )


@functools.cache
@st.composite
def block_attributes(draw: st.DrawFn, *, canonical: bool = True) -> BlockAttribute:
    """``@@name(args)`` with the comments that travel with it.

    Canonical form: the comments are printed directly above the attribute, without blank lines
    (the printer ignores their flags, and ``_body`` clears the flag of the first one). In both
    modes only the first may be a ``/* */`` comment: printed without blank lines, the others
    would be in a comment run (see :func:`comment_lists`).
    """
    comments = draw(comment_lists(canonical=canonical, indent=INDENT, first_blank=False, blanks=not canonical))
    comments = tuple(c if i == 0 or c.kind != "block" else _line_comment(" x") for i, c in enumerate(comments))
    return BlockAttribute(
        leading_comments=comments,
        trailing_comment=draw(trailing_comments()),
        **draw(_attribute_kwargs(canonical=canonical)),
    )


# ----------------------------------------------------------------- blocks


@functools.cache
@st.composite
def _body(
    draw: st.DrawFn,
    member: Callable[..., st.SearchStrategy[Any]],
    *,
    canonical: bool,
    attributes: bool,
    first_row: bool,
) -> dict[str, Any]:
    n = draw(st.integers(0, 3))
    members = [draw(member(canonical=canonical, first_row=first_row and i == 0)) for i in range(n)]
    # the first footer comment is the first row of the body when there are no members
    footer = draw(
        comment_lists(canonical=canonical, indent=INDENT, first_blank=False if first_row and not members else None)
    )
    kw: dict[str, Any] = {"members": tuple(members), "footer_comments": footer}
    if attributes:
        attrs = draw(st.lists(block_attributes(canonical=canonical), max_size=2))
        # block attributes print last, sorted by rank (§7.3); the parser keeps printed order
        kw["attributes"] = tuple(sort_by_rank(attrs) if canonical else attrs)
    if not canonical and draw(st.integers(0, 4)) == 0:
        # text after `{` on the header line: Prisma deletes it (§4.1)
        kw["header_rest"] = draw(st.sampled_from(("// note", "id Int @id", "}", "{ x", "/* c */")))
    return kw


@functools.cache
@st.composite
def blocks(draw: st.DrawFn, *, canonical: bool = True, quirks: bool = False) -> Any:
    """One model, view, composite type, enum, datasource or generator (without top-level layout)."""
    kind = draw(st.sampled_from((Model, View, CompositeType, EnumBlock, Datasource, Generator)))
    name = draw(identifiers())
    first_row = canonical or not quirks
    if kind in (Model, View, CompositeType):
        body = draw(_body(field_decls, canonical=canonical, attributes=True, first_row=first_row))
    elif kind is EnumBlock:
        body = draw(_body(enum_values, canonical=canonical, attributes=True, first_row=first_row))
    else:
        body = draw(_body(settings_, canonical=canonical, attributes=False, first_row=first_row))
    return kind(name=name, **body)


@functools.cache
@st.composite
def schema_files(
    draw: st.DrawFn, *, canonical: bool = True, quirks: bool = False, path: str = "<string>", max_blocks: int = 3
) -> SchemaFile:
    """A whole file: blocks with leading comments, and footer comments.

    Canonical top-level layout (``_Builder.start`` and ``print_file``):

    * the first item of the file (a comment or a block) has no blank line before it: the printer
      writes none at the start of the output, whatever the flag says;
    * the item right after a block always has ``blank_line_before=True``: the printer ends a
      block with ``}`` and a line break, and ``start`` reads any line break after ``}`` as one
      blank line (Prisma always separates a block from what follows by one blank line, §3.2);
    * after a comment the flag is free (it says whether the source had an empty line).

    At the top level comments stand in column 0, so ``/* */`` comments need no precaution.

    ``canonical=False`` gives arbitrary layout (see the module docstring). Even then, unless
    ``quirks`` is set, the two layouts that reproduce one of Prisma's non-idempotent outputs are
    avoided: an item after a block without a blank line (the parser's reading of ``} // c``,
    §3.2) and a blank line before the first row of a body (§7.4). Printing such an AST gives
    exactly what Prisma prints in those cases, which Prisma (and so the printer) changes again
    on the next run.
    """
    n = draw(st.integers(0, max_blocks))
    out = []
    after_block = False
    at_start = True
    fixed_after_block = canonical or not quirks

    def first_flag() -> bool | None:
        if canonical and at_start:
            return False
        if fixed_after_block and after_block:
            return True
        return None

    for _ in range(n):
        b = draw(blocks(canonical=canonical, quirks=quirks))
        comments = draw(comment_lists(canonical=canonical, indent="", first_blank=first_flag(), max_size=2))
        flag = None if comments else first_flag()
        blank = draw(st.booleans()) if flag is None else flag
        out.append(b.model_copy(update={"leading_comments": comments, "blank_line_before": blank}))
        after_block = True
        at_start = False
    footer = draw(comment_lists(canonical=canonical, indent="", first_blank=first_flag(), max_size=2))
    return SchemaFile(path=path, blocks=tuple(out), footer_comments=footer)


# ----------------------------------------------------------------- schema-like text

_WS = st.sampled_from((" ",) * 8 + ("\t", "\u00a0", "\u2003", "\u3000", "\u202f", "\u1680", "  "))
_NL = st.sampled_from(("\n",) * 8 + ("\r\n", "\r"))


@functools.cache
def _ws(min_size: int = 0) -> st.SearchStrategy[str]:
    return st.lists(_WS, min_size=min_size, max_size=2).map("".join)


def _spaced(draw: st.DrawFn, toks: Sequence[str]) -> str:
    """Tokens joined by random white space (now and then none, which may glue two words)."""
    out = ""
    for i, t in enumerate(toks):
        if i:
            out += draw(_ws(1)) if draw(st.integers(0, 7)) else ""
        out += t
    return out


_word = st.one_of(identifiers(), st.sampled_from(KEYWORDS))


@functools.cache
@st.composite
def _expr_text(draw: st.DrawFn, depth: int = 0) -> str:
    """An expression as text, with white space around its punctuation."""
    choice = draw(st.integers(0, 8 if depth < 2 else 3))
    if choice == 0:
        return draw(strings()).text
    if choice == 1:
        return draw(numbers()).text
    if choice <= 3:
        return draw(paths())
    ws = draw(_ws())
    items = draw(st.lists(_expr_text(depth + 1), max_size=3))
    if choice <= 5:
        args = [draw(st.sampled_from(("", f"{draw(identifiers())}{ws}:{ws}"))) + x for x in items]
        tail = draw(st.sampled_from(("", "", ",")))
        return f"{draw(paths())}({ws}" + f"{ws},{ws}".join(args) + f"{tail}{ws})"
    if choice <= 7:
        return f"[{ws}" + f",{ws}".join(items) + f"{ws}]"
    members = [f"{draw(identifiers())}{ws}:{ws}{x}" for x in items]
    return "{" + ws + ", ".join(members) + ws + "}"


@functools.cache
def _attr_text(sigil: str) -> st.SearchStrategy[str]:
    @st.composite
    def go(draw: st.DrawFn) -> str:
        name = draw(attribute_names())
        if draw(st.booleans()):
            return sigil + draw(_ws()) + name
        args = draw(st.lists(_expr_text(), max_size=3))
        ws = draw(_ws())
        return f"{sigil}{name}{ws}({ws}" + f",{ws}".join(args) + ")"

    return go()


_comment_text = st.one_of(
    comment_bodies().map(lambda b: "//" + b),
    comment_bodies().map(lambda b: "///" + b),
    raw_block_comment_text(),
)

_JUNK = (
    "'x'",
    "1e5",
    ".5",
    "+1",
    "0x10",
    "@db . VarChar(3)",
    "String?[]",
    "String? []",
    '"unterminated',
    '"tab\there"',
    "[a, b,]",
    "{ a: 1, }",
    "/* unclosed",
    "*/",
    "{",
    "}",
    "(",
    ")",
    "@@",
    "@",
    ":",
    "=",
    "\ufeff",
    "\x00",
    "\x0b",
    "\x0c",
    "\x85",
    "\u2028",
    "Ⅻ",
    "\u0661",  # ARABIC-INDIC DIGIT ONE: not an identifier character
    "a.b: 1",
)


@functools.cache
@st.composite
def _line(draw: st.DrawFn) -> str:
    """One line of soup: a field, attribute, value, setting, comment, header, brace or junk."""
    kind = draw(st.integers(0, 13))
    trailing = draw(st.sampled_from(("", "", "", " // t", " /// d", "/* b */", " /* multi\n line */")))
    if kind <= 2:  # field
        parts = [draw(_word)]
        if draw(st.integers(0, 3)):
            parts.append(draw(field_types()).name + draw(st.sampled_from(("", "", "?", "[]", "[]?", "!"))))
        parts += draw(st.lists(_attr_text("@"), max_size=3))
        return _spaced(draw, parts) + trailing
    if kind == 3:
        return draw(_attr_text("@@")) + trailing
    if kind == 4:  # setting
        return _spaced(draw, [draw(_word), "=", draw(_expr_text())]) + trailing
    if kind == 5:  # enum value
        return draw(_word) + "".join(draw(st.lists(_attr_text("@"), max_size=2))) + trailing
    if kind <= 7:
        return draw(_comment_text)
    if kind == 8:  # block header, sometimes with something after `{`
        kw = draw(st.sampled_from(("model", "view", "type", "enum", "datasource", "generator", "Model", "foo")))
        rest = draw(st.sampled_from(("", "", "", " // c", " id Int @id", " }", "}")))
        return _spaced(draw, [kw, draw(_word), "{"]) + rest
    if kind == 9:  # closing brace (things after it are one of Prisma's quirks, see prisma_quirks)
        return "}" + draw(st.sampled_from(("",) * 9 + (" // after", " junk", "/* c */")))
    if kind == 10:  # type alias
        return _spaced(draw, ["type", draw(_word), "=", draw(_word), *draw(st.lists(_attr_text("@"), max_size=1))])
    if kind == 11:
        return ""
    if kind == 12:
        return draw(st.sampled_from(_JUNK))
    return draw(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8))


@functools.cache
@st.composite
def schema_soup(draw: st.DrawFn, *, max_lines: int = 24) -> str:
    """Schema-like text: blocks of fragment lines, random indentation and line breaks, then noise."""
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 4))):
        if draw(st.integers(0, 4)):
            lines.append(
                _spaced(draw, [draw(st.sampled_from(("model", "enum", "datasource", "type"))), draw(_word), "{"])
            )
        lines += draw(st.lists(_line(), max_size=max_lines // 4))
        if draw(st.integers(0, 5)):
            lines.append("}")
    text = ""
    for ln in lines:
        text += draw(_ws()) + ln + draw(_ws()) * draw(st.integers(0, 1)) + draw(_NL)
    if text and draw(st.integers(0, 3)) == 0:
        text = text.rstrip("\r\n")
    # character noise: insert, delete or replace a few characters
    for _ in range(draw(st.integers(0, 3))):
        if not text:
            break
        i = draw(st.integers(0, len(text) - 1))
        op = draw(st.integers(0, 2))
        ch = draw(st.sampled_from("{}[]()@,:=\"'/*\\\t\r\n #") | st.characters(codec="utf-8"))
        if op == 0:
            text = text[:i] + ch + text[i:]
        elif op == 1:
            text = text[:i] + text[i + 1 :]
        else:
            text = text[:i] + ch + text[i + 1 :]
    return text


# ----------------------------------------------------------------- Prisma's own quirks

_LINE_SPLIT = re.compile(r"\r\n|\r|\n")


def _strip(s: str) -> str:
    return s.strip(PRISMA_WHITESPACE)


def prisma_quirks(text: str) -> list[str]:
    """The documented cases in which ``prisma format`` is not idempotent, found in ``text``.

    A cheap line-based scan, independent of the parser, and deliberately over-approximate: an
    input is reported whenever it *might* hit one of these:

    * **§3.2 text after ``}``**: whatever follows a block's ``}`` on its line moves to the next
      line with no blank line before it; formatted again, it follows a block and gets one.
    * **§7.4 leading blank line**: a body that starts with block attributes (and comments)
      followed by an empty line gets a blank line after its header, which the next run removes.
    * **§10.2 block comment run**: a ``/* */`` comment that is not the first of a comment run is
      re-read with the white space before it and rewritten differently every time (in a block
      body; at the top level it is stable after one pass, but it is excluded there too).

    And one case the documents do not list, found by ``test_printing_is_idempotent_on_text``
    and confirmed with ``prisma-oracle format`` (which behaves exactly like the printer):

    * **a ``/*`` never closed** is a catch-all line, but block attributes move below it, and a
      ``*/`` on such a line (``@@id() /* b */``) closes it on the next run, which turns the
      lines in between into one comment. Reported when a ``/*`` has no ``*/`` after it but
      some ``*/`` before it.

    Line structure (where a body starts and ends, what is a comment) is only known until the
    first ``/*`` that is not closed on its own line: from there on a line may be inside a
    comment, so every ``@@`` line followed by an empty line is reported.
    """
    found: list[str] = []
    last_open = text.rfind("/*")
    if last_open != -1 and text.find("*/", last_open + 2) == -1 and "*/" in text[:last_open]:
        found.append("a /* left open that a */ moved below it may close")
    in_prefix = False  # at the start of a body: so far only attributes, comments, blank lines
    seen_attr = False  # ... and at least one attribute among them
    in_body = False
    uncertain = False  # an unclosed `/*` was seen
    prev_commentish = False
    for raw in _LINE_SPLIT.split(text):
        s = _strip(raw)
        commentish = "//" in s or "/*" in s or "*/" in s
        if s.startswith("/*") and prev_commentish:
            found.append("§10.2 block comment inside a comment run")
        if re.search(r"\*/.*/\*", s):
            found.append("§10.2 several block comments on one line")
        if s.startswith("}") and _strip(s[1:]):
            found.append("§3.2 text after a closing brace")
        if uncertain:
            if "@@" in s:
                seen_attr = True
            elif s == "" and seen_attr:
                found.append("§7.4 blank line after block attributes (inside a comment?)")
        elif s.startswith("}"):
            in_body = in_prefix = seen_attr = False
        elif "{" in s and not s.startswith(("@", "//")) and not (in_body and s.startswith("/*")):
            # a block header, or a line that might be one
            in_body = in_prefix = True
            seen_attr = False
        elif in_prefix:
            if "@@" in s:
                seen_attr = True
            elif s == "":
                if seen_attr:
                    found.append("§7.4 blank line after leading block attributes")
            elif not s.startswith(("//", "/*")):
                in_prefix = False  # a member: the body no longer starts with attributes
        i = s.rfind("/*")
        if i != -1 and "*/" not in s[i + 2 :]:
            uncertain = True
        prev_commentish = commentish
    return found
