"""``fix`` on files with git conflict markers: merge each file's sides before the passes run.

A file whose regions merge cleanly goes on through ``fix`` with the merged
text (its regions reported as changes). A file with real conflicts is
written with the smaller conflict regions the merge leaves, each conflict
reported with both sides' lines, and the target stops there: exit status 1,
nothing else is done to it until the conflicts are resolved.
"""

from __future__ import annotations

from collections.abc import Callable

from ..diagnostics import ParseError
from ..files import SchemaWriteError, write_atomic
from .workflow import Outcome, Report, Target, _diff

__all__ = ["resolve_conflicts"]


def resolve_conflicts(
    texts: dict[str, str],
    target: Target,
    report: Report,
    *,
    write: bool,
    diff: bool,
    backup: bool,
    out: Callable[[str], object],
    diff_out: Callable[[str], object],
) -> dict[str, str] | None:
    """``texts`` with every conflict region merged; None when the target stops here (reported)."""
    from ..conflict_markers import find_conflicts

    merged: dict[str, str] = {}
    left: list[tuple[str, str]] = []
    failed = False
    for path, text in texts.items():
        regions, stray = find_conflicts(text)
        if not regions or stray:
            merged[path] = text  # a stray marker: the parser reports it
            continue
        from ..merge.markers import git_base, resolve_markers  # only for a file with conflict regions

        try:
            base = None if target.stdin or any(r.base is not None for r in regions) else git_base(path)
            resolution = resolve_markers(text, path, base=base)
        except ParseError as e:
            report.diagnostics.extend(e.diagnostics)
            report.outcomes.append(Outcome(path, error=True))
            failed = True
            continue
        report.diagnostics.extend(resolution.diagnostics)
        merged[path] = resolution.text
        if not resolution.clean:
            left.append((path, resolution.text))
    if failed:
        return None
    if not left:
        return merged
    for path, after in left:
        _write(
            path, texts[path], after, target, report, write=write, diff=diff, backup=backup, out=out, diff_out=diff_out
        )
    report.invalid += 1
    return None


def _write(
    path: str,
    before: str,
    after: str,
    target: Target,
    report: Report,
    *,
    write: bool,
    diff: bool,
    backup: bool,
    out: Callable[[str], object],
    diff_out: Callable[[str], object],
) -> None:
    outcome = Outcome(path, changed=before != after)
    report.outcomes.append(outcome)
    if diff and outcome.changed:
        diff_out(_diff(path, before, after))
    if target.stdin:
        if write:
            out(after)
        return
    if not (write and outcome.changed):
        return
    try:
        write_atomic(path, after, backup=before if backup else None)
    except (SchemaWriteError, OSError) as e:
        report.errors.append(str(e) if isinstance(e, SchemaWriteError) else f"{path}: cannot write ({e})")
        outcome.error = True
        return
    outcome.written = True
