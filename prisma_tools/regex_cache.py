"""The lexer's compiled regular expressions, kept between runs in the user's cache folder.

Compiling the lexer's expressions costs about 12 ms per run (``re`` turns
each Unicode character class into a bitmap in pure Python), a tenth of what
``prisma-tools format`` takes on a 50-model schema. ``re.compile`` is two
steps: Python code turns the pattern into a list of opcodes, and
``_sre.compile`` (C) builds the pattern object from that list and checks it.
This module keeps the opcode lists of the first run, in a file named after
the interpreter's version and the regex engine's ``MAGIC``, and later runs
only do the second step.

Only the standard library's own ``re`` makes the opcodes, so a cache entry
is what ``re.compile`` would build in this interpreter; ``_sre.compile``
validates the code anyway. Whatever goes wrong (no such internals in another
Python, an unreadable, stale or corrupt file, a folder that cannot be written)
means plain ``re.compile``, silently.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import re
import sys

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any

try:
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python: no cache
    _sre = None

__all__ = ["RegexCache", "cache_folder"]

_FORMAT = 1


def cache_folder() -> str | None:
    """prisma-tools' folder in the user's cache folder, created if needed; None when off or unusable.

    ``$XDG_CACHE_HOME`` or ``~/.cache``; ``%LOCALAPPDATA%`` on Windows;
    ``~/Library/Caches`` on macOS. ``PRISMA_TOOLS_NO_CACHE=1`` turns caching off.
    """
    if os.environ.get("PRISMA_TOOLS_NO_CACHE"):
        return None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~/AppData/Local")
    elif sys.platform == "darwin":
        base = os.path.expanduser("~/Library/Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    folder = os.path.join(base, "prisma-tools")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK | os.R_OK) else None


def _opcodes(pattern: str, flags: int) -> tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]:
    """The arguments ``re.compile(pattern, flags)`` passes to ``_sre.compile`` after the pattern."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    # plain ints throughout (flags may be an enum member): marshal stores only built-in types
    return (
        int(flags | parsed.state.flags),
        [int(c) for c in code],
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


class RegexCache:
    """``compile(pattern, flags)`` for a known set of patterns, from the cache file when it has them.

    On a miss every pattern of the set is compiled once and the file written,
    so the next run finds them all.
    """

    def __init__(self, patterns: list[tuple[str, int]], key: str, folder: str | None) -> None:
        self.patterns = patterns
        self.path: str | None = None
        self.entries: dict[tuple[str, int], tuple[Any, ...]] = {}
        if _sre is None or folder is None:
            return
        tag = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_FORMAT}"
        self.path = os.path.join(folder, f"lexer-{key}-{tag}.marshal")
        try:
            with open(self.path, "rb") as f:
                stored = marshal.loads(f.read())  # marshal.load(f) reads piecemeal: 20 times slower
            if stored[0] == sys.version:
                self.entries = stored[1]
        except Exception:  # missing, unreadable or corrupt: compile instead
            self.entries = {}

    def compile(self, pattern: str, flags: int) -> re.Pattern[str]:
        if (pattern, flags) not in self.entries:
            self._fill()
        args = self.entries.get((pattern, flags))
        if args is not None:
            try:
                compiled: re.Pattern[str] = _sre.compile(pattern, *args)
                return compiled
            except Exception:  # a bad entry: compile it the usual way
                self.entries.pop((pattern, flags), None)
        return re.compile(pattern, flags)

    def _fill(self) -> None:
        """Compile every pattern to opcodes and write the cache file (once per process)."""
        if self.path is None:
            return
        path, self.path = self.path, None
        try:
            entries: dict[tuple[str, int], tuple[Any, ...]] = {(p, f): _opcodes(p, f) for p, f in self.patterns}
        except Exception:  # internals not as expected: plain re.compile
            return
        self.entries = entries
        try:
            tmp = f"{path}.{os.getpid()}.tmp"
            with open(tmp, "wb") as f:
                f.write(marshal.dumps((sys.version, entries)))
            os.replace(tmp, path)
        except Exception:  # no cache file this time
            with contextlib.suppress(OSError):
                os.unlink(tmp)
