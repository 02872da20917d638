"""Comparing ``check`` with Prisma's own answers (``prisma-oracle lint`` JSON), for tests and scripts.

An answer is a list of ``{file_name, start, end, text, is_warning}`` with byte
offsets; two answers agree when they hold the same diagnostics (as a
multiset: same range, text and severity), whatever their order.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from ..files import read_text
from ..nodes import Schema, construct
from ..parser import parse_file_text
from . import check_schema

__all__ = ["Key", "compare", "findings_as_keys", "load_answer", "our_answer"]

Key = tuple[str, int, int, str, bool]
"""``(file name, start byte, end byte, message, is_warning)``."""


def load_answer(path: Path) -> list[Key]:
    data: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return [(Path(d["file_name"]).name, d["start"], d["end"], d["text"], bool(d["is_warning"])) for d in data]


def our_answer(paths: list[Path], *, prisma_version: int = 6) -> list[Key]:
    """What ``check`` says of the schema made of ``paths`` (one file, or the files of one schema)."""
    files = tuple(parse_file_text(read_text(p), str(p), strict=False) for p in paths)
    schema = construct(Schema, {"files": files})
    return findings_as_keys(check_schema(schema, prisma_version=prisma_version))


def findings_as_keys(findings: list[Any]) -> list[Key]:
    out: list[Key] = []
    for f in findings:
        start, end = f.byte_range()
        out.append((Path(f.path).name, start, end, f.message, f.severity == "warning"))
    return out


def compare(ours: list[Key], theirs: list[Key]) -> tuple[list[Key], list[Key]]:
    """``(missing, extra)``: what Prisma reports and we do not, and what we report and Prisma does not."""
    a, b = Counter(ours), Counter(theirs)
    return sorted((b - a).elements()), sorted((a - b).elements())
