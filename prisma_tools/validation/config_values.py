"""Reading the values of datasource and generator settings as Prisma does: strings, ``env()`` and arrays.

Prisma describes a value it did not expect by its kind and by a rendering of
it (``array value `["a","b"]```, items joined by a bare comma); the helpers
here reproduce both, and report through :data:`TYPE_MISMATCH` and the
``env()`` rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..nodes import ArrayValue, ConstantValue, FunctionCall, NumberValue, ObjectValue, StringValue
from .rules import rule

if TYPE_CHECKING:
    from ..nodes import Argument, Value
    from ..resolve import SourceFile
    from .context import Context

__all__ = [
    "EnvOrString",
    "TYPE_MISMATCH",
    "describe",
    "render",
    "string_or_env",
    "string_literal",
    "string_value",
    "items_of",
    "mismatch",
]

TYPE_MISMATCH = rule("E711", "unexpected-value-type", "Expected a {expected} value, but received {kind} value `{raw}`.")
ENV_ARGUMENT_COUNT = rule(
    "E712", "env-argument-count", "Exactly one string parameter must be passed to the env function."
)
ENV_EMPTY_NAMED_ARGUMENT = rule(
    "E713", "env-empty-named-argument", "The env function expects a singular, unnamed, string argument."
)
ENV_NAMED_ARGUMENT = rule(
    "W714", "env-named-argument", "The env function doesn't expect named arguments", severity="warning"
)

_KINDS = {
    NumberValue: "numeric",
    StringValue: "string",
    ConstantValue: "literal",
    FunctionCall: "functional",
    ArrayValue: "array",
    ObjectValue: "object",
}


def describe(value: Value) -> str:
    """Prisma's word for the kind of ``value`` (``numeric``, ``literal``, ``functional``, ...)."""
    return _KINDS.get(type(value), "unknown")


def render(value: Value | None) -> str:
    """``value`` written back as Prisma prints it in messages (no spaces between items)."""
    if value is None:
        return ""
    if isinstance(value, StringValue):
        return string_literal(value.value)
    if isinstance(value, NumberValue):
        return value.text
    if isinstance(value, ConstantValue):
        return value.name
    if isinstance(value, FunctionCall):
        return f"{value.name}({','.join(_render_argument(a) for a in value.arguments)})"
    if isinstance(value, ArrayValue):
        return f"[{','.join(render(v) for v in value.items)}]"
    return "{" + ",".join(f"{m.key}: {render(m.value)}" for m in value.members) + "}"


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def string_literal(text: str) -> str:
    """``text`` quoted as Prisma writes a string back: quotes, backslashes and control characters escaped."""
    out = []
    for c in text:
        escaped = _ESCAPES.get(c)
        if escaped is None and (ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F):
            escaped = f"\\u{ord(c):04x}"
        out.append(c if escaped is None else escaped)
    return '"' + "".join(out) + '"'


def _render_argument(a: Argument) -> str:
    return render(a.value) if a.name is None else f"{a.name}: {render(a.value)}"


def mismatch(ctx: Context, file: SourceFile, value: Value, expected: str) -> None:
    """Report that ``value`` is not of the ``expected`` kind (``String``, ``string``, ``constant or function``)."""
    ctx.report(TYPE_MISMATCH, file, value, expected=expected, kind=describe(value), raw=render(value))


def string_value(ctx: Context, file: SourceFile, value: Value) -> str | None:
    """A plain string literal (Prisma's ``coerce::string``); anything else is reported."""
    if isinstance(value, StringValue):
        return value.value
    mismatch(ctx, file, value, "string")
    return None


def items_of(value: Value) -> tuple[Value, ...]:
    """The items of an array; a single value counts as an array of one (as Prisma reads lists)."""
    return value.items if isinstance(value, ArrayValue) else (value,)


@dataclass(frozen=True)
class EnvOrString:
    """A string setting: a literal, or the name of the environment variable it is read from."""

    literal: str | None = None
    env_var: str | None = None


def string_or_env(ctx: Context, file: SourceFile, value: Value) -> EnvOrString | None:
    """A string literal or an ``env("VAR")`` call; anything else is reported (None then)."""
    if isinstance(value, StringValue):
        return EnvOrString(literal=value.value)
    if isinstance(value, FunctionCall) and value.name == "env":
        return _env(ctx, file, value)
    mismatch(ctx, file, value, "String")
    return None


def _env(ctx: Context, file: SourceFile, call: FunctionCall) -> EnvOrString | None:
    # a named argument is tolerated with a warning; one without a value is an error
    valued = [a for a in call.arguments if a.value is not None]
    empty = [a for a in call.arguments if a.value is None]
    for a in valued:
        if a.name is not None:
            ctx.report(ENV_NAMED_ARGUMENT, file, a)
    if not valued and empty:
        ctx.report(ENV_EMPTY_NAMED_ARGUMENT, file, call)
        return None
    if len(call.arguments) != 1 or call.trailing_comma:
        ctx.report(ENV_ARGUMENT_COUNT, file, call)
        return None
    arg = valued[0].value
    assert arg is not None
    name = string_value(ctx, file, arg)
    return None if name is None else EnvOrString(env_var=name)
