"""The ``prisma-tools`` command line: argument parsing, messages and exit codes only.

Exit status: 0 nothing to do or all done; 1 ``--check``/``--diff`` found
changes; 2 usage, input, parse or internal error.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import click

from . import __version__

if TYPE_CHECKING:
    from collections.abc import Callable

    from .diagnostics import Diagnostic
    from .nodes import Schema
    from .workflow import Report, Transform

EXIT_OK, EXIT_CHANGED, EXIT_ERROR = 0, 1, 2


def _echo_err(message: str) -> None:
    click.echo(message, err=True)


def _summary(report: Report, *, check: bool) -> str:
    def n(count: int) -> str:
        return f"{count} file{'s' if count != 1 else ''}"

    parts = []
    if report.changed:
        parts.append(f"{n(report.changed)} {'would be ' if check else ''}reformatted")
    if report.unchanged:
        parts.append(f"{n(report.unchanged)} {'would be ' if check else ''}left unchanged")
    failed = sum(1 for o in report.outcomes if o.error) or len(report.errors)
    if failed:
        parts.append(f"{n(failed)} failed")
    return ", ".join(parts) + "." if parts else "No files processed."


def run_targets(
    paths: Sequence[str],
    *,
    check: bool,
    diff: bool,
    lenient: bool,
    quiet: bool,
    verbose: bool,
    stdin_filename: str | None,
    transform: Transform | None = None,
    backup: bool = False,
    json_output: bool = False,
    changes: list[Any] | None = None,
    render: Callable[[Diagnostic], str] | None = None,
) -> int:
    """Process every target and turn the report into messages and an exit status."""
    from .workflow import Report, iter_targets, process

    report = Report()
    write = not (check or diff)
    for target in iter_targets(paths, stdin_filename):
        if isinstance(target, str):
            report.errors.append(target)
            continue
        process(
            target,
            report,
            transform=transform,
            write=write,
            diff=diff,
            lenient=lenient,
            backup=backup,
            out=sys.stdout.write,
        )
    if json_output:
        import json

        payload = {
            "files": [o.__dict__ for o in report.outcomes],
            "diagnostics": [d.model_dump(mode="json", exclude={"line_text"}) for d in report.diagnostics],
            "changes": changes or [],
            "errors": report.errors,
        }
        click.echo(json.dumps(payload, indent=2), err=write and any(t == "-" for t in paths))
    else:
        for d in report.diagnostics:
            if d.severity == "error" or not quiet:
                _echo_err(render(d) if render is not None else d.render(excerpt=True))
        for message in report.errors:
            _echo_err(f"error: {message}")
        if not quiet:
            for o in report.outcomes:
                if o.changed and check:
                    _echo_err(f"would reformat {o.path}")
                elif o.written:
                    _echo_err(f"reformatted {o.path}")
                elif verbose and not o.error:
                    _echo_err(f"{o.path} already well formatted, good job.")
            if report.outcomes or report.errors:
                _echo_err(_summary(report, check=check or diff))
    if report.failed:
        return EXIT_ERROR
    if (check or diff) and report.changed:
        return EXIT_CHANGED
    return EXIT_OK


_COMMON = [
    click.argument("paths", nargs=-1, required=True, metavar="PATH... | -"),
    click.option("--check", is_flag=True, help="Write nothing; exit 1 if any file would change."),
    click.option("--diff", is_flag=True, help="Write nothing; print a unified diff of the changes (exit 1 if any)."),
    click.option(
        "--allow-invalid",
        is_flag=True,
        help="Format lines that do not parse verbatim, as prisma format does, instead of failing (warnings).",
    ),
    click.option("--stdin-filename", metavar="PATH", help="The name used in messages when reading standard input."),
    click.option("-q", "--quiet", is_flag=True, help="Print errors only."),
    click.option("-v", "--verbose", is_flag=True, help="Also list files that are already formatted."),
]


def _common(f: Any) -> Any:
    for decorator in reversed(_COMMON):
        f = decorator(f)
    return f


class _Commands(click.Group):
    """The command group; `migrate` (and its database code) is imported only when used."""

    _lazy: ClassVar[dict[str, str]] = {"migrate": "The SQL Prisma Migrate would write; check and deploy on PostgreSQL."}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self._lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name == "migrate" and cmd_name not in self.commands:
            from .cli_migrate import migrate

            self.add_command(migrate)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # `--help` lists `migrate` from its one-line summary, without importing it
        limit = formatter.width - 6 - max(len(n) for n in self.list_commands(ctx))
        rows = [
            (n, self.commands[n].get_short_help_str(limit) if n in self.commands else self._lazy[n])
            for n in self.list_commands(ctx)
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="prisma-tools")
def cli() -> None:
    """Parse, repair and format Prisma schema files.

    A directory is read as one multi-file schema (all its .prisma files), as
    Prisma reads a schema folder. `-` reads standard input and writes the
    result to standard output.
    """


@cli.command("format")
@_common
def format_command(
    paths: tuple[str, ...],
    check: bool,
    diff: bool,
    allow_invalid: bool,
    stdin_filename: str | None,
    quiet: bool,
    verbose: bool,
) -> None:
    """Format schema files exactly as `prisma format` does.

    Files are rewritten in place (atomically, and only when the text
    changes). Lines that do not parse are errors (exit 2, nothing written)
    unless --allow-invalid is given.
    """
    sys.exit(
        run_targets(
            paths,
            check=check,
            diff=diff,
            lenient=allow_invalid,
            quiet=quiet,
            verbose=verbose,
            stdin_filename=stdin_filename,
        )
    )


def _split(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _render_change(d: Diagnostic) -> str:
    # changes print the way linters print them: `path:line:col: CODE message`
    if d.severity == "info" and d.code:
        return f"{d.location()}: {d.code} {d.message}"
    return d.render(excerpt=False)


@cli.command("fix")
@_common
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
    "--output-format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="How to report changes.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="pyproject.toml to read [tool.prisma-tools] from (default: the nearest one).",
)
def fix_command(
    paths: tuple[str, ...],
    check: bool,
    diff: bool,
    allow_invalid: bool,
    stdin_filename: str | None,
    quiet: bool,
    verbose: bool,
    merge_files: tuple[str, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    duplicates: str | None,
    backup: bool | None,
    output_format: str,
    config_path: str | None,
) -> None:
    """Repair schemas Prisma rejects, then format them.

    Removes duplicate blocks, merges additions files (--merge), adds missing
    back-relation fields and the @unique a one-to-one relation needs. Every
    change is reported as `path:line:col: CODE message`. Settings come from
    [tool.prisma-tools] in the nearest pyproject.toml; flags override them.
    Run `prisma-tools passes` for the list of passes.
    """
    from pathlib import Path

    from .config import ConfigError, find_pyproject, load_config
    from .diagnostics import ParseError
    from .files import SchemaReadError, load
    from .fixer import fix
    from .passes import get_pass

    try:
        cfg = load_config(Path(config_path) if config_path is not None else find_pyproject(paths))
    except ConfigError as e:
        _echo_err(f"error: {e}")
        sys.exit(EXIT_ERROR)
    selected = _split(select) or cfg.select
    ignored = _split(ignore) or cfg.ignore
    for key in [*(selected or []), *ignored]:
        try:
            get_pass(key)
        except ValueError as e:
            raise click.BadParameter(str(e), param_hint="--select/--ignore") from None
    policy = duplicates or cfg.duplicates
    merges = [Path(m) for m in merge_files] or cfg.merge
    additions = []
    for m in merges:
        try:
            additions.append(load(m))
        except SchemaReadError as e:
            _echo_err(f"error: --merge {e}")
            sys.exit(EXIT_ERROR)
        except ParseError as e:
            for d in e.diagnostics:
                _echo_err(d.render())
            sys.exit(EXIT_ERROR)
    changes: list[dict[str, Any]] = []

    def transform(schema: Schema) -> tuple[Schema, list[Diagnostic]]:
        result = fix(schema, merge=additions, select=selected, ignore=ignored, duplicates=policy)  # type: ignore[arg-type]
        changes.extend(c.model_dump(mode="json") for c in result.changes)
        return result.schema, [c.to_diagnostic() for c in result.changes]

    sys.exit(
        run_targets(
            paths,
            check=check,
            diff=diff,
            lenient=allow_invalid,
            quiet=quiet,
            verbose=verbose,
            stdin_filename=stdin_filename,
            transform=transform,
            backup=cfg.backup if backup is None else backup,
            json_output=output_format == "json",
            changes=changes,
            render=_render_change,
        )
    )


@cli.command("passes")
def passes_command() -> None:
    """List the repair passes of `fix`, in the order they run."""
    from .passes import PASSES

    for p in PASSES:
        click.echo(f"{p.code}  {p.name:<24} {p.summary.replace('``', '`')}")


@cli.command("dump")
@click.argument("path", required=False, metavar="PATH | -")
@click.option("--json-schema", is_flag=True, help="Print the JSON Schema of the AST instead.")
@click.option("--allow-invalid", is_flag=True, help="Keep lines that do not parse as catch-all nodes.")
@click.option("--indent", type=int, default=2, show_default=True, help="JSON indentation.")
def dump_command(path: str | None, json_schema: bool, allow_invalid: bool, indent: int) -> None:
    """Print the AST of a schema (file, folder or -) as JSON, or the AST's JSON Schema."""
    import json

    from .nodes import Schema

    if json_schema:
        click.echo(json.dumps(Schema.model_json_schema(), indent=indent))
        return
    if path is None:
        raise click.UsageError("PATH is required (or --json-schema)")
    from .diagnostics import ParseError
    from .files import SchemaReadError, decode, load
    from .parser import parse

    try:
        if path == "-":
            schema = parse(decode(sys.stdin.buffer.read(), "-"), "-", strict=not allow_invalid)
        else:
            schema = load(path, strict=not allow_invalid)
    except SchemaReadError as e:
        _echo_err(f"error: {e}")
        sys.exit(EXIT_ERROR)
    except ParseError as e:
        for d in e.diagnostics:
            _echo_err(d.render())
        sys.exit(EXIT_ERROR)
    click.echo(schema.model_dump_json(indent=indent))


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``prisma-tools`` console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        cli.main(args=args, prog_name="prisma-tools", standalone_mode=True)
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        _echo_err("Aborted.")
        sys.exit(130)
