"""``prisma-tools lint``: prisma-lint's rules (opt-in), and their fixes with ``--fix``.

Rules come from ``--select`` or ``select`` in ``[tool.prisma-tools.lint]`` (none
by default), with their options from the same table. Exit status: 0 nothing
found (or everything fixed), 1 findings remain, 2 a schema could not be read or
parsed, or the configuration is wrong.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

import click

from .options import SCHEMA_OPTION, cli_targets, config_or_exit, echo_err
from .runner import EXIT_ERROR, EXIT_OK, PATHS_METAVAR, echo

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic
    from ..lint import LintRule, Options

__all__ = ["lint_command"]

EXIT_FOUND = 1


def _csv(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


@click.command("lint")
@click.argument("paths", nargs=-1, required=False, metavar=PATHS_METAVAR)
@SCHEMA_OPTION
@click.option(
    "--select", multiple=True, metavar="RULES", help="Rules to run (names, codes, prefixes, ALL), comma-separated."
)
@click.option("--ignore", multiple=True, metavar="RULES", help="Rules not to run, comma-separated.")
@click.option("--fix", is_flag=True, help="Apply the safe fixes and write the files.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix, apply the unsafe fixes too.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff instead of writing them (exit 1 if any).")
@click.option(
    "--output-format", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Text or JSON."
)
@click.option("--stdin-filename", metavar="PATH", help="The name used in messages when reading standard input.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="pyproject.toml to read.")
@click.option(
    "--prismalintrc",
    type=click.Path(dir_okay=False, exists=True),
    help="Take the rules and options from a prisma-lint JSON configuration instead of pyproject.toml.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary.")
@click.option("--list", "list_rules", is_flag=True, help="List the rules and exit.")
@click.option("--explain", metavar="RULE", help="Show a rule's documentation and exit.")
def lint_command(
    paths: tuple[str, ...],
    schema_option: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    output_format: str,
    stdin_filename: str | None,
    config_path: str | None,
    quiet: bool,
    prismalintrc: str | None,
    list_rules: bool,
    explain: str | None,
) -> None:
    """Check schemas against prisma-lint's rules (none selected by default).

    Select rules with --select or `select` in [tool.prisma-tools.lint], where each
    rule's options go too (prisma-lint's option names). `/// prisma-lint-ignore-model`,
    `-enum` and `-field` comments are honoured. --fix applies the safe fixes
    (renames keep database names with @map/@@map); --unsafe-fixes adds the unsafe ones.
    """
    from ..lint import (
        RULES,
        LintConfigError,
        LintSettings,
        MissingDependency,
        configure,
        from_prismalintrc,
        resolve_selectors,
    )

    if list_rules:
        for r in RULES:
            fixable = f"fix: {r.fix}" if r.fix else "no fix"
            echo(f"{r.code}  {r.name:<32} {fixable:<12} {r.summary}")
        return
    if explain is not None:
        try:
            explained = resolve_selectors([explain])
        except ValueError as e:
            raise click.BadParameter(str(e), param_hint="--explain") from None
        for r in explained:
            echo(f"# {r.code} {r.name}\n\n{r.summary}\n\n{r.docs}")
        return
    paths = cli_targets(paths, schema_option, False)
    cfg = config_or_exit(config_path, paths, stdin_filename)
    try:
        if prismalintrc is not None:
            settings = from_prismalintrc(_read_json(prismalintrc), prismalintrc)
        else:
            settings = LintSettings.from_table(cfg.lint, str(cfg.source) if cfg.source else None)
        rules = configure(settings, select=_csv(select) if select else None, ignore=_csv(ignore))
    except LintConfigError as e:
        echo_err(f"error: {e}")
        sys.exit(EXIT_ERROR)
    if not rules and not quiet:
        echo_err("no lint rule selected: use --select or `select` in [tool.prisma-tools.lint]")
    try:
        status = _run(
            paths,
            rules,
            fix=fix or diff,
            diff=diff,
            unsafe=unsafe_fixes,
            output_format=output_format,
            stdin_filename=stdin_filename,
            quiet=quiet,
        )
    except (MissingDependency, LintConfigError) as e:
        echo_err(f"error: {e}")
        sys.exit(EXIT_ERROR)
    sys.exit(status)


def _read_json(path: str) -> Any:
    from ..lint import LintConfigError

    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        raise LintConfigError(f"{path}: cannot read ({e})") from None


def _run(
    paths: tuple[str, ...],
    rules: list[tuple[LintRule, Options]],
    *,
    fix: bool,
    diff: bool = False,
    unsafe: bool,
    output_format: str,
    stdin_filename: str | None,
    quiet: bool,
) -> int:
    from ..diagnostics import ParseError
    from ..files import SchemaReadError, SchemaWriteError, decode, read_text, write_atomic
    from ..lint import fix_texts, lint_texts
    from .output import message_json
    from .workflow import iter_targets

    found: list[Diagnostic] = []
    applied: list[Diagnostic] = []
    failures: list[str] = []
    sources: dict[str, str] = {}
    changed: list[str] = []  # --diff: the diffs
    for target in iter_targets(paths, stdin_filename):
        if isinstance(target, str):
            failures.append(target)
            continue
        try:
            if target.stdin:
                texts = {target.label: decode(sys.stdin.buffer.read(), target.label)}
            else:
                texts = {str(p): read_text(p) for p in target.paths}
        except SchemaReadError as e:
            failures.append(str(e))
            continue
        sources.update(texts)
        try:
            if not fix:
                found.extend(lint_texts(texts, rules))
                continue
            result = fix_texts(texts, rules, unsafe=unsafe)
        except ParseError as e:
            failures.extend(d.render() for d in e.diagnostics)
            continue
        applied.extend(result.applied)
        found.extend(result.remaining)
        if diff:
            changed.extend(_unified_diff(p, texts[p], result.texts[p]) for p in result.changed(texts))
            continue
        for path in result.changed(texts):
            if target.stdin:
                continue
            try:
                write_atomic(path, result.texts[path])
            except (OSError, SchemaWriteError) as e:
                failures.append(f"{path}: cannot write ({e})")
        if target.stdin:
            sys.stdout.write(result.texts[target.label])
    if output_format == "json":
        entries = [_json(d, sources, applied=True) for d in applied]
        entries += [_json(d, sources) for d in found] + [message_json(*_split(m)) for m in failures]
        echo(json.dumps(entries, indent=2, ensure_ascii=False), err=bool(fix and any(t == "-" for t in paths)))
    else:
        tag = "would fix" if diff else "fixed"
        for d in applied:
            assert d.fix is not None
            echo(f"{d.location()}: {tag}[{d.code}]: {d.fix.message} ({d.message})", err=True)
        for d in found:
            echo(d.render() + _help(d, fix))
        if not quiet:
            echo(_summary(found, applied, fix, diff), err=True)
        for message in failures:
            echo(f"error: {message}", err=True)
    if failures:
        return EXIT_ERROR
    if diff:
        sys.stdout.write("".join(changed))
        return EXIT_FOUND if changed else EXIT_OK
    return EXIT_FOUND if found else EXIT_OK


def _json(d: Diagnostic, sources: dict[str, str], *, applied: bool = False) -> dict[str, Any]:
    """``d`` in ruff's JSON shape, its fix with the edits (rows and columns 1-based)."""
    from ..nodes import LineIndex
    from .output import diagnostic_json

    entry = diagnostic_json(d)
    if d.fix is not None:
        lines = LineIndex(sources.get(d.path, ""))

        def at(offset: int) -> dict[str, int]:
            p = lines.position(offset)
            return {"row": p.line, "column": p.column}

        entry["fix"] = {
            "applicability": d.fix.applicability,
            "message": d.fix.message,
            "applied": applied,
            "edits": [
                {"content": e.content, "location": at(e.start), "end_location": at(e.end)}
                for e in d.fix.edits
                if e.path == d.path and not applied  # an applied fix's offsets were in an intermediate text
            ],
        }
    return entry


