"""Reading schema files and folders, and writing them back safely (atomic replace, links, mode and owner kept)."""

from __future__ import annotations

import contextlib
import errno
import os
import sys

from .nodes import Schema, construct
from .parser import parse_file_text

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs start-up time
if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["SchemaReadError", "SchemaWriteError", "clean_path", "discover", "load", "read_text", "write_atomic"]

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


class SchemaWriteError(OSError):
    """A file was refused for writing (read-only); the message is for the user as is."""


def write_atomic(path: str | os.PathLike[str], text: str, *, backup: str | None = None) -> None:
    """Replace the contents of ``path`` with ``text``, keeping what the file is.

    A symbolic link is written through (its target gets the text; the link
    stays a link). The file's mode and owner are kept. It is replaced
    atomically (a temporary file beside the target, then a rename), so readers
    never see half a file, unless a rename would lose something the file is:
    a file with several hard links, or one whose owner we cannot give to a new
    file, is rewritten in place instead (the links and owner stay; a crash
    mid-write can leave it truncated). A read-only file (no write bit, or one
    we may not write) is refused with :class:`SchemaWriteError`, untouched.

    ``backup``: text to keep in ``path.bak`` first (the original), with the
    original's mode and owner; whatever is at ``path.bak`` is replaced, not followed.
    """
    p = os.fspath(path)
    target = os.path.realpath(p)
    try:
        st: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        st = None
    if st is not None and (not st.st_mode & 0o222 or not os.access(target, os.W_OK)):
        # Root may write anything: the mode bits are the owner's word that this file is not to change.
        raise SchemaWriteError(f"{p}: is read-only; not written")
    if backup is not None:
        _replace(p + ".bak", backup.encode("utf-8"), st)
    data = text.encode("utf-8")
    if st is not None and (st.st_nlink > 1 or not _can_own(st)):
        _write_in_place(target, data)
        return
    try:
        _replace(target, data, st)
    except PermissionError:
        if st is None:
            raise
        _write_in_place(target, data)  # a folder we may not create files in, but the file is writable


def _can_own(st: os.stat_result) -> bool:
    """Whether a new file of ours can be given ``st``'s owner and group (else a rename would change them)."""
    if not hasattr(os, "geteuid") or os.geteuid() == 0:
        return True
    return st.st_uid == os.geteuid() and (st.st_gid == os.getegid() or st.st_gid in os.getgroups())


def _write_in_place(target: str, data: bytes) -> None:
    fd = os.open(target, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.truncate()
        fh.flush()
        os.fsync(fh.fileno())


def _replace(target: str, data: bytes, like: os.stat_result | None) -> None:
    """Write ``data`` to a new file beside ``target`` with ``like``'s mode and owner, then rename it over."""
    fd, tmp = _mkstemp(os.path.dirname(target), f".{os.path.basename(target)}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if like is not None:
                if hasattr(os, "fchown") and (like.st_uid, like.st_gid) != (os.geteuid(), os.getegid()):
                    # Owner first: chown clears the set-id bits that chmod then restores.
                    with contextlib.suppress(PermissionError):
                        os.fchown(fh.fileno(), like.st_uid, like.st_gid)
                os.chmod(tmp, like.st_mode & 0o7777)
            os.fsync(fh.fileno())
        os.replace(tmp, target)
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
