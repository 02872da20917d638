"""`prisma-tools check` and `prisma-tools rules`: output formats, exit status, choosing the engine."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from prisma_tools.cli.app import cli
from prisma_tools.cli.prisma_version import from_package_json, resolve_prisma_version

# A typo in a type: the relation validations do not run until it is fixed, as in Prisma.
BROKEN = (
    "model User {\n"
    "  id    Int    @id\n"
    "  email Strin\n"
    "  posts Post[]\n"
    "}\n\n"
    "model Post {\n"
    "  id       Int  @id\n"
    "  authorId Int\n"
    "  author   User @relation(fields: [authorId], references: [id])\n"
    "}\n"
)
VALID = "model User {\n  id Int @id\n}\n"


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=stdin)


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    p = tmp_path / "schema.prisma"
    p.write_text(BROKEN)
    return p


def test_text_output_has_location_code_message_and_excerpt(broken: Path) -> None:
    r = run("check", str(broken))
    assert r.exit_code == 1
    assert r.stdout.splitlines()[:3] == [
        f'{broken}:3:9: error[E201]: Type "Strin" is neither a built-in type, nor refers to another model, '
        "composite type, or enum.",
        "      email Strin",
        "            ^",
    ]
    assert "Found 1 error." in r.stderr
    assert broken.read_text() == BROKEN, "check never writes"


def test_json_output_is_rufs_shape(broken: Path) -> None:
    r = run("check", "--output-format", "json", str(broken))
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert data == [
        {
            "filename": str(broken),
            "code": "E201",
            "message": 'Type "Strin" is neither a built-in type, nor refers to another model, composite type, or enum.',
            "severity": "error",
            "location": {"row": 3, "column": 9},
            "end_location": {"row": 3, "column": 14},
            "fix": {
                "applicability": "unsafe",
                "message": "Did you mean `String`?",
                "edits": [
                    {
                        "filename": str(broken),
                        "start": 40,
                        "end": 45,
                        "content": "String",
                        "location": {"row": 3, "column": 9},
                        "end_location": {"row": 3, "column": 14},
                    }
                ],
                "applied": False,
            },
        }
    ]


def test_valid_schema_exits_0(tmp_path: Path) -> None:
    p = tmp_path / "schema.prisma"
    p.write_text(VALID)
    r = run("check", str(p))
    assert r.exit_code == 0, r.output
    assert r.stdout == ""
    assert "All checks passed!" in r.stderr
    assert run("check", "-q", str(p)).stderr == ""


def test_syntax_errors_are_diagnostics_not_failures(tmp_path: Path) -> None:
    p = tmp_path / "schema.prisma"
    p.write_text("model User {\n  id Int @id\n  this is not a field\n}\n")
    r = run("check", "--output-format", "json", str(p))
    assert r.exit_code == 1
    [d] = json.loads(r.stdout)
    assert d["code"] == "E002"
    assert d["message"] == "Error validating: This line is not a valid field or attribute definition."
    assert d["location"] == {"row": 3, "column": 3}


def test_stdin_with_a_name(broken: Path) -> None:
    r = run("check", "--stdin-filename", "prisma/schema.prisma", "-", stdin=BROKEN)
    assert r.exit_code == 1
    assert r.stdout.startswith("prisma/schema.prisma:3:9: error[E201]")


def test_unreadable_targets_exit_2(tmp_path: Path) -> None:
    r = run("check", str(tmp_path / "missing.prisma"))
    assert r.exit_code == 2
    assert "no such file or directory" in r.stderr
    binary = tmp_path / "b.prisma"
    binary.write_bytes(b"model A {\x00}\n")
    assert run("check", str(binary)).exit_code == 2
    assert run("check", "--prisma-version", "8", str(binary)).exit_code == 2  # usage error


def test_a_folder_is_one_schema(tmp_path: Path) -> None:
    folder = tmp_path / "schema"
    folder.mkdir()
    # the datasource makes the folder a schema folder (see prisma_tools.discovery)
    (folder / "a.prisma").write_text(
        'generator client {\n  provider = "prisma-client-js"\n}\n\nmodel User {\n  id Int @id\n}\n'
    )
    (folder / "b.prisma").write_text("// again\nmodel User {\n  id Int @id\n}\n")
    r = run("check", "--output-format", "json", str(folder))
    [d] = json.loads(r.stdout)
    assert d["filename"] == str(folder / "b.prisma")
    assert d["message"] == 'The model "User" cannot be defined because a model with that name already exists.'
    assert d["location"] == {"row": 2, "column": 7}


def test_rules_lists_codes_and_prismas_messages() -> None:
    r = run("rules")
    assert r.exit_code == 0
    assert "E201  unknown-type" in r.stdout
    r = run("rules", "--output-format", "json", "E101")
    [rule] = json.loads(r.stdout)
    assert rule["name"] == "duplicate-block"
    assert rule["template"].startswith('The {kind} "{name}" cannot be defined')
    assert run("rules", "E999").exit_code == 2


def test_prisma_version_from_flag_config_and_package_json(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "prisma").mkdir(parents=True)
    schema = project / "prisma" / "schema.prisma"
    schema.write_text(VALID)
    assert resolve_prisma_version(None, None, [str(schema)]) == (6, "the default")
    (project / "package.json").write_text(json.dumps({"devDependencies": {"prisma": "^7.1.0"}}))
    assert from_package_json(schema) == (7, project / "package.json")
    assert resolve_prisma_version(None, None, [str(schema)])[0] == 7
    assert resolve_prisma_version(None, 6, [str(schema)]) == (6, "[tool.prisma-tools] prisma-version")
    assert resolve_prisma_version(7, 6, [str(schema)]) == (7, "--prisma-version")
    (project / "package.json").write_text(json.dumps({"dependencies": {"@prisma/client": "6.19.0"}}))
    assert from_package_json(schema) == (6, project / "package.json")
    (project / "pyproject.toml").write_text("[tool.prisma-tools]\nprisma-version = 7\n")
    r = run("check", "-v", str(schema))
    assert "judging by Prisma 7 ([tool.prisma-tools] prisma-version)" in r.stderr
    (project / "pyproject.toml").write_text("[tool.prisma-tools]\nprisma-version = 5\n")
    r = run("check", str(schema))
    assert r.exit_code == 2
    assert "prisma-version must be 6 or 7" in r.stderr


def test_console_script_runs_check(broken: Path) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "prisma_tools", "check", "--output-format", "json", str(broken)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 1, r.stderr
    assert json.loads(r.stdout)[0]["code"] == "E201"


def test_github_annotations_and_colour(broken: Path) -> None:
    r = run("check", "--output-format", "github", str(broken))
    assert r.exit_code == 1
    assert r.stdout.startswith(f"::error title=prisma-tools (E201),file={broken},line=3,col=9,endLine=3,endColumn=14::")
    coloured = run("check", "--color", "always", str(broken)).stdout
    assert "\x1b[1;31merror[E201]\x1b[0m" in coloured
    assert "\x1b[" not in run("check", "--color", "never", str(broken)).stdout
