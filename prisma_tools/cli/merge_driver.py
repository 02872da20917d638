"""``prisma-tools merge-driver``: git's merge driver for ``.prisma`` files.

Git runs it as ``prisma-tools merge-driver %O %A %B %P %L`` (base, ours,
theirs, the path in the work tree, the marker size) when ``.gitattributes``
says ``*.prisma merge=prisma-tools`` and ``merge.prisma-tools.driver`` is set
(``--install`` writes both). The result is written to %A atomically; the exit
status is 0 for a clean merge and 1 for conflicts (git then reports the file
as conflicted, as for its own merge). A clean merge that Prisma would reject
where neither side was rejected counts as a conflict too: exit 1, the errors
printed. Versions that are not schemas (conflict markers committed, bytes
that are not UTF-8) fall back to git's own line merge.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

import click

from .options import echo_err

if TYPE_CHECKING:
    from ..merge import MergeResult
    from ..merge.render import Labels
    from ..merge.tree import Conflict

__all__ = ["merge_driver_command"]

ATTRIBUTES_LINE = "*.prisma merge=prisma-tools"
DRIVER = "prisma-tools merge-driver %O %A %B %P %L"
EXIT_CLEAN, EXIT_CONFLICT, EXIT_ERROR = 0, 1, 2


@click.command("merge-driver")
@click.argument("files", nargs=-1, metavar="%O %A %B [%P [%L]]")
@click.option("--install", is_flag=True, help="Register the driver in this repository (.gitattributes, git config).")
@click.option(
    "--command",
    "driver_command",
    default=DRIVER,
    show_default=True,
    metavar="CMD",
    help="With --install: the command git runs.",
)
@click.option("--ours-label", default="ours", show_default=True, help="The label after <<<<<<<.")
@click.option("--base-label", default="base", show_default=True, help="The label after ||||||| (diff3 style).")
@click.option("--theirs-label", default="theirs", show_default=True, help="The label after >>>>>>>.")
@click.option(
    "--style",
    type=click.Choice(["merge", "diff3"]),
    default=None,
    help="Conflict regions with the base (diff3) or without (default: git's merge.conflictStyle).",
)
@click.option(
    "--prisma-version",
    type=click.Choice(["6", "7"]),
    default=None,
    help="The engine a clean result is checked against (default: as `check` finds it).",
)
@click.option("--no-check", is_flag=True, help="Do not validate a clean result.")
def merge_driver_command(
    files: tuple[str, ...],
    install: bool,
    driver_command: str,
    ours_label: str,
    base_label: str,
    theirs_label: str,
    style: str | None,
    prisma_version: str | None,
    no_check: bool,
) -> None:
    """Merge three versions of a .prisma file by blocks, fields, enum values and attributes (git's merge driver).

    Writes the result to %A; exit 0 clean, 1 conflicts (left as minimal
    conflict regions) or a clean result Prisma rejects, 2 bad input.
    Register it with `prisma-tools merge-driver --install`, or by hand:
    `*.prisma merge=prisma-tools` in .gitattributes and
    `git config merge.prisma-tools.driver "prisma-tools merge-driver %O %A %B %P %L"`.
    """
    if install:
        if files:
            raise click.UsageError("--install takes no files")
        sys.exit(_install(driver_command))
    if not 3 <= len(files) <= 5:
        raise click.UsageError("expected %O %A %B, optionally %P and %L")
    base, ours, theirs = files[:3]
    path = files[3] if len(files) > 3 else ours
    size = 7
    if len(files) > 4:
        try:
            size = int(files[4])
        except ValueError:
            raise click.UsageError(f"%L must be a number, not {files[4]!r}") from None
    from ..merge.render import Labels
    from .prisma_version import resolve_prisma_version

    labels = Labels(ours_label, base_label, theirs_label, size)
    version, _ = resolve_prisma_version(int(prisma_version) if prisma_version else None, None, [path])
    sys.exit(_merge(base, ours, theirs, path, labels, style or _git_style(), version, not no_check))


def _git_style() -> str:
    """``diff3`` when git is configured to show the base in conflicts (diff3 or zdiff3)."""
    try:
        out = subprocess.run(
            ["git", "config", "--get", "merge.conflictStyle"], capture_output=True, text=True, check=False
        ).stdout
    except OSError:
        return "merge"
    return "diff3" if out.strip() in ("diff3", "zdiff3") else "merge"


def _read(path: str) -> str | None:
    try:
        with open(path, "rb") as f:
            return f.read().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _merge(
    base_path: str,
    ours_path: str,
    theirs_path: str,
    path: str,
    labels: Labels,
    style: str,
    prisma_version: int,
    check: bool,
) -> int:
    from ..diagnostics import ParseError
    from ..files import write_atomic
    from ..merge import merge_texts

    texts = [_read(p) for p in (base_path, ours_path, theirs_path)]
    if any(t is None for t in texts):
        echo_err(f"{path}: not UTF-8 text (or unreadable); merged by git's line merge")
        return _line_merge(base_path, ours_path, theirs_path, labels)
    base, ours, theirs = (t or "" for t in texts)
    try:
        result = merge_texts(base, ours, theirs, path, labels=labels, style=style)  # type: ignore[arg-type]
        problem = _unsafe(result)
    except ParseError as e:
        for d in e.diagnostics:
            echo_err(d.render(excerpt=False))
        echo_err(f"{path}: a version is not a schema prisma-tools can merge; merged by git's line merge")
        return _line_merge(base_path, ours_path, theirs_path, labels)
    except Exception as e:  # a bug must not cost the user theirs' changes: git's merge instead
        problem = f"{type(e).__name__}: {e}"
    if problem is not None:
        echo_err(f"{path}: internal error ({problem}); merged by git's line merge (please report this)")
        return _line_merge(base_path, ours_path, theirs_path, labels)
    try:
        write_atomic(ours_path, result.text)
    except OSError as e:
        echo_err(f"error: {path}: cannot write the merge result ({e})")
        return EXIT_ERROR
    if result.conflicts:
        for c in sorted(result.conflicts, key=lambda c: c.line):
            echo_err(f"{path}:{c.line}:1: conflict: {c.where}: {c.reason} ({_sides(c)})")
        n = len(result.conflicts)
        echo_err(f"{path}: {n} conflict{'s' if n != 1 else ''} left as conflict regions")
        return EXIT_CONFLICT
    if check:
        from ..merge.check import new_errors

        errors = new_errors(result.text, ours, theirs, path, prisma_version=prisma_version, others=_siblings(path))
        if errors:
            for d in errors:
                echo_err(d.render(excerpt=False))
            echo_err(f"{path}: merged cleanly, but Prisma rejects the result (errors neither side had)")
            return EXIT_CONFLICT
    echo_err(f"{path}: merged by prisma-tools (blocks, fields, enum values and attributes)")
    return EXIT_CLEAN


def _unsafe(result: MergeResult) -> str | None:
    """Why a clean result must not be written: it must parse back to the merged tree and print as itself."""
    from ..layout import same_meaning
    from ..parser import parse_file_text
    from ..printer import print_file

    tree, text = result.schema_file, result.text
    if tree is None:
        return None
    again = parse_file_text(text, tree.path, strict=False)
    if not same_meaning(again, tree):
        return "the merged text does not parse back to the merged schema"
    # prisma format itself is not stable on a few comment layouts (blank lines come and go)
    if [ln for ln in print_file(again).splitlines() if ln.strip()] != [ln for ln in text.splitlines() if ln.strip()]:
        return "the merged text does not format to itself"
    return None


def _sides(c: Conflict) -> str:
    """Where each side's version is in its own file: ``ours line 12, theirs line 14``."""
    parts = []
    for side in ("ours", "theirs"):
        node = getattr(c, side)
        span = getattr(node, "span", None)
        parts.append(f"{side}: absent" if node is None else f"{side} line {span.start.line}" if span else side)
    return ", ".join(parts)


def _siblings(path: str) -> dict[str, str]:
    """The other files of the schema folder ``path`` belongs to, as the work tree has them now.

    A schema folder is the folder of a file with a datasource or generator, with
    every ``.prisma`` file below it (see :mod:`..discovery`): the nearest one above
    ``path``, up to the work tree's top (where git runs the driver).
    """
    from pathlib import Path

    from ..discovery import discover_schemas, is_schema_root

    target = Path(path).resolve()
    top = Path.cwd().resolve()
    folder: Path | None = target.parent
    while folder is not None:
        try:
            if any(f.is_file() and is_schema_root(f) for f in folder.glob("*.prisma")):
                break
        except OSError:
            pass
        folder = folder.parent if folder != top and top in folder.parents else None
    if folder is None:
        return {}  # below no schema folder: a schema of its own
    for schema in discover_schemas(folder):
        files = [f.resolve() for f in schema.files]
        if target not in files:
            continue
        out: dict[str, str] = {}
        for f in files:
            text = None if f == target else _read(str(f))
            if f != target and (text is None or "<<<<<<<" in text):
                return {}  # a file mid-merge: judge the file alone
            if text is not None:
                out[str(f)] = text
        return out
    return {}


def _line_merge(base: str, ours: str, theirs: str, labels: Labels) -> int:
    """git's own line merge into ``ours`` (``git merge-file``): its exit status, 1 for any conflict."""
    args = ["git", "merge-file", f"--marker-size={labels.size}"]
    for name in (labels.ours, labels.base, labels.theirs):
        args += ["-L", name]
    try:
        code = subprocess.run([*args, ours, base, theirs], check=False).returncode
    except OSError as e:
        echo_err(f"error: cannot run git merge-file ({e})")
        return EXIT_ERROR
    return EXIT_CLEAN if code == 0 else EXIT_CONFLICT


def _install(command: str) -> int:
    """Add the .gitattributes line at the top of the work tree and set the driver in git config."""
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        echo_err("error: not inside a git work tree")
        return EXIT_ERROR
    attributes = os.path.join(top, ".gitattributes")
    existing = _read(attributes) if os.path.exists(attributes) else ""
    if existing is None:
        echo_err(f"error: {attributes}: cannot read")
        return EXIT_ERROR
    if ATTRIBUTES_LINE not in existing.splitlines():
        from ..files import write_atomic

        sep = "" if not existing or existing.endswith("\n") else "\n"
        write_atomic(attributes, existing + sep + ATTRIBUTES_LINE + "\n")
        echo_err(f"{attributes}: added `{ATTRIBUTES_LINE}`")
    for key, value in (
        ("merge.prisma-tools.name", "Prisma schema merge (prisma-tools)"),
        ("merge.prisma-tools.driver", command),
    ):
        subprocess.run(["git", "config", key, value], check=True, cwd=top)
        echo_err(f"git config {key} {value!r}")
    return EXIT_CLEAN
