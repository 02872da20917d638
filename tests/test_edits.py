"""The fix model: text edits applied all at once, never half."""

from __future__ import annotations

import pytest

from prisma_tools.diagnostics import Diagnostic
from prisma_tools.edits import Fix, TextEdit, apply_edits, overlapping


def test_edits_apply_in_offset_order() -> None:
    text = "model A {\n  id Int\n}\n"
    edits = [TextEdit(path="s", start=18, end=18, content=" @id"), TextEdit(path="s", start=6, end=7, content="B")]
    assert apply_edits(text, edits) == "model B {\n  id Int @id\n}\n"


def test_overlapping_edits_are_refused() -> None:
    a = TextEdit(path="s", start=0, end=4, content="x")
    b = TextEdit(path="s", start=2, end=6, content="y")
    assert overlapping(a, b)
    with pytest.raises(ValueError, match="overlaps"):
        apply_edits("abcdefgh", [a, b])


def test_out_of_range_edit_is_refused() -> None:
    with pytest.raises(ValueError, match="outside"):
        apply_edits("abc", [TextEdit(path="s", start=2, end=9)])


def test_two_insertions_at_one_point_overlap() -> None:
    assert overlapping(TextEdit(path="s", start=3, end=3), TextEdit(path="s", start=3, end=3))
    assert not overlapping(TextEdit(path="s", start=3, end=3), TextEdit(path="t", start=3, end=3))


def test_a_diagnostic_carries_its_fix_through_json() -> None:
    fix = Fix(
        message="Add @unique", applicability="safe", edits=(TextEdit(path="s", start=1, end=1, content="@unique"),)
    )
    d = Diagnostic(severity="error", message="m", fix=fix)
    dumped = d.model_dump()
    assert dumped["fix"]["applicability"] == "safe"
    assert dumped["fix"]["edits"][0]["content"] == "@unique"
    assert Diagnostic.model_validate(dumped) == d
    with pytest.raises(ValueError, match="applicability"):
        Fix.model_validate({"message": "m", "applicability": "sometimes", "edits": []})
