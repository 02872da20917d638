"""One-call conveniences over the parser and the printer."""

from __future__ import annotations

import os

from .files import load
from .nodes import Schema
from .parser import parse
from .printer import print_schema

__all__ = ["format_text", "parse_file"]


def format_text(text: str, path: str = "<string>", *, strict: bool = True) -> str:
    """Format one file's text exactly as ``prisma format`` would.

    With ``strict`` (the default) text with syntax errors raises
    :class:`~prisma_tools.ParseError`; otherwise broken lines are kept verbatim,
    as Prisma keeps them.

    >>> format_text("enum Role {\\nUSER\\n  ADMIN   // all rights\\n}\\n")
    'enum Role {\\n  USER\\n  ADMIN // all rights\\n}\\n'
    """
    return print_schema(parse(text, path, strict=strict))


def parse_file(path: str | os.PathLike[str], *, strict: bool = True) -> Schema:
    """Parse a ``.prisma`` file, or a schema folder, into a :class:`~prisma_tools.nodes.Schema`."""
    return load(path, strict=strict)
