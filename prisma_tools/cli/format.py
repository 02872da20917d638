"""``prisma-tools format``: its click command (the work is in runner.py and workflow.py)."""

from __future__ import annotations

import sys

import click

from .options import cli_targets, common_options
from .runner import format_paths

__all__ = ["format_command"]


@click.command("format")
@common_options
def format_command(
    paths: tuple[str, ...],
    check: bool,
    diff: bool,
    allow_invalid: bool,
    stdin_filename: str | None,
    quiet: bool,
    silent: bool,
    verbose: bool,
    output_format: str | None,
    color: str | None,
    schema_option: str | None,
) -> None:
    """Format schema files exactly as `prisma format` does.

    Files are rewritten in place (atomically, and only when the text
    changes). Lines that do not parse are errors (exit 2, nothing written)
    unless --allow-invalid is given. Without PATH, the schema is found where
    Prisma's CLI looks for it (package.json, prisma.config.ts,
    prisma/schema.prisma, schema.prisma, prisma/schema/).
    """
    sys.exit(
        format_paths(
            cli_targets(paths, schema_option, verbose),
            check=check,
            diff=diff,
            allow_invalid=allow_invalid,
            stdin_filename=stdin_filename,
            quiet=quiet,
            verbose=verbose,
            silent=silent,
            output_format=output_format,
            color=color,
        )
    )
