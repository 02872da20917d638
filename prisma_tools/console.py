"""The ``prisma-tools`` console script: answers ``--version`` before importing anything heavy."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``prisma-tools`` console script."""
    args = sys.argv[1:] if argv is None else list(argv)
    if args in (["--version"], ["-V"]):
        from . import __version__

        sys.stdout.write(f"prisma-tools, version {__version__}\n")
        sys.exit(0)
    from .cli import main as cli_main

    cli_main(args)
