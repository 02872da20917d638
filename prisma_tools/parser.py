"""Text -> :class:`~prisma_tools.nodes.Schema`.

The grammar (``grammars/prisma.lark``) is parsed with Lark's LALR parser and
contextual lexer, building AST nodes inline (no parse tree). Prisma's own
grammar falls back to a verbatim "catch-all" line wherever a line does not
parse; LALR cannot backtrack, so :func:`parse_file_text` emulates that: when
the parse fails, the offending line is masked (replaced by one ``CATCHALL``
token of the same length, so positions do not move) and the text is parsed
again. Valid schemas parse in one pass.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import zlib
from _thread import allocate_lock
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from types import SimpleNamespace

from .diagnostics import ConflictMarkerError, Diagnostic, ParseError, source_line
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
    LineIndex,
    Model,
    NumberValue,
    ObjectMember,
    ObjectValue,
    Schema,
    SchemaFile,
    Setting,
    Span,
    StringValue,
    TopCatchAll,
    TypeAlias,
    View,
)
from .printer import _block_comment_lines
from .records import constructors as _new
from .regex_cache import RegexCache, cache_folder

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any

    from lark import Lark
    from lark.exceptions import UnexpectedInput

__all__ = ["grammar_text", "parse", "parse_file_text"]

# White space as Prisma reads it: space, TAB and the Unicode space separators.
WHITESPACE = " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# Values nested deeper than this (`[[[...]]]`, calls in calls) are syntax errors: Prisma
# formats them, but the printer, the passes and serialization recurse once per level.
MAX_NESTING = 100
TOO_DEEP = (
    f"This value is nested more than {MAX_NESTING} levels deep, which prisma-tools does not support"
    " (Prisma accepts it)."
)
_HEADERS = ("model", "view", "type", "enum", "datasource", "generator")

# What Prisma says about a line it cannot read, by where the line is.
LINE_MESSAGES = {
    "top": "This line is invalid. It does not start with any known Prisma schema keyword.",
    "model": "This line is not a valid field or attribute definition.",
    "enum": "This line is not a valid enum value definition.",
    "datasource": "This line is not a valid definition within a datasource.",
    "generator": "This line is not a valid definition within a generator.",
}


def grammar_text() -> str:
    """The Lark grammar, from the installed package or, in a checkout, from ``grammars/``."""
    here = os.path.dirname(os.path.realpath(__file__))
    for path in (
        os.path.join(here, "grammars", "prisma.lark"),
        os.path.join(here, os.pardir, "grammars", "prisma.lark"),
    ):
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                return f.read()
    # A package that is not a folder (in a zip file): importlib.resources reads it. Imported
    # only here: it costs 5 to 11 ms of start-up.
    from importlib import resources

    return (resources.files("prisma_tools") / "grammars" / "prisma.lark").read_text(encoding="utf-8")


class _Reject(Exception):
    """Raised by a callback for a construct the grammar accepts but Prisma does not parse,
    or for a syntax error; ``offset`` is where the failed line is blamed (-1: the end of input)."""

    def __init__(self, offset: int, message: str | None = None) -> None:
        self.offset = offset
        self.message = message  # instead of Prisma's message for the line, when the reason is ours


class Token(str):
    """A token of the table-driven loop: its text, with its terminal and offsets.

    Lark's ``Token`` (on the error path, Lark's loop builds the tree) has the
    same attributes, and is a ``str`` too: the builder takes either, and tells
    a token from a node with ``isinstance(x, str)``. No line and column: spans
    resolve them from offsets.
    """

    __slots__ = ("end_pos", "start_pos", "type")
    type: str
    start_pos: int
    end_pos: int


_span_at = Span.at


def _breaks(nl: Token | None) -> int:
    if nl is None:
        return 0
    s = str(nl)
    return s.count("\n") + s.count("\r") - s.count("\r\n")


def _spaced_block_comment(tok: Token | None, nl: Token | None) -> bool:
    """A stand-alone ``/* */`` comment with white space between it and its line break.

    Prisma's comment rule stops before that white space, so the line break is
    read as an empty line of its own: a blank line follows the comment.
    """
    return tok is not None and nl is not None and tok.startswith("/*") and nl.start_pos > tok.end_pos


def _first_break(nl: Token | None) -> str:
    if nl is None:
        return ""
    s = str(nl)
    return "\r\n" if s.startswith("\r\n") else s[0]


class _Lexed:
    """What one parse attempt lexed that the driver needs when the attempt fails."""

    __slots__ = ("depths", "multiline", "verbatim_ends")

    def __init__(self) -> None:
        self.depths: dict[int, int] = {}  # id(value) -> nesting depth, for arrays, objects and calls
        self.verbatim_ends: list[int] = []  # where each keyword-less block or type alias ended
        self.multiline: list[tuple[int, int, str]] = []  # (start, end, type) of tokens spanning lines


class _Line:
    """One body line before comment attachment: what it is, its node's fields, the NL after it."""

    __slots__ = ("cls", "kw", "nl", "tag", "tok")

    def __init__(self, tag: str, cls: Any, kw: dict[str, Any], nl: Token | None, tok: Token | None = None):
        self.tag = tag  # "member" | "attr" | "comment"
        self.cls = cls
        self.kw = kw
        self.nl = nl
        self.tok = tok


