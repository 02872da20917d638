"""``prisma-tools rules`` and ``passes``: the validation codes and the repair passes."""

from __future__ import annotations

import click

__all__ = ["passes_command", "rules_command"]


@click.command("rules")
@click.argument("code", required=False)
@click.option(
    "--output-format", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Text or JSON."
)
def rules_command(code: str | None, output_format: str) -> None:
    """List the diagnostics `check` reports: code, name, severity and Prisma's message.

    With CODE (or a name), show that one only.
    """
    import json

    from ..validation import all_rules

    rules = all_rules()
    if code is not None:
        rules = [r for r in rules if code in (r.code, r.name)]
        if not rules:
            raise click.BadParameter(f"no rule {code!r} (see `prisma-tools rules`)", param_hint="CODE")
    if output_format == "json":
        click.echo(json.dumps([r.__dict__ for r in rules], indent=2))
        return
    for r in rules:
        click.echo(f"{r.code}  {r.name:<32} {r.severity:<7}  {r.template}")


@click.command("passes")
def passes_command() -> None:
    """List the repair passes of `fix`, in the order they run."""
    from ..passes import PASSES

    for p in PASSES:
        click.echo(f"{p.code}  {p.name:<24} {p.summary.replace('``', '`')}")
