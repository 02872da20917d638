"""The Prisma schema AST: frozen Pydantic models, one class per construct.

Nodes are plain data. Parsing lives in :mod:`prisma_tools.parser`, printing in
:mod:`prisma_tools.printer`, repairs in :mod:`prisma_tools.passes`.

Ownership of trivia follows libcst: every member owns the comments directly
above it (``leading_comments``) and the comment on its own line
(``trailing_comment``); ``blank_line_before`` says whether an empty line
separates it from what precedes it. Comments before a block's closing ``}``
that belong to nothing are the block's ``footer_comments``; those at the end of
a file are the file's. A pass that moves a node therefore moves its comments.

Equality is structural and ignores source positions: ``span`` is metadata, so a
parsed node equals the same node built by hand.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from functools import cache

from .records import Record, construct, field, field_items

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any, Literal

    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema

__all__ = [
    "Argument",
    "ArbitraryBlock",
    "ArrayValue",
    "Block",
    "BlockAttribute",
    "CatchAll",
    "Comment",
    "CompositeType",
    "ConstantValue",
    "Datasource",
    "EnumBlock",
    "EnumValue",
    "FieldAttribute",
    "FieldDecl",
    "FieldType",
    "FunctionCall",
    "Generator",
    "LineIndex",
    "Model",
    "Node",
    "NumberValue",
    "ObjectMember",
    "ObjectValue",
    "Position",
    "Schema",
    "SchemaFile",
    "Setting",
    "Span",
    "StringValue",
    "TypeAlias",
    "Value",
    "View",
    "construct",
    "field_items",
]

# Nodes are records (see prisma_tools.records): slotted, frozen, keyword-only
# classes that Pydantic validates and serializes, with Pydantic imported on
# first use. A parsed schema holds about a hundred nodes per model; a slotted
# instance is a third of the size of a BaseModel one, and the parser builds
# them with ``construct`` (no validation).


class Position(Record):
    """A point in the source: 1-based line and column, 0-based character offset."""

    line: int
    column: int
    offset: int


_object_new = object.__new__
_object_setattr = object.__setattr__


def _position(line: int, column: int, offset: int) -> Position:
    p = _object_new(Position)
    _object_setattr(p, "line", line)
    _object_setattr(p, "column", column)
    _object_setattr(p, "offset", offset)
    return p


class LineIndex:
    """Where the lines of one source text start, found on first use.

    Spans made by the parser store offsets only and share their file's index,
    which turns an offset into line and column when someone asks (as ruff's
    ``LineIndex`` does): a parse counts no lines.
    """

    __slots__ = ("_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None

    def position(self, offset: int) -> Position:
        starts = self._starts
        if starts is None:
            text = self.text
            starts = [0]
            i = text.find("\n")
            while i != -1:
                starts.append(i + 1)
                i = text.find("\n", i + 1)
            self._starts = starts
        line = bisect_right(starts, offset) - 1
        return _position(line + 1, offset - starts[line] + 1, offset)


class Span:
    """The source range a node was parsed from (``end`` is exclusive).

    ``Span(start=Position(...), end=Position(...))`` builds one by hand; the
    parser builds them with :meth:`at` from two offsets and the file's
    :class:`LineIndex`. Either way ``span.start`` and ``span.end`` are
    :class:`Position` objects, and the JSON form is ``{"start": ..., "end": ...}``.
    Spans are immutable.
    """

    __slots__ = ("_where", "end_offset", "start_offset")

    start_offset: int
    end_offset: int
    _where: LineIndex | tuple[Position, Position]

    def __init__(self, start: Position, end: Position) -> None:
        _object_setattr(self, "start_offset", start.offset)
        _object_setattr(self, "end_offset", end.offset)
        _object_setattr(self, "_where", (start, end))

    @classmethod
    def at(cls, lines: LineIndex, start: int, end: int) -> Span:
        """The span from offset ``start`` to offset ``end`` of the text ``lines`` indexes."""
        span = _object_new(cls)
        _object_setattr(span, "start_offset", start)
        _object_setattr(span, "end_offset", end)
        _object_setattr(span, "_where", lines)
        return span

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"Span is immutable (cannot set {name})")

    @property
    def start(self) -> Position:
        where = self._where
        return where[0] if type(where) is tuple else where.position(self.start_offset)  # type: ignore[union-attr]

    @property
    def end(self) -> Position:
        where = self._where
        return where[1] if type(where) is tuple else where.position(self.end_offset)  # type: ignore[union-attr]

    def __reduce__(self) -> tuple[type[Span], tuple[Position, Position]]:
        return Span, (self.start, self.end)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Span):
            return NotImplemented
        return (self.start, self.end) == (other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.start_offset, self.end_offset))

    def __repr__(self) -> str:
        return f"Span(start={self.start!r}, end={self.end!r})"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        from pydantic_core import core_schema as cs

        form = handler.generate_schema(_span_form())
        from_form = cs.no_info_after_validator_function(lambda f: cls(f.start, f.end), form)
        return cs.json_or_python_schema(
            json_schema=from_form,
            python_schema=cs.union_schema([cs.is_instance_schema(cls), from_form]),
            serialization=cs.plain_serializer_function_ser_schema(
                lambda s: _span_form()(start=s.start, end=s.end), return_schema=form
            ),
        )


@cache
def _span_form() -> type[Any]:
    """How a span is validated and serialized: the object ``{"start": ..., "end": ...}``."""
    from pydantic import ConfigDict
    from pydantic.dataclasses import dataclass

    @dataclass(frozen=True, kw_only=True, config=ConfigDict(extra="forbid"))
    class Span:
        """The source range a node was parsed from (end is exclusive)."""

        start: Position
        end: Position

    return Span


class Node(Record):
    """Base of every AST node: frozen, strict about unknown fields, position-blind equality.

    Nodes offer the familiar Pydantic model methods (``model_copy``,
    ``model_dump``, ``model_validate``, ``model_json_schema``, ...).
    """

    span: Span | None = field(default=None, repr=False, compare=False)  # positions are metadata


# --------------------------------------------------------------------- comments


class Comment(Node):
    """A ``//`` line comment, a ``///`` doc comment or a ``/* */`` block comment.

    ``text`` is the comment exactly as written, markers included.
    ``run_prefix`` is the white space Prisma's formatter reads together with a
    block comment that is not the first of a comment run (a quirk it reproduces
    when it rewrites such comments); it is empty otherwise.
    """

    kind: Literal["line", "doc", "block"]
    text: str
    blank_line_before: bool = False
    run_prefix: str = ""

    @classmethod
    def line(cls, body: str, *, blank_line_before: bool = False) -> Comment:
        """``Comment.line(" note")`` is the comment ``// note``."""
        return cls(kind="line", text="//" + body, blank_line_before=blank_line_before)

    @classmethod
    def doc(cls, body: str, *, blank_line_before: bool = False) -> Comment:
        """``Comment.doc(" Docs")`` is the doc comment ``/// Docs``."""
        return cls(kind="doc", text="///" + body, blank_line_before=blank_line_before)