class _Builder:
    """One method per grammar rule, called as the parser reduces it (by the table-driven loop,
    or by Lark's loop as its inline transformer: Lark only looks the methods up by name)."""

    text: str = ""
    lexed: _Lexed
    lines: LineIndex
    reasons: dict[int, str]  # catch-all start -> our message for it (a limit of ours, not Prisma's)

    def __init__(self) -> None:
        self.lexed = _Lexed()
        self.lines = LineIndex("")
        self.reasons = {}

    def _span(self, first: Any, last: Any) -> Span:
        """From the start of ``first`` to the end of ``last`` (tokens or nodes)."""
        # a token has offsets, a node a span (inline: this runs for every node)
        a = first.start_pos if isinstance(first, str) else first.span.start_offset  # type: ignore[attr-defined]
        b = last.end_pos if isinstance(last, str) else last.span.end_offset  # type: ignore[attr-defined]
        return _span_at(self.lines, a, b)

    def note_token(self, tok: Token) -> Token:
        """Lexer callback: remember the tokens the driver needs to place a catch-all."""
        if tok.type == "ARB_BODY":
            self.lexed.verbatim_ends.append(tok.end_pos)
        elif "\n" in tok or "\r" in tok:
            self.lexed.multiline.append((tok.start_pos, tok.end_pos, tok.type))
        return tok

    # ------------------------------------------------------------ comments

    def _comment(self, tok: Token, *, blank: bool = False, in_run: bool = False) -> Comment:
        s = self._source(tok)  # not str(tok): a `/* */` may span masked lines
        kind = "block" if s.startswith("/*") else ("doc" if s.startswith("///") else "line")
        prefix = ""
        if in_run and kind == "block":
            i = tok.start_pos
            assert i is not None
            j = i
            while j > 0 and self.text[j - 1] in WHITESPACE:
                j -= 1
            prefix = self.text[j:i]
        kw = {"kind": kind, "text": s, "blank_line_before": blank, "run_prefix": prefix, "span": self._span(tok, tok)}
        return _new[Comment](kw)

    def _source(self, tok: Token) -> str:
        return self.text[tok.start_pos : tok.end_pos]

    # ------------------------------------------------------------ values

    def string(self, c: list[Token]) -> StringValue:
        return _new[StringValue]({"text": str(c[0]), "span": self._span(c[0], c[0])})

    def number(self, c: list[Token]) -> NumberValue:
        return _new[NumberValue]({"text": str(c[0]), "span": self._span(c[0], c[0])})

    def constant(self, c: list[Token]) -> ConstantValue:
        return _new[ConstantValue]({"name": str(c[0]), "span": self._span(c[0], c[0])})

    def _nested(self, node: Any, children: Any, at: int) -> None:
        """Record ``node``'s depth; a value nested deeper than :data:`MAX_NESTING` makes
        its line a syntax error (every walk of the tree would then recurse that deep)."""
        depths = self.lexed.depths
        d = 1
        for x in children:
            k = depths.get(id(x), 0)
            if k >= d:
                d = k + 1
        if d > MAX_NESTING:
            raise _Reject(at, TOO_DEEP)
        depths[id(node)] = d

    def array(self, c: list[Any]) -> ArrayValue:
        items = tuple(x for x in c[1:-1] if x is not None)
        node: ArrayValue = _new[ArrayValue]({"items": items, "span": self._span(c[0], c[-1])})
        self._nested(node, items, c[0].start_pos)
        return node

    def object_member(self, c: list[Any]) -> ObjectMember:
        key = c[0]
        if "." in key:
            raise _Reject(key.start_pos)
        return _new[ObjectMember]({"key": str(key), "value": c[1], "span": self._span(key, c[1])})

    def object(self, c: list[Any]) -> ObjectValue:
        members = tuple(x for x in c[:-1] if x is not None)
        first = members[0] if members else c[-1]
        span = self._span(first, c[-1])
        node: ObjectValue = _new[ObjectValue]({"members": members, "span": span})
        self._nested(node, [m.value for m in members], span.start_offset)
        return node

    def positional_argument(self, c: list[Any]) -> Argument:
        return _new[Argument]({"value": c[0], "span": c[0].span})

    def empty_argument(self, c: list[Any]) -> Argument:
        return self.named_argument([c[0], None])

    def named_argument(self, c: list[Any]) -> Argument:
        name, value = c
        if "." in name:
            raise _Reject(name.start_pos)
        span = self._span(name, value if value is not None else name)
        return _new[Argument]({"name": str(name), "value": value, "span": span})

    def arguments(self, c: list[Any]) -> tuple[tuple[Argument, ...], bool, Token]:
        args = tuple([x for x in c[1:-1] if x.__class__ is Argument])
        # `(a, b,)`: the TRAILING_COMMA token, the only token between the parentheses, comes last
        trailing = len(c) > 2 and isinstance(c[-2], str)
        return args, trailing, c[-1]

    def function_call(self, c: list[Any]) -> FunctionCall:
        name, (args, trailing, close) = c
        kw = {"name": str(name), "arguments": args, "trailing_comma": trailing, "span": self._span(name, close)}
        node: FunctionCall = _new[FunctionCall](kw)
        self._nested(node, [a.value for a in args], name.start_pos)
        return node

    # ------------------------------------------------------------ attributes

    def _attribute(self, cls: Any, c: list[Any]) -> FieldAttribute:
        at, name, arguments = c
        if arguments is None:
            return _new[cls]({"name": str(name), "span": self._span(at, name)})  # type: ignore[no-any-return]
        args, trailing, close = arguments
        kw = {"name": str(name), "arguments": args, "trailing_comma": trailing, "span": self._span(at, close)}
        return _new[cls](kw)  # type: ignore[no-any-return]

    def field_attribute(self, c: list[Any]) -> FieldAttribute:
        return self._attribute(FieldAttribute, c)

    def block_attribute(self, c: list[Any]) -> dict[str, Any]:
        at, name, arguments = c
        kw: dict[str, Any] = {"name": str(name)}
        last = name
        if arguments is not None:
            kw["arguments"], kw["trailing_comma"], last = arguments
        kw["span"] = self._span(at, last)
        return kw

    # ------------------------------------------------------------ types and fields

    def base_type(self, c: list[Token]) -> tuple[str, Token, Token]:
        return str(c[0]), c[0], c[0]

    def unsupported_type(self, c: list[Token]) -> tuple[str, Token, Token]:
        return self.text[c[0].start_pos : c[2].end_pos], c[0], c[2]

    def field_type(self, c: list[Any]) -> FieldType:
        (name, first, last), mod = c
        optional = is_list = False
        legacy = None
        if mod is not None:
            last = mod
            m = str(mod)
            if m == "!":
                legacy = "bang"
            elif m == "?":
                optional = True
            else:
                is_list = True
                optional = m.endswith("?")
        kw = {"name": name, "optional": optional, "list": is_list, "legacy": legacy, "span": self._span(first, last)}
        return _new[FieldType](kw)

    def legacy_list_type(self, c: list[Any]) -> FieldType:
        open_, (name, _f, _l), close = c
        kw = {"name": name, "list": True, "legacy": "brackets", "span": self._span(open_, close)}
        return _new[FieldType](kw)

    def field(self, c: list[Any]) -> dict[str, Any]:
        name, colon, ftype, *attrs = c
        last = attrs[-1] if attrs else (ftype if ftype is not None else (colon or name))
        return {
            "name": str(name),
            "type": ftype,
            "attributes": tuple(attrs),
            "legacy_colon": colon is not None,
            "span": self._span(name, last),
        }

    # ------------------------------------------------------------ body lines

    def _with_trailing(self, kw: dict[str, Any], trailing: Token | None) -> dict[str, Any]:
        if trailing is not None:
            kw["trailing_comment"] = self._comment(trailing)
            kw["span"] = _span_at(self.lines, kw["span"].start_offset, trailing.end_pos)
        return kw

    def field_line(self, c: list[Any]) -> _Line:
        kw, trailing, nl = c
        return _Line("member", FieldDecl, self._with_trailing(kw, trailing), nl)

    def enum_value_line(self, c: list[Any]) -> _Line:
        name, *attrs, trailing, nl = c
        last = attrs[-1] if attrs else name
        kw = {"name": str(name), "attributes": tuple(attrs), "span": self._span(name, last)}
        return _Line("member", EnumValue, self._with_trailing(kw, trailing), nl)

    def setting_line(self, c: list[Any]) -> _Line:
        key, value, trailing, nl = c
        kw = {"key": str(key), "value": value, "span": self._span(key, value if value is not None else key)}
        return _Line("member", Setting, self._with_trailing(kw, trailing), nl)

    def empty_setting_line(self, c: list[Any]) -> _Line:
        return self.setting_line([c[0], None, *c[1:]])

    def trailing(self, c: list[Token]) -> Token:
        return c[0]

    def attribute_line(self, c: list[Any]) -> _Line:
        kw, trailing, nl = c
        return _Line("attr", BlockAttribute, self._with_trailing(kw, trailing), nl)

    def comment_line(self, c: list[Token]) -> _Line:
        return _Line("comment", Comment, {}, c[1], c[0])

    def block_comment_line(self, c: list[Token]) -> _Line:
        return _Line("comment", Comment, {}, c[1], c[0])

    def catch_all_line(self, c: list[Token]) -> _Line:
        tok, nl = c
        kw = {"text": self._source(tok), "line_ending": _first_break(nl), "span": self._span(tok, tok)}
        return _Line("member", CatchAll, kw, nl)

    # ------------------------------------------------------------ blocks

    def _body(self, lines: list[_Line], context: str) -> dict[str, Any]:
        """Attach comments and blank lines to members the way ``prisma format`` groups them.

        Block attributes leave the flow (they print last): a blank line right
        before one, or before the comment run directly above one, disappears,
        and that comment run travels with the attribute. Blank lines at the
        start and end of the body disappear.
        """
        members: list[Any] = []
        attributes: list[BlockAttribute] = []
        pending: list[Comment] = []
        blank = False  # an empty line precedes the next item
        prev_comment = False  # the previous line was a stand-alone comment (a comment run goes on)
        run_start = 0  # pending[run_start:] came after the last attribute
        for ln in lines:
            if ln.tag == "comment":
                assert ln.tok is not None
                pending.append(self._comment(ln.tok, blank=blank, in_run=prev_comment and not blank))
                prev_comment = True
            elif ln.tag == "attr":
                attached: list[Comment] = []
                if not blank and prev_comment:
                    # the comment run directly above the attribute: back to the last blank line
                    # or the previous attribute (comments pending before that one stay put)
                    k = len(pending) - 1
                    while k > run_start and not pending[k].blank_line_before:
                        k -= 1
                    attached = pending[k:]
                    del pending[k:]
                    if attached and attached[0].blank_line_before:
                        attached[0] = attached[0].model_copy(update={"blank_line_before": False})
                ln.kw["leading_comments"] = tuple(attached)
                attributes.append(_new[BlockAttribute](ln.kw))
                prev_comment = False
                run_start = len(pending)
            else:
                if ln.cls is CatchAll:
                    ln.kw["message"] = self.reasons.get(ln.kw["span"].start_offset) or LINE_MESSAGES[context]
                ln.kw["leading_comments"] = tuple(pending)
                ln.kw["blank_line_before"] = blank
                members.append(_new[ln.cls](ln.kw))
                pending = []
                prev_comment = False
                run_start = 0
            blank = _breaks(ln.nl) >= 2 or (ln.tag == "comment" and _spaced_block_comment(ln.tok, ln.nl))
        return {"members": tuple(members), "attributes": attributes, "footer_comments": tuple(pending)}

    def _block(self, c: list[Any], context: str) -> tuple[Token, dict[str, Any]]:
        kw_tok, name, rest, _nl, *lines = c
        close = lines.pop()
        body = self._body(lines, context)
        kw: dict[str, Any] = {
            "name": str(name),
            "members": body["members"],
            "footer_comments": body["footer_comments"],
            "header_rest": None if rest is None else str(rest),
            "span": self._span(kw_tok, close),
        }
        if context in ("model", "enum"):
            kw["attributes"] = tuple(body["attributes"])
        elif body["attributes"]:  # the grammar allows no @@ lines in config blocks
            raise AssertionError("attribute in config block")
        return kw_tok, kw

    def model_block(self, c: list[Any]) -> tuple[str, dict[str, Any]]:
        kw_tok, kw = self._block(c, "model")
        return str(kw_tok), kw

    def enum_block(self, c: list[Any]) -> tuple[str, dict[str, Any]]:
        return "enum", self._block(c, "enum")[1]

    def config_block(self, c: list[Any]) -> tuple[str, dict[str, Any]]:
        kw_tok, kw = self._block(c, str(c[0]))
        return str(kw_tok), kw

    def type_alias(self, c: list[Any]) -> tuple[str, dict[str, Any]]:
        kw_tok, name, (_base, _first, base_last), *attrs = c
        end = attrs[-1].span.end_offset if attrs else base_last.end_pos
        if not (attrs and attrs[-1].arguments is not None):
            # Prisma's alias text takes the white space after its last token,
            # except after an argument list (probed: `@id   ` keeps it, `@id()   ` not)
            end = _skip_ws(self.text, end, len(self.text))
        span = _span_at(self.lines, kw_tok.start_pos, end)
        self.lexed.verbatim_ends.append(end)
        return "type_alias", {"name": str(name), "text": self.text[kw_tok.start_pos : end], "span": span}

    def arbitrary_block(self, c: list[Token]) -> tuple[str, dict[str, Any]]:
        name, body = c
        return (
            "arbitrary_block",
            {
                "name": self._source(name),  # not str(name): see _glued_keyword_end
                "text": self.text[name.start_pos : body.end_pos],
                "span": self._span(name, body),
            },
        )

    def _glue(self, kw: dict[str, Any], tok: Token) -> None:
        """Append ``tok``, found on the same line, to a verbatim item (type alias, keyword-less block).

        Prisma prints those items without a line break, so whatever follows
        them on their line comes out glued to them, minus the white space; a
        ``/* */`` comment comes out rewritten, as a stand-alone one is.
        """
        text = self._source(tok)
        if tok.type == "BLOCK_COMMENT":  # not a catch-all that merely starts with `/*`
            text = "\n".join(_block_comment_lines(self._comment(tok)))
        kw["text"] += text
        kw["span"] = _span_at(self.lines, kw["span"].start_offset, tok.end_pos)

    # ------------------------------------------------------------ top level

    def start(self, items: list[Any]) -> tuple[list[Any], list[Comment]]:
        """Assemble top-level items, giving each its leading comments and blank-line flag.

        After a block ``prisma format`` always leaves one blank line (none when
        the next item stood on the ``}`` line); after a comment or a catch-all
        line, one if the source had any; after a type alias or keyword-less
        block, none.
        """
        blocks: list[Any] = []
        pending: list[Comment] = []
        prev: str | None = None  # kind of the previous item
        nl: Token | None = None  # line breaks since the previous item
        last_catch: dict[str, Any] | None = None
        glued_catch: dict[str, Any] | None = None  # a verbatim item a catch-all was glued to
        last_comment: Token | None = None

        def blank_before() -> bool:
            if prev is None:
                return False
            if prev == "block":
                return nl is not None
            if prev == "comment":
                return _breaks(nl) >= 2 or _spaced_block_comment(last_comment, nl)
            if prev == "catch_all":
                return _breaks(nl) >= 2
            return False

        for item in items:
            if isinstance(item, str):  # a token: ours, or Lark's on the error path
                tok: Token = item  # type: ignore[assignment]
                t = tok.type
                if t == "NL":
                    nl = tok
                    if last_catch is not None:
                        last_catch["line_ending"] = _first_break(tok)
                        last_catch = None
                    if glued_catch is not None:
                        # a catch-all keeps its own line break, `\r\n` and lone `\r` included
                        glued_catch["text"] += _first_break(tok)
                        glued_catch = None
                    continue
                if t == "CATCHALL" and prev in ("arbitrary_block", "type_alias") and nl is None:
                    # `foo {` ... `a } b`: the catch-all `b` is glued to the brace
                    self._glue(blocks[-1][1], tok)
                    glued_catch = blocks[-1][1]
                    prev = "catch_all"
                elif t == "CATCHALL":
                    kw = {
                        "text": self._source(tok),
                        "line_ending": "",
                        "message": LINE_MESSAGES["top"],
                        "span": self._span(tok, tok),
                        "leading_comments": tuple(pending),
                        "blank_line_before": blank_before(),
                    }
                    blocks.append(kw)
                    last_catch = kw
                    pending = []
                    prev = "catch_all"
                elif prev in ("type_alias", "arbitrary_block") and nl is None:
                    # `type A = B // note`: the comment is glued to the alias text
                    self._glue(blocks[-1][1], tok)
                    prev = "comment"
                    last_comment = tok
                else:  # a comment
                    blank = blank_before()
                    pending.append(self._comment(tok, blank=blank, in_run=prev == "comment" and not blank))
                    prev = "comment"
                    last_comment = tok
                nl = None
                continue
            kind, kw = item
            verbatim = ("type_alias", "arbitrary_block")
            if kind in verbatim and prev in verbatim and nl is None:
                # `a {` ... `}b {` ... `}`: verbatim text glued to verbatim text is one item
                blocks[-1][1]["text"] += kw["text"]
                last = blocks[-1][1]
                last["span"] = _span_at(self.lines, last["span"].start_offset, kw["span"].end_offset)
                prev = kind
                continue
            if prev in verbatim and nl is None:
                # `a {` ... `}model A {`: the block stays on the brace's line
                blocks[-1][1]["next_on_same_line"] = True
            kw["leading_comments"] = tuple(pending)
            kw["blank_line_before"] = blank_before()
            pending = []
            if kind == "type_alias":
                prev = "type_alias"
            elif kind == "arbitrary_block":
                prev = "arbitrary_block"
            else:
                prev = "block"
            blocks.append((kind, kw))
            nl = None
        return blocks, pending


