"""Options and helpers the click commands share: ``--schema``, ``--prisma-version``, the
arguments of ``format`` and ``fix`` (from runner.py), the targets, the configuration."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import click

from .runner import COMMON_OPTIONS, EXIT_ERROR, PATHS_METAVAR

__all__ = ["PRISMA_VERSION_OPTION", "SCHEMA_OPTION", "cli_targets", "common_options", "config_or_exit", "echo_err"]


def echo_err(message: str) -> None:
    click.echo(message, err=True)


SCHEMA_OPTION = click.option(
    "--schema",
    "schema_option",
    metavar="PATH",
    help="The schema file or folder, as Prisma's --schema (default: the PATHs, else where Prisma looks).",
)


def common_options(f: Any) -> Any:
    """The arguments and options of `format` and `fix`, from their one description in runner.py."""
    for option in reversed(COMMON_OPTIONS):
        kind: dict[str, Any] = {"is_flag": True} if option.metavar is None else {"metavar": option.metavar}
        f = click.option(*option.flags, option.name, help=option.help, **kind)(f)
    f = SCHEMA_OPTION(f)
    return click.argument("paths", nargs=-1, required=False, metavar=PATHS_METAVAR)(f)


def cli_targets(paths: tuple[str, ...], schema_option: str | None, verbose: bool) -> tuple[str, ...]:
    """The PATHs; with none, ``--schema``, else the schema Prisma's CLI would find here."""
    if paths and schema_option:
        raise click.UsageError("give PATHs or --schema, not both")
    if paths:
        return paths
    if schema_option:
        return (schema_option,)
    from ..schema_location import SchemaNotFound, locate_schema

    try:
        path, why = locate_schema()
    except SchemaNotFound as e:
        echo_err(f"error: {e}")
        sys.exit(EXIT_ERROR)
    if verbose:
        echo_err(f"using {path} ({why})")
    return (path,)


def config_or_exit(config_path: str | None, paths: Sequence[str], stdin_filename: str | None = None) -> Any:
    """``[tool.prisma-tools]`` of ``--config``, else of the pyproject.toml nearest the targets
    (for ``-``, nearest ``--stdin-filename``, as ruff does); exit 2 on a bad one."""
    from pathlib import Path

    from ..config import ConfigError, find_pyproject, load_config

    where = [stdin_filename if p == "-" and stdin_filename else p for p in paths]
    try:
        return load_config(Path(config_path) if config_path is not None else find_pyproject(where))
    except ConfigError as e:
        echo_err(f"error: {e}")
        sys.exit(EXIT_ERROR)


PRISMA_VERSION_OPTION = click.option(
    "--prisma-version",
    type=click.Choice(["6", "7"]),
    default=None,
    help="The Prisma engine to judge by (default: prisma-version in [tool.prisma-tools], "
    "else the prisma version in the nearest package.json, else 6).",
)
