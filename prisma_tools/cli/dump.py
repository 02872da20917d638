"""``prisma-tools dump``: a schema's AST as JSON, or the AST's JSON Schema."""

from __future__ import annotations

import sys

import click

from .options import echo_err
from .runner import EXIT_ERROR

__all__ = ["dump_command"]


@click.command("dump")
@click.argument("path", required=False, metavar="PATH | -")
@click.option("--json-schema", is_flag=True, help="Print the JSON Schema of the AST instead.")
@click.option("--allow-invalid", is_flag=True, help="Keep lines that do not parse as catch-all nodes.")
@click.option("--indent", type=int, default=2, show_default=True, help="JSON indentation.")
def dump_command(path: str | None, json_schema: bool, allow_invalid: bool, indent: int) -> None:
    """Print the AST of a schema (file, folder or -) as JSON, or the AST's JSON Schema."""
    import json

    from ..nodes import Schema

    if json_schema:
        click.echo(json.dumps(Schema.model_json_schema(), indent=indent))
        return
    if path is None:
        raise click.UsageError("PATH is required (or --json-schema)")
    from ..diagnostics import ParseError
    from ..files import SchemaReadError, decode, load
    from ..parser import parse

    try:
        if path == "-":
            schema = parse(decode(sys.stdin.buffer.read(), "-"), "-", strict=not allow_invalid)
        else:
            schema = load(path, strict=not allow_invalid)
    except SchemaReadError as e:
        echo_err(f"error: {e}")
        sys.exit(EXIT_ERROR)
    except ParseError as e:
        for d in e.diagnostics:
            echo_err(d.render())
        sys.exit(EXIT_ERROR)
    click.echo(schema.model_dump_json(indent=indent))
