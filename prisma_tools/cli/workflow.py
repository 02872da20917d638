"""What ``prisma-tools format`` and ``fix`` do to each target: read, transform, verify, write.

A target is a file, a schema folder (its ``.prisma`` files form one schema) or
standard input. Nothing is written unless the result passes the safety check
(black's ``assert_equivalent`` + ``assert_stable``): the printed text must
parse back to the same schema and format to itself.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence

from ..diagnostics import Diagnostic, ParseError, source_line
from ..files import SchemaReadError, SchemaWriteError, clean_path, decode, read_text, write_atomic
from ..layout import meaning_digest
from ..nodes import Comment, LineIndex, Node, Schema, SchemaFile, Span, construct
from ..parser import parse_file_text
from ..printer import print_file

__all__ = ["Outcome", "Report", "Target", "Transform", "Validate", "iter_targets", "process"]

# Transform: the whole schema -> (new schema, diagnostics to show). `format` is the identity.
Transform = Callable[[Schema], tuple[Schema, list[Diagnostic]]]
# Validate: the texts about to be written (path -> text) -> what Prisma would still reject in them.
Validate = Callable[[dict[str, str]], list[Diagnostic]]


class _Record:
    """The repr and == that @dataclass gave these classes; plain classes because
    ``dataclasses`` imports ``inspect``, a sizeable part of ``format``'s start-up."""

    _fields: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"{type(self).__qualname__}({', '.join(f'{f}={getattr(self, f)!r}' for f in self._fields)})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in self._fields)


class Target(_Record):
    """One schema to process: a file, the files of a folder, or standard input."""

    _fields = ("label", "paths", "stdin")

    def __init__(self, label: str, paths: Sequence[str | os.PathLike[str]], stdin: bool = False) -> None:
        self.label = label
        self.paths = paths  # empty for stdin
        self.stdin = stdin


class Outcome(_Record):
    """What happened to one file (its ``__dict__`` is the JSON report's entry)."""

    _fields = ("path", "changed", "written", "error")

    def __init__(self, path: str, changed: bool = False, written: bool = False, error: bool = False) -> None:
        self.path = path
        self.changed = changed
        self.written = written
        self.error = error


class Report(_Record):
    """Totals for the summary line and the exit status."""

    _fields = ("outcomes", "diagnostics", "errors", "invalid")

    def __init__(
        self,
        outcomes: list[Outcome] | None = None,
        diagnostics: list[Diagnostic] | None = None,
        errors: list[str] | None = None,
        invalid: int = 0,
    ) -> None:
        self.outcomes: list[Outcome] = [] if outcomes is None else outcomes
        self.diagnostics: list[Diagnostic] = [] if diagnostics is None else diagnostics
        self.errors: list[str] = [] if errors is None else errors
        self.invalid = invalid  # schemas left with errors Prisma rejects (after `fix`)

    @property
    def failed(self) -> bool:
        return bool(self.errors) or any(o.error for o in self.outcomes)

    @property
    def changed(self) -> int:
        return sum(1 for o in self.outcomes if o.changed and not o.error)  # a file that failed was not reformatted

    @property
    def unchanged(self) -> int:
        return sum(1 for o in self.outcomes if not o.changed and not o.error)


def iter_targets(args: Sequence[str], stdin_filename: str | None = None) -> Iterator[Target | str]:
    """Targets for the command-line arguments, or an error message for an argument that is none.

    A directory yields one target per schema found in it (see :mod:`.discovery`).
    """
    for arg in args:
        if arg == "-":
            yield Target(stdin_filename or "-", [], stdin=True)
            continue
        p = clean_path(arg)
        if os.path.isdir(p):
            from ..discovery import discover_schemas

            found = discover_schemas(p, _exclude_patterns(p))
            if not found:
                yield f"{arg}: no .prisma files in this directory"
            for schema in found:
                yield Target(str(schema.root), [str(f) for f in schema.files])
        elif os.path.exists(p):
            yield Target(arg, [p])
        else:
            yield f"{arg}: no such file or directory"


def _exclude_patterns(folder: str) -> tuple[str, ...]:
    """The exclusions of the ``[tool.prisma-tools]`` nearest ``folder`` (the defaults when there is none)."""
    from ..config import ConfigError, find_pyproject, load_config
    from ..discovery import DEFAULT_EXCLUDE

    try:
        return load_config(find_pyproject([folder])).exclude_patterns()
    except ConfigError:
        return DEFAULT_EXCLUDE  # the command reports a bad configuration itself where it reads it


def _lenient_warnings(f: SchemaFile, text: str) -> list[Diagnostic]:
    from ..parser import syntax_errors

    return [d.model_copy(update={"severity": "warning"}) for d in syntax_errors(f, text)]


