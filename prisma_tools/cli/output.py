"""How every command reports: text (optionally coloured), ruff's JSON shape, or GitHub annotations.

One diagnostic is one entry whatever its source (a syntax error, a validation
error, a change ``fix`` made, a file that could not be read). Colour follows
the usual conventions: ``--color always|never`` wins, else ``NO_COLOR`` (any
value) turns it off and ``FORCE_COLOR`` (any value) on, else colour only on a
terminal.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any, TextIO

    from ..diagnostics import Diagnostic
    from ..edits import TextEdit

__all__ = [
    "OUTPUT_FORMATS",
    "Style",
    "diagnostic_json",
    "diagnostics_json",
    "github_annotation",
    "message_json",
    "use_colour",
]

OUTPUT_FORMATS = ("text", "json", "github")


def use_colour(choice: str | None, stream: TextIO | None) -> bool:
    """Whether to colour output written to ``stream`` (``choice``: ``auto``/None, ``always``, ``never``)."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return stream is not None and stream.isatty()
    except Exception:
        return False


class Style:
    """ANSI styling, or none."""

    __slots__ = ("on",)

    def __init__(self, on: bool) -> None:
        self.on = on

    def _wrap(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.on and text else text

    def bold(self, text: str) -> str:
        return self._wrap("1", text)

    def severity(self, severity: str, text: str) -> str:
        return self._wrap({"error": "1;31", "warning": "1;33"}.get(severity, "1;36"), text)

    def dim(self, text: str) -> str:
        return self._wrap("2", text)

    def diagnostic(self, d: Diagnostic, *, excerpt: bool = True) -> str:
        """``d`` as ``path:line:col: severity[CODE]: message`` (+ the line and a caret), styled."""
        plain = d.render(excerpt=excerpt)
        if not self.on:
            return plain
        head, _, rest = plain.partition("\n")
        tag = d.severity if d.code is None else f"{d.severity}[{d.code}]"
        where = d.location()
        if head.startswith(where + ": " + tag):
            head = f"{self.bold(where)}: {self.severity(d.severity, tag)}{head[len(where) + 2 + len(tag) :]}"
        if rest:
            line, _, caret = rest.partition("\n")
            rest = line + ("\n" + self.severity(d.severity, caret) if caret else "")
            return head + "\n" + rest
        return head

    def diff(self, text: str) -> str:
        """A unified diff with ``+``/``-`` lines in green/red and hunk headers in cyan."""
        if not self.on:
            return text
        out = []
        for line in text.splitlines(keepends=True):
            if line.startswith(("+++", "---")):
                out.append(self._wrap("1", line.rstrip("\n")) + "\n")
            elif line.startswith("+"):
                out.append(self._wrap("32", line.rstrip("\n")) + "\n")
            elif line.startswith("-"):
                out.append(self._wrap("31", line.rstrip("\n")) + "\n")
            elif line.startswith("@@"):
                out.append(self._wrap("36", line.rstrip("\n")) + "\n")
            else:
                out.append(line)
        return "".join(out)


def diagnostic_json(d: Diagnostic, texts: dict[str, str] | None = None) -> dict[str, Any]:
    """One diagnostic in the shape of ruff's JSON output (rows and columns 1-based, columns in characters).

    With ``texts`` (path -> the text the diagnostic was found in), each edit of its fix also
    gets ruff's ``location`` and ``end_location``.
    """
    location = end = None
    if d.span is not None:
        s, e = d.span.start, d.span.end
        location = {"row": s.line, "column": s.column}
        end = {"row": e.line, "column": e.column}
    entry: dict[str, Any] = {
        "filename": d.path,
        "code": d.code,
        "message": d.message,
        "severity": d.severity,
        "location": location,
        "end_location": end,
        "fix": None,
    }
    if d.fix is not None:
        # a rule's fix: ruff's `applicability`, `message`, `edits` (character offsets into the file's
        # text as it was when the fix was made), and whether `fix` applied it
        entry["fix"] = {
            "applicability": d.fix.applicability,
            "message": d.fix.message,
            "edits": [_edit_json(e, texts) for e in d.fix.edits],
            "applied": d.severity == "info",
        }
    elif d.severity == "info":
        # a change a repair pass made: reported as an applied safe fix
        entry["fix"] = {"applicability": "safe", "message": d.message, "edits": [], "applied": True}
    return entry


def _edit_json(e: TextEdit, texts: dict[str, str] | None) -> dict[str, Any]:
    entry: dict[str, Any] = {"filename": e.path, "start": e.start, "end": e.end, "content": e.content}
    text = None if texts is None else texts.get(e.path)
    if text is not None and e.end <= len(text):
        for key, offset in (("location", e.start), ("end_location", e.end)):
            row = text.count("\n", 0, offset) + 1
            entry[key] = {"row": row, "column": offset - (text.rfind("\n", 0, offset) + 1) + 1}
    return entry


def message_json(filename: str, message: str, code: str = "io-error") -> dict[str, Any]:
    """An error that belongs to no position (a file that cannot be read or written)."""
    return {
        "filename": filename,
        "code": code,
        "message": message,
        "severity": "error",
        "location": None,
        "end_location": None,
        "fix": None,
    }


def diagnostics_json(
    diagnostics: list[Diagnostic], extra: list[dict[str, Any]] | None = None, texts: dict[str, str] | None = None
) -> str:
    import json  # not at import: `format` reaches this module on its start-up path

    entries = [diagnostic_json(d, texts) for d in diagnostics] + list(extra or ())
    return json.dumps(entries, indent=2, ensure_ascii=False)


def _escape(value: str, *, property_: bool = False) -> str:
    # GitHub's workflow-command escaping
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def github_annotation(d: Diagnostic) -> str:
    """``d`` as a GitHub Actions workflow command (``::error file=...,line=...::message``)."""
    level = {"error": "error", "warning": "warning"}.get(d.severity, "notice")
    props = [f"title={_escape(f'prisma-tools ({d.code})' if d.code else 'prisma-tools', property_=True)}"]
    props.append(f"file={_escape(d.path, property_=True)}")
    if d.span is not None:
        s, e = d.span.start, d.span.end
        props += [f"line={s.line}", f"col={s.column}", f"endLine={e.line}", f"endColumn={e.column}"]
    return f"::{level} {','.join(props)}::{_escape(d.message)}"
