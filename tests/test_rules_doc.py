"""docs/rules.md is what scripts/gen_rules_doc.py writes; `prisma-tools rule` prints the same sections."""

from __future__ import annotations

from click.testing import CliRunner

from prisma_tools.cli.app import cli
from prisma_tools.registry import FIXERS, all_rules, get_rule, render_rules_doc, rule_docs
from tests.conftest import REPO


def test_rules_doc_is_current() -> None:
    current = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == render_rules_doc(all_rules()), "docs/rules.md is stale: run python scripts/gen_rules_doc.py"


def test_every_rule_is_documented_once() -> None:
    text = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    for r in all_rules():
        assert text.count(f'<a id="{r.code.lower()}"></a>') == 1, r.code


def test_every_fix_has_docs_with_an_example() -> None:
    for code, fx in FIXERS.items():
        assert fx.title, code
        assert "```prisma" in fx.docs, f"{code}: the fix's documentation has no example"


def test_rule_command_prints_the_rule_docs() -> None:
    r = CliRunner().invoke(cli, ["rule", "E441"])
    assert r.exit_code == 0
    assert r.output == rule_docs(get_rule("E441"))  # type: ignore[arg-type]
    assert "Make referencing fields unique" in r.output
    by_name = CliRunner().invoke(cli, ["rule", "one-to-one-not-unique"])
    assert by_name.output == r.output
    bad = CliRunner().invoke(cli, ["rule", "E9999"])
    assert bad.exit_code == 2


def test_rules_lists_every_origin_with_its_fix_mark() -> None:
    r = CliRunner().invoke(cli, ["rules"])
    lines = r.output.splitlines()
    assert any(line.startswith("PT004 ") for line in lines)
    e201 = next(line for line in lines if line.startswith("E201 "))
    assert " fix* " in e201  # unsafe fix
    e441 = next(line for line in lines if line.startswith("E441 "))
    assert " fix " in e441
