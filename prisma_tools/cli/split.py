"""``prisma-tools split FILE DIR``, ``prisma-tools join DIR FILE`` and ``prisma-tools sort [PATH]``."""

from __future__ import annotations

import os
import sys

import click

from .options import echo_err
from .runner import EXIT_ERROR, EXIT_OK

__all__ = ["join_command", "sort_command", "split_command"]


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


@click.command("sort")
@click.argument("path", required=False)
@click.option(
    "--blocks",
    type=click.Choice(["kind", "name", "keep"]),
    default="kind",
    show_default=True,
    help="Models, views, types and enums by kind then name, by name, or as they are.",
)
@click.option(
    "--fields",
    type=click.Choice(["keep", "name", "relations-last"]),
    default="keep",
    show_default=True,
    help="Fields as they are, by name, or relation fields after the others.",
)
@click.option("--first", multiple=True, metavar="NAME", help="Blocks to put first, in this order (repeatable).")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if a file would change.")
@click.option("--diff", is_flag=True, help="Write nothing; print a unified diff (exit 1 if any).")
def sort_command(path: str | None, blocks: str, fields: str, first: tuple[str, ...], check: bool, diff: bool) -> None:
    """Put the blocks (and, with --fields, the fields) of a schema in order, comments attached.

    Opt-in: `format` never reorders. The datasource and generators stay first in
    their file; blocks that only move keep their text.
    """
    from ..edit.document import Document
    from ..edit.sort import sort_schema
    from ..files import write_atomic
    from .options import cli_targets
    from .rename import _diff

    target = cli_targets((path,) if path else (), None, False)[0]
    doc = Document(_load(target))  # type: ignore[arg-type]
    doc.schema = sort_schema(doc.schema, blocks=blocks, fields=fields, first=first)  # type: ignore[arg-type]
    changed = doc.changed
    for p, text in changed.items():
        if diff:
            click.echo(_diff(p, doc.sources.get(p, ""), text).replace("(renamed)", "(sorted)"), nl=False)
        elif check:
            click.echo(f"would sort {p}")
        else:
            write_atomic(p, text)
            click.echo(f"sorted {p}")
    sys.exit(1 if changed and (check or diff) else EXIT_OK)
