"""The pass registry, the pipeline order, ``fix()``, and the golden cases checked once with Prisma."""

from __future__ import annotations

import doctest
import importlib
import re

import pytest
from pass_cases import CORPUS_TSV, ORACLE_TSV, Golden, goldens, read_tsv, sha256

from prisma_tools import parse, print_schema
from prisma_tools.fixer import FixResult, fix
from prisma_tools.nodes import Schema
from prisma_tools.parser import parse_file_text
from prisma_tools.passes import PASSES, REGISTRY, PassContext, get_pass, resolve, run_passes
from prisma_tools.printer import print_file

GOLDENS = goldens()


# ------------------------------------------------------------------ registry


def test_every_registered_pass_is_in_the_pipeline_once() -> None:
    assert sorted(p.name for p in PASSES) == sorted(REGISTRY)
    assert [(p.code, p.name) for p in PASSES] == [
        ("PT001", "remove-duplicates"),
        ("PT002", "merge-additions"),
        ("PT003", "add-back-relations"),
        ("PT004", "add-one-to-one-unique"),
    ]


def test_pipeline_order_respects_runs_after() -> None:
    position = {p.name: i for i, p in enumerate(PASSES)}
    for p in PASSES:
        for before in p.runs_after:
            assert position[before] < position[p.name], f"{p.name} must run after {before}"


@pytest.mark.parametrize("p", PASSES, ids=[p.name for p in PASSES])
def test_pass_is_documented(p: object) -> None:
    doc = getattr(p, "doc", "")
    assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", getattr(p, "name", ""))
    assert "Never touches" in doc
    assert "Before" in doc
    assert "After" in doc


def test_get_pass_by_name_or_code() -> None:
    assert get_pass("remove-duplicates") is get_pass("PT001") is get_pass("pt001")
    with pytest.raises(ValueError, match="unknown pass 'nope'; known passes: remove-duplicates \\(PT001\\)"):
        get_pass("nope")


def test_resolve_keeps_pipeline_order() -> None:
    assert [p.code for p in resolve(["PT004", "remove-duplicates"])] == ["PT001", "PT004"]
    assert [p.code for p in resolve(ignore=["merge-additions"])] == ["PT001", "PT003", "PT004"]
    assert resolve([]) == ()


# ------------------------------------------------------------------ running

BROKEN = (
    "model User {\n  id Int @id\n}\n\nmodel User {\n  id Int @id\n}\n\n"
    "model Profile {\n  id Int @id\n  userId Int\n  user User @relation(fields: [userId], references: [id])\n}\n"
)


def test_run_passes_returns_the_same_object_when_nothing_changes() -> None:
    schema = parse("model A {\n  id Int @id\n}\n")
    out, changes = run_passes(schema)
    assert out is schema
    assert changes == ()


def test_passes_feed_each_other() -> None:
    # the duplicate must go before User can receive its back-relation
    result = fix(parse(BROKEN))
    assert [c.code for c in result.changes] == ["PT001", "PT003"]
    assert print_schema(result.schema) == (
        "model User {\n  id       Int       @id\n  profiles Profile[]\n}\n\n"
        "model Profile {\n  id     Int  @id\n  userId Int\n"
        "  user   User @relation(fields: [userId], references: [id])\n}\n"
    )


def test_fix_select_and_ignore() -> None:
    schema = parse(BROKEN)
    only = fix(schema, select=["remove-duplicates"])
    assert [c.code for c in only.changes] == ["PT001"]
    without = fix(schema, ignore=["PT001"])
    # with two User models, relations are resolved against the first: it gains the field
    assert [c.code for c in without.changes] == ["PT003"]
    nothing = fix(schema, select=[])
    assert nothing.schema is schema
    assert not nothing.changed


def test_fix_result() -> None:
    schema = parse(BROKEN)
    result = fix(schema)
    assert isinstance(result, FixResult)
    assert result.changed
    assert result.errors == ()
    assert result.warnings == ()
    assert fix(result.schema).schema is result.schema
    assert not fix(result.schema).changed


def test_fix_duplicates_error_changes_nothing() -> None:
    schema = parse(BROKEN)
    result = fix(schema, duplicates="error", select=["remove-duplicates"])
    assert result.schema is schema
    assert not result.changed
    assert [c.severity for c in result.errors] == ["error"]
    with pytest.raises(ValueError, match="duplicates must be"):
        fix(schema, duplicates="middle")  # type: ignore[arg-type]


def test_fix_merge() -> None:
    schema = parse("model User {\n  id Int @id\n}\n")
    additions = parse(
        "model Post {\n  id Int @id\n  userId Int\n  user User @relation(fields: [userId], references: [id])\n}\n"
    )
    result = fix(schema, merge=[additions])
    assert [c.message for c in result.changes] == [
        "added model Post from <string>:1",
        "added User.posts Post[], the opposite of Post.user",
    ]
    assert fix(result.schema, merge=[additions]).schema is result.schema


