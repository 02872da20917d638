"""Applying the rules' fixes to a schema's texts until none is left, as ``ruff --fix`` does.

Each round lints, takes the applicable fixes whose edits do not collide (the
first come first; several insertions at one point are fine), applies them and
parses the result again. A round that would make the schema invalid (a Prisma
error it did not have) is redone one fix at a time, leaving out the fixes that do.
A file that was formatted as ``prisma format`` formats it is formatted again
afterwards, so fixing never leaves a formatted file unformatted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..edits import TextEdit, apply_edits

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic
    from ..resolve import ResolvedSchema
    from .rule import LintRule, Options

__all__ = ["FixResult", "fix_texts", "lint_texts"]

MAX_ROUNDS = 100


@dataclass
class FixResult:
    texts: dict[str, str]
    """Every file's text after the fixes."""
    applied: list[Diagnostic] = field(default_factory=list)
    """The diagnostics whose fixes were applied (positions as in the round that applied them)."""
    refused: list[Diagnostic] = field(default_factory=list)
    """Fixes left out because they would have made the schema invalid."""
    remaining: list[Diagnostic] = field(default_factory=list)
    """What the rules still report."""

    def changed(self, original: dict[str, str]) -> list[str]:
        return [p for p, t in self.texts.items() if original.get(p) != t]


def _analyze(texts: dict[str, str]) -> ResolvedSchema:
    from ..nodes import Schema, construct
    from ..parser import parse_file_text
    from ..resolve import analyze

    files = tuple(parse_file_text(text, path) for path, text in texts.items())
    return analyze(construct(Schema, {"files": files}), texts)


def _errors(texts: dict[str, str]) -> int:
    from ..nodes import Schema, construct
    from ..parser import parse_file_text
    from ..validation import validate

    files = tuple(parse_file_text(text, path, strict=False) for path, text in texts.items())
    diagnostics = validate(construct(Schema, {"files": files}), prisma_version=6, sources=texts)
    return sum(1 for d in diagnostics if d.severity == "error")


def lint_texts(texts: dict[str, str], rules: Sequence[tuple[LintRule, Options]]) -> list[Diagnostic]:
    """The diagnostics of ``rules`` for the schema made of ``texts`` (raises ParseError on a syntax error)."""
    from .run import lint_schema

    return lint_schema(_analyze(texts), rules)


def _collides(edit: TextEdit, taken: list[TextEdit]) -> bool:
    for t in taken:
        if t.path != edit.path:
            continue
        if edit.start == edit.end == t.start == t.end:
            continue  # two insertions at one point: both apply, in order
        if edit.start < t.end and t.start < edit.end:
            return True
        if edit.start == edit.end and t.start < edit.start < t.end:
            return True
        if t.start == t.end and edit.start < t.start < edit.end:
            return True
        if edit.start == t.start and (edit.start == edit.end) != (t.start == t.end):
            return True  # an insertion where another edit replaces: order would be ambiguous
    return False


def _apply(texts: dict[str, str], fixes: list[Diagnostic]) -> dict[str, str]:
    by_path: dict[str, list[TextEdit]] = {}
    for d in fixes:
        assert d.fix is not None
        for e in d.fix.edits:
            by_path.setdefault(e.path, []).append(e)
    out = dict(texts)
    for path, edits in by_path.items():
        out[path] = apply_edits(texts[path], edits)
    return out


def _formatted(text: str, path: str) -> bool:
    from ..api import format_text
    from ..diagnostics import ParseError

    try:
        return format_text(text) == text
    except ParseError:
        return False


def fix_texts(texts: dict[str, str], rules: Sequence[tuple[LintRule, Options]], *, unsafe: bool = False) -> FixResult:
    """Apply the safe fixes (and the unsafe ones with ``unsafe``) of ``rules`` until none applies."""
    allowed = ("safe", "unsafe") if unsafe else ("safe",)
    formatted = {p: _formatted(t, p) for p, t in texts.items()}
    errors = _errors(texts)
    result = FixResult(texts=dict(texts))
    refused_keys: set[tuple[str | None, str, str]] = set()
    seen = {_state(texts)}
    for _ in range(MAX_ROUNDS):
        diagnostics = lint_texts(result.texts, rules)
        candidates = [
            d
            for d in diagnostics
            if d.fix is not None and d.fix.applicability in allowed and _key(d) not in refused_keys
        ]
        chosen: list[Diagnostic] = []
        taken: list[TextEdit] = []
        for d in candidates:
            assert d.fix is not None
            if not any(_collides(e, taken) for e in d.fix.edits):
                chosen.append(d)
                taken.extend(d.fix.edits)
        if not chosen:
            break
        new = _apply(result.texts, chosen)
        if _errors(new) > errors:
            new, chosen = _valid_subset(result, chosen, errors, refused_keys)
            if not chosen:
                continue  # all refused: the others get their turn
        if _state(new) in seen:
            break  # rules that undo each other (say, two case styles): stop rather than go round
        seen.add(_state(new))
        result.applied.extend(chosen)
        result.texts = new
    for path, text in result.texts.items():
        if formatted.get(path) and text != texts[path]:
            from ..api import format_text

            result.texts[path] = format_text(text)
    result.remaining = lint_texts(result.texts, rules)
    return result


def _valid_subset(
    result: FixResult, chosen: list[Diagnostic], errors: int, refused: set[tuple[str | None, str, str]]
) -> tuple[dict[str, str], list[Diagnostic]]:
    """The largest part of ``chosen`` found, by halving, that keeps the schema as valid as it was.

    Some fixes only clash together (two renames to one name): a fix that fails next to
    others waits for the next round; one that fails alone is refused for good.
    """
    kept: list[Diagnostic] = []

    def add(group: list[Diagnostic]) -> None:
        trial = _apply(result.texts, kept + group)
        if _errors(trial) <= errors:
            kept.extend(group)
        elif len(group) > 1:
            add(group[: len(group) // 2])
            add(group[len(group) // 2 :])
        elif not kept:
            result.refused.append(group[0])
            refused.add(_key(group[0]))

    add(chosen)
    return (_apply(result.texts, kept) if kept else result.texts), kept


def _state(texts: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(texts.items()))


def _key(d: Diagnostic) -> tuple[str | None, str, str]:
    return d.code, d.path, d.message
