"""The console script's fast path: `format` with plain flags and paths runs without click,
and must do exactly what the click command does; everything else still goes to click."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

import prisma_tools.cli.app
from prisma_tools.cli import console
from prisma_tools.cli.runner import COMMON_OPTIONS, parse_format_args

UGLY = "model User {\nid Int @id\n  email    String @unique // login\n}\n"
PRETTY = "model User {\n  id    Int    @id\n  email String @unique // login\n}\n"
BROKEN = "model User {\n  id Int @id\n  email String @unique +\n}\n"
FILES: dict[str, bytes] = {
    "u.prisma": UGLY.encode(),
    "p.prisma": PRETTY.encode(),
    "b.prisma": BROKEN.encode(),
    # click drops ANSI escape sequences from messages that do not go to a terminal
    "ansi.prisma": BROKEN.replace("+", "\x1b[31m+").encode(),
    "h.prisma": b"model A { // the A model\n  id Int @id\n}\n",
    "crlf.prisma": UGLY.replace("\n", "\r\n").encode(),
    "bin.prisma": b"\x00\x01binary",
    "latin1.prisma": b"model A {\n  id Int \xff\n}\n",
    "dir/main.prisma": b'datasource db {\nprovider = "postgresql"\n}\n',
    "dir/models/user.prisma": UGLY.encode(),
}

FAST, CLICK = True, False
CASES: list[tuple[list[str], str | None, bool]] = [
    (["u.prisma"], None, FAST),
    (["p.prisma"], None, FAST),
    (["-v", "p.prisma", "u.prisma"], None, FAST),
    (["--verbose", "p.prisma"], None, FAST),
    (["-q", "u.prisma", "b.prisma"], None, FAST),
    (["--quiet", "--verbose", "u.prisma", "p.prisma"], None, FAST),
    (["--check", "u.prisma", "p.prisma"], None, FAST),
    (["--check", "p.prisma"], None, FAST),
    (["--check", "--check", "u.prisma"], None, FAST),
    (["--diff", "u.prisma", "crlf.prisma"], None, FAST),
    (["u.prisma", "--diff", "--check"], None, FAST),
    (["b.prisma"], None, FAST),
    (["--allow-invalid", "b.prisma"], None, FAST),
    (["ansi.prisma"], None, FAST),
    (["--allow-invalid", "--diff", "ansi.prisma"], None, FAST),
    (["h.prisma", "-v"], None, FAST),
    (["bin.prisma", "latin1.prisma", "u.prisma"], None, FAST),
    (["nope.prisma"], None, FAST),
    (["empty"], None, FAST),
    (["dir"], None, FAST),
    (["--diff", "dir"], None, FAST),
    (["-"], UGLY, FAST),
    (["-"], "model A {\n  id Int \x00\n}\n", FAST),
    (["-", "--stdin-filename", "x.prisma"], BROKEN, FAST),
    (["--stdin-filename=x.prisma", "--allow-invalid", "-"], BROKEN, FAST),
    (["--stdin-filename=", "-"], BROKEN, FAST),
    (["--stdin-filename", "a.prisma", "--stdin-filename=b.prisma", "-"], BROKEN, FAST),
    (["--diff", "-"], UGLY, FAST),
    (["--check", "-", "u.prisma"], UGLY, FAST),
    (["-", "-v"], PRETTY, FAST),
    (["--quiet", "-"], BROKEN, FAST),
    # left to click: help, usage errors, anything the fast path would have to guess at
    ([], None, CLICK),
    (["-v"], None, CLICK),
    (["--stdin-filename", "x.prisma"], None, CLICK),
    (["--help"], None, CLICK),
    (["-h", "u.prisma"], None, CLICK),
    (["u.prisma", "--help"], None, CLICK),
    (["-qv", "u.prisma"], None, CLICK),
    (["--", "u.prisma"], None, CLICK),
    (["--", "-x.prisma"], None, CLICK),
    (["--nope", "u.prisma"], None, CLICK),
    (["-x", "u.prisma"], None, CLICK),
    (["--chec", "u.prisma"], None, CLICK),
    (["--check=1", "u.prisma"], None, CLICK),
    (["-q=1", "u.prisma"], None, CLICK),
    (["u.prisma", "--stdin-filename"], None, CLICK),
    (["-", "--stdin-filename", "-v"], UGLY, CLICK),
    (["--stdin-filename", "-", "-"], UGLY, CLICK),
    (["--version", "u.prisma"], None, CLICK),
    (["--merge", "p.prisma", "u.prisma"], None, CLICK),
]


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _run(
    entry: str, args: list[str], stdin: str | None, root: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[object, str, str, dict[str, bytes], bool]:
    """Run `prisma-tools format ARGS` in a fresh copy of FILES under ``root``.

    ``entry`` is ``console`` (the console script, fast path allowed) or ``click``
    (the click command itself). Returns the exit code, stdout, stderr, the files
    afterwards, and whether click's entry point was called.
    """
    root.mkdir()
    for name, data in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    (root / "empty").mkdir()
    out, err = io.StringIO(), io.StringIO()
    clicked = False
    click_main = prisma_tools.cli.app.main

    def spy(argv: list[str]) -> None:
        nonlocal clicked
        clicked = True
        click_main(argv)

    with monkeypatch.context() as m:
        m.chdir(root)
        m.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((stdin or "").encode())))
        m.setattr(sys, "stdout", out)
        m.setattr(sys, "stderr", err)
        m.setattr(prisma_tools.cli.app, "main", spy)
        run = console.main if entry == "console" else spy
        with pytest.raises(SystemExit) as e:
            run(["format", *args])
    return e.value.code, out.getvalue(), err.getvalue(), _tree(root), clicked


@pytest.mark.parametrize(("args", "stdin", "fast"), CASES, ids=[" ".join(c[0]) or "(none)" for c in CASES])
def test_fast_path_does_what_click_does(
    args: list[str], stdin: str | None, fast: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    *via_console, clicked = _run("console", args, stdin, tmp_path / "console", monkeypatch)
    *via_click, _ = _run("click", args, stdin, tmp_path / "click", monkeypatch)
    assert clicked is not fast, "fast path refused" if fast else "fast path taken"
    assert via_console == via_click


def test_parse_format_args_knows_every_common_option() -> None:
    for option in COMMON_OPTIONS:
        for flag in option.flags:
            argv = [flag, "value", "x.prisma"] if option.metavar else [flag, "x.prisma"]
            parsed = parse_format_args(argv)
            assert parsed is not None, flag
            assert parsed[1][option.name] == ("value" if option.metavar else True)


def test_completion_is_left_to_click(monkeypatch: pytest.MonkeyPatch) -> None:
    # click answers shell completion requests (an environment variable) before parsing
    called = []
    monkeypatch.setenv("_PRISMA_TOOLS_COMPLETE", "bash_complete")
    monkeypatch.setattr(prisma_tools.cli.app, "main", called.append)
    console.main(["format", "x.prisma"])
    assert called == [["format", "x.prisma"]]


def _python(code: str, *args: str, cwd: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=cwd,
        env=env,
        input=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # one stream: the order of messages and output counts too
        text=True,
        check=False,
    )


_NOT_IMPORTED = """
import sys
from prisma_tools.cli.console import main
try:
    main(sys.argv[1:])
