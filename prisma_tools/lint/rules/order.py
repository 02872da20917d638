"""The order of a model's fields."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from ...edits import TextEdit
from ...nodes import FieldDecl
from ..rule import Finding, LintRule, Options

if TYPE_CHECKING:
    from ...resolve import FieldBlockInfo
    from ..context import LintContext

ANY = "..."


class FieldOrderOptions(Options):
    order: list[str]
    """Field names in order; ``...`` stands for any number of other fields."""


def out_of_order(actual: Sequence[str], order: Sequence[str]) -> list[str]:
    """The fields of ``actual`` that break ``order`` (prisma-lint's walk of both lists)."""
    present = set(actual)
    expected = [n for n in order if n in present or n == ANY]
    e = a = 0
    wrong: list[str] = []
    while e < len(expected) and a < len(actual):
        if actual[a] == expected[e]:
            e += 1
            a += 1
        elif expected[e] == ANY:
            if e + 1 < len(expected) and actual[a] == expected[e + 1]:
                e += 1
            else:
                a += 1
        else:
            wrong.append(actual[a])
            a += 1
    wrong.extend(actual[a:])
    return wrong


def _reordered(actual: list[str], order: Sequence[str]) -> list[str] | None:
    """An order of ``actual`` that satisfies ``order``: the others in the first ``...``, as they were."""
    present = set(actual)
    expected = [n for n in order if n in present or n == ANY]
    named = set(expected)
    others = [n for n in actual if n not in named]
    if others and ANY not in expected:
        return None
    out: list[str] = []
    for n in expected:
        if n != ANY:
            out.append(n)
        elif others:
            out.extend(others)
            others = []
    return out if not out_of_order(out, order) and sorted(out) == sorted(actual) else None


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end + 1


def _move_edit(ctx: LintContext, model: FieldBlockInfo, new_order: list[str]) -> list[TextEdit] | None:
    """One edit rewriting the run of field lines in the new order, comments moving with their field."""
    members = [m for m in model.node.members if isinstance(m, FieldDecl) and m.span is not None]
    if len(members) != len(model.node.members) or len({m.name for m in members}) != len(members):
        return None  # a line that does not parse, or a duplicated field: leave the block alone
    text = ctx.rewrite.texts[model.file.path]
    chunks: list[tuple[int, int]] = []
    for m in members:
        assert m.span is not None
        first = m.leading_comments[0].span if m.leading_comments else m.span
        if first is None:
            return None
        chunks.append((_line_start(text, first.start_offset), _line_end(text, m.span.end_offset)))
    for (_, end), (start, _) in pairwise(chunks):
        if text[end:start].strip():
            return None  # something else sits between two fields (a block attribute)
    by_name = {m.name: text[s:e] for m, (s, e) in zip(members, chunks, strict=True)}
    nl = "\r\n" if "\r\n" in text else "\n"
    pieces = []
    for i, name in enumerate(new_order):
        chunk = by_name[name]
        pieces.append(chunk if chunk.endswith("\n") else chunk + nl)
        if i + 1 < len(chunks):
            pieces.append(text[chunks[i][1] : chunks[i + 1][0]])  # the blank lines stay where they were
    new_text = "".join(pieces)
    if not text[chunks[-1][0] : chunks[-1][1]].endswith("\n"):
        new_text = new_text.removesuffix(nl)
    start, end = chunks[0][0], chunks[-1][1]
    if new_text == text[start:end]:
        return None
    return [TextEdit(path=model.file.path, start=start, end=end, content=new_text)]


def _field_order(ctx: LintContext, model: FieldBlockInfo, options: FieldOrderOptions) -> Iterator[Finding]:
    actual = [f.name for f in model.fields]
    if not out_of_order(actual, options.order):
        return
    expected = [n for n in options.order if n in set(actual) or n == ANY]
    new_order = _reordered(actual, options.order)
    edits = _move_edit(ctx, model, new_order) if new_order is not None else None
    fix = ctx.fix("Reorder the fields", "safe", edits)
    listed = ", ".join(f'"{n}"' for n in expected)
    yield Finding(model, f'Fields of "{model.name}" are not in the expected order: {listed}.', fix=fix)


FIELD_ORDER = LintRule(
    code="PL008",
    name="field-order",
    summary="Fields come in a given order.",
    docs="""\
The fields named in `order` must appear in that order; `...` stands for any
number of other fields. The first entry (unless `...`) must be the first field,
the last entry the last one. Names in `order` that a model lacks are skipped
(`require-field` asks for fields).

The fix moves the fields, with their comments, into the order (the other fields
keep their relative order, at the first `...`). Moving fields changes no data but
the column order of a table created from scratch; it is safe.

With `order = ["tenantId", "id", "..."]`:

```prisma
// good
model User {
  tenantId String
  id       String @id
  email    String
}

// bad
model User {
  id       String @id
  email    String
  tenantId String
}
```
""",
    scope="model",
    options=FieldOrderOptions,
    check=_field_order,
    fix="safe",
    fix_summary="move the fields into the order",
    options_required=True,
)