_BLOCK_CLASSES: dict[str, Any] = {
    "model": Model,
    "view": View,
    "type": CompositeType,
    "enum": EnumBlock,
    "datasource": Datasource,
    "generator": Generator,
    "arbitrary_block": ArbitraryBlock,
    "type_alias": TypeAlias,
}


def _check_identifier(tok: Token) -> Token:
    """Reject an identifier holding a number character that is not an ASCII digit.

    The grammar's ``[^\\W\\d_]`` is Python's "letter", which also admits the
    numeric characters of categories No and Nl (``²``, ``Ⅻ``); Prisma accepts
    only Unicode letters (category L), so a line using those is a catch-all.
    """
    s = str(tok)
    if not s.isascii():
        for i, ch in enumerate(s):
            if not ch.isascii() and not ch.isalpha():
                raise _Reject(tok.start_pos + i)
    return tok


def _cache_path() -> str | bool:
    """Where Lark keeps the analysed grammar between runs (the error path's start-up), or False.

    In the user's cache folder (see :func:`regex_cache.cache_folder`). Lark
    stores a hash of the grammar, its options and versions in the file and
    ignores a file that does not match.
    """
    folder = cache_folder()
    if folder is None:
        return False
    key = grammar_digest().replace(":", "-")  # named as the regex cache is
    return os.path.join(folder, f"grammar-{key}-py{sys.version_info[0]}{sys.version_info[1]}.lark-cache")