def _header_warnings(f: SchemaFile, text: str) -> list[Diagnostic]:
    """Text after a block's `{` is deleted by prisma format: say so, since it may be a comment."""
    out = []
    for b in f.blocks:
        rest = getattr(b, "header_rest", None)
        if rest and b.span is not None:
            out.append(
                Diagnostic(
                    severity="warning",
                    code="header-text",
                    message=f"text after `{{` is dropped by the formatter, as prisma format does: `{rest}`",
                    path=f.path,
                    span=b.span,
                    line_text=source_line(text, b.span),
                )
            )
    return out


def _unstable(printed: str, again: str) -> bool:
    # prisma format itself is not idempotent in a few documented corners (a comment
    # after `}`, a blank line after leading block attributes): a second run adds or
    # removes blank lines. Anything else is a printer bug.
    return [ln for ln in printed.splitlines() if ln.strip()] != [ln for ln in again.splitlines() if ln.strip()]


def read_target(target: Target) -> dict[str, str]:
    """The text of each file of ``target`` (standard input when it is ``-``); :class:`SchemaReadError` else."""
    if target.stdin:
        return {target.label: decode(sys.stdin.buffer.read(), target.label)}
    return {str(p): read_text(p) for p in target.paths}


def process(
    target: Target,
    report: Report,
    *,
    transform: Transform | None = None,
    write: bool = True,
    diff: bool = False,
    lenient: bool = False,
    backup: bool = False,
    out: Callable[[str], object] | None = None,
    validate: Validate | None = None,
    diff_out: Callable[[str], object] | None = None,
    resolve_conflicts: bool = False,
) -> None:
    """Run one target through parse -> transform -> print -> check -> write/diff (-> validate).

    ``resolve_conflicts`` (``fix``): merge the sides of git conflict regions first (see :mod:`.conflicts`).
    """
    out = out or sys.stdout.write
    diff_out = diff_out or out
    try:
        texts = read_target(target)
    except SchemaReadError as e:
        report.errors.append(str(e))
        report.outcomes.append(Outcome(target.label, error=True))
        return
    originals = texts
    if resolve_conflicts:
        from .conflicts import resolve_conflicts as resolve

        resolved = resolve(texts, target, report, write=write, diff=diff, backup=backup, out=out, diff_out=diff_out)
        if resolved is None:
            return
        texts = resolved
    files = _parse_texts(texts, report, lenient)
    if files is None:
        return
    schema = construct(Schema, {"files": files})
    del files
    if transform is not None:
        schema, found = transform(schema)
        report.diagnostics.extend(found)
        if any(d.severity == "error" for d in found):
            report.outcomes.extend(Outcome(f.path, error=True) for f in schema.files)
            return
    # Print every file and keep a fingerprint of its meaning, then let the
    # trees go: the safety check reparses each output with one tree in memory.
    # A file that prints as it reads needs no check (nothing is written; the
    # next run reads the same text), which is most files in a pre-commit run.
    # `fix` prints to a fixed point: where prisma format's own output would change
    # on a second run (a blank line after `}/** */`), a second fix must not. So its
    # output is always checked, and the check's reprint is the next round.
    settle = transform is not None
    printed_files = [_print_and_fingerprint(f, texts.get(f.path), settle) for f in schema.files]
    del schema
    results: list[tuple[str, str, str]] = []
    for path, printed, digest in printed_files:
        problem = None
        if digest is not None:
            problem, printed = _safety_problem(path, printed, digest, lenient, settle)
        if problem and _comments_only(path, texts.get(path), printed, lenient):
            # what `prisma format` prints, as it prints it: say that a comment changed
            report.diagnostics.append(Diagnostic(severity="warning", message=_UNSTABLE_COMMENT, path=path))
        elif problem and (early := _comment_ending_early(path, texts.get(path), lenient)) is not None:
            report.diagnostics.append(early)
            report.outcomes.append(Outcome(path, error=True))
            return
        elif problem:
            report.errors.append(f"{path}: internal error: {problem}; nothing was written (please report this)")
            report.outcomes.append(Outcome(path, error=True))
            return
        results.append((path, originals.get(path, ""), printed))
    for path, before, after in results:
        outcome = Outcome(path, changed=before != after)
        report.outcomes.append(outcome)
        if target.stdin:
            if write:
                out(after)
            elif diff and outcome.changed:
                diff_out(_diff(path, before, after))
            continue
        if diff and outcome.changed:
            diff_out(_diff(path, before, after))
        if write and outcome.changed:
            try:
                write_atomic(path, after, backup=before if backup else None)
            except SchemaWriteError as e:
                report.errors.append(str(e))
                outcome.error = True
                continue
            except OSError as e:
                report.errors.append(f"{path}: cannot write ({e.strerror or e})")
                outcome.error = True
                continue
            outcome.written = True
    if validate is not None:
        found = validate({path: after for path, _, after in results})
        report.diagnostics.extend(found)
        if any(d.severity == "error" for d in found):
            report.invalid += 1


