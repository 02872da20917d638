"""How commands report diagnostics: text lines with an excerpt, or ruff's JSON shape."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic

__all__ = ["diagnostic_json", "diagnostics_json"]


def diagnostic_json(d: Diagnostic) -> dict[str, Any]:
    """One diagnostic in the shape of ruff's JSON output (rows and columns 1-based, columns in characters)."""
    location = end = None
    if d.span is not None:
        s, e = d.span.start, d.span.end
        location = {"row": s.line, "column": s.column}
        end = {"row": e.line, "column": e.column}
    return {
        "filename": d.path,
        "code": d.code,
        "message": d.message,
        "severity": d.severity,
        "location": location,
        "end_location": end,
        "fix": None,
    }


def diagnostics_json(diagnostics: list[Diagnostic]) -> str:
    return json.dumps([diagnostic_json(d) for d in diagnostics], indent=2, ensure_ascii=False)
