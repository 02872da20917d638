"""split / join (prisma_tools.edit.split, `prisma-tools split|join`)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from rename_cases import Entry, valid_entries

from prisma_tools.api import format_text
from prisma_tools.cli.app import cli
from prisma_tools.edit.render import canonical_block_text
from prisma_tools.edit.split import join, split
from prisma_tools.files import load
from prisma_tools.parser import parse
from prisma_tools.printer import print_file

SOURCE = """\
// The app's schema.
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

/// @namespace auth
/// A person.
model User {
  id    Int    @id
  posts Post[]
}

/// @namespace blog
model Post {
  id       Int  @id
  authorId Int
  author   User @relation(fields: [authorId], references: [id])
}

/// @namespace auth
enum Role {
  USER
}

model Untagged {
  id Int @id
}

// the end
"""


def _blocks(text: str) -> Counter[str]:
    return Counter(canonical_block_text(b) for b in parse(text).files[0].blocks)


def test_split_by_model_and_join_back(tmp_path: Path) -> None:
    files = split(parse(SOURCE, "schema.prisma"))
    assert sorted(files) == ["Post.prisma", "Role.prisma", "Untagged.prisma", "User.prisma", "schema.prisma"]
    assert files["User.prisma"].startswith("/// @namespace auth\n/// A person.\nmodel User {")
    assert files["schema.prisma"].startswith("// The app's schema.\ndatasource db {")
    assert files["schema.prisma"].endswith("}\n\n// the end\n")
    for text in files.values():
        assert format_text(text) == text  # each file formats to itself
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    joined = join(load(tmp_path))
    assert format_text(joined) == joined
    assert _blocks(joined) == _blocks(SOURCE)
    assert joined.startswith("// The app's schema.\ndatasource db {")


def test_split_by_namespace() -> None:
    files = split(parse(SOURCE), by="namespace")
    assert sorted(files) == ["auth.prisma", "blog.prisma", "schema.prisma"]
    assert "model User" in files["auth.prisma"]
    assert "enum Role" in files["auth.prisma"]
    assert "model Untagged" in files["schema.prisma"]


def test_split_numbers_file_names_that_differ_only_in_case() -> None:
    files = split(parse("model A {\n  id Int @id\n}\n\nenum a {\n  X\n}\n\nmodel schema {\n  id Int @id\n}\n"))
    assert sorted(files) == ["A.prisma", "a-2.prisma", "schema-2.prisma", "schema.prisma"]


def test_cli_split_and_join(tmp_path: Path) -> None:
    source = tmp_path / "schema.prisma"
    source.write_text(SOURCE)
    runner = CliRunner()
    folder = tmp_path / "schema"
    r = runner.invoke(cli, ["split", str(source), str(folder), "--by", "namespace"])
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in folder.iterdir()) == ["auth.prisma", "blog.prisma", "schema.prisma"]
    r = runner.invoke(cli, ["split", str(source), str(folder)])
    assert r.exit_code == 2
    assert "already holds" in r.output
    out = tmp_path / "joined.prisma"
    r = runner.invoke(cli, ["join", str(folder), str(out)])
    assert r.exit_code == 0, r.output
    assert _blocks(out.read_text()) == _blocks(SOURCE)
    r = runner.invoke(cli, ["join", str(folder), str(out)])
    assert r.exit_code == 2


ENTRIES = [e for e in valid_entries() if e.path.is_file()]


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name[:60] for e in ENTRIES])
def test_corpus_split_join_keeps_every_block(entry: Entry, tmp_path: Path) -> None:
    schema = load(entry.path)
    canonical = print_file(schema.files[0])
    files = split(schema)
    for name, text in files.items():
        assert format_text(text) == text
        (tmp_path / name).write_text(text)
    joined = join(load(tmp_path))
    assert _blocks(joined) == _blocks(canonical)
    assert format_text(joined) == joined


# ------------------------------------------------------------------ sort

from prisma_tools.edit.document import Document  # noqa: E402
from prisma_tools.edit.sort import sort_schema  # noqa: E402

UNSORTED = """\
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

enum Role {
  USER
}

// Posts.
model Post {
  id       Int    @id
  author   User   @relation(fields: [authorId], references: [id])
  authorId Int
  body     String // the text
}

model User {
    id    Int    @id
  posts Post[]
}
"""


def _sorted(**kw: object) -> str:
    doc = Document.parse(UNSORTED)
    doc.schema = sort_schema(doc.schema, **kw)  # type: ignore[arg-type]
    return doc.text()


def test_sort_blocks_by_kind_then_name_keeps_their_text() -> None:
    out = _sorted()
    assert [b.name for b in parse(out).blocks] == ["db", "Post", "User", "Role"]  # type: ignore[union-attr]
    assert "model User {\n    id    Int    @id\n  posts Post[]\n}" in out  # moved, not reprinted
    assert "// Posts.\nmodel Post {" in out
    assert _blocks(out) == _blocks(UNSORTED)


def test_sort_fields_relations_last_and_by_name() -> None:
    out = _sorted(blocks="keep", fields="relations-last")
    assert "  id       Int    @id\n  authorId Int\n  body     String // the text\n  author   User" in out
    out = _sorted(blocks="keep", fields="name")
    assert [f.name for f in parse(out).models[0].fields] == ["author", "authorId", "body", "id"]
    assert _sorted(blocks="name", first=["User"]).index("model User") < _sorted(blocks="name", first=["User"]).index(
        "enum Role"
    )


def test_sort_is_idempotent_and_leaves_sorted_schemas_alone() -> None:
    once = parse(_sorted(fields="relations-last"))
    assert sort_schema(once, fields="relations-last") is once
