"""``[tool.prisma-tools]`` in the nearest ``pyproject.toml``, found the way black finds its own.

Recognised keys (command-line flags override them)::

    [tool.prisma-tools]
    merge = ["prisma/user-model-updates.prisma"]   # additions merged by `fix`, relative to pyproject.toml
    select = ["E", "PT"]                           # rules: codes, code prefixes, names (default: all but lint)
    extend-select = []                             # rules on as well (the opt-in lint rules, say)
    ignore = ["PT003"]
    unsafe-fixes = false                           # `fix` applies unsafe fixes too
    duplicates = "first"                           # first | last | error
    backup = false
    prisma-version = 7                             # the engine `check` judges by: 6 or 7
    exclude = ["node_modules", "migrations"]       # skipped when a directory is searched (these are the default)
    extend-exclude = ["generated"]                 # skipped as well

    [tool.prisma-tools.lint]                       # `prisma-tools lint`: see prisma_tools/lint/settings.py
    select = ["field-name-camel-case"]

    [tool.prisma-tools.sort]                       # `prisma-tools sort` (never `format`)
    first = ["User", "Account"]                    # these blocks first, in this order; the others after
    blocks = "name"                                # the others: kind (then name), name, or keep
    fields = "keep"                                # keep | name
    relations-last = true                          # relation fields after the others
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Config", "ConfigError", "SortConfig", "find_pyproject", "load_config"]

_KEYS = {
    "merge",
    "select",
    "extend-select",
    "ignore",
    "unsafe-fixes",
    "duplicates",
    "backup",
    "prisma-version",
    "exclude",
    "extend-exclude",
    "lint",
    "sort",
}
_SORT_KEYS = {"first", "blocks", "fields", "relations-last"}


class ConfigError(ValueError):
    """The configuration file exists but says something we cannot use."""


@dataclass
class SortConfig:
    """``[tool.prisma-tools.sort]``: what ``prisma-tools sort`` does when its flags do not say."""

    first: list[str] = field(default_factory=list)
    blocks: str = "kind"
    fields: str = "keep"
    relations_last: bool = False


@dataclass
class Config:
    merge: list[Path] = field(default_factory=list)
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    unsafe_fixes: bool = False
    duplicates: str = "first"
    backup: bool = False
    prisma_version: int | None = None
    exclude: list[str] | None = None
    extend_exclude: list[str] = field(default_factory=list)
    lint: dict[str, Any] = field(default_factory=dict)
    """The ``[tool.prisma-tools.lint]`` table, read by :mod:`prisma_tools.lint.settings`."""
    sort: SortConfig = field(default_factory=SortConfig)
    source: Path | None = None

    def exclude_patterns(self) -> tuple[str, ...]:
        """What directory searches skip: ``exclude`` (or the defaults) and ``extend-exclude``."""
        from .discovery import DEFAULT_EXCLUDE

        base = DEFAULT_EXCLUDE if self.exclude is None else tuple(self.exclude)
        return (*base, *self.extend_exclude)


def find_pyproject(paths: Sequence[str | Path]) -> Path | None:
    """The ``pyproject.toml`` nearest to the common parent of ``paths`` (or the working directory)."""
    resolved = [Path(p).resolve() for p in paths if str(p) != "-"] or [Path.cwd()]
    common = Path(*_common_parts([p if p.is_dir() else p.parent for p in resolved]))
    for directory in (common, *common.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            return candidate
        if (directory / ".git").exists():  # the project root: stop here, as black does
            break
    return None


def _common_parts(dirs: list[Path]) -> tuple[str, ...]:
    parts = dirs[0].parts
    for d in dirs[1:]:
        n = 0
        for a, b in zip(parts, d.parts, strict=False):
            if a != b:
                break
            n += 1
        parts = parts[:n]
    return parts


def _strings(value: Any, key: str, where: Path) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ConfigError(f"{where}: [tool.prisma-tools] {key} must be a string or a list of strings")


def load_config(path: Path | None) -> Config:
    """Read ``[tool.prisma-tools]`` from ``path`` (a ``pyproject.toml``); defaults when absent."""
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"{path}: cannot read ({e})") from None
    section = data.get("tool", {}).get("prisma-tools")
    if section is None:
        return Config()
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool.prisma-tools] must be a table")
    unknown = sorted(set(section) - _KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown key(s) in [tool.prisma-tools]: {', '.join(unknown)}")
    cfg = Config(source=path)
    if "merge" in section:
        cfg.merge = [path.parent / m for m in _strings(section["merge"], "merge", path)]
    if "select" in section:
        cfg.select = _strings(section["select"], "select", path)
    if "ignore" in section:
        cfg.ignore = _strings(section["ignore"], "ignore", path)
    if "extend-select" in section:
        cfg.extend_select = _strings(section["extend-select"], "extend-select", path)
    if "unsafe-fixes" in section:
        if not isinstance(section["unsafe-fixes"], bool):
            raise ConfigError(f"{path}: [tool.prisma-tools] unsafe-fixes must be true or false")
        cfg.unsafe_fixes = section["unsafe-fixes"]
    if "duplicates" in section:
        value = section["duplicates"]
        if value not in ("first", "last", "error"):
            raise ConfigError(f"{path}: [tool.prisma-tools] duplicates must be first, last or error")
        cfg.duplicates = value
    if "backup" in section:
        if not isinstance(section["backup"], bool):
            raise ConfigError(f"{path}: [tool.prisma-tools] backup must be true or false")
        cfg.backup = section["backup"]
    if "exclude" in section:
        cfg.exclude = _strings(section["exclude"], "exclude", path)
    if "extend-exclude" in section:
        cfg.extend_exclude = _strings(section["extend-exclude"], "extend-exclude", path)
    if "lint" in section:
        if not isinstance(section["lint"], dict):
            raise ConfigError(f"{path}: [tool.prisma-tools.lint] must be a table")
        cfg.lint = section["lint"]
    if "sort" in section:
        cfg.sort = _sort(section["sort"], path)
    if "prisma-version" in section:
        version = section["prisma-version"]
        if isinstance(version, str) and version.isdigit():
            version = int(version)
        if version not in (6, 7) or isinstance(version, bool):
            raise ConfigError(f"{path}: [tool.prisma-tools] prisma-version must be 6 or 7")
        cfg.prisma_version = version
    return cfg


def _sort(table: Any, where: Path) -> SortConfig:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: [tool.prisma-tools.sort] must be a table")
    unknown = sorted(set(table) - _SORT_KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) in [tool.prisma-tools.sort]: {', '.join(unknown)}")
    out = SortConfig()
    if "first" in table:
        out.first = _strings(table["first"], "sort.first", where)
    for key, choices in (("blocks", ("kind", "name", "keep")), ("fields", ("keep", "name", "relations-last"))):
        if key in table:
            if table[key] not in choices:
                raise ConfigError(f"{where}: [tool.prisma-tools.sort] {key} must be {', '.join(choices)}")
            setattr(out, key, table[key])
    if "relations-last" in table:
        if not isinstance(table["relations-last"], bool):
            raise ConfigError(f"{where}: [tool.prisma-tools.sort] relations-last must be true or false")
        out.relations_last = table["relations-last"]
    return out
