"""``prisma-tools rules``, ``rule`` and ``passes``: the rules (every origin), one rule's documentation,
and the repair passes."""

from __future__ import annotations

import click

__all__ = ["passes_command", "rule_command", "rules_command"]


def _fix_mark(code: str) -> str:
    from ..registry import FIXERS

    fx = FIXERS.get(code)
    return {"safe": "fix", "unsafe": "fix*", "display": "hint"}[fx.applicability] if fx else ""


@click.command("rules")
@click.argument("code", required=False)
@click.option(
    "--output-format", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Text or JSON."
)
def rules_command(code: str | None, output_format: str) -> None:
    """List every rule: code, name, severity, fix (fix: safe, fix*: unsafe, hint: shown only) and message.

    With CODE (a code, a prefix such as E4, or a name), show those only;
    `prisma-tools rule CODE` prints one rule's documentation.
    """
    import json

    from ..registry import FIXERS, all_rules, summary
    from ..selection import matches

    rules = all_rules()
    if code is not None:
        rules = [r for r in rules if matches(code, r)]
        if not rules:
            raise click.BadParameter(f"no rule {code!r} (see `prisma-tools rules`)", param_hint="CODE")
    if output_format == "json":
        entries = []
        for r in rules:
            fx = FIXERS.get(r.code)
            entries.append(
                {
                    "code": r.code,
                    "name": r.name,
                    "template": r.template,
                    "severity": r.severity,
                    "summary": summary(r),
                    "origin": r.origin,
                    "default": r.default,
                    "fix": None if fx is None else {"applicability": fx.applicability, "title": fx.title},
                }
            )
        click.echo(json.dumps(entries, indent=2))
        return
    for r in rules:
        click.echo(f"{r.code:<6}{r.name:<33} {r.severity:<7} {_fix_mark(r.code):<5} {r.template}")


@click.command("rule")
@click.argument("code")
def rule_command(code: str) -> None:
    """Print the documentation of one rule (by code or name): what it finds, an example, its fix."""
    from ..registry import get_rule, rule_docs

    r = get_rule(code)
    if r is None:
        raise click.BadParameter(f"no rule {code!r} (see `prisma-tools rules`)", param_hint="CODE")
    click.echo(rule_docs(r), nl=False)


@click.command("passes")
def passes_command() -> None:
    """List the repair passes of `fix`, in the order they run."""
    from ..passes import PASSES

    for p in PASSES:
        click.echo(f"{p.code}  {p.name:<24} {p.summary.replace('``', '`')}")