def test_changes_render_like_diagnostics() -> None:
    change = fix(parse(BROKEN)).changes[0]
    assert change.render() == (
        "<string>:5:1: info[PT001]: removed duplicate model User, identical to the copy kept at <string>:1"
    )
    assert change.to_diagnostic().code == "PT001"


def test_report_outside_the_runner_is_attributed_to_no_pass() -> None:
    ctx = PassContext()
    ctx.warn("hello", path="x.prisma")
    assert (ctx.changes[0].code, ctx.changes[0].pass_name, ctx.changes[0].severity) == ("PT000", "<none>", "warning")


@pytest.mark.parametrize(
    "module", ["prisma_tools.fixer", "prisma_tools.passes", "prisma_tools.passes.naming", "prisma_tools.passes.base"]
)
def test_doctests(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


# ------------------------------------------------------------------ goldens


def test_goldens_exist() -> None:
    assert {g.pass_name for g in GOLDENS} == {p.name for p in PASSES}
    assert len(GOLDENS) >= 20


@pytest.mark.parametrize("case", GOLDENS, ids=[g.id for g in GOLDENS])
def test_golden(case: Golden) -> None:
    texts, report = case.rendered()
    for path, text in texts.items():
        assert path.exists(), f"{path.name} is missing: run scripts/regen_pass_goldens.py"
        assert text == path.read_bytes().decode("utf-8"), f"{path.name} is stale: run scripts/regen_pass_goldens.py"
    assert report == case.changes.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", GOLDENS, ids=[g.id for g in GOLDENS])
def test_golden_output_was_accepted_by_prisma(case: Golden) -> None:
    row = read_tsv(ORACLE_TSV).get(case.id)
    assert row is not None, f"{case.id} has no row in ORACLE.tsv: run scripts/regen_pass_goldens.py"
    texts, _ = case.rendered()
    assert row["output_sha256"] == sha256(texts), "output changed since Prisma checked it: regenerate"
    assert row["validate"] == "VALID"
    assert row["canonical"] == "yes"
    if row["prisma_format_validates"] == "VALID":
        # where Prisma's own insertions are valid, ours are the same text
        assert row["agrees_with_prisma"] == "yes"


@pytest.mark.parametrize("case", GOLDENS, ids=[g.id for g in GOLDENS])
def test_golden_output_is_stable(case: Golden) -> None:
    result = case.run()
    assert Schema.model_validate(result.schema.model_dump()) == result.schema
    again = fix(result.schema, merge=[case.load(case.merge)] if case.merge else [])
    assert again.schema is result.schema, "a second fix changes something"
    for f in result.schema.files:
        text = print_file(f)
        reparsed = parse_file_text(text, f.path)
        assert print_file(reparsed) == text
        assert not fix(Schema(files=(reparsed,))).changed or len(result.schema.files) > 1


def test_corpus_oracle_rows_are_all_valid() -> None:
    rows = read_tsv(CORPUS_TSV)
    assert rows, "CORPUS_ORACLE.tsv is empty: run scripts/regen_pass_goldens.py"
    assert all(r["validate"] == "VALID" and r["canonical"] == "yes" for r in rows.values())


# ------------------------------------------------------------------ nothing lost

DUPLICATE_FIELD_NAMES = (
    'model Group {\n  id    Int    @id\n  links Link[] @relation("GroupLinks")\n}\n\n'
    "model Link {\n  id      Int    @id\n  groupId Int\n"
    '  links   Group  @relation("GroupLinks", fields: [groupId], references: [id])\n'
    "  links   Link[]\n}\n"
)


def test_a_model_with_a_duplicate_field_name_is_left_alone() -> None:
    # issue #11: `links Link[]` was overwritten by the other `links`, and a second fix added more
    schema = parse(DUPLICATE_FIELD_NAMES)
    result = fix(schema)
    printed = print_schema(result.schema)
    assert "  links   Link[]\n" in printed
    assert printed.count("links   Group  @relation") == 1
    assert [c.severity for c in result.changes] == ["warning"]
    assert "Link declares links more than once" in result.changes[0].message
    assert print_schema(fix(parse(printed)).schema) == printed


def test_a_pass_that_drops_a_field_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from prisma_tools import passes
    from prisma_tools.passes.base import Pass

    def rogue(schema: Schema, ctx: PassContext) -> Schema:
        model = schema.files[0].blocks[0]
        dropped = model.model_copy(update={"members": model.members[:1]})  # type: ignore[union-attr]
        return schema.model_copy(update={"files": (schema.files[0].model_copy(update={"blocks": (dropped,)}),)})

    rogue_pass = Pass(code="PT999", name="rogue", function=rogue, runs_after=())
    monkeypatch.setattr(passes, "PASSES", (rogue_pass,))
    schema = parse("model A {\n  id Int @id\n  name String\n}\n")
    out, changes = run_passes(schema, select=None)
    assert out is schema
    assert [c.severity for c in changes] == ["error"]
    assert "rogue would have dropped or changed A.name" in changes[0].message
