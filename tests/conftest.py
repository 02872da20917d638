"""Shared fixtures: where ../shared is, and the rule for tests that need it.

The corpus and the oracle are third-party material beside the repository
(``../shared``). Without them a test skips with the reason, except under
``CI=true``, where a missing corpus is a failure: CI must measure it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PRISMA_TOOLS_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
ORACLE = SHARED / "tools" / "prisma-oracle" / "prisma-oracle"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def require_shared(path: Path, what: str) -> None:
    """Skip (or, under CI=true, fail) when ``path`` from ../shared is missing."""
    if path.exists():
        return
    message = f"{what} not found at {path} (../shared beside the repository)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + "; CI=true requires it")
    pytest.skip(message)
