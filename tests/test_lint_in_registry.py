"""prisma-lint's rules in the shared registry: `rules`, `rule`, `check --select PL...` and `fix --select PL...`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from prisma_tools.api import format_text
from prisma_tools.autofix import parse_texts
from prisma_tools.cli.app import cli
from prisma_tools.edits import TextEdit, apply_edits
from prisma_tools.lint import RULES as LINT_RULES
from prisma_tools.lint import LintSettings, configure, lint_texts
from prisma_tools.registry import FIXERS, get_rule, rule_docs
from prisma_tools.selection import Selection
from prisma_tools.validation import check_schema

# Breaks PL013 (two models), PL005 (a field), PL015 (a list without @default([])), PL012 and PL007.
SCHEMA = format_text(
    'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n\n'
    "model user_account {\n  id Int @id\n  User_Name String\n  tags String[]\n  posts blog_post[]\n}\n\n"
    "model blog_post {\n  id Int @id\n  ownerId Int\n"
    "  owner user_account @relation(fields: [ownerId], references: [id])\n}\n"
)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # the project root: pyproject.toml is looked for up to here
    (tmp_path / "schema.prisma").write_text(SCHEMA)
    return tmp_path


def test_every_lint_rule_is_a_shared_rule() -> None:
    for lr in LINT_RULES:
        r = get_rule(lr.code)
        assert r is not None, lr.code
        assert (r.name, r.summary, r.severity, r.default, r.origin) == (
            lr.name,
            lr.summary,
            "warning",
            False,
            "lint",
        )
        assert lr.docs.rstrip() in r.docs
        fx = FIXERS.get(lr.code)
        assert (fx.applicability if fx else None) == lr.fix, lr.code
        assert get_rule(lr.name) == r


def test_rules_lists_and_rule_explains_the_lint_rules() -> None:
    listing = run("rules", "PL")
    assert listing.exit_code == 0
    lines = listing.output.splitlines()
    assert [line.split()[0] for line in lines] == [f"PL{n:03}" for n in range(1, 19)]
    assert any(line.split()[:2] == ["PL013", "model-name-pascal-case"] and "fix" in line for line in lines)
    assert "PL013" in run("rules").output
    explained = run("rule", "PL013")
    assert explained.exit_code == 0
    assert explained.output == rule_docs(get_rule("PL013"))  # type: ignore[arg-type]
    assert "Models in an implicit many-to-many relation are not renamed" in explained.output
    assert "### Fix: Rename, keeping the table name with @@map." in explained.output
    assert "`allowList`" in explained.output  # its options, and where they go
    assert "[tool.prisma-tools.lint.model-name-pascal-case]" in explained.output


def test_default_check_reports_no_lint_rule(project: Path) -> None:
    # even with rules selected for `prisma-tools lint`: its table does not select for `check`
    (project / "pyproject.toml").write_text('[tool.prisma-tools.lint]\nselect = ["PL013", "PL005"]\n')
    r = run("check", "--output-format", "json", str(project / "schema.prisma"))
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) == []
    assert run("lint", str(project / "schema.prisma")).exit_code == 1  # while `lint` finds them
    assert check_schema(parse_texts({"s.prisma": SCHEMA}), selection=Selection(), fixes=True) == []


def test_check_select_reports_the_rule_with_its_fix(project: Path) -> None:
    path = project / "schema.prisma"
    r = run("check", "--select", "PL013", "--output-format", "json", str(path))
    assert r.exit_code == 0, r.output
    entries = json.loads(r.stdout)
    assert [(e["code"], e["location"]["row"], e["message"]) for e in entries] == [
        ("PL013", 6, 'Model name "user_account" is not in PascalCase.'),
        ("PL013", 13, 'Model name "blog_post" is not in PascalCase.'),
    ]
    fix = entries[0]["fix"]
    assert fix["applicability"] == "safe"
    assert fix["message"] == "Rename to UserAccount, keeping the table name"
    edits = [TextEdit(path=e["filename"], start=e["start"], end=e["end"], content=e["content"]) for e in fix["edits"]]
    fixed = apply_edits(SCHEMA, edits)
    assert "model UserAccount {" in fixed
    assert '@@map("user_account")' in fixed
    assert "owner   UserAccount" in fixed.replace("UserAccount  ", "UserAccount")
    assert path.read_text() == SCHEMA  # check writes nothing


def test_check_finds_what_lint_finds() -> None:
    """Every rule that runs without options: the same findings, at the same places, with the same fixes."""
    lint_rules = [lr for lr in LINT_RULES if not lr.options_required]
    by_lint = lint_texts({"s.prisma": SCHEMA}, configure(LintSettings(), select=[lr.code for lr in lint_rules]))
    found = check_schema(
        parse_texts({"s.prisma": SCHEMA}), selection=Selection(select=tuple(lr.code for lr in lint_rules))
    )
    key = [(d.code, d.span.start_offset if d.span else -1, d.message, d.fix) for d in by_lint]
    assert sorted(key, key=repr) == sorted(((f.code, f.start, f.message, f.fix) for f in found), key=repr)
    assert {d.code for d in by_lint} >= {"PL005", "PL007", "PL012", "PL013", "PL015"}


def test_fix_select_renames_as_lint_fix_does(project: Path, tmp_path: Path) -> None:
    by_fix = project / "schema.prisma"
    other = tmp_path / "other"
    other.mkdir()
    (other / ".git").mkdir()
    by_lint = other / "schema.prisma"
    by_lint.write_text(SCHEMA)
    r = run("fix", "--select", "PL013", str(by_fix))
    assert r.exit_code == 0, r.output
    assert "PL013 Rename to UserAccount, keeping the table name" in r.output
    r = run("lint", "--select", "PL013", "--fix", str(by_lint))
    assert r.exit_code == 0, r.output
    text = by_fix.read_text()
    assert text == by_lint.read_text()
    assert "model UserAccount {" in text
    assert "model BlogPost {" in text
    assert '@@map("user_account")' in text
    assert '@@map("blog_post")' in text
    assert "user_account" not in text.replace('"user_account"', "")


def test_lint_options_apply_to_check_and_fix(project: Path) -> None:
    path = project / "schema.prisma"
    (project / "pyproject.toml").write_text(
        '[tool.prisma-tools.lint.model-name-pascal-case]\nallowList = ["user_account"]\n'
        '[tool.prisma-tools.lint.require-field]\nrequire = ["createdAt"]\n'
    )
    r = run("check", "--select", "PL013,PL018", "--output-format", "json", str(path))
    assert sorted((e["code"], e["location"]["row"]) for e in json.loads(r.stdout)) == [
        ("PL013", 13),
        ("PL018", 6),
        ("PL018", 13),
    ]
    r = run("fix", "--select", "PL013", str(path))
    assert r.exit_code == 0, r.output
    assert "model user_account {" in path.read_text()
    assert "model BlogPost {" in path.read_text()


def test_bad_lint_options_exit_2_and_leave_the_file(project: Path) -> None:
    path = project / "schema.prisma"
    (project / "pyproject.toml").write_text("[tool.prisma-tools.lint.model-name-pascal-case]\nallowList = 3\n")
    for command in ("check", "fix"):
        r = run(command, "--select", "PL013", str(path))
        assert r.exit_code == 2, r.output
        assert "bad options for model-name-pascal-case: allowList" in r.output
    assert path.read_text() == SCHEMA
    assert run("check", str(path)).exit_code == 0  # no lint rule selected: its options are not read


def test_rule_needing_options_is_skipped_and_said(project: Path) -> None:
    r = run("check", "--select", "PL009,PL013", str(project / "schema.prisma"))
    assert r.exit_code == 0, r.output
    assert "warning: PL009 (forbid-field) skipped: it needs options in [tool.prisma-tools.lint.forbid-field]" in (
        r.output
    )
    assert "warning[PL013]" in r.output
    assert "[PL009]" not in r.output.replace("PL009 (", "")


def test_default_fix_applies_no_lint_fix(project: Path) -> None:
    path = project / "schema.prisma"
    r = run("fix", str(path))
    assert r.exit_code == 0, r.output
    assert path.read_text() == SCHEMA


def test_ignore_comments_hold_in_check() -> None:
    text = SCHEMA.replace(
        "model blog_post {\n", "model blog_post {\n  /// prisma-lint-ignore-model model-name-pascal-case\n"
    )
    found = check_schema(parse_texts({"s.prisma": text}), selection=Selection(select=("PL013",)))
    assert [f.message for f in found] == ['Model name "user_account" is not in PascalCase.']
