"""What a validation sees: the resolved schema, the engine version, and where to report.

Positions: the AST records character offsets into each file's text; Prisma
reports byte offsets into the UTF-8 encoding. A :class:`Finding` keeps the
character offsets; :meth:`Finding.byte_range` gives Prisma's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from ..nodes import LineIndex, Node, Span

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic
    from ..edits import Fix
    from ..resolve import ResolvedSchema, SourceFile
    from .rules import Rule

__all__ = ["Context", "Finding"]

# A string literal (a `{` inside one, as in `@default("{}")`, is no object value).
_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*+"')


@dataclass(eq=False)
class Finding:
    """One diagnostic: a rule, a message and a range of a file (character offsets, end exclusive)."""

    rule: Rule
    message: str
    file: SourceFile
    start: int
    end: int
    node: Node | None = None
    """The node reported on, when the report named one (fixes start from it)."""
    fix: Fix | None = None
    """The repair proposed (set by the reporting check, or later by :mod:`prisma_tools.registry`)."""

    @property
    def severity(self) -> Literal["error", "warning"]:
        return self.rule.severity

    @property
    def code(self) -> str:
        return self.rule.code

    @property
    def path(self) -> str:
        return self.file.path

    def byte_range(self) -> tuple[int, int]:
        """``(start, end)`` as Prisma's tooling reports them: UTF-16 code units (JavaScript string indices).

        Probed with ``prisma-oracle``: after ``é`` (2 UTF-8 bytes), ``—`` (3) and an emoji (4 bytes,
        2 UTF-16 units) its offsets advance by 1, 1 and 2, not by the UTF-8 length.
        """
        text = self.file.text
        if text.isascii():
            return self.start, self.end
        start = len(text[: self.start].encode("utf-16-le", "surrogatepass")) // 2
        return start, start + len(text[self.start : self.end].encode("utf-16-le", "surrogatepass")) // 2

    def span(self, lines: LineIndex | None = None) -> Span:
        return Span.at(lines or LineIndex(self.file.text), self.start, self.end)

    def to_diagnostic(self, lines: LineIndex | None = None) -> Diagnostic:
        from ..diagnostics import Diagnostic, source_line

        span = self.span(lines)
        return Diagnostic(
            severity=self.severity,
            message=self.message,
            path=self.path,
            span=span,
            code=self.code,
            line_text=source_line(self.file.text, span),
            fix=self.fix,
        )


@dataclass(eq=False)
class Context:
    """The state of one validation run."""

    db: ResolvedSchema
    prisma_version: int = 6
    findings: list[Finding] = field(default_factory=list)
    phase_starts: dict[str, int] = field(default_factory=dict)
    """How many findings there were when each phase began (set by the pipeline)."""
    usable_attributes: set[int] = field(default_factory=set)
    """``id()`` of each attribute node the attribute pass (:mod:`.attributes`, database ORDER 40) validated:
    present once where it is known, with well-formed arguments. Prisma checks the meaning of no other;
    see :func:`~prisma_tools.validation.attribute_args.is_usable`."""

    _objects_possible: bool | None = field(default=None, init=False, repr=False)

    @property
    def objects_possible(self) -> bool:
        """Whether some attribute may hold an object value (``{ ... }``).

        Every braced block opens one ``{``; a file with no other one has no object value, so the
        per-attribute search (Prisma 6 rejects such lines) can be skipped, which is most schemas.
        """
        if self._objects_possible is None:
            from ..nodes import ArbitraryBlock, CompositeType, Datasource, EnumBlock, Generator, Model, View

            braced = (ArbitraryBlock, CompositeType, Datasource, EnumBlock, Generator, Model, View)
            self._objects_possible = any(
                not f.text or _STRING.sub("", f.text).count("{") > sum(isinstance(b, braced) for b in f.ast.blocks)
                for f in self.db.files
            )
        return self._objects_possible

    def report(
        self,
        rule: Rule,
        file: SourceFile,
        where: Node | tuple[int, int] | None,
        message: str | None = None,
        **values: object,
    ) -> Finding:
        """Report ``rule`` at ``where`` (a node's span, or character offsets ``(start, end)``).

        The message is ``message`` when given, else the rule's template filled with ``values``.
        A check that knows the repair sets ``.fix`` on the finding returned.
        """
        if isinstance(where, tuple):
            start, end = where
        elif where is not None and where.span is not None:
            start, end = where.span.start_offset, where.span.end_offset
        else:
            start = end = 0
        text = message if message is not None else rule.template.format(**values)
        node = None if where is None or isinstance(where, tuple) else where
        finding = Finding(rule, text, file, start, end, node)
        self.findings.append(finding)
        return finding

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    # --------------------------------------------------------------- spans

    @staticmethod
    def offsets(node: Node) -> tuple[int, int]:
        span = node.span
        return (0, 0) if span is None else (span.start_offset, span.end_offset)

    @staticmethod
    def word_at(file: SourceFile, start: int, word: str, limit: int | None = None) -> tuple[int, int]:
        """The range of the first ``word`` at or after ``start`` (before ``limit``); ``(start, start)`` if absent."""
        i = file.text.find(word, start, limit)
        return (start, start) if i < 0 else (i, i + len(word))

    def name_span(self, file: SourceFile, node: Node, name: str) -> tuple[int, int]:
        """The range of a block's name in its header (``model User {`` -> ``User``)."""
        start, end = self.offsets(node)
        text = file.text
        header_end = text.find("{", start, end)
        i = start
        # skip the keyword, then find the name as a whole word
        while i < (header_end if header_end >= 0 else end) and not text[i].isspace():
            i += 1
        j = text.find(name, i, header_end if header_end >= 0 else end)
        return (j, j + len(name)) if j >= 0 else (start, start)

    def line_span(self, file: SourceFile, node: Node) -> tuple[int, int]:
        """A member's range through the end of its line, line break included (Prisma's field spans)."""
        start, end = self.offsets(node)
        text = file.text
        nl = text.find("\n", end)
        return start, (len(text) if nl < 0 else nl + 1)
