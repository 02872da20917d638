"""End to end with real git: the merge driver on two branches, and `fix` on the markers git leaves."""

from __future__ import annotations

import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, require_shared
from merge_scenarios import (
    CLEAN_TEXTUAL,
    EDPSYCH_SCENARIO,
    SCENARIOS,
    Scenario,
    digest,
    driver_command,
    edpsych_scenario,
    git,
    git_env,
    golden_files,
    read_oracle,
    run_merge,
)

from prisma_tools import parse
from prisma_tools.cli.app import cli
from prisma_tools.cli.check import check_texts

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

ORACLE = read_oracle()


def test_every_scenario_has_a_golden_and_a_verdict() -> None:
    assert {s.name for s in SCENARIOS} | {EDPSYCH_SCENARIO} == set(ORACLE)
    assert {s.expect for s in SCENARIOS} == {"clean", "conflict", "rejected"}


@pytest.mark.parametrize("s", SCENARIOS, ids=lambda s: s.name)
def test_driver_merge(tmp_path: Path, s: Scenario) -> None:
    merged = run_merge(tmp_path, s, driver=True)
    assert merged.files == golden_files(s)
    regions = [rel for rel, text in merged.files.items() if "<<<<<<< ours\n" in text]
    sha, verdict = ORACLE[s.name]
    assert sha == digest(merged.files)  # the files Prisma judged are these
    if s.expect == "clean":
        assert merged.status == 0, merged.output
        assert regions == []
        assert verdict == "VALID"
        texts = {f"/{rel}": text for rel, text in merged.files.items()}
        assert [d for d in check_texts(texts, prisma_version=6) if d.severity == "error"] == []
    elif s.expect == "rejected":
        assert merged.status != 0
        assert regions == []
        assert verdict == "ERROR"
        assert "Prisma rejects the result" in merged.output
    else:
        assert merged.status != 0
        assert regions
        assert "CONFLICT (content)" in merged.output
        assert ": conflict: " in merged.output


@pytest.mark.parametrize("style", ["merge", "diff3", "zdiff3"])
@pytest.mark.parametrize("s", CLEAN_TEXTUAL, ids=lambda s: s.name)
def test_fix_repairs_git_markers_to_the_driver_result(tmp_path: Path, s: Scenario, style: str) -> None:
    merged = run_merge(tmp_path, s, driver=False, style=style)
    assert merged.status != 0  # git's line merge conflicts where both sides appended
    path = tmp_path / "repo" / s.folder / "schema.prisma"
    text = path.read_text()
    assert "<<<<<<< HEAD" in text
    assert ("|||||||" in text) == (style != "merge")
    result = CliRunner().invoke(cli, ["fix", str(path)])
    assert result.exit_code == 0, result.output
    assert "merge resolved the conflict region" in result.output
    assert path.read_text() == golden_files(s)["schema.prisma"]


@pytest.mark.parametrize("style", ["merge", "diff3"])
def test_fix_leaves_true_conflicts_as_the_driver_does(tmp_path: Path, style: str) -> None:
    s = next(s for s in SCENARIOS if s.name == "same-model-different-fields")
    run_merge(tmp_path, s, driver=False, style=style)
    path = tmp_path / "repo" / s.folder / "schema.prisma"
    base_marker = [line for line in path.read_text().splitlines() if line.startswith("|||||||")]
    result = CliRunner().invoke(cli, ["fix", str(path)])
    assert result.exit_code == 1, result.output
    assert "error[conflict]: model Comment: added on both sides, differently" in result.output
    expected = golden_files(s)["schema.prisma"]
    if style == "diff3":  # with the (empty) base part git's markers carried, and their label
        expected = expected.replace("}\n=======\n", f"}}\n{base_marker[0]}\n=======\n")
    assert path.read_text() == expected.replace("<<<<<<< ours", "<<<<<<< HEAD")


def test_install_writes_attributes_and_config(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    env = git_env(tmp_path)
    git(repo, "init", "-q", env=env)
    (repo / ".gitattributes").write_text("*.png binary")
    for _ in range(2):  # a second run changes nothing
        done = subprocess.run(
            [
                *shlex.split(driver_command())[:3],
                "merge-driver",
                "--install",
            ],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    assert (repo / ".gitattributes").read_text() == "*.png binary\n*.prisma merge=prisma-tools\n"
    driver = git(repo, "config", "--get", "merge.prisma-tools.driver", env=env).stdout.strip()
    assert driver == "prisma-tools merge-driver %O %A %B %P %L"
    assert git(repo, "check-attr", "merge", "a.prisma", env=env).stdout.strip() == "a.prisma: merge: prisma-tools"


def test_edpsych_story_replayed_as_a_merge(tmp_path: Path) -> None:
    corpus = CORPUS / "edpsych"
    require_shared(corpus, "the EdPsych corpus")
    s = edpsych_scenario(corpus)
    merged = run_merge(tmp_path, s, driver=True)
    assert merged.status == 0, merged.output
    (text,) = merged.files.values()
    assert "<<<<<<<" not in text
    result = parse(text)
    names = [getattr(b, "name", None) for b in result.blocks]
    assert len(names) == len(set(names))  # no duplicates
    sides = [parse(x) for x in (s.ours["schema.prisma"], s.theirs["schema.prisma"])]  # type: ignore[arg-type]
    assert set(names) == {getattr(b, "name", None) for side in sides for b in side.blocks}
    user = {f.name for f in result.block("User").fields}  # type: ignore[union-attr]
    assert user == {f.name for side in sides for f in side.block("User").fields}  # type: ignore[union-attr]
    assert [d for d in check_texts({"schema.prisma": text}, prisma_version=6) if d.severity == "error"] == []
    assert ORACLE[EDPSYCH_SCENARIO] == (digest(merged.files), "VALID")


@pytest.mark.parametrize("style", ["merge", "zdiff3"])
def test_fix_repairs_a_schema_folder_git_left_conflicted(tmp_path: Path, style: str) -> None:
    s = next(s for s in SCENARIOS if s.name == "schema-folder")
    merged = run_merge(tmp_path, s, driver=False, style=style)
    assert merged.status != 0
    conflicted = sorted(rel for rel, text in merged.files.items() if "<<<<<<< HEAD" in text)
    assert conflicted == ["schema/post.prisma", "schema/user.prisma"]
    folder = tmp_path / "repo" / s.folder / "schema"
    result = CliRunner().invoke(cli, ["fix", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.output.count("merge resolved the conflict region") == 2
    after = {str(p.relative_to(folder.parent)): p.read_text() for p in sorted(folder.rglob("*.prisma"))}
    assert after == golden_files(s)
