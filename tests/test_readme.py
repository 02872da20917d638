"""The README's Python example runs as written (from the repository root)."""

from __future__ import annotations

import os
import re

import pytest
from conftest import REPO


def test_readme_python_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    blocks = re.findall(r"```python\n(.*?)```", (REPO / "README.md").read_text(), flags=re.S)
    assert blocks, "the README has a Python example"
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        for code in blocks:
            exec(compile(code, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    out = capsys.readouterr().out
    assert "['id', 'email']" in out
    assert "PT001" in out
    assert "error[E002]" in out
    assert 'broken.prisma:3:6: error[E201]: Type "Strin" is neither a built-in type' in out
    assert "one-to-one Mentorship.request MentorshipRequest.mentorship" in out