def grammar_digest(text: str | None = None) -> str:
    """Length and CRC-32 of the grammar's text: what ``_tables.GRAMMAR_DIGEST`` must equal for the
    tables to be used. (A check for a forgotten regeneration, not for tampering: zlib is built in,
    where hashlib costs 4 ms of start-up.)"""
    data = (grammar_text() if text is None else text).encode("utf-8")
    return f"{len(data)}:{zlib.crc32(data):08x}"


def _lexer_callbacks(builder: _Builder) -> dict[str, Any]:
    return {
        "IDENT": _check_identifier,
        "PATH": _check_identifier,
        "ARB_BODY": builder.note_token,
        "BLOCK_COMMENT": builder.note_token,
        "STRING": builder.note_token,
    }


def _new_lark(builder: _Builder, cache: str | bool = False) -> Lark:
    """Lark's parser for the grammar, calling ``builder`` inline. The table generator analyses the
    same one, so the options live here only. Imports Lark: not on the path of a valid parse."""
    from lark import Lark

    return Lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        transformer=builder,  # any object with the rules' methods will do
        lexer_callbacks=_lexer_callbacks(builder),
        maybe_placeholders=True,
        cache=cache,
    )


class _Engine:
    """The table-driven parser and the builder it calls; Lark's parser, built on first need."""

    def __init__(self) -> None:
        self.builder = _Builder()
        self.lock = allocate_lock()
        self._lark: Lark | None = None
        from . import _tables

        tables: Any = _tables
        if grammar_digest() != _tables.GRAMMAR_DIGEST:
            # The grammar was edited and the tables not regenerated: build them from Lark now
            # (tests/test_fast_parser.py fails until `python scripts/gen_parser_tables.py` is run).
            from ._tablegen import build

            tables = SimpleNamespace(**build(self.lark))
        self.fast: _FastParser | None
        try:
            self.fast = _FastParser(tables, self.builder)
        except Exception:  # pragma: no cover - tables that do not fit the builder: Lark's own loop
            self.fast = None

    @property
    def lark(self) -> Lark:
        """Lark's parser (about 40 ms to import and load): for the error path, which needs its exceptions."""
        if self._lark is None:
            self._lark = _new_lark(self.builder, _cache_path())
        return self._lark


