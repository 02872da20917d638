"""Which Prisma engine ``check`` judges by: the flag, ``prisma-version`` in ``[tool.prisma-tools]``,
the ``prisma`` package of the nearest ``package.json``, or 6."""

from __future__ import annotations

import json
import re
from pathlib import Path

__all__ = ["DEFAULT", "from_package_json", "resolve_prisma_version"]

DEFAULT = 6
SUPPORTED = (6, 7)
_PACKAGES = ("prisma", "@prisma/client")


def from_package_json(start: Path) -> tuple[int, Path] | None:
    """The major version of ``prisma`` (or ``@prisma/client``) in the nearest ``package.json`` above ``start``.

    Reads the version range as written (``^6.1.0``, ``~7.0.0``, ``7.x``, ``>=6 <7``: the first
    number); a range naming no supported major is ignored.
    """
    directory = start if start.is_dir() else start.parent
    for d in (directory, *directory.parents):
        candidate = d / "package.json"
        if not candidate.is_file():
            continue
        try:
            data = json.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            return None
        if not isinstance(data, dict):
            return None
        for section in ("dependencies", "devDependencies"):
            deps = data.get(section)
            if not isinstance(deps, dict):
                continue
            for name in _PACKAGES:
                spec = deps.get(name)
                m = re.search(r"\d+", spec) if isinstance(spec, str) else None
                if m and int(m.group()) in SUPPORTED:
                    return int(m.group()), candidate
        return None  # the nearest package.json decides, as npm would
    return None


def resolve_prisma_version(flag: int | None, configured: int | None, paths: list[str]) -> tuple[int, str]:
    """``(version, where it came from)``."""
    if flag is not None:
        return flag, "--prisma-version"
    if configured is not None:
        return configured, "[tool.prisma-tools] prisma-version"
    first = next((p for p in paths if p != "-"), None)
    found = from_package_json(Path(first).resolve() if first else Path.cwd())
    if found is not None:
        return found[0], str(found[1])
    return DEFAULT, "the default"
