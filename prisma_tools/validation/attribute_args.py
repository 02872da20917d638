"""The generic half of Prisma's attribute validation: which attributes and arguments are known.

Prisma visits the attributes of each field, model, enum, enum value and
composite type through one state machine (parser-database's attribute
context): a validator asks for the attributes it knows (``single``,
``repeated``, ``native``) and, within one, for the arguments it knows
(``default``, ``optional``); what nobody asked for is reported at the end
(``Attribute not known``, ``No such argument.``). This module is that
machine; :mod:`.attributes` drives it with the table of what each attribute
accepts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nodes import ArrayValue, BlockAttribute, ConstantValue, FunctionCall, ObjectValue, StringValue
from . import values
from .rules import rule

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from ..nodes import Argument, FieldAttribute, Value
    from ..resolve import SourceFile
    from .context import Context

__all__ = ["AttributeSet", "Visit", "attribute_span", "is_usable", "value_span"]

UNKNOWN_ATTRIBUTE = rule("E301", "unknown-attribute", 'Attribute not known: "@{name}".')
DUPLICATE_ATTRIBUTE = rule("E302", "duplicate-attribute", 'Attribute "@{name}" can only be defined once.')
UNUSED_ARGUMENT = rule("E303", "unknown-argument", "No such argument.")
MISSING_ARGUMENT = rule("E304", "missing-argument", 'Argument "{name}" is missing.')
DUPLICATE_ARGUMENT = rule("E305", "duplicate-argument", 'Argument "{name}" is already specified.')
DUPLICATE_DEFAULT_ARGUMENT = rule(
    "E306", "duplicate-unnamed-argument", 'Argument "{name}" is already specified as unnamed argument.'
)
TYPE_MISMATCH = rule("E307", "argument-type", "Expected a {expected} value, but received {kind} value `{raw}`.")
ATTRIBUTE_ERROR = rule("E308", "invalid-attribute", 'Error parsing attribute "{attribute}": {detail}')
"""Every ``Error parsing attribute`` message (the rest of the message says what)."""

_TRAILING_COMMA = "Trailing commas are not valid in attribute arguments, please remove the comma."


def attribute_span(file: SourceFile, attr: FieldAttribute) -> tuple[int, int]:
    """Prisma's range of an attribute; a block attribute, or one without arguments, takes the blanks after it."""
    span = attr.span
    if span is None:
        return (0, 0)
    start, end = span.start_offset, span.end_offset
    if attr.arguments is None or isinstance(attr, BlockAttribute):
        text = file.text
        while end < len(text) and text[end] in " \t":
            end += 1
    return start, end


def _offsets(node: Argument | Value) -> tuple[int, int]:
    span = node.span
    return (0, 0) if span is None else (span.start_offset, span.end_offset)


def value_span(file: SourceFile, value: Value) -> tuple[int, int]:
    """A value's range; an object's starts at its ``{`` (the AST's starts at its first member)."""
    start, end = _offsets(value)
    if isinstance(value, ObjectValue):
        brace = file.text.rfind("{", 0, start)
        start = brace if brace >= 0 else start
    return start, end


def _trailing_comma(file: SourceFile, close: int) -> tuple[int, int]:
    """The comma before the closing parenthesis that ends at ``close``."""
    i = file.text.rfind(",", 0, max(close - 1, 0))
    return (i, i + 1) if i >= 0 else (close, close)


def is_usable(ctx: Context, attr: FieldAttribute) -> bool:
    """Whether the attribute pass validated ``attr`` (a module running after it can then check its meaning)."""
    return id(attr) in ctx.usable_attributes


