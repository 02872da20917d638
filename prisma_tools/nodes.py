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

import json
from collections.abc import Iterator
from typing import Annotated, Any, Literal

import pydantic
from pydantic import BaseModel, ConfigDict

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
]


class Position(BaseModel):
    """A point in the source: 1-based line and column, 0-based character offset."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    line: int
    column: int
    offset: int


class Span(BaseModel):
    """The source range a node was parsed from (end is exclusive)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: Position
    end: Position


class Node(BaseModel):
    """Base of every AST node: frozen, strict about unknown fields, position-blind equality."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    span: Span | None = pydantic.Field(default=None, repr=False)

    def _key(self) -> tuple[Any, ...]:
        return tuple(v for k, v in self.__dict__.items() if k != "span")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Node)
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash((type(self), self._key()))


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
        try:
            decoded = json.loads(self.text)
        except ValueError:
            return self.text[1:-1]
        return decoded if isinstance(decoded, str) else self.text[1:-1]

    @classmethod
    def of(cls, value: str) -> StringValue:
        """Build a literal holding ``value``."""
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


Value = Annotated[
    StringValue | NumberValue | ConstantValue | FunctionCall | ArrayValue | ObjectValue,
    pydantic.Field(discriminator="kind"),
]


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


Block = Annotated[
    Model | View | CompositeType | EnumBlock | Datasource | Generator | TypeAlias | ArbitraryBlock | TopCatchAll,
    pydantic.Field(discriminator="kind"),
]


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


for _cls in (Argument, FunctionCall, ArrayValue, ObjectMember, ObjectValue, FieldAttribute):
    _cls.model_rebuild()