except SystemExit as e:
    code = e.code
assert code == 0, code
for name in ("click", "prisma_tools.cli.app", "prisma_tools.config", "difflib"):
    assert name not in sys.modules, name
if "pydantic" not in sys.modules and "lark" not in sys.modules:  # both import them
    for name in ("dataclasses", "inspect"):
        assert name not in sys.modules, name
print("ok")
"""


def test_format_does_not_import_click(tmp_path: Path) -> None:
    (tmp_path / "schema.prisma").write_text(UGLY)
    r = _python(_NOT_IMPORTED, "format", "schema.prisma", cwd=tmp_path)
    assert r.stdout.endswith("ok\n"), r.stdout
    assert (tmp_path / "schema.prisma").read_text() == PRETTY


@pytest.mark.parametrize(
    ("args", "stdin"),
    [(["--diff", "u.prisma", "p.prisma"], ""), (["--check", "-", "u.prisma"], UGLY), (["-", "b.prisma"], UGLY)],
)
def test_fast_path_output_order_in_a_real_process(args: list[str], stdin: str, tmp_path: Path) -> None:
    runs = []
    for entry in ("prisma_tools.cli.console", "prisma_tools.cli.app"):
        root = tmp_path / entry
        root.mkdir()
        for name in ("u.prisma", "p.prisma", "b.prisma"):
            (root / name).write_bytes(FILES[name])
        r = _python(f"import sys; from {entry} import main; main(sys.argv[1:])", "format", *args, cwd=root, stdin=stdin)
        runs.append((r.returncode, r.stdout, _tree(root)))
    assert runs[0] == runs[1]


@pytest.mark.parametrize(
    ("args", "code", "expected"),
    [
        (["--help"], 0, "Commands:"),
        (["format", "--help"], 0, "Format schema files exactly as `prisma format` does."),
        (["format", "-h"], 0, "--stdin-filename PATH"),
        (["format"], 2, "no schema given and none found"),
        (["format", "--nope", "x.prisma"], 2, "No such option '--nope'"),
    ],
)
def test_help_and_usage_errors_still_come_from_click(args: list[str], code: int, expected: str, tmp_path: Path) -> None:
    r = _python("from prisma_tools.cli.console import main; main()", *args, cwd=tmp_path)
    assert r.returncode == code, r.stdout
    assert expected in r.stdout


@pytest.mark.parametrize(
    "error", [KeyboardInterrupt(), EOFError(), BrokenPipeError(errno.EPIPE, "Broken pipe")], ids=repr
)
def test_interrupt_and_closed_pipe_as_click_handles_them(
    error: BaseException, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import prisma_tools.cli.workflow

    def fail(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(prisma_tools.cli.workflow, "process", fail)
    *via_console, clicked = _run("console", ["u.prisma"], None, tmp_path / "console", monkeypatch)
    *via_click, _ = _run("click", ["u.prisma"], None, tmp_path / "click", monkeypatch)
    assert not clicked
    assert via_console == via_click
    assert via_console[0] == 1


@pytest.mark.parametrize(
    ("words", "cword", "expected"),
    [("prisma-tools fo", "1", "plain,format"), ("prisma-tools check --prisma", "2", "plain,--prisma-version")],
)
def test_bash_completion_end_to_end(tmp_path: Path, words: str, cword: str, expected: str) -> None:
    # what the README's `eval "$(_PRISMA_TOOLS_COMPLETE=bash_source prisma-tools)"` asks of the program
    env = {**os.environ, "PYTHONPATH": str(REPO), "COMP_WORDS": words, "COMP_CWORD": cword}
    env["_PRISMA_TOOLS_COMPLETE"] = "bash_complete"
    r = subprocess.run([sys.executable, "-m", "prisma_tools"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert expected in r.stdout.splitlines()
