"""Property: random edits through prisma_tools.edit never change the text of the blocks they do not touch.

Sources are generated schemas printed and then re-indented at random (so the
copied text is visibly not what the printer would write); a random sequence of
edits goes through :class:`~prisma_tools.edit.Document`. In the output, every
block the edits did not name is byte for byte its source text (comments above
it included), and every block they changed or added is exactly what
``prisma format`` prints for it.
"""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st
from strategies import identifiers, schema_files
from test_properties import examples

from prisma_tools.diagnostics import ParseError
from prisma_tools.edit import Document
from prisma_tools.edit.render import block_text, canonical_block_text
from prisma_tools.nodes import CompositeType, EnumBlock, Model, SchemaFile, View
from prisma_tools.parser import parse
from prisma_tools.printer import print_file

DATA = (Model, View, CompositeType, EnumBlock)


@st.composite
def sources(draw: st.DrawFn) -> str:
    f = draw(schema_files(canonical=False, max_blocks=5))
    indents = st.sampled_from(("", " ", "    ", "\t", "      "))
    lines = print_file(f).split("\n")
    return "\n".join(draw(indents) + ln.lstrip(" ") if ln.startswith("  ") else ln for ln in lines)


def _names(f: SchemaFile) -> list[str]:
    return [b.name for b in f.blocks if isinstance(b, DATA)]


def _edit(doc: Document, data: st.DataObject) -> set[str]:
    """One random edit; returns the names of the blocks it touched (new ones included)."""
    blocks = [b for b in doc.schema.files[0].blocks if isinstance(b, DATA)]
    names = [b.name for b in blocks]
    op = data.draw(st.sampled_from(("add_block", "remove_block", "move_block", "add", "remove", "move", "attr")))
    fresh = data.draw(identifiers(digit_first=False)).capitalize() + "X"
    if op == "add_block" or not blocks:
        if fresh in names:
            return set()
        doc.add_block(f"model {fresh} {{\n  id Int @id\n}}")
        return {fresh}
    b = data.draw(st.sampled_from(blocks))
    members = [m.name for m in b.members if hasattr(m, "name")]
    if op == "remove_block":
        doc.remove_block(b.name)
        return {b.name}
    if op == "move_block":
        doc.move_block(b.name, before=data.draw(st.sampled_from(names)) if len(names) > 1 else None)
        # moving changes no block's text; the ones around it keep theirs too
        return set()
    if op == "add":
        new = fresh.lower()
        if new in members:
            return set()
        doc.add_member(b.name, new if isinstance(b, EnumBlock) else f"{new} String? @unique // new")
    elif op == "remove" and members:
        doc.remove_member(f"{b.name}.{data.draw(st.sampled_from(members))}")
    elif op == "move" and len(members) > 1:
        doc.move_member(f"{b.name}.{data.draw(st.sampled_from(members))}", before=members[0])
    elif op == "attr" and not isinstance(b, EnumBlock):
        doc.add_attribute(b.name, "@@ignore")
    else:
        return set()
    return {b.name}


@examples(150)
@given(sources(), st.data())
def test_edits_keep_untouched_blocks_byte_for_byte(text: str, data: st.DataObject) -> None:
    try:
        original = parse(text, "schema.prisma")
    except ParseError:
        assume(False)
        return
    names = _names(original.files[0])
    assume(len(set(names)) == len(names) == len(original.files[0].blocks))  # one block per name, all named
    doc = Document(original, {"schema.prisma": text})
    touched: set[str] = set()
    for _ in range(data.draw(st.integers(1, 4))):
        touched |= _edit(doc, data)
    out = doc.text()
    result = parse(out, "schema.prisma").files[0]
    old_blocks = {b.name: (i, b) for i, b in enumerate(original.files[0].blocks)}  # type: ignore[union-attr]
    current = {b.name: b for b in doc.schema.files[0].blocks}  # type: ignore[union-attr]
    changed = {n for n, b in current.items() if n not in old_blocks or old_blocks[n][1] is not b}
    assert changed <= touched  # an edit rebuilds only the block it names
    assert sorted(_names(result)) == sorted(current)
    for i, b in enumerate(result.blocks):
        name = b.name  # type: ignore[union-attr]
        written = block_text(result, out, i)
        if name in changed:
            assert written == canonical_block_text(current[name])
        else:
            assert written == block_text(original.files[0], text, old_blocks[name][0])