# ---------------------------------------------------------------------- values


class StringValue(Node):
    """A string literal; ``text`` is the source form with quotes and escapes."""

    kind: Literal["string"] = "string"
    text: str

    @property
    def value(self) -> str:
        """The decoded string (JSON escapes)."""
        text = self.text
        if "\\" not in text and len(text) >= 2 and text[0] == text[-1] == '"':
            return text[1:-1]  # nothing to decode (most literals): no JSON parser needed
        import json

        try:
            decoded = json.loads(self.text)
        except ValueError:
            return self.text[1:-1]
        return decoded if isinstance(decoded, str) else self.text[1:-1]

    @classmethod
    def of(cls, value: str) -> StringValue:
        """Build a literal holding ``value``."""
        import json

        return cls(text=json.dumps(value, ensure_ascii=False))


class NumberValue(Node):
    """A number literal, kept as written (``007`` and ``-1.50`` stay as they are)."""

    kind: Literal["number"] = "number"
    text: str


class ConstantValue(Node):
    """A bare identifier or dotted path: ``Cascade``, ``true``, ``null``, ``a.b``."""

    kind: Literal["constant"] = "constant"
    name: str


class Argument(Node):
    """One argument: positional (``name`` is None) or named; a named argument may lack a value."""

    name: str | None = None
    value: Value | None = None


class FunctionCall(Node):
    """``name(args)``, e.g. ``autoincrement()`` or ``dbgenerated("now()")``."""

    kind: Literal["call"] = "call"
    name: str
    arguments: tuple[Argument, ...] = ()
    trailing_comma: bool = False