def _help(d: Diagnostic, fixing: bool) -> str:
    if d.fix is None:
        return ""
    how = {"safe": "--fix", "unsafe": "--fix --unsafe-fixes", "display": "by hand"}[d.fix.applicability]
    return f"\n    help: {d.fix.message} ({how})"


def _summary(found: list[Diagnostic], applied: list[Diagnostic], fixing: bool, diff: bool = False) -> str:
    parts = []
    if applied:
        parts.append(f"{'Would fix' if diff else 'Fixed'} {len(applied)} finding{'s' if len(applied) != 1 else ''}.")
    if not found:
        parts.append("All lint rules passed!" if not applied else "Nothing would be left." if diff else "Nothing left.")
        return " ".join(parts)
    safe = sum(1 for d in found if d.fix is not None and d.fix.applicability == "safe")
    unsafe = sum(1 for d in found if d.fix is not None and d.fix.applicability == "unsafe")
    line = f"Found {len(found)} finding{'s' if len(found) != 1 else ''}"
    extras = []
    if safe and not fixing:
        extras.append(f"{safe} fixable with --fix")
    if unsafe:
        extras.append(f"{unsafe} with --fix --unsafe-fixes")
    parts.append(line + (f" ({', '.join(extras)})." if extras else "."))
    return " ".join(parts)


def _unified_diff(path: str, before: str, after: str) -> str:
    import difflib

    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"{path}\t(original)", f"{path}\t(fixed)"
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def _split(message: str) -> tuple[str, str]:
    path, sep, rest = message.partition(": ")
    return (path, rest) if sep else ("", message)
