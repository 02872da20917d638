"""Fixes as text edits, as ruff's: what a rule proposes, how safe it is, and how to apply it.

A :class:`Fix` is a message, an applicability and a list of :class:`TextEdit`
(replace the characters ``start:end`` of one file's text by ``content``).
Rules build them; ``fix`` applies the safe ones (the unsafe ones with
``--unsafe-fixes``); ``--output-format json`` shows them.
"""

from __future__ import annotations

from .records import Record

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs start-up time
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Literal, TypeAlias

    Applicability: TypeAlias = Literal["safe", "unsafe", "display"]

__all__ = ["Fix", "TextEdit", "apply_edits", "overlapping"]


def __pydantic_names__() -> dict[str, object]:
    """``Applicability`` at run time, for the validator (see :mod:`prisma_tools.records`)."""
    from typing import Literal

    return {"Applicability": Literal["safe", "unsafe", "display"]}


class TextEdit(Record):
    """Replace ``text[start:end]`` (character offsets) of the file at ``path`` by ``content``."""

    path: str
    start: int
    end: int
    content: str = ""


class Fix(Record):
    """A repair a rule proposes.

    ``safe`` keeps the schema's meaning and is applied by ``fix``; ``unsafe`` may
    change meaning or data and is applied only with ``--unsafe-fixes``; ``display``
    is shown, never applied.
    """

    message: str
    applicability: Applicability
    edits: tuple[TextEdit, ...]


def overlapping(a: TextEdit, b: TextEdit) -> bool:
    """Whether two edits of the same file touch the same characters (or insert at one point)."""
    if a.path != b.path:
        return False
    return (a.start < b.end and b.start < a.end) or a.start == b.start


def apply_edits(text: str, edits: Iterable[TextEdit]) -> str:
    """``text`` with every edit applied (all of one file; edits must not overlap).

    Raises ``ValueError`` on overlapping or out-of-range edits, so a caller never
    applies half of a fix.
    """
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    out: list[str] = []
    position = 0
    for edit in ordered:
        if not 0 <= edit.start <= edit.end <= len(text):
            raise ValueError(f"edit {edit.start}:{edit.end} outside the text (length {len(text)})")
        if edit.start < position:
            raise ValueError(f"edit {edit.start}:{edit.end} overlaps the one before it")
        out.append(text[position : edit.start])
        out.append(edit.content)
        position = edit.end
    out.append(text[position:])
    return "".join(out)