class _Fallback(Exception):
    """The fast loop met input it does not accept: Lark's own parser reports the error."""


_IDENTIFIER_TOKENS = frozenset({"IDENT", "PATH"})  # the tokens _check_identifier is a lexer callback of


if TYPE_CHECKING:
    _LexerList = list[tuple[Any, dict[str, Any], frozenset[str]] | None]
else:
    _LexerList = list


class _StateLexers(_LexerList):
    """Per parser state: the match function of its lexer's regular expression, its callbacks
    and its ignored terminals. Filled on first use: the regular expressions cost about 0.5 ms
    each to compile, and a schema meets only some of them."""

    def __init__(self, tables: Any, lexer_callbacks: dict[str, Any]) -> None:
        super().__init__([None] * len(tables.STATE_LEXERS))
        self.descriptions: tuple[tuple[str, int, tuple[str, ...], tuple[str, ...]], ...] = tables.LEXERS
        self.state_lexers: tuple[int, ...] = tables.STATE_LEXERS
        self.lexer_callbacks = lexer_callbacks
        # compiled expressions come from the previous runs' cache when there is one
        key = tables.GRAMMAR_DIGEST.replace(":", "-")
        self.regexes = RegexCache([(source, flags) for source, flags, _, _ in self.descriptions], key, cache_folder())
        self.compiled: dict[int, tuple[Any, dict[str, Any], frozenset[str]]] = {}  # by index in LEXERS

    def load(self, state: int) -> tuple[Any, dict[str, Any], frozenset[str]]:
        index = self.state_lexers[state]
        entry = self.compiled.get(index)
        if entry is None:
            source, flags, callback_terminals, ignore = self.descriptions[index]
            # The identifier check needs no call for an ASCII name: the loop calls it only otherwise.
            callbacks = {t: self.lexer_callbacks[t] for t in callback_terminals if t not in _IDENTIFIER_TOKENS}
            entry = self.compiled[index] = (self.regexes.compile(source, flags).match, callbacks, frozenset(ignore))
        self[state] = entry
        return entry

    def any_match(self, text: str, pos: int) -> bool:
        """Whether some terminal matches at ``pos`` (what Lark's root lexer tries after a
        state's lexer failed: a token there makes the error an unexpected token)."""
        for index, (source, flags, _, _) in enumerate(self.descriptions):
            entry = self.compiled.get(index)
            match = entry[0] if entry is not None else self.regexes.compile(source, flags).match
            if match(text, pos) is not None:
                return True
        return False


class _Trail:
    """What a failed attempt leaves for the next one on the same text, so that each masked
    line does not re-parse the whole file: the parser's state after every complete top-level
    item, and the list of items (appended to in place, so a prefix of it stays valid)."""

    __slots__ = ("items", "lexed", "resume", "snaps")

    def __init__(self) -> None:
        self.snaps: list[tuple[int, int, int]] = []  # (offset, lexer state, item count), in order
        self.items: list[Any] = []
        self.resume: tuple[int, int, int] | None = None  # the snapshot to start from
        self.lexed: _Lexed | None = None  # what the failed attempt lexed before that point

    def rewind(self, changed: int, lexed: _Lexed) -> None:
        """Start the next attempt from the last snapshot before the line of offset ``changed``."""
        snaps = self.snaps
        k = bisect_right(snaps, (changed, -1, -1))
        while k and snaps[k - 1][0] >= changed:
            k -= 1
        del snaps[k:]
        self.resume = snaps[-1] if snaps else None
        if self.resume is not None:
            at = self.resume[0]
            kept = _Lexed()
            kept.multiline = [t for t in lexed.multiline if t[0] < at]
            kept.verbatim_ends = [e for e in lexed.verbatim_ends if e <= at]
            self.lexed = kept


