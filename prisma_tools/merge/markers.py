"""Resolving a file that git left with conflict markers: split it into its sides and merge them.

Used by ``prisma-tools fix``. Each side's text (the lines outside the regions
with that side's part of each region) is parsed as a schema, and the sides
are merged as the merge driver merges them, with the ancestor's part when the
markers carry one (``diff3``/``zdiff3``), else with the ancestor git keeps
in its index during a conflicted merge, else with the lines both sides
share standing for the ancestor. What merges cleanly replaces the regions;
what still conflicts stays a (smaller) conflict region, reported with both
sides' lines in the original file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..conflict_markers import Sides, split_sides
from ..diagnostics import Diagnostic
from ..nodes import LineIndex, Span
from . import merge_texts
from .render import Labels, Style
from .tree import Conflict

__all__ = ["Resolution", "git_base", "resolve_markers"]


@dataclass
class Resolution:
    """The text after resolving; the conflicts left (as regions in ``text``); what to report."""

    text: str
    conflicts: list[Conflict] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.conflicts


def resolve_markers(text: str, path: str, *, base: str | None = None) -> Resolution:
    """Merge the sides of every conflict region of ``text`` (which must have complete regions only).

    ``base``: the common ancestor's whole text, used when the markers carry
    no base part (git's index has it as stage 1 during a conflicted merge;
    see :func:`git_base`). Raises ValueError for a stray marker,
    :class:`~prisma_tools.ParseError` when a side holds markers itself.
    """
    sides = split_sides(text)
    if not sides.with_base and base is not None:
        sides.base = base
    ours_label, base_label, theirs_label = sides.labels
    size = len(text.splitlines()[sides.regions[0].start].split(" ", 1)[0].rstrip("\r"))
    labels = Labels(ours_label, base_label, theirs_label, size)
    style: Style = "diff3" if sides.with_base else "merge"
    names = (path, path, path)
    result = merge_texts(sides.base, sides.ours, sides.theirs, path, labels=labels, style=style, paths=names)
    index = LineIndex(text)
    starts = _line_starts(text)
    out = Resolution(result.text, list(result.conflicts))
    for r in sides.regions:
        what = f"resolved the conflict region at lines {r.start + 1}-{r.end + 1} ({r.ours_label} / {r.theirs_label})"
        out.diagnostics.append(
            Diagnostic(severity="info", code="merge", message=what, path=path, span=_line_span(index, starts, r.start))
        )
    if result.conflicts:
        out.diagnostics = []
        new_index = LineIndex(result.text)
        new_starts = _line_starts(result.text)
        for c in sorted(result.conflicts, key=lambda c: c.line):
            where = f"{_side_at(c, 'ours', sides, path)}, {_side_at(c, 'theirs', sides, path)}"
            out.diagnostics.append(
                Diagnostic(
                    severity="error",
                    code="conflict",
                    message=f"{c.where}: {c.reason} ({where}); left as a conflict region",
                    path=path,
                    span=_line_span(new_index, new_starts, c.line - 1),
                )
            )
    return out


def git_base(path: str) -> str | None:
    """The common ancestor of a file git could not merge: stage 1 of the index ("" when the
    file was added on both sides, so the index has no stage 1); None outside a conflicted merge."""
    import os
    import subprocess

    folder, name = os.path.split(os.path.abspath(path))
    try:
        stages = subprocess.run(
            ["git", "ls-files", "-u", "-z", "--", name], cwd=folder, capture_output=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    found = {entry.split(b"\t", 1)[0].split(b" ")[2] for entry in stages.split(b"\0") if b"\t" in entry}
    if b"2" not in found or b"3" not in found:
        return None
    if b"1" not in found:
        return ""
    try:
        data = subprocess.run(["git", "show", f":1:./{name}"], cwd=folder, capture_output=True, check=True).stdout
        return data.decode("utf-8")
    except (OSError, subprocess.CalledProcessError, UnicodeDecodeError):
        return None


def _side_at(c: Conflict, side: str, sides: Sides, path: str) -> str:
    """``ours at schema.prisma:12``: where ``side``'s version began in the file with the markers."""
    node = c.version(side)  # type: ignore[arg-type]
    if node is None:
        return f"{side}: absent"
    span = node.span
    lines = sides.ours_lines if side == "ours" else sides.theirs_lines
    if span is None or not 0 < span.start.line <= len(lines):
        return side
    first = span.start.line
    lead = getattr(node, "leading_comments", ())
    if lead and lead[0].span is not None:
        first = lead[0].span.start.line
    return f"{side} at {path}:{lines[first - 1]}"


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    return starts


def _line_span(index: LineIndex, starts: list[int], line: int) -> Span:
    line = max(0, min(line, len(starts) - 1))
    return Span.at(index, starts[line], starts[line])
