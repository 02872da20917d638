"""Git conflict markers in schema text: find them, report them, split a file into its sides.

``git merge`` leaves regions like these in a file it could not merge::

    <<<<<<< HEAD            (ours)
    ||||||| merged common ancestors   (diff3 / zdiff3 only: the base)
    =======
    >>>>>>> feature         (theirs)

Marker lines are at least seven equal characters at the start of a line
(``conflict-marker-size`` may make them longer), followed by a space and a
label or by the end of the line; the ``=======`` separator carries no label.
Markers are text, not syntax, so they are found before parsing: the parser
reports them as what they are instead of as lines it cannot read.
"""

from __future__ import annotations

import re

from .diagnostics import Diagnostic
from .nodes import LineIndex, Span

__all__ = [
    "CODE",
    "ConflictRegion",
    "Sides",
    "find_conflicts",
    "has_conflict_markers",
    "marker_diagnostics",
    "split_sides",
]

CODE = "conflict-marker"
"""The diagnostic code of an unresolved conflict marker."""

_MARKER = re.compile(r"^(<{7,}|\|{7,}|={7,}|>{7,})(?:[ \t]([^\r\n]*))?\r?$")
_QUICK = ("<<<<<<<", "|||||||", "=======", ">>>>>>>")


class ConflictRegion:
    """One conflict region, by 0-based line numbers of its marker lines."""

    __slots__ = ("base", "base_label", "end", "ours_label", "separator", "start", "theirs_label")

    def __init__(
        self,
        start: int,
        base: int | None,
        separator: int,
        end: int,
        ours_label: str,
        base_label: str | None,
        theirs_label: str,
    ) -> None:
        self.start = start
        self.base = base
        self.separator = separator
        self.end = end
        self.ours_label = ours_label
        self.base_label = base_label
        self.theirs_label = theirs_label

    def __repr__(self) -> str:
        return f"ConflictRegion(lines {self.start + 1}-{self.end + 1}, {self.ours_label!r} vs {self.theirs_label!r})"


class Sides:
    """A file with conflict regions, taken apart: each side's whole text, and where its lines came from.

    ``ours`` and ``theirs`` are the text outside the regions with that side's
    part of each region; ``base`` likewise with the ancestor's part. When the
    markers carry no base (git's default ``merge`` style, ``with_base`` is
    False), ``base`` is the text outside the regions: what both sides share
    stands for the ancestor, and what a region holds counts as added by its
    side (a merge without a base never deletes). The
    ``*_lines`` lists map each line of a side to its 1-based line in the file.
    """

    __slots__ = ("base", "base_lines", "ours", "ours_lines", "regions", "theirs", "theirs_lines", "with_base")

    def __init__(self) -> None:
        self.ours = ""
        self.theirs = ""
        self.base = ""
        self.ours_lines: list[int] = []
        self.theirs_lines: list[int] = []
        self.base_lines: list[int] = []
        self.regions: list[ConflictRegion] = []
        self.with_base = False

    @property
    def labels(self) -> tuple[str, str, str]:
        """The labels of the first region: ours, base, theirs (as git wrote them)."""
        if not self.regions:
            return "ours", "base", "theirs"
        r = self.regions[0]
        return r.ours_label, r.base_label or "base", r.theirs_label


def has_conflict_markers(text: str) -> bool:
    """A fast test: could ``text`` hold a marker line at all (then :func:`find_conflicts` tells)."""
    return any(q in text for q in _QUICK)


def _markers(lines: list[str]) -> list[tuple[int, str, int, str]]:
    """``(line number, marker character, marker length, label)`` of every marker-looking line."""
    out = []
    for i, line in enumerate(lines):
        if line[:1] not in "<|=>" or not line:
            continue
        m = _MARKER.match(line)
        if m is None:
            continue
        marker, label = m.group(1), (m.group(2) or "").strip()
        if marker[0] == "=" and label:
            continue  # `======= text` is not git's separator
        out.append((i, marker[0], len(marker), label))
    return out


