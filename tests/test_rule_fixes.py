"""The rules' fixes: the golden corpus (Prisma accepts every fixed case), and how `fix` applies them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from prisma_tools import format_text, registry
from prisma_tools.autofix import apply_fixes
from prisma_tools.cli.app import cli
from prisma_tools.edits import Fix, TextEdit
from prisma_tools.registry import FIXERS, Fixer, get_rule
from tests.fix_cases import ORACLE_JSON, arguments, cases, run_fix, sha256

ORACLE = json.loads(ORACLE_JSON.read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def strict_fixers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Here a fixer that raises fails the test (users get the diagnostic without a fix instead)."""
    monkeypatch.setattr(registry, "_STRICT", True)


@pytest.mark.parametrize("case", cases(), ids=lambda p: p.stem)
def test_fixed_case_is_what_prisma_accepted(case: Path) -> None:
    text = case.read_text(encoding="utf-8")
    status, fixed, messages = run_fix(text, arguments(case), case.name)
    golden = ORACLE[case.name]
    assert sha256(fixed) == golden["sha256"], "output changed: run scripts/regen_fix_goldens.py (it asks Prisma)"
    assert golden["lint"] == [], "Prisma reports errors or warnings in the fixed text"
    assert golden["canonical"], "prisma format changes the fixed text"
    assert status == 0, messages
    assert format_text(fixed) == fixed
    code = case.stem.split("_")[0].upper()
    if code != "COMBINED":
        assert f": {code} " in messages, f"the {code} fix was not the one applied"
    again_status, again, again_messages = run_fix(fixed, arguments(case), case.name)
    assert again == fixed
    assert again_status == 0
    assert "reformatted" not in again_messages


def test_every_applicable_fix_has_a_golden_case() -> None:
    # the fixes of Prisma's diagnostics (lint rules test theirs apart)
    covered = {p.stem.split("_")[0].upper() for p in cases()}
    missing = [
        code
        for code, fx in FIXERS.items()
        if fx.applicability != "display" and code not in covered and getattr(get_rule(code), "origin", "") == "prisma"
    ]
    assert missing == []


def test_oracle_goldens_cover_exactly_the_cases() -> None:
    assert sorted(ORACLE) == [p.name for p in cases()]


UNSAFE = "model User {\n  id    Int   @id\n  email Strin\n}\n"


def test_unsafe_fixes_only_with_the_flag() -> None:
    status, out, messages = run_fix(UNSAFE, [], "s.prisma")
    assert "Strin" in out
    assert status == 1
    status, out, messages = run_fix(UNSAFE, ["--unsafe-fixes"], "s.prisma")
    assert "email String" in out
    assert status == 0
    assert "E201 Did you mean `String`?" in messages


def test_unsafe_fixes_from_the_configuration(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.prisma-tools]\nunsafe-fixes = true\n")
    schema = tmp_path / "schema.prisma"
    schema.write_text(UNSAFE)
    r = CliRunner().invoke(cli, ["fix", str(schema)])
    assert r.exit_code == 0, r.output
    assert "email String" in schema.read_text()


def test_display_fixes_are_never_applied() -> None:
    text = (
        'datasource db {\n  provider = "postgresql"\n  url      = env("U")\n  schemas  = ["a"]\n}\n\n'
        "model User {\n  id Int @id\n}\n"
    )
    status, out, _ = run_fix(text, ["--unsafe-fixes"], "s.prisma")
    assert "@@schema" not in out
    assert status == 1


def test_ignore_and_select_choose_the_fixes() -> None:
    text = "model A {\n  id Int! @id\n  b [String]\n}\n"
    _, out, _ = run_fix(text, ["--ignore", "E010", "--no-check"], "s.prisma")
    assert "String[]" in out
    _, out, messages = run_fix(text, ["--select", "legacy-required", "--no-check"], "s.prisma")
    assert "E010" in messages
    assert "E011" not in messages


def test_show_fixes_counts_per_rule() -> None:
    text = "model A {\n  id Int! @id\n  b Int!\n}\n"
    _, _, messages = run_fix(text, ["--show-fixes"], "s.prisma")
    assert "Fixed 2 issues:" in messages
    assert "2 x E010 (legacy-required)" in messages


def test_fix_only_does_not_report_what_is_left() -> None:
    status, _, messages = run_fix(UNSAFE, ["--fix-only"], "s.prisma")
    assert status == 0
    assert "E201" not in messages


def test_json_output_carries_the_fix_edits(tmp_path: Path) -> None:
    schema = tmp_path / "schema.prisma"
    schema.write_text(UNSAFE)
    r = CliRunner().invoke(cli, ["check", "--output-format", "json", str(schema)])
    [entry] = json.loads(r.stdout)
    start = UNSAFE.index("Strin")
    assert entry["fix"] == {
        "applicability": "unsafe",
        "message": "Did you mean `String`?",
        "edits": [
            {
                "filename": str(schema),
                "start": start,
                "end": start + 5,
                "content": "String",
                "location": {"row": 3, "column": 9},
                "end_location": {"row": 3, "column": 14},
            }
        ],
        "applied": False,
    }
    r = CliRunner().invoke(cli, ["fix", "--unsafe-fixes", "--check", "--output-format", "json", str(schema)])
    applied = [e for e in json.loads(r.stdout) if isinstance(e, dict) and e.get("code") == "E201"]
    assert applied
    assert applied[0]["fix"]["applied"] is True


