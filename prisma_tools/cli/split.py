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
@click.option(
    "--numbered/--plain",
    default=True,
    show_default=True,
    help="Start each file name with its block's position (01-User.prisma), so Prisma and `join` keep "
    "the schema's order; --plain: User.prisma.",
)
def split_command(file: str, directory: str, by: str, numbered: bool) -> None:
    """Split a schema file into a schema folder (DIR must not hold .prisma files yet).

    The datasource and generators stay in DIR/schema.prisma; comments go with
    their blocks. Every file is written as `prisma format` writes it. The
    numbers in the file names keep the schema's order: `join` gives the file
    back as `prisma format` prints it.
    """
    from ..edit.split import split
    from ..files import write_atomic

    schema = _load(file)
    if os.path.isdir(directory) and any(n.endswith(".prisma") for n in os.listdir(directory)):
        echo_err(f"error: {directory} already holds .prisma files")
        sys.exit(EXIT_ERROR)
    try:
        files = split(schema, by=by, numbered=numbered)  # type: ignore[arg-type]
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
    """Join a schema folder into one file.

    The datasource and generators come first; then each numbered file's blocks
    (`03-User.prisma`) at that position, the other files' blocks, in Prisma's
    file order, filling the places in between.
    """
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
    default=None,
    help="Models, views, types and enums by kind then name, by name, or as they are (default: kind).",
)
@click.option(
    "--fields",
    type=click.Choice(["keep", "name", "relations-last"]),
    default=None,
    help="Fields as they are, or by name (default: keep); relations-last is keep with --relations-last.",
)
@click.option(
    "--relations-last/--no-relations-last",
    default=None,
    help="Relation fields after the others (default: no).",
)
@click.option(
    "--first",
    multiple=True,
    metavar="NAME",
    help="Blocks to put first, in this order (repeatable; replaces the configured list).",
)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if a file would change.")
@click.option("--diff", is_flag=True, help="Write nothing; print a unified diff (exit 1 if any).")
def sort_command(
    path: str | None,
    blocks: str | None,
    fields: str | None,
    relations_last: bool | None,
    first: tuple[str, ...],
    check: bool,
    diff: bool,
) -> None:
    """Put the blocks (and, with --fields, the fields) of a schema in order, comments attached.

    Opt-in: `format` never reorders. The datasource and generators stay first in
    their file; blocks that only move keep their text. Unset options come from
    [tool.prisma-tools.sort] in the nearest pyproject.toml (`first`, `blocks`,
    `fields`, `relations-last`).
    """
    from ..config import ConfigError, find_pyproject, load_config
    from ..edit.document import Document
    from ..edit.sort import sort_schema
    from ..files import write_atomic
    from .options import cli_targets
    from .rename import _diff

    target = cli_targets((path,) if path else (), None, False)[0]
    try:
        settings = load_config(find_pyproject([target])).sort
    except ConfigError as e:
        echo_err(f"error: {e}")
        sys.exit(EXIT_ERROR)
    doc = Document(_load(target))  # type: ignore[arg-type]
    doc.schema = sort_schema(
        doc.schema,
        blocks=blocks or settings.blocks,  # type: ignore[arg-type]
        fields=fields or settings.fields,  # type: ignore[arg-type]
        first=first or settings.first,
        relations_last=settings.relations_last if relations_last is None else relations_last,
    )
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
