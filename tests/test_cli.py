"""The `prisma-tools` command line: in-process through click, and the real console script."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from prisma_tools.cli import console
from prisma_tools.cli.app import cli

UGLY = "model User {\nid Int @id\n  email    String @unique // login\n}\n"
PRETTY = "model User {\n  id    Int    @id\n  email String @unique // login\n}\n"
BROKEN = "model User {\n  id Int @id\n  email String @unique +\n}\n"


def run(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=stdin)


@pytest.fixture
def schema(tmp_path: Path) -> Path:
    p = tmp_path / "schema.prisma"
    p.write_text(UGLY)
    return p


def test_format_rewrites_in_place_and_second_run_is_a_no_op(schema: Path) -> None:
    r = run("format", str(schema))
    assert r.exit_code == 0, r.output
    assert schema.read_text() == PRETTY
    assert "reformatted" in r.stderr
    mtime = schema.stat().st_mtime_ns
    r = run("format", str(schema))
    assert r.exit_code == 0
    assert schema.stat().st_mtime_ns == mtime, "an already formatted file must not be rewritten"
    assert "1 file left unchanged." in r.stderr


def test_check_writes_nothing_and_exits_1(schema: Path) -> None:
    r = run("format", "--check", str(schema))
    assert r.exit_code == 1
    assert schema.read_text() == UGLY
    assert f"would reformat {schema}" in r.stderr
    schema.write_text(PRETTY)
    assert run("format", "--check", str(schema)).exit_code == 0


def test_diff_prints_a_unified_diff(schema: Path) -> None:
    r = run("format", "--diff", str(schema))
    assert r.exit_code == 1
    assert schema.read_text() == UGLY
    assert r.stdout.startswith(f"--- {schema}\t(original)\n+++ {schema}\t(formatted)\n@@")
    assert "+  email String @unique // login\n" in r.stdout


def test_stdin_to_stdout() -> None:
    r = run("format", "-", stdin=UGLY.encode())
    assert r.exit_code == 0
    assert r.stdout == PRETTY


def test_crlf_input_comes_out_with_lf(tmp_path: Path) -> None:
    p = tmp_path / "crlf.prisma"
    p.write_bytes(UGLY.replace("\n", "\r\n").encode())
    assert run("format", str(p)).exit_code == 0
    assert p.read_bytes() == PRETTY.encode()


def test_parse_error_reports_location_line_and_caret_and_leaves_file_alone(tmp_path: Path) -> None:
    p = tmp_path / "broken.prisma"
    p.write_text(BROKEN)
    r = run("format", str(p))
    assert r.exit_code == 2
    assert p.read_text() == BROKEN
    first, line, caret = r.stderr.splitlines()[:3]
    assert first.startswith(f"{p}:3:3: error[E002]: This line is not a valid field or attribute definition.")
    assert line.strip() == "email String @unique +"
    assert caret.strip() == "^"
    assert caret.index("^") == line.index("e")


def test_allow_invalid_formats_like_prisma_and_warns(tmp_path: Path) -> None:
    p = tmp_path / "broken.prisma"
    p.write_text(BROKEN)
    r = run("format", "--allow-invalid", str(p))
    assert r.exit_code == 0
    assert "warning[E002]" in r.stderr
    assert p.read_text() == "model User {\n  id Int @id\n  email String @unique +\n}\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"model A {\n  id Int \xff\n}\n", "not valid UTF-8"),
        (b"\x00\x01\x02binary", "binary file"),
    ],
)
def test_undecodable_input_is_one_clear_line(tmp_path: Path, content: bytes, message: str) -> None:
    p = tmp_path / "x.prisma"
    p.write_bytes(content)
    r = run("format", str(p))
    assert r.exit_code == 2
    assert message in r.stderr
    assert "Traceback" not in r.output
    assert p.read_bytes() == content


def test_missing_file_and_empty_directory(tmp_path: Path) -> None:
    r = run("format", str(tmp_path / "nope.prisma"))
    assert r.exit_code == 2
    assert "no such file or directory" in r.stderr
    r = run("format", str(tmp_path))
    assert r.exit_code == 2
    assert "no .prisma files" in r.stderr


def test_unwritable_file_is_reported(schema: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import prisma_tools.cli.workflow as workflow

    def deny(path: object, text: str, **_: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(workflow, "write_atomic", deny)
    r = run("format", str(schema))
    assert r.exit_code == 2
    assert "cannot write (Permission denied)" in r.stderr
    assert schema.read_text() == UGLY


def test_directory_is_one_multi_file_schema(tmp_path: Path) -> None:
    d = tmp_path / "schema"
    (d / "models").mkdir(parents=True)
    (d / "main.prisma").write_text('datasource db {\nprovider = "postgresql"\n}\n')
    (d / "models" / "user.prisma").write_text(UGLY)
    r = run("format", str(d))
    assert r.exit_code == 0, r.output
    assert (d / "models" / "user.prisma").read_text() == PRETTY
    assert (d / "main.prisma").read_text() == 'datasource db {\n  provider = "postgresql"\n}\n'
    assert "2 files reformatted." in r.stderr


def test_safety_check_refuses_to_write_a_wrong_result(schema: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import prisma_tools.cli.workflow as workflow

    monkeypatch.setattr(workflow, "print_file", lambda f: "model User {\n  id String @id\n}\n")
    r = run("format", str(schema))
    assert r.exit_code == 2
    assert "internal error" in r.stderr
    assert schema.read_text() == UGLY


def test_safety_check_runs_only_on_files_that_change(schema: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import prisma_tools.cli.workflow as workflow

    checked: list[str] = []
    real = workflow._safety_problem

    def spy(path: str, printed: str, digest: bytes, lenient: bool, settle: bool = False) -> tuple[str | None, str]:
        checked.append(path)
        return real(path, printed, digest, lenient, settle)

    monkeypatch.setattr(workflow, "_safety_problem", spy)
    assert run("format", str(schema)).exit_code == 0
    assert checked == [str(schema)]
    assert schema.read_text() == PRETTY
    r = run("format", str(schema))  # already formatted: nothing to write, nothing to check
    assert r.exit_code == 0
    assert checked == [str(schema)]
    assert "1 file left unchanged." in r.stderr


def test_header_text_warning(tmp_path: Path) -> None:
    p = tmp_path / "h.prisma"
    p.write_text("model A { // the A model\n  id Int @id\n}\n")
    r = run("format", str(p))
    assert r.exit_code == 0
    assert "warning[header-text]" in r.stderr
    assert "// the A model" in r.stderr


def test_dump_json_and_json_schema(schema: Path) -> None:
    r = run("dump", str(schema))
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    model = data["files"][0]["blocks"][0]
    assert model["kind"] == "model"
    assert [m["name"] for m in model["members"]] == ["id", "email"]
    r = run("dump", "--json-schema")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["title"] == "Schema"


def test_version_fast_path(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        console.main(["--version"])
    assert e.value.code == 0
    assert capsys.readouterr().out.startswith("prisma-tools, version ")


def test_usage_error_exits_2() -> None:
    r = run("format")
    assert r.exit_code == 2
    r = run("format", "--no-such-flag", "x.prisma")
    assert r.exit_code == 2


def _console_script() -> list[str]:
    exe = shutil.which("prisma-tools")
    return [exe] if exe else [sys.executable, "-m", "prisma_tools"]


def test_real_console_script(schema: Path) -> None:
    cmd = _console_script()
    r = subprocess.run([*cmd, "format", "--check", str(schema)], capture_output=True, text=True, check=False)
    assert r.returncode == 1
    r = subprocess.run([*cmd, "format", str(schema)], capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stderr
    assert schema.read_text() == PRETTY
    r = subprocess.run([*cmd, "--help"], capture_output=True, text=True, check=False)
    assert r.returncode == 0
    assert "format" in r.stdout


def test_atomic_write_keeps_mode_and_leaves_no_temp_files(schema: Path) -> None:
    os.chmod(schema, 0o640)
    assert run("format", str(schema)).exit_code == 0
    assert schema.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in schema.parent.iterdir()) == ["schema.prisma"]
