"""The one registry of rules: selection by code, prefix and name; opt-in rules; passes and the
diagnostics they repair; extra checks; the doctests of the modules."""

from __future__ import annotations

import doctest
import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from prisma_tools.autofix import parse_texts
from prisma_tools.cli.app import cli
from prisma_tools.registry import CHECKS, all_rules, fix_enabled, get_rule, pass_enabled, register_check
from prisma_tools.selection import Selection, matches, unknown_keys
from prisma_tools.validation import check_schema
from prisma_tools.validation.rules import RULES, Rule, rule


@pytest.mark.parametrize("module", ["prisma_tools.selection", "prisma_tools.autofix"])
def test_doctests(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 0


def test_codes_and_names_are_unique() -> None:
    rules = all_rules()
    assert len({r.code for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)


def test_every_origin_is_there() -> None:
    origins = {r.origin for r in all_rules()}
    assert {"prisma", "repair"} <= origins
    assert get_rule("PT004") is not None
    assert get_rule("add-one-to-one-unique") is get_rule("pt004")


def test_selectors() -> None:
    e441 = get_rule("E441")
    assert e441 is not None
    assert matches("E441", e441)
    assert matches("e4", e441)
    assert matches("E", e441)
    assert matches("one-to-one-not-unique", e441)
    assert matches("ALL", e441)
    assert not matches("E5", e441)
    assert not matches("441", e441)  # a prefix starts with the letter
    assert unknown_keys(["E4", "nope", "W9"], all_rules()) == ["nope", "W9"]


def test_select_extend_ignore() -> None:
    e441, w401, pt001 = (get_rule(c) for c in ("E441", "W401", "PT001"))
    assert e441 is not None and w401 is not None and pt001 is not None  # noqa: PT018
    default = Selection()
    assert default.enabled(e441) and default.enabled(pt001)  # noqa: PT018
    only = Selection(select=("E4",))
    assert only.enabled(e441) and only.enabled(w401) is False and only.enabled(pt001) is False  # noqa: PT018
    more = Selection(select=("E4",), extend_select=("W401",))
    assert more.enabled(w401)
    assert not Selection(select=("E4",), ignore=("E441",)).enabled(e441)
    assert not Selection(extend_select=("E441",), ignore=("E4",)).enabled(e441), "ignore wins"


@pytest.fixture
def opt_in_rule() -> Iterator[Rule]:
    """A lint-like rule, off by default, with a check that reports every model."""
    r = rule("L999", "test-every-model", "Model `{name}` seen.", "warning", default=False, origin="lint")

    @register_check("L999")
    def check(ctx: object) -> None:
        for m in ctx.db.models:  # type: ignore[attr-defined]
            ctx.report(r, m.file, m.node, name=m.name)  # type: ignore[attr-defined]

    yield r
    CHECKS.remove((("L999",), check))
    del RULES["L999"]


def test_opt_in_rules_run_only_when_selected(opt_in_rule: Rule) -> None:
    text = "model A {\n  id Int @id\n}\n"
    schema = parse_texts({"s.prisma": text})
    assert check_schema(schema) == []
    assert check_schema(schema, selection=Selection()) == []
    found = check_schema(schema, selection=Selection(extend_select=("L999",)))
    assert [(f.code, f.message) for f in found] == [("L999", "Model `A` seen.")]
    assert check_schema(schema, selection=Selection(select=("ALL",), ignore=("L",))) == []


def test_opt_in_rule_from_the_command_line(opt_in_rule: Rule, tmp_path: Path) -> None:
    schema = tmp_path / "schema.prisma"
    schema.write_text("model A {\n  id Int @id\n}\n")
    assert "L999" not in CliRunner().invoke(cli, ["check", str(schema)]).output
    r = CliRunner().invoke(cli, ["check", "--extend-select", "test-every-model", str(schema)])
    assert "warning[L999]: Model `A` seen." in r.output
    (tmp_path / "pyproject.toml").write_text('[tool.prisma-tools]\nextend-select = ["L9"]\n')
    r = CliRunner().invoke(cli, ["check", str(schema)])
    assert "warning[L999]" in r.output


def test_a_pass_and_the_diagnostic_it_repairs_go_together() -> None:
    assert pass_enabled("PT004", None)
    assert fix_enabled("E441", None)
    assert not fix_enabled("E441", Selection(ignore=("PT004",)))
    assert not pass_enabled("PT004", Selection(ignore=("E441",)))
    assert fix_enabled("E441", Selection(select=("E441",)))
    assert not pass_enabled("PT004", Selection(select=("E441",)))
    assert fix_enabled("E010", Selection(ignore=("PT",)))


def test_bad_selector_in_the_configuration_is_the_files_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.prisma-tools]\nextend-select = ["X1"]\n')
    schema = tmp_path / "schema.prisma"
    schema.write_text("model A {\n  id Int @id\n}\n")
    r = CliRunner().invoke(cli, ["check", str(schema)])
    assert r.exit_code == 2
    assert "[tool.prisma-tools] extend-select: unknown rule 'X1'" in r.output
