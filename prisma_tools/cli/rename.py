"""``prisma-tools rename KIND OLD NEW [PATH]``: rename a model, enum, type, field or value everywhere."""

from __future__ import annotations

import sys

import click

from .options import SCHEMA_OPTION, cli_targets, echo_err
from .runner import EXIT_CHANGED, EXIT_ERROR, EXIT_OK

__all__ = ["rename_command"]

KINDS = ("model", "view", "enum", "type", "field", "value")


@click.command("rename")
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("old")
@click.argument("new")
@click.argument("path", required=False)
@SCHEMA_OPTION
@click.option(
    "--keep-db-name/--rename-db",
    default=True,
    help="Keep the database as it is with @map/@@map (default), or let its names follow the new name.",
)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if the rename would change a file.")
@click.option("--diff", is_flag=True, help="Write nothing; print a unified diff (exit 1 if any).")
@click.option("-q", "--quiet", is_flag=True, help="Print no edit, only errors.")
@click.option("--prisma-version", type=click.Choice(["6", "7"]), default="6", help="The engine judging the result.")
def rename_command(
    kind: str,
    old: str,
    new: str,
    path: str | None,
    schema_option: str | None,
    keep_db_name: bool,
    check: bool,
    diff: bool,
    quiet: bool,
    prisma_version: str,
) -> None:
    """Rename OLD (`Model`, `Model.field` or `Enum.VALUE`) to NEW in every file of the schema.

    Every reference follows: field types, @relation(fields/references), the
    field lists of @@id/@@unique/@@index, @default enum values. With
    --keep-db-name (the default) the database stays as it is: @map/@@map is
    added; a map naming NEW is removed when renaming back would write it
    again as it is, so renaming back restores the text. Each edit is
    reported as `path:line:col: what`. A name that is taken, or a result Prisma
    would reject, is refused (exit 2, nothing written). Without PATH, the schema
    is found where Prisma's CLI looks for it.
    """
    sys.exit(
        _run(
            kind,
            old,
            new,
            cli_targets((path,) if path else (), schema_option, False)[0],
            keep_db_name,
            check=check,
            diff=diff,
            quiet=quiet,
            prisma_version=int(prisma_version),
        )
    )


def _run(
    kind: str,
    old: str,
    new: str,
    path: str,
    keep_db_name: bool,
    *,
    check: bool,
    diff: bool,
    quiet: bool,
    prisma_version: int,
) -> int:
    from ..diagnostics import ParseError
    from ..edit.references import resolve_target
    from ..edit.rename import RenameError, rename
    from ..files import SchemaReadError, SchemaWriteError, load, write_atomic
    from ..resolve import analyze

    try:
        schema = load(path)
    except SchemaReadError as e:
        echo_err(f"error: {e}")
        return EXIT_ERROR
    except ParseError as e:
        for d in e.diagnostics:
            echo_err(d.render())
        return EXIT_ERROR
    member = kind in ("field", "value")
    if ("." in old) != member:
        echo_err(f"error: a {kind} is written {'Block.name' if member else 'Name'}, not {old!r}")
        return EXIT_ERROR
    try:
        found = resolve_target(analyze(schema), old).kind
    except KeyError as e:
        echo_err(f"error: {e.args[0]}")
        return EXIT_ERROR
    if found != kind:
        echo_err(f"error: {old} is {_a(found)}, not {_a(kind)}")
        return EXIT_ERROR
    try:
        result = rename(schema, old, new, keep_db_name=keep_db_name, prisma_version=prisma_version)
    except RenameError as e:
        echo_err(f"error: {e}")
        return EXIT_ERROR
    if not quiet:
        for change in result.changes:
            click.echo(change.render())
    changed = result.changed
    if diff:
        for p, text in changed.items():
            click.echo(_diff(p, result.sources[p], text), nl=False)
    if check or diff:
        return EXIT_CHANGED if changed else EXIT_OK
    try:
        for p, text in changed.items():
            write_atomic(p, text)
    except (OSError, SchemaWriteError) as e:
        echo_err(f"error: {e}")
        return EXIT_ERROR
    if not quiet:
        n = len(result.changes)
        click.echo(
            f"renamed {old} to {new}: {n} edit{'s' * (n != 1)} in {len(changed)} file{'s' * (len(changed) != 1)}"
        )
    return EXIT_OK


def _a(kind: str) -> str:
    return ("an " if kind[0] in "aeiou" else "a ") + {"type": "composite type"}.get(kind, kind)


def _diff(path: str, before: str, after: str) -> str:
    import difflib

    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"{path}\t(original)", f"{path}\t(renamed)"
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
