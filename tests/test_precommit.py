"""End to end with the real `pre-commit`: a broken schema fails the first run and passes the second.

pre-commit installs a `language: python` hook into a fresh virtualenv from the
package index, which the test suite may not reach. So the test runs the hooks
exactly as `.pre-commit-hooks.yaml` publishes them (entry, types, serial) as a
`repo: local` hook of `language: system`, using the prisma-tools installed in
this environment. Set PRISMA_TOOLS_TRY_REPO=1 to also run `pre-commit try-repo`
against this repository (that one installs from the index).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO

pytestmark = pytest.mark.slow

UGLY = "model User {\nid Int @id\n  email    String @unique\n}\n"
PRETTY = "model User {\n  id    Int    @id\n  email String @unique\n}\n"


def _hooks() -> dict[str, dict[str, Any]]:
    data = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    return {h["id"]: h for h in data}


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.invalid",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.invalid",
        PRE_COMMIT_HOME=env.get("PRE_COMMIT_HOME", ""),
    )
    bindir = str(Path(sys.executable).parent)
    env["PATH"] = bindir + os.pathsep + env.get("PATH", "")
    return env


def _pre_commit() -> list[str]:
    exe = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")
    return [exe] if exe else [sys.executable, "-m", "pre_commit"]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    r = tmp_path / "project"
    r.mkdir()
    _git(r, "init", "-q")
    (r / "schema.prisma").write_text(UGLY)
    return r


@pytest.mark.parametrize("hook_id", ["prisma-tools-format", "prisma-tools-fix"])
def test_published_hook_fails_then_passes(repo: Path, tmp_path: Path, hook_id: str) -> None:
    hook = dict(_hooks()[hook_id])
    assert hook["require_serial"] is True
    assert hook["types"] == ["prisma"]
    hook["language"] = "system"
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
    _git(repo, "add", ".")
    env = _env()
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pc-home")
    cmd = [*_pre_commit(), "run", "--all-files"]
    first = subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert (repo / "schema.prisma").read_text() == PRETTY
    _git(repo, "add", ".")
    second = subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Passed" in second.stdout


@pytest.mark.skipif(os.environ.get("PRISMA_TOOLS_TRY_REPO") != "1", reason="installs from the package index")
def test_try_repo(repo: Path, tmp_path: Path) -> None:  # pragma: no cover - needs the index
    env = _env()
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pc-home")
    _git(repo, "add", ".")
    cmd = [*_pre_commit(), "try-repo", str(REPO), "prisma-tools-format", "--all-files"]
    first = subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert first.returncode == 1, first.stdout + first.stderr
    _git(repo, "add", ".")
    second = subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert second.returncode == 0, second.stdout + second.stderr


def test_check_hook_fails_on_a_schema_prisma_rejects(repo: Path, tmp_path: Path) -> None:
    hook = dict(_hooks()["prisma-tools-check"])
    assert hook["require_serial"] is True
    assert hook["types"] == ["prisma"]
    hook["language"] = "system"
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]}))
    (repo / "schema.prisma").write_text("model User {\n  id    Int   @id\n  email Strin\n}\n")
    _git(repo, "add", ".")
    env = _env()
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pc-home")
    cmd = [*_pre_commit(), "run", "--all-files"]
    first = subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert first.returncode == 1, first.stdout + first.stderr
    assert 'schema.prisma:3:9: error[E201]: Type "Strin" is neither a built-in type' in first.stdout
    (repo / "schema.prisma").write_text(PRETTY)
    _git(repo, "add", ".")
    second = subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert second.returncode == 0, second.stdout + second.stderr
