"""``prisma-tools fix``: its click command (the passes are in fixer.py, the work in runner.py and workflow.py)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from .options import PRISMA_VERSION_OPTION, cli_targets, common_options, config_or_exit, echo_err
from .runner import EXIT_ERROR, run_targets

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic
    from ..nodes import Schema
    from .output import Style


__all__ = ["fix_command"]


def _split(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


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
@click.option(
    "--select", multiple=True, metavar="PASS", help="Run only these passes (names or codes, comma-separated)."
)
@click.option("--ignore", multiple=True, metavar="PASS", help="Skip these passes (names or codes, comma-separated).")
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
    ignore: tuple[str, ...],
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
    back-relation fields and the @unique a one-to-one relation needs. Every
    change is reported as `path:line:col: CODE message`. Settings come from
    [tool.prisma-tools] in the nearest pyproject.toml; flags override them.
    Run `prisma-tools passes` for the list of passes. What is left that Prisma
    would reject is then reported as `check` reports it, and the exit status
    is 1 (the repaired text is still written).
    """
    from pathlib import Path

    from ..diagnostics import ParseError
    from ..files import SchemaReadError, load
    from ..fixer import fix
    from ..passes import get_pass

    paths = cli_targets(paths, schema_option, verbose)
    cfg = config_or_exit(config_path, paths, stdin_filename)
    selected = _split(select) or cfg.select
    ignored = _split(ignore) or cfg.ignore
    for option, keys, from_flags in (("select", selected, bool(select)), ("ignore", ignored, bool(ignore))):
        for key in keys or ():
            try:
                get_pass(key)
            except ValueError as e:
                if from_flags:
                    raise click.BadParameter(str(e), param_hint="--select/--ignore") from None
                # a bad value in the file is the file's error, not a usage error
                echo_err(f"error: {cfg.source}: [tool.prisma-tools] {option}: unknown rule {key!r} ({e})")
                sys.exit(EXIT_ERROR)
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

    def transform(schema: Schema) -> tuple[Schema, list[Diagnostic]]:
        result = fix(schema, merge=additions, select=selected, ignore=ignored, duplicates=policy)  # type: ignore[arg-type]
        return result.schema, [c.to_diagnostic() for c in result.changes]

    validate = None
    if not no_check:
        from .check import check_texts
        from .prisma_version import resolve_prisma_version

        version, _ = resolve_prisma_version(
            int(prisma_version) if prisma_version else None, cfg.prisma_version, list(paths)
        )

        def validate(texts: dict[str, str]) -> list[Diagnostic]:
            return check_texts(texts, prisma_version=version)

    sys.exit(
        run_targets(
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
    )