class Visit:
    """The arguments of the attribute under validation (each can be taken once; the rest are unknown)."""

    def __init__(self, ctx: Context, file: SourceFile, attr: FieldAttribute) -> None:
        self.ctx = ctx
        self.file = file
        self.attr = attr
        self.span = attribute_span(file, attr)
        self.args: dict[str | None, Argument] = {}

    @property
    def display_name(self) -> str:
        return "@" + self.attr.name

    def error(self, message: str, where: tuple[int, int] | None = None) -> None:
        """``Error parsing attribute "@x": message`` (on the attribute, unless ``where`` says otherwise)."""
        self.ctx.report(ATTRIBUTE_ERROR, self.file, where or self.span, attribute=self.display_name, detail=message)

    def start(self) -> bool:
        """Check the argument lists; False when the attribute is too broken to validate further."""
        ok = True
        attr = self.attr
        lists: list[tuple[Sequence[Argument], bool, tuple[int, int]]] = [
            (attr.arguments or (), attr.trailing_comma, self.span)
        ]
        for a in attr.arguments or ():
            if isinstance(a.value, FunctionCall):
                lists.append((a.value.arguments, a.value.trailing_comma, _offsets(a.value)))
        for args, trailing, (_, close) in lists:
            for a in args:
                if a.value is None:
                    self._missing_value(a, self.display_name)
                    ok = False
                elif isinstance(a.value, ArrayValue):
                    for item in a.value.items:
                        if isinstance(item, FunctionCall):
                            for inner in item.arguments:
                                if inner.value is None:
                                    self._missing_value(inner, "@" + self.display_name)
            if trailing:
                self.error(_TRAILING_COMMA, _trailing_comma(self.file, close))
        if not ok:
            return False
        unnamed: list[str] = []
        for a in attr.arguments or ():
            existing = self.args.get(a.name)
            self.args[a.name] = a
            if existing is None:
                continue
            if a.name is None:
                if not unnamed and existing.value is not None:
                    unnamed.append(values.display(existing.value))
                if a.value is not None:
                    unnamed.append(values.display(a.value))
            else:
                self.ctx.report(DUPLICATE_ARGUMENT, self.file, _offsets(a), name=a.name)
        if unnamed:
            self.error(
                "You provided multiple unnamed arguments. This is not possible. "
                f"Did you forget the brackets? Did you mean `[{', '.join(unnamed)}]`?"
            )
        return True

    def _missing_value(self, a: Argument, attribute: str) -> None:
        start, _ = _offsets(a)
        name = a.name or ""
        self.ctx.report(
            ATTRIBUTE_ERROR,
            self.file,
            (start, start + len(name)),
            attribute=attribute,
            detail=f"The `{name}` argument is missing a value.",
        )

    # ------------------------------------------------------------ arguments

    def default(self, name: str, *, report: bool = True) -> Value | None:
        """The argument ``name``, or else the unnamed one; reports when it is missing or given twice."""
        named = self.args.pop(name, None)
        unnamed = self.args.pop(None, None)
        if named is not None and unnamed is not None:
            if report:
                self.ctx.report(DUPLICATE_DEFAULT_ARGUMENT, self.file, _offsets(named), name=name)
            return None
        found = named or unnamed
        if found is None:
            if report:
                self.ctx.report(MISSING_ARGUMENT, self.file, self.span, name=name)
            return None
        return found.value

    def optional(self, name: str) -> Value | None:
        a = self.args.pop(name, None)
        return None if a is None else a.value

    def done(self) -> None:
        """Every argument nobody asked for is unknown."""
        for a in self.args.values():
            where = value_span(self.file, a.value) if a.name is None and a.value is not None else _offsets(a)
            self.ctx.report(UNUSED_ARGUMENT, self.file, where)
        self.args.clear()

    def discard(self) -> None:
        self.args.clear()

    # ------------------------------------------------------------ coercions

    def mismatch(self, expected: str, value: Value) -> None:
        self.ctx.report(
            TYPE_MISMATCH,
            self.file,
            value_span(self.file, value),
            expected=expected,
            kind=values.describe(value),
            raw=values.display(value),
        )

    def string(self, value: Value | None) -> str | None:
        if value is None:
            return None
        if isinstance(value, StringValue):
            return value.value
        self.mismatch("string", value)
        return None

    def constant(self, value: Value | None) -> str | None:
        if value is None:
            return None
        if isinstance(value, ConstantValue):
            return value.name
        self.mismatch("constant", value)
        return None

    def boolean(self, value: Value | None) -> bool | None:
        if value is None:
            return None
        if values.is_boolean(value):
            return getattr(value, "name", "") == "true"
        self.mismatch("boolean", value)
        return None

    def integer(self, value: Value | None) -> int | None:
        if value is None:
            return None
        n = values.integer(value)
        if n is None:
            self.mismatch("numeric", value)
        return n

    def name_string(self, value: Value | None, argument: str) -> str | None:
        """A ``map:``/``name:`` string argument; the empty string is refused."""
        s = self.string(value)
        if s == "":
            self.error(f"The `{argument}` argument cannot be an empty string.")
            return None
        return s


class AttributeSet:
    """The attributes of one field, model, enum, enum value or composite type, as they are visited."""

    def __init__(self, ctx: Context, file: SourceFile, attrs: Sequence[FieldAttribute]) -> None:
        self.ctx = ctx
        self.file = file
        self.attrs = attrs
        self.unused = set(range(len(attrs)))
        self.by_name: dict[str, list[int]] = {}
        for i, a in enumerate(attrs):
            self.by_name.setdefault(a.name, []).append(i)

    def single(self, name: str) -> Visit | None:
        """The attribute ``name`` if present once and usable; every copy of a repeated one is reported."""
        found = self.by_name.get(name)
        if not found:
            return None
        if len(found) > 1:
            for i in found:
                self.ctx.report(DUPLICATE_ATTRIBUTE, self.file, attribute_span(self.file, self.attrs[i]), name=name)
                self.unused.discard(i)
            return None
        self.unused.discard(found[0])
        return self._start(self.attrs[found[0]])

    def _start(self, attr: FieldAttribute) -> Visit | None:
        visit = Visit(self.ctx, self.file, attr)
        if not visit.start():
            return None
        self.ctx.usable_attributes.add(id(attr))
        return visit

    def repeated(self, name: str) -> Iterator[Visit]:
        """Each usable ``name`` attribute in turn."""
        for i in self.by_name.get(name, ()):
            if i in self.unused:
                self.unused.discard(i)
                visit = self._start(self.attrs[i])
                if visit is not None:
                    yield visit

    def native(self) -> FieldAttribute | None:
        """The ``@ds.Type`` attribute (any dotted name); each later one is a duplicate of ``@ds`` and wins."""
        found: FieldAttribute | None = None
        for i, a in enumerate(self.attrs):
            if "." not in a.name or i not in self.unused:
                continue
            self.unused.discard(i)
            if found is not None:
                ds = a.name.split(".", 1)[0]
                self.ctx.report(DUPLICATE_ATTRIBUTE, self.file, attribute_span(self.file, a), name=ds)
            found = a
        if found is not None:
            self.ctx.usable_attributes.add(id(found))
        return found

    def done(self) -> None:
        """Every attribute nobody asked for is unknown."""
        for i in sorted(self.unused):
            a = self.attrs[i]
            self.ctx.report(UNKNOWN_ATTRIBUTE, self.file, attribute_span(self.file, a), name=a.name)
        self.unused.clear()
