"""Where a project's schema is when no path is given, found in the order Prisma's CLI looks.

1. ``prisma.schema`` in ``package.json``;
2. a literal ``schema: "..."`` in ``prisma.config.ts`` (or ``.mts``/``.js``/``.mjs``);
3. ``prisma/schema.prisma``, ``schema.prisma``, then the ``prisma/schema/`` folder.

(``--schema PATH`` comes before all of them; the command line handles it.)
"""

from __future__ import annotations

import json
import os
import re

__all__ = ["SchemaNotFound", "locate_schema"]

_CONFIG_FILES = ("prisma.config.ts", "prisma.config.mts", "prisma.config.js", "prisma.config.mjs")
_CONFIG_SCHEMA = re.compile(r"""\bschema\s*:\s*(["'`])([^"'`\n]+)\1""")
_DEFAULTS = ("prisma/schema.prisma", "schema.prisma", "prisma/schema")


class SchemaNotFound(LookupError):
    """No schema in any of the places Prisma looks."""


def _package_json(directory: str) -> tuple[str, str] | None:
    path = os.path.join(directory, "package.json")
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    prisma = data.get("prisma") if isinstance(data, dict) else None
    schema = prisma.get("schema") if isinstance(prisma, dict) else None
    if isinstance(schema, str) and schema:
        return os.path.normpath(os.path.join(directory, schema)), "package.json (prisma.schema)"
    return None


def _config_file(directory: str) -> tuple[str, str] | None:
    for name in _CONFIG_FILES:
        path = os.path.join(directory, name)
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError):
            continue
        m = _CONFIG_SCHEMA.search(text)
        if m:
            return os.path.normpath(os.path.join(directory, m.group(2))), f"{name} (schema)"
    return None


def locate_schema(directory: str = ".") -> tuple[str, str]:
    """``(path, why)``: the schema file or folder Prisma's CLI would use in ``directory``.

    Raises :class:`SchemaNotFound` (its message lists where it looked).
    """
    for finder in (_package_json, _config_file):
        found = finder(directory)
        if found is not None:
            if not os.path.exists(found[0]):
                raise SchemaNotFound(f"{found[1]} names {found[0]}, which does not exist")
            return found
    for rel in _DEFAULTS:
        path = os.path.normpath(os.path.join(directory, rel))
        if os.path.isfile(path) or (rel.endswith("schema") and os.path.isdir(path)):
            return path, "Prisma's default location"
    raise SchemaNotFound(
        "no schema given and none found (looked at package.json prisma.schema, prisma.config.ts, "
        + ", ".join(_DEFAULTS)
        + "); pass a PATH or --schema"
    )
