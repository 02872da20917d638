"""``prisma-tools fix``: its click command (the passes are in fixer.py, the work in runner.py and workflow.py)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from .options import PRISMA_VERSION_OPTION, cli_targets, common_options, config_or_exit, echo_err
from .runner import EXIT_ERROR, run_targets
from .selection import build_selection, selection_options

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic
    from ..nodes import Schema
    from .output import Style


__all__ = ["fix_command"]


def _render_change(d: Diagnostic, style: Style) -> str:
    # changes print the way linters print them: `path:line:col: CODE message`;
    # problems as everywhere else, with the source line and a caret
    if d.severity == "info" and d.code:
        return f"{style.bold(d.location())}: {style.severity('info', d.code)} {d.message}"
    return style.diagnostic(d)


@click.command("fix")
@common_options
@click.option(
    "--merge", "merge_files", multiple=True, metavar="FILE", help="Merge blocks and fields from FILE (repeatable)."
)
@selection_options
@click.option("--unsafe-fixes", is_flag=True, default=None, help="Apply unsafe fixes too (they may change meaning).")
@click.option("--fix-only", is_flag=True, help="Do not report what is left unfixed (exit 0 if it is written).")
@click.option("--show-fixes", is_flag=True, help="End with a count of the fixes applied, per rule.")
@click.option(
    "--duplicates",
    type=click.Choice(["first", "last", "error"]),
    default=None,
    help="Which copy of a duplicated block to keep, or `error` to only report duplicates.  [default: first]",
)
@click.option("--backup", is_flag=True, default=None, help="Keep FILE.bak (the original) before writing FILE.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="pyproject.toml to read [tool.prisma-tools] from (default: the nearest one).",
)
@PRISMA_VERSION_OPTION
@click.option("--no-check", is_flag=True, help="Do not validate the result (by default, errors left exit 1).")
def fix_command(
    paths: tuple[str, ...],
    check: bool,
    diff: bool,
    allow_invalid: bool,
    stdin_filename: str | None,
    quiet: bool,
    silent: bool,
    verbose: bool,
    merge_files: tuple[str, ...],
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    unsafe_fixes: bool | None,
    fix_only: bool,
    show_fixes: bool,
    duplicates: str | None,
    backup: bool | None,
    output_format: str | None,
    color: str | None,
    config_path: str | None,
    prisma_version: str | None,
    no_check: bool,
    schema_option: str | None,
) -> None:
    """Repair schemas Prisma rejects, then format them.

    Removes duplicate blocks, merges additions files (--merge), adds missing
    back-relation fields and the @unique a one-to-one relation needs, then
    applies the fixes of the selected rules (safe ones; unsafe ones with
    --unsafe-fixes) until nothing changes. Every change is reported as
    `path:line:col: CODE message`. Settings come from [tool.prisma-tools] in
    the nearest pyproject.toml; flags override them. Run `prisma-tools rules`
    for the rules and their fixes. What is left that Prisma would reject is
    then reported as `check` reports it, and the exit status is 1 (the
    repaired text is still written).
    """
    from pathlib import Path

    from ..diagnostics import ParseError
    from ..files import SchemaReadError, load

    paths = cli_targets(paths, schema_option, verbose)
    cfg = config_or_exit(config_path, paths, stdin_filename)
    selection = build_selection(select, extend_select, ignore, cfg)
    unsafe = cfg.unsafe_fixes if unsafe_fixes is None else unsafe_fixes
    no_check = no_check or fix_only
    policy = duplicates or cfg.duplicates
    merges = [Path(m) for m in merge_files] or cfg.merge
    additions = []
    for m in merges:
        try:
            additions.append(load(m))
        except SchemaReadError as e:
            echo_err(f"error: --merge {e}")
            sys.exit(EXIT_ERROR)
        except ParseError as e:
            for d in e.diagnostics:
                echo_err(d.render())
            sys.exit(EXIT_ERROR)

    from .prisma_version import resolve_prisma_version

    version, _ = resolve_prisma_version(
        int(prisma_version) if prisma_version else None, cfg.prisma_version, list(paths)
    )
    applied: list[Diagnostic] = []

    def transform(schema: Schema) -> tuple[Schema, list[Diagnostic]]:
        from ..autofix import fix_schema

        fixed, found = fix_schema(
            schema,
            merge=additions,
            duplicates=policy,  # type: ignore[arg-type]  # click and the configuration check the value
            prisma_version=version,
            selection=selection,
            unsafe=unsafe,
        )
        applied.extend(d for d in found if d.fix is not None)
        return fixed, found

    validate = None
    if not no_check:
        from ..selection import Selection
        from .check import check_texts

        # what Prisma would still reject, and the selected rules beyond Prisma's (lint)
        remaining = Selection(
            extend_select=(*(selection.select or ()), *selection.extend_select), ignore=selection.ignore
        )

        def validate(texts: dict[str, str]) -> list[Diagnostic]:
            return check_texts(texts, prisma_version=version, selection=remaining)

    status = run_targets(
        paths,
        check=check,
        diff=diff,
        lenient=allow_invalid,
        quiet=quiet,
        verbose=verbose,
        silent=silent,
        stdin_filename=stdin_filename,
        transform=transform,
        backup=cfg.backup if backup is None else backup,
        output_format=output_format,
        color=color,
        render=_render_change,
        validate=validate,
        resolve_conflicts=True,
    )
    if show_fixes and not silent:
        echo_err(fixes_summary(applied))
    sys.exit(status)


def fixes_summary(applied: list[Diagnostic]) -> str:
    """``Fixed N issues:`` and a count per rule, as ruff's ``--show-fixes`` ends."""
    from collections import Counter

    from ..registry import get_rule

    if not applied:
        return "No fixes applied."
    counts = Counter(d.code for d in applied)
    lines = [f"Fixed {len(applied)} issue{'s' if len(applied) != 1 else ''}:"]
    for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] or "")):
        r = get_rule(code or "")
        lines.append(f"  {n:>3} x {code} ({r.name if r else '?'})")
    return "\n".join(lines)
