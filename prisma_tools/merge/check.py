"""Judging a clean merge: the errors Prisma would report in the result that neither side had."""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..nodes import Schema, construct
from ..parser import parse_file_text
from ..validation import validate

__all__ = ["new_errors"]


def _errors(texts: dict[str, str], prisma_version: int) -> list[Diagnostic]:
    files = tuple(parse_file_text(text, path, strict=False) for path, text in texts.items())
    schema = construct(Schema, {"files": files})
    return [d for d in validate(schema, prisma_version=prisma_version, sources=texts) if d.severity == "error"]


def _what(d: Diagnostic) -> tuple[str | None, str]:
    return d.code, d.message


def new_errors(
    merged: str, ours: str, theirs: str, path: str, *, prisma_version: int = 6, others: dict[str, str] | None = None
) -> list[Diagnostic]:
    """Errors of the merged text (with ``others``, the rest of a schema folder) that ours and theirs lack.

    A merge that is clean line by line can still break the schema: both sides
    adding the same relation, a relation whose other end the other side
    renamed. Errors a side already had are not the merge's doing, so they are
    left out (by code and message; positions move).
    """
    rest = dict(others or {})
    rest.pop(path, None)
    before = {_what(d) for text in (ours, theirs) for d in _errors({path: text, **rest}, prisma_version)}
    return [d for d in _errors({path: merged, **rest}, prisma_version) if _what(d) not in before]
