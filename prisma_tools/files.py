"""Reading schema files and folders, and writing them back safely (atomic replace)."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from typing import TYPE_CHECKING

from .nodes import Schema, construct
from .parser import parse_file_text

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["SchemaReadError", "clean_path", "discover", "load", "read_text", "write_atomic"]

# pathlib is imported only for folders: it costs 5 ms of the start-up of `prisma-tools format`.


def clean_path(path: str | os.PathLike[str]) -> str:
    """``str(pathlib.Path(path))`` (``./a//b`` -> ``a/b``), without importing pathlib on POSIX."""
    if isinstance(path, str) and os.name == "posix":
        root = "//" if path.startswith("//") and not path.startswith("///") else "/" if path.startswith("/") else ""
        return root + "/".join(part for part in path.split("/") if part and part != ".") or "."
    from pathlib import Path

    return str(Path(path))


class SchemaReadError(OSError):
    """A file could not be read as schema text (missing, a directory, binary, not UTF-8)."""


def read_text(path: str | os.PathLike[str]) -> str:
    """The text of ``path``, decoded as UTF-8 with line breaks kept exactly."""
    p = clean_path(path)
    try:
        with open(p, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        raise SchemaReadError(f"{p}: no such file or directory") from None
    except IsADirectoryError:
        raise SchemaReadError(f"{p}: is a directory") from None
    except PermissionError:
        raise SchemaReadError(f"{p}: permission denied") from None
    except OSError as e:
        raise SchemaReadError(f"{p}: cannot read ({e.strerror or e})") from None
    return decode(data, p)


def decode(data: bytes, name: str) -> str:
    """Decode schema bytes, refusing binary data and anything that is not UTF-8."""
    if b"\x00" in data:  # anywhere: a memchr, and a NUL is never schema text
        raise SchemaReadError(f"{name}: looks like a binary file (it contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise SchemaReadError(f"{name}: not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})") from None


def discover(folder: str | os.PathLike[str]) -> list[Path]:
    """The ``.prisma`` files of a schema folder, recursively, in a stable order."""
    from pathlib import Path

    root = Path(folder)
    return sorted(p for p in root.rglob("*.prisma") if p.is_file() and not _hidden(p.relative_to(root)))


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") or part == "node_modules" for part in rel.parts[:-1])


def load(path: str | os.PathLike[str], *, strict: bool = True) -> Schema:
    """Parse a file, or a folder of ``.prisma`` files read as one schema (as Prisma does).

    Each :class:`~prisma_tools.nodes.SchemaFile` keeps the path it came from.
    """
    p = clean_path(path)
    if os.path.isdir(p):
        files = discover(p)
        if not files:
            raise SchemaReadError(f"{p}: no .prisma files in this directory")
        return construct(Schema, {"files": tuple(parse_file_text(read_text(f), str(f), strict=strict) for f in files)})
    return construct(Schema, {"files": (parse_file_text(read_text(p), p, strict=strict),)})


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Replace ``path`` with ``text`` atomically: write a temporary file beside it, then rename.

    The file's permission bits are kept. Readers never see a half-written file.
    """
    p = os.fspath(path)
    data = text.encode("utf-8")
    try:
        mode = os.stat(p).st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    fd, tmp = _mkstemp(os.path.dirname(p), f".{os.path.basename(p)}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, p)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _mkstemp(folder: str, prefix: str) -> tuple[int, str]:
    """``tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)``: a new file only we
    can read, opened exclusively. Not tempfile itself: it imports shutil, random and the
    compression modules, about 4 ms of the start-up of `prisma-tools format`."""
    folder_name = os.path.abspath(folder)
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    for _ in range(10000):  # tempfile.TMP_MAX
        name = os.path.join(folder_name, f"{prefix}{os.urandom(6).hex()}.tmp")
        sys.audit("tempfile.mkstemp", name)
        try:
            return os.open(name, flags, 0o600), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "No usable temporary file name found")
