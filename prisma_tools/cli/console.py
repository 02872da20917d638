"""The ``prisma-tools`` console script: answers ``--version`` before importing anything heavy,
and runs ``format PATH...`` without importing click."""

from __future__ import annotations

import gc
import os
import sys


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``prisma-tools`` console script."""
    args = sys.argv[1:] if argv is None else list(argv)
    if args in (["--version"], ["-V"]):
        from .. import __version__

        sys.stdout.write(f"prisma-tools, version {__version__}\n")
        sys.exit(0)
    # A command is short-lived and allocates many small objects that form no
    # reference cycles (imports, AST nodes, their layout-blind copies): Python's
    # cyclic GC would only rescan them again and again (a third of the run time
    # of `format` on a 50-model schema). So it is paused for the command.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        # `format` with plain flags and paths skips click (~15 ms of imports);
        # click's shell completion hook is an environment variable it reads first.
        if args[:1] == ["format"] and "_PRISMA_TOOLS_COMPLETE" not in os.environ:
            from .runner import parse_format_args, run_format

            parsed = parse_format_args(args[1:])
            if parsed is not None:
                run_format(*parsed)
        from .app import main as cli_main

        cli_main(args)
    finally:
        if gc_was_enabled:
            gc.enable()