def test_check_show_fixes(tmp_path: Path) -> None:
    schema = tmp_path / "schema.prisma"
    schema.write_text("model A {\n  id Int! @id\n  b Strin\n}\n")
    r = CliRunner().invoke(cli, ["check", "--show-fixes", str(schema)])
    assert "help: Remove the `!`: fields are required by default [safe fix: `prisma-tools fix`]" in r.stdout
    assert "[*] 1 fixable with `prisma-tools fix`. (1 hidden fix can be enabled with `--unsafe-fixes`.)" in r.stderr


def test_check_select_and_ignore(tmp_path: Path) -> None:
    schema = tmp_path / "schema.prisma"
    schema.write_text("model A {\n  id Int! @id\n  b Strin\n}\n")
    r = CliRunner().invoke(cli, ["check", "--ignore", "E0", str(schema)])
    assert "E010" not in r.stdout
    assert "E201" in r.stdout
    r = CliRunner().invoke(cli, ["check", "--select", "E010", str(schema)])
    assert "E201" not in r.stdout
    assert "E010" in r.stdout
    r = CliRunner().invoke(cli, ["check", "--select", "E99", str(schema)])
    assert r.exit_code == 2
    assert "unknown rule 'E99'" in r.output


def test_fixes_loop_until_nothing_changes() -> None:
    # Prisma checks relations only once the syntax error is gone: E441 shows up in round two; its
    # @unique is an index, so the warning about a missing index (W401) is not fixed with another one
    text = (
        'datasource db {\n  provider     = "mysql"\n  url          = env("U")\n  relationMode = "prisma"\n}\n\n'
        "model A {\n  id Int @id\n  b  B?\n}\n\n"
        "model B {\n  id  Int! @id\n  aId Int\n  a   A    @relation(fields: [aId], references: [id])\n}\n"
    )
    fixed, applied = apply_fixes({"s.prisma": text}, prisma_version=6)
    assert [d.code for d in applied] == ["E010", "E441"]
    assert "aId Int @unique" in fixed["s.prisma"]
    assert "@@index" not in fixed["s.prisma"]


def test_a_fix_that_breaks_the_syntax_is_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    def breaks(finding: object, db: object) -> Fix:
        return Fix(
            message="break", applicability="safe", edits=(TextEdit(path="s.prisma", start=0, end=0, content="{"),)
        )

    monkeypatch.setitem(FIXERS, "E010", Fixer("E010", "safe", breaks))
    text = "model A {\n  id Int! @id\n}\n"
    fixed, applied = apply_fixes({"s.prisma": text}, prisma_version=6)
    assert fixed == {"s.prisma": text}
    assert applied == []


def test_a_fixer_that_raises_costs_the_fix_not_the_diagnostic(monkeypatch: pytest.MonkeyPatch) -> None:
    def raises(finding: object, db: object) -> Fix:
        raise IndexError("a bug")

    monkeypatch.setattr(registry, "_STRICT", False)
    monkeypatch.setitem(FIXERS, "E010", Fixer("E010", "safe", raises))
    status, out, messages = run_fix("model A {\n  id Int! @id\n}\n", [], "s.prisma")
    assert "Int!" not in out
    assert status == 0  # the formatter drops the `!` all the same
    assert "E010" not in messages


def test_a_fix_edits_the_file_that_needs_it_in_a_schema_folder(tmp_path: Path) -> None:
    folder = tmp_path / "schema"
    folder.mkdir()
    (folder / "main.prisma").write_text('datasource db {\n  provider = "postgresql"\n  url      = env("U")\n}\n')
    (folder / "user.prisma").write_text("model User {\n  id    Int    @id\n  email String\n  posts Post[]\n}\n")
    post = "model Post {\n  id        Int    @id\n  userEmail String\n  user      User   @relation(fields: [userEmail], references: [email])\n}\n"  # noqa: E501
    (folder / "post.prisma").write_text(post)
    r = CliRunner().invoke(cli, ["fix", str(folder)])
    assert r.exit_code == 0, r.output
    assert "email String @unique" in (folder / "user.prisma").read_text()
    assert (folder / "post.prisma").read_text() == post
    assert "E431 Make referenced field(s) unique" in r.stderr


def test_fixes_write_the_files_line_endings() -> None:
    text = (
        'datasource db {\r\n  provider     = "mysql"\r\n  url          = env("U")\r\n'
        '  relationMode = "prisma"\r\n}\r\n\r\n'
        "model A {\r\n  id Int @id\r\n  bs B[]\r\n}\r\n\r\n"
        "model B {\r\n  id  Int @id\r\n  aId Int\r\n  a   A   @relation(fields: [aId], references: [id])\r\n}\r\n"
    )
    fixed, applied = apply_fixes({"s.prisma": text}, prisma_version=6, unsafe=True)
    assert [d.code for d in applied] == ["W401"]
    assert fixed["s.prisma"].endswith("\r\n\r\n  @@index([aId])\r\n}\r\n")
    assert "\n" not in fixed["s.prisma"].replace("\r\n", "")
