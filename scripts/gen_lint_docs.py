"""Write docs/lint.md from the lint rules' metadata (tests/test_lint_docs.py checks it is current).

python scripts/gen_lint_docs.py
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from prisma_tools.lint.docs import render  # noqa: E402

if __name__ == "__main__":
    (REPO / "docs" / "lint.md").write_text(render())
    print("docs/lint.md written")
