"""Diagnostics: what went wrong (or was changed) and where, rendered the way compilers do."""

from __future__ import annotations

from .nodes import Span
from .records import Record

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Literal, TypeAlias

    Severity: TypeAlias = Literal["error", "warning", "info"]

    from .edits import Fix


def __pydantic_names__() -> dict[str, object]:
    """``Severity`` at run time, for the validator (see :mod:`prisma_tools.records`)."""
    from typing import Literal

    from .edits import Fix

    return {"Severity": Literal["error", "warning", "info"], "Fix": Fix}


def __getattr__(name: str) -> object:
    # `from prisma_tools.diagnostics import Severity` works at run time too, without
    # the format path paying for importing typing
    if name == "Severity":
        return __pydantic_names__()["Severity"]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Diagnostic(Record):
    """One message about a place in a file.

    ``render()`` gives ``path:line:col: severity[CODE]: message``; with ``source``
    it adds the offending line and a caret under the column.
    """

    severity: Severity
    message: str
    path: str = "<string>"
    span: Span | None = None
    code: str | None = None
    line_text: str | None = None
    """The source line the span starts on (without its line break), for excerpts."""
    fix: Fix | None = None
    """The repair the rule proposes, if it has one (see :mod:`prisma_tools.edits`)."""

    def location(self) -> str:
        if self.span is None:
            return self.path
        start = self.span.start
        return f"{self.path}:{start.line}:{start.column}"

    def render(self, *, excerpt: bool = True) -> str:
        tag = self.severity if self.code is None else f"{self.severity}[{self.code}]"
        head = f"{self.location()}: {tag}: {self.message.translate(_VISIBLE)}"
        if not excerpt or self.line_text is None or self.span is None:
            return head
        line, column = _excerpt(self.line_text.expandtabs(1), self.span.start.column - 1)
        caret = " " * column + "^"
        return f"{head}\n    {line.translate(_VISIBLE)}\n    {caret}"


# Control characters shown as their Unicode pictures (NUL as U+2400), one column each, so
# that a terminal neither acts on them nor loses the caret's column.
_VISIBLE = {c: 0x2400 + c for c in range(32) if c not in (9, 10)} | {0x7F: 0x2421}
_EXCERPT = 120  # characters of a long line shown around the column, as ruff cuts them


def _excerpt(line: str, column: int) -> tuple[str, int]:
    """At most about :data:`_EXCERPT` characters of ``line`` around ``column`` (0-based), and the column in them."""
    if len(line) <= _EXCERPT:
        return line, column
    start = max(0, min(column - _EXCERPT // 3, len(line) - _EXCERPT))
    end = start + _EXCERPT
    cut = ("..." if start else "") + line[start:end] + ("..." if end < len(line) else "")
    return cut, column - start + (3 if start else 0)


class ParseError(ValueError):
    """Raised when text does not parse; carries every error found as :class:`Diagnostic`."""

    def __init__(self, diagnostics: list[Diagnostic] | tuple[Diagnostic, ...]) -> None:
        self.diagnostics = tuple(diagnostics)
        first = self.diagnostics[0].render(excerpt=False) if self.diagnostics else "parse error"
        more = len(self.diagnostics) - 1
        super().__init__(first + (f" (and {more} more)" if more > 0 else ""))


def source_line(text: str, span: Span | None) -> str | None:
    """The line of ``text`` that ``span`` starts on, without its line break (for excerpts).

    Found from the span's offset, so callers need not split the whole text.
    """
    if span is None or not 0 <= span.start.offset <= len(text):
        return None
    offset = span.start.offset
    start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    ends = [i for i in (text.find("\n", offset), text.find("\r", offset)) if i != -1]
    return text[start : min(ends) if ends else len(text)]


class ConflictMarkerError(ParseError):
    """Raised for text holding git conflict markers (an unresolved merge): one diagnostic per
    conflict region or stray marker line; ``prisma-tools fix`` resolves them."""


class InvalidSchemaError(ParseError):
    """Raised where a schema parses but Prisma's validator rejects it (``migrate`` refuses such schemas)."""
