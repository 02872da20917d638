"""``prisma-tools split FILE DIR`` and ``prisma-tools join DIR FILE``."""

from __future__ import annotations

import os
import sys

import click

from .options import echo_err
from .runner import EXIT_ERROR, EXIT_OK

__all__ = ["join_command", "split_command"]


def _load(path: str) -> object:
    from ..diagnostics import ParseError
    from ..files import SchemaReadError, load

    try:
        return load(path)
    except SchemaReadError as e:
        echo_err(f"error: {e}")
    except ParseError as e:
        for d in e.diagnostics:
            echo_err(d.render())
    sys.exit(EXIT_ERROR)


@click.command("split")
@click.argument("file", type=click.Path(dir_okay=False))
@click.argument("directory", type=click.Path(file_okay=False))
@click.option(
    "--by",
    type=click.Choice(["model", "namespace"]),
    default="model",
    show_default=True,
    help="One file per model, view, type and enum, or per `/// @namespace Name` group.",
)
def split_command(file: str, directory: str, by: str) -> None:
    """Split a schema file into a schema folder (DIR must not hold .prisma files yet).

    The datasource and generators stay in DIR/schema.prisma; comments go with
    their blocks. Every file is written as `prisma format` writes it.
    """
    from ..edit.split import split
    from ..files import write_atomic

    schema = _load(file)
    if os.path.isdir(directory) and any(n.endswith(".prisma") for n in os.listdir(directory)):
        echo_err(f"error: {directory} already holds .prisma files")
        sys.exit(EXIT_ERROR)
    try:
        files = split(schema, by=by)  # type: ignore[arg-type]
    except ValueError as e:
        echo_err(f"error: {e}")
        sys.exit(EXIT_ERROR)
    os.makedirs(directory, exist_ok=True)
    for name, text in files.items():
        target = os.path.join(directory, name)
        write_atomic(target, text)
        click.echo(f"wrote {target}")
    sys.exit(EXIT_OK)


@click.command("join")
@click.argument("directory", type=click.Path(file_okay=False, exists=True))
@click.argument("file", type=click.Path(dir_okay=False))
def join_command(directory: str, file: str) -> None:
    """Join a schema folder into one file (configuration blocks first, then in Prisma's file order)."""
    from ..edit.split import join
    from ..files import write_atomic

    schema = _load(directory)
    if os.path.exists(file):
        echo_err(f"error: {file} exists")
        sys.exit(EXIT_ERROR)
    write_atomic(file, join(schema, file))  # type: ignore[arg-type]
    click.echo(f"wrote {file}")
    sys.exit(EXIT_OK)
