"""The ``prisma-tools`` click group: argument parsing, help and usage errors.

The group and ``check`` are here; the other commands have a module each: ``format.py``,
``fix.py``, ``rules.py`` (``rules`` and ``passes``), ``dump.py``, and ``migrate.py``, which
is imported only when used. Their shared options are in ``options.py``.

Running the targets, the messages and the exit status are in runner.py, which
``prisma-tools format FILE`` reaches without importing click (see console.py).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import ClassVar

import click

from .. import __version__
from .dump import dump_command
from .fix import fix_command
from .format import format_command
from .lint import lint_command
from .merge_driver import merge_driver_command
from .options import PRISMA_VERSION_OPTION, SCHEMA_OPTION, cli_targets, config_or_exit, echo_err
from .rename import rename_command
from .rules import passes_command, rule_command, rules_command
from .runner import EXIT_CHANGED, EXIT_ERROR, EXIT_OK, PATHS_METAVAR, run_targets
from .selection import build_selection, selection_options
from .split import join_command, sort_command, split_command

__all__ = ["EXIT_CHANGED", "EXIT_ERROR", "EXIT_OK", "cli", "main", "run_targets"]


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


@cli.command("check")
@click.argument("paths", nargs=-1, required=False, metavar=PATHS_METAVAR)
@SCHEMA_OPTION
@PRISMA_VERSION_OPTION
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
@selection_options
@click.option("--show-fixes", is_flag=True, help="Show the fix each diagnostic has, and how many can be applied.")
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
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    show_fixes: bool,
) -> None:
    """Report every error and warning Prisma's validator gives each schema, in Prisma's words.

    Lines look like `path:line:col: severity[CODE]: message`, followed by the
    source line and a caret. Exit status: 0 no error (warnings alone give 0),
    1 errors, 2 a file could not be read. `prisma-tools rules` lists the codes.
    """
    from .check import check_paths
    from .lint_settings import lint_settings
    from .prisma_version import resolve_prisma_version

    paths = cli_targets(paths, schema_option, verbose)
    cfg = config_or_exit(config_path, paths, stdin_filename)
    selection = build_selection(select, extend_select, ignore, cfg)
    version, source = resolve_prisma_version(
        int(prisma_version) if prisma_version else None, cfg.prisma_version, list(paths)
    )
    if verbose:
        echo_err(f"judging by Prisma {version} ({source})")
    with lint_settings(cfg, selection, quiet=quiet):  # the selected lint rules' options
        status = check_paths(
            paths,
            prisma_version=version,
            output_format=output_format,
            stdin_filename=stdin_filename,
            quiet=quiet,
            color=color,
            selection=selection,
            show_fixes=show_fixes,
        )
    sys.exit(status)


for _command in (
    format_command,
    fix_command,
    rules_command,
    rule_command,
    passes_command,
    dump_command,
    merge_driver_command,
    rename_command,
    split_command,
    join_command,
    sort_command,
    lint_command,
):
    cli.add_command(_command)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``prisma-tools`` console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        cli.main(args=args, prog_name="prisma-tools", standalone_mode=True)
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        echo_err("Aborted.")
        sys.exit(130)
