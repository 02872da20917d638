"""`prisma-tools fix`: passes from the command line, configuration, backups, reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from prisma_tools.cli.app import cli

# One-to-one without @unique on the foreign key, and a duplicated enum.
BROKEN = """model User {
  id      Int      @id
  profile Profile?
}

model Profile {
  id     Int  @id
  userId Int
  user   User @relation(fields: [userId], references: [id])
}

enum Role {
  USER
}

enum Role {
  USER
}
"""

FIXED = """model User {
  id      Int      @id
  profile Profile?
}

model Profile {
  id     Int  @id
  userId Int  @unique
  user   User @relation(fields: [userId], references: [id])
}

enum Role {
  USER
}
"""


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=stdin)


@pytest.fixture
def schema(tmp_path: Path) -> Path:
    p = tmp_path / "schema.prisma"
    p.write_text(BROKEN)
    return p


def test_fix_repairs_reports_and_is_idempotent(schema: Path) -> None:
    r = run("fix", str(schema))
    assert r.exit_code == 0, r.output
    assert schema.read_text() == FIXED
    assert f"{schema}:16:1: PT001 removed duplicate enum Role" in r.stderr
    assert f"{schema}:9:3: PT004 added @unique to Profile.userId" in r.stderr
    again = run("fix", str(schema))
    assert again.exit_code == 0
    assert "PT00" not in again.stderr


def test_check_and_diff(schema: Path) -> None:
    assert run("fix", "--check", str(schema)).exit_code == 1
    r = run("fix", "--diff", str(schema))
    assert r.exit_code == 1
    assert "+  userId Int  @unique\n" in r.stdout
    assert schema.read_text() == BROKEN


def test_select_and_ignore(schema: Path) -> None:
    r = run("fix", "--select", "add-one-to-one-unique", "-", stdin=BROKEN)
    # the duplicate enum is left (PT001 not selected): Prisma rejects the result, so exit 1
    assert r.exit_code == 1
    assert 'error[E101]: The enum "Role" cannot be defined' in r.stderr
    assert r.stdout.count("enum Role") == 2
    assert "@unique" in r.stdout
    r = run("fix", "--ignore", "PT004,PT001", "-", stdin=BROKEN)
    assert "@unique" not in r.stdout
    r = run("fix", "--select", "no-such-pass", str(schema))
    assert r.exit_code == 2
    assert "no-such-pass" in r.stderr


def test_duplicates_error_changes_nothing(schema: Path) -> None:
    r = run("fix", "--duplicates", "error", str(schema))
    assert r.exit_code == 2
    assert schema.read_text() == BROKEN


def test_backup_keeps_the_original(schema: Path) -> None:
    assert run("fix", "--backup", str(schema)).exit_code == 0
    assert Path(str(schema) + ".bak").read_text() == BROKEN
    assert schema.read_text() == FIXED


def test_json_report(schema: Path) -> None:
    r = run("fix", "--output-format", "json", str(schema))
    assert r.exit_code == 0
    report = json.loads(r.stdout)  # a list in ruff's shape: one entry per change, none twice
    assert sorted(c["code"] for c in report) == ["PT001", "PT004"]
    assert all(c["severity"] == "info" and c["fix"]["applied"] for c in report)
    assert all(c["filename"] == str(schema) and c["location"]["row"] >= 1 for c in report)
    assert schema.read_text() == FIXED


def test_output_formats_everywhere(schema: Path) -> None:
    r = run("format", "--check", "--output-format", "json", str(schema))
    assert r.exit_code == 0  # already formatted: nothing to report
    assert json.loads(r.stdout) == []
    r = run("fix", "--check", "--output-format", "github", str(schema))
    assert r.stdout.startswith("::notice title=prisma-tools (PT00")
    assert "file=" + str(schema) in r.stdout
    r = run("fix", "--diff", "--output-format", "json", str(schema))
    assert r.exit_code == 2
    assert "--diff prints a diff" in r.stderr
    r = run("fix", "--output-format", "json", "-", stdin=BROKEN)
    assert r.exit_code == 2
    assert "would share standard output" in r.stderr
    r = run("format", "--output-format", "yaml", str(schema))
    assert r.exit_code == 2
    assert schema.read_text() == BROKEN
    missing = schema.parent / "missing.prisma"
    [entry] = json.loads(run("format", "--check", "--output-format", "json", str(missing)).stdout)
    assert entry["code"] == "io-error"
    assert entry["message"] == "no such file or directory"


def test_colour_follows_the_conventions(schema: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    r = run("fix", "--diff", "--color", "always", str(schema))
    assert "\x1b[32m+" in r.stdout
    assert "\x1b[" in r.stderr
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in run("fix", "--diff", str(schema)).stdout
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR")
    assert "\x1b[" not in run("fix", "--diff", str(schema)).output
    assert "\x1b[" in run("fix", "--diff", "--color", "always", str(schema)).stdout


def test_config_from_pyproject(schema: Path, tmp_path: Path) -> None:
    additions = tmp_path / "additions.prisma"
    additions.write_text("model Tag {\n  id Int @id\n}\n")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.prisma-tools]\nmerge = ["additions.prisma"]\nignore = ["PT001"]\nbackup = true\n'
    )
    r = run("fix", str(schema))
    assert r.exit_code == 1, r.output  # the duplicate enum PT001 would remove is still there
    assert "1 schema still has errors Prisma rejects." in r.stderr
    text = schema.read_text()
    assert "model Tag {" in text
    assert text.count("enum Role") == 2, "PT001 is ignored by the configuration"
    assert Path(str(schema) + ".bak").exists()
    # flags override the file
    schema.write_text(BROKEN)
    r = run("fix", "--ignore", "PT002", str(schema))
    assert "model Tag" not in schema.read_text()
    assert schema.read_text().count("enum Role") == 1


def test_bad_config_and_missing_merge_file(schema: Path, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.prisma-tools]\nduplicates = "sometimes"\n')
    r = run("fix", str(schema))
    assert r.exit_code == 2
    assert "duplicates must be" in r.stderr
    (tmp_path / "pyproject.toml").write_text("")
    r = run("fix", "--merge", str(tmp_path / "nope.prisma"), str(schema))
    assert r.exit_code == 2
    assert "no such file" in r.stderr
    assert schema.read_text() == BROKEN


def test_passes_command_lists_the_pipeline() -> None:
    r = run("passes")
    assert r.exit_code == 0
    codes = [line.split()[0] for line in r.stdout.splitlines()]
    assert codes == ["PT001", "PT002", "PT003", "PT004"]


def test_fix_reports_what_prisma_still_rejects(tmp_path: Path) -> None:
    # the example: nothing for fix to repair, but three errors Prisma reports
    path = tmp_path / "schema.prisma"
    path.write_text(
        "model User {\n  id    Int    @id\n  email Strin\n}\n",
    )
    r = run("fix", str(path))
    assert r.exit_code == 1
    assert f'{path}:3:9: error[E201]: Type "Strin" is neither a built-in type' in r.stderr
    assert "      email Strin\n            ^" in r.stderr  # the excerpt, as `format` prints syntax errors
    assert run("fix", "--no-check", str(path)).exit_code == 0


def test_quiet_hides_progress_never_changes_or_warnings(tmp_path: Path) -> None:
    # issue #11: -q hid "PT001 ... only in the removed copy"
    path = tmp_path / "schema.prisma"
    path.write_text("model User {\n  id   Int    @id\n  name String\n}\n\nmodel User {\n  id Int @id\n}\n")
    r = run("fix", "-q", "--duplicates", "last", str(path))
    assert "PT001" in r.stderr
    assert "User.name: only in the removed copy" in r.stderr
    assert "reformatted" not in r.stderr
    path.write_text("model User {\nid Int @id\n}\n")
    r = run("fix", "--silent", str(path))
    assert r.exit_code == 0
    assert r.output == ""
    assert path.read_text() == "model User {\n  id Int @id\n}\n"


def test_a_bad_code_in_the_configuration_is_the_files_error(schema: Path, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.prisma-tools]\nignore = ["PT999"]\n')
    r = run("fix", str(schema))
    assert r.exit_code == 2
    assert f"error: {tmp_path / 'pyproject.toml'}: [tool.prisma-tools] ignore: unknown rule 'PT999'" in r.stderr
    assert "Usage:" not in r.output
    assert schema.read_text() == BROKEN


def test_stdin_filename_chooses_the_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text('[tool.prisma-tools]\nignore = ["PT001"]\n')
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    r = run("fix", "--no-check", "--stdin-filename", str(project / "schema.prisma"), "-", stdin=BROKEN)
    assert r.stdout.count("enum Role") == 2, "PT001 ignored by the pyproject.toml nearest --stdin-filename"


def test_passes_speak_the_users_words() -> None:
    r = run("passes")
    assert r.exit_code == 0
    assert "ctx." not in r.stdout
    assert "fix --merge FILE" in r.stdout


def test_fix_settles_where_prisma_format_is_not_stable(tmp_path: Path) -> None:
    # prisma format puts `}/** d */` on two lines and adds a blank line between them
    # only on its second run (fuzz seed 6 #7655): fix prints to the fixed point, so a
    # second fix, and format on fix's output, change nothing.
    path = tmp_path / "schema.prisma"
    path.write_text("enum A {\n  a\n}/**\n * d\n */\n\nenum B {\n  b\n}\n")
    first = CliRunner().invoke(cli, ["fix", "--no-check", str(path)])
    assert first.exit_code == 0, first.output
    settled = path.read_text()
    assert settled == "enum A {\n  a\n}\n\n/**\n * d\n */\n\nenum B {\n  b\n}\n"
    second = CliRunner().invoke(cli, ["fix", "--no-check", str(path)])
    assert second.exit_code == 0
    assert path.read_text() == settled
    check = CliRunner().invoke(cli, ["format", "--check", str(path)])
    assert check.exit_code == 0, check.output