class _FastParser:
    """The LALR loop and contextual lexer, fused into one function, run from the generated tables.

    It runs the parse table, the terminal regular expressions and the
    callbacks that Lark built (``_tables.py``, see ``_tablegen.py``), in the
    order Lark's own ``Lark.parse`` runs them, so it builds the same result;
    it only skips Lark's per-token generic machinery, and Lark's import. On a
    lexical or syntax error it raises :class:`_Fallback`, and the caller
    parses again with Lark to get Lark's exception (errors are rare: a valid
    schema parses in one pass).
    """

    def __init__(self, tables: Any, builder: _Builder) -> None:
        # Per rule: (size, reducer, nonterminal); each reducer calls its builder method.
        rules = [
            (size, factory(None if method is None else getattr(builder, method)), origin)
            for size, factory, method, origin in tables.RULES
        ]
        # Per state and symbol: the next state (an int) for a shift, or the rule for a reduction.
        self.states: list[dict[str, Any]] = [
            {sym: act if act >= 0 else rules[~act] for sym, act in row.items()} for row in tables.ACTIONS
        ]
        self.start_state: int = tables.START_STATE
        self.end_state: int = tables.END_STATE
        self.callbacks: dict[str, Any] = {name: getattr(builder, name) for name in tables.TERMINAL_CALLBACKS}
        self.lexers = _StateLexers(tables, _lexer_callbacks(builder))
        self.top_state: int = self.states[self.start_state][_ITEMS]  # after complete top-level items

    def parse(self, text: str, trail: _Trail | None = None) -> Any:
        """What ``start()`` returns; :class:`_Reject` at the syntax error, as Lark's loop reports it.

        With ``trail``, the state after each top-level item is recorded in it,
        and the parse starts from its ``resume`` snapshot when it has one.
        """
        states = self.states
        lexers = self.lexers
        callbacks = self.callbacks
        end_state = self.end_state
        new_str = str.__new__
        state_stack = [self.start_state]
        value_stack: list[Any] = []
        pos = 0
        end = len(text)
        tok: Token | None = None
        lex_state = -1  # the first token's lexer state, when resuming
        snaps = None if trail is None else trail.snaps
        if trail is not None and trail.resume is not None:
            pos, lex_state, count = trail.resume
            del trail.items[count:]
            state_stack.append(self.top_state)
            value_stack.append(trail.items)
        while pos < end:
            state = state_stack[-1]
            if lex_state >= 0:
                state, lex_state = lex_state, -1
            lexer = lexers[state]
            match, lex_callbacks, ignore_types = lexer if lexer is not None else lexers.load(state)
            m = match(text, pos)
            if m is None:
                if lexers.any_match(text, pos):  # Lark: an unexpected token, its parser state probed
                    self._probe(state_stack, value_stack)
                raise _Reject(pos)
            type_ = m.lastgroup
            value = m.group(type_)
            start = pos
            pos = m.end()  # the white space after the token too: one lexer step less
            if type_ in ignore_types and type_ not in lex_callbacks:
                continue
            tok = new_str(Token, value)
            tok.type = type_
            tok.start_pos = start
            tok.end_pos = start + len(value)
            if type_ in lex_callbacks:
                tok = lex_callbacks[type_](tok)
            elif not value.isascii() and type_ in _IDENTIFIER_TOKENS:
                _check_identifier(tok)
                type_ = tok.type
                if type_ in ignore_types:
                    continue
            # feed the token
            while True:
                try:
                    act = states[state_stack[-1]][type_]
                except KeyError:
                    self._probe(state_stack, value_stack)
                    raise _Reject(start) from None
                if act.__class__ is int:
                    state_stack.append(act)
                    value_stack.append(tok if type_ not in callbacks else callbacks[type_](tok))
                    break
                # reduce: the rule's symbols leave both stacks, its value and goto state take the
                # top slot (assigned in place, not popped and pushed: 2% of a parse)
                size, callback, origin = act
                if size == 1:  # half of all reductions
                    value_stack[-1] = callback([value_stack[-1]])
                    state_stack[-1] = states[state_stack[-2]][origin]
                elif size:
                    s = value_stack[-size:]
                    del value_stack[1 - size :]
                    del state_stack[1 - size :]
                    value_stack[-1] = callback(s)
                    state_stack[-1] = states[state_stack[-2]][origin]
                else:
                    value_stack.append(callback([]))
                    state_stack.append(states[state_stack[-1]][origin])
                    continue
                if origin == _ITEMS and snaps is not None and trail is not None:
                    # a top-level item is complete: the next attempt may start here
                    trail.items = value_stack[-1]
                    snaps.append((start, state, len(trail.items)))
        # end of input
        while True:
            try:
                act = states[state_stack[-1]]["$END"]
            except KeyError:
                self._probe(state_stack, value_stack)
                raise _Reject(-1) from None
            if act.__class__ is int:
                raise _Fallback
            size, callback, origin = act
            if size:
                s = value_stack[-size:]
                del state_stack[-size:]
                del value_stack[-size:]
            else:
                s = []
            reduced = callback(s)
            new_state = states[state_stack[-1]][origin]
            state_stack.append(new_state)
            value_stack.append(reduced)
            if new_state == end_state:
                return reduced

    def _probe(self, state_stack: list[int], value_stack: list[Any]) -> None:
        """Feed a line break where parsing failed, to a copy of the parser (see :func:`_end_line_here`)."""
        states = self.states
        stack, values = list(state_stack), list(value_stack)
        with contextlib.suppress(Exception):  # a failed probe only means "no complete item"
            while True:
                act = states[stack[-1]]["NL"]
                if act.__class__ is int:
                    return
                size, callback, origin = act
                args = values[len(values) - size :] if size else []
                del stack[len(stack) - size :]
                del values[len(values) - size :]
                values.append(callback(args))
                stack.append(states[stack[-1]][origin])


_ITEMS = "__start_star_0"  # Lark's name for the list of top-level items (`start: _top*`)


@lru_cache(maxsize=1)
def _engine() -> _Engine:
    return _Engine()


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    end = offset
    n = len(text)
    while end < n and text[end] not in "\r\n":
        end += 1
    return start, end


def _skip_ws(text: str, i: int, end: int) -> int:
    while i < end and text[i] in WHITESPACE:
        i += 1
    return i


def _error_offset(err: UnexpectedInput) -> int:
    from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedToken

    if isinstance(err, UnexpectedEOF) or (isinstance(err, UnexpectedToken) and err.token.type == "$END"):
        return -1
    if isinstance(err, UnexpectedToken):
        return err.token.start_pos  # type: ignore[no-any-return]
    if isinstance(err, UnexpectedCharacters):
        return err.pos_in_stream if err.pos_in_stream is not None else -1
    return -1


