"""What every pass shares: the :class:`Change` it reports, the :class:`PassContext` it
reports through, and :func:`register`, which turns a pass function into a named,
coded :class:`Pass`.

Kept apart from ``passes/__init__.py`` so that pass modules can import it while
``__init__`` imports them to build the pipeline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict

from ..diagnostics import Diagnostic, Severity
from ..nodes import Schema, Span

if TYPE_CHECKING:
    from ..resolve import ResolvedSchema

__all__ = [
    "Change",
    "DuplicatesPolicy",
    "Pass",
    "PassContext",
    "PassFunction",
    "REGISTRY",
    "register",
]

DuplicatesPolicy = Literal["first", "last", "error"]


class Change(BaseModel):
    """One thing a pass did, or declined to do, and where.

    ``severity`` is ``info`` for a change made, ``warning`` for something the
    pass changed with possible loss or could not decide (and left alone), and
    ``error`` for a problem the pass was told not to repair (``duplicates="error"``).
    ``span`` points into the *input* as parsed (None for nodes built by a pass).
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)  # built on first use, not at import

    code: str
    pass_name: str
    severity: Severity
    message: str
    path: str = "<string>"
    span: Span | None = None

    def to_diagnostic(self) -> Diagnostic:
        return Diagnostic(severity=self.severity, message=self.message, path=self.path, span=self.span, code=self.code)

    def render(self) -> str:
        """``path:line:col: severity[CODE]: message``, as compilers print it."""
        return self.to_diagnostic().render(excerpt=False)


@dataclass
class PassContext:
    """Options for the passes and the list of changes they report.

    ``duplicates``: which copy of a duplicated block survives (``"first"``,
    ``"last"``) or ``"error"`` to change nothing and report. ``additions``:
    schemas to merge in (``fix --merge FILE``), in order.
    """

    duplicates: DuplicatesPolicy = "first"
    additions: tuple[Schema, ...] = ()
    changes: list[Change] = field(default_factory=list)
    _active: Pass | None = field(default=None, repr=False)
    resolved: tuple[Schema, ResolvedSchema] | None = field(default=None, repr=False)
    """The last schema a pass resolved, with its resolution: a pass that changed nothing leaves
    the same schema object to the next one, which then need not resolve it again."""

    @contextmanager
    def running(self, p: Pass) -> Iterator[None]:
        """Attribute what is reported inside the block to pass ``p``."""
        outer, self._active = self._active, p
        try:
            yield
        finally:
            self._active = outer

    def report(self, message: str, *, path: str, span: Span | None = None, severity: Severity = "info") -> None:
        p = self._active
        self.changes.append(
            Change(
                code=p.code if p else "PT000",
                pass_name=p.name if p else "<none>",
                severity=severity,
                message=message,
                path=path,
                span=span,
            )
        )

    def warn(self, message: str, *, path: str, span: Span | None = None) -> None:
        self.report(message, path=path, span=span, severity="warning")

    def error(self, message: str, *, path: str, span: Span | None = None) -> None:
        self.report(message, path=path, span=span, severity="error")


PassFunction = Callable[[Schema, PassContext], Schema]


@dataclass(frozen=True)
class Pass:
    """A registered pass: a pure ``(Schema, PassContext) -> Schema`` function with a name and a code.

    Calling it runs the function with the context attributing reports to it.
    ``runs_after`` names passes whose output this one needs; the pipeline
    order is checked against it by the test-suite.
    """

    code: str
    name: str
    function: PassFunction
    runs_after: tuple[str, ...] = ()

    def __call__(self, schema: Schema, ctx: PassContext) -> Schema:
        with ctx.running(self):
            return self.function(schema, ctx)

    @property
    def doc(self) -> str:
        return self.function.__doc__ or ""

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else ""


REGISTRY: dict[str, Pass] = {}
"""Every registered pass by name, in registration order."""


def register(*, code: str, name: str, runs_after: tuple[str, ...] = ()) -> Callable[[PassFunction], Pass]:
    """Register a pass function under a stable kebab-case ``name`` and ``code``."""

    def wrap(function: PassFunction) -> Pass:
        if name in REGISTRY or any(p.code == code for p in REGISTRY.values()):
            raise ValueError(f"pass {name} ({code}) is registered twice")
        p = Pass(code=code, name=name, function=function, runs_after=runs_after)
        REGISTRY[name] = p
        return p

    return wrap
