"""`prisma-tools lint`: selection, configuration, output, --fix, exit status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from prisma_tools.cli.app import cli

SCHEMA = (
    'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n\n'
    "model user_account {\n"
    "  id        Int    @id\n"
    "  User_Name String\n"
    "  tags      String[]\n"
    "}\n"
)


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=stdin)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # the project root: pyproject.toml is looked for up to here
    (tmp_path / "schema.prisma").write_text(SCHEMA)
    return tmp_path


def test_no_rule_is_selected_by_default(project: Path) -> None:
    result = run("lint", str(project / "schema.prisma"))
    assert result.exit_code == 0
    assert "no lint rule selected" in result.output


def test_select_reports_and_exits_1(project: Path) -> None:
    result = run("lint", str(project / "schema.prisma"), "--select", "model-name-pascal-case,PL005")
    assert result.exit_code == 1, result.output
    assert 'schema.prisma:6:7: warning[PL013]: Model name "user_account" is not in PascalCase.' in result.output
    assert "warning[PL005]" in result.output
    assert "help: Rename to userName, keeping the column name (--fix)" in result.output
    assert "Found 2 findings (2 fixable with --fix)." in result.output


def test_fix_writes_and_reports_every_change(project: Path) -> None:
    path = project / "schema.prisma"
    result = run("lint", str(path), "--select", "PL013,PL005,PL015", "--fix")
    assert result.exit_code == 1  # the unsafe @default([]) is left
    assert "fixed[PL013]: Rename to UserAccount, keeping the table name" in result.output
    assert "fixed[PL005]" in result.output
    assert "fixed[PL015]" not in result.output
    text = path.read_text()
    assert "model UserAccount {" in text
    assert '@map("User_Name")' in text
    assert '@@map("user_account")' in text
    result = run("lint", str(path), "--select", "PL013,PL005,PL015", "--fix", "--unsafe-fixes")
    assert result.exit_code == 0, result.output
    assert "@default([])" in path.read_text()


def test_configuration_in_pyproject(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.prisma-tools.lint]\nselect = ["require-field"]\n\n'
        '[tool.prisma-tools.lint.require-field]\nrequire = ["tenantId"]\n'
    )
    result = run("lint", str(project / "schema.prisma"))
    assert result.exit_code == 1
    assert 'Model "user_account" lacks required field "tenantId".' in result.output
    result = run("lint", str(project / "schema.prisma"), "--ignore", "require-field")
    assert result.exit_code == 0


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[tool.prisma-tools.lint]\nselect = ["no-such-rule"]\n', "unknown lint rule 'no-such-rule'"),
        ('[tool.prisma-tools.lint]\nselect = ["field-order"]\n', "rule field-order needs options (order)"),
        (
            '[tool.prisma-tools.lint]\nselect = ["field-order"]\n[tool.prisma-tools.lint.field-order]\norder = "id"\n',
            "bad options for field-order: order: Input should be a valid list",
        ),
        ('[tool.prisma-tools.lint]\nselct = ["x"]\n', "unknown key 'selct'"),
        (
            '[tool.prisma-tools.lint]\nselect = ["forbid-field"]\n[tool.prisma-tools.lint.forbid-field]\n'
            'forbid = ["/(/"]\n',
            "bad regular expression in the options of forbid-field",
        ),
    ],
)
def test_bad_configuration_exits_2(project: Path, toml: str, message: str) -> None:
    (project / "pyproject.toml").write_text(toml)
    result = run("lint", str(project / "schema.prisma"))
    assert result.exit_code == 2
    assert message in result.output


def test_a_schema_that_does_not_parse_exits_2_untouched(project: Path) -> None:
    path = project / "schema.prisma"
    path.write_text("model A {\n  id Int @id +\n}\n")
    result = run(
        "lint", str(path), "--select", "ALL", "--ignore", "PL003,PL006,PL008,PL009,PL011,PL014,PL017,PL018", "--fix"
    )
    assert result.exit_code == 2
    assert "schema.prisma:2:3" in result.output
    assert path.read_text() == "model A {\n  id Int @id +\n}\n"


def test_json_output(project: Path) -> None:
    result = run("lint", str(project / "schema.prisma"), "--select", "PL013", "--output-format", "json")
    [entry] = json.loads(result.stdout)
    assert entry["code"] == "PL013"
    assert entry["location"] == {"row": 6, "column": 7}


def test_stdin_fix_writes_stdout(project: Path) -> None:
    result = run("lint", "-", "--select", "PL005", "--fix", "-q", stdin=SCHEMA)
    assert 'userName  String @map("User_Name")' in result.stdout or 'userName String @map("User_Name")' in result.stdout


def test_list_and_explain() -> None:
    result = run("lint", "--list")
    assert result.exit_code == 0
    assert len(result.output.splitlines()) == 18
    assert "PL016  require-field-index" in result.output
    result = run("lint", "--explain", "field-order")
    assert "# PL008 field-order" in result.output
    assert "```prisma" in result.output


def test_missing_inflector_is_reported(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from prisma_tools.lint import number

    number._number.cache_clear()
    monkeypatch.setitem(sys.modules, "pluralizer", None)  # an import of it now fails
    (project / "pyproject.toml").write_text(
        '[tool.prisma-tools.lint]\nselect = ["model-name-grammatical-number"]\n'
        '[tool.prisma-tools.lint.model-name-grammatical-number]\nstyle = "singular"\n'
    )
    result = run("lint", str(project / "schema.prisma"))
    number._number.cache_clear()
    assert result.exit_code == 2
    assert "needs the package `pluralizer`: pip install 'prisma-tools[lint]'" in result.output


def test_the_readme_example(tmp_path: Path) -> None:
    from conftest import REPO

    path = tmp_path / "schema.prisma"
    path.write_text((REPO / "examples" / "lint" / "schema.prisma").read_text())
    run("lint", str(path), "--select", "model-name-pascal-case,field-name-camel-case", "--fix")
    readme = (REPO / "README.md").read_text()
    diff = readme[readme.index("```diff\n-model blog_post") :]
    added = [line[1:] for line in diff[: diff.index("```\n", 8)].splitlines() if line.startswith("+")]
    assert added
    assert all(line in path.read_text().splitlines() for line in added)


def test_json_shows_fixes_with_their_edits(project: Path) -> None:
    result = run("lint", str(project / "schema.prisma"), "--select", "PL005", "--output-format", "json")
    [entry] = json.loads(result.stdout)
    assert entry["fix"]["applicability"] == "safe"
    assert entry["fix"]["edits"][0] == {
        "content": "userName",
        "location": {"row": 8, "column": 3},
        "end_location": {"row": 8, "column": 12},
    }


def test_prismalintrc(project: Path) -> None:
    rc = project / ".prismalintrc.json"
    rc.write_text(
        json.dumps(
            {
                "rules": {
                    "model-name-pascal-case": ["error"],
                    "field-name-camel-case": "off",
                    "require-field": ["error", {"require": ["tenantId"]}],
                }
            }
        )
    )
    result = run("lint", str(project / "schema.prisma"), "--prismalintrc", str(rc))
    assert result.exit_code == 1
    assert "PL013" in result.output
    assert "PL018" in result.output
    assert "PL005" not in result.output
    rc.write_text(json.dumps({"rules": {"no-such-rule": "error"}}))
    result = run("lint", str(project / "schema.prisma"), "--prismalintrc", str(rc))
    assert result.exit_code == 2
    assert "unknown prisma-lint rule 'no-such-rule'" in result.output


def test_diff_writes_nothing(project: Path) -> None:
    path = project / "schema.prisma"
    result = run("lint", str(path), "--select", "PL013", "--diff")
    assert result.exit_code == 1
    assert "-model user_account {\n+model UserAccount {" in result.stdout
    assert '+  @@map("user_account")' in result.stdout
    assert "would fix[PL013]" in result.output
    assert path.read_text() == SCHEMA
    assert run("lint", str(path), "--select", "PL005", "--ignore", "PL005", "--diff").exit_code == 0
