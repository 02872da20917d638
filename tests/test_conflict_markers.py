"""Git conflict markers: reported as an unresolved merge by the parser, format and check; split into sides."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from prisma_tools import ParseError, parse
from prisma_tools.cli.app import cli
from prisma_tools.conflict_markers import find_conflicts, split_sides
from prisma_tools.diagnostics import ConflictMarkerError

MERGE_STYLE = """model User {
  id Int @id
<<<<<<< HEAD
  name String
=======
  email String
>>>>>>> feature/email
}
"""

DIFF3_STYLE = """model User {
  id Int @id
<<<<<<< ours
  name String
||||||| base
  nick String
=======
  email String
>>>>>>> theirs
}
"""

# zdiff3 moves the lines both sides share out of the region; the markers look the same.
ZDIFF3_STYLE = """model User {
  id Int @id
<<<<<<< HEAD
  name String
||||||| 1a2b3c4
=======
  email String
>>>>>>> 5d6e7f8 (add email)
}
"""


@pytest.mark.parametrize("text", [MERGE_STYLE, DIFF3_STYLE, ZDIFF3_STYLE])
def test_parser_reports_the_region_at_its_first_marker(text: str) -> None:
    with pytest.raises(ConflictMarkerError) as info:
        parse(text, "schema.prisma", strict=False)  # even lenient parsing refuses markers
    (d,) = info.value.diagnostics
    assert d.code == "conflict-marker"
    assert d.location() == "schema.prisma:3:1"
    first = text.splitlines()[2]
    assert f"`{first}`" in d.message
    assert "`prisma-tools fix` resolves it" in d.message
    assert "\n" not in d.render()  # one line
    assert isinstance(info.value, ParseError)


def test_longer_markers_crlf_and_two_regions() -> None:
    text = (
        "model A {\r\n<<<<<<<<< HEAD\r\n  a Int\r\n=========\r\n  b Int\r\n>>>>>>>>> x\r\n}\r\n"
        "model B {\r\n  id Int @id\r\n<<<<<<< HEAD\r\n  c Int\r\n=======\r\n>>>>>>> x\r\n}\r\n"
    )
    regions, stray = find_conflicts(text)
    assert [(r.start, r.separator, r.end) for r in regions] == [(1, 3, 5), (9, 11, 12)]
    assert stray == []
    with pytest.raises(ConflictMarkerError) as info:
        parse(text)
    assert [d.location() for d in info.value.diagnostics] == ["<string>:2:1", "<string>:10:1"]


def test_stray_marker_is_reported_but_not_promised_to_fix() -> None:
    text = "model A {\n  id Int @id\n>>>>>>> feature\n}\n"
    with pytest.raises(ConflictMarkerError) as info:
        parse(text)
    (d,) = info.value.diagnostics
    assert d.location() == "<string>:3:1"
    assert "without the rest of its conflict region" in d.message


def test_text_that_only_looks_like_markers_is_parsed() -> None:
    # a rule of `=` in a block comment, and `<<<<<<<` inside a string, are not markers
    text = '/*\n=======\n*/\nmodel A {\n  id Int @id @default(dbgenerated("<<<<<<< x"))\n}\n'
    assert parse(text).models[0].name == "A"
    assert find_conflicts("=======\n") == ([], [])


def test_split_sides_diff3_keeps_line_origins() -> None:
    sides = split_sides(DIFF3_STYLE)
    assert sides.with_base
    assert sides.ours == "model User {\n  id Int @id\n  name String\n}\n"
    assert sides.base == "model User {\n  id Int @id\n  nick String\n}\n"
    assert sides.theirs == "model User {\n  id Int @id\n  email String\n}\n"
    assert sides.ours_lines == [1, 2, 4, 10]
    assert sides.theirs_lines == [1, 2, 8, 10]
    assert sides.labels == ("ours", "base", "theirs")


def test_split_sides_without_base_uses_the_shared_text() -> None:
    sides = split_sides(MERGE_STYLE)
    assert not sides.with_base
    assert sides.base == "model User {\n  id Int @id\n}\n"
    assert sides.labels[0] == "HEAD"
    assert sides.labels[2] == "feature/email"


def test_split_sides_refuses_stray_markers() -> None:
    with pytest.raises(ValueError, match="line 1"):
        split_sides("<<<<<<< HEAD\nmodel A {\n}\n")


@pytest.mark.parametrize("command", [["format"], ["format", "--allow-invalid"], ["check"]])
def test_commands_exit_2_and_leave_the_file(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "schema.prisma"
    path.write_text(MERGE_STYLE)
    result = CliRunner().invoke(cli, [*command, str(path)])
    assert result.exit_code == 2, result.output
    lines = [ln for ln in result.output.splitlines() if "conflict-marker" in ln]
    assert lines == [
        f"{path}:3:1: error[conflict-marker]: unresolved merge conflict (lines 3-7): git's marker"
        " `<<<<<<< HEAD`; `prisma-tools fix` resolves it"
    ]
    assert "not a valid field" not in result.output  # not a generic syntax error
    assert path.read_text() == MERGE_STYLE


def test_fix_merges_regions_that_do_not_conflict(tmp_path: Path) -> None:
    path = tmp_path / "schema.prisma"
    path.write_text(MERGE_STYLE)
    result = CliRunner().invoke(cli, ["fix", "--no-check", str(path)])
    assert result.exit_code == 0, result.output
    assert path.read_text() == "model User {\n  id    Int    @id\n  name  String\n  email String\n}\n"
    assert f"{path}:3:1: merge resolved the conflict region at lines 3-7 (HEAD / feature/email)" in result.output


def test_fix_leaves_a_true_conflict_as_a_region_and_exits_1(tmp_path: Path) -> None:
    text = DIFF3_STYLE.replace("  email String\n", "  name Bytes\n").replace("  nick String", "  name Int")
    path = tmp_path / "schema.prisma"
    path.write_text("// top\n" + text)
    result = CliRunner().invoke(cli, ["fix", str(path)])
    assert result.exit_code == 1, result.output
    assert path.read_text() == (
        "// top\nmodel User {\n  id   Int    @id\n<<<<<<< ours\n  name String\n||||||| base\n  name Int\n"
        "=======\n  name Bytes\n>>>>>>> theirs\n}\n"
    )
    assert (
        f"{path}:4:1: error[conflict]: model User, field name: changed on both sides, differently"
        f" (ours at {path}:5, theirs at {path}:9); left as a conflict region"
    ) in result.output


def test_check_json_reports_the_marker(tmp_path: Path) -> None:
    import json

    path = tmp_path / "schema.prisma"
    path.write_text(ZDIFF3_STYLE)
    result = CliRunner().invoke(cli, ["check", "--output-format", "json", str(path)])
    assert result.exit_code == 2
    (entry,) = json.loads(result.stdout)
    assert entry["code"] == "conflict-marker"
    assert entry["location"] == {"row": 3, "column": 1}
    assert entry["filename"] == str(path)
