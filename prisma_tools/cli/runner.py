"""Running ``format`` and ``fix`` over command-line targets, without click.

Everything here is plain Python so that ``prisma-tools format FILE`` can run
without importing click (about 15 ms of start-up): the messages and exit
status of a run, the options ``format`` and ``fix`` share (``options.py`` builds
its click options from :data:`COMMON_OPTIONS`), and the console script's fast
path (:func:`parse_format_args`, :func:`run_format`), which accepts only
arguments whose meaning to click is unambiguous and leaves the rest (help,
usage errors, other commands) to click.

Exit status: 0 nothing to do or all done; 1 ``--check``/``--diff`` found
changes, or ``fix`` left errors Prisma rejects; 2 usage, input, parse or internal error.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs start-up time
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any, NoReturn, TextIO

    from ..diagnostics import Diagnostic
    from .output import Style
    from .workflow import Report, Transform, Validate

__all__ = [
    "COMMON_OPTIONS",
    "EXIT_CHANGED",
    "EXIT_ERROR",
    "EXIT_OK",
    "PATHS_METAVAR",
    "Option",
    "echo",
    "format_paths",
    "parse_format_args",
    "run_format",
    "run_targets",
]

EXIT_OK, EXIT_CHANGED, EXIT_ERROR = 0, 1, 2


def echo(message: str, *, err: bool = False, colour: bool = False) -> None:
    """Write ``message`` and a line break as ``click.echo`` does (and flush).

    ``colour``: the message is styled on purpose (``--color always``): keep its escape sequences.
    """
    stream = sys.stderr if err else sys.stdout
    if stream is None:  # no console (pythonw): click drops the message too
        return
    if sys.platform == "win32" or _ascii_stream(stream):
        # click re-encodes an ASCII-configured stream as UTF-8 and writes to the
        # Windows console with its own wrapper: let it, rather than copy that.
        import click

        click.echo(message, err=err, color=colour or None)
        return
    text = message + "\n"
    if "\x1b" in text and not colour and not _isatty(stream) and not type(stream).__module__.startswith("ipykernel."):
        # click removes ANSI escape sequences (from a schema line, say) when not writing to a terminal
        import re

        text = re.sub(r"\033\[[0-?]*[ -/]*[@-~]", "", text)
    stream.write(text)
    stream.flush()


def _ascii_stream(stream: TextIO) -> bool:
    import codecs  # loaded at interpreter start-up: free

    try:
        return codecs.lookup(getattr(stream, "encoding", None) or "ascii").name == "ascii"
    except LookupError:
        return False


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except Exception:
        return False


class Option:
    """One command-line option shared by ``format`` and ``fix``: a flag, or an option taking a value."""

    __slots__ = ("flags", "help", "metavar", "name")

    def __init__(self, name: str, *flags: str, help: str, metavar: str | None = None) -> None:
        self.name = name  # the keyword the command receives
        self.flags = flags  # spellings, as click declares them
        self.help = help
        self.metavar = metavar  # None for a flag; the value's name in --help otherwise


PATHS_METAVAR = "PATH... | -"
"""The positional arguments of ``format`` and ``fix``: files, folders, or ``-`` for standard input (at least one)."""

COMMON_OPTIONS = (
    Option("check", "--check", help="Write nothing; exit 1 if any file would change."),
    Option("diff", "--diff", help="Write nothing; print a unified diff of the changes (exit 1 if any)."),
    Option(
        "allow_invalid",
        "--allow-invalid",
        help="Format lines that do not parse verbatim, as prisma format does, instead of failing (warnings).",
    ),
    Option(
        "stdin_filename",
        "--stdin-filename",
        metavar="PATH",
        help="The name used in messages when reading standard input.",
    ),
    Option("quiet", "-q", "--quiet", help="Print diagnostics and changes only, no progress lines."),
    Option("silent", "--silent", help="Print nothing (the exit status says it all)."),
    Option(
        "output_format",
        "--output-format",
        metavar="FORMAT",
        help="text (default), json (a list in ruff's shape, on stdout) or github (workflow annotations).",
    ),
    Option("color", "--color", metavar="WHEN", help="Colour diagnostics and diffs: auto (default), always or never."),
    Option("verbose", "-v", "--verbose", help="Also list files that are already formatted."),
)


def parse_format_args(args: Sequence[str]) -> tuple[list[str], dict[str, Any]] | None:
    """The paths and option values of ``format ARGS``, or None unless click would read ARGS the same way.

    Accepted: the spellings of :data:`COMMON_OPTIONS` (each flag on its own,
    ``--stdin-filename VALUE`` or ``--stdin-filename=VALUE`` with a value not
    starting with ``-``), anywhere among at least one path (an argument not
    starting with ``-``, or ``-`` itself). Anything else (``--help``, ``--``,
    ``-qv``, unknown options, no path) is left to click, which owns help and
    usage errors.
    """
    flags = {flag: o for o in COMMON_OPTIONS for flag in o.flags}
    values: dict[str, Any] = {o.name: None if o.metavar else False for o in COMMON_OPTIONS}
    paths: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg == "-" or not arg.startswith("-"):
            paths.append(arg)
            continue
        name, eq, value = arg.partition("=")
        option = flags.get(name)
        if option is None or (eq and option.metavar is None):
            return None
        if option.metavar is None:
            values[option.name] = True
            continue
        if not eq:
            if i == len(args):
                return None
            value = args[i]
            i += 1
        if value.startswith("-"):  # click would take it as the value; too easily a mistake to guess at
            return None
        values[option.name] = value  # repeated: the last one wins, as in click
    return (paths, values) if paths else None


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
    silent: bool = False,
    transform: Transform | None = None,
    backup: bool = False,
    output_format: str | None = None,
    color: str | None = None,
    render: Callable[[Diagnostic, Style], str] | None = None,
    validate: Validate | None = None,
    resolve_conflicts: bool = False,
) -> int:
    """Process every target and turn the report into messages and an exit status."""
    from .output import Style, use_colour
    from .workflow import Report, iter_targets, process

    output_format = output_format or "text"
    problem = _option_problem(output_format, color, diff=diff, writes_stdout="-" in paths and not (check or diff))
    if problem:
        echo(f"error: {problem}", err=True)
        return EXIT_ERROR
    style = Style(output_format == "text" and use_colour(color, sys.stderr))
    diff_style = Style(use_colour(color, sys.stdout))
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
            diff_out=lambda text: sys.stdout.write(diff_style.diff(text)),
            validate=validate,
            resolve_conflicts=resolve_conflicts,
        )
    if output_format == "json":
        from .output import diagnostics_json, message_json

        errors = [message_json(*_split_error(e)) for e in report.errors]
        echo(diagnostics_json(report.diagnostics, errors))
    elif output_format == "github":
        from .output import github_annotation

        for d in report.diagnostics:
            echo(github_annotation(d))
        for e in report.errors:
            echo(f"::error title=prisma-tools::{e}")
    elif not silent:
        # -q hides progress lines, never a diagnostic or a change (as ruff's -q)
        for d in report.diagnostics:
            echo(render(d, style) if render is not None else style.diagnostic(d), err=True, colour=style.on)
        for message in report.errors:
            echo(f"{style.severity('error', 'error')}: {message}", err=True, colour=style.on)
        if not quiet:
            for o in report.outcomes:
                if o.changed and check:
                    echo(f"would reformat {o.path}", err=True)
                elif o.written:
                    echo(f"reformatted {o.path}", err=True)
                elif verbose and not o.error:
                    echo(f"{o.path} already well formatted, good job.", err=True)
            if report.outcomes or report.errors:
                echo(_summary(report, check=check or diff), err=True)
            if report.invalid:
                schemas = f"{report.invalid} schema{'s' if report.invalid != 1 else ''}"
                echo(f"{schemas} still {'have' if report.invalid != 1 else 'has'} errors Prisma rejects.", err=True)
    if report.failed:
        return EXIT_ERROR
    if (check or diff) and report.changed:
        return EXIT_CHANGED
    if report.invalid:
        return EXIT_CHANGED
    return EXIT_OK


def _option_problem(output_format: str, color: str | None, *, diff: bool, writes_stdout: bool) -> str | None:
    """What is wrong with the output options, if anything (the fast path does not validate choices)."""
    from .output import OUTPUT_FORMATS

    if output_format not in OUTPUT_FORMATS:
        return f"--output-format must be one of {', '.join(OUTPUT_FORMATS)}, not {output_format!r}"
    if color not in (None, "auto", "always", "never"):
        return f"--color must be auto, always or never, not {color!r}"
    if output_format != "text" and diff:
        return f"--diff prints a diff, --output-format {output_format} a report: give one of them"
    if output_format != "text" and writes_stdout:
        return f"--output-format {output_format} and the formatted text of `-` would share standard output; add --check"
    return None


def _split_error(message: str) -> tuple[str, str]:
    """``"path: what"`` -> ``(path, what)`` for the JSON report."""
    path, sep, rest = message.partition(": ")
    return (path, rest) if sep else ("", message)


def format_paths(
    paths: Sequence[str],
    *,
    check: bool,
    diff: bool,
    allow_invalid: bool,
    stdin_filename: str | None,
    quiet: bool,
    verbose: bool,
    silent: bool = False,
    output_format: str | None = None,
    color: str | None = None,
) -> int:
    """``prisma-tools format``: the exit status; the keywords are the names of :data:`COMMON_OPTIONS`."""
    return run_targets(
        paths,
        check=check,
        diff=diff,
        lenient=allow_invalid,
        quiet=quiet,
        verbose=verbose,
        stdin_filename=stdin_filename,
        silent=silent,
        output_format=output_format,
        color=color,
    )


def run_format(paths: Sequence[str], values: dict[str, Any]) -> NoReturn:
    """Run ``format`` and exit, handling interrupts and a closed pipe as click's standalone mode does."""
    try:
        code = format_paths(paths, **values)
    except (EOFError, KeyboardInterrupt):
        echo("", err=True)
        echo("Aborted!", err=True)
        code = 1
    except OSError as e:
        import errno

        if e.errno != errno.EPIPE:
            raise
        # the reader went away (`| head`): exit 1 without a traceback when Python flushes the streams
        sys.stdout = _PacifyFlush(sys.stdout)
        sys.stderr = _PacifyFlush(sys.stderr)
        code = 1
    sys.exit(code)


class _PacifyFlush:
    """A stream whose ``flush`` ignores a broken pipe (click's ``_PacifyFlushWrapper``)."""

    def __init__(self, wrapped: TextIO) -> None:
        self.wrapped = wrapped

    def flush(self) -> None:
        try:
            self.wrapped.flush()
        except OSError as e:
            import errno

            if e.errno != errno.EPIPE:
                raise

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.wrapped, attr)
