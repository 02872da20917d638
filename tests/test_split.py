"""split / join (prisma_tools.edit.split, `prisma-tools split|join`)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import require_shared
from rename_cases import REALWORLD, Entry, valid_entries

from prisma_tools.api import format_text
from prisma_tools.cli.app import cli
from prisma_tools.edit.render import canonical_block_text
from prisma_tools.edit.split import join, split
from prisma_tools.files import load
from prisma_tools.parser import parse

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
    assert list(files) == ["schema.prisma", "1-User.prisma", "2-Post.prisma", "3-Role.prisma", "4-Untagged.prisma"]
    assert files["1-User.prisma"].startswith("/// @namespace auth\n/// A person.\nmodel User {")
    assert files["schema.prisma"].startswith("// The app's schema.\ndatasource db {")
    assert files["schema.prisma"].endswith("}\n\n// the end\n")
    for text in files.values():
        assert format_text(text) == text  # each file formats to itself
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    joined = join(load(tmp_path))
    assert joined == format_text(SOURCE)  # the original order, from the file names


def test_join_places_numbered_files_and_fills_the_rest_in_file_order(tmp_path: Path) -> None:
    for name, block in [
        ("schema.prisma", 'model Main {\n  id Int @id\n}\n\ngenerator client {\n  provider = "x"\n}\n'),
        ("2-B.prisma", "model B {\n  id Int @id\n}\n"),
        ("a.prisma", "model A {\n  id Int @id\n}\n"),
        ("5-E.prisma", "model E {\n  id Int @id\n}\n"),
        ("10-J.prisma", "model J {\n  id Int @id\n}\n"),
    ]:
        (tmp_path / name).write_text(block)
    order = [b.name for b in parse(join(load(tmp_path))).blocks]  # type: ignore[union-attr]
    # Prisma reads 10-J, 2-B, 5-E, a, schema (names in byte order); the numbers say where those go
    assert order == ["client", "A", "B", "Main", "E", "J"]


def test_split_plain_names_and_by_namespace(tmp_path: Path) -> None:
    files = split(parse(SOURCE), numbered=False)
    assert sorted(files) == ["Post.prisma", "Role.prisma", "Untagged.prisma", "User.prisma", "schema.prisma"]
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    assert _blocks(join(load(tmp_path))) == _blocks(SOURCE)  # in file-name order
    files = split(parse(SOURCE), by="namespace")
    assert sorted(files) == ["1-auth.prisma", "2-blog.prisma", "schema.prisma"]
    assert "model User" in files["1-auth.prisma"]
    assert "enum Role" in files["1-auth.prisma"]
    assert "model Untagged" in files["schema.prisma"]


def test_split_numbers_file_names_that_differ_only_in_case() -> None:
    text = "model A {\n  id Int @id\n}\n\nenum a {\n  X\n}\n\nmodel schema {\n  id Int @id\n}\n"
    files = split(parse(text), numbered=False)
    assert sorted(files) == ["A.prisma", "a-2.prisma", "schema-2.prisma", "schema.prisma"]
    assert sorted(split(parse(text))) == ["1-A.prisma", "2-a.prisma", "3-schema.prisma", "schema.prisma"]


def test_cli_split_and_join(tmp_path: Path) -> None:
    source = tmp_path / "schema.prisma"
    source.write_text(SOURCE)
    runner = CliRunner()
    folder = tmp_path / "schema"
    r = runner.invoke(cli, ["split", str(source), str(folder), "--by", "namespace"])
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in folder.iterdir()) == ["1-auth.prisma", "2-blog.prisma", "schema.prisma"]
    r = runner.invoke(cli, ["split", str(source), str(folder)])
    assert r.exit_code == 2
    assert "already holds" in r.output
    out = tmp_path / "joined.prisma"
    r = runner.invoke(cli, ["join", str(folder), str(out)])
    assert r.exit_code == 0, r.output
    assert _blocks(out.read_text()) == _blocks(SOURCE)
    r = runner.invoke(cli, ["join", str(folder), str(out)])
    assert r.exit_code == 2
    plain = tmp_path / "plain"
    r = runner.invoke(cli, ["split", str(source), str(plain), "--plain"])
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in plain.iterdir())[0] == "Post.prisma"


ENTRIES = [e for e in valid_entries() if e.path.is_file()]


def test_corpus_is_there() -> None:
    require_shared(REALWORLD / "MANIFEST.tsv", "the realworld corpus")
    assert len(ENTRIES) >= 30


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name[:60] for e in ENTRIES])
def test_corpus_split_join_gives_the_canonical_original(entry: Entry, tmp_path: Path) -> None:
    # scripts/split_corpus.py checks the same against `prisma-oracle format` and `dmmf`
    schema = load(entry.path)
    files = split(schema)
    for name, text in files.items():
        assert format_text(text) == text
        (tmp_path / name).write_text(text)
    joined = join(load(tmp_path))
    assert joined == format_text(entry.path.read_text(encoding="utf-8"))


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


def test_sort_by_name_with_relations_last() -> None:
    out = _sorted(blocks="keep", fields="name", relations_last=True)
    assert [f.name for f in parse(out).models[0].fields] == ["authorId", "body", "id", "author"]
    assert "  body     String // the text\n" in out  # comments go with their field
    assert _sorted(blocks="keep", fields="relations-last") == _sorted(blocks="keep", relations_last=True)


def _cli_sort(tmp_path: Path, config: str, *args: str) -> tuple[int, str, list[str]]:
    (tmp_path / "pyproject.toml").write_text(config)
    schema = tmp_path / "schema.prisma"
    schema.write_text(UNSORTED)
    r = CliRunner().invoke(cli, ["sort", str(schema), *args])
    text = schema.read_text()
    names = [f"{b.name}:{','.join(f.name for f in getattr(b, 'fields', ()))}" for b in parse(text).blocks]  # type: ignore[union-attr]
    return r.exit_code, r.output, names


def test_cli_sort_reads_tool_prisma_tools_sort(tmp_path: Path) -> None:
    config = '[tool.prisma-tools.sort]\nfirst = ["User"]\nblocks = "name"\nrelations-last = true\n'
    code, output, names = _cli_sort(tmp_path, config)
    assert code == 0, output
    assert names == ["db:", "User:id,posts", "Post:id,authorId,body,author", "Role:"]
    # flags override the configuration
    code, output, names = _cli_sort(tmp_path, config, "--first", "Role", "--no-relations-last", "--fields", "name")
    assert code == 0, output
    assert names == ["db:", "Role:", "Post:author,authorId,body,id", "User:id,posts"]


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("[tool.prisma-tools.sort]\nblocks = 'size'\n", "blocks must be kind, name, keep"),
        ("[tool.prisma-tools.sort]\nrelations-last = 'yes'\n", "relations-last must be true or false"),
        ("[tool.prisma-tools.sort]\nfirst = [1]\n", "sort.first must be a string or a list of strings"),
        ("[tool.prisma-tools.sort]\norder = ['A']\n", "unknown key(s) in [tool.prisma-tools.sort]: order"),
        ("[tool.prisma-tools]\nsort = 1\n", "[tool.prisma-tools.sort] must be a table"),
    ],
)
def test_cli_sort_refuses_a_bad_configuration(tmp_path: Path, config: str, message: str) -> None:
    code, output, _ = _cli_sort(tmp_path, config)
    assert code == 2
    assert message in output
    assert (tmp_path / "schema.prisma").read_text() == UNSORTED