class ArrayValue(Node):
    """``[a, b]``."""

    kind: Literal["array"] = "array"
    items: tuple[Value, ...] = ()


class ObjectMember(Node):
    """``key: value`` inside an object expression."""

    key: str
    value: Value


class ObjectValue(Node):
    """``{ key: value, ... }`` (partial-index ``where:`` clauses, Prisma 7)."""

    kind: Literal["object"] = "object"
    members: tuple[ObjectMember, ...] = ()


# A value, told apart by its ``kind`` (see __pydantic_names__).
Value = StringValue | NumberValue | ConstantValue | FunctionCall | ArrayValue | ObjectValue


# ------------------------------------------------------------------ attributes


class FieldAttribute(Node):
    """``@name`` or ``@name(args)``; ``arguments`` is None when there are no parentheses."""

    name: str
    arguments: tuple[Argument, ...] | None = None
    trailing_comma: bool = False

    def argument(self, name: str | None) -> Argument | None:
        """The named argument ``name``, or the first positional one when ``name`` is None."""
        for arg in self.arguments or ():
            if arg.name == name:
                return arg
        return None


class BlockAttribute(FieldAttribute):
    """``@@name(args)`` in a model, view, composite type or enum."""

    leading_comments: tuple[Comment, ...] = ()
    trailing_comment: Comment | None = None


# ---------------------------------------------------------------- block members


class FieldType(Node):
    """A field's type. ``name`` is the base type as written (``Unsupported("x")`` verbatim).

    ``legacy`` records the pre-2.0 spellings ``Type!`` (``"bang"``) and ``[Type]``
    (``"brackets"``) that the grammar accepts, validation rejects and the printer
    rewrites to ``Type`` and ``Type[]``.
    """

    name: str
    optional: bool = False
    list: bool = False
    legacy: Literal["bang", "brackets"] | None = None

    @property
    def is_unsupported(self) -> bool:
        return self.name.startswith("Unsupported(")


class _Member(Node):
    leading_comments: tuple[Comment, ...] = ()
    trailing_comment: Comment | None = None
    blank_line_before: bool = False


class FieldDecl(_Member):
    """A field of a model, view or composite type. ``type`` is None for ``name``-only lines."""

    kind: Literal["field"] = "field"
    name: str
    type: FieldType | None = None
    attributes: tuple[FieldAttribute, ...] = ()
    legacy_colon: bool = False

    def attribute(self, name: str) -> FieldAttribute | None:
        """The first attribute called ``name`` (without ``@``)."""
        for attr in self.attributes:
            if attr.name == name:
                return attr
        return None


class EnumValue(_Member):
    """A value of an enum, with its attributes (only ``@map`` is valid)."""

    kind: Literal["enum_value"] = "enum_value"
    name: str
    attributes: tuple[FieldAttribute, ...] = ()


class Setting(_Member):
    """``key = value`` in a datasource or generator; ``value`` is None for ``key =``."""

    kind: Literal["setting"] = "setting"
    key: str
    value: Value | None = None


class CatchAll(_Member):
    """A line Prisma keeps verbatim because it does not parse (a syntax error).

    ``text`` runs from the first non-blank character to the end of the line,
    ``line_ending`` is the line break that ended it (empty at the end of input).
    ``message`` says why the line was not understood.
    """

    kind: Literal["catch_all"] = "catch_all"
    text: str
    line_ending: str = "\n"
    message: str = ""


# ----------------------------------------------------------------------- blocks


class _TopLevel(Node):
    leading_comments: tuple[Comment, ...] = ()
    blank_line_before: bool = False


class _Block(_TopLevel):
    name: str
    footer_comments: tuple[Comment, ...] = ()
    header_rest: str | None = None
    """Text after ``{`` on the header line, which ``prisma format`` deletes."""


class _FieldBlock(_Block):
    members: tuple[FieldDecl | CatchAll, ...] = ()
    attributes: tuple[BlockAttribute, ...] = ()

    @property
    def fields(self) -> tuple[FieldDecl, ...]:
        return tuple(m for m in self.members if isinstance(m, FieldDecl))

    def field(self, name: str) -> FieldDecl | None:
        for m in self.members:
            if isinstance(m, FieldDecl) and m.name == name:
                return m
        return None