def find_conflicts(text: str) -> tuple[list[ConflictRegion], list[int]]:
    """The complete conflict regions of ``text``, and the 0-based lines of stray markers.

    A stray marker is a ``<<<<<<<``, ``|||||||`` or ``>>>>>>>`` line outside a
    complete region (a lone ``=======`` line is not reported: it is also how
    some people draw a rule in a comment).
    """
    if not has_conflict_markers(text):
        return [], []
    lines = text.splitlines()
    regions: list[ConflictRegion] = []
    stray: list[int] = []
    found = _markers(lines)
    i = 0
    while i < len(found):
        line, char, size, label = found[i]
        if char != "<":
            if char != "=":
                stray.append(line)
            i += 1
            continue
        # <<<<<<< [|||||||] ======= >>>>>>> of the same size, in that order
        j = i + 1
        base = base_label = None
        if j < len(found) and found[j][1] == "|" and found[j][2] == size:
            base, base_label = found[j][0], found[j][3]
            j += 1
        if (
            j + 1 < len(found)
            and found[j][1] == "="
            and found[j][2] == size
            and found[j + 1][1] == ">"
            and found[j + 1][2] == size
        ):
            regions.append(ConflictRegion(line, base, found[j][0], found[j + 1][0], label, base_label, found[j + 1][3]))
            i = j + 2
            continue
        stray.append(line)
        i += 1
    return regions, stray


def marker_diagnostics(text: str, path: str) -> list[Diagnostic]:
    """One error per conflict region (at its ``<<<<<<<`` line) and per stray marker line."""
    regions, stray = find_conflicts(text)
    if not regions and not stray:
        return []
    index = LineIndex(text)
    starts = _line_starts(text)
    lines = text.splitlines()
    out: list[tuple[int, Diagnostic]] = []
    for r in regions:
        what = f"unresolved merge conflict (lines {r.start + 1}-{r.end + 1}): git's marker `{_short(lines[r.start])}`"
        out.append((r.start, _error(path, index, starts, r.start, lines, what)))
    for line in stray:
        what = f"git conflict marker `{_short(lines[line])}` without the rest of its conflict region"
        out.append((line, _error(path, index, starts, line, lines, what, "it resolves complete regions only")))
    return [d for _, d in sorted(out, key=lambda x: x[0])]


def _error(
    path: str, index: LineIndex, starts: list[int], line: int, lines: list[str], what: str, fix: str = "resolves it"
) -> Diagnostic:
    span = Span.at(index, starts[line], starts[line] + len(lines[line]))
    return Diagnostic(
        severity="error",
        code=CODE,
        message=f"{what}; `prisma-tools fix` {fix}",
        path=path,
        span=span,
    )


def _short(s: str, n: int = 60) -> str:
    s = s.rstrip("\r")
    return s if len(s) <= n else s[: n - 3] + "..."


def _line_starts(text: str) -> list[int]:
    """Offsets where the lines of ``str.splitlines()`` start (for LF, CRLF and CR breaks)."""
    starts = [0]
    pos = 0
    for line in text.splitlines(keepends=True):
        pos += len(line)
        starts.append(pos)
    return starts


def split_sides(text: str) -> Sides:
    """``text`` taken apart into ours, base (when the markers carry one) and theirs.

    Raises ValueError when there is no complete region or a stray marker.
    """
    regions, stray = find_conflicts(text)
    if stray:
        raise ValueError(f"line {stray[0] + 1}: a conflict marker outside a complete conflict region")
    if not regions:
        raise ValueError("no conflict region")
    lines = text.splitlines(keepends=True)
    sides = Sides()
    sides.regions = regions
    with_base = all(r.base is not None for r in regions)
    ours: list[str] = []
    theirs: list[str] = []
    base: list[str] = []

    def take(out: list[str], where: list[int], lo: int, hi: int) -> None:
        out.extend(lines[lo:hi])
        where.extend(range(lo + 1, hi + 1))

    at = 0
    for r in regions:
        for out, where in ((ours, sides.ours_lines), (theirs, sides.theirs_lines), (base, sides.base_lines)):
            take(out, where, at, r.start)
        ours_end = r.base if r.base is not None else r.separator
        take(ours, sides.ours_lines, r.start + 1, ours_end)
        if r.base is not None:
            take(base, sides.base_lines, r.base + 1, r.separator)
        take(theirs, sides.theirs_lines, r.separator + 1, r.end)
        at = r.end + 1
    for out, where in ((ours, sides.ours_lines), (theirs, sides.theirs_lines), (base, sides.base_lines)):
        take(out, where, at, len(lines))
    sides.ours = "".join(ours)
    sides.theirs = "".join(theirs)
    sides.base = "".join(base)
    sides.with_base = with_base
    return sides
