"""``prisma-tools check``: Prisma's validation errors and warnings for each schema.

Each target (a file, a schema folder read as one schema, or standard input)
is parsed leniently, so that lines Prisma's grammar rejects are reported
among the other diagnostics, as Prisma reports them. Exit status: 0 no
error (warnings alone give 0), 1 errors, 2 a target could not be read or
holds git conflict markers.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from .runner import EXIT_ERROR, EXIT_OK, echo

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..diagnostics import Diagnostic
    from ..selection import Selection

__all__ = ["EXIT_INVALID", "check_paths", "check_texts"]

EXIT_INVALID = 1
"""Some schema has an error Prisma would reject it for."""


def check_texts(
    texts: dict[str, str], *, prisma_version: int, selection: Selection | None = None, fixes: bool = False
) -> list[Diagnostic]:
    """The diagnostics of the schema made of ``texts`` (path -> text), in Prisma's order.

    ``selection``: the rules reported (default: those on by default); ``fixes``: attach each rule's fix.
    """
    from ..nodes import Schema, construct
    from ..parser import parse_file_text
    from ..validation import validate

    files = tuple(parse_file_text(text, path, strict=False) for path, text in texts.items())
    schema = construct(Schema, {"files": files})
    return validate(schema, prisma_version=prisma_version, sources=texts, selection=selection, fixes=fixes)


def check_paths(
    paths: Sequence[str],
    *,
    prisma_version: int,
    output_format: str = "text",
    stdin_filename: str | None = None,
    quiet: bool = False,
    color: str | None = None,
    selection: Selection | None = None,
    show_fixes: bool = False,
) -> int:
    """Check every target; print the diagnostics; the exit status."""
    from ..diagnostics import ConflictMarkerError
    from ..files import SchemaReadError, decode, read_text
    from .output import Style, diagnostics_json, github_annotation, message_json, use_colour
    from .workflow import iter_targets

    diagnostics: list[Diagnostic] = []
    failures: list[str] = []
    unmerged = False  # a file holds git conflict markers: not a schema to judge yet (exit 2)
    seen: dict[str, str] = {}  # the texts checked, for the locations of the fixes' edits
    for target in iter_targets(paths, stdin_filename):
        if isinstance(target, str):
            failures.append(target)
            continue
        try:
            if target.stdin:
                texts = {target.label: decode(sys.stdin.buffer.read(), target.label)}
            else:
                texts = {str(p): read_text(p) for p in target.paths}
        except SchemaReadError as e:
            failures.append(str(e))
            continue
        try:
            diagnostics.extend(check_texts(texts, prisma_version=prisma_version, selection=selection, fixes=True))
        except ConflictMarkerError as e:
            diagnostics.extend(e.diagnostics)
            unmerged = True
        if output_format == "json":
            seen.update(texts)
    errors = sum(1 for d in diagnostics if d.severity == "error")
    warnings = len(diagnostics) - errors
    if output_format == "json":
        echo(diagnostics_json(diagnostics, [message_json(*_split(m)) for m in failures], seen))
    elif output_format == "github":
        for d in diagnostics:
            echo(github_annotation(d))
        for message in failures:
            echo(f"::error title=prisma-tools::{message}")
    else:
        style = Style(use_colour(color, sys.stdout))
        for d in diagnostics:
            echo(style.diagnostic(d), colour=style.on)
            if show_fixes and d.fix is not None:
                echo(f"    {style.dim('help:')} {d.fix.message} [{_APPLIED_BY[d.fix.applicability]}]", colour=style.on)
        if not quiet and (diagnostics or not failures):
            echo(_summary(errors, warnings), err=True)
            if show_fixes:
                echo(_fixable(diagnostics), err=True)
        for message in failures:
            echo(f"{style.severity('error', 'error')}: {message}", err=True, colour=style.on)
    if failures or unmerged:
        return EXIT_ERROR
    return EXIT_INVALID if errors else EXIT_OK


_APPLIED_BY = {
    "safe": "safe fix: `prisma-tools fix`",
    "unsafe": "unsafe fix: `prisma-tools fix --unsafe-fixes`",
    "display": "suggestion, never applied",
}


def _fixable(diagnostics: list[Diagnostic]) -> str:
    safe = sum(1 for d in diagnostics if d.fix is not None and d.fix.applicability == "safe")
    unsafe = sum(1 for d in diagnostics if d.fix is not None and d.fix.applicability == "unsafe")
    line = f"[*] {safe} fixable with `prisma-tools fix`."
    if unsafe:
        line += f" ({unsafe} hidden fix{'es' if unsafe != 1 else ''} can be enabled with `--unsafe-fixes`.)"
    return line


def _split(message: str) -> tuple[str, str]:
    path, sep, rest = message.partition(": ")
    return (path, rest) if sep else ("", message)


def _summary(errors: int, warnings: int) -> str:
    if not errors and not warnings:
        return "All checks passed!"
    parts = []
    if errors:
        parts.append(f"{errors} error{'s' if errors != 1 else ''}")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    return "Found " + " and ".join(parts) + "."