def _inside(offset: int, spans: Sequence[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The multi-line token that ``offset`` lies strictly inside, if any."""
    for span in spans:
        if span[0] < offset < span[1]:
            return span
    return None


def _end_line_here(err: UnexpectedInput) -> None:
    """Feed a line break where parsing failed, to a copy of the parser.

    If what precedes the error on its line is a complete type alias, the alias
    is then reduced and its builder records where it ended: the catch-all
    starts after it (``type A = Int @default(1) 1`` keeps the alias).
    """
    from lark import Token as LarkToken
    from lark.exceptions import UnexpectedToken

    state = getattr(err, "state", None)
    if not isinstance(err, UnexpectedToken) or state is None:
        return
    # not state.copy(): it deep-copies the tokens, which then lose their end positions
    probe = type(state)(state.parse_conf, state.lexer, list(state.state_stack), list(state.value_stack))
    with contextlib.suppress(Exception):  # a failed probe only means "no complete item"
        probe.feed_token(LarkToken.new_borrow_pos("NL", "\n", err.token))


def _open_header(text: str, multiline: Sequence[tuple[int, int, str]] = ()) -> int:
    """Offset of the last unmasked block header: the block left open at the end of input.

    -1 when a line starting with ``}`` follows the last header: that block is
    closed, so the input ended inside a top-level item instead. (A ``}`` inside
    a comment or string spanning lines closes nothing; a header may follow the
    ``}`` on its line.)
    """

    def is_header(k: int, end: int) -> bool:
        for keyword in _HEADERS:  # a prefix, as the grammar's keywords are
            after = k + len(keyword)
            if text.startswith(keyword, k) and text[after : after + 1] not in ("_", "-") and "{" in text[after:end]:
                return True
        return False

    i = len(text)
    while i > 0:
        start, end = _line_bounds(text, i - 1)
        first = _skip_ws(text, start, end)
        if text.startswith("}", first) and _inside(first, multiline) is None:
            after_brace = _skip_ws(text, first + 1, end)
            return after_brace if is_header(after_brace, end) else -1
        if is_header(first, end):
            return first
        i = start - 1 if start > 0 else 0
        if start == 0:
            break
    return -1


def _glued_keyword_end(text: str, offset: int) -> int:
    """Where the block keyword at ``offset`` ends, if a name follows it without a space; else -1."""
    for keyword in _HEADERS:
        after = offset + len(keyword)
        if text.startswith(keyword, offset) and after < len(text) and (text[after].isalnum()):
            return after
    return -1


def _mask(text: str, start: int, end: int) -> str:
    return text[:start] + "\x00" * (end - start) + text[end:]


def _after_block_comments(text: str, k: int, limit: int) -> int:
    """Skip the ``/* */`` comments (and white space) that start at ``k`` and close before ``limit``."""
    while text.startswith("/*", k):
        close = text.find("*/", k + 2)
        if close == -1 or close + 2 > limit:
            break
        k = _skip_ws(text, close + 2, limit)
    return k


def _compute_mask_start(text: str, offset: int, masked: dict[int, int], lexed: _Lexed) -> tuple[int, int]:
    """Where the catch-all for an error at ``offset`` starts and ends.

    Prisma's catch-all takes the rest of the line from where the failed item
    began: normally the first non-blank character, but after a ``}`` that
    closed a block (keyword-less blocks end at any ``}``, even mid-line), or a
    ``/* */`` comment, on the same line, the rest only. A catch-all is one
    line: when the failed item began on an earlier line (a comment or string
    spanning lines ends on the error line), that earlier line is the one.
    """
    start, end = _line_bounds(text, offset)
    token = _inside(start, lexed.multiline)
    if token is not None and token[1] <= offset:
        t_start, t_end = _line_bounds(text, token[0])
        t_first = _skip_ws(text, t_start, t_end)
        before = _inside(t_start, lexed.multiline)
        if before is not None and before[1] <= token[0]:
            # an earlier token spanning lines (`/* a` ... `*/`) ends on this line: its items start after it
            t_first = _skip_ws(text, before[1], t_end)
        if not (token[2] == "BLOCK_COMMENT" and _after_block_comments(text, t_first, token[0]) == token[0]):
            # the token is part of an item that began on its first line
            cut = t_first if masked.get(t_start, t_end) > t_first else -1
            return cut, t_end
        # a stand-alone comment: the failed item follows it on this line
        first = cut = _skip_ws(text, token[1], end)
    else:
        first = _skip_ws(text, start, end)
        cut = first
    for e in lexed.verbatim_ends:  # after a keyword-less block or a type alias on this line
        if start < e <= offset:
            cut = max(cut, _skip_ws(text, e, end))
    # after a block-closing `}` or a block comment earlier on this line
    if text[first : first + 1] == "}" or text.startswith("/*", first):
        k = first
        while k < offset:
            # max: a keyword-less block closed later on the line (verbatim_ends) stays whole
            if text[k] == "}":
                cut = max(cut, _skip_ws(text, k + 1, end))
                break
            if text.startswith("/*", k):
                close = text.find("*/", k + 2)
                if close == -1 or close + 2 > offset:
                    break
                k = _skip_ws(text, close + 2, end)  # a `}` may follow: it closes the block
                cut = max(cut, k)
                continue
            break
    if start in masked and masked[start] <= cut:
        cut = first if masked[start] > first else -1
    return cut, end


def _lark_parse(eng: _Engine, work: str) -> Any:
    """Parse with Lark's own loop (the error path, after the fast loop gave up): Lark's
    exception says where the error is; it is raised as :class:`_Reject` for that offset."""
    from lark.exceptions import UnexpectedInput, VisitError

    try:
        return eng.lark.parse(work)
    except VisitError as e:  # Lark calls inline callbacks without wrapping their errors, but just in case
        if not isinstance(e.orig_exc, _Reject):
            raise
        raise e.orig_exc from None
    except UnexpectedInput as e:
        offset = _error_offset(e)
        _end_line_here(e)  # before the caller resets the builder: the probe may record an alias's end
        raise _Reject(offset) from None


def _parse_masked(text: str, path: str) -> tuple[list[Any], list[Comment], str]:
    eng = _engine()
    lines = LineIndex(text)  # shared by every span of this file
    masked: dict[int, int] = {}  # line start -> mask start
    work = text
    trail = _Trail()
    reasons: dict[int, str] = {}
    reason: str | None = None
    while True:
        with eng.lock:
            eng.builder.text = text
            eng.builder.lines = lines
            eng.builder.reasons = reasons
            eng.builder.lexed = _Lexed() if trail.resume is None or trail.lexed is None else trail.lexed
            try:
                try:
                    if eng.fast is None:
                        raise _Fallback
                    result: Any = eng.fast.parse(work, trail)  # what start() returns, not a Tree
                except _Fallback:  # the tables are stale, or the fast loop met what it does not expect
                    trail.resume = None
                    eng.builder.lexed = _Lexed()
                    result = _lark_parse(eng, work)  # raises _Reject for the syntax error
                blocks, footer = result
                return blocks, footer, work
            except _Reject as e:
                offset, reason = e.offset, e.message
            finally:
                eng.builder.text = ""
                eng.builder.reasons = {}
                lexed, eng.builder.lexed = eng.builder.lexed, _Lexed()
        if offset < 0:
            offset = _open_header(work, lexed.multiline)
            if offset >= 0:
                # No such block after all: the lines masked as invalid in its body
                # are parsed again, as top-level lines.
                header_start, header_end = _line_bounds(work, offset)
                trail.rewind(header_start, lexed)
                work = work[:header_end] + text[header_end:]
                masked = {k: v for k, v in masked.items() if k < header_end}
                glued = _glued_keyword_end(work, offset)
                if glued >= 0:
                    # `modela{`: Prisma falls back to a keyword-less block named
                    # `modela`. A `_` after the keyword (in the parser's copy only:
                    # names are read from the source) makes the lexer see one name.
                    work = work[:glued] + "_" + work[glued + 1 :]
                    continue
            else:  # nothing left to blame: mask the last non-blank line
                stripped = work.rstrip(WHITESPACE + "\r\n")
                offset = max(len(stripped) - 1, 0)
        cut, end = _compute_mask_start(work, offset, masked, lexed)
        if cut < 0 or cut >= end:
            # An error at a line already masked whole, or an empty line: the
            # grammar and the driver disagree, which is a bug, not bad input.
            raise AssertionError(f"{path}: cannot recover from a parse error at offset {offset}")
        line_start = _line_bounds(work, cut)[0]
        trail.rewind(line_start, lexed)
        masked[line_start] = cut
        if reason is not None:
            reasons[cut] = reason
        work = _mask(work, cut, end)


def _promote_new_objects() -> None:
    """Move the objects allocated while the GC was paused straight to its oldest generation.

    They are all young, so without this the first collections after the parse
    would scan the whole new AST (hundreds of thousands of objects) twice just
    to promote it, which costs a third of a large parse. ``gc.unfreeze`` puts
    frozen objects back into the oldest generation, so a freeze/unfreeze pair
    does exactly that promotion, and nothing else: garbage cycles are still
    found by the next full collection. Skipped when the application froze
    objects itself (unfreezing would undo that).
    """
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


def parse_file_text(text: str, path: str = "<string>", *, strict: bool = True) -> SchemaFile:
    """Parse the text of one file.

    With ``strict`` (the default) a line Prisma would keep as a catch-all
    raises :class:`ParseError` listing every such line; otherwise those lines
    are kept as :class:`~prisma_tools.nodes.CatchAll` nodes, as ``prisma
    format`` keeps them.

    Either way, git conflict markers raise
    :class:`~prisma_tools.diagnostics.ConflictMarkerError`: they are an
    unresolved merge, not lines to keep (``prisma-tools fix`` resolves them).
    """
    if "<<<<<<<" in text or "|||||||" in text or ">>>>>>>" in text:
        from .conflict_markers import marker_diagnostics

        markers = marker_diagnostics(text, path)
        if markers:
            raise ConflictMarkerError(markers)
    # Parsing allocates many small objects and frees almost none, which makes
    # Python's cyclic GC rescan a growing heap again and again (3x the parse
    # time on large schemas). Nodes hold no cycles, so pause it meanwhile.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        raw_blocks, footer, _work = _parse_masked(text, path)
        blocks: list[Any] = []
        for item in raw_blocks:
            if isinstance(item, dict):
                blocks.append(_new[TopCatchAll](item))
                continue
            kind, kw = item
            blocks.append(_new[_BLOCK_CLASSES[kind]](kw))
        result = _new[SchemaFile]({"path": path, "blocks": tuple(blocks), "footer_comments": tuple(footer)})
    finally:
        if gc_was_enabled:
            _promote_new_objects()
            gc.enable()
    if strict:
        errors = syntax_errors(result, text)
        if errors:
            raise ParseError(errors)
    return result


def syntax_errors(schema_file: SchemaFile, text: str | None = None) -> list[Diagnostic]:
    """One error :class:`Diagnostic` per line of ``schema_file`` that Prisma keeps verbatim.

    That is every catch-all line, type alias and keyword-less block: the
    grammar keeps them so that the formatter can print them, and validation
    rejects them.
    """
    out: list[Diagnostic] = []
    for b in schema_file.blocks:
        items: list[tuple[str, str, Span | None]] = []
        if isinstance(b, CatchAll):
            items.append((b.message, b.text, b.span))
        elif isinstance(b, TypeAlias):
            items.append((ALIAS_MESSAGE, b.text, b.span))
        elif isinstance(b, ArbitraryBlock):
            items.append((ARBITRARY_MESSAGE, b.text.splitlines()[0], b.span))
        else:
            for m in getattr(b, "members", ()):
                if isinstance(m, CatchAll):
                    items.append((m.message, m.text, m.span))
                elif isinstance(m, Setting) and m.value is None:
                    # `key =`: prisma format prints `key`, a line it then does not parse
                    items.append((LINE_MESSAGES[b.kind], m.key + " =", m.span))
        for message, text_, span in items:
            line_text = source_line(text, span) if text is not None else None
            out.append(
                Diagnostic(
                    severity="error",
                    code=SYNTAX_CODES.get(message, "E002"),
                    message=f"{message} (`{_short(text_)}`)",
                    path=schema_file.path,
                    span=span,
                    line_text=line_text,
                )
            )
    return out


# Prisma's validation messages for the two constructs its grammar accepts only to reject them.
ALIAS_MESSAGE = "Invalid type definition. Please check the documentation in https://pris.ly/d/composite-types"
ARBITRARY_MESSAGE = (
    "This block is invalid. It does not start with any known Prisma schema keyword. "
    "Valid keywords include 'model', 'enum', 'type', 'datasource' and 'generator'."
)


# The one table of these codes: `check` registers its syntax rules from it
# (prisma_tools/validation/syntax.py), so that format, fix and check name one error alike.
SYNTAX_CODES = {
    LINE_MESSAGES["top"]: "E001",
    LINE_MESSAGES["model"]: "E002",
    LINE_MESSAGES["enum"]: "E003",
    LINE_MESSAGES["datasource"]: "E004",
    LINE_MESSAGES["generator"]: "E005",
    ARBITRARY_MESSAGE: "E006",
    ALIAS_MESSAGE: "E007",
    TOO_DEEP: "E013",
}


def _short(s: str, n: int = 60) -> str:
    s = s.rstrip("\r")
    return s if len(s) <= n else s[: n - 3] + "..."


def parse(text: str, path: str = "<string>", *, strict: bool = True) -> Schema:
    """Parse one file's text into a :class:`~prisma_tools.nodes.Schema`.

    >>> schema = parse('model User {\\n  id Int @id\\n}\\n')
    >>> schema.models[0].fields[0].name
    'id'
    """
    return _new[Schema]({"files": (parse_file_text(text, path, strict=strict),)})
