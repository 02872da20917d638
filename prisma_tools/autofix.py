"""Apply the fixes of the selected rules to a schema's texts until nothing changes.

Each round validates the texts (with fixes attached, see
:mod:`prisma_tools.registry`), takes the applicable fixes whose edits do not
overlap (safe ones; unsafe ones too with ``unsafe=True``; ``display`` never),
applies them and starts again, as ruff does: a fix may reveal another
diagnostic (a relation that validates only once its keys are unique). While
errors have fixes, warnings wait for the next round (the error's fix may make
them moot: a unique key is an index). A fix
that would add a syntax error is dropped. Every fix applied is reported as an
``info`` diagnostic carrying the fix.

>>> texts = {"s.prisma": "model A {\\n  id Int! @id\\n}\\n"}
>>> fixed, applied = apply_fixes(texts, prisma_version=6)
>>> fixed["s.prisma"], [d.code for d in applied]
('model A {\\n  id Int @id\\n}\\n', ['E010'])
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .diagnostics import Diagnostic
from .edits import TextEdit, apply_edits, overlapping

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .edits import Fix
    from .nodes import Schema, SchemaFile
    from .passes import DuplicatesPolicy
    from .selection import Selection

__all__ = ["MAX_ROUNDS", "apply_fixes", "applicable", "fix_schema", "parse_texts"]

MAX_ROUNDS = 20
"""Rounds before giving up on a fix that keeps producing new diagnostics (ruff stops at 100)."""


def applicable(fix: Fix | None, *, unsafe: bool) -> bool:
    """Whether ``fix`` is applied: safe ones always, unsafe ones with ``unsafe``, display ones never."""
    return fix is not None and (fix.applicability == "safe" or (unsafe and fix.applicability == "unsafe"))


def parse_texts(texts: dict[str, str]) -> Schema:
    """The schema made of ``texts`` (path -> text), parsed leniently, files in order."""
    from .nodes import Schema, construct
    from .parser import parse_file_text

    return construct(Schema, {"files": tuple(parse_file_text(t, p, strict=False) for p, t in texts.items())})


def apply_fixes(
    texts: dict[str, str],
    *,
    prisma_version: int,
    selection: Selection | None = None,
    unsafe: bool = False,
    skip: frozenset[str] = frozenset(),
    files: Sequence[SchemaFile] | None = None,
) -> tuple[dict[str, str], list[Diagnostic]]:
    """``texts`` with every applicable fix of the selected rules applied, and the fixes applied.

    ``skip``: rule codes whose fixes are not applied (whatever the selection). ``files``: the
    texts already parsed (in the same order), to save parsing them again.
    """
    from .nodes import Schema, construct
    from .parser import parse_file_text, syntax_errors
    from .validation import validate

    if files is not None and [f.path for f in files] == list(texts):
        parsed = {f.path: f for f in files}
    else:
        parsed = {p: parse_file_text(t, p, strict=False) for p, t in texts.items()}
    baseline = {p: len(syntax_errors(f, texts[p])) for p, f in parsed.items()}

    def reparse(new: dict[str, str], old: dict[str, str]) -> dict[str, SchemaFile] | None:
        """The files of ``new`` parsed (unchanged ones reused); None if one has more syntax errors than before."""
        out = dict(parsed)
        for p, t in new.items():
            if t != old[p]:
                f = parse_file_text(t, p, strict=False)
                if len(syntax_errors(f, t)) > baseline[p]:
                    return None
                out[p] = f
        return out

    applied: list[Diagnostic] = []
    for _ in range(MAX_ROUNDS):
        schema = construct(Schema, {"files": tuple(parsed[p] for p in texts)})
        found = validate(schema, prisma_version=prisma_version, sources=texts, selection=selection, fixes=True)
        chosen: list[Diagnostic] = []
        taken: list[TextEdit] = []
        # errors first: a repaired error can make a warning moot (a unique key is an index)
        errors_first = any(d.severity == "error" and _usable(d, selection, unsafe, skip) for d in found)
        for d in found:
            if errors_first and d.severity != "error":
                continue
            fix = d.fix
            if fix is None or not fix.edits or not _usable(d, selection, unsafe, skip):
                continue
            if any(e.path not in texts for e in fix.edits):
                continue
            if any(overlapping(e, t) for e in fix.edits for t in taken):
                continue  # the next round sees it again, on the new text
            chosen.append(d)
            taken.extend(fix.edits)
        if not chosen:
            break
        new = _apply(texts, [e for d in chosen if d.fix is not None for e in d.fix.edits])
        again = reparse(new, texts)
        if again is None:
            # some fix breaks the syntax: keep those that do not, one at a time
            kept: list[Diagnostic] = []
            new = texts
            for d in chosen:
                if d.fix is None:
                    continue
                trial = _apply(new, list(d.fix.edits))
                if reparse(trial, new) is not None:
                    new = trial
                    kept.append(d)
            chosen = kept
            again = reparse(new, texts)
        if new == texts or again is None:
            break
        texts, parsed = new, again
        applied.extend(_report(d) for d in chosen)
    return texts, applied


def _usable(d: Diagnostic, selection: Selection | None, unsafe: bool, skip: frozenset[str]) -> bool:
    from .registry import fix_enabled

    return (
        applicable(d.fix, unsafe=unsafe)
        and d.code is not None
        and d.code not in skip
        and fix_enabled(d.code, selection)
    )


def _apply(texts: dict[str, str], edits: list[TextEdit]) -> dict[str, str]:
    out = dict(texts)
    for path in {e.path for e in edits}:
        out[path] = apply_edits(out[path], [e for e in edits if e.path == path])
    return out


def _report(d: Diagnostic) -> Diagnostic:
    """The fix applied, as ``fix`` reports a change: where the diagnostic was, what the fix did."""
    assert d.fix is not None
    return Diagnostic(severity="info", message=d.fix.message, path=d.path, span=d.span, code=d.code, fix=d.fix)


def fix_schema(
    schema: Schema,
    *,
    merge: Sequence[Schema] = (),
    duplicates: DuplicatesPolicy = "first",
    prisma_version: int = 6,
    selection: Selection | None = None,
    unsafe: bool = False,
) -> tuple[Schema, list[Diagnostic]]:
    """What ``prisma-tools fix`` does to a parsed schema: the rules' fixes, the repair passes, then
    the rules' fixes again on what the passes made. Returns the result and every change reported
    (a fix applied carries its :class:`~prisma_tools.edits.Fix`; a pass's change does not).

    The diagnostics a pass repairs (``registry.REPAIRED_BY``) are left to the pass while it is on:
    it knows relation names, both sides of a relation and the files of a folder.
    """
    from .fixer import fix
    from .passes import PASSES
    from .registry import REPAIRED_BY, pass_enabled

    passes = [p.name for p in PASSES if pass_enabled(p.code, selection)]
    by_passes = frozenset(c for c, p in REPAIRED_BY.items() if pass_enabled(p, selection))
    options = {"prisma_version": prisma_version, "selection": selection, "unsafe": unsafe}
    schema, first = _fix_texts(schema, schema, False, skip=by_passes, **options)  # type: ignore[arg-type]
    result = fix(schema, merge=merge, select=passes, duplicates=duplicates)
    found = [c.to_diagnostic() for c in result.changes]
    if any(d.severity == "error" for d in found) or not result.changed:
        return result.schema, first + found
    fixed, more = _fix_texts(schema, result.schema, True, **options)  # type: ignore[arg-type]
    return fixed, first + found + more


def _fix_texts(
    original: Schema,
    schema: Schema,
    changed: bool,
    *,
    prisma_version: int,
    selection: Selection | None,
    unsafe: bool,
    skip: frozenset[str] = frozenset(),
) -> tuple[Schema, list[Diagnostic]]:
    """``schema`` (what the passes made of ``original``) with the rules' fixes applied until nothing changes."""
    from .printer import print_file
    from .resolve.build import source_texts

    texts = source_texts(original) if not changed else None
    files = original.files if texts is not None else None
    if texts is None:
        texts = {f.path: print_file(f) for f in schema.files}
    fixed, applied = apply_fixes(
        texts, prisma_version=prisma_version, selection=selection, unsafe=unsafe, skip=skip, files=files
    )
    if not applied:
        return schema, []
    return parse_texts(fixed), applied
