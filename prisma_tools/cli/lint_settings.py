"""``[tool.prisma-tools.lint]``'s rule options for the lint rules ``check`` and ``fix`` select."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from .options import echo_err
from .runner import EXIT_ERROR

if TYPE_CHECKING:
    from ..config import Config
    from ..selection import Selection

__all__ = ["lint_settings"]


@contextmanager
def lint_settings(cfg: Config, selection: Selection, *, quiet: bool = False) -> Iterator[None]:
    """Run the block with the lint options of ``cfg``; exit 2 when they are bad.

    Says on standard error which selected lint rules are skipped (options they require are
    missing, or a package), unless ``quiet``. The default selection has no lint rule: nothing to read.
    """
    if selection.is_default:
        yield
        return
    from ..lint import LintConfigError, LintSettings
    from ..lint.bridge import skipped, using_settings

    try:
        settings = LintSettings.from_table(cfg.lint, str(cfg.source) if cfg.source else None)
        left_out = skipped(selection, settings)
    except LintConfigError as e:
        echo_err(f"error: {e}")
        sys.exit(EXIT_ERROR)
    if not quiet:
        for r, reason in left_out:
            echo_err(f"warning: {r.code} ({r.name}) skipped: it {reason}")
    with using_settings(settings):
        yield
