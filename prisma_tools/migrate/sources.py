"""Where schemas come from: a file or schema folder on disk, or the same path at a git revision."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path, PurePosixPath

from ..files import decode, load
from ..nodes import Schema
from ..parser import parse_file_text
from .errors import MigrateError

__all__ = ["ensure_valid", "load_schema", "load_schema_at_revision"]


def load_schema(path: str | os.PathLike[str]) -> Schema:
    """A schema file, or a folder read as one schema, that Prisma accepts.

    SchemaReadError and ParseError propagate; a schema with validation errors
    raises InvalidSchemaError (a ParseError) listing them, as Prisma's migrate
    refuses such a schema.
    """
    schema = load(path)
    ensure_valid(schema, path)
    return schema


def ensure_valid(schema: Schema, where: str | os.PathLike[str]) -> None:
    """Raise InvalidSchemaError with Prisma's errors for ``schema``, if it has any."""
    from ..cli.prisma_version import resolve_prisma_version
    from ..diagnostics import InvalidSchemaError
    from ..validation import validate

    version, _ = resolve_prisma_version(None, None, [os.fspath(where)])
    errors = [d for d in validate(schema, prisma_version=version) if d.severity == "error"]
    if errors:
        raise InvalidSchemaError(errors)


def _git(cwd: Path, *args: str) -> bytes:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise MigrateError("--from-git needs git, which is not installed") from None
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise MigrateError(f"git {args[0]} failed: {detail[0] if detail else f'exit {proc.returncode}'}")
    return proc.stdout


def load_schema_at_revision(path: str | os.PathLike[str], revision: str) -> Schema:
    """The schema at ``path`` (a file or a schema folder) as it was at git ``revision``."""
    if revision.startswith("-"):
        raise MigrateError(f"invalid git revision {revision!r}")
    target = Path(path).resolve()
    # The work tree may no longer have the path (deleted since): ask git from its nearest existing parent.
    start = target if target.is_dir() else target.parent
    while not start.exists():
        start = start.parent
    root = Path(_git(start, "rev-parse", "--show-toplevel").decode().strip())
    rel = PurePosixPath(target.relative_to(root).as_posix())
    _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    listing = _git(root, "ls-tree", "-r", "--name-only", "-z", revision, "--", str(rel)).decode("utf-8")
    names = [n for n in listing.split("\0") if n]
    if not names:
        raise MigrateError(f"{rel} does not exist at revision {revision}")
    if names != [str(rel)]:  # a folder: every .prisma file below it, in the order `load` reads a folder
        names = sorted((n for n in names if n.endswith(".prisma")), key=lambda n: PurePosixPath(n).parts)
        if not names:
            raise MigrateError(f"{rel} has no .prisma files at revision {revision}")
    files = []
    for name in names:
        label = f"{revision}:{name}"
        text = decode(_git(root, "show", f"{revision}:{name}"), label)
        files.append(parse_file_text(text, label))
    schema = Schema(files=tuple(files))
    ensure_valid(schema, target)
    return schema
