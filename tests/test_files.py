"""files: path spelling without pathlib, reading, atomic writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st

from prisma_tools.files import SchemaReadError, SchemaWriteError, clean_path, read_text, write_atomic


@given(st.text(alphabet="/.a", max_size=12))
def test_clean_path_spells_paths_as_pathlib_does(path: str) -> None:
    assert clean_path(path) == str(Path(path))


def test_clean_path_examples() -> None:
    assert clean_path("./a//b.prisma") == "a/b.prisma"
    assert clean_path(Path("x") / "y") == str(Path("x/y"))


def test_read_errors_name_the_cleaned_path(tmp_path: Path) -> None:
    with pytest.raises(SchemaReadError, match=r"no such file or directory"):
        read_text(str(tmp_path / "missing.prisma"))
    with pytest.raises(SchemaReadError, match=r"is a directory"):
        read_text(str(tmp_path) + "/./")


def test_write_atomic_keeps_mode_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "s.prisma"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(str(target), "new\n")
    assert target.read_text() == "new\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert os.listdir(tmp_path) == ["s.prisma"]
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        write_atomic("here.prisma", "x")  # a bare name: the temporary file goes in the working directory
    finally:
        os.chdir(cwd)
    assert (tmp_path / "here.prisma").read_text() == "x"
    assert sorted(os.listdir(tmp_path)) == ["here.prisma", "s.prisma"]


# ------------------------------------------------------------------ writes keep what the file is

UGLY = "model A {\nid Int @id\n}\n"
PRETTY = "model A {\n  id Int @id\n}\n"


def cli_run(*args: str) -> Result:
    from prisma_tools.cli.app import cli

    return CliRunner().invoke(cli, list(args))


def test_symlink_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real" / "schema.prisma"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "schema.prisma"
    link.symlink_to(os.path.relpath(real, tmp_path))
    write_atomic(str(link), "new\n")
    assert link.is_symlink()
    assert real.read_text() == "new\n"
    assert sorted(os.listdir(real.parent)) == ["schema.prisma"]
    real.write_text(UGLY)
    r = cli_run("format", str(link))
    assert r.exit_code == 0, r.output
    assert link.is_symlink()
    assert real.read_text() == PRETTY


def test_hard_links_are_kept(tmp_path: Path) -> None:
    # A file with several links is rewritten in place: every name keeps seeing the new text.
    first = tmp_path / "a.prisma"
    first.write_text("old text, longer than the new one")
    second = tmp_path / "b.prisma"
    os.link(first, second)
    inode = first.stat().st_ino
    write_atomic(str(first), "new\n")
    assert second.read_text() == "new\n"
    assert first.stat().st_ino == inode
    assert first.stat().st_nlink == 2
    assert sorted(os.listdir(tmp_path)) == ["a.prisma", "b.prisma"]


def test_read_only_file_is_refused_untouched(tmp_path: Path) -> None:
    target = tmp_path / "schema.prisma"
    target.write_text(UGLY)
    target.chmod(0o444)
    with pytest.raises(SchemaWriteError, match=r"schema.prisma: is read-only; not written$"):
        write_atomic(str(target), "new\n", backup=UGLY)
    assert target.read_text() == UGLY
    for command in ("format", "fix"):
        r = cli_run(command, "--backup", str(target)) if command == "fix" else cli_run(command, str(target))
        assert r.exit_code == 2, r.output
        assert f"error: {target}: is read-only; not written" in r.stderr
        assert "reformatted" not in r.stderr  # the summary does not count a file it could not write
        assert "1 file failed." in r.stderr
        assert "Traceback" not in r.output
        assert target.read_text() == UGLY
        assert target.stat().st_mode & 0o777 == 0o444
    assert sorted(os.listdir(tmp_path)) == ["schema.prisma"]  # no backup either


def test_backup_has_the_original_mode(tmp_path: Path) -> None:
    target = tmp_path / "schema.prisma"
    target.write_text(UGLY)
    target.chmod(0o664)
    r = cli_run("fix", "--backup", str(target))
    assert r.exit_code == 0, r.output
    backup = tmp_path / "schema.prisma.bak"
    assert backup.read_text() == UGLY
    assert backup.stat().st_mode & 0o777 == 0o664
    assert target.stat().st_mode & 0o777 == 0o664
    # an existing .bak that is a link is replaced, not written through
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_text("keep")
    backup.unlink()
    backup.symlink_to(elsewhere)
    write_atomic(str(target), "x\n", backup="orig\n")
    assert elsewhere.read_text() == "keep"
    assert not backup.is_symlink()
    assert backup.read_text() == "orig\n"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown to another user needs root")
def test_owner_and_group_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "schema.prisma"
    target.write_text(UGLY)
    os.chown(target, 12345, 23456)
    target.chmod(0o640)
    r = cli_run("fix", "--backup", str(target))
    assert r.exit_code == 0, r.output
    for path in (target, tmp_path / "schema.prisma.bak"):
        st = path.stat()
        assert (st.st_uid, st.st_gid, st.st_mode & 0o777) == (12345, 23456, 0o640)
    assert target.read_text() == PRETTY


def test_in_place_when_a_new_file_cannot_have_the_owner_or_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import prisma_tools.files as files

    target = tmp_path / "schema.prisma"
    target.write_text("old text, longer than the new one")
    inode = target.stat().st_ino
    # a file owned by someone else that we may write: a rename would make it ours
    monkeypatch.setattr(files, "_can_own", lambda st: False)
    write_atomic(str(target), "new\n")
    assert (target.read_text(), target.stat().st_ino) == ("new\n", inode)
    monkeypatch.undo()

    # a folder we may not create files in (the file itself is writable)
    def deny(folder: str, prefix: str) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files, "_mkstemp", deny)
    write_atomic(str(target), "newer\n")
    assert (target.read_text(), target.stat().st_ino) == ("newer\n", inode)
    with pytest.raises(PermissionError):
        write_atomic(str(tmp_path / "new.prisma"), "x")