def _parse_texts(texts: dict[str, str], report: Report, lenient: bool) -> tuple[SchemaFile, ...] | None:
    """Parse every file of a target; None (errors reported) when one does not parse."""
    files: list[SchemaFile] = []
    failed = False
    for path, text in texts.items():
        try:
            f = parse_file_text(text, path, strict=not lenient)
        except ParseError as e:
            report.diagnostics.extend(e.diagnostics)
            report.outcomes.append(Outcome(path, error=True))
            failed = True
            continue
        if lenient:
            report.diagnostics.extend(_lenient_warnings(f, text))
        report.diagnostics.extend(_header_warnings(f, text))
        files.append(f)
    return None if failed else tuple(files)


def _print_and_fingerprint(f: SchemaFile, original: str | None, settle: bool = False) -> tuple[str, str, bytes | None]:
    """``(path, printed text, meaning digest)``; no digest (no check needed) when the text
    comes out unchanged, unless ``settle``: text that prints as it reads may still print
    differently a second time."""
    printed = print_file(f)
    return f.path, printed, None if printed == original and not settle else meaning_digest(f)


_UNSTABLE_COMMENT = (
    "prisma format rewrites a /* */ comment here differently on every run (its formatter is not"
    " stable on this input), so the comment's text changes; the schema itself is unchanged."
    " Rewrite that comment (as // lines, or with nothing before it on its line) to avoid this"
)


def _comments_only(path: str, original: str | None, printed: str, lenient: bool) -> bool:
    """Whether ``printed`` differs from ``original`` and from its own reprint in comments only
    (so ``fix`` changed nothing either).

    Prisma's formatter is not stable on some comment layouts (a ``/** */`` after a
    ``//`` line): its output, which ours equals, changes the comment again each run.
    """
    if original is None:
        return False
    try:
        before = meaning_digest(parse_file_text(original, path, strict=not lenient), comments=False)
        again = parse_file_text(printed, path, strict=not lenient)
        twice = parse_file_text(print_file(again), path, strict=not lenient)
    except ParseError:
        return False
    return before == meaning_digest(again, comments=False) == meaning_digest(twice, comments=False)


_EARLY_END = (
    "prisma format rewrites this /* */ comment as lines that hold `*/` (from `{text}`), so the comment"
    " would end early and its rest become schema text; nothing was written. Rewrite the comment"
    " (as // lines, or without `/*` inside it)"
)


def _comment_ending_early(path: str, original: str | None, lenient: bool) -> Diagnostic | None:
    """The first ``/* */`` comment of ``original`` whose rewritten lines would close it early.

    Prisma's formatter turns ``/* a */ /*/* x */`` into ``/**`` lines with ``* /*/* x``, in
    which ``*/`` ends the comment: its own output then means something else.
    """
    from ..printer import _block_comment_lines
    from ..records import field_items

    if original is None:
        return None
    try:
        tree = parse_file_text(original, path, strict=not lenient)
    except ParseError:
        return None
    stack: list[object] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, tuple):
            stack.extend(reversed(node))
        elif isinstance(node, Comment):
            if node.kind == "block" and any("*/" in ln for ln in _block_comment_lines(node)[1:-1]):
                span = node.span
                if span is not None:  # a comment's span may start at its run: point at the comment itself
                    span = Span.at(LineIndex(original), span.end_offset - len(node.text), span.end_offset)
                return Diagnostic(
                    severity="error",
                    message=_EARLY_END.format(text=node.text[:60].replace("\n", "\\n")),
                    path=path,
                    span=span,
                    line_text=source_line(original, span) if span is not None else None,
                )
        elif isinstance(node, Node):
            stack.extend(reversed([v for _, v in field_items(node)]))
    return None


def _safety_problem(
    path: str, printed: str, digest: bytes, lenient: bool, settle: bool = False
) -> tuple[str | None, str]:
    """Why ``printed`` must not be written, if anything, and the text to write: it must parse,
    mean what the tree whose fingerprint is ``digest`` meant, and print as itself.

    With ``settle``, a reprint that differs is taken and checked in turn (a few rounds at most:
    Prisma's unstable corners move blank lines once)."""
    for _ in range(3 if settle else 1):
        try:
            again = parse_file_text(printed, path, strict=not lenient)
        except ParseError as e:
            return f"the formatted text does not parse ({e})", printed
        if meaning_digest(again) != digest:
            return "the formatted text does not parse back to the same schema", printed
        reprinted = print_file(again)
        del again  # one tree in memory at a time
        if reprinted == printed or not settle:
            break
        printed = reprinted
    if _unstable(printed, reprinted):
        return "the formatted text does not format to itself", printed
    return None, printed


def _diff(path: str, before: str, after: str) -> str:
    import difflib  # only --diff needs it

    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"{path}\t(original)",
        tofile=f"{path}\t(formatted)",
    )
    text = "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
    return text