class Model(_FieldBlock):
    """``model Name { ... }``."""

    kind: Literal["model"] = "model"


class View(_FieldBlock):
    """``view Name { ... }``."""

    kind: Literal["view"] = "view"


class CompositeType(_FieldBlock):
    """``type Name { ... }`` (MongoDB composite types)."""

    kind: Literal["type"] = "type"


class EnumBlock(_Block):
    """``enum Name { ... }``."""

    kind: Literal["enum"] = "enum"
    members: tuple[EnumValue | CatchAll, ...] = ()
    attributes: tuple[BlockAttribute, ...] = ()

    @property
    def values(self) -> tuple[EnumValue, ...]:
        return tuple(m for m in self.members if isinstance(m, EnumValue))


class _ConfigBlock(_Block):
    members: tuple[Setting | CatchAll, ...] = ()

    def setting(self, key: str) -> Setting | None:
        for m in self.members:
            if isinstance(m, Setting) and m.key == key:
                return m
        return None


class Datasource(_ConfigBlock):
    """``datasource name { ... }``."""

    kind: Literal["datasource"] = "datasource"


class Generator(_ConfigBlock):
    """``generator name { ... }``."""

    kind: Literal["generator"] = "generator"


class _Verbatim(_TopLevel):
    name: str
    text: str
    next_on_same_line: bool = False
    """The next block starts on the line this text ends on (``prisma format`` leaves it there)."""


class TypeAlias(_Verbatim):
    """``type Name = Base @attr`` on one line; kept verbatim (validation rejects it)."""

    kind: Literal["type_alias"] = "type_alias"


class ArbitraryBlock(_Verbatim):
    """``Name { ... }`` without a keyword; kept verbatim (validation rejects it)."""

    kind: Literal["arbitrary_block"] = "arbitrary_block"


class TopCatchAll(CatchAll):
    """A catch-all line at the top level of a file."""

    kind: Literal["top_catch_all"] = "top_catch_all"  # type: ignore[assignment]


# A top-level item, told apart by its ``kind`` (see __pydantic_names__).
Block = Model | View | CompositeType | EnumBlock | Datasource | Generator | TypeAlias | ArbitraryBlock | TopCatchAll


def __pydantic_names__() -> dict[str, Any]:
    """What ``Value`` and ``Block`` mean to Pydantic: unions discriminated by ``kind``
    (used when a node's validator is built; building them needs Pydantic)."""
    from typing import Annotated

    from pydantic import Field

    return {
        "Value": Annotated[Value, Field(discriminator="kind")],
        "Block": Annotated[Block, Field(discriminator="kind")],
    }


# ---------------------------------------------------------------------- schemas


class SchemaFile(Node):
    """One ``.prisma`` file: its blocks in source order and the comments after the last one."""

    path: str
    blocks: tuple[Block, ...] = ()
    footer_comments: tuple[Comment, ...] = ()


class Schema(Node):
    """A whole schema: one file, or the files of a schema folder read as one."""

    files: tuple[SchemaFile, ...]

    @property
    def blocks(self) -> tuple[Block, ...]:
        """Every block of every file, in file order."""
        return tuple(b for f in self.files for b in f.blocks)

    def iter_blocks(self) -> Iterator[tuple[SchemaFile, Block]]:
        """``(file, block)`` pairs, so callers know where each block came from."""
        for f in self.files:
            for b in f.blocks:
                yield f, b

    @property
    def models(self) -> tuple[Model, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Model))

    @property
    def enums(self) -> tuple[EnumBlock, ...]:
        return tuple(b for b in self.blocks if isinstance(b, EnumBlock))

    def block(self, name: str, kind: str | None = None) -> Block | None:
        """The first block called ``name`` (of ``kind``, when given)."""
        for b in self.blocks:
            if getattr(b, "name", None) == name and (kind is None or b.kind == kind):
                return b
        return None

    def catch_alls(self) -> Iterator[tuple[SchemaFile, CatchAll]]:
        """Every line the parser kept verbatim because it did not parse."""
        for f in self.files:
            for b in f.blocks:
                if isinstance(b, CatchAll):
                    yield f, b
                for m in getattr(b, "members", ()):
                    if isinstance(m, CatchAll):
                        yield f, m
