"""The ``prisma-tools`` command line: argument parsing, help and usage errors.

Running the targets, the messages and the exit status are in runner.py, which
``prisma-tools format FILE`` reaches without importing click (see console.py).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import click

from .. import __version__
from .runner import COMMON_OPTIONS, EXIT_CHANGED, EXIT_ERROR, EXIT_OK, PATHS_METAVAR, format_paths, run_targets

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic
    from ..nodes import Schema
    from .output import Style

__all__ = ["EXIT_CHANGED", "EXIT_ERROR", "EXIT_OK", "cli", "main", "run_targets"]


def _echo_err(message: str) -> None:
    click.echo(message, err=True)


_SCHEMA = click.option(
    "--schema",
    "schema_option",
    metavar="PATH",
    help="The schema file or folder, as Prisma's --schema (default: the PATHs, else where Prisma looks).",
)


def _common(f: Any) -> Any:
    """The arguments and options of `format` and `fix`, from their one description in runner.py."""
    for option in reversed(COMMON_OPTIONS):
        kind: dict[str, Any] = {"is_flag": True} if option.metavar is None else {"metavar": option.metavar}
        f = click.option(*option.flags, option.name, help=option.help, **kind)(f)
    f = _SCHEMA(f)
    return click.argument("paths", nargs=-1, required=False, metavar=PATHS_METAVAR)(f)


def _targets(paths: tuple[str, ...], schema_option: str | None, verbose: bool) -> tuple[str, ...]:
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
        _echo_err(f"error: {e}")
        sys.exit(EXIT_ERROR)
    if verbose:
        _echo_err(f"using {path} ({why})")
    return (path,)


def _config_or_exit(config_path: str | None, paths: Sequence[str], stdin_filename: str | None = None) -> Any:
    """``[tool.prisma-tools]`` of ``--config``, else of the pyproject.toml nearest the targets
    (for ``-``, nearest ``--stdin-filename``, as ruff does); exit 2 on a bad one."""
    from pathlib import Path

    from ..config import ConfigError, find_pyproject, load_config

    where = [stdin_filename if p == "-" and stdin_filename else p for p in paths]
    try:
        return load_config(Path(config_path) if config_path is not None else find_pyproject(where))
    except ConfigError as e:
        _echo_err(f"error: {e}")
        sys.exit(EXIT_ERROR)


_PRISMA_VERSION = click.option(
    "--prisma-version",
    type=click.Choice(["6", "7"]),
    default=None,
    help="The Prisma engine to judge by (default: prisma-version in [tool.prisma-tools], "
    "else the prisma version in the nearest package.json, else 6).",
)


class _Commands(click.Group):
    """The command group; `migrate` (and its database code) is imported only when used."""

    _lazy: ClassVar[dict[str, str]] = {"migrate": "The SQL Prisma Migrate would write; check and deploy on PostgreSQL."}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self._lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name == "migrate" and cmd_name not in self.commands:
            from .migrate import migrate

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
            _targets(paths, schema_option, verbose),
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


def _split(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _render_change(d: Diagnostic, style: Style) -> str:
    # changes print the way linters print them: `path:line:col: CODE message`;
    # problems as everywhere else, with the source line and a caret
    if d.severity == "info" and d.code:
        return f"{style.bold(d.location())}: {style.severity('info', d.code)} {d.message}"
    return style.diagnostic(d)


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
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="pyproject.toml to read [tool.prisma-tools] from (default: the nearest one).",
)
@_PRISMA_VERSION
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

    paths = _targets(paths, schema_option, verbose)
    cfg = _config_or_exit(config_path, paths, stdin_filename)
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
                _echo_err(f"error: {cfg.source}: [tool.prisma-tools] {option}: unknown rule {key!r} ({e})")
                sys.exit(EXIT_ERROR)
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
        )
    )


@cli.command("check")
@click.argument("paths", nargs=-1, required=False, metavar=PATHS_METAVAR)
@_SCHEMA
@_PRISMA_VERSION
@click.option(
    "--output-format",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="Diagnostics as text lines, a JSON list (ruff's shape) on stdout, or GitHub workflow annotations.",
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default=None,
    help="Colour the diagnostics: auto (default: on a terminal, unless NO_COLOR), always or never.",
)
@click.option("--stdin-filename", metavar="PATH", help="The name used in messages when reading standard input.")
@click.option("-q", "--quiet", is_flag=True, help="Print diagnostics only, no summary.")
@click.option("-v", "--verbose", is_flag=True, help="Also say which Prisma version is judged by, and why.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="pyproject.toml to read [tool.prisma-tools] from (default: the nearest one).",
)
def check_command(
    paths: tuple[str, ...],
    prisma_version: str | None,
    output_format: str,
    stdin_filename: str | None,
    quiet: bool,
    verbose: bool,
    config_path: str | None,
    schema_option: str | None,
    color: str | None,
) -> None:
    """Report every error and warning Prisma's validator gives each schema, in Prisma's words.

    Lines look like `path:line:col: severity[CODE]: message`, followed by the
    source line and a caret. Exit status: 0 no error (warnings alone give 0),
    1 errors, 2 a file could not be read. `prisma-tools rules` lists the codes.
    """
    from .check import check_paths
    from .prisma_version import resolve_prisma_version

    paths = _targets(paths, schema_option, verbose)
    cfg = _config_or_exit(config_path, paths, stdin_filename)
    version, source = resolve_prisma_version(
        int(prisma_version) if prisma_version else None, cfg.prisma_version, list(paths)
    )
    if verbose:
        _echo_err(f"judging by Prisma {version} ({source})")
    sys.exit(
        check_paths(
            paths,
            prisma_version=version,
            output_format=output_format,
            stdin_filename=stdin_filename,
            quiet=quiet,
            color=color,
        )
    )


@cli.command("rules")
@click.argument("code", required=False)
@click.option(
    "--output-format", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Text or JSON."
)
def rules_command(code: str | None, output_format: str) -> None:
    """List the diagnostics `check` reports: code, name, severity and Prisma's message.

    With CODE (or a name), show that one only.
    """
    import json

    from ..validation import all_rules

    rules = all_rules()
    if code is not None:
        rules = [r for r in rules if code in (r.code, r.name)]
        if not rules:
            raise click.BadParameter(f"no rule {code!r} (see `prisma-tools rules`)", param_hint="CODE")
    if output_format == "json":
        click.echo(json.dumps([r.__dict__ for r in rules], indent=2))
        return
    for r in rules:
        click.echo(f"{r.code}  {r.name:<32} {r.severity:<7}  {r.template}")


@cli.command("passes")
def passes_command() -> None:
    """List the repair passes of `fix`, in the order they run."""
    from ..passes import PASSES

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
