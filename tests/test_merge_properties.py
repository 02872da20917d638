"""Property: independent edits on two branches merge to the schema that applying both edit sets gives.

A base schema is generated, then a set of edits to distinct items (add, delete
or change a model, field, enum value or comment), split between two branches
so that no item is touched by both and nothing one side deletes is touched by
the other. Additions append (a model at the end of the file, a field at the
end of its model, a value at the end of its enum), so "ours, then theirs" is
the order the merge promises. The merge must be clean, mean exactly what
applying ours' edits and then theirs' to the base means (comments included),
and keep every block, field and comment that both sides kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prisma_tools import format_text, parse
from prisma_tools.layout import same_meaning
from prisma_tools.merge import merge_texts
from prisma_tools.nodes import (
    Comment,
    EnumBlock,
    EnumValue,
    FieldAttribute,
    FieldDecl,
    FieldType,
    Model,
    SchemaFile,
)
from prisma_tools.printer import print_file

NAMES = st.sampled_from(["alpha", "beta", "gamma", "delta", "eps", "zeta", "eta", "theta", "iota", "kappa"])
TYPES = st.sampled_from(["String", "Int", "Boolean", "DateTime", "Float"])
WORDS = st.text(alphabet="abcdefghij ", min_size=1, max_size=12).map(lambda s: s.strip() or "x")


@st.composite
def fields(draw: st.DrawFn, name: str) -> FieldDecl:
    attrs = draw(st.sampled_from([(), (FieldAttribute(name="unique"),), (FieldAttribute(name="ignore"),)]))
    comments = (Comment.line(" " + draw(WORDS)),) if draw(st.booleans()) else ()
    trailing = Comment.line(" " + draw(WORDS)) if draw(st.booleans()) else None
    return FieldDecl(
        name=name,
        type=FieldType(name=draw(TYPES), optional=draw(st.booleans())),
        attributes=attrs,
        leading_comments=comments,
        trailing_comment=trailing,
    )


@st.composite
def models(draw: st.DrawFn, name: str) -> Model:
    names = draw(st.lists(NAMES, min_size=1, max_size=5, unique=True))
    comments = (Comment.doc(" " + draw(WORDS)),) if draw(st.booleans()) else ()
    return Model(
        name=name,
        members=tuple(draw(fields(n)) for n in names),
        leading_comments=comments,
        blank_line_before=True,
    )


@st.composite
def enums(draw: st.DrawFn, name: str) -> EnumBlock:
    values = draw(st.lists(st.sampled_from(["A", "B", "C", "D", "E", "F"]), min_size=1, max_size=4, unique=True))
    return EnumBlock(name=name, members=tuple(EnumValue(name=v) for v in values), blank_line_before=True)


@st.composite
def bases(draw: st.DrawFn) -> SchemaFile:
    names = draw(
        st.lists(st.sampled_from(["User", "Post", "Tag", "Team", "Note"]), min_size=1, max_size=4, unique=True)
    )
    blocks: list[Any] = [draw(models(n)) for n in names]
    if draw(st.booleans()):
        blocks.append(draw(enums("Role")))
    blocks[0] = blocks[0].model_copy(update={"blank_line_before": False})
    return SchemaFile(path="schema.prisma", blocks=tuple(blocks))


@dataclass(frozen=True)
class Edit:
    op: str  # add_model | delete_model | add_field | delete_field | change_field | add_value | delete_value
    target: tuple[str, ...]  # (block,) or (block, member)
    node: Any = None


def _blocks(f: SchemaFile) -> list[Any]:
    return list(f.blocks)


def apply(f: SchemaFile, edits: list[Edit]) -> SchemaFile:
    blocks = _blocks(f)
    for e in edits:
        if e.op == "add_model":
            blocks.append(e.node)
            continue
        i = next(i for i, b in enumerate(blocks) if b.name == e.target[0])
        b = blocks[i]
        if e.op == "delete_model":
            del blocks[i]
            continue
        members = list(b.members)
        if e.op in ("add_field", "add_value"):
            members.append(e.node)
        else:
            j = next(j for j, m in enumerate(members) if m.name == e.target[1])
            if e.op in ("delete_field", "delete_value"):
                del members[j]
            else:
                members[j] = e.node
        blocks[i] = b.model_copy(update={"members": tuple(members)})
    if blocks:
        blocks[0] = blocks[0].model_copy(update={"blank_line_before": False})
    return f.model_copy(update={"blocks": tuple(blocks)})


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[SchemaFile, list[Edit], list[Edit]]:
    base = draw(bases())
    edits: list[Edit] = []
    new_models = [n for n in ("Alpha", "Beta", "Gamma", "Delta") if base.blocks and draw(st.booleans())]
    for n in new_models:
        edits.append(Edit("add_model", (n,), draw(models(n))))
    for b in base.blocks:
        if isinstance(b, Model):
            choice = draw(st.sampled_from(["none", "none", "delete", "members"]))
            if choice == "delete":
                edits.append(Edit("delete_model", (b.name,)))
                continue
            if choice == "none":
                continue
            have = {f.name for f in b.fields}
            for f in b.fields:
                op = draw(st.sampled_from(["none", "none", "delete_field", "change_field"]))
                if op == "delete_field" and len(have) > 1:
                    have.discard(f.name)
                    edits.append(Edit(op, (b.name, f.name)))
                elif op == "change_field":
                    changed = draw(fields(f.name))
                    if not same_meaning(changed, f):
                        edits.append(Edit(op, (b.name, f.name), changed))
            for extra in draw(st.lists(st.sampled_from(["lambda_", "mu", "nu", "xi"]), max_size=2, unique=True)):
                edits.append(Edit("add_field", (b.name, extra), draw(fields(extra))))
        elif isinstance(b, EnumBlock):
            values = [v.name for v in b.values]
            for v in values[1:]:
                if draw(st.booleans()):
                    edits.append(Edit("delete_value", (b.name, v)))
            for extra in draw(st.lists(st.sampled_from(["X", "Y", "Z"]), max_size=2, unique=True)):
                edits.append(Edit("add_value", (b.name, extra), EnumValue(name=extra)))
    # each item is touched by one edit at most, and a deleted model by nothing else: any split is independent
    mine = draw(st.lists(st.booleans(), min_size=len(edits), max_size=len(edits)))
    ours = [e for e, m in zip(edits, mine, strict=True) if m]
    theirs = [e for e, m in zip(edits, mine, strict=True) if not m]
    return base, ours, theirs


def _comments(f: SchemaFile) -> set[tuple[str, str, str]]:
    """Every comment, with the block and member it belongs to."""
    out = set()
    for b in f.blocks:
        out.update((b.name, "", c.text) for c in getattr(b, "leading_comments", ()))
        for m in b.members:
            out.update((b.name, m.name, c.text) for c in m.leading_comments)
            if m.trailing_comment is not None:
                out.add((b.name, m.name, m.trailing_comment.text))
    return out


def _items(f: SchemaFile) -> set[tuple[str, str]]:
    """Every block and member, by name."""
    return {(b.name, "") for b in f.blocks} | {(b.name, m.name) for b in f.blocks for m in b.members}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_independent_edits_merge_to_both_edit_sets(case: tuple[SchemaFile, list[Edit], list[Edit]]) -> None:
    base, ours_edits, theirs_edits = case
    ours = apply(base, ours_edits)
    theirs = apply(base, theirs_edits)
    expected = apply(base, ours_edits + theirs_edits)
    result = merge_texts(print_file(base), print_file(ours), print_file(theirs), "schema.prisma")
    assert result.clean, result.text
    assert format_text(result.text) == result.text  # canonical
    merged = parse(result.text, "schema.prisma").files[0]
    assert same_meaning(merged, parse(print_file(expected), "schema.prisma").files[0]), result.text
    # nothing both sides kept is lost
    for b in merged.blocks, ours.blocks, theirs.blocks:
        assert len({x.name for x in b}) == len(b)  # and nothing doubled
    assert _items(ours) & _items(theirs) <= _items(merged)
    assert _comments(ours) & _comments(theirs) <= _comments(merged)


# ------------------------------------------------------------------ robustness


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_three_texts_merge_without_crashing(data: st.DataObject) -> None:
    """Related texts (valid or not) merge without crashing, as many conflicts either way round,
    with well-formed regions; with theirs unchanged the result is ours, formatted."""
    from strategies import schema_files, schema_soup

    from prisma_tools.diagnostics import ParseError

    # a base, and two descendants made by line edits (so that they share, change and delete items)
    if data.draw(st.booleans()):
        base = data.draw(schema_soup(max_lines=12))
    else:
        base = print_file(data.draw(schema_files(canonical=False)))
    texts = [base]
    for _ in range(2):
        lines = base.splitlines(keepends=True)
        for _ in range(data.draw(st.integers(0, 4))):
            op = data.draw(st.sampled_from(["delete", "duplicate", "insert", "change"]))
            at = data.draw(st.integers(0, max(0, len(lines) - 1)))
            if op == "insert" or not lines:
                lines.insert(
                    at, data.draw(st.sampled_from(["  x Int\n", "  y String?\n", "  Z\n", "}\n", "model Q {\n"]))
                )
            elif op == "delete":
                del lines[at]
            elif op == "duplicate":
                lines.insert(at, lines[at])
            else:
                lines[at] = lines[at].replace(" ", "  ", 1).replace("Int", "BigInt").replace("?", "")
        texts.append("".join(lines))
    try:
        result = merge_texts(*texts, path="schema.prisma")
        swapped = merge_texts(texts[0], texts[2], texts[1], path="schema.prisma")
        one_sided = merge_texts(texts[0], texts[1], texts[0], path="schema.prisma")
    except ParseError:
        return  # a version with conflict markers of its own
    assert len(swapped.conflicts) == len(result.conflicts)  # the sides play the same part
    # theirs unchanged: the merge is ours, formatted
    assert one_sided.clean
    assert one_sided.text == format_text(texts[1], strict=False)
    if result.clean:
        parse(result.text, strict=False)  # the result reads back
    else:
        from prisma_tools.conflict_markers import split_sides

        sides = split_sides(result.text)  # complete, well-formed regions
        assert len(sides.regions) == len(result.conflicts)
