"""New nodes from small snippets of Prisma text: ``field("email String @unique")``.

Each function parses its snippet inside a scaffold (a model, an enum, an
attribute's argument list), checks that the snippet is exactly one node of the
kind asked for, and returns it without source positions (a span would point
into the scaffold, not into any file). A snippet that does not parse raises
:class:`ValueError` with Prisma's message.
"""

from __future__ import annotations

from typing import Any, TypeVar

from ..diagnostics import ParseError
from ..nodes import (
    Argument,
    Block,
    BlockAttribute,
    Comment,
    EnumBlock,
    EnumValue,
    FieldAttribute,
    FieldDecl,
    FieldType,
    Model,
    Node,
    Value,
    field_items,
)
from ..parser import parse

__all__ = [
    "argument",
    "attribute",
    "block",
    "block_attribute",
    "blocks",
    "comment",
    "enum_value",
    "field",
    "field_type",
    "unspanned",
    "value",
]

N = TypeVar("N", bound=Node)


def unspanned(node: N) -> N:
    """``node`` and everything in it without source positions (a hand-built-looking copy)."""
    return _unspan(node)  # type: ignore[no-any-return]


def _unspan(value: Any) -> Any:
    if isinstance(value, tuple):
        return tuple(_unspan(v) for v in value)
    if not isinstance(value, Node):
        return value
    update = {n: _unspan(v) for n, v in field_items(value) if isinstance(v, (Node, tuple))}
    update["span"] = None
    return value.model_copy(update=update)


def _parse(text: str, what: str, snippet: str) -> Any:
    try:
        schema = parse(text, f"<{what}>")
    except ParseError as e:
        raise ValueError(f"not a valid {what}: {snippet!r}: {e.diagnostics[0].message}") from None
    return schema


def blocks(text: str) -> tuple[Block, ...]:
    """Every block of ``text`` (models, enums, datasources, ... with their comments)."""
    schema = _parse(text, "schema", text)
    return tuple(unspanned(b) for b in schema.files[0].blocks)


def block(text: str) -> Block:
    """One block: ``block("enum Role {\\n  USER\\n  ADMIN\\n}")``."""
    found = blocks(text)
    if len(found) != 1:
        raise ValueError(f"expected one block, found {len(found)}: {text!r}")
    return found[0]


def _member_of_model(text: str, what: str) -> Model:
    if "\n" in text.strip("\n") and what != "field":
        raise ValueError(f"a {what} is one line: {text!r}")
    schema = _parse("model Snippet {\n" + text.strip("\n") + "\n}\n", what, text)
    b = schema.files[0].blocks[0]
    assert isinstance(b, Model)
    return b


def field(text: str) -> FieldDecl:
    """A field with its comments: ``field("email String @unique // login")``."""
    model = _member_of_model(text, "field")
    if len(model.members) != 1 or model.attributes or not isinstance(model.members[0], FieldDecl):
        raise ValueError(f"not exactly one field: {text!r}")
    return unspanned(model.members[0])


def field_type(text: str) -> FieldType:
    """A type as written after a field name: ``field_type("String?")``."""
    f = field("x " + text)
    if f.type is None or f.attributes:
        raise ValueError(f"not a field type: {text!r}")
    return f.type


def attribute(text: str) -> FieldAttribute:
    """A field attribute: ``attribute('@default("x")')``."""
    f = field("x Int " + text)
    if len(f.attributes) != 1 or not text.lstrip().startswith("@") or text.lstrip().startswith("@@"):
        raise ValueError(f"not exactly one field attribute: {text!r}")
    return f.attributes[0]


def block_attribute(text: str) -> BlockAttribute:
    """A block attribute: ``block_attribute("@@index([email])")``."""
    model = _member_of_model(text, "block attribute")
    if len(model.attributes) != 1 or model.members:
        raise ValueError(f"not exactly one block attribute: {text!r}")
    return unspanned(model.attributes[0])


def enum_value(text: str) -> EnumValue:
    """An enum value: ``enum_value('ADMIN @map("admin")')``."""
    schema = _parse("enum Snippet {\n" + text.strip("\n") + "\n}\n", "enum value", text)
    b = schema.files[0].blocks[0]
    assert isinstance(b, EnumBlock)
    if len(b.members) != 1 or b.attributes or not isinstance(b.members[0], EnumValue):
        raise ValueError(f"not exactly one enum value: {text!r}")
    return unspanned(b.members[0])


def argument(text: str) -> Argument:
    """An attribute argument: ``argument("onDelete: Cascade")`` or ``argument('"name"')``."""
    a = attribute(f"@x({text})")
    if a.arguments is None or len(a.arguments) != 1:
        raise ValueError(f"not exactly one argument: {text!r}")
    return a.arguments[0]


def value(text: str) -> Value:
    """An expression: ``value("now()")``, ``value('"text"')``, ``value("[a, b]")``."""
    a = argument(text)
    if a.name is not None or a.value is None:
        raise ValueError(f"not a value: {text!r}")
    return a.value


def comment(text: str) -> Comment:
    """A comment line as written: ``comment("// note")``, ``comment("/// doc")``."""
    if text.startswith("///"):
        return Comment(kind="doc", text=text)
    if text.startswith("//"):
        return Comment(kind="line", text=text)
    if text.startswith("/*") and text.endswith("*/"):
        return Comment(kind="block", text=text)
    raise ValueError(f"not a comment: {text!r}")
