"""The corpus entries of ../shared/corpus: each source with the official formatter's output."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from conftest import CORPUS


@dataclass(frozen=True)
class Entry:
    """One corpus entry: a file, or a schema folder, with its expected formatting."""

    set: str
    name: str
    source: Path
    expected: Path

    @property
    def is_folder(self) -> bool:
        return self.source.is_dir()

    def pairs(self) -> list[tuple[Path, Path]]:
        """(source file, expected file) for every file of the entry."""
        if not self.is_folder:
            return [(self.source, self.expected)]
        return [(self.source / f.relative_to(self.expected), f) for f in sorted(self.expected.rglob("*.prisma"))]


def entries() -> list[Entry]:
    out: list[Entry] = []
    if not CORPUS.is_dir():
        return out
    for d in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        for exp in sorted(d.iterdir()):
            if exp.name.endswith(".expected.prisma"):
                base = exp.name[: -len(".expected.prisma")]
                src = d / (base + ".prisma")
                if not src.exists():
                    src = d / base
                out.append(Entry(d.name, base, src, exp))
            elif exp.is_dir() and exp.name.endswith(".expected"):
                out.append(Entry(d.name, exp.name[: -len(".expected")], d / exp.name[: -len(".expected")], exp))
    return out


def ids(es: list[Entry]) -> list[str]:
    return [f"{e.set}/{e.name}" for e in es]
