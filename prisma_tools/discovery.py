"""Which schemas a directory holds, found the way Prisma defines a schema.

A schema is a single ``.prisma`` file or a schema folder: the folder of a file
that holds a ``datasource`` or ``generator`` block, with every ``.prisma`` file
below it (``migrations/`` excluded). A directory given on the command line is
searched for such roots, and each is processed on its own, so a block is never
compared with a file that belongs to another schema (a generated copy, another
app of a monorepo). A file below no root is a schema of its own.

Files git ignores (``.gitignore``, ``.git/info/exclude``, the global excludes)
are skipped, as ruff skips them, and so are hidden folders, ``node_modules``
and the ``exclude`` / ``extend-exclude`` patterns of ``[tool.prisma-tools]``.
"""

from __future__ import annotations

import fnmatch
import os
import re
import subprocess
from pathlib import Path, PurePosixPath

__all__ = ["DEFAULT_EXCLUDE", "Discovered", "discover_schemas", "is_schema_root"]

DEFAULT_EXCLUDE = ("node_modules", "migrations")
"""Folder names never searched (besides hidden folders)."""

_CONFIG_BLOCK = re.compile(rb"^[ \t]*(?:datasource|generator)[ \t]+\w+[ \t]*\{", re.M)


class Discovered:
    """One schema found in a directory: its root (a folder, or the file itself) and its files."""

    __slots__ = ("files", "root")

    def __init__(self, root: Path, files: list[Path]) -> None:
        self.root = root
        self.files = files

    def __repr__(self) -> str:
        return f"Discovered(root={self.root!r}, files={self.files!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Discovered) and (self.root, self.files) == (other.root, other.files)

    __hash__ = None  # type: ignore[assignment]


def is_schema_root(path: Path) -> bool:
    """Whether the file declares a ``datasource`` or ``generator`` (so its folder is a schema folder)."""
    try:
        return _CONFIG_BLOCK.search(path.read_bytes()) is not None
    except OSError:
        return False


def _git_listing(folder: Path) -> list[Path] | None:
    """The ``.prisma`` files below ``folder`` that git does not ignore, or None outside a git work tree."""
    try:
        proc = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "*.prisma"],
            cwd=folder,
            capture_output=True,
            check=False,
        )
    except (FileNotFoundError, PermissionError):
        return None
    if proc.returncode != 0:
        return None
    names = [n for n in proc.stdout.decode("utf-8", "surrogateescape").split("\0") if n]
    return [folder / n for n in names if (folder / n).is_file()]


def _walk(folder: Path) -> list[Path]:
    out: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        out.extend(Path(dirpath) / f for f in filenames if f.endswith(".prisma"))
    return out


def _excluded(rel: PurePosixPath, patterns: tuple[str, ...]) -> bool:
    parts = rel.parts
    if any(p.startswith(".") for p in parts[:-1]):
        return True
    text = rel.as_posix()
    for pattern in patterns:
        pat = pattern.rstrip("/")
        if fnmatch.fnmatch(text, pat) or any(fnmatch.fnmatch(p, pat) for p in parts):
            return True
        if "/" in pat and (text.startswith(pat + "/") or fnmatch.fnmatch(text, pat + "/*")):
            return True
    return False


def discover_schemas(folder: str | os.PathLike[str], exclude: tuple[str, ...] = DEFAULT_EXCLUDE) -> list[Discovered]:
    """The schemas below ``folder``, in path order: each root with its files (sorted as Prisma reads them).

    ``exclude``: glob patterns matched against each path below ``folder`` and each of its parts.
    """
    base = Path(folder)
    listed = _git_listing(base)
    candidates = listed if listed is not None else _walk(base)
    files = sorted(
        {p for p in candidates if not _excluded(PurePosixPath(p.relative_to(base).as_posix()), exclude)},
        key=lambda p: p.relative_to(base).parts,
    )
    roots = sorted({p.parent for p in files if is_schema_root(p)}, key=lambda p: p.parts)
    groups: dict[Path, list[Path]] = {r: [] for r in roots}
    alone: list[Discovered] = []
    for f in files:
        owner = None
        for parent in f.parents:  # the deepest root above the file owns it
            if parent in groups:
                owner = parent
                break
            if parent == base:
                break
        if owner is None:
            alone.append(Discovered(f, [f]))
        else:
            groups[owner].append(f)
    found = [Discovered(r, fs) for r, fs in groups.items()] + alone
    return sorted(found, key=lambda d: d.root.parts)
